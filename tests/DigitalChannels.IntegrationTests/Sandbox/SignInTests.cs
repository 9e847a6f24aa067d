using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Web;
using DigitalChannels.Client.Environments;
using DigitalChannels.IntegrationTests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Xunit;

namespace DigitalChannels.IntegrationTests.Sandbox;

/// <summary>
/// Issue 12: the sandbox signs administrators in as Webex does (authorization code with PKCE, refresh rotation, device
/// grant), walked over plain HTTP with a cookie jar as curl or a browser would. The tests advance the clock, so the
/// class owns its sandbox.
/// </summary>
public sealed class SignInTests : IClassFixture<SandboxProcess>, IDisposable
{
    private const string DeviceGrant = "urn:ietf:params:oauth:grant-type:device_code";
    private readonly SandboxProcess sandbox;
    private readonly SandboxApi api;

    public SignInTests(SandboxProcess sandbox)
    {
        this.sandbox = sandbox;
        api = new SandboxApi(sandbox);
    }

    public void Dispose() => api.Dispose();

    [Fact]
    public async Task Authorization_code_with_pkce_signs_the_owner_in_and_the_token_works_on_connect_and_contact_center()
    {
        var verifier = NewVerifier();
        var redirect = "http://127.0.0.1:53117/callback";
        var (code, state) = await SignInAndConsentAsync(verifier, redirect, "connect:config_read cjp:config_read");

        using var response = await RedeemAsync(code, verifier, redirect);
        var tokens = await SandboxApi.ExpectJsonAsync(response, HttpStatusCode.OK);
        Assert.Equal("Bearer", tokens.GetProperty("token_type").GetString());
        Assert.Equal(1_209_600, tokens.GetProperty("expires_in").GetInt32());
        Assert.Equal(7_776_000, tokens.GetProperty("refresh_token_expires_in").GetInt32());
        Assert.Equal("connect:config_read cjp:config_read", tokens.GetProperty("scope").GetString());
        Assert.False(string.IsNullOrEmpty(tokens.GetProperty("refresh_token").GetString()));
        Assert.Equal(32, state.Length);

        var accessToken = tokens.GetProperty("access_token").GetString()!;
        // The organization travels in the token, so a client can refuse a token of the wrong tenant.
        Assert.Equal(sandbox.OrgId, new JsonWebToken(accessToken).GetPayloadValue<string>("org_id"));
        using var services = await api.SendAsync(HttpMethod.Get, api.ServicesPath, accessToken);
        Assert.Equal(HttpStatusCode.OK, services.StatusCode);
        using var sites = await api.SendAsync(HttpMethod.Get, $"/organization/{sandbox.OrgId}/site", accessToken);
        Assert.Equal(HttpStatusCode.OK, sites.StatusCode);
        // Only the consented scopes: a write is refused.
        using var write = await api.SendAsync(HttpMethod.Post, api.ServicesPath, accessToken, new { name = SandboxApi.UniqueName("signin") });
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Contains("connect:config_write", await write.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_wrong_verifier_is_refused_and_a_code_is_single_use_revoking_what_it_gave()
    {
        var verifier = NewVerifier();
        var redirect = "http://127.0.0.1:40001/cb";
        var (code, _) = await SignInAndConsentAsync(verifier, redirect);

        using (var wrong = await RedeemAsync(code, NewVerifier(), redirect))
            await ExpectOAuthErrorAsync(wrong, HttpStatusCode.BadRequest, "invalid_grant", "does not match the code_challenge");
        using (var missing = await RedeemAsync(code, null, redirect))
            await ExpectOAuthErrorAsync(missing, HttpStatusCode.BadRequest, "invalid_grant", "needs its code_verifier");
        using (var otherRedirect = await RedeemAsync(code, verifier, "http://127.0.0.1:40002/cb"))
            await ExpectOAuthErrorAsync(otherRedirect, HttpStatusCode.BadRequest, "invalid_grant", "differs from the one of the authorization request");

        using var first = await RedeemAsync(code, verifier, redirect);
        var refreshToken = (await SandboxApi.ExpectJsonAsync(first, HttpStatusCode.OK)).GetProperty("refresh_token").GetString()!;

        using (var reused = await RedeemAsync(code, verifier, redirect))
            await ExpectOAuthErrorAsync(reused, HttpStatusCode.BadRequest, "invalid_grant", "already used");
        using var afterReplay = await RefreshAsync(refreshToken);
        await ExpectOAuthErrorAsync(afterReplay, HttpStatusCode.BadRequest, "invalid_grant", "already used");
    }

    [Fact]
    public async Task The_token_endpoint_requires_the_client_secret_even_with_pkce()
    {
        var verifier = NewVerifier();
        var redirect = "http://127.0.0.1:40003/cb";
        var (code, _) = await SignInAndConsentAsync(verifier, redirect);

        using var response = await PostTokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["client_id"] = sandbox.ClientId, ["code"] = code, ["code_verifier"] = verifier, ["redirect_uri"] = redirect,
        }, basic: false);
        await ExpectOAuthErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_client", "client secret");
    }

    [Fact]
    public async Task An_expired_code_is_refused_by_the_sandbox_clock()
    {
        var verifier = NewVerifier();
        var redirect = "http://127.0.0.1:40004/cb";
        var (code, _) = await SignInAndConsentAsync(verifier, redirect);
        await AdvanceClockAsync(11 * 60);

        using var response = await RedeemAsync(code, verifier, redirect);
        await ExpectOAuthErrorAsync(response, HttpStatusCode.BadRequest, "invalid_grant", "expired");
    }

    [Theory]
    [InlineData("https://attacker.example/cb")]
    [InlineData("http://attacker.example:8080/cb")]
    [InlineData("https://127.0.0.1:8443/cb")]
    [InlineData("http://127.0.0.1:8080/cb#fragment")]
    public async Task A_non_loopback_redirect_is_refused_on_a_page_without_redirecting(string redirect)
    {
        using var browser = NewBrowser();
        using var response = await browser.GetAsync(AuthorizeUrl(redirect, "state", Challenge(NewVerifier())));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains("redirect_uri", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("http://localhost:1234/")]
    [InlineData("http://[::1]:65000/callback")]
    [InlineData("http://127.0.0.1:9/x?keep=1")]
    public async Task Any_loopback_port_is_accepted(string redirect)
    {
        var verifier = NewVerifier();
        var (code, _) = await SignInAndConsentAsync(verifier, redirect);
        using var response = await RedeemAsync(code, verifier, redirect);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_signed_in_browser_goes_straight_to_consent_unless_prompt_is_login_and_plain_pkce_works()
    {
        using var browser = NewBrowser();
        var verifier = NewVerifier();
        var redirect = "http://127.0.0.1:40007/cb";
        await SignInAsync(browser, AuthorizeUrl(redirect, "first", Challenge(verifier)));

        var plainUrl = AuthorizeUrl(redirect, "second", verifier, method: "plain");
        using (var again = await browser.GetAsync(plainUrl))
        {
            var html = await again.Content.ReadAsStringAsync();
            Assert.Contains("value=\"allow\"", html);
            Assert.DoesNotContain("name=\"password\"", html);
        }
        using (var forced = await browser.GetAsync(plainUrl + "&prompt=login"))
            Assert.Contains("name=\"password\"", await forced.Content.ReadAsStringAsync());

        using var allowed = await browser.PostAsync(plainUrl, Form(("consent", "allow")));
        var code = HttpUtility.ParseQueryString(allowed.Headers.Location!.Query)["code"]!;
        using var tokens = await RedeemAsync(code, verifier, redirect);
        Assert.Equal(HttpStatusCode.OK, tokens.StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_shows_the_form_again_and_consent_needs_a_signed_in_user()
    {
        using var browser = NewBrowser();
        var url = AuthorizeUrl("http://127.0.0.1:40005/cb", "s1", Challenge(NewVerifier()));
        using var wrong = await browser.PostAsync(url, Form(("email", SandboxConnectionFile.WellKnown.OwnerEmail), ("password", "not-the-password-1")));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Contains("email or password is wrong", await wrong.Content.ReadAsStringAsync());

        using var consent = await browser.PostAsync(url, Form(("consent", "allow")));
        Assert.Equal(HttpStatusCode.OK, consent.StatusCode);
        Assert.Null(consent.Headers.Location);
        Assert.Contains("name=\"password\"", await consent.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Denied_consent_returns_access_denied_to_the_redirect()
    {
        using var browser = NewBrowser();
        var url = AuthorizeUrl("http://127.0.0.1:40006/cb", "deny-state", Challenge(NewVerifier()));
        await SignInAsync(browser, url);
        using var denied = await browser.PostAsync(url, Form(("consent", "deny")));
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        var location = denied.Headers.Location!;
        Assert.StartsWith("http://127.0.0.1:40006/cb?", location.ToString());
        var query = HttpUtility.ParseQueryString(location.Query);
        Assert.Equal("access_denied", query["error"]);
        Assert.Equal("deny-state", query["state"]);
        Assert.Null(query["code"]);
    }

    [Fact]
    public async Task Refresh_rotates_and_a_replayed_refresh_token_revokes_its_line()
    {
        var first = await SignedInTokensAsync();
        using var r1 = await RefreshAsync(first.GetProperty("refresh_token").GetString()!);
        var second = await SandboxApi.ExpectJsonAsync(r1, HttpStatusCode.OK);
        Assert.NotEqual(first.GetProperty("refresh_token").GetString(), second.GetProperty("refresh_token").GetString());
        Assert.Equal(7_776_000, second.GetProperty("refresh_token_expires_in").GetInt32());
        using var services = await api.SendAsync(HttpMethod.Get, api.ServicesPath, second.GetProperty("access_token").GetString());
        Assert.Equal(HttpStatusCode.OK, services.StatusCode);

        using var r2 = await RefreshAsync(second.GetProperty("refresh_token").GetString()!);
        var third = await SandboxApi.ExpectJsonAsync(r2, HttpStatusCode.OK);

        using (var replay = await RefreshAsync(first.GetProperty("refresh_token").GetString()!))
            await ExpectOAuthErrorAsync(replay, HttpStatusCode.BadRequest, "invalid_grant", "already used");
        using var newest = await RefreshAsync(third.GetProperty("refresh_token").GetString()!);
        await ExpectOAuthErrorAsync(newest, HttpStatusCode.BadRequest, "invalid_grant", "already used");
    }

    [Fact]
    public async Task Access_tokens_last_14_days_and_refresh_tokens_90_days_on_the_sandbox_clock()
    {
        var tokens = await SignedInTokensAsync();
        await AdvanceClockAsync(15 * 24 * 3600);
        using (var expired = await api.SendAsync(HttpMethod.Get, api.ServicesPath, tokens.GetProperty("access_token").GetString()))
            Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);

        using var refreshed = await RefreshAsync(tokens.GetProperty("refresh_token").GetString()!);
        var renewed = await SandboxApi.ExpectJsonAsync(refreshed, HttpStatusCode.OK);
        using (var works = await api.SendAsync(HttpMethod.Get, api.ServicesPath, renewed.GetProperty("access_token").GetString()))
            Assert.Equal(HttpStatusCode.OK, works.StatusCode);

        await AdvanceClockAsync(91 * 24 * 3600);
        using var tooLate = await RefreshAsync(renewed.GetProperty("refresh_token").GetString()!);
        await ExpectOAuthErrorAsync(tooLate, HttpStatusCode.BadRequest, "invalid_grant", "expired");
    }

    [Fact]
    public async Task Device_flow_answers_428_and_slow_down_until_a_signed_in_administrator_approves()
    {
        var device = await AuthorizeDeviceAsync("connect:config_read");
        var deviceCode = device.GetProperty("device_code").GetString()!;
        var userCode = device.GetProperty("user_code").GetString()!;
        Assert.Matches("^[A-Z]{4}-[A-Z]{4}$", userCode);
        Assert.Equal($"{sandbox.BaseUrl}/v1/device/verify", device.GetProperty("verification_uri").GetString());
        Assert.Equal(5, device.GetProperty("interval").GetInt32());
        Assert.Equal(600, device.GetProperty("expires_in").GetInt32());

        using (var pending = await PollDeviceAsync(deviceCode))
            await ExpectOAuthErrorAsync(pending, (HttpStatusCode)428, "authorization_pending", userCode);
        // Polled again at once, well inside the 5 s interval.
        using (var tooFast = await PollDeviceAsync(deviceCode))
            await ExpectOAuthErrorAsync(tooFast, HttpStatusCode.BadRequest, "slow_down", "wait 10 s");
        await AdvanceClockAsync(11);

        // A browser: the verification page asks for a sign-in, then shows the request for approval.
        using var browser = NewBrowser();
        using (var page = await browser.GetAsync(device.GetProperty("verification_uri_complete").GetString()))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("name=\"password\"", await page.Content.ReadAsStringAsync());
        }
        using (var signedIn = await browser.PostAsync("/v1/device/verify", Form(("user_code", userCode.ToLowerInvariant().Replace("-", "")),
                   ("email", SandboxConnectionFile.WellKnown.OwnerEmail), ("password", SandboxConnectionFile.WellKnown.OwnerPassword))))
        {
            var html = await signedIn.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
            Assert.Contains("value=\"approve\"", html);
            Assert.Contains("connect:config_read", html);
        }
        using (var stillPending = await PollDeviceAsync(deviceCode))
            await ExpectOAuthErrorAsync(stillPending, (HttpStatusCode)428, "authorization_pending", userCode);
        using (var approved = await browser.PostAsync("/v1/device/verify", Form(("user_code", userCode), ("decision", "approve"))))
            Assert.Contains("signed in as", await approved.Content.ReadAsStringAsync());

        await AdvanceClockAsync(11);
        using var granted = await PollDeviceAsync(deviceCode);
        var tokens = await SandboxApi.ExpectJsonAsync(granted, HttpStatusCode.OK);
        Assert.Equal(1_209_600, tokens.GetProperty("expires_in").GetInt32());
        Assert.False(string.IsNullOrEmpty(tokens.GetProperty("refresh_token").GetString()));
        var accessToken = tokens.GetProperty("access_token").GetString()!;
        Assert.Equal(sandbox.OrgId, new JsonWebToken(accessToken).GetPayloadValue<string>("org_id"));
        using (var services = await api.SendAsync(HttpMethod.Get, api.ServicesPath, accessToken))
            Assert.Equal(HttpStatusCode.OK, services.StatusCode);

        await AdvanceClockAsync(11);
        using var again = await PollDeviceAsync(deviceCode);
        await ExpectOAuthErrorAsync(again, HttpStatusCode.BadRequest, "invalid_grant", "single-use");
    }

    [Fact]
    public async Task Device_code_expires_and_a_denied_one_says_access_denied()
    {
        var expiring = (await AuthorizeDeviceAsync(null)).GetProperty("device_code").GetString()!;
        var denied = await AuthorizeDeviceAsync(null);

        using var browser = NewBrowser();
        using (await browser.PostAsync("/v1/device/verify", Form(("user_code", denied.GetProperty("user_code").GetString()!),
                   ("email", SandboxConnectionFile.WellKnown.OwnerEmail), ("password", SandboxConnectionFile.WellKnown.OwnerPassword)))) { }
        using (await browser.PostAsync("/v1/device/verify", Form(("user_code", denied.GetProperty("user_code").GetString()!), ("decision", "deny")))) { }
        using (var refused = await PollDeviceAsync(denied.GetProperty("device_code").GetString()!))
            await ExpectOAuthErrorAsync(refused, HttpStatusCode.BadRequest, "access_denied", "denied");

        await AdvanceClockAsync(11 * 60);
        using var expired = await PollDeviceAsync(expiring);
        await ExpectOAuthErrorAsync(expired, HttpStatusCode.BadRequest, "expired_token", "expired");
    }

    [Fact]
    public async Task Device_flow_refuses_openid_scopes_and_polling_without_the_secret()
    {
        using (var openId = await api.Http.PostAsync("/v1/device/authorize", Form(("client_id", sandbox.ClientId), ("scope", "openid connect:config_read"))))
            await ExpectOAuthErrorAsync(openId, HttpStatusCode.BadRequest, "invalid_scope", "OpenID scopes");

        var deviceCode = (await AuthorizeDeviceAsync(null)).GetProperty("device_code").GetString()!;
        using var noSecret = await api.Http.PostAsync("/v1/device/token", Form(("grant_type", DeviceGrant), ("client_id", sandbox.ClientId), ("device_code", deviceCode)));
        await ExpectOAuthErrorAsync(noSecret, HttpStatusCode.Unauthorized, "invalid_client", "client secret");
    }

    [Fact]
    public async Task Connection_file_names_the_owner_sign_in_and_the_database_keeps_only_a_hash()
    {
        var file = SandboxConnectionFile.Read(sandbox.ConnectionFilePath);
        Assert.Equal(SandboxConnectionFile.WellKnown.OwnerEmail, file.OwnerEmail);
        Assert.Equal(SandboxConnectionFile.WellKnown.OwnerPassword, file.OwnerPassword);

        // The password works (this signs in) and is nowhere in the database files in clear.
        await SignedInTokensAsync();
        var password = Encoding.UTF8.GetBytes(SandboxConnectionFile.WellKnown.OwnerPassword);
        foreach (var path in new[] { sandbox.DatabasePath, sandbox.DatabasePath + "-wal" }.Where(File.Exists))
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            Assert.True(copy.ToArray().AsSpan().IndexOf(password) < 0, $"{Path.GetFileName(path)} contains the Owner's password in clear.");
        }
    }

    [Fact]
    public async Task The_clients_refresh_token_source_renews_a_token_the_sandbox_expired_and_keeps_the_rotated_refresh_token()
    {
        var tokens = await SignedInTokensAsync();
        var signIn = DigitalChannels.Client.Auth.SignInTokens.FromTokenResponse(tokens.GetRawText(), DateTimeOffset.UtcNow);
        var environment = WebexEnvironment.ForSandbox(sandbox.BaseUrl);
        using var source = new DigitalChannels.Client.Auth.RefreshTokenSource(environment, sandbox.ClientId, sandbox.ClientSecret, signIn,
            new DigitalChannels.Client.Http.SecretRedactor());
        using var pipeline = new DigitalChannels.Client.Http.WebexHttpPipeline(source, null, DigitalChannels.Client.Http.RetryPolicy.None);

        // The sandbox's clock passes the 14 days; the client's does not, so only the 401 tells it.
        await AdvanceClockAsync(15 * 24 * 3600);
        await pipeline.SendAsync(HttpMethod.Get, new Uri(environment.ConnectAdministrationBaseUri, $"organization/{sandbox.OrgId}/services"), null, CancellationToken.None);

        Assert.NotEqual(signIn.RefreshToken, source.RefreshToken);
        using var replay = await RefreshAsync(signIn.RefreshToken);
        await ExpectOAuthErrorAsync(replay, HttpStatusCode.BadRequest, "invalid_grant", "already used");
    }

    [Fact]
    public async Task An_older_sandbox_gets_the_sign_in_tables_and_the_owners_password_on_its_next_start()
    {
        using var older = new SandboxProcess();
        await older.StartAsync();
        older.Kill();
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={older.DatabasePath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"""
                DROP TABLE authorization_codes; DROP TABLE refresh_tokens; DROP TABLE device_codes; DROP TABLE sign_in_sessions;
                DELETE FROM schema_version WHERE version = 10;
                {OlderSchema.WithoutStepsFrom(11)}
                UPDATE users SET password_hash = NULL;
                """;
            command.ExecuteNonQuery();
        }
        await older.RestartAsync();

        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
            { BaseAddress = new Uri(older.BaseUrl + "/") };
        var url = $"/v1/authorize?response_type=code&client_id={older.ClientId}&redirect_uri={Uri.EscapeDataString("http://127.0.0.1:40200/cb")}&state=s";
        await SignInAsync(browser, url);
        using var allowed = await browser.PostAsync(url, Form(("consent", "allow")));
        Assert.Equal(HttpStatusCode.Redirect, allowed.StatusCode);
        Assert.Contains("code=", allowed.Headers.Location!.Query);
    }

    // ---- helpers: what curl does ----

    private static string NewVerifier() => Base64Url(RandomNumberGenerator.GetBytes(32));

    private static string Challenge(string verifier) => Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    /// <summary>A browser: its own cookie jar, and redirects are not followed so the test sees where they go.</summary>
    private HttpClient NewBrowser() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(sandbox.BaseUrl + "/") };

    private string AuthorizeUrl(string redirect, string state, string challenge, string? scope = null, string method = "S256") =>
        $"/v1/authorize?response_type=code&client_id={Uri.EscapeDataString(sandbox.ClientId)}&redirect_uri={Uri.EscapeDataString(redirect)}" +
        $"&state={Uri.EscapeDataString(state)}&code_challenge={challenge}&code_challenge_method={method}" +
        (scope is null ? "" : $"&scope={Uri.EscapeDataString(scope)}");

    private static async Task SignInAsync(HttpClient browser, string url)
    {
        using (var form = await browser.GetAsync(url))
        {
            Assert.Equal(HttpStatusCode.OK, form.StatusCode);
            Assert.Contains("name=\"password\"", await form.Content.ReadAsStringAsync());
        }
        using var consent = await browser.PostAsync(url, Form(("email", SandboxConnectionFile.WellKnown.OwnerEmail), ("password", SandboxConnectionFile.WellKnown.OwnerPassword)));
        Assert.Equal(HttpStatusCode.OK, consent.StatusCode);
        Assert.Contains("value=\"allow\"", await consent.Content.ReadAsStringAsync());
    }

    /// <summary>GET /v1/authorize, sign in with the Owner's password, allow: returns the code and state from the loopback redirect.</summary>
    private async Task<(string Code, string State)> SignInAndConsentAsync(string verifier, string redirect, string? scope = null)
    {
        using var browser = NewBrowser();
        var state = Guid.NewGuid().ToString("N");
        var url = AuthorizeUrl(redirect, state, Challenge(verifier), scope);
        await SignInAsync(browser, url);
        using var allowed = await browser.PostAsync(url, Form(("consent", "allow")));
        Assert.Equal(HttpStatusCode.Redirect, allowed.StatusCode);
        var location = allowed.Headers.Location!;
        Assert.StartsWith(redirect.Split('?')[0], location.ToString());
        var query = HttpUtility.ParseQueryString(location.Query);
        Assert.Equal(state, query["state"]);
        return (query["code"]!, query["state"]!);
    }

    private async Task<JsonElement> SignedInTokensAsync()
    {
        var verifier = NewVerifier();
        var redirect = "http://127.0.0.1:40100/cb";
        var (code, _) = await SignInAndConsentAsync(verifier, redirect);
        using var response = await RedeemAsync(code, verifier, redirect);
        return await SandboxApi.ExpectJsonAsync(response, HttpStatusCode.OK);
    }

    private Task<HttpResponseMessage> RedeemAsync(string code, string? verifier, string redirect)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = redirect };
        if (verifier is not null) form["code_verifier"] = verifier;
        return PostTokenAsync(form, basic: true);
    }

    private Task<HttpResponseMessage> RefreshAsync(string refreshToken) =>
        PostTokenAsync(new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken }, basic: false);

    private Task<HttpResponseMessage> PollDeviceAsync(string deviceCode) =>
        PostTokenAsync(new Dictionary<string, string> { ["grant_type"] = DeviceGrant, ["device_code"] = deviceCode }, basic: true, path: "/v1/device/token");

    /// <summary>client_secret_basic, or client_secret_post when <paramref name="basic"/> is false (the form then carries the secret if it has a client_id).</summary>
    private async Task<HttpResponseMessage> PostTokenAsync(Dictionary<string, string> form, bool basic, string path = "/v1/access_token")
    {
        if (!basic && !form.ContainsKey("client_id"))
        {
            form["client_id"] = sandbox.ClientId;
            form["client_secret"] = sandbox.ClientSecret;
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
        if (basic)
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(sandbox.ClientId)}:{Uri.EscapeDataString(sandbox.ClientSecret)}")));
        return await api.Http.SendAsync(request);
    }

    private async Task<JsonElement> AuthorizeDeviceAsync(string? scope)
    {
        var fields = new List<(string, string)> { ("client_id", sandbox.ClientId) };
        if (scope is not null) fields.Add(("scope", scope));
        using var response = await api.Http.PostAsync("/v1/device/authorize", Form(fields.ToArray()));
        return await SandboxApi.ExpectJsonAsync(response, HttpStatusCode.OK);
    }

    private async Task AdvanceClockAsync(int seconds)
    {
        using var response = await api.SendAsync(HttpMethod.Post, "/sandbox/v1/clock/advance", await api.OwnerTokenAsync(), new { seconds });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task ExpectOAuthErrorAsync(HttpResponseMessage response, HttpStatusCode status, string error, string descriptionPart)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal(error, json.GetProperty("error").GetString());
        Assert.Contains(descriptionPart, json.GetProperty("error_description").GetString());
    }
}
