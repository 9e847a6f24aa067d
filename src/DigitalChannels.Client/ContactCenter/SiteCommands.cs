using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using DigitalChannels.Client.Commands;

namespace DigitalChannels.Client.ContactCenter
{
    /// <summary>What New- and Set-WxccSite were given; null means "not given".</summary>
    public sealed class SiteSettings
    {
        public string Name { get; set; }
        public string Description { get; set; }
        /// <summary>A multimedia profile's name or id.</summary>
        public string MultimediaProfile { get; set; }
        public bool? Active { get; set; }

        public bool IsEmpty => Name == null && Description == null && MultimediaProfile == null && Active == null;

        internal string Describe()
        {
            var parts = new List<string>();
            if (Name != null) parts.Add($"rename to '{Name}'");
            if (MultimediaProfile != null) parts.Add($"multimedia profile '{MultimediaProfile}'");
            if (Description != null) parts.Add("set the description");
            if (Active.HasValue) parts.Add(Active.Value ? "activate" : "deactivate");
            return string.Join(", ", parts);
        }

        internal async Task ApplyToAsync(Site site, ContactCenterNames names, System.Threading.CancellationToken token)
        {
            if (Name != null) site.Name = Name.Trim();
            if (Description != null) site.Description = Description;
            if (MultimediaProfile != null) site.MultimediaProfileId = await names.MultimediaProfileAsync(MultimediaProfile, token);
            if (Active.HasValue) site.Active = Active;
        }
    }

    /// <summary>What New/Get/Set/Remove-WxccSite do.</summary>
    public static class SiteCommands
    {
        public const string Noun = "WxccSite";

        public static async Task NewAsync(ICommandHost host, DigitalChannelsConnection connection, SiteSettings settings)
        {
            if (settings == null) throw new ArgumentNullException(nameof(settings));
            if (string.IsNullOrWhiteSpace(settings.MultimediaProfile)) throw new ArgumentException("A site needs a multimedia profile: give -MultimediaProfile.", nameof(settings));
            var site = new Site { Name = settings.Name?.Trim(), Description = settings.Description, Active = settings.Active ?? true };
            ContactCenterValidation.Site(site, referencesResolved: false); // the name first, before any lookup
            var names = new ContactCenterNames(connection.ContactCenter);
            await settings.ApplyToAsync(site, names, host.CancellationToken);
            ContactCenterValidation.Site(site);
            if (!host.ShouldProcess($"Site '{site.Name}' (multimedia profile '{settings.MultimediaProfile}') in organization {connection.OrganizationId}", "Create")) return;
            var created = await connection.ContactCenter.Sites.CreateAsync(site, host.CancellationToken);
            host.WriteVerbose($"Created site '{created.Name}' (id {created.Id}).");
            await new ContactCenterDisplayNames(connection.ContactCenter, names, lookUp: false).FillAsync(host, created);
            host.WriteObject(created);
        }

        public static Task GetAsync(ICommandHost host, DigitalChannelsConnection connection, string id, string name) =>
            ContactCenterCommandSupport.GetAsync(host, connection.ContactCenter.Sites, id, name, s => s.Name, new ContactCenterDisplayNames(connection.ContactCenter));

        public static async Task SetAsync(ICommandHost host, DigitalChannelsConnection connection, SiteIdentity identity, SiteSettings changes, bool passThru)
        {
            if (identity == null) throw new ArgumentNullException(nameof(identity));
            if (changes == null || changes.IsEmpty) throw new ArgumentException("Nothing to change: give -NewName, -Description, -MultimediaProfile or -Active.", nameof(changes));
            var client = connection.ContactCenter.Sites;
            var current = await identity.ResolveAsync(client, host.CancellationToken);
            var changed = current.Clone<Site>();
            var names = new ContactCenterNames(connection.ContactCenter);
            await changes.ApplyToAsync(changed, names, host.CancellationToken);
            ContactCenterValidation.Site(changed);
            if (!host.ShouldProcess($"Site '{current.Name}' (id {current.Id})", ContactCenterCommandSupport.Capitalize(changes.Describe()))) return;
            var updated = await ContactCenterCommandSupport.UpdateAsync(host, client, current, changed);
            host.WriteVerbose($"Changed site '{current.Name}' (id {current.Id}): {changes.Describe()}.");
            if (!passThru) return;
            await new ContactCenterDisplayNames(connection.ContactCenter, names, lookUp: false).FillAsync(host, updated);
            host.WriteObject(updated);
        }

        public static Task RemoveAsync(ICommandHost host, DigitalChannelsConnection connection, SiteIdentity identity) =>
            ContactCenterCommandSupport.RemoveAsync(host, connection.ContactCenter.Sites, identity);
    }
}
