using DigitalChannels.Client;
using DigitalChannels.Client.Commands;
using DigitalChannels.Client.Connect;
using DigitalChannels.Client.Environments;
using DigitalChannels.Client.Http;
using DigitalChannels.IntegrationTests.Infrastructure;

namespace DigitalChannels.IntegrationTests.Client;

/// <summary>
/// The client library and the command logic the cmdlets call, against the real sandbox process over HTTP:
/// MSAL sign-in at the discovered authority, the services slice, refusals mapped to error ids.
/// </summary>
[Collection(SharedSandboxCollection.Name)]
public class ClientOverHttpTests
{
    private readonly SandboxProcess _sandbox;

    public ClientOverHttpTests(SandboxProcess sandbox) => _sandbox = sandbox;

    private Task<DigitalChannelsConnection> ConnectAsync(string? clientId = null, string? secret = null, IReadOnlyList<string>? scopes = null) =>
        DigitalChannelsConnection.ConnectAsync(new ConnectionOptions
        {
            Environment = WebexEnvironment.ForSandbox(_sandbox.BaseUrl),
            ClientId = clientId ?? _sandbox.ClientId,
            ClientSecret = secret ?? _sandbox.ClientSecret,
            Scopes = scopes,
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

    [Fact]
    public async Task Msal_signs_in_with_the_connection_file_and_the_org_comes_from_the_token()
    {
        var host = new Host();
        var scope = new object();

        CommandRunner.Run(host, ConnectionCommands.Noun, h => ConnectionCommands.ConnectAsync(h, scope, new ConnectRequest { ConnectionFile = _sandbox.DataDirectory }));
        using var connection = ConnectionRegistry.GetCurrent(scope);

        Assert.Empty(host.Errors);
        Assert.NotNull(connection);
        Assert.Equal(_sandbox.OrgId, connection!.OrganizationId);
        Assert.Equal("ClientCredentials", connection.AuthenticationMethod);
        Assert.True(connection.TokenExpiresOn > DateTimeOffset.UtcNow);

        using var fromToken = await ConnectAsync();
        Assert.Equal(_sandbox.OrgId, fromToken.OrganizationId);
    }

    [Fact]
    public async Task A_wrong_secret_fails_at_connect_with_invalid_client_and_no_secret_in_the_message()
    {
        const string wrong = "wrong-secret-0123456789abcdef";
        var ex = await Assert.ThrowsAsync<WebexApiException>(() => ConnectAsync(secret: wrong));

        Assert.Equal(401, ex.StatusCode);
        Assert.Equal("invalid_client", ex.ErrorKey);
        Assert.Contains(_sandbox.ClientId, ex.Message);
        Assert.DoesNotContain(wrong, ex.ToString());
        Assert.DoesNotContain(_sandbox.ClientSecret, ex.ToString());
    }

    [Fact]
    public async Task The_services_slice_works_through_the_command_logic()
    {
        using var connection = await ConnectAsync();
        var name = SandboxApi.UniqueName("Client Lab");
        var host = new Host();

        CommandRunner.Run(host, ConnectServiceCommands.Noun, h => ConnectServiceCommands.NewAsync(h, connection, name, "from the client"));
        var created = Assert.IsType<ConnectService>(Assert.Single(host.Objects));
        Assert.Equal(name, created.Name);
        Assert.Equal(_sandbox.OrgId, created.OrganizationId);

        CommandRunner.Run(host, ConnectServiceCommands.Noun, h => ConnectServiceCommands.NewAsync(h, connection, name.ToLowerInvariant(), null));
        var duplicate = Assert.Single(host.Errors);
        Assert.Equal("ConnectServiceAlreadyExists", duplicate.ErrorId);
        Assert.Contains(created.Id, duplicate.Message);

        host = new Host();
        CommandRunner.Run(host, ConnectServiceCommands.Noun, h => ConnectServiceCommands.SetAsync(h, connection, new ConnectServiceIdentity(created), new ConnectServiceChanges { Locked = true }, true));
        Assert.True(Assert.IsType<ConnectService>(Assert.Single(host.Objects)).Locked);

        CommandRunner.Run(host, ConnectServiceCommands.Noun, h => ConnectServiceCommands.RemoveAsync(h, connection, new ConnectServiceIdentity(name)));
        var locked = Assert.Single(host.Errors);
        Assert.Equal("ConnectServiceLocked", locked.ErrorId);
        Assert.Equal(CommandErrorCategory.InvalidOperation, locked.Category);
        Assert.Contains(name, locked.Message);

        host = new Host();
        CommandRunner.Run(host, ConnectServiceCommands.Noun, h => ConnectServiceCommands.SetAsync(h, connection, new ConnectServiceIdentity(created.Id), new ConnectServiceChanges { Locked = false, Name = name + " renamed" }, true));
        CommandRunner.Run(host, ConnectServiceCommands.Noun, h => ConnectServiceCommands.GetAsync(h, connection, created.Id, null, includeSecret: true));
        Assert.Empty(host.Errors);
        var read = host.Objects.Cast<ConnectService>().Last();
        Assert.Equal(name + " renamed", read.Name);
        Assert.False(read.Locked);
        Assert.False(string.IsNullOrEmpty(read.ServiceSecret));

        CommandRunner.Run(host, ConnectServiceCommands.Noun, h => ConnectServiceCommands.RemoveAsync(h, connection, new ConnectServiceIdentity(created.Id)));
        Assert.Empty(host.Errors);
        Assert.Null(await connection.ConnectServices.GetAsync(created.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Listing_streams_every_page_and_wildcards_select_like_the_portal_search()
    {
        using var connection = await ConnectAsync();
        var prefix = SandboxApi.UniqueName("Paged");
        for (var i = 0; i < 105; i++) await connection.ConnectServices.CreateAsync($"{prefix} {i:000}", null, CancellationToken.None);
        var before = connection.Pipeline.RequestCount;

        var host = new Host();
        CommandRunner.Run(host, ConnectServiceCommands.Noun, h => ConnectServiceCommands.GetAsync(h, connection, null, prefix + " *", false));
        Assert.Equal(105, host.Objects.Count);
        Assert.Equal(2, connection.Pipeline.RequestCount - before); // 105 matches of the search: two pages of 100

        host = new Host();
        CommandRunner.Run(host, ConnectServiceCommands.Noun, h => ConnectServiceCommands.GetAsync(h, connection, null, prefix + " 1?[34]", false));
        Assert.Equal(new[] { prefix + " 103", prefix + " 104" }, host.Objects.Cast<ConnectService>().Select(s => s.Name));
    }

    [Fact]
    public async Task A_token_without_the_write_scope_is_refused_with_permission_denied_naming_the_scope()
    {
        using var connection = await ConnectAsync(scopes: new[] { DigitalChannels.Client.Auth.Scopes.ConnectConfigRead });
        var host = new Host();

        CommandRunner.Run(host, ConnectServiceCommands.Noun, h => ConnectServiceCommands.NewAsync(h, connection, SandboxApi.UniqueName("No scope"), null));

        var error = Assert.Single(host.Errors);
        Assert.Equal("ConnectServiceScopeMissing", error.ErrorId);
        Assert.Equal(CommandErrorCategory.PermissionDenied, error.Category);
        Assert.Contains("connect:config_write", error.Message);
    }
}
