using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DigitalChannels.Client.ContactCenter;
using DigitalChannels.Client.ControlHub;
using DigitalChannels.Client.Lab.Definition;
using DigitalChannels.Client.People;

namespace DigitalChannels.Client.Lab.Steps
{
    /// <summary>Reads a whole list once, so that a step compares names against one snapshot of the tenant.</summary>
    internal static class AsyncLists
    {
        public static async Task<List<T>> ToListAsync<T>(this IAsyncEnumerable<T> items, CancellationToken cancellationToken)
        {
            var list = new List<T>();
            await foreach (var item in items.WithCancellation(cancellationToken).ConfigureAwait(false)) list.Add(item);
            return list;
        }

        public static string Quote(string name) => name == null ? "none" : "'" + name + "'";
    }

    /// <summary>Lab 12.5 step 3.1 "Create new MultiMedia Profile".</summary>
    public sealed class MultimediaProfilesStep : LabStep
    {
        public const string StepId = "12.5-multimedia-profiles";

        public MultimediaProfilesStep() : base(StepId, "12.5", "Step 3.1 Create new MultiMedia Profile") { }

        public override async Task<IReadOnlyList<string>> NotInDefinitionAsync(LabContext context) =>
            Extra((await context.Connection.ContactCenter.MultimediaProfiles.ListAsync(cancellationToken: context.CancellationToken).ToListAsync(context.CancellationToken).ConfigureAwait(false)).Select(p => p.Name),
                context.Definition.ContactCenter.MultimediaProfiles.Select(p => p.Name), n => $"Multimedia profile '{n}'");

        public override bool AppliesTo(LabDefinition definition) => definition.ContactCenter?.MultimediaProfiles.Count > 0;

        private static string Describe(string mode, int? telephony, int? chat, int? email, int? social) =>
            $"{mode}: voice {telephony}, chat {chat}, email {email}, social {social}";

        public override async Task<IReadOnlyList<LabObservation>> ObserveAsync(LabContext context)
        {
            var client = context.Connection.ContactCenter.MultimediaProfiles;
            var existing = await client.ListAsync(cancellationToken: context.CancellationToken).ToListAsync(context.CancellationToken).ConfigureAwait(false);
            var observations = new List<LabObservation>();
            foreach (var wanted in context.Definition.ContactCenter.MultimediaProfiles)
            {
                var target = $"Multimedia profile '{wanted.Name}'";
                var expectation = Describe(ContactCenterValidation.ToApi(wanted.BlendingMode), wanted.Telephony, wanted.Chat, wanted.Email, wanted.Social);
                var settings = new MultimediaProfileSettings
                {
                    Name = wanted.Name, BlendingMode = wanted.BlendingMode, Telephony = wanted.Telephony, Chat = wanted.Chat, Email = wanted.Email, Social = wanted.Social,
                };
                var current = existing.FirstOrDefault(p => string.Equals(p.Name, wanted.Name, StringComparison.OrdinalIgnoreCase));
                if (current == null)
                {
                    observations.Add(LabObservation.Missing(target, expectation, async ct =>
                    {
                        var profile = new MultimediaProfile { Active = true };
                        settings.ApplyTo(profile);
                        ContactCenterValidation.MultimediaProfile(profile);
                        await client.CreateAsync(profile, ct).ConfigureAwait(false);
                    }));
                    continue;
                }
                var actual = Describe(current.BlendingMode, current.Telephony, current.Chat, current.Email, current.Social);
                observations.Add(LabObservation.Compare(target, expectation, actual, async ct =>
                {
                    var changed = current.Clone<MultimediaProfile>();
                    settings.ApplyTo(changed);
                    ContactCenterValidation.MultimediaProfile(changed);
                    await client.UpdateAsync(changed, ct).ConfigureAwait(false);
                }));
            }
            return observations;
        }
    }

    /// <summary>Lab 12.5 step 3.2 "Create new Site".</summary>
    public sealed class SitesStep : LabStep
    {
        public const string StepId = "12.5-sites";

        public SitesStep() : base(StepId, "12.5", "Step 3.2 Create new Site", MultimediaProfilesStep.StepId) { }

        public override async Task<IReadOnlyList<string>> NotInDefinitionAsync(LabContext context) =>
            Extra((await context.Connection.ContactCenter.Sites.ListAsync(cancellationToken: context.CancellationToken).ToListAsync(context.CancellationToken).ConfigureAwait(false)).Select(t => t.Name),
                context.Definition.ContactCenter.Sites.Select(t => t.Name), n => $"Site '{n}'");

        public override bool AppliesTo(LabDefinition definition) => definition.ContactCenter?.Sites.Count > 0;

        public override async Task<IReadOnlyList<LabObservation>> ObserveAsync(LabContext context)
        {
            var cc = context.Connection.ContactCenter;
            var token = context.CancellationToken;
            var sites = await cc.Sites.ListAsync(cancellationToken: token).ToListAsync(token).ConfigureAwait(false);
            var profiles = await cc.MultimediaProfiles.ListAsync(cancellationToken: token).ToListAsync(token).ConfigureAwait(false);
            var observations = new List<LabObservation>();
            foreach (var wanted in context.Definition.ContactCenter.Sites)
            {
                var target = $"Site '{wanted.Name}'";
                var expectation = $"multimedia profile '{wanted.MultimediaProfile}'";
                var settings = new SiteSettings { Name = wanted.Name, MultimediaProfile = wanted.MultimediaProfile };
                var current = sites.FirstOrDefault(s => string.Equals(s.Name, wanted.Name, StringComparison.OrdinalIgnoreCase));
                if (current == null)
                {
                    observations.Add(LabObservation.Missing(target, expectation, async ct =>
                    {
                        var site = new Site { Active = true };
                        await settings.ApplyToAsync(site, new ContactCenterNames(cc), ct).ConfigureAwait(false);
                        ContactCenterValidation.Site(site);
                        await cc.Sites.CreateAsync(site, ct).ConfigureAwait(false);
                    }));
                    continue;
                }
                var profile = profiles.FirstOrDefault(p => p.Id == current.MultimediaProfileId)?.Name ?? current.MultimediaProfileId;
                observations.Add(LabObservation.Compare(target, expectation, $"multimedia profile {AsyncLists.Quote(profile)}", async ct =>
                {
                    var changed = current.Clone<Site>();
                    await settings.ApplyToAsync(changed, new ContactCenterNames(cc), ct).ConfigureAwait(false);
                    await cc.Sites.UpdateAsync(changed, ct).ConfigureAwait(false);
                }));
            }
            return observations;
        }
    }

    /// <summary>Lab 12.5 step 3.3 "Create new Teams".</summary>
    public sealed class TeamsStep : LabStep
    {
        public const string StepId = "12.5-teams";

        public TeamsStep() : base(StepId, "12.5", "Step 3.3 Create new Teams", SitesStep.StepId) { }

        public override async Task<IReadOnlyList<string>> NotInDefinitionAsync(LabContext context) =>
            Extra((await context.Connection.ContactCenter.Teams.ListAsync(cancellationToken: context.CancellationToken).ToListAsync(context.CancellationToken).ConfigureAwait(false)).Select(t => t.Name),
                context.Definition.ContactCenter.Teams.Select(t => t.Name), n => $"Team '{n}'");

        public override bool AppliesTo(LabDefinition definition) => definition.ContactCenter?.Teams.Count > 0;

        private static string Describe(string site, TeamType? type, string profile, string layout) =>
            $"site {AsyncLists.Quote(site)}, {(type == TeamType.CapacityBased ? "capacity based" : type == TeamType.AgentBased ? "agent based" : "unknown type")}, " +
            $"multimedia profile {AsyncLists.Quote(profile)}, desktop layout {AsyncLists.Quote(layout)}";

        public override async Task<IReadOnlyList<LabObservation>> ObserveAsync(LabContext context)
        {
            var cc = context.Connection.ContactCenter;
            var token = context.CancellationToken;
            var teams = await cc.Teams.ListAsync(cancellationToken: token).ToListAsync(token).ConfigureAwait(false);
            var sites = await cc.Sites.ListAsync(cancellationToken: token).ToListAsync(token).ConfigureAwait(false);
            var profiles = await cc.MultimediaProfiles.ListAsync(cancellationToken: token).ToListAsync(token).ConfigureAwait(false);
            var layouts = await cc.DesktopLayouts.ListAsync(cancellationToken: token).ToListAsync(token).ConfigureAwait(false);
            var observations = new List<LabObservation>();
            foreach (var wanted in context.Definition.ContactCenter.Teams)
            {
                var target = $"Team '{wanted.Name}'";
                var expectation = Describe(wanted.Site, wanted.Type, wanted.MultimediaProfile, wanted.DesktopLayout);
                var current = teams.FirstOrDefault(t => string.Equals(t.Name, wanted.Name, StringComparison.OrdinalIgnoreCase));
                if (current == null)
                {
                    observations.Add(LabObservation.Missing(target, expectation, async ct =>
                    {
                        var names = new ContactCenterNames(cc);
                        var team = new Team
                        {
                            Name = wanted.Name, TeamType = ContactCenterValidation.ToApi(wanted.Type), TeamStatus = "IN_SERVICE", Active = true, RankQueuesForTeam = false,
                            SiteId = await names.SiteAsync(wanted.Site, ct).ConfigureAwait(false),
                        };
                        await new TeamSettings { MultimediaProfile = wanted.MultimediaProfile, DesktopLayout = wanted.DesktopLayout }.ApplyToAsync(team, names, ct).ConfigureAwait(false);
                        ContactCenterValidation.Team(team);
                        await cc.Teams.CreateAsync(team, ct).ConfigureAwait(false);
                    }));
                    continue;
                }
                var actual = Describe(
                    sites.FirstOrDefault(s => s.Id == current.SiteId)?.Name ?? current.SiteId,
                    current.TeamType == "AGENT" ? TeamType.AgentBased : current.TeamType == "CAPACITY" ? TeamType.CapacityBased : (TeamType?)null,
                    profiles.FirstOrDefault(p => p.Id == current.MultiMediaProfileId)?.Name ?? current.MultiMediaProfileId,
                    layouts.FirstOrDefault(l => l.Id == current.DesktopLayoutId)?.Name ?? current.DesktopLayoutId);
                var siteDiffers = !string.Equals(sites.FirstOrDefault(s => s.Id == current.SiteId)?.Name, wanted.Site, StringComparison.OrdinalIgnoreCase);
                var typeDiffers = current.TeamType != ContactCenterValidation.ToApi(wanted.Type);
                if ((siteDiffers || typeDiffers) && actual != expectation)
                {
                    // The platform fixes a team's site and type at creation (TeamDTO): only a person may delete and recreate it.
                    observations.Add(LabObservation.NeedsPerson(target, expectation, actual,
                        "a team's site and type cannot change after it is created; remove the team (Remove-WxccTeam) and apply again"));
                    continue;
                }
                observations.Add(LabObservation.Compare(target, expectation, actual, async ct =>
                {
                    var changed = current.Clone<Team>();
                    await new TeamSettings { MultimediaProfile = wanted.MultimediaProfile, DesktopLayout = wanted.DesktopLayout }
                        .ApplyToAsync(changed, new ContactCenterNames(cc), ct).ConfigureAwait(false);
                    ContactCenterValidation.Team(changed);
                    await cc.Teams.UpdateAsync(changed, ct).ConfigureAwait(false);
                }));
            }
            return observations;
        }
    }

    /// <summary>
    /// Lab 12.5 step 3.4 "User Configuration". The lab's users are pre-configured Webex people with the Premium Agent
    /// licence; the step makes sure of that (People API), runs Synchronize Users when a Contact Center user is missing,
    /// then sets each user's profile, site, teams and profiles.
    /// </summary>
    public sealed class UsersStep : LabStep
    {
        public const string StepId = "12.5-users";

        public UsersStep() : base(StepId, "12.5", "Step 3.4 User Configuration", TeamsStep.StepId) { }

        public override bool AppliesTo(LabDefinition definition) => definition.ContactCenter?.Users.Count > 0;

        public override async Task<IReadOnlyList<LabObservation>> ObserveAsync(LabContext context)
        {
            var connection = context.Connection;
            var cc = connection.ContactCenter;
            var token = context.CancellationToken;
            var sites = await cc.Sites.ListAsync(cancellationToken: token).ToListAsync(token).ConfigureAwait(false);
            var teams = await cc.Teams.ListAsync(cancellationToken: token).ToListAsync(token).ConfigureAwait(false);
            var mmps = await cc.MultimediaProfiles.ListAsync(cancellationToken: token).ToListAsync(token).ConfigureAwait(false);
            var desktopProfiles = await cc.DesktopProfiles.ListAsync(cancellationToken: token).ToListAsync(token).ConfigureAwait(false);
            var userProfiles = await cc.UserProfiles.ListAsync(cancellationToken: token).ToListAsync(token).ConfigureAwait(false);
            string NameOf<T>(List<T> items, string id) where T : NamedContactCenterObject => id == null ? null : items.FirstOrDefault(i => i.Id == id)?.Name ?? id;

            var observations = new List<LabObservation>();
            foreach (var wanted in context.Definition.ContactCenter.Users)
            {
                var target = $"User {wanted.Email}";
                var expectation = Describe(wanted.UserProfile, wanted.ContactCenterEnabled, wanted.Site, wanted.Teams, wanted.DesktopProfile, wanted.MultimediaProfile);
                var user = await cc.Users.FindByEmailAsync(wanted.Email, token).ConfigureAwait(false);
                if (user == null)
                {
                    observations.Add(LabObservation.Missing(target, expectation, async ct =>
                    {
                        await EnsureLicensedPersonAsync(connection, wanted, ct).ConfigureAwait(false);
                        await connection.ControlHub.SynchronizeUsersAsync(ct).ConfigureAwait(false);
                        var synchronized = await cc.Users.FindByEmailAsync(wanted.Email, ct).ConfigureAwait(false)
                            ?? throw new InvalidOperationException($"Synchronize Users did not make {wanted.Email} a Contact Center user: check its licence in Control Hub.");
                        await ConfigureAsync(cc, synchronized, wanted, ct).ConfigureAwait(false);
                    }, "not a Contact Center user"));
                    continue;
                }
                var actual = Describe(NameOf(userProfiles, user.UserProfileId), user.ContactCenterEnabled == true, NameOf(sites, user.SiteId),
                    (user.TeamIds ?? new List<string>()).Select(id => NameOf(teams, id)).ToList(), NameOf(desktopProfiles, user.AgentProfileId), NameOf(mmps, user.MultimediaProfileId));
                observations.Add(LabObservation.Compare(target, expectation, actual, ct => ConfigureAsync(cc, user, wanted, ct)));
            }
            return observations;
        }

        internal static string Describe(string userProfile, bool enabled, string site, IEnumerable<string> teams, string desktopProfile, string multimediaProfile)
        {
            var parts = new List<string>();
            if (userProfile != null) parts.Add($"user profile '{userProfile}'");
            parts.Add(enabled ? "Contact Center enabled" : "Contact Center disabled");
            if (site != null) parts.Add($"site '{site}'");
            var teamList = teams.Where(t => t != null).OrderBy(t => t, StringComparer.OrdinalIgnoreCase).ToList();
            if (teamList.Count > 0) parts.Add("teams " + string.Join(", ", teamList.Select(t => "'" + t + "'")));
            if (desktopProfile != null) parts.Add($"desktop profile '{desktopProfile}'");
            if (multimediaProfile != null) parts.Add($"multimedia profile '{multimediaProfile}'");
            return string.Join(", ", parts);
        }

        private static async Task EnsureLicensedPersonAsync(DigitalChannelsConnection connection, ContactCenterUserDefinition wanted, CancellationToken ct)
        {
            var people = connection.People;
            var licence = await people.FindLicenseByNameAsync(wanted.License, ct).ConfigureAwait(false)
                          ?? throw new InvalidOperationException($"The organization has no licence named '{wanted.License}' for {wanted.Email}.");
            var person = await people.FindByEmailAsync(wanted.Email, ct).ConfigureAwait(false);
            if (person == null)
            {
                var first = wanted.FirstName ?? wanted.Email.Split('@')[0];
                var last = wanted.LastName ?? "";
                await people.CreateAsync(wanted.Email, (first + " " + last).Trim(), first, last, new[] { licence.Id }, ct).ConfigureAwait(false);
            }
            else if (person.Licenses == null || !person.Licenses.Contains(licence.Id))
                await people.UpdateLicensesAsync(wanted.Email, new[] { licence.Id }, Array.Empty<string>(), ct).ConfigureAwait(false);
        }

        private static async Task ConfigureAsync(ContactCenterClient cc, ContactCenterUser user, ContactCenterUserDefinition wanted, CancellationToken ct)
        {
            var resolved = await ResolvedUserSettings.ResolveAsync(new WxccUserSettings
            {
                UserProfile = wanted.UserProfile, ContactCenterEnabled = wanted.ContactCenterEnabled, Site = wanted.Site,
                Teams = wanted.Teams.Count > 0 ? wanted.Teams : null, DesktopProfile = wanted.DesktopProfile, MultimediaProfile = wanted.MultimediaProfile,
            }, new ContactCenterNames(cc), ct).ConfigureAwait(false);
            var changed = user.Clone<ContactCenterUser>();
            resolved.ApplyTo(changed);
            await cc.Users.UpdateAsync(changed, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Lab 12.5 step 4 "Setup RONA timers".</summary>
    public sealed class RonaTimeoutsStep : LabStep
    {
        public const string StepId = "12.5-rona";

        public RonaTimeoutsStep() : base(StepId, "12.5", "Step 4. Setup RONA timers") { }

        public override bool AppliesTo(LabDefinition definition) => definition.ContactCenter?.RonaTimeouts != null;

        public override async Task<IReadOnlyList<LabObservation>> ObserveAsync(LabContext context)
        {
            var wanted = context.Definition.ContactCenter.RonaTimeouts;
            var controlHub = context.Connection.ControlHub;
            var current = await controlHub.GetRonaTimeoutsAsync(context.CancellationToken).ConfigureAwait(false);
            var desired = new RonaTimeouts
            {
                Telephony = wanted.Telephony ?? current.Telephony, Chat = wanted.Chat ?? current.Chat,
                Email = wanted.Email ?? current.Email, Social = wanted.Social ?? current.Social,
            };
            return new[]
            {
                LabObservation.Compare("RONA timeouts", desired.ToString(), current.ToString(), async ct =>
                {
                    // Re-read so that a value changed meanwhile outside the definition is kept.
                    var now = await controlHub.GetRonaTimeoutsAsync(ct).ConfigureAwait(false);
                    await controlHub.SetRonaTimeoutsAsync(new RonaTimeouts
                    {
                        Telephony = wanted.Telephony ?? now.Telephony, Chat = wanted.Chat ?? now.Chat,
                        Email = wanted.Email ?? now.Email, Social = wanted.Social ?? now.Social,
                    }, ct).ConfigureAwait(false);
                }),
            };
        }
    }
}
