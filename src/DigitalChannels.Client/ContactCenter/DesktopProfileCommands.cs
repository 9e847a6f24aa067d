using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using DigitalChannels.Client.Commands;

namespace DigitalChannels.Client.ContactCenter
{
    /// <summary>What New- and Set-WxccDesktopProfile were given; null means "not given".</summary>
    public sealed class DesktopProfileSettings
    {
        public string Name { get; set; }
        public string Description { get; set; }
        /// <summary>A site's name or id: the profile then belongs to that site (parentType SITE). Create only.</summary>
        public string Site { get; set; }
        public bool? AutoAnswer { get; set; }
        public bool? AutoWrapUp { get; set; }
        public int? AutoWrapUpSeconds { get; set; }
        /// <summary>3–10000 minutes.</summary>
        public int? InactivityTimeoutMinutes { get; set; }

        public bool IsEmpty => Name == null && Description == null && AutoAnswer == null && AutoWrapUp == null && AutoWrapUpSeconds == null && InactivityTimeoutMinutes == null;

        internal void ApplyTo(DesktopProfile profile)
        {
            if (Name != null) profile.Name = Name.Trim();
            if (Description != null) profile.Description = Description;
            if (AutoAnswer.HasValue) profile.AutoAnswer = AutoAnswer;
            if (AutoWrapUp.HasValue) profile.AutoWrapUp = AutoWrapUp;
            if (AutoWrapUpSeconds.HasValue) profile.AutoWrapAfterSeconds = AutoWrapUpSeconds;
            if (InactivityTimeoutMinutes.HasValue)
            {
                profile.TimeoutDesktopInactivityMins = InactivityTimeoutMinutes;
                profile.AdditionalFields["timeoutDesktopInactivityCustomEnabled"] = true;
            }
        }

        internal string Describe()
        {
            var parts = new List<string>();
            if (Name != null) parts.Add($"rename to '{Name}'");
            if (AutoAnswer.HasValue) parts.Add(AutoAnswer.Value ? "auto answer on" : "auto answer off");
            if (AutoWrapUp.HasValue) parts.Add(AutoWrapUp.Value ? "auto wrap-up on" : "auto wrap-up off");
            if (AutoWrapUpSeconds.HasValue) parts.Add($"auto wrap-up after {AutoWrapUpSeconds} s");
            if (InactivityTimeoutMinutes.HasValue) parts.Add($"inactivity timeout {InactivityTimeoutMinutes} min");
            if (Description != null) parts.Add("set the description");
            return string.Join(", ", parts);
        }
    }

    /// <summary>What New/Get/Set/Remove-WxccDesktopProfile do (the API's agent profiles).</summary>
    public static class DesktopProfileCommands
    {
        public const string Noun = "WxccDesktopProfile";

        /// <summary>
        /// Creates a profile with the Control Hub defaults for what the cmdlet does not ask: every wrap-up code, idle
        /// code, queue, entry point and buddy team accessible, agent DN validated against provisioned values, and
        /// agent, queue and team statistics visible.
        /// </summary>
        public static async Task NewAsync(ICommandHost host, DigitalChannelsConnection connection, DesktopProfileSettings settings)
        {
            if (settings == null) throw new ArgumentNullException(nameof(settings));
            var profile = new DesktopProfile
            {
                ParentType = "ORGANIZATION", Active = true,
                AccessWrapUpCode = "ALL", AccessIdleCode = "ALL", AccessQueue = "ALL", AccessEntryPoint = "ALL", AccessBuddyTeam = "ALL",
                AgentDNValidation = "PROVISIONED_VALUE", AutoAnswer = false, AutoWrapUp = false,
                ViewableStatistics = new ViewableStatistics { AgentStats = true, AccessQueueStats = "ALL", AccessTeamStats = "ALL", LoggedInTeamStats = true },
            };
            settings.ApplyTo(profile);
            ContactCenterValidation.DesktopProfile(profile);
            var names = new ContactCenterNames(connection.ContactCenter);
            if (!string.IsNullOrWhiteSpace(settings.Site))
            {
                profile.ParentType = "SITE";
                profile.SiteId = await names.SiteAsync(settings.Site, host.CancellationToken);
            }
            if (!host.ShouldProcess($"Desktop profile '{profile.Name}' in organization {connection.OrganizationId}", "Create")) return;
            var created = await connection.ContactCenter.DesktopProfiles.CreateAsync(profile, host.CancellationToken);
            host.WriteVerbose($"Created desktop profile '{created.Name}' (id {created.Id}).");
            await new ContactCenterDisplayNames(connection.ContactCenter, names, lookUp: false).FillAsync(host, created);
            host.WriteObject(created);
        }

        public static Task GetAsync(ICommandHost host, DigitalChannelsConnection connection, string id, string name) =>
            ContactCenterCommandSupport.GetAsync(host, connection.ContactCenter.DesktopProfiles, id, name, p => p.Name, new ContactCenterDisplayNames(connection.ContactCenter));

        public static async Task SetAsync(ICommandHost host, DigitalChannelsConnection connection, DesktopProfileIdentity identity, DesktopProfileSettings changes, bool passThru)
        {
            if (identity == null) throw new ArgumentNullException(nameof(identity));
            if (changes == null || changes.IsEmpty) throw new ArgumentException("Nothing to change: give -NewName, -Description, -AutoAnswer, -AutoWrapUp, -AutoWrapUpSeconds or -InactivityTimeoutMinutes.", nameof(changes));
            var client = connection.ContactCenter.DesktopProfiles;
            var current = await identity.ResolveAsync(client, host.CancellationToken);
            var changed = current.Clone<DesktopProfile>();
            changes.ApplyTo(changed);
            ContactCenterValidation.DesktopProfile(changed);
            if (!host.ShouldProcess($"Desktop profile '{current.Name}' (id {current.Id})", ContactCenterCommandSupport.Capitalize(changes.Describe()))) return;
            var updated = await ContactCenterCommandSupport.UpdateAsync(host, client, current, changed);
            host.WriteVerbose($"Changed desktop profile '{current.Name}' (id {current.Id}): {changes.Describe()}.");
            if (passThru) host.WriteObject(updated);
        }

        public static Task RemoveAsync(ICommandHost host, DigitalChannelsConnection connection, DesktopProfileIdentity identity) =>
            ContactCenterCommandSupport.RemoveAsync(host, connection.ContactCenter.DesktopProfiles, identity);
    }
}
