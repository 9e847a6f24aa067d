using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using DigitalChannels.Client.Commands;

namespace DigitalChannels.Client.ContactCenter
{
    /// <summary>What New- and Set-WxccTeam were given; null means "not given". Site and type are fixed after create.</summary>
    public sealed class TeamSettings
    {
        /// <summary>The desktop layout a new team gets when none is named: every tenant has it.</summary>
        public const string DefaultDesktopLayout = "Global Layout";

        public string Name { get; set; }
        public string Description { get; set; }
        /// <summary>A site's name or id (create only).</summary>
        public string Site { get; set; }
        /// <summary>Create only.</summary>
        public TeamType? TeamType { get; set; }
        public string MultimediaProfile { get; set; }
        public string DesktopLayout { get; set; }
        /// <summary>Capacity-based teams only.</summary>
        public int? Capacity { get; set; }
        /// <summary>IN_SERVICE when true, NOT_AVAILABLE when false.</summary>
        public bool? InService { get; set; }

        public bool IsEmpty => Name == null && Description == null && MultimediaProfile == null && DesktopLayout == null && Capacity == null && InService == null;

        internal string Describe()
        {
            var parts = new List<string>();
            if (Name != null) parts.Add($"rename to '{Name}'");
            if (MultimediaProfile != null) parts.Add($"multimedia profile '{MultimediaProfile}'");
            if (DesktopLayout != null) parts.Add($"desktop layout '{DesktopLayout}'");
            if (Capacity.HasValue) parts.Add($"capacity {Capacity}");
            if (InService.HasValue) parts.Add(InService.Value ? "in service" : "not available");
            if (Description != null) parts.Add("set the description");
            return string.Join(", ", parts);
        }

        internal async Task ApplyToAsync(Team team, ContactCenterNames names, System.Threading.CancellationToken token)
        {
            if (Name != null) team.Name = Name.Trim();
            if (Description != null) team.Description = Description;
            if (MultimediaProfile != null) team.MultiMediaProfileId = await names.MultimediaProfileAsync(MultimediaProfile, token);
            if (DesktopLayout != null) team.DesktopLayoutId = await names.DesktopLayoutAsync(DesktopLayout, token);
            if (Capacity.HasValue) team.Capacity = Capacity;
            if (InService.HasValue) team.TeamStatus = InService.Value ? "IN_SERVICE" : "NOT_AVAILABLE";
        }
    }

    /// <summary>What New/Get/Set/Remove-WxccTeam do.</summary>
    public static class TeamCommands
    {
        public const string Noun = "WxccTeam";

        public static async Task NewAsync(ICommandHost host, DigitalChannelsConnection connection, TeamSettings settings)
        {
            if (settings == null) throw new ArgumentNullException(nameof(settings));
            if (string.IsNullOrWhiteSpace(settings.Site)) throw new ArgumentException("A team needs a site: give -Site.", nameof(settings));
            var type = settings.TeamType ?? TeamType.AgentBased;
            if (type == TeamType.CapacityBased && settings.MultimediaProfile != null)
                throw new ArgumentException($"The team '{settings.Name}' is capacity based: it takes no multimedia profile.", nameof(settings));
            if (type == TeamType.AgentBased && settings.Capacity.HasValue)
                throw new ArgumentException($"The team '{settings.Name}' is agent based: -Capacity applies only to capacity-based teams.", nameof(settings));
            var team = new Team
            {
                Name = settings.Name?.Trim(), Description = settings.Description, TeamType = ContactCenterValidation.ToApi(type),
                TeamStatus = settings.InService == false ? "NOT_AVAILABLE" : "IN_SERVICE", Active = true, RankQueuesForTeam = false,
            };
            ContactCenterValidation.Team(team, referencesResolved: false); // the name first, before any lookup
            var names = new ContactCenterNames(connection.ContactCenter);
            var token = host.CancellationToken;
            team.SiteId = await names.SiteAsync(settings.Site, token);
            await new TeamSettings
            {
                MultimediaProfile = settings.MultimediaProfile,
                DesktopLayout = settings.DesktopLayout ?? TeamSettings.DefaultDesktopLayout,
                Capacity = settings.Capacity,
            }.ApplyToAsync(team, names, token);
            ContactCenterValidation.Team(team);
            if (!host.ShouldProcess($"Team '{team.Name}' ({(type == TeamType.AgentBased ? "agent based" : "capacity based")}, site '{settings.Site}') in organization {connection.OrganizationId}", "Create")) return;
            var created = await connection.ContactCenter.Teams.CreateAsync(team, token);
            host.WriteVerbose($"Created team '{created.Name}' (id {created.Id}).");
            await new ContactCenterDisplayNames(connection.ContactCenter, names, lookUp: false).FillAsync(host, created);
            host.WriteObject(created);
        }

        public static Task GetAsync(ICommandHost host, DigitalChannelsConnection connection, string id, string name) =>
            ContactCenterCommandSupport.GetAsync(host, connection.ContactCenter.Teams, id, name, t => t.Name, new ContactCenterDisplayNames(connection.ContactCenter));

        public static async Task SetAsync(ICommandHost host, DigitalChannelsConnection connection, TeamIdentity identity, TeamSettings changes, bool passThru)
        {
            if (identity == null) throw new ArgumentNullException(nameof(identity));
            if (changes == null || changes.IsEmpty) throw new ArgumentException("Nothing to change: give -NewName, -Description, -MultimediaProfile, -DesktopLayout, -Capacity or -InService.", nameof(changes));
            var client = connection.ContactCenter.Teams;
            var current = await identity.ResolveAsync(client, host.CancellationToken);
            if (current.TeamType == "CAPACITY" && changes.MultimediaProfile != null)
                throw new ArgumentException($"The team '{current.Name}' is capacity based: it takes no multimedia profile.", nameof(changes));
            var changed = current.Clone<Team>();
            var names = new ContactCenterNames(connection.ContactCenter);
            await changes.ApplyToAsync(changed, names, host.CancellationToken);
            ContactCenterValidation.Team(changed);
            if (!host.ShouldProcess($"Team '{current.Name}' (id {current.Id})", ContactCenterCommandSupport.Capitalize(changes.Describe()))) return;
            var updated = await ContactCenterCommandSupport.UpdateAsync(host, client, current, changed);
            host.WriteVerbose($"Changed team '{current.Name}' (id {current.Id}): {changes.Describe()}.");
            if (!passThru) return;
            await new ContactCenterDisplayNames(connection.ContactCenter, names, lookUp: false).FillAsync(host, updated);
            host.WriteObject(updated);
        }

        public static Task RemoveAsync(ICommandHost host, DigitalChannelsConnection connection, TeamIdentity identity) =>
            ContactCenterCommandSupport.RemoveAsync(host, connection.ContactCenter.Teams, identity);
    }
}
