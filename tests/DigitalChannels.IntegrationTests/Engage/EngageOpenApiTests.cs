using System.Net;
using System.Text.Json;
using DigitalChannels.IntegrationTests.Infrastructure;

namespace DigitalChannels.IntegrationTests.Engage;

/// <summary>The Engage area's OpenAPI document: served without a token, exactly the Engage routes, every reference resolving.</summary>
[Collection(SharedSandboxCollection.Name)]
public sealed class EngageOpenApiTests : IDisposable
{
    private const string Org = "/engage/v1/organization/{orgId}";
    private readonly SandboxProcess sandbox;
    private readonly SandboxApi api;

    public EngageOpenApiTests(SandboxProcess sandbox)
    {
        this.sandbox = sandbox;
        api = new SandboxApi(sandbox);
    }

    private static readonly Dictionary<(string Path, string Method), string[]> Expected = new()
    {
        [(Org + "/settings/attachments", "get")] = ["200", "401", "403", "404"],
        [(Org + "/settings/attachments", "patch")] = ["200", "400", "401", "403", "404", "412"],
        [(Org + "/settings/attachments/channels/{channel}", "get")] = ["200", "401", "403", "404"],
        [(Org + "/settings/attachments/channels/{channel}", "patch")] = ["200", "400", "401", "403", "404", "412"],
        [(Org + "/attachments/check", "post")] = ["200", "400", "401", "403", "404"],
        [(Org + "/templates", "get")] = ["200", "400", "401", "403", "404"],
        [(Org + "/templates", "post")] = ["201", "400", "401", "403", "404", "409"],
        [(Org + "/templates/{templateId}", "get")] = ["200", "401", "403", "404"],
        [(Org + "/templates/{templateId}", "patch")] = ["200", "400", "401", "403", "404", "409", "412"],
        [(Org + "/templates/{templateId}", "delete")] = ["204", "401", "403", "404", "412"],
        [(Org + "/customer-care/templates", "get")] = ["200", "400", "401", "403", "404"],
        [(Org + "/blocklist", "get")] = ["200", "400", "401", "403", "404"],
        [(Org + "/blocklist", "post")] = ["201", "400", "401", "403", "404", "409"],
        [(Org + "/blocklist/{word}", "delete")] = ["204", "401", "403", "404"],
        [(Org + "/working-hours", "get")] = ["200", "400", "401", "403", "404"],
        [(Org + "/working-hours", "post")] = ["201", "400", "401", "403", "404", "409"],
        [(Org + "/working-hours/{workingHoursId}", "get")] = ["200", "401", "403", "404"],
        [(Org + "/working-hours/{workingHoursId}", "patch")] = ["200", "400", "401", "403", "404", "409", "412"],
        [(Org + "/working-hours/{workingHoursId}", "delete")] = ["204", "401", "403", "404", "412"],
        [(Org + "/conversations/{conversationId}/transcript", "get")] = ["200", "401", "403", "404"],
        [("/sandbox/v1/organization/{orgId}/engage/conversations", "post")] = ["201", "400", "401", "403", "404", "409"],
        [(Org + "/users", "get")] = ["200", "400", "401", "403", "404", "409"],
        [(Org + "/users/synchronize", "post")] = ["200", "401", "403", "404", "409"],
        [(Org + "/channel-assets", "get")] = ["200", "400", "401", "403", "404", "409"],
        [(Org + "/channel-assets/{assetId}", "get")] = ["200", "401", "403", "404", "409"],
        [(Org + "/channel-assets/{assetId}/chat-widget", "patch")] = ["200", "400", "401", "403", "404", "409"],
        [("/sandbox/v1/organization/{orgId}/engage/users/{userId}/session", "put")] = ["200", "400", "401", "403", "404", "409"],
        [("/engage/v1/openapi.json", "get")] = ["200"],
    };

    private async Task<JsonElement> DocumentAsync()
    {
        using var response = await api.SendAsync(HttpMethod.Get, "/engage/v1/openapi.json", token: null);
        return await SandboxApi.ExpectJsonAsync(response, HttpStatusCode.OK);
    }

    [Fact]
    public async Task Document_is_served_without_a_token_and_lists_exactly_the_Engage_routes_with_their_responses()
    {
        var document = await DocumentAsync();
        Assert.Equal("3.0.3", document.GetProperty("openapi").GetString());
        Assert.Equal(sandbox.BaseUrl, document.GetProperty("servers")[0].GetProperty("url").GetString());

        var paths = document.GetProperty("paths");
        foreach (var ((path, method), codes) in Expected)
        {
            Assert.True(paths.TryGetProperty(path, out var item), $"The document lacks the path {path}.");
            Assert.True(item.TryGetProperty(method, out var operation), $"The document lacks {method.ToUpperInvariant()} {path}.");
            var responses = operation.GetProperty("responses").EnumerateObject().Select(p => p.Name).ToHashSet();
            foreach (var code in codes) Assert.True(responses.Contains(code), $"{method.ToUpperInvariant()} {path} does not list response {code}.");
        }
        var documented = paths.EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Where(o => o.Name != "parameters").Select(o => (p.Name, o.Name))).ToHashSet();
        Assert.Equal(Expected.Keys.ToHashSet(), documented);

        var clientCredentials = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("oauth2").GetProperty("flows").GetProperty("clientCredentials");
        Assert.Equal(sandbox.BaseUrl + "/v1/access_token", clientCredentials.GetProperty("tokenUrl").GetString());
        var scopes = clientCredentials.GetProperty("scopes").EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.Superset(new HashSet<string> { "engage:config_read", "engage:config_write", "sandbox:admin" }, scopes);
        Assert.Equal(DigitalChannels.Client.Auth.Scopes.All.ToHashSet(), scopes);
    }

    [Fact]
    public async Task Every_reference_in_the_document_resolves()
    {
        var document = await DocumentAsync();
        var references = new List<string>();
        Collect(document, references);
        Assert.NotEmpty(references);
        foreach (var reference in references.Distinct())
        {
            var node = document;
            foreach (var segment in reference.TrimStart('#', '/').Split('/'))
                Assert.True(node.TryGetProperty(segment, out node), $"The reference {reference} does not resolve.");
        }
    }

    /// <summary>Nothing is documented that the sandbox does not serve: every documented operation answers 401 without a token, not 404.</summary>
    [Fact]
    public async Task Every_documented_operation_is_served()
    {
        foreach (var (path, method) in Expected.Keys.Where(k => k.Path.Contains("{orgId}")))
        {
            var concrete = path.Replace("{orgId}", sandbox.OrgId).Replace("{channel}", "chat").Replace("{templateId}", Guid.NewGuid().ToString())
                .Replace("{workingHoursId}", Guid.NewGuid().ToString()).Replace("{word}", "x").Replace("{conversationId}", "c1");
            using var response = await api.SendAsync(new HttpMethod(method.ToUpperInvariant()), concrete, token: null);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method.ToUpperInvariant()} {concrete} answered {(int)response.StatusCode}, not 401.");
        }
    }

    private static void Collect(JsonElement element, List<string> references)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.Name == "$ref") references.Add(property.Value.GetString()!);
                else Collect(property.Value, references);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray()) Collect(item, references);
        }
    }

    public void Dispose() => api.Dispose();
}
