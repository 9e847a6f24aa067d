using System.Collections.Concurrent;
using DigitalChannels.Client;
using DigitalChannels.Client.Commands;
using DigitalChannels.Client.ContactCenter;
using DigitalChannels.Client.ControlHub;
using DigitalChannels.Client.Environments;
using DigitalChannels.Client.Http;
using DigitalChannels.Client.People;
using DigitalChannels.IntegrationTests.Infrastructure;
using Xunit;

namespace DigitalChannels.IntegrationTests.ContactCenter;

/// <summary>
/// Lab 12.5 steps 3 and 4 (platform facts §6 rules 41–45) through the command layer the Wxcc* cmdlets call, over HTTP
/// against a sandbox of its own (the lab's names "MMP", "Site", "Team1" are unique per organization): the people come
/// from the People API with the Premium Agent licence, Synchronize Users makes them Contact Center users, then
/// multimedia profile, site, teams, user settings and RONA timeouts, each read back with the Get commands.
/// </summary>
public sealed class LabStep3And4Tests : IClassFixture<LabStep3And4Tests.LabTenant>
{
    private const string PodId = "12";
    private static readonly string AgentEmail = $"cl1agent{PodId}@email.carehybrid.com";
    private static readonly string SupervisorEmail = $"cl1sup{PodId}@email.carehybrid.com";

    private readonly LabTenant _lab;
    private readonly SandboxProcess _sandbox;

    public LabStep3And4Tests(LabTenant lab)
    {
        _lab = lab;
        _sandbox = lab.Sandbox;
    }

    /// <summary>
    /// A sandbox of its own, provisioned once by the first run of steps 3 and 4 (whose outcome the tests inspect), so that
    /// the tests of this class may run in any order.
    /// </summary>
    public sealed class LabTenant : IAsyncLifetime
    {
        public SandboxProcess Sandbox { get; } = new();

        /// <summary>The RONA timeouts of the new tenant, read before anything was set.</summary>
        public RonaTimeouts RonaBefore { get; private set; } = null!;

        /// <summary>What each command of the first run reported.</summary>
        public Dictionary<string, Host> FirstRun { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            await Sandbox.StartAsync();
            using var connection = await ConnectAsync(Sandbox, null);
            RonaBefore = Single<RonaTimeouts>(Run(RonaTimeoutCommands.Noun, h => RonaTimeoutCommands.GetAsync(h, connection)));
            FirstRun = await ProvisionAsync(connection);
        }

        public async Task DisposeAsync() => await Sandbox.DisposeAsync();
    }

    /// <summary>Every request the connection sends, as "METHOD path", so that a test can tell which endpoint did the work.</summary>
    private sealed class RecordingHandler : DelegatingHandler
    {
        public RecordingHandler() : base(new SocketsHttpHandler()) { }

        public ConcurrentQueue<string> Requests { get; } = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Enqueue($"{request.Method} {request.RequestUri!.AbsolutePath}");
            return base.SendAsync(request, cancellationToken);
        }
    }

    public sealed class Host : ICommandHost
    {
        public CancellationToken CancellationToken => CancellationToken.None;
        public List<object> Objects { get; } = new();
        public List<CommandError> Errors { get; } = new();
        public bool ShouldProcess(string target, string action) => true;
        public void WriteObject(object item) => Objects.Add(item);
        public void WriteVerbose(string message) { }
        public void WriteWarning(string message) { }
        public void WriteProgress(ProgressUpdate progress) { }
        public void WriteError(CommandError error) => Errors.Add(error);
    }

    private async Task<(DigitalChannelsConnection Connection, RecordingHandler Recorder)> ConnectAsync()
    {
        var recorder = new RecordingHandler();
        return (await ConnectAsync(_sandbox, recorder), recorder);
    }

    private static Task<DigitalChannelsConnection> ConnectAsync(SandboxProcess sandbox, HttpMessageHandler? handler) =>
        DigitalChannelsConnection.ConnectAsync(new ConnectionOptions
        {
            Environment = WebexEnvironment.ForSandbox(sandbox.BaseUrl),
            ClientId = sandbox.ClientId,
            ClientSecret = sandbox.ClientSecret,
            HttpMessageHandler = handler,
        }, CancellationToken.None);

    /// <summary>Runs one command as a cmdlet would and returns its host (objects and non-terminating errors).</summary>
    private static Host Run(string noun, Func<ICommandHost, Task> command)
    {
        var host = new Host();
        CommandRunner.Run(host, noun, command);
        return host;
    }

    private static T Single<T>(Host host)
    {
        Assert.Empty(host.Errors);
        return Assert.IsType<T>(Assert.Single(host.Objects));
    }

    /// <summary>Rule 41: the agent and the supervisor exist as Webex people with the Premium Agent licence (idempotent).</summary>
    private static async Task<WebexPerson> EnsurePersonAsync(DigitalChannelsConnection connection, string email, string firstName, string lastName)
    {
        var people = connection.People;
        var existing = await people.FindByEmailAsync(email, CancellationToken.None);
        if (existing != null) return existing;
        var premium = await people.FindLicenseByNameAsync(ContactCenterLicenses.PremiumAgent, CancellationToken.None);
        Assert.NotNull(premium);
        return await people.CreateAsync(email, $"{firstName} {lastName}", firstName, lastName, [premium!.Id], CancellationToken.None);
    }

    /// <summary>
    /// Step 3 and step 4 exactly as the lab guide gives them, one command at a time. Returns every command's host so that
    /// a second run can check what each reported.
    /// </summary>
    private static async Task<Dictionary<string, Host>> ProvisionAsync(DigitalChannelsConnection connection)
    {
        await EnsurePersonAsync(connection, AgentEmail, "Lab", "Agent");
        await EnsurePersonAsync(connection, SupervisorEmail, "Lab", "Supervisor");
        var hosts = new Dictionary<string, Host>
        {
            ["Sync-WxccUser"] = Run(UserSynchronizationCommands.Noun, h => UserSynchronizationCommands.SyncAsync(h, connection)),
            ["New-WxccMultimediaProfile"] = Run(MultimediaProfileCommands.Noun, h => MultimediaProfileCommands.NewAsync(h, connection, new MultimediaProfileSettings
            {
                Name = "MMP", BlendingMode = BlendingMode.Blended, Telephony = 1, Chat = 3, Email = 3, Social = 3,
            })),
            ["New-WxccSite"] = Run(SiteCommands.Noun, h => SiteCommands.NewAsync(h, connection, new SiteSettings { Name = "Site", MultimediaProfile = "MMP" })),
        };
        foreach (var team in new[] { "Team1", "Team2" })
        {
            // -DesktopLayout is left out on purpose: the lab keeps the default, Global Layout.
            hosts["New-WxccTeam " + team] = Run(TeamCommands.Noun, h => TeamCommands.NewAsync(h, connection, new TeamSettings
            {
                Name = team, Site = "Site", TeamType = TeamType.AgentBased, MultimediaProfile = "MMP",
            }));
        }
        // Get-WxccUser 'cl1*' | Set-WxccUser -UserProfile … -ContactCenterEnabled -Site Site -Team Team1, Team2 -DesktopProfile 'Agent Profile' -MultimediaProfile MMP
        var listed = Run(WxccUserCommands.Noun, h => WxccUserCommands.GetAsync(h, connection, null, $"cl1*{PodId}@email.carehybrid.com"));
        Assert.Empty(listed.Errors);
        var identities = listed.Objects.Cast<ContactCenterUser>().Select(u => new WxccUserIdentity(u)).ToList();
        hosts["Set-WxccUser"] = Run(WxccUserCommands.Noun, h => WxccUserCommands.SetAsync(h, connection, identities, new WxccUserSettings
        {
            UserProfile = "Premium Agent User Profile", ContactCenterEnabled = true, Site = "Site", Teams = ["Team1", "Team2"],
            DesktopProfile = "Agent Profile", MultimediaProfile = "MMP",
        }, passThru: true));
        hosts["Set-WxccRonaTimeout"] = Run(RonaTimeoutCommands.Noun, h => RonaTimeoutCommands.SetAsync(h, connection, 18, 60, 90, 60, passThru: true));
        return hosts;
    }

    /// <summary>Reads everything back with the Get commands and asserts every value of steps 3 and 4.</summary>
    private static string AssertLabState(DigitalChannelsConnection connection)
    {
        var mmp = Single<MultimediaProfile>(Run(MultimediaProfileCommands.Noun, h => MultimediaProfileCommands.GetAsync(h, connection, null, "MMP")));
        Assert.Equal("MMP", mmp.Name);
        Assert.Equal(MultimediaBlendingModes.Blended, mmp.BlendingMode);
        Assert.True(mmp.BlendingModeEnabled);
        Assert.True(mmp.Active);
        Assert.Equal((1, 3, 3, 3), (mmp.Telephony, mmp.Chat, mmp.Email, mmp.Social));

        var site = Single<Site>(Run(SiteCommands.Noun, h => SiteCommands.GetAsync(h, connection, null, "Site")));
        Assert.Equal("Site", site.Name);
        Assert.True(site.Active);
        Assert.Equal(mmp.Id, site.MultimediaProfileId);

        var layout = Assert.Single(connection.ContactCenter.DesktopLayouts.ListAsync(Rsql.Equal("name", "Global Layout")).ToBlockingEnumerable());
        var teams = Run(TeamCommands.Noun, h => TeamCommands.GetAsync(h, connection, null, "Team*"));
        Assert.Empty(teams.Errors);
        var byName = teams.Objects.Cast<Team>().ToDictionary(t => t.Name);
        Assert.Equal(["Team1", "Team2"], byName.Keys.Order());
        foreach (var team in byName.Values)
        {
            Assert.Equal(site.Id, team.SiteId);
            Assert.Equal("AGENT", team.TeamType);
            Assert.Equal(mmp.Id, team.MultiMediaProfileId);
            Assert.Equal(layout.Id, team.DesktopLayoutId);
            Assert.Equal("IN_SERVICE", team.TeamStatus);
            Assert.True(team.Active);
        }

        var premiumProfile = Assert.Single(connection.ContactCenter.UserProfiles.ListAsync(Rsql.Equal("name", "Premium Agent User Profile")).ToBlockingEnumerable());
        var agentProfile = Assert.Single(connection.ContactCenter.DesktopProfiles.ListAsync(Rsql.Equal("name", "Agent Profile")).ToBlockingEnumerable());
        var users = Run(WxccUserCommands.Noun, h => WxccUserCommands.GetAsync(h, connection, null, $"cl1*{PodId}@email.carehybrid.com"));
        Assert.Empty(users.Errors);
        var lab = users.Objects.Cast<ContactCenterUser>().OrderBy(u => u.Email).ToList();
        Assert.Equal([AgentEmail, SupervisorEmail], lab.Select(u => u.Email));
        foreach (var user in lab)
        {
            // The list's "Contact Center Enabled: Yes" and "Status: Active" (rule 43).
            Assert.True(user.ContactCenterEnabled, user.Email);
            Assert.True(user.Active, user.Email);
            Assert.Equal(premiumProfile.Id, user.UserProfileId);
            Assert.Equal("PREMIUM_AGENT", (string?)user.AdditionalFields["userProfileType"]);
            Assert.Equal(site.Id, user.SiteId);
            Assert.Equal("Site", (string?)user.AdditionalFields["siteName"]);
            Assert.Equal(new[] { byName["Team1"].Id, byName["Team2"].Id }.Order(), user.TeamIds!.Order());
            Assert.Equal(agentProfile.Id, user.AgentProfileId);
            Assert.Equal(mmp.Id, user.MultimediaProfileId);
        }

        var rona = Single<RonaTimeouts>(Run(RonaTimeoutCommands.Noun, h => RonaTimeoutCommands.GetAsync(h, connection)));
        Assert.Equal((18, 60, 90, 60), (rona.Telephony, rona.Chat, rona.Email, rona.Social));
        return string.Join(",", new[] { mmp.Id, site.Id, byName["Team1"].Id, byName["Team2"].Id }.Concat(lab.Select(u => u.Id)));
    }

    [Fact]
    public async Task Steps_3_and_4_provision_exactly_read_back_and_a_second_run_changes_nothing()
    {
        var (connection, _) = await ConnectAsync();
        using var __ = connection;

        // A new tenant has the platform's defaults, deliberately not the lab's values.
        Assert.Equal((30, 300, 600, 300), (_lab.RonaBefore.Telephony, _lab.RonaBefore.Chat, _lab.RonaBefore.Email, _lab.RonaBefore.Social));
        var first = _lab.FirstRun;
        foreach (var (command, host) in first) Assert.True(host.Errors.Count == 0, $"{command}: {string.Join(" | ", host.Errors.Select(e => $"{e.ErrorId}: {e.Message}"))}");
        var synchronized = Assert.IsType<UserSynchronizationResult>(Assert.Single(first["Sync-WxccUser"].Objects));
        Assert.Equal(2, synchronized.Activated);
        Assert.Equal("MMP", Assert.IsType<MultimediaProfile>(Assert.Single(first["New-WxccMultimediaProfile"].Objects)).Name);
        Assert.Equal("Site", Assert.IsType<Site>(Assert.Single(first["New-WxccSite"].Objects)).Name);
        Assert.Equal("Team1", Assert.IsType<Team>(Assert.Single(first["New-WxccTeam Team1"].Objects)).Name);
        Assert.Equal("Team2", Assert.IsType<Team>(Assert.Single(first["New-WxccTeam Team2"].Objects)).Name);
        Assert.Equal([AgentEmail, SupervisorEmail], first["Set-WxccUser"].Objects.Cast<ContactCenterUser>().Select(u => u.Email).Order());
        var rona = Assert.IsType<RonaTimeouts>(Assert.Single(first["Set-WxccRonaTimeout"].Objects));
        Assert.Equal((18, 60, 90, 60), (rona.Telephony, rona.Chat, rona.Email, rona.Social));
        var ids = AssertLabState(connection);

        // Again: the creates are refused as duplicates (409 → AlreadyExists, naming the object), the rest is repeated
        // with the same values, and the state read back is unchanged, down to the ids.
        var second = await ProvisionAsync(connection);
        foreach (var (command, noun, name) in new[] { ("New-WxccMultimediaProfile", "WxccMultimediaProfile", "MMP"), ("New-WxccSite", "WxccSite", "Site"),
                     ("New-WxccTeam Team1", "WxccTeam", "Team1"), ("New-WxccTeam Team2", "WxccTeam", "Team2") })
        {
            var duplicate = Assert.Single(second[command].Errors);
            Assert.Equal(noun + "AlreadyExists", duplicate.ErrorId);
            Assert.Equal(CommandErrorCategory.ResourceExists, duplicate.Category);
            Assert.Contains($"'{name}'", duplicate.Message);
            Assert.Contains("already exists", duplicate.Message);
            Assert.Empty(second[command].Objects);
        }
        foreach (var command in new[] { "Sync-WxccUser", "Set-WxccUser", "Set-WxccRonaTimeout" }) Assert.Empty(second[command].Errors);
        var resynchronized = Assert.IsType<UserSynchronizationResult>(Assert.Single(second["Sync-WxccUser"].Objects));
        Assert.Equal((0, 0), (resynchronized.Activated, resynchronized.Deactivated));
        Assert.Equal(ids, AssertLabState(connection));
        Assert.Single(connection.ContactCenter.Sites.ListAsync(Rsql.Equal("name", "Site")).ToBlockingEnumerable());
        Assert.Single(connection.ContactCenter.MultimediaProfiles.ListAsync(Rsql.Equal("name", "MMP")).ToBlockingEnumerable());
        Assert.Equal(2, connection.ContactCenter.Teams.ListAsync("name==\"Team*\"").ToBlockingEnumerable().Count());
    }

    [Fact]
    public async Task Set_WxccUser_with_two_users_sends_one_bulk_request_and_no_put()
    {
        var (connection, recorder) = await ConnectAsync();
        using var _ = connection;
        var users = Run(WxccUserCommands.Noun, h => WxccUserCommands.GetAsync(h, connection, null, "cl1*"));
        var identities = users.Objects.Cast<ContactCenterUser>().Select(u => new WxccUserIdentity(u)).ToList();
        Assert.Equal(2, identities.Count);
        var versions = users.Objects.Cast<ContactCenterUser>().ToDictionary(u => u.Id, u => u.Version);

        while (recorder.Requests.TryDequeue(out var __)) { }
        var requestsBefore = connection.Pipeline.RequestCount;
        var set = Run(WxccUserCommands.Noun, h => WxccUserCommands.SetAsync(h, connection, identities, new WxccUserSettings { Teams = ["Team1"] }, passThru: false));

        Assert.Empty(set.Errors);
        var sent = recorder.Requests.ToList();
        var bulk = $"PATCH /organization/{connection.OrganizationId}/user/bulk";
        Assert.Equal(1, sent.Count(r => r == bulk));
        Assert.DoesNotContain(sent, r => r.StartsWith("PUT ", StringComparison.Ordinal) || r.StartsWith("PATCH /organization/" + connection.OrganizationId + "/user/", StringComparison.Ordinal) && r != bulk);
        // One lookup for the team name, then the bulk request: the users came piped in and are not read again.
        Assert.Equal(2, connection.Pipeline.RequestCount - requestsBefore);

        var team1 = Single<Team>(Run(TeamCommands.Noun, h => TeamCommands.GetAsync(h, connection, null, "Team1")));
        foreach (var identity in identities)
        {
            var stored = await connection.ContactCenter.Users.GetAsync(identity.Id, CancellationToken.None);
            Assert.Equal([team1.Id], stored!.TeamIds);
            Assert.Equal(versions[identity.Id] + 1, stored.Version);
            Assert.True(stored.ContactCenterEnabled);
        }
        // Back to the lab's state for the other tests of this class.
        Assert.Empty(Run(WxccUserCommands.Noun, h => WxccUserCommands.SetAsync(h, connection, identities, new WxccUserSettings { Teams = ["Team1", "Team2"] }, false)).Errors);
    }

    [Fact]
    public async Task One_user_goes_through_read_and_put_and_the_other_set_and_remove_commands_work_against_the_sandbox()
    {
        var (connection, recorder) = await ConnectAsync();
        using var _ = connection;

        var desktop = Single<DesktopProfile>(Run(DesktopProfileCommands.Noun, h => DesktopProfileCommands.NewAsync(h, connection, new DesktopProfileSettings
        {
            Name = "Lab Desktop (night)", Site = "Site", AutoWrapUp = true, AutoWrapUpSeconds = 30, InactivityTimeoutMinutes = 15,
        })));
        Assert.Equal("SITE", desktop.ParentType);
        Assert.Equal(30, desktop.AutoWrapAfterSeconds);

        // One user: read, change, PUT the whole user with its version (no bulk request).
        while (recorder.Requests.TryDequeue(out var __)) { }
        var agent = Single<ContactCenterUser>(Run(WxccUserCommands.Noun, h => WxccUserCommands.SetAsync(h, connection, [new WxccUserIdentity(AgentEmail)],
            new WxccUserSettings { DesktopProfile = "Lab Desktop (night)" }, passThru: true)));
        Assert.Equal(desktop.Id, agent.AgentProfileId);
        Assert.Contains($"PUT /organization/{connection.OrganizationId}/user/{agent.Id}", recorder.Requests);
        Assert.DoesNotContain(recorder.Requests, r => r.EndsWith("/user/bulk", StringComparison.Ordinal));

        // The user profile belongs to Control Hub: the current one may be stated, another is refused naming the field.
        var profile = Assert.Single(Run(WxccUserCommands.Noun, h => WxccUserCommands.SetAsync(h, connection, [new WxccUserIdentity(AgentEmail)],
            new WxccUserSettings { UserProfile = "Supervisor User Profile" }, passThru: false)).Errors);
        Assert.Equal("WxccUserInvalidValue", profile.ErrorId);
        Assert.Contains("The field 'userProfileId' is managed in Control Hub", profile.Message);

        var inUse = Assert.Single(Run(DesktopProfileCommands.Noun, h => DesktopProfileCommands.RemoveAsync(h, connection, new DesktopProfileIdentity(desktop))).Errors);
        Assert.Equal("WxccDesktopProfileInUse", inUse.ErrorId);
        Assert.Contains($"user '{AgentEmail}'", inUse.Message);

        Assert.Empty(Run(WxccUserCommands.Noun, h => WxccUserCommands.SetAsync(h, connection, [new WxccUserIdentity(agent.Id)],
            new WxccUserSettings { DesktopProfile = "Agent Profile" }, passThru: false)).Errors);
        var renamed = Single<DesktopProfile>(Run(DesktopProfileCommands.Noun, h => DesktopProfileCommands.SetAsync(h, connection, new DesktopProfileIdentity(desktop.Id),
            new DesktopProfileSettings { Name = "Lab Desktop (day)", AutoAnswer = true }, passThru: true)));
        Assert.Equal(("Lab Desktop (day)", true, desktop.Version + 1), (renamed.Name, renamed.AutoAnswer, renamed.Version));
        Assert.Empty(Run(DesktopProfileCommands.Noun, h => DesktopProfileCommands.RemoveAsync(h, connection, new DesktopProfileIdentity("Lab Desktop (day)"))).Errors);
        Assert.Equal("WxccDesktopProfileNotFound",
            Assert.Single(Run(DesktopProfileCommands.Noun, h => DesktopProfileCommands.GetAsync(h, connection, null, "Lab Desktop (day)")).Errors).ErrorId);

        // A spare profile and site: changed, then removed in dependency order.
        var spareProfile = Single<MultimediaProfile>(Run(MultimediaProfileCommands.Noun, h => MultimediaProfileCommands.NewAsync(h, connection, new MultimediaProfileSettings
        {
            Name = "Spare MMP", BlendingMode = BlendingMode.BlendedRealtime, Telephony = 1, Chat = 1,
        })));
        var spareSite = Single<Site>(Run(SiteCommands.Noun, h => SiteCommands.NewAsync(h, connection, new SiteSettings { Name = "Spare Site", MultimediaProfile = "Spare MMP" })));
        var changedProfile = Single<MultimediaProfile>(Run(MultimediaProfileCommands.Noun, h => MultimediaProfileCommands.SetAsync(h, connection,
            new MultimediaProfileIdentity(spareProfile), new MultimediaProfileSettings { Chat = 5, Email = 2 }, passThru: true)));
        Assert.Equal((MultimediaBlendingModes.BlendedRealtime, 1, 5, 2, 0), (changedProfile.BlendingMode, changedProfile.Telephony, changedProfile.Chat, changedProfile.Email, changedProfile.Social));
        Assert.Equal("Spare Site 2", Single<Site>(Run(SiteCommands.Noun, h => SiteCommands.SetAsync(h, connection, new SiteIdentity(spareSite),
            new SiteSettings { Name = "Spare Site 2", MultimediaProfile = "MMP" }, passThru: true))).Name);
        Assert.Empty(Run(MultimediaProfileCommands.Noun, h => MultimediaProfileCommands.RemoveAsync(h, connection, new MultimediaProfileIdentity("Spare MMP"))).Errors);
        Assert.Empty(Run(SiteCommands.Noun, h => SiteCommands.RemoveAsync(h, connection, new SiteIdentity("Spare Site 2"))).Errors);
        Assert.Null(await connection.ContactCenter.Sites.GetAsync(spareSite.Id, CancellationToken.None));
        AssertLabState(connection);
    }

    [Fact]
    public async Task Removing_the_site_while_teams_use_it_fails_with_InUse_naming_them()
    {
        var (connection, _) = await ConnectAsync();
        using var __ = connection;

        var remove = Run(SiteCommands.Noun, h => SiteCommands.RemoveAsync(h, connection, new SiteIdentity("Site")));

        var error = Assert.Single(remove.Errors);
        Assert.Equal("WxccSiteInUse", error.ErrorId);
        Assert.Equal(CommandErrorCategory.InvalidOperation, error.Category);
        Assert.Contains("'Site'", error.Message);
        Assert.Contains("team 'Team1'", error.Message);
        Assert.Contains("team 'Team2'", error.Message);
        Assert.Contains($"user '{AgentEmail}'", error.Message);
        Assert.NotNull(Single<Site>(Run(SiteCommands.Noun, h => SiteCommands.GetAsync(h, connection, null, "Site"))));
    }

    [Fact]
    public async Task A_change_from_a_stale_version_is_reported_as_PreconditionFailed()
    {
        var (connection, _) = await ConnectAsync();
        using var __ = connection;
        var stale = Single<Team>(Run(TeamCommands.Noun, h => TeamCommands.GetAsync(h, connection, null, "Team2")));

        // Someone else changes the team meanwhile (Set-WxccTeam reads the current version itself).
        Assert.Empty(Run(TeamCommands.Noun, h => TeamCommands.SetAsync(h, connection, new TeamIdentity(stale), new TeamSettings { Description = "changed meanwhile" }, false)).Errors);

        var changed = stale.Clone<Team>();
        changed.Description = "from the stale copy";
        var update = Run(TeamCommands.Noun, h => ContactCenterCommandSupport.UpdateAsync(h, connection.ContactCenter.Teams, stale, changed));

        var error = Assert.Single(update.Errors);
        Assert.Equal("WxccTeamPreconditionFailed", error.ErrorId);
        Assert.Contains($"version {stale.Version} was read, version {stale.Version + 1} is stored", error.Message);
        var stored = Single<Team>(Run(TeamCommands.Noun, h => TeamCommands.GetAsync(h, connection, null, "Team2")));
        Assert.Equal("changed meanwhile", stored.Description);
    }

    [Fact]
    public async Task Rona_timeouts_out_of_range_are_refused_naming_the_range_by_the_command_and_by_the_sandbox()
    {
        var (connection, _) = await ConnectAsync();
        using var __ = connection;

        var telephony = Assert.Single(Run(RonaTimeoutCommands.Noun, h => RonaTimeoutCommands.SetAsync(h, connection, 121, null, null, null, false)).Errors);
        Assert.Equal("WxccRonaTimeoutInvalidArgument", telephony.ErrorId);
        Assert.Contains("121", telephony.Message);
        Assert.Contains("1–120 seconds", telephony.Message);
        var chat = Assert.Single(Run(RonaTimeoutCommands.Noun, h => RonaTimeoutCommands.SetAsync(h, connection, null, 0, null, null, false)).Errors);
        Assert.Contains("1–6000 seconds", chat.Message);
        var social = Assert.Single(Run(RonaTimeoutCommands.Noun, h => RonaTimeoutCommands.SetAsync(h, connection, null, null, null, 6001, false)).Errors);
        Assert.Contains("Social", social.Message);
        Assert.Contains("1–6000 seconds", social.Message);

        // The sandbox refuses too, for a client that does not check first.
        var url = new Uri(new Uri(_sandbox.BaseUrl.TrimEnd('/') + "/"), $"controlhub/v1/organization/{connection.OrganizationId}/contact-center/rona-timeouts");
        var refused = await Assert.ThrowsAsync<WebexApiException>(() =>
            connection.Pipeline.SendAsync<RonaTimeouts>(HttpMethod.Put, url, new RonaTimeouts { Telephony = 18, Chat = 60, Email = 6001, Social = 60 }, CancellationToken.None));
        Assert.Equal(400, refused.StatusCode);
        Assert.Contains("'email' must be from 1 to 6000 seconds (got 6001)", refused.Message);

        var rona = Single<RonaTimeouts>(Run(RonaTimeoutCommands.Noun, h => RonaTimeoutCommands.GetAsync(h, connection)));
        Assert.Equal((18, 60, 90, 60), (rona.Telephony, rona.Chat, rona.Email, rona.Social));
    }

    [Fact]
    public async Task A_user_whose_licence_was_removed_shows_inactive_after_synchronizing_and_active_again_after_it_is_restored()
    {
        var (connection, _) = await ConnectAsync();
        using var __ = connection;
        var email = $"leaver{PodId}@email.carehybrid.com";
        var person = await EnsurePersonAsync(connection, email, "Lab", "Leaver");
        Assert.Empty(Run(UserSynchronizationCommands.Noun, h => UserSynchronizationCommands.SyncAsync(h, connection)).Errors);
        Assert.True(Single<ContactCenterUser>(Run(WxccUserCommands.Noun, h => WxccUserCommands.GetAsync(h, connection, null, email))).Active);

        var premium = await connection.People.FindLicenseByNameAsync(ContactCenterLicenses.PremiumAgent, CancellationToken.None);
        await connection.People.UpdateLicensesAsync(email, null, [premium!.Id], CancellationToken.None);
        var sync = Single<UserSynchronizationResult>(Run(UserSynchronizationCommands.Noun, h => UserSynchronizationCommands.SyncAsync(h, connection)));
        Assert.Equal(1, sync.Deactivated);

        var inactive = Single<ContactCenterUser>(Run(WxccUserCommands.Noun, h => WxccUserCommands.GetAsync(h, connection, null, email)));
        Assert.False(inactive.Active);
        Assert.Equal(person.CiUserId, inactive.CiUserId);
        // The lab users are untouched.
        Assert.All(Run(WxccUserCommands.Noun, h => WxccUserCommands.GetAsync(h, connection, null, "cl1*")).Objects.Cast<ContactCenterUser>(),
            u => Assert.True(u.Active));

        // Rule 22: re-assign the licence and synchronize again.
        await connection.People.UpdateLicensesAsync(email, [premium.Id], null, CancellationToken.None);
        Assert.Equal(1, Single<UserSynchronizationResult>(Run(UserSynchronizationCommands.Noun, h => UserSynchronizationCommands.SyncAsync(h, connection))).Activated);
        Assert.True(Single<ContactCenterUser>(Run(WxccUserCommands.Noun, h => WxccUserCommands.GetAsync(h, connection, null, email))).Active);
    }
}
