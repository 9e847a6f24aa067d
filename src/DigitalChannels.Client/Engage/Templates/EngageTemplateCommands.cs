using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using DigitalChannels.Client.Commands;

namespace DigitalChannels.Client.Engage.Templates
{
    /// <summary>What New/Get/Set/Remove-EngageTemplate do; the cmdlets bind parameters and call these.</summary>
    public static class EngageTemplateCommands
    {
        public const string Noun = "EngageTemplate";

        public static async Task NewAsync(ICommandHost host, DigitalChannelsConnection connection, string name, IReadOnlyList<string> channels, string text, string category)
        {
            if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("The template name is empty.", nameof(name));
            name = name.Trim();
            var channelIds = Channels(channels);
            if (channelIds.Count == 0) throw new ArgumentException($"Template '{name}' needs at least one channel: any of {string.Join(", ", EngageChannels.All)}.", nameof(channels));
            if (!host.ShouldProcess($"Engage template '{name}' ({string.Join(", ", channelIds)})", "Create")) return;
            var created = await connection.Engage.Templates.CreateAsync(name, channelIds, text, string.IsNullOrEmpty(category) ? null : category, host.CancellationToken);
            host.WriteVerbose($"Created Engage template '{created.Name}' (id {created.Id}).");
            host.WriteObject(created);
        }

        /// <summary>
        /// By id; by name (wildcards select; a plain name that matches nothing is an error); or all; optionally only
        /// those offered on a channel. <paramref name="customerCare"/> reads them through the Customer Care view.
        /// </summary>
        public static async Task GetAsync(ICommandHost host, DigitalChannelsConnection connection, string id, string name, string channel, bool customerCare)
        {
            var templates = connection.Engage.Templates;
            var token = host.CancellationToken;
            var channelId = string.IsNullOrEmpty(channel) ? null : EngageChannels.Normalize(channel);
            bool OnChannel(EngageTemplate t) => channelId == null || t.Channels.Contains(channelId);

            if (!string.IsNullOrWhiteSpace(id))
            {
                var found = await templates.GetAsync(id.Trim(), token) ?? throw new IdentityNotFoundException($"No Engage template has the id '{id}'.", id);
                if (OnChannel(found)) host.WriteObject(found);
                return;
            }
            var pattern = string.IsNullOrEmpty(name) ? null : new Wildcard(name);
            if (!customerCare && name != null && !Wildcard.ContainsWildcard(name))
            {
                var exact = await templates.FindByNameAsync(name, token) ?? throw new IdentityNotFoundException($"No Engage template is named '{name}'.", name);
                if (OnChannel(exact)) host.WriteObject(exact);
                return;
            }
            var source = customerCare ? templates.ListCustomerCareAsync(channelId, token) : templates.ListAsync(pattern?.LongestLiteral(), channelId, token);
            var matched = false;
            await foreach (var template in source)
            {
                if (pattern != null && !pattern.IsMatch(template.Name)) continue;
                matched = true;
                host.WriteObject(template);
            }
            if (!matched && name != null && !Wildcard.ContainsWildcard(name))
                throw new IdentityNotFoundException($"No Engage template named '{name}' is offered in Customer Care{(channelId == null ? "" : " on " + channelId)}.", name);
        }

        public static async Task SetAsync(ICommandHost host, DigitalChannelsConnection connection, EngageTemplateIdentity identity, EngageTemplateChanges changes, bool passThru)
        {
            if (identity == null) throw new ArgumentNullException(nameof(identity));
            if (changes == null || changes.IsEmpty) throw new ArgumentException("Nothing to change: give -NewName, -Channel, -Text or -Category.", nameof(changes));
            if (changes.Name != null && string.IsNullOrWhiteSpace(changes.Name)) throw new ArgumentException("The new template name is empty.", nameof(changes));
            if (changes.Channels != null)
            {
                changes.Channels = Channels(changes.Channels);
                if (changes.Channels.Count == 0) throw new ArgumentException($"A template needs at least one channel: any of {string.Join(", ", EngageChannels.All)}.", nameof(changes));
            }
            var template = await identity.ResolveAsync(connection.Engage.Templates, host.CancellationToken);
            if (!host.ShouldProcess($"Engage template '{template.Name}' (id {template.Id})", Capitalize(changes.Describe()))) return;
            var updated = await connection.Engage.Templates.UpdateAsync(template.Id, changes, host.CancellationToken);
            host.WriteVerbose($"Changed Engage template '{updated.Name}' (id {updated.Id}): {changes.Describe()}.");
            if (passThru) host.WriteObject(updated);
        }

        public static async Task RemoveAsync(ICommandHost host, DigitalChannelsConnection connection, EngageTemplateIdentity identity)
        {
            if (identity == null) throw new ArgumentNullException(nameof(identity));
            var template = await identity.ResolveAsync(connection.Engage.Templates, host.CancellationToken);
            if (!host.ShouldProcess($"Engage template '{template.Name}' (id {template.Id})", "Remove")) return;
            await connection.Engage.Templates.DeleteAsync(template.Id, host.CancellationToken);
            host.WriteVerbose($"Removed Engage template '{template.Name}' (id {template.Id}).");
        }

        private static List<string> Channels(IEnumerable<string> channels) =>
            (channels ?? Enumerable.Empty<string>()).Select(EngageChannels.Normalize).Distinct().ToList();

        private static string Capitalize(string text) => string.IsNullOrEmpty(text) ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);
    }
}
