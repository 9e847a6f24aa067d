using System.Net;
using System.Text;
using System.Text.Json;
using DigitalChannels.IntegrationTests.Hardening;
using DigitalChannels.IntegrationTests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Xunit;

namespace DigitalChannels.IntegrationTests.Sandbox;

/// <summary>
/// Webex Service Apps on the sandbox, over plain HTTP: <c>POST /v1/applications/{applicationId}/token</c> with an
/// administrator's token holding spark:applications_token, the Full Admin's authorization per organization, the
/// refusals (scope, not authorized, wrong secret), Webex's lifetimes on the sandbox clock and the ordinary refresh.
/// The tests move the clock, so the class owns its sandbox.
/// </summary>
public sealed class ServiceAppTests : IClassFixture<ServiceAppTests.Sandbox>, IDisposable
{
    /// <summary>Provisioning without delay, so that a second tenant is activated at once.</summary>
    public sealed class Sandbox : SandboxProcess
    {
        public Sandbox() => ExtraArguments = ["--provisioning-seconds", "0"];
    }

    private readonly SandboxProcess sandbox;
    private readonly SandboxApi api;

    public ServiceAppTests(Sandbox sandbox)
    {
        this.sandbox = sandbox;
        api = new SandboxApi(sandbox);
    }

    public void Dispose() => api.Dispose();

    private static string ApplicationIdOf(string clientId) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"ciscospark://us/APPLICATION/{clientId}")).TrimEnd('=');

    private static string WebexOrgId(string orgId) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"ciscospark://us/ORGANIZATION/{orgId}")).TrimEnd('=');

    private string AuthorizationPath(string orgId, string applicationId) => $"/sandbox/v1/organization/{orgId}/service-apps/{applicationId}/authorization";

    private async Task<(string ApplicationId, SandboxApplication App)> NewServiceAppAsync()
    {
        using var response = await api.SendAsync(HttpMethod.Post, api.ApplicationsPath, await api.OwnerTokenAsync(),
            new { name = SandboxApi.UniqueName("Runbook service app"), role = "ReadOnly", scopes = new[] { "connect:config_read", "cjp:config_read" } });
        var created = await SandboxApi.ExpectJsonAsync(response, HttpStatusCode.Created);
        var app = created.Deserialize<SandboxApplication>(new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        var applicationId = created.GetProperty("applicationId").GetString()!;
        Assert.Equal(ApplicationIdOf(app.ClientId), applicationId);
        return (applicationId, app);
    }

    private Task<HttpResponseMessage> RequestPairAsync(string? adminToken, string applicationId, string clientId, string clientSecret, string targetOrgId) =>
        api.SendAsync(HttpMethod.Post, $"/v1/applications/{applicationId}/token", adminToken, new { clientId, clientSecret, targetOrgId });

    private async Task<HttpResponseMessage> RefreshAsync(SandboxApplication app, string refreshToken) =>
        await api.Http.PostAsync("/v1/access_token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken, ["client_id"] = app.ClientId, ["client_secret"] = app.ClientSecret,
        }));

    private async Task AdvanceClockAsync(int seconds)
    {
        using var response = await api.SendAsync(HttpMethod.Post, "/sandbox/v1/clock/advance", await api.OwnerTokenAsync(), new { seconds });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_authorized_service_app_gets_a_pair_with_Webex_lifetimes_that_acts_as_its_machine_account_and_refreshes()
    {
        var (applicationId, app) = await NewServiceAppAsync();
        var admin = await api.OwnerTokenAsync();

        // Before a Full Admin authorizes it: refused with the reason, naming the organization.
        using (var early = await RequestPairAsync(admin, applicationId, app.ClientId, app.ClientSecret, sandbox.OrgId))
            await SandboxApi.ExpectProblemAsync(early, HttpStatusCode.Forbidden, "service_app.not_authorized", $"is not authorized for organization '{sandbox.OrgId}'");

        JsonElement authorization;
        using (var put = await api.SendAsync(HttpMethod.Put, AuthorizationPath(sandbox.OrgId, applicationId), admin))
            authorization = await SandboxApi.ExpectJsonAsync(put, HttpStatusCode.Created);
        using (var again = await api.SendAsync(HttpMethod.Put, AuthorizationPath(sandbox.OrgId, applicationId), admin))
            Assert.Equal(authorization.GetProperty("machineAccountEmail").GetString(), (await SandboxApi.ExpectJsonAsync(again, HttpStatusCode.OK)).GetProperty("machineAccountEmail").GetString());

        // The refusals, each with its own reason.
        using (var noScope = await RequestPairAsync(await api.OwnerTokenAsync("connect:config_read"), applicationId, app.ClientId, app.ClientSecret, sandbox.OrgId))
            await SandboxApi.ExpectProblemAsync(noScope, HttpStatusCode.Forbidden, "scope.missing", "spark:applications_token");
        using (var wrongSecret = await RequestPairAsync(admin, applicationId, app.ClientId, new string('0', 64), sandbox.OrgId))
        {
            var body = await SandboxApi.ExpectProblemAsync(wrongSecret, HttpStatusCode.Unauthorized, "service_app.invalid_client", "clientId or clientSecret is not that of service app");
            Assert.DoesNotContain(new string('0', 64), body.ToString());
        }
        using (var otherClient = await RequestPairAsync(admin, applicationId, sandbox.ClientId, sandbox.ClientSecret, sandbox.OrgId))
            await SandboxApi.ExpectProblemAsync(otherClient, HttpStatusCode.Unauthorized, "service_app.invalid_client");
        using (var unknownApp = await RequestPairAsync(admin, ApplicationIdOf("C" + new string('a', 64)), app.ClientId, app.ClientSecret, sandbox.OrgId))
            await SandboxApi.ExpectProblemAsync(unknownApp, HttpStatusCode.NotFound, "application.not_found");
        var nowhere = Guid.NewGuid().ToString("D");
        using (var unknownOrg = await RequestPairAsync(admin, applicationId, app.ClientId, app.ClientSecret, nowhere))
            await SandboxApi.ExpectProblemAsync(unknownOrg, HttpStatusCode.NotFound, "organization.not_found", nowhere);
        using (var anonymous = await RequestPairAsync(null, applicationId, app.ClientId, app.ClientSecret, sandbox.OrgId))
            await SandboxApi.ExpectProblemAsync(anonymous, HttpStatusCode.Unauthorized, "token.missing");

        // Webex's answer, with Webex's form of the organization id.
        JsonElement pair;
        using (var ok = await RequestPairAsync(admin, applicationId, app.ClientId, app.ClientSecret, WebexOrgId(sandbox.OrgId)))
        {
            Assert.Equal("no-store", ok.Headers.CacheControl?.ToString());
            pair = await SandboxApi.ExpectJsonAsync(ok, HttpStatusCode.OK);
        }
        Assert.Equal(3600, pair.GetProperty("expires_in").GetInt32());
        Assert.Equal(7_776_000, pair.GetProperty("refresh_token_expires_in").GetInt32());
        Assert.Equal("Bearer", pair.GetProperty("token_type").GetString());
        var access = pair.GetProperty("access_token").GetString()!;
        var jwt = new JsonWebToken(access);
        Assert.Equal(app.ClientId, jwt.Subject);
        Assert.Equal(sandbox.OrgId, jwt.GetPayloadValue<string>("org_id"));
        Assert.NotEqual(app.UserId, jwt.GetPayloadValue<string>("user_id")); // the machine account, not the app's own user
        Assert.Equal("connect:config_read cjp:config_read", jwt.GetPayloadValue<string>("scope"));

        using (var services = await api.SendAsync(HttpMethod.Get, api.ServicesPath, access))
            await SandboxApi.ExpectJsonAsync(services, HttpStatusCode.OK);
        using (var write = await api.SendAsync(HttpMethod.Post, api.ServicesPath, access, new { name = SandboxApi.UniqueName("Not allowed") }))
            await SandboxApi.ExpectProblemAsync(write, HttpStatusCode.Forbidden, "scope.missing", "connect:config_write");

        // After the access token's hour: refused; the ordinary refresh_token grant with the app's own credentials renews the pair.
        await AdvanceClockAsync(3600 + 60);
        using (var expired = await api.SendAsync(HttpMethod.Get, api.ServicesPath, access))
            await SandboxApi.ExpectProblemAsync(expired, HttpStatusCode.Unauthorized, "token.invalid", "expired");
        JsonElement renewed;
        using (var refresh = await RefreshAsync(app, pair.GetProperty("refresh_token").GetString()!))
            renewed = await SandboxApi.ExpectJsonAsync(refresh, HttpStatusCode.OK);
        Assert.Equal(3600, renewed.GetProperty("expires_in").GetInt32());
        Assert.Equal(7_776_000, renewed.GetProperty("refresh_token_expires_in").GetInt32());
        using (var services = await api.SendAsync(HttpMethod.Get, api.ServicesPath, renewed.GetProperty("access_token").GetString()))
            await SandboxApi.ExpectJsonAsync(services, HttpStatusCode.OK);

        // Ninety days without use: the refresh token is gone.
        await AdvanceClockAsync(90 * 86_400 + 60);
        using (var late = await RefreshAsync(app, renewed.GetProperty("refresh_token").GetString()!))
            Assert.Contains("invalid_grant", await late.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Another_organizations_Full_Admin_authorizes_the_app_there_and_withdrawing_it_revokes_its_tokens()
    {
        var (applicationId, app) = await NewServiceAppAsync();
        var (orgB, tokenB) = await TenantIsolationTests.ActivatedTenantAsync(api, await api.OwnerTokenAsync());

        using (var refused = await RequestPairAsync(tokenB, applicationId, app.ClientId, app.ClientSecret, orgB))
            await SandboxApi.ExpectProblemAsync(refused, HttpStatusCode.Forbidden, "service_app.not_authorized", orgB);
        // A's Owner cannot authorize the app in B: the path names B.
        using (var foreign = await api.SendAsync(HttpMethod.Put, AuthorizationPath(orgB, applicationId), await api.OwnerTokenAsync()))
            await SandboxApi.ExpectProblemAsync(foreign, HttpStatusCode.Forbidden, "organization.mismatch");
        using (var put = await api.SendAsync(HttpMethod.Put, AuthorizationPath(orgB, applicationId), tokenB))
            Assert.Equal(orgB, (await SandboxApi.ExpectJsonAsync(put, HttpStatusCode.Created)).GetProperty("organizationId").GetString());

        // Authorized in B only: a pair for B (asked by A's administrator, who holds the app's secret), none for A.
        using (var forA = await RequestPairAsync(await api.OwnerTokenAsync(), applicationId, app.ClientId, app.ClientSecret, sandbox.OrgId))
            await SandboxApi.ExpectProblemAsync(forA, HttpStatusCode.Forbidden, "service_app.not_authorized");
        JsonElement pair;
        using (var ok = await RequestPairAsync(await api.OwnerTokenAsync(), applicationId, app.ClientId, app.ClientSecret, orgB))
            pair = await SandboxApi.ExpectJsonAsync(ok, HttpStatusCode.OK);
        var access = pair.GetProperty("access_token").GetString();
        using (var inB = await api.SendAsync(HttpMethod.Get, $"/connect/v1/organization/{orgB}/services", access))
            await SandboxApi.ExpectJsonAsync(inB, HttpStatusCode.OK);
        using (var inA = await api.SendAsync(HttpMethod.Get, api.ServicesPath, access))
            await SandboxApi.ExpectProblemAsync(inA, HttpStatusCode.Forbidden, "organization.mismatch");

        // B's Full Admin withdraws it: the access token dies at once, the refresh token answers invalid_grant.
        using (var delete = await api.SendAsync(HttpMethod.Delete, AuthorizationPath(orgB, applicationId), tokenB))
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        using (var revoked = await api.SendAsync(HttpMethod.Get, $"/connect/v1/organization/{orgB}/services", access))
            await SandboxApi.ExpectProblemAsync(revoked, HttpStatusCode.Unauthorized, "token.invalid", $"is no longer authorized for organization '{orgB}'");
        using (var refresh = await RefreshAsync(app, pair.GetProperty("refresh_token").GetString()!))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refresh.StatusCode);
            var body = JsonDocument.Parse(await refresh.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal("invalid_grant", body.GetProperty("error").GetString());
            Assert.Contains($"no longer authorized for organization '{orgB}'", body.GetProperty("error_description").GetString());
        }
        using (var twice = await api.SendAsync(HttpMethod.Delete, AuthorizationPath(orgB, applicationId), tokenB))
            await SandboxApi.ExpectProblemAsync(twice, HttpStatusCode.NotFound, "service_app.not_authorized");
    }

    [Fact]
    public async Task An_older_sandbox_gets_the_authorizations_table_and_the_default_apps_scope_on_its_next_start()
    {
        using var older = new SandboxProcess();
        await older.StartAsync();
        older.Kill();
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={older.DatabasePath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"""
                {OlderSchema.WithoutStepsFrom(11)}
                UPDATE service_applications SET scopes = replace(scopes, ' spark:applications_token', '');
                """;
            command.ExecuteNonQuery();
        }
        await older.RestartAsync();

        using var olderApi = new SandboxApi(older);
        var admin = await olderApi.TokenAsync(older.ClientId, older.ClientSecret, "spark:applications_token sandbox:admin");
        var applicationId = ApplicationIdOf(older.ClientId);
        using (var put = await olderApi.SendAsync(HttpMethod.Put, $"/sandbox/v1/organization/{older.OrgId}/service-apps/{applicationId}/authorization", admin))
            await SandboxApi.ExpectJsonAsync(put, HttpStatusCode.Created);
        using var pair = await olderApi.SendAsync(HttpMethod.Post, $"/v1/applications/{applicationId}/token", admin,
            new { clientId = older.ClientId, clientSecret = older.ClientSecret, targetOrgId = older.OrgId });
        await SandboxApi.ExpectJsonAsync(pair, HttpStatusCode.OK);
    }

    [Fact]
    public async Task Discovery_advertises_the_service_app_token_endpoint_and_the_scope()
    {
        var discovery = JsonDocument.Parse(await api.Http.GetStringAsync("/v1/.well-known/openid-configuration")).RootElement;
        Assert.Equal(sandbox.BaseUrl + "/v1/applications/{applicationId}/token", discovery.GetProperty("service_app_token_endpoint").GetString());
        Assert.Contains(discovery.GetProperty("scopes_supported").EnumerateArray(), s => s.GetString() == "spark:applications_token");
    }
}
