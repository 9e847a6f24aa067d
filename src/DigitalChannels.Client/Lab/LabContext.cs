using System;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using DigitalChannels.Client.Lab.Definition;

namespace DigitalChannels.Client.Lab
{
    /// <summary>How long the engine waits for the platform, and how it pauses; tests shorten them.</summary>
    public sealed class LabTimings
    {
        /// <summary>Between two reads while waiting for provisioning or Make Live.</summary>
        public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

        /// <summary>Provisioning takes about 5 minutes (lab 12.1).</summary>
        public TimeSpan ProvisioningTimeout { get; set; } = TimeSpan.FromMinutes(15);

        /// <summary>Make Live takes about 2 minutes (Flow Builder overview, 5).</summary>
        public TimeSpan FlowLiveTimeout { get; set; } = TimeSpan.FromMinutes(10);

        /// <summary>The longest pause between two reads when the platform says when it will be ready (progress stays alive).</summary>
        public TimeSpan MaxPause { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>The test hook for the pause between polls.</summary>
        public Func<TimeSpan, CancellationToken, Task> Delay { get; set; } = (d, ct) => Task.Delay(d, ct);

        /// <summary>The test hook for the time now (the pause until a ready time is measured from it).</summary>
        public Func<DateTimeOffset> Now { get; set; } = () => DateTimeOffset.UtcNow;

        /// <summary>
        /// The pause before the next read: until the ready time the platform gave (plus a little, since it finishes on
        /// its own clock), at most <see cref="MaxPause"/>; the poll interval when it gave none or the time has passed.
        /// </summary>
        public TimeSpan PauseUntil(DateTimeOffset? readyAt)
        {
            if (!readyAt.HasValue) return PollInterval;
            var left = readyAt.Value - Now();
            if (left <= TimeSpan.Zero) return PollInterval;
            var margin = TimeSpan.FromMilliseconds(Math.Min(1000, Math.Max(100, left.TotalMilliseconds / 20)));
            var pause = left + margin;
            return pause > MaxPause ? MaxPause : pause;
        }
    }

    /// <summary>Everything a step needs for one pod: the connection, the pod's definition, cancellation and waiting.</summary>
    public sealed class LabContext
    {
        private readonly Action<string, string, int> _reportWait;

        public LabContext(DigitalChannelsConnection connection, LabDefinition definition, LabTimings timings, CancellationToken cancellationToken,
            Action<string, string, int> reportWait = null, WorkflowFileCache workflowFiles = null)
        {
            WorkflowFiles = workflowFiles ?? new WorkflowFileCache();
            Connection = connection ?? throw new ArgumentNullException(nameof(connection));
            Definition = definition ?? throw new ArgumentNullException(nameof(definition));
            Timings = timings ?? new LabTimings();
            CancellationToken = cancellationToken;
            _reportWait = reportWait;
        }

        public DigitalChannelsConnection Connection { get; }
        public LabDefinition Definition { get; }
        public LabTimings Timings { get; }
        public CancellationToken CancellationToken { get; }

        /// <summary>The run's flow files, read once for all its pods.</summary>
        public WorkflowFileCache WorkflowFiles { get; }

        /// <summary>
        /// True against the DigitalChannels sandbox, where the engine itself may follow the links of the mails a person
        /// would click (activation, JOIN THE TEAM): the outbox is readable there and nowhere else.
        /// </summary>
        public bool IsSandbox => Connection.Environment.IsSandbox;

        /// <summary>A long wait's progress: activity, status, percent (or -1).</summary>
        public void ReportWait(string activity, string status, int percent) => _reportWait?.Invoke(activity, status, percent);

        /// <summary>
        /// Polls <paramref name="read"/> until <paramref name="done"/> holds, reporting progress, honouring cancellation
        /// (Ctrl+C), and failing with <paramref name="describe"/>'s words after <paramref name="timeout"/>. When the
        /// platform says when it will be ready (<paramref name="readyAt"/>), the next read is at that time instead of
        /// every poll interval: the platform's pace, not ours, sets the number of reads.
        /// </summary>
        public async Task<T> WaitUntilAsync<T>(string activity, Func<CancellationToken, Task<T>> read, Func<T, bool> done, Func<T, string> describe,
            TimeSpan timeout, Func<T, int> percent = null, Func<T, DateTimeOffset?> readyAt = null)
        {
            var waited = TimeSpan.Zero;
            while (true)
            {
                var current = await read(CancellationToken).ConfigureAwait(false);
                if (done(current)) return current;
                if (waited >= timeout)
                    throw new TimeoutException($"{activity}: still {describe(current)} after {timeout.TotalSeconds:0} s.");
                ReportWait(activity, describe(current), percent?.Invoke(current) ?? -1);
                var pause = Timings.PauseUntil(readyAt?.Invoke(current));
                await Timings.Delay(pause, CancellationToken).ConfigureAwait(false);
                waited += pause;
            }
        }

        /// <summary>
        /// A password for an account the engine activates in the sandbox. It is never printed or stored: nobody signs in
        /// with it, and the sandbox only needs one to accept the activation.
        /// </summary>
        internal static string NewSandboxPassword()
        {
            var bytes = new byte[18];
            using (var random = RandomNumberGenerator.Create()) random.GetBytes(bytes);
            return "Lab-" + Convert.ToBase64String(bytes).Replace('+', 'x').Replace('/', 'y') + "1a";
        }
    }
}
