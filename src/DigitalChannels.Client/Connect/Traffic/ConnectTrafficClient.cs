using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using DigitalChannels.Client.Http;
using Newtonsoft.Json;

namespace DigitalChannels.Client.Connect.Traffic
{
    /// <summary>
    /// Connect's traffic pages (Debug, Reports, Settings > Usage) over the sandbox's Connect administration API, and the
    /// sandbox's traffic simulator. Webex offers no public API for any of them: on a live tenant every call stops with
    /// NoPublicApi naming the portal page.
    /// </summary>
    public sealed class ConnectTrafficClient
    {
        public const string DebugPage = "Webex Connect portal > Debug";
        public const string ReportsPage = "Webex Connect portal > Reports";
        public const string UsagePage = "Webex Connect portal > Settings > Usage";
        public const string SimulatorOperation = "Sending a simulated customer message";
        public const string SimulatorAlternative =
            "none: on a live tenant customers send real messages on the channel; the simulator exists only in the DigitalChannels sandbox (Webex Connect portal > Debug shows what arrived)";

        private readonly DigitalChannelsConnection _connection;

        internal ConnectTrafficClient(DigitalChannelsConnection connection)
        {
            _connection = connection;
        }

        private WebexHttpPipeline Http => _connection.Pipeline;

        private Uri Organization(string path, string operation, string portalPage) =>
            new Uri(_connection.RequireConnectAdministration(operation, portalPage), $"organization/{Uri.EscapeDataString(_connection.OrganizationId)}/{path}");

        /// <summary>Throws NoPublicApiException naming <paramref name="portalPage"/> when the tenant has no API for this.</summary>
        public void RequireApi(string operation, string portalPage) => _connection.RequireConnectAdministration(operation, portalPage);

        /// <summary>Throws NoPublicApiException on a live tenant: the simulator is a sandbox tool.</summary>
        public void RequireSimulator() => _connection.RequireSandbox(SimulatorOperation, SimulatorAlternative);

        /// <summary>Plays <paramref name="message"/> (ids resolved) on the sandbox and returns the recorded transaction.</summary>
        public Task<ConnectTransaction> SendAsync(SandboxMessageRequest message, CancellationToken cancellationToken)
        {
            var sandbox = _connection.RequireSandbox(SimulatorOperation, SimulatorAlternative);
            var uri = new Uri(sandbox, $"sandbox/v1/organization/{Uri.EscapeDataString(_connection.OrganizationId)}/connect/inbound");
            return Http.SendAsync<ConnectTransaction>(HttpMethod.Post, uri, message, cancellationToken);
        }

        public Task<ConnectTransaction> GetTransactionAsync(string transactionId, CancellationToken cancellationToken) =>
            Http.SendAsync<ConnectTransaction>(HttpMethod.Get,
                Organization("debug/transactions/" + Uri.EscapeDataString(transactionId), "Querying Connect's debug log by transaction id", DebugPage + " > Query by Transaction ID"),
                null, cancellationToken);

        /// <summary>Query by Destination ID (<paramref name="destination"/>) or the Historical Log (<paramref name="channel"/>), oldest first.</summary>
        public IAsyncEnumerable<ConnectTransaction> ListLogsAsync(string destination, string channel, DateTimeOffset? start, DateTimeOffset? end,
            CancellationToken cancellationToken)
        {
            var page = destination != null ? DebugPage + " > Query by Destination ID" : DebugPage + " > Historical Log";
            var query = new List<KeyValuePair<string, string>>();
            if (destination != null) query.Add(new KeyValuePair<string, string>("destination", destination));
            if (channel != null) query.Add(new KeyValuePair<string, string>("channel", channel));
            AddPeriod(query, start, end);
            return Http.StreamAsync<ConnectTransaction>(Organization("debug/logs", "Querying Connect's debug log", page), query, ConnectServicesClient.MaxPageSize, cancellationToken);
        }

        public Task<ConnectReport> GetReportAsync(string serviceId, string channel, string flowId, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
        {
            var query = new List<KeyValuePair<string, string>> { new KeyValuePair<string, string>("serviceId", serviceId) };
            if (channel != null) query.Add(new KeyValuePair<string, string>("channel", channel));
            if (flowId != null) query.Add(new KeyValuePair<string, string>("flowId", flowId));
            AddPeriod(query, start, end);
            return Http.SendAsync<ConnectReport>(HttpMethod.Get, WebexHttpPipeline.WithQuery(Organization("reports", "Reading a Connect report", ReportsPage), query), null, cancellationToken);
        }

        public async Task<IReadOnlyList<ConnectUsage>> GetUsageAsync(DateTimeOffset? start, DateTimeOffset? end, CancellationToken cancellationToken)
        {
            var query = new List<KeyValuePair<string, string>>();
            AddPeriod(query, start, end);
            var usage = await Http.SendAsync<UsageBody>(HttpMethod.Get, WebexHttpPipeline.WithQuery(Organization("usage", "Reading Connect's usage", UsagePage), query), null, cancellationToken);
            var channels = usage?.Channels ?? new List<ConnectUsage>();
            foreach (var channel in channels)
            {
                channel.Start = start;
                channel.End = end;
            }
            return channels;
        }

        private static void AddPeriod(List<KeyValuePair<string, string>> query, DateTimeOffset? start, DateTimeOffset? end)
        {
            if (start.HasValue) query.Add(new KeyValuePair<string, string>("start", Iso(start.Value)));
            if (end.HasValue) query.Add(new KeyValuePair<string, string>("end", Iso(end.Value)));
        }

        private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

        private sealed class UsageBody
        {
            [JsonProperty("channels")] public List<ConnectUsage> Channels { get; set; }
        }
    }

    /// <summary>The simulator's request body, with every name already resolved to an id.</summary>
    public sealed class SandboxMessageRequest
    {
        [JsonProperty("assetId", NullValueHandling = NullValueHandling.Ignore)] public string AssetId { get; set; }
        [JsonProperty("event", NullValueHandling = NullValueHandling.Ignore)] public string Event { get; set; }
        [JsonProperty("serviceId", NullValueHandling = NullValueHandling.Ignore)] public string ServiceId { get; set; }
        [JsonProperty("flowId", NullValueHandling = NullValueHandling.Ignore)] public string FlowId { get; set; }
        [JsonProperty("direction", NullValueHandling = NullValueHandling.Ignore)] public string Direction { get; set; }
        [JsonProperty("from", NullValueHandling = NullValueHandling.Ignore)] public string From { get; set; }
        [JsonProperty("to", NullValueHandling = NullValueHandling.Ignore)] public string To { get; set; }
        [JsonProperty("outcome", NullValueHandling = NullValueHandling.Ignore)] public string Outcome { get; set; }
        [JsonProperty("text", NullValueHandling = NullValueHandling.Ignore)] public string Text { get; set; }
    }
}
