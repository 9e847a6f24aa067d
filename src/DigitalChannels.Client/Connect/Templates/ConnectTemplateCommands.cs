using System;
using System.Threading.Tasks;
using DigitalChannels.Client.Commands;

namespace DigitalChannels.Client.Connect.Templates
{
    /// <summary>What New/Get/Set/Remove-ConnectTemplate do; the cmdlets bind parameters and call these.</summary>
    public static class ConnectTemplateCommands
    {
        public const string Noun = "ConnectTemplate";

        /// <summary>Checks everything the portal would refuse before anything is sent; the content type defaults to the channel's first.</summary>
        public static async Task NewAsync(ICommandHost host, DigitalChannelsConnection connection, string name, string channel, string contentType, string subject, string body)
        {
            Require(ConnectTemplateContent.NameProblem(name), nameof(name));
            Require(ConnectTemplateContent.ChannelProblem(channel), nameof(channel));
            var channelId = ConnectTemplateContent.NormalizeChannel(channel);
            var type = contentType == null ? ConnectTemplateContent.ContentTypesOf(channelId)[0] : ConnectTemplateContent.NormalizeContentType(channelId, contentType);
            Require(ConnectTemplateContent.ContentTypeProblem(channelId, contentType ?? type), nameof(contentType));
            Require(ConnectTemplateContent.SubjectProblem(channelId, subject), nameof(subject));
            Require(ConnectTemplateContent.BodyProblem(channelId, type, body), nameof(body));
            name = name.Trim();
            if (!host.ShouldProcess($"Connect template '{name}' ({channelId}, {type})", "Create")) return;
            var created = await connection.ConnectTemplates.CreateAsync(name, channelId, type, subject, body, host.CancellationToken);
            host.WriteVerbose($"Created Connect template '{created.Name}' (id {created.Id}).");
            host.WriteObject(created);
        }

        /// <summary>By id; by name (wildcards select; a plain name that matches nothing is an error); or all; optionally only one channel's.</summary>
        public static async Task GetAsync(ICommandHost host, DigitalChannelsConnection connection, string id, string name, string channel)
        {
            var templates = connection.ConnectTemplates;
            var token = host.CancellationToken;
            if (channel != null) Require(ConnectTemplateContent.ChannelProblem(channel), nameof(channel));
            var channelId = ConnectTemplateContent.NormalizeChannel(channel);
            bool OnChannel(ConnectTemplate t) => channelId == null || string.Equals(t.Channel, channelId, StringComparison.OrdinalIgnoreCase);

            if (!string.IsNullOrWhiteSpace(id))
            {
                var found = await templates.GetAsync(id.Trim(), token) ?? throw new IdentityNotFoundException($"No Connect template has the id '{id}'.", id);
                if (OnChannel(found)) host.WriteObject(found);
                return;
            }
            if (!string.IsNullOrEmpty(name) && !Wildcard.ContainsWildcard(name))
            {
                var exact = await templates.FindByNameAsync(name.Trim(), token) ?? throw new IdentityNotFoundException($"No Connect template is named '{name}'.", name);
                if (OnChannel(exact)) host.WriteObject(exact);
                return;
            }
            var pattern = string.IsNullOrEmpty(name) ? null : new Wildcard(name);
            var search = pattern?.LongestLiteral();
            await foreach (var template in templates.ListAsync(string.IsNullOrEmpty(search) ? null : search, channelId, token))
            {
                if (pattern == null || pattern.IsMatch(template.Name)) host.WriteObject(template);
            }
        }

        public static async Task SetAsync(ICommandHost host, DigitalChannelsConnection connection, ConnectTemplateIdentity identity, ConnectTemplateChanges changes, bool passThru)
        {
            if (identity == null) throw new ArgumentNullException(nameof(identity));
            if (changes == null || changes.IsEmpty) throw new ArgumentException("Nothing to change: give -NewName, -ContentType, -Subject or -Body.", nameof(changes));
            if (changes.Name != null) Require(ConnectTemplateContent.NameProblem(changes.Name), nameof(changes.Name));
            var template = await identity.ResolveAsync(connection.ConnectTemplates, host.CancellationToken);
            // The rules depend on the template's channel, so they are checked once it is read.
            var type = changes.ContentType == null ? template.ContentType : ConnectTemplateContent.NormalizeContentType(template.Channel, changes.ContentType);
            if (changes.ContentType != null)
            {
                Require(ConnectTemplateContent.ContentTypeProblem(template.Channel, changes.ContentType), "ContentType");
                changes.ContentType = type;
            }
            if (changes.Subject != null) Require(ConnectTemplateContent.SubjectProblem(template.Channel, changes.Subject), "Subject");
            if (changes.Body != null || changes.ContentType != null) Require(ConnectTemplateContent.BodyProblem(template.Channel, type, changes.Body ?? template.Body), "Body");
            if (!host.ShouldProcess($"Connect template '{template.Name}' (id {template.Id})", Capitalize(changes.Describe()))) return;
            var updated = await connection.ConnectTemplates.UpdateAsync(template.Id, changes, host.CancellationToken);
            host.WriteVerbose($"Changed Connect template '{updated.Name}' (id {updated.Id}): {changes.Describe()}.");
            if (passThru) host.WriteObject(updated);
        }

        public static async Task RemoveAsync(ICommandHost host, DigitalChannelsConnection connection, ConnectTemplateIdentity identity)
        {
            if (identity == null) throw new ArgumentNullException(nameof(identity));
            var template = await identity.ResolveAsync(connection.ConnectTemplates, host.CancellationToken);
            if (!host.ShouldProcess($"Connect template '{template.Name}' (id {template.Id}, {template.Channel})", "Remove")) return;
            await connection.ConnectTemplates.DeleteAsync(template.Id, host.CancellationToken);
            host.WriteVerbose($"Removed Connect template '{template.Name}' (id {template.Id}).");
        }

        private static void Require(string problem, string parameter)
        {
            if (problem != null) throw new ArgumentException(problem, parameter);
        }

        private static string Capitalize(string text) => string.IsNullOrEmpty(text) ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);
    }
}
