using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Xunit;

namespace DigitalChannels.IntegrationTests.Infrastructure;

/// <summary>A principal created through the sandbox management API.</summary>
public sealed record SandboxApplication(string ClientId, string ClientSecret, string Name, string Role, IReadOnlyList<string> Scopes, string UserId);

/// <summary>
/// Plain-HTTP helpers for tests, as curl would call the sandbox: tokens from the discovered token endpoint, JSON
/// requests with a bearer token, and assertions on RFC 7807 problem bodies.
/// </summary>
public sealed class SandboxApi : IDisposable
{
    private string? tokenEndpoint;

    public SandboxApi(SandboxProcess sandbox)
    {
        Sandbox = sandbox;
        Http = sandbox.CreateHttpClient();
    }

    public SandboxProcess Sandbox { get; }
    public HttpClient Http { get; }

    public string ServicesPath => $"/connect/v1/organization/{Sandbox.OrgId}/services";
    public string ApplicationsPath => $"/sandbox/v1/organization/{Sandbox.OrgId}/applications";

    /// <summary>A name no other test uses, so tests can share one sandbox.</summary>
    public static string UniqueName(string prefix) => $"{prefix} {Guid.NewGuid().ToString("N")[..10]}";

    public async Task<string> TokenEndpointAsync()
    {
        if (tokenEndpoint is not null) return tokenEndpoint;
        var discovery = await Http.GetFromJsonAsync<JsonElement>("/v1/.well-known/openid-configuration");
        return tokenEndpoint = discovery.GetProperty("token_endpoint").GetString()!;
    }

    /// <summary>POSTs a client-credentials request (client_secret_post, or client_secret_basic when <paramref name="useBasic"/>).</summary>
    public async Task<HttpResponseMessage> RequestTokenAsync(string clientId, string clientSecret, string? scope = null, bool useBasic = false,
        IDictionary<string, string>? extra = null)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials" };
        if (!useBasic)
        {
            form["client_id"] = clientId;
            form["client_secret"] = clientSecret;
        }
        if (scope is not null) form["scope"] = scope;
        foreach (var (key, value) in extra ?? new Dictionary<string, string>()) form[key] = value;

        using var request = new HttpRequestMessage(HttpMethod.Post, await TokenEndpointAsync()) { Content = new FormUrlEncodedContent(form) };
        if (useBasic)
        {
            var pair = Uri.EscapeDataString(clientId) + ":" + Uri.EscapeDataString(clientSecret);
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(pair)));
        }
        return await Http.SendAsync(request);
    }

    public async Task<string> TokenAsync(string clientId, string clientSecret, string? scope = null)
    {
        using var response = await RequestTokenAsync(clientId, clientSecret, scope);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"Token request for {clientId} failed: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary>A token of the default app (the Owner, every scope unless <paramref name="scope"/> narrows it).</summary>
    public Task<string> OwnerTokenAsync(string? scope = null) => TokenAsync(Sandbox.ClientId, Sandbox.ClientSecret, scope);

    /// <summary>Creates a user with <paramref name="role"/> and an app acting as it, through the management API.</summary>
    public async Task<SandboxApplication> CreateApplicationAsync(string role, params string[] scopes)
    {
        using var response = await SendAsync(HttpMethod.Post, ApplicationsPath, await OwnerTokenAsync(),
            new { name = UniqueName(role + " app"), role, scopes });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Creating a {role} application failed: {(int)response.StatusCode} {body}");
        return JsonSerializer.Deserialize<SandboxApplication>(body, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }

    public async Task<string> TokenForNewApplicationAsync(string role, params string[] scopes)
    {
        var application = await CreateApplicationAsync(role, scopes);
        return await TokenAsync(application.ClientId, application.ClientSecret);
    }

    /// <summary>Sends JSON (an object serialized with web defaults, or a raw string sent as is) with an optional bearer token.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token, object? body = null,
        IDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is string raw) request.Content = new StringContent(raw, Encoding.UTF8, "application/json");
        else if (body is not null) request.Content = JsonContent.Create(body);
        foreach (var (name, value) in headers ?? new Dictionary<string, string>()) request.Headers.TryAddWithoutValidation(name, value);
        return await Http.SendAsync(request);
    }

    public async Task<JsonElement> CreateServiceAsync(string token, string name, string? description = null)
    {
        using var response = await SendAsync(HttpMethod.Post, ServicesPath, token, new { name, description });
        return await ExpectJsonAsync(response, HttpStatusCode.Created);
    }

    public static async Task<JsonElement> ExpectJsonAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status,
            $"Expected {(int)status} from {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}, got {(int)response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>
    /// Asserts an RFC 7807 body with <paramref name="status"/> and <paramref name="errorKey"/>, a TrackingID header that
    /// matches the body, and a detail containing every one of <paramref name="detailContains"/>.
    /// </summary>
    public static async Task<JsonElement> ExpectProblemAsync(HttpResponseMessage response, HttpStatusCode status, string errorKey,
        params string[] detailContains)
    {
        var problem = await ExpectJsonAsync(response, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(errorKey, problem.GetProperty("errorKey").GetString());
        Assert.Equal("https://digitalchannels.dev/problems/" + errorKey, problem.GetProperty("type").GetString());
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        var trackingId = problem.GetProperty("trackingId").GetString()!;
        Assert.Matches("^sandbox_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", trackingId);
        Assert.Equal(trackingId, Assert.Single(response.Headers.GetValues("TrackingID")));
        var detail = problem.GetProperty("detail").GetString()!;
        foreach (var expected in detailContains) Assert.Contains(expected, detail);
        return problem;
    }

    public void Dispose() => Http.Dispose();
}
