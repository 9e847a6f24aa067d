using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;

namespace DigitalChannels.Client.Sandbox
{
    /// <summary>A mail the sandbox would have sent (a teammate invitation, the provisioning activation), with its link.</summary>
    public sealed class SandboxMail
    {
        [JsonProperty("id")] public string Id { get; set; }

        /// <summary>What the mail is for, e.g. TeammateInvitation or DigitalChannelsActivation.</summary>
        [JsonProperty("kind")] public string Kind { get; set; }

        [JsonProperty("to")] public string To { get; set; }
        [JsonProperty("subject")] public string Subject { get; set; }
        [JsonProperty("body")] public string Body { get; set; }

        /// <summary>The link the mail carries (join, activation); it holds a one-time token.</summary>
        [JsonProperty("link")] public string Link { get; set; }

        [JsonProperty("expiresTime")] public DateTimeOffset? ExpiresTime { get; set; }
        [JsonProperty("createdTime")] public DateTimeOffset? CreatedTime { get; set; }

        public override string ToString() => $"{Kind} to {To}";
    }

    /// <summary>The sandbox's outbox. A live tenant sends real mail, so there it stops with a clear error.</summary>
    public sealed class SandboxMailClient
    {
        private readonly DigitalChannelsConnection _connection;

        internal SandboxMailClient(DigitalChannelsConnection connection)
        {
            _connection = connection;
        }

        /// <summary>The tenant's mails, newest first; <paramref name="to"/> and <paramref name="kind"/> filter when given.</summary>
        public async Task<IReadOnlyList<SandboxMail>> ListAsync(string to, string kind, CancellationToken cancellationToken)
        {
            var sandbox = _connection.RequireSandbox("Reading sent mail from the outbox",
                "none: a live tenant really sends its mails, so read them in the recipient's mailbox; the outbox exists only in the DigitalChannels sandbox");
            var uri = new Uri(sandbox, $"sandbox/v1/organization/{Uri.EscapeDataString(_connection.OrganizationId)}/outbox");
            var query = new List<KeyValuePair<string, string>>();
            if (!string.IsNullOrEmpty(to)) query.Add(new KeyValuePair<string, string>("to", to));
            if (!string.IsNullOrEmpty(kind)) query.Add(new KeyValuePair<string, string>("kind", kind));
            var list = await _connection.Pipeline.SendAsync<MailList>(HttpMethod.Get, Http.WebexHttpPipeline.WithQuery(uri, query), null, cancellationToken);
            return (IReadOnlyList<SandboxMail>)list?.Items ?? Array.Empty<SandboxMail>();
        }

        private sealed class MailList
        {
            [JsonProperty("items")] public List<SandboxMail> Items { get; set; }
        }
    }
}
