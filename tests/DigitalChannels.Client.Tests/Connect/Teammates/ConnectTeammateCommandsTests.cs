using System.Net;
using System.Security;
using DigitalChannels.Client.Commands;
using DigitalChannels.Client.Connect.Teammates;
using DigitalChannels.Client.Environments;
using DigitalChannels.Client.Sandbox;
using DigitalChannels.Client.Tests.Infrastructure;

namespace DigitalChannels.Client.Tests.Connect.Teammates;

/// <summary>The command logic of the teammate, Decrypt Logs, group/team and outbox cmdlets against a scripted server.</summary>
public class ConnectTeammateCommandsTests
{
    private const string Org = "org-1";
    private const string AdaId = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
    private const string GroupId = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
    private const string Token = "tok3n-Of-The-Join-Link_0123456789abcdef";
    private const string Password = "S3cret-password";

    private static string Teammate(bool decryptLogs = false, string status = "Active") =>
        $"{{\"id\":\"{AdaId}\",\"organizationId\":\"{Org}\",\"email\":\"ada@example.com\",\"name\":\"Ada\",\"role\":\"FullAccess\",\"status\":\"{status}\",\"decryptLogs\":{(decryptLogs ? "true" : "false")},\"containerLevel\":\"Tenant\"}}";

    private static string Page(params string[] items) =>
        $"{{\"meta\":{{\"page\":0,\"pageSize\":100,\"totalPages\":{(items.Length == 0 ? 0 : 1)},\"totalRecords\":{items.Length}}},\"data\":[{string.Join(",", items)}]}}";

    private static async Task<DigitalChannelsConnection> Connect(StubHandler handler, WebexEnvironment? environment = null) =>
        await DigitalChannelsConnection.ConnectAsync(new ConnectionOptions
        {
            Environment = environment ?? WebexEnvironment.ForSandbox("http://sandbox.test"),
            OrganizationId = Org,
            AccessToken = "test-token-value",
            HttpMessageHandler = handler,
            RetryPolicy = DigitalChannels.Client.Http.RetryPolicy.None,
        }, CancellationToken.None);

    private static StubHandler Server() => new((request, body, _) =>
    {
        var path = request.RequestUri!.AbsolutePath;
        var query = System.Web.HttpUtility.ParseQueryString(request.RequestUri.Query);
        if (path.EndsWith("/decrypt-logs")) return StubHandler.Json(HttpStatusCode.OK, Teammate(decryptLogs: request.Method == HttpMethod.Put));
        if (path.EndsWith("/accept")) return StubHandler.Json(HttpStatusCode.OK, Teammate());
        if (path.EndsWith("/outbox"))
            return StubHandler.Json(HttpStatusCode.OK, "{\"items\":[{\"id\":\"m2\",\"kind\":\"TeammateInvitation\",\"to\":\"ada@example.com\",\"link\":\"http://sandbox.test/sandbox/v1/teammate-invitations/new\"},{\"id\":\"m1\",\"kind\":\"TeammateInvitation\",\"to\":\"ada@example.com\"}]}");
        if (path.EndsWith("/teams"))
            return StubHandler.Json(HttpStatusCode.OK, Page(Enumerable.Range(1, 30).Select(i => $"{{\"id\":\"t{i}\",\"groupId\":\"{GroupId}\",\"name\":\"Team {i}\"}}").ToArray()));
        if (path.EndsWith("/groups")) return StubHandler.Json(HttpStatusCode.OK, Page($"{{\"id\":\"{GroupId}\",\"name\":\"Support\"}}"));
        if (request.Method == HttpMethod.Get && path.EndsWith("/teammates") && query["email"] == "ada@example.com") return StubHandler.Json(HttpStatusCode.OK, Page(Teammate()));
        if (request.Method == HttpMethod.Get && path.EndsWith("/teammates") && query["email"] != null) return StubHandler.Json(HttpStatusCode.OK, Page());
        if (request.Method == HttpMethod.Get && path.EndsWith(AdaId)) return StubHandler.Json(HttpStatusCode.OK, Teammate());
        if (request.Method == HttpMethod.Post && path.EndsWith("/teammates")) return StubHandler.Json(HttpStatusCode.Created, Teammate(status: "Invited"));
        if (request.Method.Method == "PATCH") return StubHandler.Json(HttpStatusCode.OK, Teammate());
        if (request.Method == HttpMethod.Delete) return StubHandler.Status(HttpStatusCode.NoContent);
        return StubHandler.Json(HttpStatusCode.NotFound, "{\"detail\":\"Not here.\"}");
    });

    private static bool IsWrite(RecordedRequest r) => r.Method != HttpMethod.Get;

    private static SecureString Secure(string text)
    {
        var secure = new SecureString();
        foreach (var c in text) secure.AppendChar(c);
        return secure;
    }

    [Fact]
    public async Task Get_team_fills_each_team_s_group_name_from_one_read_of_the_groups()
    {
        var handler = Server();
        using var connection = await Connect(handler);
        var host = new RecordingHost();

        CommandRunner.Run(host, ConnectContainerCommands.TeamNoun, h => ConnectContainerCommands.GetTeamAsync(h, connection, "Team*", null));

        Assert.Empty(host.Errors);
        Assert.Equal(30, host.Objects.Count);
        Assert.All(host.Objects.Cast<ConnectTeam>(), t => Assert.Equal("Support", t.GroupName));
        Assert.Single(handler.Requests, r => r.Uri.AbsolutePath.EndsWith("/groups"));
    }

    [Fact]
    public async Task New_asks_should_process_naming_email_role_and_container_then_posts_the_invitation()
    {
        var handler = Server();
        using var connection = await Connect(handler);
        var host = new RecordingHost();

        CommandRunner.Run(host, ConnectTeammateCommands.Noun,
            h => ConnectTeammateCommands.NewAsync(h, connection, " ada@example.com ", ConnectTeammateRole.FullAccess, new ConnectGroupIdentity("Support"), null));

        var (target, action) = Assert.Single(host.ShouldProcessCalls);
        Assert.Equal("Connect teammate 'ada@example.com' with the role FullAccess in group 'Support'", target);
        Assert.Equal("Invite", action);
        var post = Assert.Single(handler.Requests, IsWrite);
        Assert.Equal($"/connect/v1/organization/{Org}/teammates", post.Uri.AbsolutePath);
        Assert.Equal($"{{\"email\":\"ada@example.com\",\"role\":\"FullAccess\",\"groupId\":\"{GroupId}\"}}", post.Body);
        Assert.Equal("Invited", Assert.IsType<ConnectTeammate>(Assert.Single(host.Objects)).Status);
    }

    [Fact]
    public async Task WhatIf_sends_no_change_for_any_teammate_command()
    {
        var handler = Server();
        using var connection = await Connect(handler);
        var host = new RecordingHost { Answer = false };
        var ada = new ConnectTeammateIdentity("ada@example.com");

        CommandRunner.Run(host, "ConnectTeammate", h => ConnectTeammateCommands.NewAsync(h, connection, "ada@example.com", ConnectTeammateRole.ReadOnly, null, null));
        CommandRunner.Run(host, "ConnectTeammate", h => ConnectTeammateCommands.SetAsync(h, connection, ada, ConnectTeammateRole.ReadOnly, true));
        CommandRunner.Run(host, "ConnectTeammate", h => ConnectTeammateCommands.RemoveAsync(h, connection, ada));
        CommandRunner.Run(host, "DecryptLogs", h => ConnectTeammateCommands.SetDecryptLogsAsync(h, connection, ada, true, true));
        CommandRunner.Run(host, "DecryptLogs", h => ConnectTeammateCommands.SetDecryptLogsAsync(h, connection, ada, false, true));
        CommandRunner.Run(host, "ConnectTeammateInvitation", h => ConnectTeammateCommands.CompleteInvitationAsync(h, connection, Token, "Ada", Secure(Password)));
        CommandRunner.Run(host, "ConnectGroup", h => ConnectContainerCommands.NewGroupAsync(h, connection, "Support"));
        CommandRunner.Run(host, "ConnectGroup", h => ConnectContainerCommands.RemoveGroupAsync(h, connection, new ConnectGroupIdentity("Support")));

        Assert.Equal(8, host.ShouldProcessCalls.Count);
        Assert.Equal(new[] { "Invite", "Change the role from FullAccess to ReadOnly", "Remove", "Grant Decrypt Logs", "Revoke Decrypt Logs", "Join the team as 'Ada'", "Create", "Remove" },
            host.ShouldProcessCalls.Select(c => c.Action));
        Assert.DoesNotContain(handler.Requests, IsWrite);
        Assert.Empty(host.Objects);
        Assert.Empty(host.Errors);
    }

    [Fact]
    public async Task Grant_puts_and_revoke_deletes_the_decrypt_logs_flag()
    {
        var handler = Server();
        using var connection = await Connect(handler);
        var host = new RecordingHost();

        CommandRunner.Run(host, "DecryptLogs", h => ConnectTeammateCommands.SetDecryptLogsAsync(h, connection, new ConnectTeammateIdentity(AdaId), true, true));
        CommandRunner.Run(host, "DecryptLogs", h => ConnectTeammateCommands.SetDecryptLogsAsync(h, connection, new ConnectTeammateIdentity(AdaId), false, false));

        var writes = handler.Requests.Where(IsWrite).ToList();
        Assert.Equal(new[] { HttpMethod.Put, HttpMethod.Delete }, writes.Select(w => w.Method));
        Assert.All(writes, w => Assert.Equal($"/connect/v1/organization/{Org}/teammates/{AdaId}/decrypt-logs", w.Uri.AbsolutePath));
        Assert.True(Assert.IsType<ConnectTeammate>(Assert.Single(host.Objects)).DecryptLogs); // -PassThru only on the first
    }

    [Fact]
    public async Task A_grant_refused_for_the_role_is_Forbidden_with_the_servers_message()
    {
        var handler = new StubHandler((request, _, _) => request.Method == HttpMethod.Put
            ? StubHandler.Json(HttpStatusCode.Forbidden, "{\"errorKey\":\"role.forbidden\",\"detail\":\"The role 'FullAccess' may not grant or revoke Decrypt Logs (only the tenant Owner can). Allowed roles: Owner.\"}")
            : StubHandler.Json(HttpStatusCode.OK, Teammate()));
        using var connection = await Connect(handler);
        var host = new RecordingHost();

        CommandRunner.Run(host, ConnectTeammateCommands.DecryptLogsNoun, h => ConnectTeammateCommands.SetDecryptLogsAsync(h, connection, new ConnectTeammateIdentity(AdaId), true, true));

        var error = Assert.Single(host.Errors);
        Assert.Equal("DecryptLogsForbidden", error.ErrorId);
        Assert.Equal(CommandErrorCategory.PermissionDenied, error.Category);
        Assert.Contains("may not grant or revoke Decrypt Logs (only the tenant Owner can)", error.Message);
    }

    [Fact]
    public async Task Complete_sends_the_token_and_password_only_in_the_request_and_never_echoes_them()
    {
        var handler = Server();
        using var connection = await Connect(handler);
        var host = new RecordingHost();

        CommandRunner.Run(host, ConnectTeammateCommands.InvitationNoun, h => ConnectTeammateCommands.CompleteInvitationAsync(h, connection,
            $"http://sandbox.test/sandbox/v1/teammate-invitations/{Token}", " Ada ", Secure(Password)));

        var post = Assert.Single(handler.Requests);
        Assert.Equal($"/sandbox/v1/teammate-invitations/{Token}/accept", post.Uri.AbsolutePath);
        Assert.Equal($"{{\"name\":\"Ada\",\"password\":\"{Password}\"}}", post.Body);
        Assert.Single(host.Objects);
        Assert.All(host.Verbose.Concat(host.ShouldProcessCalls.Select(c => c.Target + c.Action)), line =>
        {
            Assert.DoesNotContain(Password, line);
            Assert.DoesNotContain(Token, line);
        });
        // Registered with the redactor: any log or error that would quote them shows the mask instead.
        Assert.Equal($"password *** token ***", connection.Pipeline.Redactor.Redact($"password {Password} token {Token}"));
    }

    [Theory]
    [InlineData("http://sandbox.test/sandbox/v1/teammate-invitations/abc", "abc")]
    [InlineData("http://sandbox.test/sandbox/v1/teammate-invitations/abc/", "abc")]
    [InlineData("  abc  ", "abc")]
    public void The_token_is_the_last_segment_of_a_join_link_or_the_text_itself(string link, string expected) =>
        Assert.Equal(expected, ConnectTeammateCommands.TokenOf(link));

    [Fact]
    public async Task A_link_that_is_not_an_invitation_is_an_invalid_argument()
    {
        var handler = Server();
        using var connection = await Connect(handler);
        var host = new RecordingHost();
        CommandRunner.Run(host, ConnectTeammateCommands.InvitationNoun,
            h => ConnectTeammateCommands.CompleteInvitationAsync(h, connection, "http://sandbox.test/somewhere/else", "Ada", Secure(Password)));
        var error = Assert.Single(host.Errors);
        Assert.Equal("ConnectTeammateInvitationInvalidArgument", error.ErrorId);
        Assert.Contains("is not a teammate invitation link", error.Message);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Group_and_team_together_are_an_invalid_argument_before_any_request()
    {
        var handler = Server();
        using var connection = await Connect(handler);
        var host = new RecordingHost();
        CommandRunner.Run(host, ConnectTeammateCommands.Noun, h => ConnectTeammateCommands.NewAsync(h, connection, "ada@example.com", ConnectTeammateRole.ReadOnly,
            new ConnectGroupIdentity("Support"), new ConnectTeamIdentity("EMEA")));
        Assert.Equal("ConnectTeammateInvalidArgument", Assert.Single(host.Errors).ErrorId);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task An_unknown_email_is_not_found_naming_it()
    {
        var handler = Server();
        using var connection = await Connect(handler);
        var host = new RecordingHost();
        CommandRunner.Run(host, ConnectTeammateCommands.Noun, h => ConnectTeammateCommands.GetAsync(h, connection, null, "nobody@example.com"));
        var error = Assert.Single(host.Errors);
        Assert.Equal("ConnectTeammateNotFound", error.ErrorId);
        Assert.Contains("'nobody@example.com'", error.Message);
    }

    [Fact]
    public async Task Against_a_live_tenant_teammates_stop_naming_the_portal_page()
    {
        var handler = Server();
        using var connection = await Connect(handler, WebexEnvironment.ForRegion("eu1"));
        var host = new RecordingHost();

        var teammates = Assert.Throws<CommandTerminatedException>(() => CommandRunner.Run(host, ConnectTeammateCommands.DecryptLogsNoun,
            h => ConnectTeammateCommands.SetDecryptLogsAsync(h, connection, new ConnectTeammateIdentity(AdaId), true, false)));
        Assert.Equal("DecryptLogsNoPublicApi", teammates.Error.ErrorId);
        Assert.Contains("Webex Connect → Settings → Teammates", teammates.Error.Message);

        var groups = Assert.Throws<CommandTerminatedException>(() => CommandRunner.Run(host, ConnectContainerCommands.GroupNoun,
            h => ConnectContainerCommands.NewGroupAsync(h, connection, "Support")));
        Assert.Contains("Webex Connect → Settings → Groups/Teams", groups.Error.Message);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task The_outbox_exists_only_in_the_sandbox()
    {
        var handler = Server();
        using var live = await Connect(handler, WebexEnvironment.ForRegion("us1"));
        var ex = Assert.Throws<CommandTerminatedException>(() => CommandRunner.Run(new RecordingHost(), SandboxMailCommands.Noun,
            h => SandboxMailCommands.GetAsync(h, live, null, null, false)));
        Assert.Equal("DigitalChannelsSandboxMailNoPublicApi", ex.Error.ErrorId);
        Assert.Contains("the outbox exists only in the DigitalChannels sandbox", ex.Error.Message);
        Assert.Empty(handler.Requests);

        using var sandbox = await Connect(handler);
        var host = new RecordingHost();
        CommandRunner.Run(host, SandboxMailCommands.Noun, h => SandboxMailCommands.GetAsync(h, sandbox, "ada@example.com", "TeammateInvitation", newestOnly: true));
        Assert.Equal("m2", Assert.IsType<SandboxMail>(Assert.Single(host.Objects)).Id);
        Assert.Equal("to=ada%40example.com&kind=TeammateInvitation", handler.Requests.Single().Uri.Query.TrimStart('?'));
    }
}
