using System;
using System.Threading;

namespace DigitalChannels.Client.Commands
{
    /// <summary>
    /// One activity of a command's progress tree: every record it writes carries its id and its parent's, and it ends
    /// with exactly one Completed record (Dispose, or <see cref="Complete"/>), also when the work fails or is cancelled,
    /// so that no bar is left behind. Thread-safe: parallel pods report through their own children.
    /// </summary>
    public sealed class ProgressActivity : IDisposable
    {
        // Children get ids from here: unique among everything shown at once, apart from the small fixed ids that
        // commands give their top-level activities.
        private static int _nextChildId = 1000;

        private readonly ICommandHost _host;
        private int _completed;

        public ProgressActivity(ICommandHost host, int id, string activity, ProgressActivity parent = null)
        {
            _host = host ?? throw new ArgumentNullException(nameof(host));
            Id = id;
            Activity = activity;
            ParentId = parent?.Id ?? -1;
        }

        public int Id { get; }
        public int ParentId { get; }
        public string Activity { get; }
        public bool IsCompleted => Volatile.Read(ref _completed) != 0;

        /// <summary>An activity beneath this one, with an id of its own.</summary>
        public ProgressActivity Child(string activity) =>
            new ProgressActivity(_host, Interlocked.Increment(ref _nextChildId) & int.MaxValue, activity, this);

        /// <param name="status">What is happening now.</param>
        /// <param name="percent">0–100, or -1 when unknown.</param>
        /// <param name="endsAt">When the platform said it will be done: becomes SecondsRemaining.</param>
        /// <param name="now">The clock to measure <paramref name="endsAt"/> against (tests); UTC now by default.</param>
        /// <param name="currentOperation">The line under the bar, if any.</param>
        public void Report(string status, int percent = -1, DateTimeOffset? endsAt = null, DateTimeOffset? now = null, string currentOperation = null)
        {
            if (IsCompleted) return;
            _host.WriteProgress(new ProgressUpdate(Id, Activity, status)
            {
                ParentActivityId = ParentId,
                PercentComplete = percent < 0 ? -1 : Math.Min(100, percent),
                SecondsRemaining = SecondsUntil(endsAt, now ?? DateTimeOffset.UtcNow),
                CurrentOperation = currentOperation,
            });
        }

        /// <summary>The closing record; later calls (and Dispose) write nothing.</summary>
        public void Complete(string status = "Done")
        {
            if (Interlocked.Exchange(ref _completed, 1) != 0) return;
            _host.WriteProgress(new ProgressUpdate(Id, Activity, status) { ParentActivityId = ParentId, Completed = true });
        }

        public void Dispose() => Complete();

        /// <summary>Whole seconds from <paramref name="now"/> to <paramref name="endsAt"/>, at least 0; -1 (unknown) without an end.</summary>
        public static int SecondsUntil(DateTimeOffset? endsAt, DateTimeOffset now)
        {
            if (!endsAt.HasValue) return -1;
            var seconds = Math.Ceiling((endsAt.Value - now).TotalSeconds);
            return seconds <= 0 ? 0 : seconds >= int.MaxValue ? int.MaxValue : (int)seconds;
        }
    }
}
