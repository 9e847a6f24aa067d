using System.Net;
using System.Security;
using DigitalChannels.Client;
using DigitalChannels.Client.Commands;
using DigitalChannels.Client.Connect.Teammates;
using DigitalChannels.Client.Environments;
using DigitalChannels.Client.Sandbox;
using DigitalChannels.IntegrationTests.Infrastructure;

namespace DigitalChannels.IntegrationTests.Client;

/// <summary>
/// Lab 12.4 through the command logic the cmdlets call → client → HTTP → sandbox: New-ConnectTeammate,
/// Get-DigitalChannelsSandboxMail, Complete-ConnectTeammateInvitation and Grant-DecryptLogs.
/// </summary>
[Collection(SharedSandboxCollection.Name)]
public class TeammateCommandsOverHttpTests
{
    private readonly SandboxProcess _sandbox;

    public TeammateCommandsOverHttpTests(SandboxProcess sandbox) => _sandbox = sandbox;

    private Task<DigitalChannelsConnection> ConnectAsync(string? clientId = null, string? secret = null) =>
        DigitalChannelsConnection.ConnectAsync(new ConnectionOptions
        {
            Environment = WebexEnvironment.ForSandbox(_sandbox.BaseUrl),
            ClientId = clientId ?? _sandbox.ClientId,
            ClientSecret = secret ?? _sandbox.ClientSecret,
            // The outbox is part of the sandbox management API (scope sandbox:admin), which the default scopes leave out.
            Scopes = clientId is null ? DigitalChannels.Client.Auth.Scopes.All : TeammateApi.ConnectScopes,
        }, CancellationToken.None);

    private sealed class Host : ICommandHost
    {
        public CancellationToken CancellationToken => CancellationToken.None;
        public List<object> Objects { get; } = new();
        public List<CommandError> Errors { get; } = new();
        public List<string> Verbose { get; } = new();
        public bool ShouldProcess(string target, string action) => true;
        public void WriteObject(object item) => Objects.Add(item);
        public void WriteVerbose(string message) => Verbose.Add(message);
        public void WriteWarning(string message) { }
        public void WriteProgress(ProgressUpdate progress) { }
        public void WriteError(CommandError error) => Errors.Add(error);
    }

    private static SecureString Secure(string text)
    {
        var secure = new SecureString();
        foreach (var c in text) secure.AppendChar(c);
        secure.MakeReadOnly();
        return secure;
    }

    [Fact]
    public async Task Full_access_teammate_is_invited_joins_and_is_granted_decrypt_logs_by_the_owner_but_not_by_itself()
    {
        using var owner = await ConnectAsync();
        var email = TeammateApi.UniqueEmail("lab-12-4");

        // New-ConnectTeammate -Email … -Role FullAccess
        var invite = new Host();
        CommandRunner.Run(invite, ConnectTeammateCommands.Noun, h => ConnectTeammateCommands.NewAsync(h, owner, email, ConnectTeammateRole.FullAccess, null, null));
        Assert.Empty(invite.Errors);
        var invited = Assert.IsType<ConnectTeammate>(Assert.Single(invite.Objects));
        Assert.Equal("Invited", invited.Status);
        Assert.Equal(ConnectTeammateRole.FullAccess, invited.Role);

        // Get-DigitalChannelsSandboxMail -To … -Kind TeammateInvitation -Newest
        var mails = new Host();
        CommandRunner.Run(mails, SandboxMailCommands.Noun, h => SandboxMailCommands.GetAsync(h, owner, email, "TeammateInvitation", newestOnly: true));
        var mail = Assert.IsType<SandboxMail>(Assert.Single(mails.Objects));
        Assert.Equal(invited.InvitationExpiresTime, mail.ExpiresTime);

        // Complete-ConnectTeammateInvitation -Link $mail.Link -Name … -Password (SecureString)
        var join = new Host();
        CommandRunner.Run(join, ConnectTeammateCommands.InvitationNoun,
            h => ConnectTeammateCommands.CompleteInvitationAsync(h, owner, mail.Link, "Grace Hopper", Secure(TeammateApi.Password)));
        Assert.Empty(join.Errors);
        Assert.Equal("Active", Assert.IsType<ConnectTeammate>(Assert.Single(join.Objects)).Status);
        Assert.DoesNotContain(join.Verbose, line => line.Contains(TeammateApi.Password));

        // The teammate signs in (an app acting as it) and tries Grant-DecryptLogs on itself: refused.
        using var api = new SandboxApi(_sandbox);
        var application = await api.CreateApplicationForTeammateAsync(email, "connect:config_read", "connect:config_write");
        using var teammate = await ConnectAsync(application.ClientId, application.ClientSecret);
        var refused = new Host();
        CommandRunner.Run(refused, ConnectTeammateCommands.DecryptLogsNoun,
            h => ConnectTeammateCommands.SetDecryptLogsAsync(h, teammate, new ConnectTeammateIdentity(email), grant: true, passThru: true));
        var error = Assert.Single(refused.Errors);
        Assert.Equal("DecryptLogsForbidden", error.ErrorId);
        Assert.Equal(CommandErrorCategory.PermissionDenied, error.Category);
        Assert.Contains("The role 'FullAccess' may not grant or revoke Decrypt Logs (only the tenant Owner can). Allowed roles: Owner.", error.Message);
        Assert.Empty(refused.Objects);

        // The Owner grants it: Grant-DecryptLogs … -PassThru.
        var granted = new Host();
        CommandRunner.Run(granted, ConnectTeammateCommands.DecryptLogsNoun,
            h => ConnectTeammateCommands.SetDecryptLogsAsync(h, owner, new ConnectTeammateIdentity(email), grant: true, passThru: true));
        Assert.Empty(granted.Errors);
        var result = Assert.IsType<ConnectTeammate>(Assert.Single(granted.Objects));
        Assert.True(result.DecryptLogs);
        Assert.Equal("Grace Hopper", result.Name);
    }

    [Fact]
    public async Task An_owner_invitation_is_refused_with_the_partner_success_message()
    {
        using var owner = await ConnectAsync();
        var host = new Host();
        CommandRunner.Run(host, ConnectTeammateCommands.Noun,
            h => ConnectTeammateCommands.NewAsync(h, owner, TeammateApi.UniqueEmail("owner-two"), ConnectTeammateRole.Owner, null, null));
        var error = Assert.Single(host.Errors);
        Assert.Equal("ConnectTeammateInvalidValue", error.ErrorId);
        Assert.Contains("a tenant has exactly one Owner", error.Message);
        Assert.Contains("Cisco's Partner Success team", error.Message);
    }

    [Fact]
    public async Task Groups_and_teams_by_name_place_a_new_teammate()
    {
        using var owner = await ConnectAsync();
        var groupName = SandboxApi.UniqueName("Cmd group");
        var teamName = SandboxApi.UniqueName("Cmd team");
        var host = new Host();
        CommandRunner.Run(host, ConnectContainerCommands.GroupNoun, h => ConnectContainerCommands.NewGroupAsync(h, owner, groupName));
        CommandRunner.Run(host, ConnectContainerCommands.TeamNoun, h => ConnectContainerCommands.NewTeamAsync(h, owner, teamName, new ConnectGroupIdentity(groupName)));
        CommandRunner.Run(host, ConnectTeammateCommands.Noun,
            h => ConnectTeammateCommands.NewAsync(h, owner, TeammateApi.UniqueEmail("in-team"), ConnectTeammateRole.ReadOnly, null, new ConnectTeamIdentity(teamName)));
        Assert.Empty(host.Errors);
        var group = Assert.IsType<ConnectGroup>(host.Objects[0]);
        var team = Assert.IsType<ConnectTeam>(host.Objects[1]);
        var teammate = Assert.IsType<ConnectTeammate>(host.Objects[2]);
        Assert.Equal(group.Id, team.GroupId);
        Assert.Equal(team.Id, teammate.TeamId);
        Assert.Equal("Team", teammate.ContainerLevel);

        var remove = new Host();
        CommandRunner.Run(remove, ConnectContainerCommands.GroupNoun, h => ConnectContainerCommands.RemoveGroupAsync(h, owner, new ConnectGroupIdentity(groupName)));
        var error = Assert.Single(remove.Errors);
        Assert.Equal("ConnectGroupNotEmpty", error.ErrorId);
        Assert.Contains("1 team(s), 1 teammate(s)", error.Message);
    }

    [Fact]
    public async Task An_expired_or_used_link_is_refused_through_the_command_layer()
    {
        using var owner = await ConnectAsync();
        var email = TeammateApi.UniqueEmail("used-link");
        var host = new Host();
        CommandRunner.Run(host, ConnectTeammateCommands.Noun, h => ConnectTeammateCommands.NewAsync(h, owner, email, ConnectTeammateRole.ReadOnly, null, null));
        var mail = (await owner.SandboxMail.ListAsync(email, "TeammateInvitation", CancellationToken.None))[0];
        CommandRunner.Run(host, ConnectTeammateCommands.InvitationNoun, h => ConnectTeammateCommands.CompleteInvitationAsync(h, owner, mail.Link, "Once", Secure(TeammateApi.Password)));
        var again = new Host();
        CommandRunner.Run(again, ConnectTeammateCommands.InvitationNoun, h => ConnectTeammateCommands.CompleteInvitationAsync(h, owner, mail.Link, "Twice", Secure(TeammateApi.Password)));
        var error = Assert.Single(again.Errors);
        Assert.Equal("ConnectTeammateInvitationAlreadyActive", error.ErrorId);
        Assert.Contains("already accepted", error.Message);
        Assert.DoesNotContain(new Uri(mail.Link).Segments.Last(), error.Message);
    }
}
