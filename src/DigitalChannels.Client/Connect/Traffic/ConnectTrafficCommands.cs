using System;
using System.Threading.Tasks;
using DigitalChannels.Client.Commands;
using DigitalChannels.Client.Connect.Assets;
using DigitalChannels.Client.Connect.Flows;

namespace DigitalChannels.Client.Connect.Traffic
{
    /// <summary>What the simulator sends, as the cmdlet's parameters name it (names not yet resolved).</summary>
    public sealed class SandboxMessage
    {
        /// <summary>The app or number (name, id or pattern matching one) the message arrives on, or a reply leaves from.</summary>
        public string Asset { get; set; }

        /// <summary>TaskRouted, TaskModified, TaskClose, CustomEvent or InboundWebhook.</summary>
        public ConnectFlowKind? Event { get; set; }

        /// <summary>The service a custom event or webhook call goes to.</summary>
        public ConnectServiceIdentity Service { get; set; }

        /// <summary>The custom event or inbound webhook flow, when the service has several (or instead of -Event and -Service).</summary>
        public ConnectFlowIdentity Flow { get; set; }

        /// <summary>The customer who sends the inbound message.</summary>
        public string From { get; set; }

        /// <summary>The customer a reply goes to: set, the message is outbound.</summary>
        public string To { get; set; }

        /// <summary>What became of a reply: Submitted, Delivered (the default), Read or Failed.</summary>
        public string Outcome { get; set; }

        public string Text { get; set; }
    }

    /// <summary>What Send-DigitalChannelsSandboxMessage, Get-ConnectDebugLog, Get-ConnectReport and Get-ConnectUsage do.</summary>
    public static class ConnectTrafficCommands
    {
        public const string MessageNoun = "DigitalChannelsSandboxMessage";
        public const string DebugLogNoun = "ConnectDebugLog";
        public const string ReportNoun = "ConnectReport";
        public const string UsageNoun = "ConnectUsage";

        /// <summary>What the portal says when a query or report finds nothing.</summary>
        public const string NoRecordsFound = "No records found.";

        /// <summary>
        /// Plays a message on the sandbox and writes the recorded transaction; a rejected one also gets a warning with the
        /// reason (no flow, no live version). On a live tenant it stops with NoPublicApi: customers send real messages there.
        /// </summary>
        public static async Task SendAsync(ICommandHost host, DigitalChannelsConnection connection, SandboxMessage message)
        {
            if (message == null) throw new ArgumentNullException(nameof(message));
            connection.ConnectTraffic.RequireSimulator();
            var token = host.CancellationToken;
            var request = new SandboxMessageRequest { Text = message.Text };
            string target;
            if (!string.IsNullOrWhiteSpace(message.Asset))
            {
                var asset = await ReferenceNotFoundException.Resolve(ConnectAssetCommands.FindAsync(connection, message.Asset, token));
                request.AssetId = asset.Id;
                var label = $"{asset.Channel} {asset.Type.ToLowerInvariant()} '{asset.Name}'";
                if (!string.IsNullOrWhiteSpace(message.To))
                {
                    request.Direction = ConnectTransaction.OutboundDirection;
                    request.To = message.To.Trim();
                    request.Outcome = message.Outcome;
                    target = $"reply from {label} to '{request.To}'";
                }
                else
                {
                    request.From = string.IsNullOrWhiteSpace(message.From) ? null : message.From.Trim();
                    target = request.From == null ? $"message on {label}" : $"message from '{request.From}' on {label}";
                }
            }
            else if (message.Event.HasValue && IsTaskEvent(message.Event.Value))
            {
                request.Event = message.Event.Value.ToString();
                target = $"{message.Event.Value} event";
            }
            else if (message.Event.HasValue || message.Flow != null)
            {
                ConnectFlow flow = null;
                if (message.Flow != null) flow = await ReferenceNotFoundException.Resolve(message.Flow.ResolveAsync(connection, message.Service, token));
                var kind = message.Event?.ToString() ?? flow.Kind;
                if (kind != nameof(ConnectFlowKind.CustomEvent) && kind != nameof(ConnectFlowKind.InboundWebhook))
                    throw new ArgumentException(
                        $"Flow '{flow?.Name}' is a {kind} flow: a custom event or an inbound webhook starts only CustomEvent and InboundWebhook flows; " +
                        "send a channel message with -Asset, or a Task event with -Event.", nameof(message));
                if (flow != null && message.Event.HasValue && flow.Kind != kind)
                    throw new ArgumentException($"Flow '{flow.Name}' is a {flow.Kind} flow, not a {kind} one.", nameof(message));
                if (flow == null && message.Service == null)
                    throw new ArgumentException($"A {kind} goes to a service: give -Service.", nameof(message));
                var service = flow == null ? await ReferenceNotFoundException.Resolve(message.Service.ResolveAsync(connection.ConnectServices, token)) : null;
                request.Event = kind;
                request.ServiceId = flow?.ServiceId ?? service.Id;
                request.FlowId = flow?.Id;
                target = flow != null ? $"{kind} for flow '{flow.Name}'" : $"{kind} to service '{service.Name}'";
            }
            else
            {
                throw new ArgumentException("Say what arrives: -Asset (a message on an app or number), -Event (a Task event, or CustomEvent/InboundWebhook with -Service) or -Flow.",
                    nameof(message));
            }

            if (!host.ShouldProcess($"Sandbox {target}", "Send")) return;
            var transaction = await connection.ConnectTraffic.SendAsync(request, token);
            if (transaction.Outcome == ConnectTransaction.RejectedOutcome)
                host.WriteWarning($"The message was rejected: {transaction.Reason}");
            else
                host.WriteVerbose($"Transaction {transaction.TransactionId}: {transaction.Outcome} by flow '{transaction.FlowName}' version {transaction.FlowVersion}.");
            host.WriteObject(transaction);
        }

        private static bool IsTaskEvent(ConnectFlowKind kind) =>
            kind == ConnectFlowKind.TaskRouted || kind == ConnectFlowKind.TaskModified || kind == ConnectFlowKind.TaskClose;

        /// <summary>The Debug page's three queries: by transaction id, by destination id, or the historical log by channel and period.</summary>
        public static async Task GetDebugLogAsync(ICommandHost host, DigitalChannelsConnection connection, string transactionId, string destination,
            ConnectFlowKind? channel, DateTimeOffset? start, DateTimeOffset? end)
        {
            var traffic = connection.ConnectTraffic;
            if (!string.IsNullOrWhiteSpace(transactionId))
            {
                traffic.RequireApi("Querying Connect's debug log by transaction id", ConnectTrafficClient.DebugPage + " > Query by Transaction ID");
                var id = transactionId.Trim();
                if (!Guid.TryParse(id, out _))
                    throw new ArgumentException($"The transaction id '{id}' is not a transaction id (a GUID such as Send-DigitalChannelsSandboxMessage returns).", nameof(transactionId));
                host.WriteObject(await traffic.GetTransactionAsync(id, host.CancellationToken));
                return;
            }
            if (string.IsNullOrWhiteSpace(destination) && !channel.HasValue)
                throw new ArgumentException("Give -TransactionId, -DestinationId, or -Channel with -Start and -End.");
            if (start.HasValue && end.HasValue && start.Value > end.Value)
                throw new ArgumentException($"The period starts ({start.Value:o}) after it ends ({end.Value:o}).", nameof(start));
            var found = false;
            await foreach (var transaction in traffic.ListLogsAsync(string.IsNullOrWhiteSpace(destination) ? null : destination.Trim(), channel?.ToString(),
                start, end, host.CancellationToken))
            {
                found = true;
                host.WriteObject(transaction);
            }
            if (!found) host.WriteInformation(NoRecordsFound);
        }

        /// <summary>The Reports page: a service, then one channel or one flow (or the whole service), and a period. Nothing: "No records found."</summary>
        public static async Task GetReportAsync(ICommandHost host, DigitalChannelsConnection connection, ConnectServiceIdentity service, ConnectFlowKind? channel,
            ConnectFlowIdentity flow, DateTimeOffset start, DateTimeOffset end)
        {
            if (service == null) throw new ArgumentNullException(nameof(service));
            connection.ConnectTraffic.RequireApi("Reading a Connect report", ConnectTrafficClient.ReportsPage);
            if (channel.HasValue && flow != null) throw new ArgumentException("Give -Channel or -Flow, not both: a report is of one channel or one flow.");
            if (start > end) throw new ArgumentException($"The period starts ({start:o}) after it ends ({end:o}).", nameof(start));
            var token = host.CancellationToken;
            var resolved = await ReferenceNotFoundException.Resolve(service.ResolveAsync(connection.ConnectServices, token));
            var flowId = flow == null ? null
                : (await ReferenceNotFoundException.Resolve(flow.ResolveAsync(connection, new ConnectServiceIdentity(resolved), token))).Id;
            var report = await connection.ConnectTraffic.GetReportAsync(resolved.Id, channel?.ToString(), flowId, start, end, token);
            if (report.Total == 0)
            {
                host.WriteInformation(NoRecordsFound);
                return;
            }
            host.WriteObject(report);
        }

        /// <summary>Settings > Usage: the tenant's transactions per channel, optionally in a period.</summary>
        public static async Task GetUsageAsync(ICommandHost host, DigitalChannelsConnection connection, DateTimeOffset? start, DateTimeOffset? end)
        {
            connection.ConnectTraffic.RequireApi("Reading Connect's usage", ConnectTrafficClient.UsagePage);
            if (start.HasValue && end.HasValue && start.Value > end.Value)
                throw new ArgumentException($"The period starts ({start.Value:o}) after it ends ({end.Value:o}).", nameof(start));
            var usage = await connection.ConnectTraffic.GetUsageAsync(start, end, host.CancellationToken);
            if (usage.Count == 0) host.WriteInformation(NoRecordsFound);
            foreach (var channel in usage) host.WriteObject(channel);
        }
    }
}
