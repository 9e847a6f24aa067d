using System.Net;
using DigitalChannels.Client;
using DigitalChannels.Client.Auth;
using DigitalChannels.Client.Commands;
using DigitalChannels.Client.Connect.Settings;
using DigitalChannels.Client.Connect.Templates;
using DigitalChannels.Client.Environments;
using DigitalChannels.IntegrationTests.Infrastructure;

namespace DigitalChannels.IntegrationTests.Connect;

/// <summary>
/// Lab 12.2 "4. Tools" (Templates) and "8. Settings" (Tenant Settings, Profile Settings) through the command logic the
/// cmdlets call → client → HTTP → the sandbox and its database: unique names, the channel rules, variables, the
/// Owner-only tenant settings with the time zones and date formats the portal offers, and a teammate's own profile.
/// </summary>
[Collection(SharedSandboxCollection.Name)]
public sealed class ConnectPortalOverHttpTests : IDisposable
{
    private readonly SandboxProcess sandbox;
    private readonly SandboxApi api;

    public ConnectPortalOverHttpTests(SandboxProcess sandbox)
    {
        this.sandbox = sandbox;
        api = new SandboxApi(sandbox);
    }

    public void Dispose() => api.Dispose();

    private Task<DigitalChannelsConnection> ConnectAsync(string? clientId = null, string? secret = null) =>
        DigitalChannelsConnection.ConnectAsync(new ConnectionOptions
        {
            Environment = WebexEnvironment.ForSandbox(sandbox.BaseUrl),
            ClientId = clientId ?? sandbox.ClientId,
            ClientSecret = secret ?? sandbox.ClientSecret,
            Scopes = [Scopes.ConnectConfigRead, Scopes.ConnectConfigWrite],
        }, CancellationToken.None);

    private sealed class Host : ICommandHost
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

    [Fact]
    public async Task Templates_are_created_found_changed_and_removed_with_unique_names_and_derived_variables()
    {
        using var connection = await ConnectAsync();
        const string noun = ConnectTemplateCommands.Noun;
        var name = SandboxApi.UniqueName("Order shipped");

        var created = Single<ConnectTemplate>(Run(noun, h => ConnectTemplateCommands.NewAsync(h, connection, name, "SMS", null, null, "Hi $(customerName), order $(orderId) ships today.")));
        Assert.Equal(("sms", "Text"), (created.Channel, created.ContentType));
        Assert.Equal(new[] { "customerName", "orderId" }, created.Variables);
        var email = Single<ConnectTemplate>(Run(noun, h => ConnectTemplateCommands.NewAsync(h, connection, name + " mail", "email", "html", "Welcome $(customerName)", "<p>Thanks, $(agentName)</p>")));
        Assert.Equal("Html", email.ContentType);
        Assert.Equal(new[] { "customerName", "agentName" }, email.Variables);

        // Unique regardless of case, as the portal requires.
        var duplicate = Assert.Single(Run(noun, h => ConnectTemplateCommands.NewAsync(h, connection, name.ToUpperInvariant(), "rcs", null, null, "Hi")).Errors);
        Assert.Equal("ConnectTemplateAlreadyExists", duplicate.ErrorId);
        Assert.Contains($"A Connect template named '{name}' already exists", duplicate.Message);

        // By exact name, by pattern, by id, by channel; a plain name that matches nothing is an error.
        Assert.Equal(created.Id, Single<ConnectTemplate>(Run(noun, h => ConnectTemplateCommands.GetAsync(h, connection, null, name, null))).Id);
        var matched = Run(noun, h => ConnectTemplateCommands.GetAsync(h, connection, null, name + "*", null)).Objects.Cast<ConnectTemplate>().Select(t => t.Name).ToList();
        Assert.Equal(new[] { name, name + " mail" }, matched);
        Assert.Equal(new[] { name + " mail" }, Run(noun, h => ConnectTemplateCommands.GetAsync(h, connection, null, name + "*", "email")).Objects.Cast<ConnectTemplate>().Select(t => t.Name));
        Assert.Equal(name, Single<ConnectTemplate>(Run(noun, h => ConnectTemplateCommands.GetAsync(h, connection, created.Id, null, null))).Name);
        Assert.Equal("ConnectTemplateNotFound", Assert.Single(Run(noun, h => ConnectTemplateCommands.GetAsync(h, connection, null, name + " nope", null)).Errors).ErrorId);

        // A change keeps the channel's rules: Unicode lets the body leave the GSM alphabet; the variables follow the body.
        var unicode = new ConnectTemplateChanges { ContentType = "unicode", Body = "Bonjour $(customerName) ✓" };
        Assert.Empty(Run(noun, h => ConnectTemplateCommands.SetAsync(h, connection, new ConnectTemplateIdentity(name), unicode, false)).Errors);
        var changed = Single<ConnectTemplate>(Run(noun, h => ConnectTemplateCommands.GetAsync(h, connection, created.Id, null, null)));
        Assert.Equal(("Unicode", "Bonjour $(customerName) ✓", 1), (changed.ContentType, changed.Body, changed.Version));
        Assert.Equal(new[] { "customerName" }, changed.Variables);
        var back = Assert.Single(Run(noun, h => ConnectTemplateCommands.SetAsync(h, connection, new ConnectTemplateIdentity(created.Id), new ConnectTemplateChanges { ContentType = "Text" }, false)).Errors);
        Assert.Equal("ConnectTemplateInvalidArgument", back.ErrorId);
        Assert.Contains("'✓'", back.Message);

        Assert.Empty(Run(noun, h => ConnectTemplateCommands.RemoveAsync(h, connection, new ConnectTemplateIdentity(name + "*mail"))).Errors);
        Assert.Empty(Run(noun, h => ConnectTemplateCommands.RemoveAsync(h, connection, new ConnectTemplateIdentity(changed))).Errors);
        Assert.Empty(Run(noun, h => ConnectTemplateCommands.GetAsync(h, connection, null, name + "*", null)).Objects);
    }

    [Fact]
    public async Task The_sandbox_itself_refuses_content_the_channel_does_not_allow_naming_the_value()
    {
        var token = await api.OwnerTokenAsync();
        var path = $"/connect/v1/organization/{sandbox.OrgId}/templates";
        using (var email = await api.SendAsync(HttpMethod.Post, path, token, new { name = SandboxApi.UniqueName("T"), channel = "email", body = "Hi" }))
            await SandboxApi.ExpectProblemAsync(email, HttpStatusCode.BadRequest, "connect_template.invalid_content", "An email template needs a subject");
        using (var type = await api.SendAsync(HttpMethod.Post, path, token, new { name = SandboxApi.UniqueName("T"), channel = "livechat", contentType = "Form", body = "Hi" }))
            await SandboxApi.ExpectProblemAsync(type, HttpStatusCode.BadRequest, "connect_template.invalid_content", "The content type 'Form' is not offered for livechat templates; use one of: RichText");
        using (var channel = await api.SendAsync(HttpMethod.Post, path, token, new { name = SandboxApi.UniqueName("T"), channel = "pager", body = "Hi" }))
            await SandboxApi.ExpectProblemAsync(channel, HttpStatusCode.BadRequest, "connect_template.invalid_content", "'pager' is not a channel of Tools > Templates");

        using var created = await api.SendAsync(HttpMethod.Post, path, token, new { name = SandboxApi.UniqueName("T"), channel = "sms", body = "Hi" });
        var id = (await SandboxApi.ExpectJsonAsync(created, HttpStatusCode.Created)).GetProperty("id").GetString();
        using (var move = await api.SendAsync(HttpMethod.Patch, $"{path}/{id}", token, new { channel = "email" }))
            await SandboxApi.ExpectProblemAsync(move, HttpStatusCode.BadRequest, "request.invalid_field", "The field 'channel' cannot change");
        using var readOnly = await api.SendAsync(HttpMethod.Delete, $"{path}/{id}", await api.TokenForNewApplicationAsync("ReadOnly", Scopes.ConnectConfigRead, Scopes.ConnectConfigWrite));
        await SandboxApi.ExpectProblemAsync(readOnly, HttpStatusCode.Forbidden, "role.forbidden", "The role 'ReadOnly' may not change the configuration");
        using var deleted = await api.SendAsync(HttpMethod.Delete, $"{path}/{id}", token);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
    }

    [Fact]
    public async Task Only_the_Owner_changes_the_tenant_settings_to_a_time_zone_and_date_format_the_portal_offers()
    {
        using var owner = await ConnectAsync();
        const string noun = ConnectSettingCommands.TenantSettingNoun;
        var before = Single<ConnectTenantSetting>(Run(noun, h => ConnectSettingCommands.GetTenantSettingAsync(h, owner)));
        try
        {
            // A Windows id is stored as its IANA id; the offset is the zone's now (Tokyo has no daylight saving).
            var tokyo = Single<ConnectTenantSetting>(Run(noun, h => ConnectSettingCommands.SetTenantSettingAsync(h, owner, "Tokyo Standard Time", "DD/MM/YYYY HH:mm:ss", true)));
            Assert.Equal(("Asia/Tokyo", "+09:00", "DD/MM/YYYY HH:mm:ss"), (tokyo.TimeZone, tokyo.UtcOffset, tokyo.DateFormat));
            var kolkata = Single<ConnectTenantSetting>(Run(noun, h => ConnectSettingCommands.SetTenantSettingAsync(h, owner, "asia/kolkata", null, true)));
            Assert.Equal(("Asia/Kolkata", "+05:30", "DD/MM/YYYY HH:mm:ss"), (kolkata.TimeZone, kolkata.UtcOffset, kolkata.DateFormat));

            var unknown = Assert.Single(Run(noun, h => ConnectSettingCommands.SetTenantSettingAsync(h, owner, "Mars/Olympus_Mons", null, false)).Errors);
            Assert.Equal(("ConnectTenantSettingUnknownTimeZone", CommandErrorCategory.InvalidArgument, (object)"Mars/Olympus_Mons"), (unknown.ErrorId, unknown.Category, unknown.TargetObject));
            Assert.Contains("The time zone 'Mars/Olympus_Mons' is not one the portal offers", unknown.Message);
            using (var format = await api.SendAsync(HttpMethod.Patch, $"/connect/v1/organization/{sandbox.OrgId}/tenant-settings", await api.OwnerTokenAsync(), new { dateFormat = "dd.MM.yyyy" }))
                await SandboxApi.ExpectProblemAsync(format, HttpStatusCode.BadRequest, "tenant_settings.unknown_date_format", "The date format 'dd.MM.yyyy' is not one the portal offers; use one of: 'YYYY-MM-DD HH:mm:ss'");

            // Full Access reads them but may not change them: "only account owners can make changes to tenant settings".
            var full = await api.CreateApplicationAsync("FullAccess", Scopes.ConnectConfigRead, Scopes.ConnectConfigWrite);
            using var admin = await ConnectAsync(full.ClientId, full.ClientSecret);
            Assert.Equal("Asia/Kolkata", Single<ConnectTenantSetting>(Run(noun, h => ConnectSettingCommands.GetTenantSettingAsync(h, admin))).TimeZone);
            var refused = Assert.Single(Run(noun, h => ConnectSettingCommands.SetTenantSettingAsync(h, admin, "UTC", null, false)).Errors);
            Assert.Equal("ConnectTenantSettingForbidden", refused.ErrorId);
            Assert.Contains("The role 'FullAccess' may not change the tenant settings (only the tenant Owner can)", refused.Message);
            Assert.Equal("Asia/Kolkata", Single<ConnectTenantSetting>(Run(noun, h => ConnectSettingCommands.GetTenantSettingAsync(h, owner))).TimeZone);
        }
        finally
        {
            Run(noun, h => ConnectSettingCommands.SetTenantSettingAsync(h, owner, before.TimeZone, before.DateFormat, false));
        }
    }

    [Fact]
    public async Task Every_teammate_reads_and_changes_its_own_profile_but_not_its_role()
    {
        const string noun = ConnectSettingCommands.ProfileNoun;
        var readOnly = await api.CreateApplicationAsync("ReadOnly", Scopes.ConnectConfigRead, Scopes.ConnectConfigWrite);
        using var reader = await ConnectAsync(readOnly.ClientId, readOnly.ClientSecret);

        var mine = Single<ConnectProfile>(Run(noun, h => ConnectSettingCommands.GetProfileAsync(h, reader)));
        Assert.Equal((readOnly.UserId, "ReadOnly", "Tenant"), (mine.Id, mine.Role, mine.ContainerLevel));
        Assert.All(ConnectProfileNotifications.All, n => Assert.True(mine.Notifications[n], $"{n} is on for a new teammate"));

        var changes = new ConnectProfileChanges { Name = "Read Only Reviewer", Disable = ["ruleexpiry", "ServiceKeyUpdates"] };
        var changed = Single<ConnectProfile>(Run(noun, h => ConnectSettingCommands.SetProfileAsync(h, reader, changes, true)));
        Assert.Equal(("Read Only Reviewer", "ProfileKeyRegenerated, ServiceStatusUpdate"), (changed.Name, changed.NotificationsOn));
        var again = Single<ConnectProfile>(Run(noun, h => ConnectSettingCommands.SetProfileAsync(h, reader, new ConnectProfileChanges { Enable = ["RuleExpiry"] }, true)));
        Assert.Equal(("Read Only Reviewer", "ProfileKeyRegenerated, RuleExpiry, ServiceStatusUpdate"), (again.Name, again.NotificationsOn));

        // The Owner's profile is its own: the reviewer's change did not touch it.
        using var owner = await ConnectAsync();
        var ownerProfile = Single<ConnectProfile>(Run(noun, h => ConnectSettingCommands.GetProfileAsync(h, owner)));
        Assert.Equal("Owner", ownerProfile.Role);
        Assert.True(ownerProfile.Notifications[ConnectProfileNotifications.RuleExpiry]);

        using var role = await api.SendAsync(new HttpMethod("PATCH"), $"/connect/v1/organization/{sandbox.OrgId}/profile", await api.TokenAsync(readOnly.ClientId, readOnly.ClientSecret), new { role = "Owner" });
        await SandboxApi.ExpectProblemAsync(role, HttpStatusCode.BadRequest, "request.invalid_field", "The field 'role' is not changed in Profile Settings");
    }
}
