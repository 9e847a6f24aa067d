using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using DigitalChannels.Client.Http;
using Newtonsoft.Json.Linq;

namespace DigitalChannels.Client.Connect.Logs
{
    /// <summary>
    /// Tools > Export Logs over the sandbox's Connect administration API. Webex has no public API for it (platform facts
    /// §3.2), so against a live tenant every call stops with NoPublicApi naming the portal page.
    /// </summary>
    public sealed class ConnectLogsClient
    {
        public const string ExportLogsPage = "Webex Connect portal > Tools > Export Logs";
        private readonly DigitalChannelsConnection _connection;

        internal ConnectLogsClient(DigitalChannelsConnection connection)
        {
            _connection = connection;
        }

        private WebexHttpPipeline Http => _connection.Pipeline;

        public void RequireApi(string operation) => _connection.RequireConnectAdministration(operation, ExportLogsPage);

        private Uri Exports(string path, string operation) =>
            new Uri(_connection.RequireConnectAdministration(operation, ExportLogsPage),
                $"organization/{Uri.EscapeDataString(_connection.OrganizationId)}/log-exports{path}");

        /// <summary>DOWNLOAD: starts a job; without <paramref name="from"/> and <paramref name="to"/> the last day up to now (the tenant's clock).</summary>
        public Task<ConnectLogExport> StartAsync(string serviceId, ConnectLogDirection direction, string channel, DateTimeOffset? from, DateTimeOffset? to,
            CancellationToken cancellationToken)
        {
            var body = new JObject { ["direction"] = direction.ToString(), ["serviceId"] = serviceId };
            if (channel != null) body["channel"] = channel;
            if (from.HasValue) body["from"] = Scheduler.ConnectSchedulerClient.Format(from.Value);
            if (to.HasValue) body["to"] = Scheduler.ConnectSchedulerClient.Format(to.Value);
            return Http.SendAsync<ConnectLogExport>(HttpMethod.Post, Exports("", "Exporting Connect logs"), body.ToString(Newtonsoft.Json.Formatting.None), cancellationToken);
        }

        /// <summary>The recent jobs, newest first.</summary>
        public async Task<IReadOnlyList<ConnectLogExport>> ListAsync(CancellationToken cancellationToken)
        {
            var list = await Http.SendAsync<PagedList<ConnectLogExport>>(HttpMethod.Get, Exports("", "Listing Connect log exports"), null, cancellationToken);
            return list?.Data ?? new List<ConnectLogExport>();
        }

        public Task<ConnectLogExport> GetAsync(string exportId, CancellationToken cancellationToken) =>
            Http.SendAsync<ConnectLogExport>(HttpMethod.Get, Exports("/" + Uri.EscapeDataString(exportId), "Reading a Connect log export"), null, cancellationToken);

        /// <summary>The exported log as CSV text; refused (log_export.not_ready) while the job is In progress.</summary>
        public Task<string> DownloadAsync(string exportId, CancellationToken cancellationToken) =>
            Http.GetTextAsync(Exports("/" + Uri.EscapeDataString(exportId) + "/download", "Downloading a Connect log export"), cancellationToken);
    }
}
