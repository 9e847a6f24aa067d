using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using DigitalChannels.Client.Commands;
using Newtonsoft.Json;

namespace DigitalChannels.Client.Engage.Templates
{
    /// <summary>
    /// A templated message agents pick in their console to reply quickly (Engage → Admin → Assets → Templates); the
    /// same templates appear in Customer Care → Settings → Manage → Template (lab 12.3, rule 23).
    /// </summary>
    public sealed class EngageTemplate
    {
        [JsonProperty("id")] public string Id { get; set; }
        [JsonProperty("organizationId")] public string OrganizationId { get; set; }
        [JsonProperty("name")] public string Name { get; set; }

        /// <summary>The channels whose agents are offered it (see <see cref="EngageChannels"/>).</summary>
        [JsonProperty("channels")] public List<string> Channels { get; set; } = new List<string>();

        [JsonProperty("text")] public string Text { get; set; }
        [JsonProperty("category")] public string Category { get; set; }
        [JsonProperty("version")] public int Version { get; set; }
        [JsonProperty("createdTime")] public DateTimeOffset? CreatedTime { get; set; }
        [JsonProperty("lastUpdatedTime")] public DateTimeOffset? LastUpdatedTime { get; set; }

        public override string ToString() => Name;
    }

    /// <summary>What Set-EngageTemplate changes; null means "leave as it is", an empty category clears it.</summary>
    public sealed class EngageTemplateChanges
    {
        public string Name { get; set; }
        public IReadOnlyList<string> Channels { get; set; }
        public string Text { get; set; }
        public string Category { get; set; }

        public bool IsEmpty => Name == null && Channels == null && Text == null && Category == null;

        public string Describe()
        {
            var parts = new List<string>();
            if (Name != null) parts.Add($"rename to '{Name}'");
            if (Channels != null) parts.Add($"offer on {string.Join(", ", Channels)}");
            if (Text != null) parts.Add("change the text");
            if (Category != null) parts.Add(Category.Length == 0 ? "clear the category" : $"set the category '{Category}'");
            return string.Join(", ", parts);
        }
    }

    /// <summary>Names one template by object, id, exact name or a wildcard pattern that matches one, so that Get-EngageTemplate | Remove-EngageTemplate, names and ids all work.</summary>
    public sealed class EngageTemplateIdentity
    {
        public EngageTemplateIdentity(EngageTemplate template)
        {
            Template = template ?? throw new ArgumentNullException(nameof(template));
            Id = template.Id;
        }

        public EngageTemplateIdentity(string idOrName)
        {
            if (string.IsNullOrWhiteSpace(idOrName)) throw new ArgumentException("An Engage template id or name is empty.", nameof(idOrName));
            var text = idOrName.Trim();
            if (Guid.TryParse(text, out _)) Id = text.ToLowerInvariant();
            else Name = text;
        }

        public EngageTemplateIdentity(Guid id) : this(id.ToString()) { }

        public EngageTemplate Template { get; }
        public string Id { get; }
        public string Name { get; }

        /// <summary>The template as it is now on the tenant.</summary>
        public async Task<EngageTemplate> ResolveAsync(TemplatesClient templates, CancellationToken cancellationToken)
        {
            if (Id != null)
                return await templates.GetAsync(Id, cancellationToken) ?? throw new IdentityNotFoundException($"No Engage template has the id '{Id}'.", this);
            if (WildcardLookup.IsPattern(Name))
                return await WildcardLookup.SingleAsync(templates.ListAsync(null, null, cancellationToken), Name, t => t.Name, "Engage template", this, cancellationToken);
            return await templates.FindByNameAsync(Name, cancellationToken) ?? throw new IdentityNotFoundException($"No Engage template is named '{Name}'.", this);
        }

        public override string ToString() => Template?.Name ?? Name ?? Id;
    }
}
