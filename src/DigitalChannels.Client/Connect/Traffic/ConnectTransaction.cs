using System;
using Newtonsoft.Json;

namespace DigitalChannels.Client.Connect.Traffic
{
    /// <summary>
    /// One transaction of Connect's logs (Debug): a customer's message, a Task or custom event, an inbound webhook call or a
    /// flow's reply, with the flow version that handled it or why it was rejected. <see cref="Text"/> is only given to a
    /// teammate with Decrypt Logs; otherwise <see cref="Encrypted"/> is true.
    /// </summary>
    public sealed class ConnectTransaction
    {
        public const string InboundDirection = "Inbound";
        public const string OutboundDirection = "Outbound";
        public const string RejectedOutcome = "Rejected";

        [JsonProperty("transactionId")] public string TransactionId { get; set; }

        /// <summary>Where the flow creates or appends to a conversation (a channel message it handled); null otherwise.</summary>
        [JsonProperty("conversationId")] public string ConversationId { get; set; }

        /// <summary>Inbound or Outbound.</summary>
        [JsonProperty("direction")] public string Direction { get; set; }

        /// <summary>Message, Reply, TaskEvent, CustomEvent, InboundWebhook, or what else started the flow (e.g. EventScheduler).</summary>
        [JsonProperty("trigger")] public string Trigger { get; set; }

        /// <summary>The channel, or for events the trigger kind (TaskRouted, CustomEvent…): the portal's Channel.</summary>
        [JsonProperty("channel")] public string Channel { get; set; }

        [JsonProperty("serviceId")] public string ServiceId { get; set; }
        [JsonProperty("serviceName")] public string ServiceName { get; set; }
        [JsonProperty("flowId")] public string FlowId { get; set; }
        [JsonProperty("flowName")] public string FlowName { get; set; }

        /// <summary>The version that handled it: the previous live one while a newer version publishes; null when rejected.</summary>
        [JsonProperty("flowVersion")] public int? FlowVersion { get; set; }

        [JsonProperty("assetId")] public string AssetId { get; set; }
        [JsonProperty("assetName")] public string AssetName { get; set; }
        [JsonProperty("source")] public string Source { get; set; }

        /// <summary>Where it went: the asset for an inbound message, the customer for an outbound one (Query by Destination ID).</summary>
        [JsonProperty("destination")] public string Destination { get; set; }

        /// <summary>Submitted, Rejected, Delivered, Read or Failed, as the portal's reports count them.</summary>
        [JsonProperty("outcome")] public string Outcome { get; set; }

        /// <summary>Why it was rejected, or which version handled it while another publishes.</summary>
        [JsonProperty("reason")] public string Reason { get; set; }

        [JsonProperty("text")] public string Text { get; set; }
        [JsonProperty("encrypted")] public bool Encrypted { get; set; }
        [JsonProperty("createdTime")] public DateTimeOffset? CreatedTime { get; set; }

        public override string ToString() => $"{Direction} {Channel} {TransactionId}: {Outcome}";
    }

    /// <summary>The Reports page's figures for a service, one channel or flow, and a period.</summary>
    public sealed class ConnectReport
    {
        [JsonProperty("serviceId")] public string ServiceId { get; set; }
        [JsonProperty("serviceName")] public string ServiceName { get; set; }
        [JsonProperty("channel")] public string Channel { get; set; }
        [JsonProperty("flowId")] public string FlowId { get; set; }
        [JsonProperty("flowName")] public string FlowName { get; set; }
        [JsonProperty("start")] public DateTimeOffset Start { get; set; }
        [JsonProperty("end")] public DateTimeOffset End { get; set; }

        /// <summary>Every transaction the platform accepted (all but the rejected ones).</summary>
        [JsonProperty("submitted")] public long Submitted { get; set; }
        [JsonProperty("rejected")] public long Rejected { get; set; }

        /// <summary>Delivered, Read ones included.</summary>
        [JsonProperty("delivered")] public long Delivered { get; set; }
        [JsonProperty("read")] public long Read { get; set; }
        [JsonProperty("failed")] public long Failed { get; set; }

        /// <summary>Submitted plus Rejected; 0 is the portal's "No records found."</summary>
        [JsonProperty("total")] public long Total { get; set; }

        public override string ToString() => $"{ServiceName} {FlowName ?? Channel}: {Submitted} submitted, {Rejected} rejected";
    }

    /// <summary>One channel's line of Settings > Usage: the tenant's transactions on it in the period.</summary>
    public sealed class ConnectUsage
    {
        [JsonProperty("channel")] public string Channel { get; set; }
        [JsonProperty("inbound")] public long Inbound { get; set; }
        [JsonProperty("outbound")] public long Outbound { get; set; }
        [JsonProperty("rejected")] public long Rejected { get; set; }
        [JsonProperty("total")] public long Total { get; set; }

        /// <summary>The period asked for; null when unbounded.</summary>
        public DateTimeOffset? Start { get; set; }
        public DateTimeOffset? End { get; set; }

        public override string ToString() => $"{Channel}: {Inbound} inbound, {Outbound} outbound";
    }
}
