using System.Net;
using DigitalChannels.IntegrationTests.Infrastructure;
using Xunit;

namespace DigitalChannels.IntegrationTests.Sandbox;

/// <summary>The checks every API call makes: token (401), organization (403), scope (403), role (403).</summary>
[Collection(SharedSandboxCollection.Name)]
public sealed class AuthorizationTests : IDisposable
{
    private readonly SandboxProcess sandbox;
    private readonly SandboxApi api;

    public AuthorizationTests(SandboxProcess sandbox)
    {
        this.sandbox = sandbox;
        api = new SandboxApi(sandbox);
    }

    [Fact]
    public async Task No_token_is_401_with_a_bearer_challenge()
    {
        using var response = await api.SendAsync(HttpMethod.Get, api.ServicesPath, token: null);
        await SandboxApi.ExpectProblemAsync(response, HttpStatusCode.Unauthorized, "token.missing", "Authorization");
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Contains("error=\"invalid_token\"", challenge.Parameter);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl")]
    public async Task Garbage_token_is_401(string token)
    {
        using var response = await api.SendAsync(HttpMethod.Get, api.ServicesPath, token);
        await SandboxApi.ExpectProblemAsync(response, HttpStatusCode.Unauthorized, "token.invalid");
        Assert.Contains("error=\"invalid_token\"", Assert.Single(response.Headers.WwwAuthenticate).Parameter);
    }

    [Fact]
    public async Task Non_bearer_scheme_is_401_naming_the_scheme()
    {
        using var response = await api.SendAsync(HttpMethod.Get, api.ServicesPath, token: null,
            headers: new Dictionary<string, string> { ["Authorization"] = "Basic dXNlcjpwYXNz" });
        await SandboxApi.ExpectProblemAsync(response, HttpStatusCode.Unauthorized, "token.invalid", "'Basic'");
    }

    [Fact]
    public async Task Expired_token_is_401_even_within_a_minute_of_expiry()
    {
        // Expired 45 s ago: past the 30 s clock skew.
        var token = new TokenForge(sandbox).Create(issuedAt: DateTime.UtcNow.AddMinutes(-10), lifetime: TimeSpan.FromSeconds(555));
        using var response = await api.SendAsync(HttpMethod.Get, api.ServicesPath, token);
        await SandboxApi.ExpectProblemAsync(response, HttpStatusCode.Unauthorized, "token.invalid", "expired");
    }

    [Fact]
    public async Task Token_within_the_clock_skew_still_works()
    {
        var token = new TokenForge(sandbox).Create(issuedAt: DateTime.UtcNow.AddMinutes(-10), lifetime: TimeSpan.FromSeconds(590));
        using var response = await api.SendAsync(HttpMethod.Get, api.ServicesPath, token);
        await SandboxApi.ExpectJsonAsync(response, HttpStatusCode.OK);
    }

    [Fact]
    public async Task Token_signed_by_another_key_is_401()
    {
        var token = new TokenForge(sandbox).Create(foreignKey: true);
        using var response = await api.SendAsync(HttpMethod.Get, api.ServicesPath, token);
        await SandboxApi.ExpectProblemAsync(response, HttpStatusCode.Unauthorized, "token.invalid", "signature");
    }

    [Fact]
    public async Task Token_from_another_issuer_is_401_naming_it()
    {
        var token = new TokenForge(sandbox).Create(issuer: "https://idbroker.webex.com/idb");
        using var response = await api.SendAsync(HttpMethod.Get, api.ServicesPath, token);
        await SandboxApi.ExpectProblemAsync(response, HttpStatusCode.Unauthorized, "token.invalid", "'https://idbroker.webex.com/idb'");
    }

    [Fact]
    public async Task Forged_token_with_the_sandbox_key_works_which_proves_the_forge_is_faithful()
    {
        using var response = await api.SendAsync(HttpMethod.Get, api.ServicesPath, new TokenForge(sandbox).Create());
        await SandboxApi.ExpectJsonAsync(response, HttpStatusCode.OK);
    }

    [Fact]
    public async Task Token_of_one_organization_on_another_organizations_path_is_403_naming_both()
    {
        var otherOrg = Guid.NewGuid().ToString();
        using var response = await api.SendAsync(HttpMethod.Get, $"/connect/v1/organization/{otherOrg}/services", await api.OwnerTokenAsync());
        await SandboxApi.ExpectProblemAsync(response, HttpStatusCode.Forbidden, "organization.mismatch", otherOrg, sandbox.OrgId);
    }

    [Fact]
    public async Task Token_for_an_organization_that_does_not_exist_is_404_naming_it()
    {
        var missingOrg = Guid.NewGuid().ToString();
        var token = new TokenForge(sandbox).Create(organizationId: missingOrg);
        using var response = await api.SendAsync(HttpMethod.Get, $"/connect/v1/organization/{missingOrg}/services", token);
        await SandboxApi.ExpectProblemAsync(response, HttpStatusCode.NotFound, "organization.not_found", missingOrg);
    }

    [Fact]
    public async Task Token_with_only_cjp_read_cannot_list_services_and_the_error_names_the_scope()
    {
        using var response = await api.SendAsync(HttpMethod.Get, api.ServicesPath, await api.OwnerTokenAsync("cjp:config_read"));
        await SandboxApi.ExpectProblemAsync(response, HttpStatusCode.Forbidden, "scope.missing", "'connect:config_read'", "cjp:config_read");
    }

    [Fact]
    public async Task Token_with_only_connect_read_cannot_create_and_the_error_names_the_write_scope()
    {
        using var response = await api.SendAsync(HttpMethod.Post, api.ServicesPath, await api.OwnerTokenAsync("connect:config_read"),
            new { name = SandboxApi.UniqueName("Scope check") });
        await SandboxApi.ExpectProblemAsync(response, HttpStatusCode.Forbidden, "scope.missing", "'connect:config_write'");
    }

    [Fact]
    public async Task ReadOnly_role_reads_but_cannot_create_or_see_credentials()
    {
        var ownerToken = await api.OwnerTokenAsync();
        var service = await api.CreateServiceAsync(ownerToken, SandboxApi.UniqueName("ReadOnly target"));
        var id = service.GetProperty("id").GetString();
        var readOnly = await api.TokenForNewApplicationAsync("ReadOnly", "connect:config_read", "connect:config_write");

        using (var list = await api.SendAsync(HttpMethod.Get, api.ServicesPath, readOnly)) await SandboxApi.ExpectJsonAsync(list, HttpStatusCode.OK);
        using (var get = await api.SendAsync(HttpMethod.Get, $"{api.ServicesPath}/{id}", readOnly)) await SandboxApi.ExpectJsonAsync(get, HttpStatusCode.OK);
        using (var create = await api.SendAsync(HttpMethod.Post, api.ServicesPath, readOnly, new { name = SandboxApi.UniqueName("Not allowed") }))
            await SandboxApi.ExpectProblemAsync(create, HttpStatusCode.Forbidden, "role.forbidden", "'ReadOnly'", "change the configuration");
        using (var credentials = await api.SendAsync(HttpMethod.Get, $"{api.ServicesPath}/{id}/credentials", readOnly))
            await SandboxApi.ExpectProblemAsync(credentials, HttpStatusCode.Forbidden, "role.forbidden", "'ReadOnly'", "view service credentials");
    }

    [Fact]
    public async Task LimitedAccess_role_changes_services_and_sees_credentials_but_cannot_delete()
    {
        var limited = await api.TokenForNewApplicationAsync("LimitedAccess", "connect:config_read", "connect:config_write");
        var service = await api.CreateServiceAsync(limited, SandboxApi.UniqueName("Limited"));
        var path = $"{api.ServicesPath}/{service.GetProperty("id").GetString()}";

        using (var patch = await api.SendAsync(HttpMethod.Patch, path, limited, new { description = "changed" }))
            await SandboxApi.ExpectJsonAsync(patch, HttpStatusCode.OK);
        using (var credentials = await api.SendAsync(HttpMethod.Get, path + "/credentials", limited))
            await SandboxApi.ExpectJsonAsync(credentials, HttpStatusCode.OK);
        using (var delete = await api.SendAsync(HttpMethod.Delete, path, limited))
            await SandboxApi.ExpectProblemAsync(delete, HttpStatusCode.Forbidden, "role.forbidden", "'LimitedAccess'", "delete services");
        using (var stillThere = await api.SendAsync(HttpMethod.Get, path, limited))
            await SandboxApi.ExpectJsonAsync(stillThere, HttpStatusCode.OK);
    }

    [Fact]
    public async Task Restricted_role_cannot_read_services()
    {
        var restricted = await api.TokenForNewApplicationAsync("Restricted", "connect:config_read");
        using var response = await api.SendAsync(HttpMethod.Get, api.ServicesPath, restricted);
        await SandboxApi.ExpectProblemAsync(response, HttpStatusCode.Forbidden, "role.forbidden", "'Restricted'", "read the configuration");
    }

    [Fact]
    public async Task Role_is_read_on_every_request_so_a_change_applies_to_existing_tokens()
    {
        var application = await api.CreateApplicationAsync("FullAccess", "connect:config_read", "connect:config_write");
        var token = await api.TokenAsync(application.ClientId, application.ClientSecret);
        await api.CreateServiceAsync(token, SandboxApi.UniqueName("Before demotion"));

        new DigitalChannels.Sandbox.Storage.SandboxDatabase(sandbox.DataDirectory).Write(session =>
            session.Execute("UPDATE users SET connect_role = 'ReadOnly' WHERE id = $id;", ("$id", application.UserId)));

        using var response = await api.SendAsync(HttpMethod.Post, api.ServicesPath, token, new { name = SandboxApi.UniqueName("After demotion") });
        await SandboxApi.ExpectProblemAsync(response, HttpStatusCode.Forbidden, "role.forbidden", "'ReadOnly'");
    }

    [Fact]
    public async Task Missing_scope_is_reported_before_the_role()
    {
        var readOnly = await api.TokenForNewApplicationAsync("ReadOnly", "connect:config_read");
        using var response = await api.SendAsync(HttpMethod.Post, api.ServicesPath, readOnly, new { name = "x" });
        await SandboxApi.ExpectProblemAsync(response, HttpStatusCode.Forbidden, "scope.missing", "'connect:config_write'");
    }

    [Fact]
    public async Task Authentication_comes_before_body_parsing()
    {
        using var response = await api.SendAsync(HttpMethod.Post, api.ServicesPath, token: null, "{ not json");
        await SandboxApi.ExpectProblemAsync(response, HttpStatusCode.Unauthorized, "token.missing");
    }

    [Fact]
    public async Task Management_api_needs_the_sandbox_admin_scope_and_the_owner_role()
    {
        var body = new { name = "x", role = "ReadOnly", scopes = new[] { "connect:config_read" } };
        using (var noScope = await api.SendAsync(HttpMethod.Post, api.ApplicationsPath, await api.OwnerTokenAsync("connect:config_write"), body))
            await SandboxApi.ExpectProblemAsync(noScope, HttpStatusCode.Forbidden, "scope.missing", "'sandbox:admin'");

        var fullAccess = await api.TokenForNewApplicationAsync("FullAccess", "sandbox:admin");
        using (var notOwner = await api.SendAsync(HttpMethod.Post, api.ApplicationsPath, fullAccess, body))
            await SandboxApi.ExpectProblemAsync(notOwner, HttpStatusCode.Forbidden, "role.forbidden", "'FullAccess'", "manage sandbox applications");
    }

    [Fact]
    public async Task An_app_with_the_owner_role_acts_as_the_one_owner_instead_of_creating_another()
    {
        var ownerToken = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(await api.OwnerTokenAsync());
        var created = await api.CreateApplicationAsync("Owner", "connect:config_read");

        Assert.Equal(ownerToken.GetClaim("user_id").Value, created.UserId);
    }

    [Fact]
    public async Task Management_api_creates_an_app_whose_credentials_work()
    {
        var created = await api.CreateApplicationAsync("FullAccess", "connect:config_read", "connect:config_write");
        Assert.Matches("^C[0-9a-f]{64}$", created.ClientId);
        Assert.Matches("^[0-9a-f]{64}$", created.ClientSecret);
        Assert.Equal("FullAccess", created.Role);
        Assert.Equal(["connect:config_read", "connect:config_write"], created.Scopes);
        Assert.True(Guid.TryParse(created.UserId, out _));

        var token = await api.TokenAsync(created.ClientId, created.ClientSecret);
        var jwt = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(token);
        Assert.Equal(created.UserId, jwt.GetClaim("user_id").Value);
        Assert.Equal("connect:config_read connect:config_write", jwt.GetClaim("scope").Value);
    }

    [Theory]
    [InlineData("""{"name":"x","role":"Administrator","scopes":[]}""", "'Administrator'")]
    [InlineData("""{"name":"x","role":"ReadOnly","scopes":["connect:config_read","cjp:everything"]}""", "'cjp:everything'")]
    [InlineData("""{"name":"x","scopes":[]}""", "'role'")]
    [InlineData("""{"name":"x","role":"ReadOnly","scopes":"connect:config_read"}""", "'scopes'")]
    public async Task Management_api_rejects_bad_roles_and_scopes_naming_them(string body, string named)
    {
        using var response = await api.SendAsync(HttpMethod.Post, api.ApplicationsPath, await api.OwnerTokenAsync(), body);
        await SandboxApi.ExpectProblemAsync(response, HttpStatusCode.BadRequest, "request.invalid_field", named);
    }

    public void Dispose() => api.Dispose();
}
