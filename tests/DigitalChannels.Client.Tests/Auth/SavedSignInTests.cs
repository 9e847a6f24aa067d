using System.Net;
using System.Text;
using DigitalChannels.Client.Auth;
using DigitalChannels.Client.Auth.Saved;
using DigitalChannels.Client.Commands;
using DigitalChannels.Client.Environments;
using DigitalChannels.Client.Http;
using DigitalChannels.Client.Tests.Infrastructure;

namespace DigitalChannels.Client.Tests.Auth;

/// <summary>
/// Saved sign-ins through ConnectionCommands, the token endpoint stubbed and the protector an in-memory fake (the
/// platform's keyring is tried in Pester): what is kept, where, that every rotation reaches the saved copy, and the refusals.
/// </summary>
public sealed class SavedSignInTests : IDisposable
{
    private const string ClientId = "Cintegration";
    private const string ClientSecret = "integration-s3cret";
    private const string Org = "8d5e3c1a-4b2f-4e6d-9a7b-1c2d3e4f5a6b";
    private static readonly Uri SandboxUrl = new("http://127.0.0.1:7800");
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dc-saved-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, true);
    }

    /// <summary>A keyring in memory; shared by the stores of one test as the real one is by processes.</summary>
    private sealed class FakeProtector : ISecretProtector
    {
        public readonly Dictionary<string, byte[]> Entries = new(StringComparer.OrdinalIgnoreCase);
        public string Kind => "Fake";
        public void Write(string name, byte[] data) => Entries[name] = data;
        public byte[]? Read(string name) => Entries.TryGetValue(name, out var data) ? data : null;
        public void Delete(string name) => Entries.Remove(name);
        public string RefreshTokenOf(string name) => (string)Newtonsoft.Json.Linq.JObject.Parse(Encoding.UTF8.GetString(Entries[name]))["refreshToken"]!;
        public string Text(string name) => Encoding.UTF8.GetString(Entries[name]);
    }

    private SavedSignInStore Store(FakeProtector protector) => new(_folder, (_, _) => protector);

    /// <summary>A JWT as the sandbox issues (unsigned here: the client reads claims without validating them).</summary>
    private static string Jwt(int n) =>
        "eyJhbGciOiJub25lIn0." + Convert.ToBase64String(Encoding.UTF8.GetBytes($$"""{"org_id":"{{Org}}","user_id":"owner-{{n}}","sub":"{{ClientId}}"}""")).TrimEnd('=').Replace('+', '-').Replace('/', '_') + ".sig";

    /// <summary>Refresh token R{k} gives R{k+1}; every other refresh token is refused as Webex does (invalid_grant).</summary>
    private static StubHandler RotatingEndpoint(Func<string?, bool>? revoked = null) => new((_, body, n) =>
    {
        var presented = body!.Split('&').Single(p => p.StartsWith("refresh_token=")).Substring("refresh_token=".Length);
        if (revoked?.Invoke(presented) == true || !presented.StartsWith("R"))
            return StubHandler.Json(HttpStatusCode.BadRequest, """{"error":"invalid_grant","error_description":"The refresh token was revoked."}""");
        var next = int.Parse(presented.Substring(1)) + 1;
        return StubHandler.Json(HttpStatusCode.OK,
            $$"""{"access_token":"{{Jwt(next)}}","token_type":"Bearer","expires_in":1209600,"refresh_token":"R{{next}}","refresh_token_expires_in":7776000}""");
    });

    private static ConnectRequest SignInWithRefreshToken(string refreshToken, StubHandler handler, SavedSignInStore store, string? name = "pod1") => new()
    {
        SandboxUrl = SandboxUrl, ClientId = ClientId, ClientSecret = ClientSecret, SignIn = SignInFlow.RefreshToken, RefreshToken = refreshToken,
        Save = true, Name = name, HttpMessageHandler = handler, SavedSignIns = store,
    };

    [Fact]
    public async Task Save_keeps_the_rotated_refresh_token_and_the_client_secret_protected_and_only_a_description_in_plain_text()
    {
        var protector = new FakeProtector();
        var handler = RotatingEndpoint();
        var runspace = new object();
        await ConnectionCommands.ConnectAsync(new RecordingHost(), runspace, SignInWithRefreshToken("R1", handler, Store(protector)));

        // The refresh token given was used once (rotated to R2): R2 is what a new session must present.
        Assert.Equal("R2", protector.RefreshTokenOf("pod1"));
        Assert.Contains(ClientSecret, protector.Text("pod1"));
        var description = File.ReadAllText(Path.Combine(_folder, "pod1.json"));
        Assert.DoesNotContain("R2", description);
        Assert.DoesNotContain(ClientSecret, description);
        var saved = Assert.Single(Store(protector).List());
        Assert.Equal(("pod1", "sandbox", Org, ClientId, "Fake", "user owner-2"), (saved.Name, saved.Environment, saved.OrganizationId, saved.ClientId, saved.Protection, saved.Account));
        Assert.Equal(SandboxUrl, saved.SandboxUrl);

        var connection = ConnectionRegistry.GetCurrent(runspace)!;
        Assert.Equal(("pod1", "pod1"), (connection.Name, connection.SavedSignIn));
        ConnectionRegistry.Remove(runspace)?.Dispose();
    }

    [Fact]
    public async Task A_new_session_reconnects_from_the_saved_sign_in_alone_and_every_rotation_reaches_the_saved_copy()
    {
        var protector = new FakeProtector();
        var handler = RotatingEndpoint();
        var first = new object();
        await ConnectionCommands.ConnectAsync(new RecordingHost(), first, SignInWithRefreshToken("R1", handler, Store(protector)));
        ConnectionRegistry.Remove(first)?.Dispose();

        // A new session: only the name.
        var second = new object();
        await ConnectionCommands.ConnectAsync(new RecordingHost(), second, new ConnectRequest { Saved = "pod1", HttpMessageHandler = handler, SavedSignIns = Store(protector) });

        var reconnected = ConnectionRegistry.GetCurrent(second)!;
        Assert.Equal(("pod1", Org, "RefreshToken"), (reconnected.Name, reconnected.OrganizationId, reconnected.AuthenticationMethod));
        Assert.Equal("grant_type=refresh_token&refresh_token=R2", handler.Requests[1].Body);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ClientId}:{ClientSecret}")), handler.Requests[1].Authorization!.ToString());
        Assert.Equal("R3", protector.RefreshTokenOf("pod1"));

        // A refresh later in the session (a 401, or the access token's expiry) rotates again: the saved copy follows.
        await reconnected.TokenSource.GetAccessTokenAsync(true, CancellationToken.None);
        Assert.Equal("R4", protector.RefreshTokenOf("pod1"));
        Assert.NotNull(Store(protector).Find("pod1")!.RefreshedOn);
        ConnectionRegistry.Remove(second)?.Dispose();
    }

    [Fact]
    public async Task A_refresh_presents_the_token_another_process_rotated_into_the_saved_copy_never_a_used_one()
    {
        var protector = new FakeProtector();
        var handler = RotatingEndpoint();
        var runspace = new object();
        await ConnectionCommands.ConnectAsync(new RecordingHost(), runspace, SignInWithRefreshToken("R1", handler, Store(protector)));
        // Another process refreshed meanwhile (R2 -> R7) and saved it; this one still holds R2, which is now used.
        protector.Entries["pod1"] = Encoding.UTF8.GetBytes($$"""{"clientSecret":"{{ClientSecret}}","refreshToken":"R7"}""");

        await ConnectionRegistry.GetCurrent(runspace)!.TokenSource.GetAccessTokenAsync(true, CancellationToken.None);

        Assert.Equal("grant_type=refresh_token&refresh_token=R7", handler.Requests.Last().Body);
        Assert.Equal("R8", protector.RefreshTokenOf("pod1"));
        ConnectionRegistry.Remove(runspace)?.Dispose();
    }

    [Fact]
    public async Task A_revoked_saved_sign_in_says_which_one_ended_and_to_sign_in_again_with_the_id_SignInExpired()
    {
        var protector = new FakeProtector();
        var revoked = false;
        var handler = RotatingEndpoint(_ => revoked);
        var runspace = new object();
        await ConnectionCommands.ConnectAsync(new RecordingHost(), runspace, SignInWithRefreshToken("R1", handler, Store(protector)));
        ConnectionRegistry.Remove(runspace)?.Dispose();
        revoked = true;

        var failure = await Assert.ThrowsAsync<WebexApiException>(() => ConnectionCommands.ConnectAsync(new RecordingHost(), new object(),
            new ConnectRequest { Saved = "pod1", HttpMessageHandler = handler, SavedSignIns = Store(protector) }));

        var error = CommandErrors.From(ConnectionCommands.Noun, failure, null);
        Assert.Equal("DigitalChannelsConnectionSignInExpired", error.ErrorId);
        Assert.Contains("saved sign-in 'pod1' has ended", error.Message);
        Assert.Contains("-Save -Name pod1", error.Message);
        Assert.Contains("Disconnect-DigitalChannels -Name pod1 -Forget", error.Message);
        Assert.DoesNotContain("R2", error.Message);
    }

    [Fact]
    public async Task Without_an_encrypted_store_Save_refuses_before_any_sign_in_with_the_id_SecretStoreUnavailable()
    {
        var handler = RotatingEndpoint();
        var store = new SavedSignInStore(_folder, (_, _) => throw new SecretStoreUnavailableException("No Secret Service keyring could be reached through libsecret: test."));

        var failure = await Assert.ThrowsAsync<SecretStoreUnavailableException>(() =>
            ConnectionCommands.ConnectAsync(new RecordingHost(), new object(), SignInWithRefreshToken("R1", handler, store)));

        Assert.Empty(handler.Requests); // the refresh token was not even used
        Assert.Equal("DigitalChannelsConnectionSecretStoreUnavailable", CommandErrors.From(ConnectionCommands.Noun, failure, null).ErrorId);
        Assert.Empty(store.List());
    }

    [Fact]
    public async Task Asked_for_explicitly_the_unencrypted_fallback_is_a_file_only_its_owner_can_read()
    {
        var handler = RotatingEndpoint();
        // No encrypted store; the unencrypted kind is the real one (Extensions.Msal's owner-only file).
        var store = new SavedSignInStore(_folder, (folder, kind) => kind == SecretProtection.UnencryptedFile
            ? MsalSecretProtector.Open(folder, kind)
            : throw new SecretStoreUnavailableException("none here"));
        var host = new RecordingHost();
        var runspace = new object();
        var request = SignInWithRefreshToken("R1", handler, store);
        request.AllowUnencryptedStorage = true;

        await ConnectionCommands.ConnectAsync(host, runspace, request);

        Assert.Contains(host.Warnings, w => w.Contains("UNENCRYPTED"));
        var secretFile = Path.Combine(_folder, "pod1.secret");
        Assert.Contains("\"refreshToken\":\"R2\"", File.ReadAllText(secretFile));
        Assert.Equal(SecretProtection.UnencryptedFile, store.Find("pod1")!.Protection);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(secretFile));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(_folder));
        }

        // Rotations rewrite it, still owner-only.
        await ConnectionRegistry.GetCurrent(runspace)!.TokenSource.GetAccessTokenAsync(true, CancellationToken.None);
        Assert.Contains("\"refreshToken\":\"R3\"", File.ReadAllText(secretFile));
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(secretFile));
        ConnectionRegistry.Remove(runspace)?.Dispose();
    }

    [Fact]
    public async Task Disconnect_Forget_deletes_the_saved_sign_in_and_its_secrets_after_ShouldProcess_and_WhatIf_keeps_both()
    {
        var protector = new FakeProtector();
        var runspace = new object();
        await ConnectionCommands.ConnectAsync(new RecordingHost(), runspace, SignInWithRefreshToken("R1", RotatingEndpoint(), Store(protector)));

        var whatIf = new RecordingHost { Answer = false };
        ConnectionCommands.Disconnect(whatIf, runspace, "pod1", forget: true, Store(protector));
        Assert.Contains("saved sign-in 'pod1'", Assert.Single(whatIf.ShouldProcessCalls).Target);
        Assert.NotNull(Store(protector).Find("pod1"));
        Assert.NotNull(ConnectionRegistry.Find(runspace, "pod1"));

        ConnectionCommands.Disconnect(new RecordingHost(), runspace, "pod1", forget: true, Store(protector));
        Assert.Null(Store(protector).Find("pod1"));
        Assert.Empty(protector.Entries);
        Assert.False(File.Exists(Path.Combine(_folder, "pod1.json")));
        Assert.Null(ConnectionRegistry.Find(runspace, "pod1"));
        Assert.Null(ConnectionRegistry.GetCurrent(runspace));
    }

    [Fact]
    public async Task A_sign_in_forgotten_while_connected_keeps_working_in_memory_and_stays_forgotten()
    {
        var protector = new FakeProtector();
        var runspace = new object();
        await ConnectionCommands.ConnectAsync(new RecordingHost(), runspace, SignInWithRefreshToken("R1", RotatingEndpoint(), Store(protector)));
        Store(protector).Forget("pod1");
        Directory.Delete(_folder, true); // even the folder

        await ConnectionRegistry.GetCurrent(runspace)!.TokenSource.GetAccessTokenAsync(true, CancellationToken.None);

        Assert.Equal("R3", ((RefreshTokenSource)ConnectionRegistry.GetCurrent(runspace)!.TokenSource).RefreshToken);
        Assert.Empty(protector.Entries);
        Assert.False(Directory.Exists(_folder));
        ConnectionRegistry.Remove(runspace)?.Dispose();
    }

    [Fact]
    public async Task A_name_that_is_not_a_file_name_is_refused_naming_it_before_anything_is_sent()
    {
        var handler = RotatingEndpoint();
        var failure = await Assert.ThrowsAsync<ArgumentException>(() =>
            ConnectionCommands.ConnectAsync(new RecordingHost(), new object(), SignInWithRefreshToken("R1", handler, Store(new FakeProtector()), name: "../pod1")));
        Assert.Contains("'../pod1' is not a valid connection name", failure.Message);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task A_saved_sign_in_that_does_not_exist_is_NotFound_naming_it()
    {
        var failure = await Assert.ThrowsAsync<IdentityNotFoundException>(() => ConnectionCommands.ConnectAsync(new RecordingHost(), new object(),
            new ConnectRequest { Saved = "nobody", SavedSignIns = Store(new FakeProtector()) }));
        Assert.Equal("DigitalChannelsConnectionNotFound", CommandErrors.From(ConnectionCommands.Noun, failure, null).ErrorId);
        Assert.Contains("'nobody'", failure.Message);
    }
}
