using System.Net;
using System.Net.Sockets;
using System.Reflection;
using DigitalChannels.Client;
using DigitalChannels.Client.Commands;
using DigitalChannels.Client.Connect;
using DigitalChannels.Client.Connect.Teammates;
using DigitalChannels.Client.Environments;
using DigitalChannels.IntegrationTests.Infrastructure;
using DigitalChannels.Sandbox.ContactCenter;
using DigitalChannels.Sandbox.Errors;

namespace DigitalChannels.IntegrationTests.Client;

/// <summary>
/// Error ids name the server's reason, over HTTP against the sandbox: the sandbox sends a reason the client's table
/// knows in every error, and the command layer turns it into the id, the category, the target and the action.
/// </summary>
[Collection(SharedSandboxCollection.Name)]
public class ErrorReasonsOverHttpTests
{
    private readonly SandboxProcess _sandbox;

    public ErrorReasonsOverHttpTests(SandboxProcess sandbox) => _sandbox = sandbox;

    [Fact]
    public void Every_error_key_the_sandbox_sends_has_a_row_in_the_client_table()
    {
        var keys = typeof(ErrorKeys).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!).ToList();
        Assert.NotEmpty(keys);
        // The Contact Center answers in its own body, whose reason is the platform's text (checked below), not the key.
        var missing = keys.Where(k => !k.StartsWith("contact_center.", StringComparison.Ordinal) && ErrorTable.ForReason(k) == null).ToList();
        Assert.True(missing.Count == 0, "ErrorTable has no row for the sandbox's error keys: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_contact_center_reason_text_the_sandbox_sends_has_a_row_in_the_client_table()
    {
        var errors = new[]
        {
            ContactCenterErrors.Invalid("x"), ContactCenterErrors.NotFound("x"), ContactCenterErrors.Duplicate("x"),
            ContactCenterErrors.StaleVersion("x"), ContactCenterErrors.Referenced("x"), ContactCenterErrors.OwnedByControlHub("x"),
        };
        foreach (var error in errors)
            Assert.True(ErrorTable.ForContactCenterText(error.Error.Title) != null, $"ErrorTable has no Contact Center row for the reason '{error.Error.Title}'.");
        Assert.Equal("AlreadyExists", ErrorTable.ForContactCenterText(ContactCenterErrors.Duplicate("x").Error.Title)!.Suffix);
    }

    [Fact]
    public async Task Decrypt_logs_for_a_teammate_who_has_not_accepted_is_NotActive_naming_the_teammate()
    {
        using var owner = await ConnectAsync();
        var email = TeammateApi.UniqueEmail("not-yet");
        var invite = new Host();
        CommandRunner.Run(invite, ConnectTeammateCommands.Noun, h => ConnectTeammateCommands.NewAsync(h, owner, email, ConnectTeammateRole.FullAccess, null, null));
        Assert.Empty(invite.Errors);

        var grant = new Host();
        CommandRunner.Run(grant, ConnectTeammateCommands.DecryptLogsNoun, h => ConnectTeammateCommands.SetDecryptLogsAsync(h, owner, new ConnectTeammateIdentity(email), true, false));

        var error = Assert.Single(grant.Errors);
        Assert.Equal("DecryptLogsNotActive", error.ErrorId);
        Assert.Equal(CommandErrorCategory.InvalidOperation, error.Category);
        Assert.Equal(email, error.TargetObject);
        Assert.Contains("has not accepted the invitation yet", error.Message);
        Assert.Equal(ErrorTable.ForReason("teammate.not_active")!.RecommendedAction, error.RecommendedAction);
    }

    [Fact]
    public async Task A_locked_service_is_Locked_and_the_server_names_the_service()
    {
        using var connection = await ConnectAsync();
        var name = SandboxApi.UniqueName("Locked");
        var host = new Host();
        CommandRunner.Run(host, ConnectServiceCommands.Noun, h => ConnectServiceCommands.NewAsync(h, connection, name, null));
        CommandRunner.Run(host, ConnectServiceCommands.Noun, h => ConnectServiceCommands.SetAsync(h, connection, new ConnectServiceIdentity(name), new ConnectServiceChanges { Locked = true }, false));
        Assert.Empty(host.Errors);

        var change = new Host();
        CommandRunner.Run(change, ConnectServiceCommands.Noun, h => ConnectServiceCommands.SetAsync(h, connection, new ConnectServiceIdentity(name), new ConnectServiceChanges { Description = "x" }, false), "the piped item");

        var error = Assert.Single(change.Errors);
        Assert.Equal(("ConnectServiceLocked", CommandErrorCategory.InvalidOperation, (object)name), (error.ErrorId, error.Category, error.TargetObject));
        Assert.Contains("Set-ConnectService -Locked:$false", error.RecommendedAction);
    }

    [Fact]
    public void A_wrong_secret_ends_Connect_with_InvalidClient_in_our_words()
    {
        var host = new Host();
        var stopped = Assert.Throws<CommandTerminatedException>(() => CommandRunner.Run(host, ConnectionCommands.Noun, h => ConnectionCommands.ConnectAsync(h, new object(),
            new ConnectRequest { SandboxUrl = new Uri(_sandbox.BaseUrl), ClientId = _sandbox.ClientId, ClientSecret = "wrong-secret-0123456789" })));

        var error = stopped.Error;
        Assert.Equal(("DigitalChannelsConnectionInvalidClient", CommandErrorCategory.AuthenticationError, (object)_sandbox.ClientId), (error.ErrorId, error.Category, error.TargetObject));
        Assert.Equal($"The sandbox at {new Uri(_sandbox.BaseUrl).GetLeftPart(UriPartial.Authority)} refused client id '{_sandbox.ClientId}': wrong client id or secret.", error.Message);
        Assert.DoesNotContain("aka.ms", error.Exception!.ToString());
        Assert.DoesNotContain("wrong-secret-0123456789", error.Exception.ToString());
    }

    [Fact]
    public void Connect_to_a_port_nobody_listens_on_ends_with_ServerUnreachable_naming_the_url()
    {
        var url = ClosedPortUrl();
        var host = new Host();
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var stopped = Assert.Throws<CommandTerminatedException>(() => CommandRunner.Run(host, ConnectionCommands.Noun, h => ConnectionCommands.ConnectAsync(h, new object(),
            new ConnectRequest { SandboxUrl = url, ClientId = _sandbox.ClientId, ClientSecret = _sandbox.ClientSecret })));

        Console.WriteLine($"Connect to a closed port failed after {watch.ElapsedMilliseconds} ms.");
        Assert.Equal(("DigitalChannelsConnectionServerUnreachable", CommandErrorCategory.ConnectionError), (stopped.Error.ErrorId, stopped.Error.Category));
        Assert.Equal(url.GetLeftPart(UriPartial.Authority), stopped.Error.TargetObject);
        Assert.IsNotType<HttpRequestException>(stopped.Error.Exception);
    }

    [Fact]
    public async Task A_command_on_a_connection_whose_server_is_gone_ends_with_the_same_id()
    {
        var url = ClosedPortUrl();
        using var connection = await DigitalChannelsConnection.ConnectAsync(new ConnectionOptions
        {
            Environment = WebexEnvironment.ForSandbox(url), OrganizationId = _sandbox.OrgId, AccessToken = "a-token-that-is-never-checked",
        }, CancellationToken.None);
        var host = new Host();

        var stopped = Assert.Throws<CommandTerminatedException>(() => CommandRunner.Run(host, ConnectServiceCommands.Noun, h => ConnectServiceCommands.GetAsync(h, connection, null, null, false)));

        Assert.Equal("ConnectServiceServerUnreachable", stopped.Error.ErrorId);
        Assert.Equal(url.GetLeftPart(UriPartial.Authority), stopped.Error.TargetObject);
        Assert.Equal(0, connection.Pipeline.RetryCount);
    }

    private static Uri ClosedPortUrl()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}");
    }

    private Task<DigitalChannelsConnection> ConnectAsync() =>
        DigitalChannelsConnection.ConnectAsync(new ConnectionOptions
        {
            Environment = WebexEnvironment.ForSandbox(_sandbox.BaseUrl),
            ClientId = _sandbox.ClientId,
            ClientSecret = _sandbox.ClientSecret,
            Scopes = DigitalChannels.Client.Auth.Scopes.All,
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
}
