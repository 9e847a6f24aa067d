using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace DigitalChannels.Client.Engage.Transcripts
{
    /// <summary>A conversation's transcript, as Customer Care → Dashboard finds it by conversation ID and downloads it.</summary>
    public sealed class EngageTranscript
    {
        /// <summary>The conversation ID (Connect shows it in its logs and debug pages).</summary>
        [JsonProperty("conversationId")] public string ConversationId { get; set; }
        [JsonProperty("organizationId")] public string OrganizationId { get; set; }
        [JsonProperty("channel")] public string Channel { get; set; }
        [JsonProperty("customerName")] public string CustomerName { get; set; }
        [JsonProperty("startedTime")] public DateTimeOffset? StartedTime { get; set; }
        [JsonProperty("endedTime")] public DateTimeOffset? EndedTime { get; set; }
        [JsonProperty("messages")] public List<EngageTranscriptMessage> Messages { get; set; } = new List<EngageTranscriptMessage>();

        [JsonIgnore] public int MessageCount => Messages.Count;

        /// <summary>The plain-text download: a header, then one line per message with its UTC time, sender and text.</summary>
        public string ToText()
        {
            var text = new StringBuilder();
            text.Append("Conversation ").Append(ConversationId).Append(" (").Append(Channel).Append(')').AppendLine();
            if (!string.IsNullOrEmpty(CustomerName)) text.Append("Customer: ").Append(CustomerName).AppendLine();
            if (StartedTime.HasValue) text.Append("Started: ").Append(Utc(StartedTime.Value)).AppendLine();
            if (EndedTime.HasValue) text.Append("Ended: ").Append(Utc(EndedTime.Value)).AppendLine();
            text.AppendLine();
            foreach (var message in Messages)
            {
                text.Append('[').Append(message.Time.HasValue ? Utc(message.Time.Value) : "?").Append("] ").Append(message.Sender);
                if (!string.IsNullOrEmpty(message.SenderName)) text.Append(" (").Append(message.SenderName).Append(')');
                // Continuation lines are indented so that every message starts a line with its time.
                text.Append(": ").Append((message.Text ?? string.Empty).Replace("\r\n", "\n").Replace("\n", Environment.NewLine + "    ")).AppendLine();
            }
            return text.ToString();
        }

        /// <summary>The JSON download, indented.</summary>
        public string ToJson() => JsonConvert.SerializeObject(this, Formatting.Indented, new JsonSerializerSettings
        {
            NullValueHandling = NullValueHandling.Ignore,
            DateFormatString = "yyyy'-'MM'-'dd'T'HH':'mm':'ss.fffK",
            DateTimeZoneHandling = DateTimeZoneHandling.Utc,
        });

        private static string Utc(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

        public override string ToString() => $"{ConversationId} ({Channel}, {Messages.Count} messages)";
    }

    public sealed class EngageTranscriptMessage
    {
        [JsonProperty("sequence")] public int Sequence { get; set; }
        [JsonProperty("time")] public DateTimeOffset? Time { get; set; }

        /// <summary>"Customer", "Agent", "Bot" or "System".</summary>
        [JsonProperty("sender")] public string Sender { get; set; }
        [JsonProperty("senderName")] public string SenderName { get; set; }
        [JsonProperty("text")] public string Text { get; set; }
    }

    /// <summary>A conversation to record in a sandbox (tests, demos, the lab runner): the sandbox then serves its transcript.</summary>
    public sealed class SandboxConversation
    {
        [JsonProperty("conversationId")] public string ConversationId { get; set; }
        [JsonProperty("channel")] public string Channel { get; set; }
        [JsonProperty("customerName")] public string CustomerName { get; set; }
        [JsonProperty("startedTime")] public DateTimeOffset? StartedTime { get; set; }
        [JsonProperty("endedTime")] public DateTimeOffset? EndedTime { get; set; }
        [JsonProperty("messages")] public List<EngageTranscriptMessage> Messages { get; set; } = new List<EngageTranscriptMessage>();
    }

    /// <summary>Transcripts over the sandbox's Engage API; against a live tenant every call names the Customer Care page.</summary>
    public sealed class TranscriptsClient
    {
        private readonly EngageClient _engage;

        internal TranscriptsClient(EngageClient engage) => _engage = engage;

        /// <summary>The transcript; an unknown conversation ID is a 404 naming it.</summary>
        public Task<EngageTranscript> GetAsync(string conversationId, CancellationToken cancellationToken)
        {
            if (string.IsNullOrWhiteSpace(conversationId)) throw new ArgumentException("The conversation ID is empty.", nameof(conversationId));
            var uri = _engage.Organization("conversations/" + Uri.EscapeDataString(conversationId.Trim()) + "/transcript",
                "Reading an Engage transcript", EngagePortalPages.Transcripts);
            return _engage.Http.SendAsync<EngageTranscript>(HttpMethod.Get, uri, null, cancellationToken);
        }

        /// <summary>Sandbox only: records a conversation (scope sandbox:admin, role Owner) and returns its transcript.</summary>
        public Task<EngageTranscript> RecordSandboxConversationAsync(SandboxConversation conversation, CancellationToken cancellationToken)
        {
            if (conversation == null) throw new ArgumentNullException(nameof(conversation));
            var uri = _engage.SandboxOrganization("engage/conversations", "Recording a conversation", "none: conversations come from real customers on a live tenant");
            var body = JObject.FromObject(conversation, JsonSerializer.Create(new JsonSerializerSettings { NullValueHandling = NullValueHandling.Ignore }));
            return _engage.Http.SendAsync<EngageTranscript>(HttpMethod.Post, uri, body.ToString(Formatting.None), cancellationToken);
        }
    }
}
