using System.Net;
using System.Text.Json;
using DigitalChannels.IntegrationTests.Infrastructure;
using Xunit;

namespace DigitalChannels.IntegrationTests.Sandbox;

[Collection(SharedSandboxCollection.Name)]
public sealed class OpenApiTests : IDisposable
{
    private readonly SandboxProcess sandbox;
    private readonly SandboxApi api;

    public OpenApiTests(SandboxProcess sandbox)
    {
        this.sandbox = sandbox;
        api = new SandboxApi(sandbox);
    }

    [Fact]
    public async Task Document_is_served_without_a_token_and_describes_every_route_with_its_responses()
    {
        using var response = await api.SendAsync(HttpMethod.Get, "/connect/v1/openapi.json", token: null);
        var document = await SandboxApi.ExpectJsonAsync(response, HttpStatusCode.OK);
        Assert.Equal("3.0.3", document.GetProperty("openapi").GetString());
        Assert.Equal(sandbox.BaseUrl, document.GetProperty("servers")[0].GetProperty("url").GetString());

        var expected = new Dictionary<(string Path, string Method), string[]>
        {
            [("/connect/v1/organization/{orgId}/services", "get")] = ["200", "400", "401", "403", "404"],
            [("/connect/v1/organization/{orgId}/services", "post")] = ["201", "400", "401", "403", "404", "409"],
            [("/connect/v1/organization/{orgId}/services/{serviceId}", "get")] = ["200", "401", "403", "404"],
            [("/connect/v1/organization/{orgId}/services/{serviceId}", "patch")] = ["200", "400", "401", "403", "404", "409", "412", "423"],
            [("/connect/v1/organization/{orgId}/services/{serviceId}", "delete")] = ["204", "401", "403", "404", "412", "423"],
            [("/connect/v1/organization/{orgId}/services/{serviceId}/credentials", "get")] = ["200", "401", "403", "404"],
            [("/sandbox/v1/organization/{orgId}/applications", "post")] = ["201", "400", "401", "403", "404"],
            [("/sandbox/v1/organization/{orgId}/applications/{clientId}", "delete")] = ["204", "401", "403", "404", "409"],
            [("/sandbox/v1/organization/{orgId}/service-apps/{applicationId}/authorization", "put")] = ["200", "201", "401", "403", "404"],
            [("/sandbox/v1/organization/{orgId}/service-apps/{applicationId}/authorization", "delete")] = ["204", "401", "403", "404"],
            [("/sandbox/v1/organization/{orgId}/outbox", "get")] = ["200", "401", "403", "404"],
            [("/sandbox/v1/clock", "get")] = ["200", "401", "403"],
            [("/sandbox/v1/organizations", "post")] = ["201", "400", "401", "403"],
            [("/sandbox/v1/organizations/{organizationId}/digital-channel", "put")] = ["200", "400", "401", "403", "404", "409"],
            [("/sandbox/v1/clock/advance", "post")] = ["200", "400", "401", "403"],
            [("/connect/v1/organization/{orgId}/teammates", "get")] = ["200", "400", "401", "403", "404"],
            [("/connect/v1/organization/{orgId}/teammates", "post")] = ["201", "400", "401", "403", "404", "409"],
            [("/connect/v1/organization/{orgId}/teammates/{teammateId}", "get")] = ["200", "401", "403", "404"],
            [("/connect/v1/organization/{orgId}/teammates/{teammateId}", "patch")] = ["200", "400", "401", "403", "404"],
            [("/connect/v1/organization/{orgId}/teammates/{teammateId}", "delete")] = ["204", "401", "403", "404"],
            [("/connect/v1/organization/{orgId}/teammates/{teammateId}/invitation", "post")] = ["200", "401", "403", "404", "409"],
            [("/connect/v1/organization/{orgId}/teammates/{teammateId}/decrypt-logs", "put")] = ["200", "401", "403", "404", "409"],
            [("/connect/v1/organization/{orgId}/teammates/{teammateId}/decrypt-logs", "delete")] = ["200", "401", "403", "404"],
            [("/connect/v1/organization/{orgId}/groups", "get")] = ["200", "400", "401", "403", "404"],
            [("/connect/v1/organization/{orgId}/groups", "post")] = ["201", "400", "401", "403", "404", "409"],
            [("/connect/v1/organization/{orgId}/groups/{groupId}", "get")] = ["200", "401", "403", "404"],
            [("/connect/v1/organization/{orgId}/groups/{groupId}", "delete")] = ["204", "401", "403", "404", "409"],
            [("/connect/v1/organization/{orgId}/teams", "get")] = ["200", "400", "401", "403", "404"],
            [("/connect/v1/organization/{orgId}/teams", "post")] = ["201", "400", "401", "403", "404", "409"],
            [("/connect/v1/organization/{orgId}/teams/{teamId}", "get")] = ["200", "401", "403", "404"],
            [("/connect/v1/organization/{orgId}/teams/{teamId}", "delete")] = ["204", "401", "403", "404", "409"],
            [("/sandbox/v1/teammate-invitations/{token}", "get")] = ["200", "404"],
            [("/sandbox/v1/teammate-invitations/{token}/accept", "post")] = ["200", "400", "404", "409", "410"],
            [("/connect/v1/organization/{orgId}/services/{serviceId}/flows", "get")] = ["200", "400", "401", "403", "404", "500"],
            [("/connect/v1/organization/{orgId}/services/{serviceId}/flows", "post")] = ["201", "400", "401", "403", "404", "409", "423", "500"],
            [("/connect/v1/organization/{orgId}/services/{serviceId}/flows/import", "post")] = ["200", "201", "400", "401", "403", "404", "409", "423", "500"],
            [("/connect/v1/organization/{orgId}/services/{serviceId}/flows/{flowId}", "get")] = ["200", "401", "403", "404", "500"],
            [("/connect/v1/organization/{orgId}/services/{serviceId}/flows/{flowId}", "delete")] = ["204", "401", "403", "404", "423", "500"],
            [("/connect/v1/organization/{orgId}/services/{serviceId}/flows/{flowId}/versions/{number}/payload", "get")] = ["200", "401", "403", "404", "500"],
            [("/connect/v1/organization/{orgId}/services/{serviceId}/flows/{flowId}/save", "post")] = ["200", "401", "403", "404", "423", "500"],
            [("/connect/v1/organization/{orgId}/services/{serviceId}/flows/{flowId}/publish", "post")] = ["200", "400", "401", "403", "404", "409", "423", "500"],
            [("/connect/v1/organization/{orgId}/services/{serviceId}/rules", "get")] = ["200", "401", "403", "404", "500"],
            [("/connect/v1/organization/{orgId}/services/{serviceId}/rules", "put")] = ["200", "400", "401", "403", "404", "423", "500"],
            [("/connect/v1/organization/{orgId}/services/{serviceId}/rules/{ruleId}", "delete")] = ["204", "401", "403", "404", "423", "500"],
            [("/connect/v1/organization/{orgId}/integrations", "get")] = ["200", "401", "403", "404", "500"],
            [("/connect/v1/organization/{orgId}/integrations/{integrationId}", "get")] = ["200", "401", "403", "404", "500"],
            [("/connect/v1/organization/{orgId}/integrations/{integrationId}/authorizations", "post")] = ["201", "400", "401", "403", "404", "409", "500"],
            [("/connect/v1/organization/{orgId}/assets", "get")] = ["200", "400", "401", "403", "404", "500"],
            [("/connect/v1/organization/{orgId}/assets/apps", "post")] = ["201", "400", "401", "403", "404", "409", "500"],
            [("/connect/v1/organization/{orgId}/assets/{assetId}", "delete")] = ["204", "401", "403", "404", "409", "500"],
            [("/connectapi/v2/digital/app", "post")] = ["201", "400", "401", "403", "404", "409", "500"],
            [("/connectapi/v2/digital/app/{appId}", "get")] = ["200", "400", "401", "403", "404", "500"],
            [("/connectapi/v2/digital/app/{appId}", "put")] = ["200", "400", "401", "403", "404", "409", "500"],
            [("/sandbox/v1/organization/{orgId}/connect/inbound", "post")] = ["200", "400", "401", "403", "404", "500"],
            [("/connect/v1/organization/{orgId}/templates", "get")] = ["200", "400", "401", "403", "404"],
            [("/connect/v1/organization/{orgId}/templates", "post")] = ["201", "400", "401", "403", "404", "409"],
            [("/connect/v1/organization/{orgId}/templates/{templateId}", "get")] = ["200", "401", "403", "404"],
            [("/connect/v1/organization/{orgId}/templates/{templateId}", "patch")] = ["200", "400", "401", "403", "404", "409", "412"],
            [("/connect/v1/organization/{orgId}/templates/{templateId}", "delete")] = ["204", "401", "403", "404", "412"],
            [("/connect/v1/organization/{orgId}/tenant-settings", "get")] = ["200", "401", "403", "404"],
            [("/connect/v1/organization/{orgId}/tenant-settings", "patch")] = ["200", "400", "401", "403", "404", "412"],
            [("/connect/v1/organization/{orgId}/profile", "get")] = ["200", "401", "403", "404"],
            [("/connect/v1/organization/{orgId}/profile", "patch")] = ["200", "400", "401", "403", "404"],
            [("/connect/v1/organization/{orgId}/debug/transactions/{transactionId}", "get")] = ["200", "401", "403", "404", "500"],
            [("/connect/v1/organization/{orgId}/debug/logs", "get")] = ["200", "400", "401", "403", "404", "500"],
            [("/connect/v1/organization/{orgId}/reports", "get")] = ["200", "400", "401", "403", "404", "500"],
            [("/connect/v1/organization/{orgId}/usage", "get")] = ["200", "400", "401", "403", "404", "500"],
            [("/connect/v1/openapi.json", "get")] = ["200"],
            [("/health", "get")] = ["200"],
            // Tools > Export Logs and App Tray > Event Scheduler.
            [("/connect/v1/organization/{orgId}/log-exports", "get")] = ["200", "401", "403", "404", "500"],
            [("/connect/v1/organization/{orgId}/log-exports", "post")] = ["201", "400", "401", "403", "404", "500"],
            [("/connect/v1/organization/{orgId}/log-exports/{exportId}", "get")] = ["200", "401", "403", "404", "500"],
            [("/connect/v1/organization/{orgId}/log-exports/{exportId}/download", "get")] = ["200", "401", "403", "404", "409", "500"],
            [("/connect/v1/organization/{orgId}/scheduled-events", "get")] = ["200", "401", "403", "404", "500"],
            [("/connect/v1/organization/{orgId}/scheduled-events", "post")] = ["201", "400", "401", "403", "404", "409", "500"],
            [("/connect/v1/organization/{orgId}/scheduled-events/{eventId}", "get")] = ["200", "401", "403", "404", "500"],
            [("/connect/v1/organization/{orgId}/scheduled-events/{eventId}", "patch")] = ["200", "400", "401", "403", "404", "409", "500"],
            [("/connect/v1/organization/{orgId}/scheduled-events/{eventId}", "delete")] = ["204", "401", "403", "404", "500"],
        };
        var paths = document.GetProperty("paths");
        foreach (var ((path, method), codes) in expected)
        {
            Assert.True(paths.TryGetProperty(path, out var item), $"The document lacks the path {path}.");
            Assert.True(item.TryGetProperty(method, out var operation), $"The document lacks {method.ToUpperInvariant()} {path}.");
            var responses = operation.GetProperty("responses").EnumerateObject().Select(p => p.Name).ToHashSet();
            foreach (var code in codes) Assert.True(responses.Contains(code), $"{method.ToUpperInvariant()} {path} does not list response {code}.");
        }
        // Nothing documented that the sandbox does not serve.
        var documented = paths.EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Where(o => o.Name != "parameters").Select(o => (p.Name, o.Name))).ToHashSet();
        Assert.Equal(expected.Keys.ToHashSet(), documented);

        var schemas = document.GetProperty("components").GetProperty("schemas");
        foreach (var schema in new[] { "Service", "ServiceCredentials", "ServiceList", "Problem", "ApplicationCreate", "Application", "Clock", "ClockAdvance", "OutboxList", "OutboxMail",
                     "Teammate", "TeammateList", "TeammateInvite", "TeammatePatch", "Group", "GroupList", "GroupCreate", "Team", "TeamList", "TeamCreate",
                     "Invitation", "InvitationAccept",
                     "Flow", "FlowVersion", "FlowImport", "Rule", "Integration", "NodeAuthorization", "Asset", "TrafficMessage", "Transaction", "TransactionList", "Report", "Usage", "OnboardingAppCreate", "OnboardingAppUpdate", "ServiceAppAuthorization",
                     "ConnectTemplate", "ConnectTemplateList", "ConnectTemplateCreate", "ConnectTemplatePatch", "TenantSettings", "TenantSettingsPatch", "Profile", "ProfilePatch",
                     "LogExport", "LogExportCreate", "LogExportList", "ScheduledEvent", "ScheduledEventCreate", "ScheduledEventPatch", "ScheduledEventList" })
            Assert.True(schemas.TryGetProperty(schema, out _), $"The document lacks the schema {schema}.");

        var clientCredentials = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("oauth2")
            .GetProperty("flows").GetProperty("clientCredentials");
        Assert.Equal(sandbox.BaseUrl + "/v1/access_token", clientCredentials.GetProperty("tokenUrl").GetString());
        var scopes = clientCredentials.GetProperty("scopes").EnumerateObject().Select(p => p.Name).Order().ToArray();
        Assert.Equal(new[] { "cjp:config_read", "cjp:config_write", "connect:config_read", "connect:config_write", "engage:config_read", "engage:config_write", "sandbox:admin", "spark-admin:people_read", "spark-admin:people_write", "spark:applications_token" }, scopes);
    }

    [Fact]
    public async Task Every_reference_in_the_document_resolves()
    {
        using var response = await api.SendAsync(HttpMethod.Get, "/connect/v1/openapi.json", token: null);
        var document = await SandboxApi.ExpectJsonAsync(response, HttpStatusCode.OK);
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

    [Fact]
    public async Task Health_is_ok_without_a_token()
    {
        using var response = await api.SendAsync(HttpMethod.Get, "/health", token: null);
        Assert.Equal("ok", (await SandboxApi.ExpectJsonAsync(response, HttpStatusCode.OK)).GetProperty("status").GetString());
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
