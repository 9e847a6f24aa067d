using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using DigitalChannels.IntegrationTests.Infrastructure;

namespace DigitalChannels.IntegrationTests.Hardening;

/// <summary>
/// Tenants are islands: a second tenant, activated and acting as its own Owner with every scope (sandbox:admin
/// included), is run against every route family (Connect, Engage, Control Hub, Contact Center, People, the sandbox's
/// management and test-support routes): nothing of the first tenant can be read or changed, and nothing every tenant
/// shares (the clock, the tenant list, a tenant's Digital Channel) can be changed, while its own tenant works.
/// </summary>
public sealed class TenantIsolationTests
{
    [Fact]
    public async Task A_second_tenants_owner_reaches_nothing_of_the_first_tenant_nor_any_sandbox_wide_state()
    {
        using var sandbox = new SandboxProcess { ExtraArguments = ["--provisioning-seconds", "0"] };
        await sandbox.StartAsync();
        using var api = new SandboxApi(sandbox);
        var operatorToken = await api.OwnerTokenAsync();
        var (orgB, tokenB) = await ActivatedTenantAsync(api, operatorToken);

        // Sandbox-wide state: the clock, tenants, a tenant's Digital Channel. Refused, and the clock did not move.
        using (var advance = await api.SendAsync(HttpMethod.Post, "/sandbox/v1/clock/advance", tokenB, new { seconds = 86_400 }))
            await SandboxApi.ExpectProblemAsync(advance, HttpStatusCode.Forbidden, "role.forbidden", "Only the sandbox operator", "moves the sandbox clock");
        using (var clock = await api.SendAsync(HttpMethod.Get, "/sandbox/v1/clock", tokenB))
            Assert.Equal(0, (await SandboxApi.ExpectJsonAsync(clock, HttpStatusCode.OK)).GetProperty("offsetSeconds").GetInt64());
        using (var tenants = await api.SendAsync(HttpMethod.Post, "/sandbox/v1/organizations", tokenB,
                   new { name = "Rogue", administrator = new { email = "rogue@pod.example", displayName = "Rogue Admin" } }))
            await SandboxApi.ExpectProblemAsync(tenants, HttpStatusCode.Forbidden, "role.forbidden", "manages tenants");
        using (var channel = await api.SendAsync(HttpMethod.Put, $"/sandbox/v1/organizations/{orgB}/digital-channel", tokenB, new { digitalChannel = "Other" }))
            await SandboxApi.ExpectProblemAsync(channel, HttpStatusCode.Forbidden, "role.forbidden");

        // Its own tenant's management and test-support routes work for it.
        JsonElement bBot;
        using (var app = await api.SendAsync(HttpMethod.Post, $"/sandbox/v1/organization/{orgB}/applications", tokenB,
                   new { name = "B bot", role = "ReadOnly", scopes = new[] { "connect:config_read" } }))
            bBot = await SandboxApi.ExpectJsonAsync(app, HttpStatusCode.Created);

        // Service apps: B's own app, authorized in B, gets no token pair for the first tenant; the first tenant's app
        // without its secret gets none at all. (The authorization route names the organization in its path: the
        // document sweep below covers it.)
        var bBotId = bBot.GetProperty("applicationId").GetString()!;
        using (var authorize = await api.SendAsync(HttpMethod.Put, $"/sandbox/v1/organization/{orgB}/service-apps/{bBotId}/authorization", tokenB))
            await SandboxApi.ExpectJsonAsync(authorize, HttpStatusCode.Created);
        using (var intoA = await api.SendAsync(HttpMethod.Post, $"/v1/applications/{bBotId}/token", tokenB,
                   new { clientId = bBot.GetProperty("clientId").GetString(), clientSecret = bBot.GetProperty("clientSecret").GetString(), targetOrgId = sandbox.OrgId }))
            await SandboxApi.ExpectProblemAsync(intoA, HttpStatusCode.Forbidden, "service_app.not_authorized", sandbox.OrgId);
        var aAppId = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("ciscospark://us/APPLICATION/" + sandbox.ClientId)).TrimEnd('=');
        foreach (var target in new[] { sandbox.OrgId, orgB })
        {
            using var guessed = await api.SendAsync(HttpMethod.Post, $"/v1/applications/{aAppId}/token", tokenB,
                new { clientId = sandbox.ClientId, clientSecret = bBot.GetProperty("clientSecret").GetString(), targetOrgId = target });
            await SandboxApi.ExpectProblemAsync(guessed, HttpStatusCode.Unauthorized, "service_app.invalid_client");
        }
        using (var pairB = await api.SendAsync(HttpMethod.Post, $"/v1/applications/{bBotId}/token", tokenB,
                   new { clientId = bBot.GetProperty("clientId").GetString(), clientSecret = bBot.GetProperty("clientSecret").GetString(), targetOrgId = orgB }))
        {
            var machineToken = (await SandboxApi.ExpectJsonAsync(pairB, HttpStatusCode.OK)).GetProperty("access_token").GetString();
            using var reachA = await api.SendAsync(HttpMethod.Get, $"/connect/v1/organization/{sandbox.OrgId}/services", machineToken);
            await SandboxApi.ExpectProblemAsync(reachA, HttpStatusCode.Forbidden, "organization.mismatch");
        }
        using (var outbox = await api.SendAsync(HttpMethod.Get, $"/sandbox/v1/organization/{orgB}/outbox", tokenB))
            await SandboxApi.ExpectJsonAsync(outbox, HttpStatusCode.OK);

        // Every operation of every served document, with the first tenant's id in the path and the second tenant's token.
        var reached = new List<string>();
        var tried = 0;
        foreach (var area in new[] { "connect", "controlhub", "engage" })
        {
            var document = await api.Http.GetFromJsonAsync<JsonObject>($"/{area}/v1/openapi.json");
            foreach (var (template, item) in document!["paths"]!.AsObject())
                foreach (var (method, operation) in item!.AsObject())
                {
                    if (method is not ("get" or "post" or "put" or "patch" or "delete") || !template.Contains("{orgId}")) continue;
                    var path = template.Replace("{orgId}", sandbox.OrgId);
                    // A whole number where the document says integer (a version), so that the route itself matches.
                    var integers = new[] { item["parameters"], operation?["parameters"] }.OfType<JsonArray>().SelectMany(a => a)
                        .Where(p => (string?)p?["schema"]?["type"] == "integer").Select(p => (string?)p!["name"]).ToHashSet();
                    foreach (var name in MalformedRequests.Parameters(path).ToList())
                        path = path.Replace("{" + name + "}", integers.Contains(name) ? "1" : Guid.NewGuid().ToString("D"));
                    using var response = await api.SendAsync(new HttpMethod(method.ToUpperInvariant()), path, tokenB, method is "get" or "delete" ? null : "{}");
                    tried++;
                    if (response.StatusCode != HttpStatusCode.Forbidden || !(await response.Content.ReadAsStringAsync()).Contains("organization.mismatch"))
                        reached.Add($"{method.ToUpperInvariant()} {template} -> {(int)response.StatusCode}");
                }
        }
        // Contact Center and People: the path's organization, or the token's own for People.
        foreach (var (method, path) in new[] { ("GET", $"/organization/{sandbox.OrgId}/site"), ("POST", $"/organization/{sandbox.OrgId}/team"),
                     ("PATCH", $"/organization/{sandbox.OrgId}/user/bulk"), ("DELETE", $"/organization/{sandbox.OrgId}/site/{Guid.NewGuid()}") })
        {
            using var response = await api.SendAsync(new HttpMethod(method), path, tokenB, method == "GET" || method == "DELETE" ? null : "{}");
            tried++;
            if (response.StatusCode != HttpStatusCode.Forbidden) reached.Add($"{method} {path} -> {(int)response.StatusCode}");
        }
        Assert.True(tried >= 60, $"Only {tried} operations were tried.");
        Assert.True(reached.Count == 0, "The second tenant reached the first one:\n" + string.Join("\n", reached));

        using (var people = await api.SendAsync(HttpMethod.Get, "/v1/people?email=owner%40sandbox.digitalchannels.test", tokenB))
            Assert.DoesNotContain("owner@sandbox.digitalchannels.test", await people.Content.ReadAsStringAsync());
        using (var theirPeople = await api.SendAsync(HttpMethod.Get, "/v1/people", tokenB))
        {
            // Tenant B's administrator is a person of B only: the first tenant's token does not find it.
            var person = (await SandboxApi.ExpectJsonAsync(theirPeople, HttpStatusCode.OK)).GetProperty("items").EnumerateArray().First().GetProperty("id").GetString();
            using var fromA = await api.SendAsync(HttpMethod.Get, $"/v1/people/{person}", operatorToken);
            Assert.Equal(HttpStatusCode.NotFound, fromA.StatusCode);
        }

        // The operator still moves the clock, for everyone.
        using (var moved = await api.SendAsync(HttpMethod.Post, "/sandbox/v1/clock/advance", operatorToken, new { seconds = 1 }))
            Assert.Equal(1, (await SandboxApi.ExpectJsonAsync(moved, HttpStatusCode.OK)).GetProperty("offsetSeconds").GetInt64());
    }

    /// <summary>A new tenant, provisioned and activated: its administrator's app then acts as the tenant's Owner, every scope.</summary>
    internal static async Task<(string OrgId, string Token)> ActivatedTenantAsync(SandboxApi api, string operatorToken)
    {
        var email = $"owner-{Guid.NewGuid():N}"[..16] + "@pod.example";
        using var created = await api.SendAsync(HttpMethod.Post, "/sandbox/v1/organizations", operatorToken,
            new { name = "Tenant B", administrator = new { email, displayName = "Tenant B Owner" } });
        var tenant = await SandboxApi.ExpectJsonAsync(created, HttpStatusCode.Created);
        var orgId = tenant.GetProperty("organizationId").GetString()!;
        var clientId = tenant.GetProperty("clientId").GetString()!;
        var secret = tenant.GetProperty("clientSecret").GetString()!;
        var token = await api.TokenAsync(clientId, secret);
        using (var start = await api.SendAsync(HttpMethod.Post, $"/controlhub/v1/organization/{orgId}/contact-center/digital-channels/provisioning", token, new { ownerEmail = email }))
            Assert.True(start.IsSuccessStatusCode, await start.Content.ReadAsStringAsync());
        using var outbox = await api.SendAsync(HttpMethod.Get, $"/sandbox/v1/organization/{orgId}/outbox?kind=DigitalChannelsActivation", token);
        var mail = Assert.Single((await SandboxApi.ExpectJsonAsync(outbox, HttpStatusCode.OK)).GetProperty("items").EnumerateArray());
        var link = new Uri(mail.GetProperty("link").GetString()!).PathAndQuery;
        using (var accept = await api.SendAsync(HttpMethod.Post, link + "/accept", null, new { name = "Tenant B Owner", password = "Activate2026" }))
            await SandboxApi.ExpectJsonAsync(accept, HttpStatusCode.OK);
        return (orgId, await api.TokenAsync(clientId, secret));
    }
}
