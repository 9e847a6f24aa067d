using System.Net;
using System.Security;
using System.Text.Json;
using DigitalChannels.Client;
using DigitalChannels.Client.Commands;
using DigitalChannels.Client.Connect.Teammates;
using DigitalChannels.Client.Engage.ChannelAssets;
using DigitalChannels.Client.Engage.Users;
using DigitalChannels.Client.Environments;
using DigitalChannels.Client.Provisioning;
using DigitalChannels.Client.Sandbox;
using DigitalChannels.IntegrationTests.Infrastructure;

namespace DigitalChannels.IntegrationTests.Provisioning;

/// <summary>A sandbox whose provisioning takes one second, shared by the tests of lab 12.1 (each on its own new tenant).</summary>
public sealed class QuickProvisioningSandbox : SandboxProcess
{
    public QuickProvisioningSandbox() => ExtraArguments = ["--provisioning-seconds", "1"];
}

/// <summary>
/// Lab 12.1 and the Engage users of lab 12.3 on NEW tenants, through the command logic the cmdlets call → client → HTTP
/// → sandbox: New-DigitalChannelsSandboxTenant, Start-/Wait-/Get-DigitalChannelsProvisioning, the activation mail,
/// Complete-ConnectTeammateInvitation, Get-/Sync-EngageUser, Get-/Set-EngageChannelAsset; and the refusals.
/// </summary>
public sealed class ProvisioningLabTests : IClassFixture<QuickProvisioningSandbox>
{
    private const string Password = "Activate2026";
    private readonly SandboxProcess _sandbox;

    public ProvisioningLabTests(QuickProvisioningSandbox sandbox) => _sandbox = sandbox;

    private Task<DigitalChannelsConnection> ConnectAsync(string clientId, string secret) =>
        DigitalChannelsConnection.ConnectAsync(new ConnectionOptions
        {
            Environment = WebexEnvironment.ForSandbox(_sandbox.BaseUrl),
            ClientId = clientId,
            ClientSecret = secret,
            Scopes = DigitalChannels.Client.Auth.Scopes.All,
        }, CancellationToken.None);

    private Task<DigitalChannelsConnection> OperatorAsync() => ConnectAsync(_sandbox.ClientId, _sandbox.ClientSecret);

    internal sealed class Host : ICommandHost
    {
        public CancellationToken CancellationToken { get; init; } = CancellationToken.None;
        public List<object> Objects { get; } = new();
        public List<CommandError> Errors { get; } = new();
        public List<ProgressUpdate> Progress { get; } = new();
        public bool ShouldProcess(string target, string action) => true;
        public void WriteObject(object item) => Objects.Add(item);
        public void WriteVerbose(string message) { }
        public void WriteWarning(string message) { }
        public void WriteProgress(ProgressUpdate progress) => Progress.Add(progress);
        public void WriteError(CommandError error) => Errors.Add(error);
    }

    internal static T Single<T>(Host host)
    {
        Assert.True(host.Errors.Count == 0, string.Join("; ", host.Errors.Select(e => $"{e.ErrorId}: {e.Message}")));
        return Assert.IsType<T>(Assert.Single(host.Objects));
    }

    internal static CommandError Failure(Host host) => Assert.Single(host.Errors);

    private static SecureString Secure(string text)
    {
        var secure = new SecureString();
        foreach (var c in text) secure.AppendChar(c);
        return secure;
    }

    private async Task<(SandboxTenant Tenant, DigitalChannelsConnection Admin)> NewTenantAsync(string? digitalChannel = null)
    {
        using var @operator = await OperatorAsync();
        var host = new Host();
        var email = $"admin-{Guid.NewGuid():N}"[..20] + "@pod.example";
        CommandRunner.Run(host, ProvisioningCommands.TenantNoun,
            h => ProvisioningCommands.NewSandboxTenantAsync(h, @operator, "Pod " + email, email, "Pod Admin", digitalChannel));
        var tenant = Single<SandboxTenant>(host);
        return (tenant, await ConnectAsync(tenant.ClientId, tenant.ClientSecret));
    }

    /// <summary>A Webex person of the tenant with the Premium Agent licence (and the Full administrator role when asked).</summary>
    private async Task<string> AddLicensedPersonAsync(SandboxTenant tenant, string email, string name, bool administrator)
    {
        using var api = new SandboxApi(_sandbox);
        var token = await api.TokenAsync(tenant.ClientId, tenant.ClientSecret);
        using var licences = await api.SendAsync(HttpMethod.Get, "/v1/licenses", token);
        var premium = (await SandboxApi.ExpectJsonAsync(licences, HttpStatusCode.OK)).GetProperty("items").EnumerateArray()
            .First(l => l.GetProperty("name").GetString() == "Contact Center Premium Agent").GetProperty("id").GetString()!;
        object body = administrator
            ? new { emails = new[] { email }, displayName = name, licenses = new[] { premium }, roles = new[] { "Y2lzY29zcGFyazovL3VzL1JPTEUvaWRfZnVsbF9hZG1pbg" } }
            : new { emails = new[] { email }, displayName = name, licenses = new[] { premium } };
        using var created = await api.SendAsync(HttpMethod.Post, "/v1/people", token, body);
        await SandboxApi.ExpectJsonAsync(created, HttpStatusCode.OK);
        return premium;
    }

    private async Task SetLicenceAsync(SandboxTenant tenant, string email, string licence, string operation)
    {
        using var api = new SandboxApi(_sandbox);
        var token = await api.TokenAsync(tenant.ClientId, tenant.ClientSecret);
        using var response = await api.SendAsync(new HttpMethod("PATCH"), "/v1/licenses/users", token,
            new { email, licenses = new[] { new { id = licence, operation } } });
        await SandboxApi.ExpectJsonAsync(response, HttpStatusCode.OK);
    }

    private static void Sync(DigitalChannelsConnection admin)
    {
        var cc = new Host();
        CommandRunner.Run(cc, DigitalChannels.Client.ControlHub.UserSynchronizationCommands.Noun,
            h => DigitalChannels.Client.ControlHub.UserSynchronizationCommands.SyncAsync(h, admin));
        Assert.Empty(cc.Errors);
        var engage = new Host();
        CommandRunner.Run(engage, EngageUserCommands.Noun, h => EngageUserCommands.SyncAsync(h, admin));
        Single<EngageUserSynchronizationResult>(engage);
    }

    private static List<EngageUser> EngageUsers(DigitalChannelsConnection admin, string? roleType = null, string? status = null, string? search = null)
    {
        var host = new Host();
        CommandRunner.Run(host, EngageUserCommands.Noun, h => EngageUserCommands.GetAsync(h, admin, roleType, status, search));
        Assert.Empty(host.Errors);
        return host.Objects.Cast<EngageUser>().ToList();
    }

    /// <summary>Provisions with the tenant's own administrator as Owner and activates it; returns the activation mail.</summary>
    private static SandboxMail ProvisionAndActivate(DigitalChannelsConnection admin, SandboxTenant tenant)
    {
        var start = new Host();
        CommandRunner.Run(start, ProvisioningCommands.Noun, h => ProvisioningCommands.StartAsync(h, admin, tenant.Administrator.Email, wait: true,
            TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(200)));
        Assert.Equal(DigitalChannelsProvisioning.AwaitingActivation, Single<DigitalChannelsProvisioning>(start).State);
        var mails = new Host();
        CommandRunner.Run(mails, SandboxMailCommands.Noun, h => SandboxMailCommands.GetAsync(h, admin, tenant.Administrator.Email, "DigitalChannelsActivation", newestOnly: true));
        var mail = Single<SandboxMail>(mails);
        var join = new Host();
        CommandRunner.Run(join, ConnectTeammateCommands.InvitationNoun,
            h => ConnectTeammateCommands.CompleteInvitationAsync(h, admin, mail.Link, "Pod Owner", Secure(Password)));
        Assert.Equal("Active", Single<ConnectTeammate>(join).Status);
        return mail;
    }

    [Fact]
    public async Task Lab_12_1_provisions_a_new_tenant_the_owner_activates_and_engage_lists_the_others_with_their_role_types()
    {
        var (tenant, admin) = await NewTenantAsync();
        using var _ = admin;
        Assert.Equal("IMI Digital", tenant.DigitalChannel);
        Assert.Equal(DigitalChannelsProvisioning.NotProvisioned, tenant.DigitalChannelsProvisioning);
        await AddLicensedPersonAsync(tenant, "cl1agent@pod.example", "Lab Agent", administrator: false);
        await AddLicensedPersonAsync(tenant, "second.admin@pod.example", "Second Admin", administrator: true);

        // Get-DigitalChannelsProvisioning: not provisioned, the Digital Channel check passes.
        var before = new Host();
        CommandRunner.Run(before, ProvisioningCommands.Noun, h => ProvisioningCommands.GetAsync(h, admin));
        var state = Single<DigitalChannelsProvisioning>(before);
        Assert.Equal((DigitalChannelsProvisioning.NotProvisioned, "IMI Digital"), (state.State, state.DigitalChannel));

        // Start-DigitalChannelsProvisioning -Owner <its administrator>: Provisioning.
        var start = new Host();
        CommandRunner.Run(start, ProvisioningCommands.Noun, h => ProvisioningCommands.StartAsync(h, admin, tenant.Administrator.Email, wait: false,
            TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(200)));
        var started = Single<DigitalChannelsProvisioning>(start);
        Assert.Equal(DigitalChannelsProvisioning.Provisioning, started.State);
        Assert.Equal(tenant.Administrator.Email, started.OwnerEmail);
        Assert.Equal(TimeSpan.FromSeconds(1), started.FinishTime - started.StartedTime);

        // Wait-DigitalChannelsProvisioning: progress, then AwaitingActivation with a 24 h link.
        var wait = new Host();
        CommandRunner.Run(wait, ProvisioningCommands.Noun, h => ProvisioningCommands.WaitAsync(h, admin, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(200)));
        var waited = Single<DigitalChannelsProvisioning>(wait);
        Assert.Equal(DigitalChannelsProvisioning.AwaitingActivation, waited.State);
        Assert.Equal(TimeSpan.FromHours(24), waited.ActivationExpiresTime - waited.ActivationSentTime);
        Assert.True(wait.Progress.Last().Completed);

        // The activation mail: JOIN THE TEAM, link valid 24 hours.
        var mails = new Host();
        CommandRunner.Run(mails, SandboxMailCommands.Noun, h => SandboxMailCommands.GetAsync(h, admin, null, "DigitalChannelsActivation", newestOnly: false));
        var mail = Single<SandboxMail>(mails);
        Assert.Equal(tenant.Administrator.Email, mail.To);
        Assert.Contains("JOIN THE TEAM", mail.Subject);
        Assert.Contains("JOIN THE TEAM", mail.Body);
        Assert.Equal(waited.ActivationExpiresTime, mail.ExpiresTime);

        // Accepting sets the local password: Provisioned, and the Owner is the Connect tenant's one Owner.
        var join = new Host();
        CommandRunner.Run(join, ConnectTeammateCommands.InvitationNoun,
            h => ConnectTeammateCommands.CompleteInvitationAsync(h, admin, mail.Link, "Pod Owner", Secure(Password)));
        var owner = Single<ConnectTeammate>(join);
        Assert.Equal((ConnectTeammateRole.Owner, "Active"), (owner.Role, owner.Status));
        var after = new Host();
        CommandRunner.Run(after, ProvisioningCommands.Noun, h => ProvisioningCommands.GetAsync(h, admin));
        Assert.Equal(DigitalChannelsProvisioning.Provisioned, Single<DigitalChannelsProvisioning>(after).State);

        // Connect now works for it: the teammates are exactly the one Owner.
        var teammates = new Host();
        CommandRunner.Run(teammates, ConnectTeammateCommands.Noun, h => ConnectTeammateCommands.GetAsync(h, admin, null, null));
        Assert.Empty(teammates.Errors);
        var onlyOwner = Assert.IsType<ConnectTeammate>(Assert.Single(teammates.Objects));
        Assert.Equal((tenant.Administrator.Email, ConnectTeammateRole.Owner), (onlyOwner.Email, onlyOwner.Role));

        // Engage users (synchronized at activation): the agent and the other admin with their role types, not the signed-in admin.
        Sync(admin);
        var users = EngageUsers(admin);
        Assert.DoesNotContain(users, u => string.Equals(u.Email, tenant.Administrator.Email, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(EngageUser.CustomerCare, Assert.Single(users, u => u.Email == "cl1agent@pod.example").RoleType);
        Assert.Equal(EngageUser.Administrative, Assert.Single(users, u => u.Email == "second.admin@pod.example").RoleType);
        Assert.All(users, u => Assert.Equal("Active", u.Status));
        Assert.Equal(["cl1agent@pod.example"], EngageUsers(admin, roleType: EngageUser.CustomerCare).Select(u => u.Email));
        Assert.Equal(["second.admin@pod.example"], EngageUsers(admin, search: "SECOND").Select(u => u.Email));
    }

    [Fact]
    public async Task Lab_12_3_section_4_a_user_whose_licence_is_removed_and_assigned_again_is_back_after_both_synchronizations()
    {
        var (tenant, admin) = await NewTenantAsync();
        using var _ = admin;
        var licence = await AddLicensedPersonAsync(tenant, "missing.agent@pod.example", "Missing Agent", administrator: false);
        ProvisionAndActivate(admin, tenant);
        Sync(admin);
        Assert.Equal("Active", Assert.Single(EngageUsers(admin, search: "missing.agent")).Status);

        // Signed in to Engage (sandbox route), so LoggedIn shows.
        var agent = Assert.Single(EngageUsers(admin, search: "missing.agent"));
        await admin.Engage.Users.SetLoggedInAsync(agent.Id, true, CancellationToken.None);
        Assert.True(Assert.Single(EngageUsers(admin, search: "missing.agent")).LoggedIn);

        // Remove the licence → Sync-WxccUser → Sync-EngageUser: inactive and signed out.
        await SetLicenceAsync(tenant, "missing.agent@pod.example", licence, "remove");
        Sync(admin);
        var removed = Assert.Single(EngageUsers(admin, status: "Inactive"));
        Assert.Equal(("missing.agent@pod.example", false), (removed.Email, removed.LoggedIn));
        Assert.Empty(EngageUsers(admin, roleType: EngageUser.CustomerCare, status: "Active"));

        // Re-assign → Sync-WxccUser → Sync-EngageUser: back.
        await SetLicenceAsync(tenant, "missing.agent@pod.example", licence, "add");
        Sync(admin);
        Assert.Equal("Active", Assert.Single(EngageUsers(admin, search: "missing.agent")).Status);
    }

    [Fact]
    public async Task Channel_assets_mirror_connect_apps_and_configure_the_chat_widget_with_engage_working_hours()
    {
        var (tenant, admin) = await NewTenantAsync();
        using var _ = admin;
        ProvisionAndActivate(admin, tenant);
        using var api = new SandboxApi(_sandbox);
        var token = await api.TokenAsync(tenant.ClientId, tenant.ClientSecret);
        using (var app = await api.SendAsync(HttpMethod.Post, $"/connect/v1/organization/{tenant.OrganizationId}/assets/apps", token, new { name = "Lab Chat", channel = "LiveChat" }))
            await SandboxApi.ExpectJsonAsync(app, HttpStatusCode.Created);
        using (var hours = await api.SendAsync(HttpMethod.Post, $"/engage/v1/organization/{tenant.OrganizationId}/working-hours", token,
                   new { name = "Office hours", timeZone = "Europe/Rome", weeklyHours = new[] { new { day = "Monday", start = "09:00", end = "17:00" } } }))
            await SandboxApi.ExpectJsonAsync(hours, HttpStatusCode.Created);

        var list = new Host();
        CommandRunner.Run(list, EngageChannelAssetCommands.Noun, h => EngageChannelAssetCommands.GetAsync(h, admin, null, null));
        var assets = list.Objects.Cast<EngageChannelAsset>().ToList();
        Assert.Equal(3, assets.Count(a => a.Type == "Number" && a.Channel == "sms"));
        var chat = Assert.Single(assets, a => a.Name == "Lab Chat");
        Assert.Equal(("chat", "Lab Chat", "#0A78CC"), (chat.Channel, chat.ChatWidget.Title, chat.ChatWidget.Color));

        var set = new Host();
        CommandRunner.Run(set, EngageChannelAssetCommands.Noun,
            h => EngageChannelAssetCommands.SetAsync(h, admin, "Lab Chat", "Chat with us", "#ff8800", "Office hours", passThru: true));
        var widget = Single<EngageChannelAsset>(set).ChatWidget;
        Assert.Equal(("Chat with us", "#FF8800", "Office hours", 1L), (widget.Title, widget.Color, widget.WorkingHoursName, widget.Version));

        // The sandbox checks references and the asset kind itself.
        var chatId = chat.Id;
        using (var unknown = await api.SendAsync(new HttpMethod("PATCH"), $"/engage/v1/organization/{tenant.OrganizationId}/channel-assets/{chatId}/chat-widget", token, new { workingHoursId = "nope" }))
            await SandboxApi.ExpectProblemAsync(unknown, HttpStatusCode.BadRequest, "request.invalid_field", "'workingHoursId'", "'nope'");
        var number = assets.First(a => a.Type == "Number");
        using (var sms = await api.SendAsync(new HttpMethod("PATCH"), $"/engage/v1/organization/{tenant.OrganizationId}/channel-assets/{number.Id}/chat-widget", token, new { title = "x" }))
            await SandboxApi.ExpectProblemAsync(sms, HttpStatusCode.Conflict, "channel_asset.not_live_chat", number.Name, "only Live Chat apps have a chat widget");
    }

    [Fact]
    public async Task Provisioning_is_refused_when_the_digital_channel_is_not_imi_digital()
    {
        var (tenant, admin) = await NewTenantAsync(digitalChannel: "Legacy Digital");
        using var _ = admin;
        var start = new Host();
        CommandRunner.Run(start, ProvisioningCommands.Noun, h => ProvisioningCommands.StartAsync(h, admin, tenant.Administrator.Email, false, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)));
        var error = Failure(start);
        Assert.Equal("DigitalChannelsProvisioningInvalidValue", error.ErrorId);
        Assert.Contains("'Digital Channel'", error.Message);
        Assert.Contains("is 'Legacy Digital', not 'IMI Digital'", error.Message);
        Assert.Contains("Only Cisco support can change it", error.Message);
        Assert.Equal(DigitalChannelsProvisioning.NotProvisioned, (await admin.Provisioning.GetAsync(CancellationToken.None)).State);
    }

    [Fact]
    public async Task The_owner_must_be_an_administrator_and_a_tenant_is_provisioned_once()
    {
        var (tenant, admin) = await NewTenantAsync();
        using var _ = admin;
        await AddLicensedPersonAsync(tenant, "agent.only@pod.example", "Agent Only", administrator: false);

        var agent = new Host();
        CommandRunner.Run(agent, ProvisioningCommands.Noun, h => ProvisioningCommands.StartAsync(h, admin, "agent.only@pod.example", false, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)));
        Assert.Contains("'agent.only@pod.example' (field 'ownerEmail') is a Webex person without the Full administrator role", Failure(agent).Message);
        var stranger = new Host();
        CommandRunner.Run(stranger, ProvisioningCommands.Noun, h => ProvisioningCommands.StartAsync(h, admin, "nobody@pod.example", false, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)));
        Assert.Contains("'nobody@pod.example' (field 'ownerEmail') is neither a Webex person nor a Contact Center user", Failure(stranger).Message);

        var first = await admin.Provisioning.StartAsync(tenant.Administrator.Email, CancellationToken.None);
        var again = await admin.Provisioning.StartAsync(tenant.Administrator.Email, CancellationToken.None);
        Assert.Equal(first.StartedTime, again.StartedTime); // a no-op, not a second Connect tenant

        ProvisionAndActivate(admin, tenant);
        var twice = new Host();
        CommandRunner.Run(twice, ProvisioningCommands.Noun, h => ProvisioningCommands.StartAsync(h, admin, tenant.Administrator.Email, false, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)));
        Assert.Contains("was already started with the Owner", Failure(twice).Message);
        Assert.Contains("(state Provisioned)", twice.Errors[0].Message);
        Assert.Single(await admin.SandboxMail.ListAsync(null, "DigitalChannelsActivation", CancellationToken.None));
    }

    [Fact]
    public async Task Connect_and_engage_refuse_a_tenant_that_is_not_provisioned_naming_the_state_and_what_to_run()
    {
        var (tenant, admin) = await NewTenantAsync();
        using var _ = admin;
        using var api = new SandboxApi(_sandbox);
        var token = await api.TokenAsync(tenant.ClientId, tenant.ClientSecret);
        foreach (var path in new[] { $"/connect/v1/organization/{tenant.OrganizationId}/services", $"/engage/v1/organization/{tenant.OrganizationId}/users" })
        {
            using var refused = await api.SendAsync(HttpMethod.Get, path, token);
            await SandboxApi.ExpectProblemAsync(refused, HttpStatusCode.Conflict, "digital_channels.not_provisioned",
                $"Digital Channels are not provisioned for organization '{tenant.OrganizationId}' (state NotProvisioned)", "run Start-DigitalChannelsProvisioning");
        }
        // Control Hub shows the setting and the state meanwhile.
        using (var settings = await api.SendAsync(HttpMethod.Get, $"/controlhub/v1/organization/{tenant.OrganizationId}/contact-center/settings", token))
        {
            var body = await SandboxApi.ExpectJsonAsync(settings, HttpStatusCode.OK);
            Assert.Equal(("IMI Digital", "NotProvisioned"), (body.GetProperty("digitalChannel").GetString(), body.GetProperty("digitalChannelsProvisioning").GetString()));
        }
        // The admin's app cannot create Connect principals either, and the tenant has no teammates yet.
        using (var app = await api.SendAsync(HttpMethod.Post, $"/sandbox/v1/organization/{tenant.OrganizationId}/applications", token, new { name = "x", role = "ReadOnly", scopes = new[] { "connect:config_read" } }))
            await SandboxApi.ExpectProblemAsync(app, HttpStatusCode.Conflict, "digital_channels.not_provisioned");
        // Nor can the Digital Channel Onboarding API create an app there.
        using (var onboarded = await api.SendAsync(HttpMethod.Post, "/connectapi/v2/digital/app?channel=email", token, new { name = "x" },
                   new Dictionary<string, string> { ["x-organization-id"] = tenant.OrganizationId }))
            await SandboxApi.ExpectProblemAsync(onboarded, HttpStatusCode.Conflict, "digital_channels.not_provisioned");

        await admin.Provisioning.StartAsync(tenant.Administrator.Email, CancellationToken.None);
        // A new tenant can be created only by the sandbox operator.
        using (var tenantByTenant = await api.SendAsync(HttpMethod.Post, "/sandbox/v1/organizations", token, new { name = "x", administrator = new { email = "a@b.example", displayName = "A" } }))
            await SandboxApi.ExpectProblemAsync(tenantByTenant, HttpStatusCode.Forbidden, "role.forbidden");
    }

    [Fact]
    public async Task A_new_tenant_is_complete_contact_center_built_ins_licences_integrations_and_numbers()
    {
        var (tenant, admin) = await NewTenantAsync();
        using var _ = admin;
        Assert.Equal(DigitalChannels.Client.Auth.Scopes.All.OrderBy(s => s), tenant.Scopes.OrderBy(s => s));
        using var api = new SandboxApi(_sandbox);
        var token = await api.TokenAsync(tenant.ClientId, tenant.ClientSecret);
        using (var profiles = await api.SendAsync(HttpMethod.Get, $"/organization/{tenant.OrganizationId}/v3/user-profile", token))
            Assert.Equal(3, (await SandboxApi.ExpectJsonAsync(profiles, HttpStatusCode.OK)).GetProperty("data").GetArrayLength());
        // The administrator is a Contact Center user with the Administrator profile (Synchronize Users ran at creation).
        using (var users = await api.SendAsync(HttpMethod.Get, $"/organization/{tenant.OrganizationId}/v2/user", token))
        {
            var user = Assert.Single((await SandboxApi.ExpectJsonAsync(users, HttpStatusCode.OK)).GetProperty("data").EnumerateArray());
            Assert.Equal((tenant.Administrator.Email, "ADMINISTRATOR"), (user.GetProperty("email").GetString(), user.GetProperty("userProfileType").GetString()));
        }
        ProvisionAndActivate(admin, tenant);
        token = await api.TokenAsync(tenant.ClientId, tenant.ClientSecret);
        using var integrations = await api.SendAsync(HttpMethod.Get, $"/connect/v1/organization/{tenant.OrganizationId}/integrations", token);
        var names = (await SandboxApi.ExpectJsonAsync(integrations, HttpStatusCode.OK)).GetProperty("data").EnumerateArray().Select(i => i.GetProperty("name").GetString()).Order();
        Assert.Equal(["Webex CC Engage", "Webex CC Task"], names);
    }
}
