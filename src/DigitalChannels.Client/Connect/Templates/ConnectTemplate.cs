using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using DigitalChannels.Client.Commands;
using Newtonsoft.Json;

namespace DigitalChannels.Client.Connect.Templates
{
    /// <summary>
    /// A Webex Connect message template (Tools > Templates): a message for one channel that flows send to customers
    /// (lab 12.2 "4. Tools"). Not an Engage template, which agents pick in their console (<c>*-EngageTemplate</c>).
    /// </summary>
    public sealed class ConnectTemplate
    {
        [JsonProperty("id")] public string Id { get; set; }
        [JsonProperty("organizationId")] public string OrganizationId { get; set; }
        [JsonProperty("name")] public string Name { get; set; }

        /// <summary>One of <see cref="ConnectTemplateContent.Channels"/>, e.g. sms.</summary>
        [JsonProperty("channel")] public string Channel { get; set; }

        /// <summary>The message type the channel allows, e.g. Text or Unicode for SMS (<see cref="ConnectTemplateContent.ContentTypesOf"/>).</summary>
        [JsonProperty("contentType")] public string ContentType { get; set; }

        /// <summary>Email only: the subject line.</summary>
        [JsonProperty("subject")] public string Subject { get; set; }

        /// <summary>The message; <c>$(name)</c> placeholders are filled from the flow's variables when it is sent.</summary>
        [JsonProperty("body")] public string Body { get; set; }

        /// <summary>The placeholders of the subject and body, in the order they first appear (read-only: the server derives them).</summary>
        [JsonProperty("variables")] public List<string> Variables { get; set; } = new List<string>();

        [JsonProperty("version")] public int Version { get; set; }
        [JsonProperty("createdTime")] public DateTimeOffset? CreatedTime { get; set; }
        [JsonProperty("lastUpdatedTime")] public DateTimeOffset? LastUpdatedTime { get; set; }

        public override string ToString() => Name;
    }

    /// <summary>What Set-ConnectTemplate changes; null means "leave as it is" (the channel is fixed once created, as in the portal).</summary>
    public sealed class ConnectTemplateChanges
    {
        public string Name { get; set; }
        public string ContentType { get; set; }
        public string Subject { get; set; }
        public string Body { get; set; }

        public bool IsEmpty => Name == null && ContentType == null && Subject == null && Body == null;

        /// <summary>Words for ShouldProcess: "rename to 'X', change the body".</summary>
        public string Describe()
        {
            var parts = new List<string>();
            if (Name != null) parts.Add($"rename to '{Name}'");
            if (ContentType != null) parts.Add($"make it {ContentType}");
            if (Subject != null) parts.Add("change the subject");
            if (Body != null) parts.Add("change the body");
            return string.Join(", ", parts);
        }
    }

    /// <summary>
    /// Names one Connect template by object, id, exact name or a wildcard pattern that matches one, so that
    /// <c>Get-ConnectTemplate 'Greet*' | Remove-ConnectTemplate</c>, names and ids all work (as <see cref="ConnectServiceIdentity"/>).
    /// </summary>
    public sealed class ConnectTemplateIdentity
    {
        public ConnectTemplateIdentity(ConnectTemplate template)
        {
            Template = template ?? throw new ArgumentNullException(nameof(template));
            Id = template.Id;
        }

        public ConnectTemplateIdentity(string idOrName)
        {
            if (string.IsNullOrWhiteSpace(idOrName)) throw new ArgumentException("A Connect template id or name is empty.", nameof(idOrName));
            var text = idOrName.Trim();
            if (Guid.TryParse(text, out _)) Id = text.ToLowerInvariant();
            else Name = text;
        }

        public ConnectTemplateIdentity(Guid id) : this(id.ToString()) { }

        public ConnectTemplate Template { get; }
        public string Id { get; }
        public string Name { get; }

        /// <summary>The template as it is now on the tenant, read fresh so that a change applies to what is there.</summary>
        public async Task<ConnectTemplate> ResolveAsync(ConnectTemplatesClient templates, CancellationToken cancellationToken)
        {
            if (Id != null)
                return await templates.GetAsync(Id, cancellationToken) ?? throw new IdentityNotFoundException($"No Connect template has the id '{Id}'.", this);
            if (WildcardLookup.IsPattern(Name))
            {
                var literal = new Wildcard(Name).LongestLiteral();
                return await WildcardLookup.SingleAsync(templates.ListAsync(literal.Length == 0 ? null : literal, null, cancellationToken), Name, t => t.Name, "Connect template", this, cancellationToken);
            }
            return await templates.FindByNameAsync(Name, cancellationToken) ?? throw new IdentityNotFoundException($"No Connect template is named '{Name}'.", this);
        }

        public override string ToString() => Template?.Name ?? Name ?? Id;
    }
}
