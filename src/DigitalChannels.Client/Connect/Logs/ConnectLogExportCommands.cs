using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using DigitalChannels.Client.Commands;
using DigitalChannels.Client.Connect.Flows;

namespace DigitalChannels.Client.Connect.Logs
{
    /// <summary>What Start-, Get-, Wait- and Save-ConnectLogExport do; the cmdlets only bind parameters and call these.</summary>
    public static class ConnectLogExportCommands
    {
        public const string Noun = "ConnectLogExport";

        /// <summary>How often Wait-ConnectLogExport asks for the status.</summary>
        public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(1);

        /// <summary>An export takes seconds (up to 30 minutes for millions of records on the platform); waiting gives up after this by default.</summary>
        public static readonly TimeSpan DefaultWaitTimeout = TimeSpan.FromMinutes(10);

        /// <summary>
        /// DOWNLOAD on Tools > Export Logs: a job for the <paramref name="direction"/> log of the service (one channel, or all)
        /// over the period; without one, the last day up to now on the tenant's clock.
        /// </summary>
        public static async Task StartAsync(ICommandHost host, DigitalChannelsConnection connection, ConnectServiceIdentity service,
            ConnectLogDirection direction, ConnectFlowKind? channel, DateTimeOffset? from, DateTimeOffset? to)
        {
            if (service == null) throw new ArgumentNullException(nameof(service));
            connection.ConnectLogs.RequireApi("Exporting Connect logs");
            var start = from?.ToUniversalTime();
            var end = to?.ToUniversalTime();
            if (start.HasValue && end.HasValue && end <= start)
                throw new ArgumentException($"-To ({end:u}) must be after -From ({start:u}).", nameof(to));
            var resolved = await ReferenceNotFoundException.Resolve(service.ResolveAsync(connection.ConnectServices, host.CancellationToken));
            var period = start.HasValue || end.HasValue ? $"from {(start.HasValue ? start.Value.ToString("u") : "a day before")} to {(end.HasValue ? end.Value.ToString("u") : "now")}" : "of the last day";
            if (!host.ShouldProcess($"{direction} logs of service '{resolved.Name}'{(channel.HasValue ? $", {channel} channel" : ", every channel")}, {period}", "Export")) return;
            var job = await connection.ConnectLogs.StartAsync(resolved.Id, direction, channel?.ToString(), start, end, host.CancellationToken);
            host.WriteVerbose($"Log export {job.Id} is {job.StatusText} until {job.ReadyTime:u} (tenant time); Wait-ConnectLogExport waits for it.");
            host.WriteObject(job);
        }

        /// <summary>The recent jobs, newest first, or the ones named.</summary>
        public static async Task GetAsync(ICommandHost host, DigitalChannelsConnection connection, IReadOnlyList<ConnectLogExportIdentity> exports)
        {
            connection.ConnectLogs.RequireApi("Listing Connect log exports");
            if (exports == null || exports.Count == 0)
            {
                foreach (var job in await connection.ConnectLogs.ListAsync(host.CancellationToken)) host.WriteObject(job);
                return;
            }
            foreach (var export in exports) host.WriteObject(await connection.ConnectLogs.GetAsync(export.Id, host.CancellationToken));
        }

        /// <summary>
        /// Waits until every job is Ready for download, all at once (as Wait-Job): one progress bar, one timeout for the whole
        /// wait, each job written as soon as it is ready. Ctrl+C cancels the host's token and ends the wait.
        /// <paramref name="delay"/> is the test hook for the pause between polls.
        /// </summary>
        public static Task WaitAsync(ICommandHost host, DigitalChannelsConnection connection, IReadOnlyList<ConnectLogExportIdentity> exports,
            TimeSpan timeout, TimeSpan pollInterval, Func<TimeSpan, CancellationToken, Task> delay = null)
        {
            if (exports == null) throw new ArgumentNullException(nameof(exports));
            if (exports.Any(e => e == null)) throw new ArgumentException("A log export to wait for is null.", nameof(exports));
            if (exports.Count == 0) return Task.CompletedTask;
            connection.ConnectLogs.RequireApi("Waiting for a Connect log export");
            var activity = exports.Count == 1 ? $"Waiting for log export {exports[0]} to be ready for download" : $"Waiting for {exports.Count} log exports to be ready for download";
            return PollingWait.AllAsync(host, Noun, activity, exports, async (export, token) =>
            {
                var job = await connection.ConnectLogs.GetAsync(export.Id, token);
                if (job.IsReady)
                {
                    host.WriteVerbose($"Log export {job.Id} is Ready for download: {job.RecordCount} record(s), {job.FileName}.");
                    return WaitState.Done(job);
                }
                var expected = job.ReadyTime - job.RequestedTime;
                return WaitState.Pending($"{job.Direction} logs of '{job.ServiceName}': In progress until {job.ReadyTime:u}", expected,
                    t => $"Log export {job.Id} was still In progress after {t.TotalSeconds:0} s (until {job.ReadyTime:u}, tenant time).", job.ReadyTime);
            }, timeout, pollInterval, delay);
        }

        /// <summary>
        /// Downloads a ready job's CSV to <paramref name="outFile"/> (or, when that is a folder, to the job's file name in it).
        /// An existing file is never replaced without <paramref name="force"/>. A job still In progress is refused by the server.
        /// </summary>
        public static async Task SaveAsync(ICommandHost host, DigitalChannelsConnection connection, ConnectLogExportIdentity export, string outFile, bool force)
        {
            if (export == null) throw new ArgumentNullException(nameof(export));
            connection.ConnectLogs.RequireApi("Downloading a Connect log export");
            var token = host.CancellationToken;
            var job = export.Export != null && export.Export.IsReady ? export.Export : await connection.ConnectLogs.GetAsync(export.Id, token);
            var target = OutFile.Resolve(outFile, job.FileName ?? $"{(job.Direction ?? "connect").ToLowerInvariant()}-logs-{job.Id}.csv");
            if (!host.ShouldProcess(target, $"Save the {job.Direction} log of service '{job.ServiceName}' (export {job.Id})")) return;
            var csv = await connection.ConnectLogs.DownloadAsync(job.Id, token);
            var file = OutFile.Write(target, csv ?? string.Empty, force, "log");
            var rows = CountRows(csv);
            host.WriteVerbose($"Saved log export {job.Id} ({rows} record(s)) to '{file.FullName}'.");
            host.WriteObject(new ConnectLogExportFile(job.Id, file.FullName, rows, file.Length));
        }

        /// <summary>Data rows of the CSV: its lines outside quotes, less the header.</summary>
        internal static int CountRows(string csv)
        {
            if (string.IsNullOrEmpty(csv)) return 0;
            var lines = 0;
            var quoted = false;
            for (var i = 0; i < csv.Length; i++)
            {
                if (csv[i] == '"') quoted = !quoted;
                else if (csv[i] == '\n' && !quoted) lines++;
            }
            if (csv[csv.Length - 1] != '\n') lines++;
            return Math.Max(0, lines - 1);
        }
    }
}
