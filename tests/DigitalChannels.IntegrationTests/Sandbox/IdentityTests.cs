using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DigitalChannels.Client.Environments;
using DigitalChannels.IntegrationTests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Xunit;

namespace DigitalChannels.IntegrationTests.Sandbox;

/// <summary>OIDC discovery, JWKS and the client-credentials token endpoint, over plain HTTP.</summary>
[Collection(SharedSandboxCollection.Name)]
public sealed class IdentityTests : IDisposable
{
    private static readonly string[] AllScopes =
        ["connect:config_read", "connect:config_write", "cjp:config_read", "cjp:config_write", "spark-admin:people_read", "spark-admin:people_write",
         "engage:config_read", "engage:config_write", "sandbox:admin", "spark:applications_token"];

    private readonly SandboxProcess sandbox;
    private readonly SandboxApi api;

    public IdentityTests(SandboxProcess sandbox)
    {
        this.sandbox = sandbox;
        api = new SandboxApi(sandbox);
    }

    [Fact]
    public async Task Discovery_names_an_https_issuer_and_the_real_http_endpoints()
    {
        var discovery = await api.Http.GetFromJsonAsync<JsonElement>("/v1/.well-known/openid-configuration");
        var authority = new Uri(sandbox.BaseUrl).Authority;

        Assert.Equal($"https://{authority}/v1", discovery.GetProperty("issuer").GetString());
        Assert.Equal($"{sandbox.BaseUrl}/v1/access_token", discovery.GetProperty("token_endpoint").GetString());
        Assert.Equal($"{sandbox.BaseUrl}/v1/jwks", discovery.GetProperty("jwks_uri").GetString());
        Assert.Equal($"{sandbox.BaseUrl}/v1/authorize", discovery.GetProperty("authorization_endpoint").GetString());
        Assert.Equal(["client_credentials", "authorization_code", "refresh_token", "urn:ietf:params:oauth:grant-type:device_code"],
            Strings(discovery, "grant_types_supported"));
        Assert.Equal($"{sandbox.BaseUrl}/v1/device/authorize", discovery.GetProperty("device_authorization_endpoint").GetString());
        Assert.Equal(["S256", "plain"], Strings(discovery, "code_challenge_methods_supported"));
        Assert.Equal(["client_secret_post", "client_secret_basic"], Strings(discovery, "token_endpoint_auth_methods_supported"));
        Assert.Equal(AllScopes.Order(), Strings(discovery, "scopes_supported").Order());
        Assert.Equal(["code"], Strings(discovery, "response_types_supported"));
        Assert.Equal(["public"], Strings(discovery, "subject_types_supported"));
        Assert.Equal(["RS256"], Strings(discovery, "id_token_signing_alg_values_supported"));
    }

    [Fact]
    public async Task Jwks_publishes_the_rsa_key_that_signs_tokens()
    {
        var jwks = await api.Http.GetFromJsonAsync<JsonElement>("/v1/jwks");
        var key = Assert.Single(jwks.GetProperty("keys").EnumerateArray());
        Assert.Equal("RSA", key.GetProperty("kty").GetString());
        Assert.Equal("sig", key.GetProperty("use").GetString());
        Assert.Equal("RS256", key.GetProperty("alg").GetString());
        Assert.Equal("AQAB", key.GetProperty("e").GetString());
        Assert.Equal(256, Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(key.GetProperty("n").GetString()).Length);
        Assert.False(key.TryGetProperty("d", out _), "The JWKS must not contain the private exponent.");

        var token = new JsonWebToken(await api.OwnerTokenAsync());
        Assert.Equal(key.GetProperty("kid").GetString(), token.Kid);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Token_endpoint_accepts_the_connection_file_credentials_by_post_and_basic(bool useBasic)
    {
        var connection = SandboxConnectionFile.Read(sandbox.DataDirectory);
        using var response = await api.RequestTokenAsync(connection.ClientId, connection.ClientSecret, useBasic: useBasic);
        var body = await SandboxApi.ExpectJsonAsync(response, HttpStatusCode.OK);

        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        Assert.Equal(3600, body.GetProperty("expires_in").GetInt32());
        Assert.Equal(AllScopes.Order(), body.GetProperty("scope").GetString()!.Split(' ').Order());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());

        var token = new JsonWebToken(body.GetProperty("access_token").GetString());
        Assert.Equal("RS256", token.Alg);
        Assert.Equal($"https://{new Uri(sandbox.BaseUrl).Authority}/v1", token.Issuer);
        Assert.Equal(["digitalchannels-sandbox"], token.Audiences);
        Assert.Equal(connection.ClientId, token.Subject);
        Assert.Equal(connection.ClientId, token.GetClaim("azp").Value);
        Assert.Equal(SandboxConnectionFile.WellKnown.OrganizationId, token.GetClaim("org_id").Value);
        Assert.Matches("^[0-9a-f-]{36}$", token.GetClaim("user_id").Value);
        Assert.Equal(body.GetProperty("scope").GetString(), token.GetClaim("scope").Value);
        Assert.True(Guid.TryParse(token.Id, out _), $"jti '{token.Id}' should be a uuid");
        Assert.InRange((token.ValidTo - token.IssuedAt).TotalSeconds, 3599, 3601);
        Assert.Equal(token.IssuedAt, token.ValidFrom);
    }

    [Fact]
    public async Task Token_endpoint_grants_only_the_requested_scopes_and_ignores_unknown_parameters()
    {
        using var response = await api.RequestTokenAsync(sandbox.ClientId, sandbox.ClientSecret, "connect:config_read cjp:config_read",
            extra: new Dictionary<string, string> { ["client_info"] = "2", ["something_else"] = "x" });
        var body = await SandboxApi.ExpectJsonAsync(response, HttpStatusCode.OK);
        Assert.Equal("connect:config_read cjp:config_read", body.GetProperty("scope").GetString());
        Assert.Equal("connect:config_read cjp:config_read", new JsonWebToken(body.GetProperty("access_token").GetString()).GetClaim("scope").Value);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Wrong_secret_and_unknown_client_get_the_same_invalid_client_answer(bool useBasic)
    {
        using var wrongSecret = await api.RequestTokenAsync(sandbox.ClientId, "0" + sandbox.ClientSecret[1..], useBasic: useBasic);
        var wrongSecretBody = await SandboxApi.ExpectJsonAsync(wrongSecret, HttpStatusCode.Unauthorized);
        using var unknownClient = await api.RequestTokenAsync("C" + new string('0', 64), sandbox.ClientSecret, useBasic: useBasic);
        var unknownClientBody = await SandboxApi.ExpectJsonAsync(unknownClient, HttpStatusCode.Unauthorized);

        Assert.Equal("invalid_client", wrongSecretBody.GetProperty("error").GetString());
        Assert.Equal("invalid_client", unknownClientBody.GetProperty("error").GetString());
        Assert.Equal(wrongSecretBody.GetProperty("error_description").GetString(), unknownClientBody.GetProperty("error_description").GetString());
        Assert.False(wrongSecretBody.TryGetProperty("access_token", out _));
    }

    [Fact]
    public async Task Unknown_scope_is_invalid_scope_naming_it()
    {
        using var response = await api.RequestTokenAsync(sandbox.ClientId, sandbox.ClientSecret, "connect:config_read cjp:everything");
        var body = await SandboxApi.ExpectJsonAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("invalid_scope", body.GetProperty("error").GetString());
        Assert.Contains("'cjp:everything'", body.GetProperty("error_description").GetString());
        Assert.DoesNotContain("'connect:config_read'", body.GetProperty("error_description").GetString());
    }

    [Fact]
    public async Task Scope_not_registered_for_the_app_is_refused()
    {
        var readOnly = await api.CreateApplicationAsync("ReadOnly", "connect:config_read");
        using var response = await api.RequestTokenAsync(readOnly.ClientId, readOnly.ClientSecret, "connect:config_write");
        var body = await SandboxApi.ExpectJsonAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("invalid_scope", body.GetProperty("error").GetString());
        Assert.Contains("'connect:config_write'", body.GetProperty("error_description").GetString());
    }

    [Fact]
    public async Task Unsupported_grant_type_and_missing_client_id_are_named()
    {
        var tokenEndpoint = await api.TokenEndpointAsync();
        using var password = await api.Http.PostAsync(tokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["client_id"] = sandbox.ClientId, ["client_secret"] = sandbox.ClientSecret,
        }));
        var passwordBody = await SandboxApi.ExpectJsonAsync(password, HttpStatusCode.BadRequest);
        Assert.Equal("unsupported_grant_type", passwordBody.GetProperty("error").GetString());
        Assert.Contains("'password'", passwordBody.GetProperty("error_description").GetString());

        using var noClient = await api.Http.PostAsync(tokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_secret"] = sandbox.ClientSecret,
        }));
        var noClientBody = await SandboxApi.ExpectJsonAsync(noClient, HttpStatusCode.BadRequest);
        Assert.Equal("invalid_request", noClientBody.GetProperty("error").GetString());
        Assert.Contains("client_id", noClientBody.GetProperty("error_description").GetString());
    }

    [Fact]
    public async Task Connection_file_holds_the_bound_url_and_the_well_known_credentials()
    {
        var file = SandboxConnectionFile.Read(sandbox.ConnectionFilePath);
        Assert.Matches(@"^http://127\.0\.0\.1:[1-9][0-9]*$", file.BaseUrl);
        Assert.Equal(SandboxConnectionFile.WellKnown.OrganizationId, file.OrgId);
        Assert.Equal(SandboxConnectionFile.WellKnown.ClientId, file.ClientId);
        Assert.Equal(SandboxConnectionFile.WellKnown.ClientSecret, file.ClientSecret);

        using var health = await new HttpClient().GetAsync(file.BaseUrl + "/health");
        Assert.Equal("ok", (await SandboxApi.ExpectJsonAsync(health, HttpStatusCode.OK)).GetProperty("status").GetString());
        Assert.Contains(file.BaseUrl, sandbox.Output);
        Assert.Contains(file.ClientSecret, sandbox.Output);
        Assert.Contains("well-known", sandbox.Output);
    }

    [Fact]
    public void Database_keeps_only_a_hash_of_the_client_secret()
    {
        var bytes = File.ReadAllBytes(sandbox.DatabasePath);
        var wal = sandbox.DatabasePath + "-wal";
        var all = File.Exists(wal) ? bytes.Concat(File.ReadAllBytes(wal)).ToArray() : bytes;
        var text = System.Text.Encoding.ASCII.GetString(all);
        Assert.Contains(sandbox.ClientId, text);
        Assert.DoesNotContain(sandbox.ClientSecret, text);
    }

    private static string[] Strings(JsonElement element, string property) =>
        element.GetProperty(property).EnumerateArray().Select(e => e.GetString()!).ToArray();

    public void Dispose() => api.Dispose();
}
