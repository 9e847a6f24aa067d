using System.Collections.Concurrent;
using System.Net;
using DigitalChannels.IntegrationTests.Infrastructure;
using Xunit;

namespace DigitalChannels.IntegrationTests.Teammates;

/// <summary>
/// The role matrix of platform facts §3.3 on every Connect route, one case per role × route. The expected table is
/// written out here, independently of the sandbox's ConnectPermissions, so that a change to either is caught.
/// Allowed → the route's success status; refused → 403 role.forbidden naming the role and the action.
/// </summary>
[Collection(SharedSandboxCollection.Name)]
public sealed class RoleMatrixTests : IDisposable
{
    private const string Readers = "Owner FullAccess LimitedAccess ReadOnly";
    private const string Writers = "Owner FullAccess LimitedAccess";
    private const string Admins = "Owner FullAccess";
    private const string OwnerOnly = "Owner";
    private const string Everyone = "Owner FullAccess LimitedAccess ReadOnly Restricted";

    private static readonly string[] Roles = ["Owner", "FullAccess", "LimitedAccess", "ReadOnly", "Restricted"];
    private static readonly ConcurrentDictionary<string, Task<string>> RoleTokens = new();

    private readonly SandboxApi api;

    public RoleMatrixTests(SandboxProcess sandbox) => api = new SandboxApi(sandbox);

    /// <summary>A route: what to set up as the Owner, what to send, who may, which action the refusal names, the success status.</summary>
    private sealed record Route(string Name, HttpMethod Method, string AllowedRoles, string Action, HttpStatusCode Success,
        Func<SandboxApi, string, Task<(string Path, object? Body)>> Prepare);

    private static readonly Route[] Routes =
    [
        new("list services", HttpMethod.Get, Readers, "read the configuration", HttpStatusCode.OK,
            (api, _) => Task.FromResult<(string, object?)>((api.ServicesPath, null))),
        new("create a service", HttpMethod.Post, Writers, "change the configuration", HttpStatusCode.Created,
            (api, _) => Task.FromResult<(string, object?)>((api.ServicesPath, new { name = SandboxApi.UniqueName("Matrix") }))),
        new("read a service", HttpMethod.Get, Readers, "read the configuration", HttpStatusCode.OK,
            async (api, owner) => (await ServicePathAsync(api, owner), null)),
        new("change a service", HttpMethod.Patch, Writers, "change the configuration", HttpStatusCode.OK,
            async (api, owner) => (await ServicePathAsync(api, owner), new { description = "changed by the matrix" })),
        new("delete a service", HttpMethod.Delete, Admins, "delete services", HttpStatusCode.NoContent,
            async (api, owner) => (await ServicePathAsync(api, owner), null)),
        new("read service credentials", HttpMethod.Get, Writers, "view service credentials", HttpStatusCode.OK,
            async (api, owner) => (await ServicePathAsync(api, owner) + "/credentials", null)),

        new("list teammates", HttpMethod.Get, Readers, "read teammates", HttpStatusCode.OK,
            (api, _) => Task.FromResult<(string, object?)>((api.TeammatesPath(), null))),
        new("invite a teammate", HttpMethod.Post, Admins, "add, change or remove teammates", HttpStatusCode.Created,
            (api, _) => Task.FromResult<(string, object?)>((api.TeammatesPath(), new { email = TeammateApi.UniqueEmail("matrix"), role = "ReadOnly" }))),
        new("read a teammate", HttpMethod.Get, Readers, "read teammates", HttpStatusCode.OK,
            async (api, owner) => (await InvitedPathAsync(api, owner), null)),
        new("change a teammate's role", HttpMethod.Patch, Admins, "add, change or remove teammates", HttpStatusCode.OK,
            async (api, owner) => (await InvitedPathAsync(api, owner), new { role = "LimitedAccess" })),
        new("remove a teammate", HttpMethod.Delete, Admins, "add, change or remove teammates", HttpStatusCode.NoContent,
            async (api, owner) => (await InvitedPathAsync(api, owner), null)),
        new("send a new invitation", HttpMethod.Post, Admins, "add, change or remove teammates", HttpStatusCode.OK,
            async (api, owner) => (await InvitedPathAsync(api, owner) + "/invitation", null)),
        new("grant Decrypt Logs", HttpMethod.Put, OwnerOnly, "grant or revoke Decrypt Logs (only the tenant Owner can)", HttpStatusCode.OK,
            async (api, owner) => (await JoinedPathAsync(api, owner) + "/decrypt-logs", null)),
        new("revoke Decrypt Logs", HttpMethod.Delete, OwnerOnly, "grant or revoke Decrypt Logs (only the tenant Owner can)", HttpStatusCode.OK,
            async (api, owner) => (await JoinedPathAsync(api, owner) + "/decrypt-logs", null)),

        new("list groups", HttpMethod.Get, Readers, "read the configuration", HttpStatusCode.OK,
            (api, _) => Task.FromResult<(string, object?)>((api.GroupsPath(), null))),
        new("create a group", HttpMethod.Post, OwnerOnly, "manage Groups and Teams (only the tenant Owner can)", HttpStatusCode.Created,
            (api, _) => Task.FromResult<(string, object?)>((api.GroupsPath(), new { name = SandboxApi.UniqueName("Group") }))),
        new("read a group", HttpMethod.Get, Readers, "read the configuration", HttpStatusCode.OK,
            async (api, owner) => ($"{api.GroupsPath()}/{await api.CreateGroupAsync(owner, SandboxApi.UniqueName("Group"))}", null)),
        new("delete a group", HttpMethod.Delete, OwnerOnly, "manage Groups and Teams (only the tenant Owner can)", HttpStatusCode.NoContent,
            async (api, owner) => ($"{api.GroupsPath()}/{await api.CreateGroupAsync(owner, SandboxApi.UniqueName("Group"))}", null)),
        new("list teams", HttpMethod.Get, Readers, "read the configuration", HttpStatusCode.OK,
            (api, _) => Task.FromResult<(string, object?)>((api.TeamsPath(), null))),
        new("create a team", HttpMethod.Post, OwnerOnly, "manage Groups and Teams (only the tenant Owner can)", HttpStatusCode.Created,
            async (api, owner) => (api.TeamsPath(), new { name = SandboxApi.UniqueName("Team"), groupId = await api.CreateGroupAsync(owner, SandboxApi.UniqueName("Group")) })),
        new("read a team", HttpMethod.Get, Readers, "read the configuration", HttpStatusCode.OK,
            async (api, owner) => ($"{api.TeamsPath()}/{await TeamIdAsync(api, owner)}", null)),
        new("delete a team", HttpMethod.Delete, OwnerOnly, "manage Groups and Teams (only the tenant Owner can)", HttpStatusCode.NoContent,
            async (api, owner) => ($"{api.TeamsPath()}/{await TeamIdAsync(api, owner)}", null)),

        // A service's flows (FLOWS tab) and rules (RULES tab): deleting a flow or a rule is a configuration change, not
        // one of the deletions §3.3 keeps from Limited Access (services, numbers, apps).
        new("list flows", HttpMethod.Get, Readers, "read the configuration", HttpStatusCode.OK,
            async (api, owner) => (await ServicePathAsync(api, owner) + "/flows", null)),
        new("create a flow", HttpMethod.Post, Writers, "change the configuration", HttpStatusCode.Created,
            async (api, owner) => (await ServicePathAsync(api, owner) + "/flows", new { name = "Matrix flow", kind = "Email" })),
        new("import a flow", HttpMethod.Post, Writers, "change the configuration", HttpStatusCode.Created,
            async (api, owner) => (await ServicePathAsync(api, owner) + "/flows/import", new { name = "Matrix import", kind = "Email", payload = Payload })),
        new("read a flow", HttpMethod.Get, Readers, "read the configuration", HttpStatusCode.OK,
            async (api, owner) => (await FlowPathAsync(api, owner), null)),
        new("download a flow's payload", HttpMethod.Get, Readers, "read the configuration", HttpStatusCode.OK,
            async (api, owner) => (await ImportedFlowPathAsync(api, owner) + "/versions/1/payload", null)),
        new("delete a flow", HttpMethod.Delete, Writers, "change the configuration", HttpStatusCode.NoContent,
            async (api, owner) => (await FlowPathAsync(api, owner), null)),
        new("save a flow", HttpMethod.Post, Writers, "change the configuration", HttpStatusCode.OK,
            async (api, owner) => (await FlowPathAsync(api, owner) + "/save", null)),
        new("make a flow live", HttpMethod.Post, Writers, "change the configuration", HttpStatusCode.OK,
            async (api, owner) => (await SavedWebhookFlowPathAsync(api, owner) + "/publish", new { comment = "matrix" })),
        new("list rules", HttpMethod.Get, Readers, "read the configuration", HttpStatusCode.OK,
            async (api, owner) => (await ServicePathAsync(api, owner) + "/rules", null)),
        new("set a rule", HttpMethod.Put, Writers, "change the configuration", HttpStatusCode.OK,
            async (api, owner) =>
            {
                var (servicePath, flowId, assetId) = await ChatFlowAndAppAsync(api, owner);
                return (servicePath + "/rules", new { assetId, flowId });
            }),
        new("delete a rule", HttpMethod.Delete, Writers, "change the configuration", HttpStatusCode.NoContent,
            async (api, owner) => await RulePathAsync(api, owner)),

        // Assets > Integrations: authorizing a pre-built integration's nodes is configuration.
        new("list integrations", HttpMethod.Get, Readers, "read the configuration", HttpStatusCode.OK,
            (api, _) => Task.FromResult<(string, object?)>((IntegrationsPath(api), null))),
        new("read an integration", HttpMethod.Get, Readers, "read the configuration", HttpStatusCode.OK,
            async (api, owner) => (await IntegrationPathAsync(api, owner), null)),
        new("add a node authorization", HttpMethod.Post, Writers, "change the configuration", HttpStatusCode.Created,
            async (api, owner) => (await IntegrationPathAsync(api, owner) + "/authorizations", new { name = SandboxApi.UniqueName("Matrix authorization") })),

        // Assets > Numbers and Apps: Limited Access creates apps but cannot delete them (§3.3).
        new("list assets", HttpMethod.Get, Readers, "read the configuration", HttpStatusCode.OK,
            (api, _) => Task.FromResult<(string, object?)>((AssetsPath(api), null))),
        new("create an app", HttpMethod.Post, Writers, "change the configuration", HttpStatusCode.Created,
            (api, _) => Task.FromResult<(string, object?)>((AssetsPath(api) + "/apps", new { name = SandboxApi.UniqueName("Matrix app"), channel = "LiveChat" }))),
        new("delete an app", HttpMethod.Delete, Admins, "delete assets", HttpStatusCode.NoContent,
            async (api, owner) => ($"{AssetsPath(api)}/{await CreateAppAsync(api, owner)}", null)),

        // The Digital Channel Onboarding API (/connectapi, x-organization-id): the same rights as Assets > Apps.
        new("onboard an app", HttpMethod.Post, Writers, "change the configuration", HttpStatusCode.Created,
            (api, _) => Task.FromResult<(string, object?)>(($"{OnboardingPath}?channel=app", new { name = SandboxApi.UniqueName("Matrix onboarded"), appType = "LiveChat" }))),
        new("read an onboarded app", HttpMethod.Get, Readers, "read the configuration", HttpStatusCode.OK,
            async (api, owner) => ($"{OnboardingPath}/{await CreateAppAsync(api, owner)}?channel=app", null)),
        new("update an onboarded app", HttpMethod.Put, Writers, "change the configuration", HttpStatusCode.OK,
            async (api, owner) => ($"{OnboardingPath}/{await CreateAppAsync(api, owner)}?channel=app", new { name = SandboxApi.UniqueName("Matrix renamed") })),

        // Tools > Templates is configuration; Tenant Settings change only by the Owner; Profile Settings are every teammate's own.
        new("list Connect templates", HttpMethod.Get, Readers, "read the configuration", HttpStatusCode.OK,
            (api, _) => Task.FromResult<(string, object?)>((ConnectTemplatesPath(api), null))),
        new("create a Connect template", HttpMethod.Post, Writers, "change the configuration", HttpStatusCode.Created,
            (api, _) => Task.FromResult<(string, object?)>((ConnectTemplatesPath(api), new { name = SandboxApi.UniqueName("Matrix template"), channel = "sms", body = "Hi $(name)" }))),
        new("read a Connect template", HttpMethod.Get, Readers, "read the configuration", HttpStatusCode.OK,
            async (api, owner) => (await ConnectTemplatePathAsync(api, owner), null)),
        new("change a Connect template", HttpMethod.Patch, Writers, "change the configuration", HttpStatusCode.OK,
            async (api, owner) => (await ConnectTemplatePathAsync(api, owner), new { body = "changed by the matrix" })),
        new("delete a Connect template", HttpMethod.Delete, Writers, "change the configuration", HttpStatusCode.NoContent,
            async (api, owner) => (await ConnectTemplatePathAsync(api, owner), null)),
        new("read the tenant settings", HttpMethod.Get, Readers, "read the configuration", HttpStatusCode.OK,
            (api, _) => Task.FromResult<(string, object?)>(($"/connect/v1/organization/{api.Sandbox.OrgId}/tenant-settings", null))),
        // The default format: allowed, it changes nothing the other tests of the shared sandbox see.
        new("change the tenant settings", HttpMethod.Patch, OwnerOnly, "change the tenant settings (only the tenant Owner can)", HttpStatusCode.OK,
            (api, _) => Task.FromResult<(string, object?)>(($"/connect/v1/organization/{api.Sandbox.OrgId}/tenant-settings", new { dateFormat = "YYYY-MM-DD HH:mm:ss" }))),
        new("read my profile", HttpMethod.Get, Everyone, "manage its own profile", HttpStatusCode.OK,
            (api, _) => Task.FromResult<(string, object?)>(($"/connect/v1/organization/{api.Sandbox.OrgId}/profile", null))),
        new("change my profile", HttpMethod.Patch, Everyone, "manage its own profile", HttpStatusCode.OK,
            (api, _) => Task.FromResult<(string, object?)>(($"/connect/v1/organization/{api.Sandbox.OrgId}/profile", new { notifications = new { RuleExpiry = true } }))),
        // Debug, Reports, Settings > Usage over the simulated traffic: Read Only reads every page; Restricted none.
        new("read a transaction", HttpMethod.Get, Readers, "read debug logs, reports and usage", HttpStatusCode.OK,
            async (api, owner) => ($"/connect/v1/organization/{api.Sandbox.OrgId}/debug/transactions/{await TransactionIdAsync(api, owner)}", null)),
        new("query the debug log", HttpMethod.Get, Readers, "read debug logs, reports and usage", HttpStatusCode.OK,
            (api, _) => Task.FromResult<(string, object?)>(($"/connect/v1/organization/{api.Sandbox.OrgId}/debug/logs?channel=Sms", null))),
        new("read a report", HttpMethod.Get, Readers, "read debug logs, reports and usage", HttpStatusCode.OK,
            async (api, owner) => ($"/connect/v1/organization/{api.Sandbox.OrgId}/reports?serviceId={(await api.CreateServiceAsync(owner, SandboxApi.UniqueName("Matrix report"))).GetProperty("id").GetString()}" +
                "&start=2026-01-01T00:00:00Z&end=2026-01-02T00:00:00Z", null)),
        new("read the usage", HttpMethod.Get, Readers, "read debug logs, reports and usage", HttpStatusCode.OK,
            (api, _) => Task.FromResult<(string, object?)>(($"/connect/v1/organization/{api.Sandbox.OrgId}/usage", null))),

        new("create a sandbox application", HttpMethod.Post, OwnerOnly, "manage sandbox applications", HttpStatusCode.Created,
            (api, _) => Task.FromResult<(string, object?)>((api.ApplicationsPath, new { name = "matrix app", role = "ReadOnly", scopes = new[] { "connect:config_read" } }))),

        // Tools > Export Logs: exporting is reading the log, so every role that reads may. The download of a job that
        // does not exist answers 404 to those allowed: the role is checked first, and no job's readiness is waited for.
        new("list log exports", HttpMethod.Get, Readers, "export logs (Tools > Export Logs)", HttpStatusCode.OK,
            (api, _) => Task.FromResult<(string, object?)>((LogExportsPath(api), null))),
        new("start a log export", HttpMethod.Post, Readers, "export logs (Tools > Export Logs)", HttpStatusCode.Created,
            async (api, owner) => (LogExportsPath(api), new { direction = "Inbound", serviceId = await ServiceIdAsync(api, owner) })),
        new("read a log export", HttpMethod.Get, Readers, "export logs (Tools > Export Logs)", HttpStatusCode.OK,
            async (api, owner) => ($"{LogExportsPath(api)}/{await PostForIdAsync(api, owner, LogExportsPath(api), new { direction = "Outbound", serviceId = await ServiceIdAsync(api, owner) })}", null)),
        new("download a log export", HttpMethod.Get, Readers, "export logs (Tools > Export Logs)", HttpStatusCode.NotFound,
            (api, _) => Task.FromResult<(string, object?)>(($"{LogExportsPath(api)}/{Guid.NewGuid()}/download", null))),

        // App Tray > Event Scheduler: events are configuration.
        new("list scheduled events", HttpMethod.Get, Readers, "read the configuration", HttpStatusCode.OK,
            (api, _) => Task.FromResult<(string, object?)>((ScheduledEventsPath(api), null))),
        new("schedule an event", HttpMethod.Post, Writers, "change the configuration", HttpStatusCode.Created,
            async (api, owner) => (ScheduledEventsPath(api), await ScheduledEventBodyAsync(api, owner))),
        new("read a scheduled event", HttpMethod.Get, Readers, "read the configuration", HttpStatusCode.OK,
            async (api, owner) => (await ScheduledEventPathAsync(api, owner), null)),
        new("change a scheduled event", HttpMethod.Patch, Writers, "change the configuration", HttpStatusCode.OK,
            async (api, owner) => (await ScheduledEventPathAsync(api, owner), new { enabled = false })),
        new("remove a scheduled event", HttpMethod.Delete, Writers, "change the configuration", HttpStatusCode.NoContent,
            async (api, owner) => (await ScheduledEventPathAsync(api, owner), null)),
    ];

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var route in Routes)
            foreach (var role in Roles)
                data.Add(route.Name, role);
        return data;
    }

    /// <summary>The documented route of each matrix row.</summary>
    private static readonly Dictionary<string, string> Templates = new()
    {
        ["list services"] = "/connect/v1/organization/{orgId}/services",
        ["create a service"] = "/connect/v1/organization/{orgId}/services",
        ["read a service"] = "/connect/v1/organization/{orgId}/services/{serviceId}",
        ["change a service"] = "/connect/v1/organization/{orgId}/services/{serviceId}",
        ["delete a service"] = "/connect/v1/organization/{orgId}/services/{serviceId}",
        ["read service credentials"] = "/connect/v1/organization/{orgId}/services/{serviceId}/credentials",
        ["list teammates"] = "/connect/v1/organization/{orgId}/teammates",
        ["invite a teammate"] = "/connect/v1/organization/{orgId}/teammates",
        ["read a teammate"] = "/connect/v1/organization/{orgId}/teammates/{teammateId}",
        ["change a teammate's role"] = "/connect/v1/organization/{orgId}/teammates/{teammateId}",
        ["remove a teammate"] = "/connect/v1/organization/{orgId}/teammates/{teammateId}",
        ["send a new invitation"] = "/connect/v1/organization/{orgId}/teammates/{teammateId}/invitation",
        ["grant Decrypt Logs"] = "/connect/v1/organization/{orgId}/teammates/{teammateId}/decrypt-logs",
        ["revoke Decrypt Logs"] = "/connect/v1/organization/{orgId}/teammates/{teammateId}/decrypt-logs",
        ["list groups"] = "/connect/v1/organization/{orgId}/groups",
        ["create a group"] = "/connect/v1/organization/{orgId}/groups",
        ["read a group"] = "/connect/v1/organization/{orgId}/groups/{groupId}",
        ["delete a group"] = "/connect/v1/organization/{orgId}/groups/{groupId}",
        ["list teams"] = "/connect/v1/organization/{orgId}/teams",
        ["create a team"] = "/connect/v1/organization/{orgId}/teams",
        ["read a team"] = "/connect/v1/organization/{orgId}/teams/{teamId}",
        ["delete a team"] = "/connect/v1/organization/{orgId}/teams/{teamId}",
        ["list flows"] = "/connect/v1/organization/{orgId}/services/{serviceId}/flows",
        ["create a flow"] = "/connect/v1/organization/{orgId}/services/{serviceId}/flows",
        ["import a flow"] = "/connect/v1/organization/{orgId}/services/{serviceId}/flows/import",
        ["read a flow"] = "/connect/v1/organization/{orgId}/services/{serviceId}/flows/{flowId}",
        ["download a flow's payload"] = "/connect/v1/organization/{orgId}/services/{serviceId}/flows/{flowId}/versions/{number}/payload",
        ["delete a flow"] = "/connect/v1/organization/{orgId}/services/{serviceId}/flows/{flowId}",
        ["save a flow"] = "/connect/v1/organization/{orgId}/services/{serviceId}/flows/{flowId}/save",
        ["make a flow live"] = "/connect/v1/organization/{orgId}/services/{serviceId}/flows/{flowId}/publish",
        ["list rules"] = "/connect/v1/organization/{orgId}/services/{serviceId}/rules",
        ["set a rule"] = "/connect/v1/organization/{orgId}/services/{serviceId}/rules",
        ["delete a rule"] = "/connect/v1/organization/{orgId}/services/{serviceId}/rules/{ruleId}",
        ["list integrations"] = "/connect/v1/organization/{orgId}/integrations",
        ["read an integration"] = "/connect/v1/organization/{orgId}/integrations/{integrationId}",
        ["add a node authorization"] = "/connect/v1/organization/{orgId}/integrations/{integrationId}/authorizations",
        ["list assets"] = "/connect/v1/organization/{orgId}/assets",
        ["create an app"] = "/connect/v1/organization/{orgId}/assets/apps",
        ["delete an app"] = "/connect/v1/organization/{orgId}/assets/{assetId}",
        ["onboard an app"] = "/connectapi/v2/digital/app",
        ["read an onboarded app"] = "/connectapi/v2/digital/app/{appId}",
        ["update an onboarded app"] = "/connectapi/v2/digital/app/{appId}",
        ["list Connect templates"] = "/connect/v1/organization/{orgId}/templates",
        ["create a Connect template"] = "/connect/v1/organization/{orgId}/templates",
        ["read a Connect template"] = "/connect/v1/organization/{orgId}/templates/{templateId}",
        ["change a Connect template"] = "/connect/v1/organization/{orgId}/templates/{templateId}",
        ["delete a Connect template"] = "/connect/v1/organization/{orgId}/templates/{templateId}",
        ["read the tenant settings"] = "/connect/v1/organization/{orgId}/tenant-settings",
        ["change the tenant settings"] = "/connect/v1/organization/{orgId}/tenant-settings",
        ["read my profile"] = "/connect/v1/organization/{orgId}/profile",
        ["change my profile"] = "/connect/v1/organization/{orgId}/profile",
        ["read a transaction"] = "/connect/v1/organization/{orgId}/debug/transactions/{transactionId}",
        ["query the debug log"] = "/connect/v1/organization/{orgId}/debug/logs",
        ["read a report"] = "/connect/v1/organization/{orgId}/reports",
        ["read the usage"] = "/connect/v1/organization/{orgId}/usage",
        ["create a sandbox application"] = "/sandbox/v1/organization/{orgId}/applications",
        ["list log exports"] = "/connect/v1/organization/{orgId}/log-exports",
        ["start a log export"] = "/connect/v1/organization/{orgId}/log-exports",
        ["read a log export"] = "/connect/v1/organization/{orgId}/log-exports/{exportId}",
        ["download a log export"] = "/connect/v1/organization/{orgId}/log-exports/{exportId}/download",
        ["list scheduled events"] = "/connect/v1/organization/{orgId}/scheduled-events",
        ["schedule an event"] = "/connect/v1/organization/{orgId}/scheduled-events",
        ["read a scheduled event"] = "/connect/v1/organization/{orgId}/scheduled-events/{eventId}",
        ["change a scheduled event"] = "/connect/v1/organization/{orgId}/scheduled-events/{eventId}",
        ["remove a scheduled event"] = "/connect/v1/organization/{orgId}/scheduled-events/{eventId}",
    };

    [Fact]
    public async Task The_matrix_covers_every_documented_organization_route()
    {
        // Every route under /connect/v1/organization/… (and the management API's applications) in the OpenAPI document
        // has a row here, so that a new route cannot be added without deciding who may call it.
        using var response = await api.SendAsync(HttpMethod.Get, "/connect/v1/openapi.json", token: null);
        var document = await SandboxApi.ExpectJsonAsync(response, HttpStatusCode.OK);
        var documented = document.GetProperty("paths").EnumerateObject()
            .Where(p => p.Name.StartsWith("/connect/v1/organization/", StringComparison.Ordinal) || p.Name.StartsWith("/connectapi/", StringComparison.Ordinal)
                || p.Name.EndsWith("/applications", StringComparison.Ordinal))
            .SelectMany(p => p.Value.EnumerateObject().Where(o => o.Name != "parameters").Select(o => $"{o.Name.ToUpperInvariant()} {p.Name}"))
            .Order().ToList();
        var covered = Routes.Select(r => $"{r.Method.Method} {Templates[r.Name]}").Order().ToList();
        Assert.Equal(documented, covered);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Role_may_or_may_not_call_the_route(string routeName, string role)
    {
        var route = Routes.Single(r => r.Name == routeName);
        var owner = await api.OwnerTokenAsync();
        var (path, body) = await route.Prepare(api, owner);

        // The Onboarding API names the organization in a header, not in the path.
        var headers = path.StartsWith(OnboardingPath, StringComparison.Ordinal) ? new Dictionary<string, string> { ["x-organization-id"] = api.Sandbox.OrgId } : null;
        using var response = await api.SendAsync(route.Method, path, await TokenForRoleAsync(role), body, headers);

        if (route.AllowedRoles.Split(' ').Contains(role))
            await SandboxApi.ExpectJsonAsync(response, route.Success);
        else
            await SandboxApi.ExpectProblemAsync(response, HttpStatusCode.Forbidden, "role.forbidden", $"The role '{role}' may not {route.Action}.");
    }

    private Task<string> TokenForRoleAsync(string role) =>
        role == "Owner"
            ? api.OwnerTokenAsync()
            : RoleTokens.GetOrAdd(api.Sandbox.BaseUrl + "|" + role,
                _ => api.TokenForNewApplicationAsync(role, "connect:config_read", "connect:config_write", "sandbox:admin"));

    private static string ConnectTemplatesPath(SandboxApi api) => $"/connect/v1/organization/{api.Sandbox.OrgId}/templates";

    private static async Task<string> ConnectTemplatePathAsync(SandboxApi api, string owner)
    {
        using var response = await api.SendAsync(HttpMethod.Post, ConnectTemplatesPath(api), owner, new { name = SandboxApi.UniqueName("Matrix target"), channel = "rcs", body = "Hi" });
        return $"{ConnectTemplatesPath(api)}/{(await SandboxApi.ExpectJsonAsync(response, HttpStatusCode.Created)).GetProperty("id").GetString()}";
    }

    /// <summary>A transaction in the logs: the simulator plays a customer's message on the first SMS number (no rule: rejected, still logged).</summary>
    private static async Task<string> TransactionIdAsync(SandboxApi api, string owner)
    {
        using var assets = await api.SendAsync(HttpMethod.Get, $"{AssetsPath(api)}?type=Number", owner);
        var number = (await SandboxApi.ExpectJsonAsync(assets, HttpStatusCode.OK)).GetProperty("data")[0].GetProperty("id").GetString();
        using var sent = await api.SendAsync(HttpMethod.Post, $"/sandbox/v1/organization/{api.Sandbox.OrgId}/connect/inbound", owner, new { assetId = number });
        return (await SandboxApi.ExpectJsonAsync(sent, HttpStatusCode.OK)).GetProperty("transactionId").GetString()!;
    }

    private static async Task<string> ServicePathAsync(SandboxApi api, string owner) =>
        $"{api.ServicesPath}/{(await api.CreateServiceAsync(owner, SandboxApi.UniqueName("Matrix target"))).GetProperty("id").GetString()}";

    private static async Task<string> InvitedPathAsync(SandboxApi api, string owner) =>
        $"{api.TeammatesPath()}/{(await api.InviteAsync(owner, TeammateApi.UniqueEmail("invited"), "ReadOnly")).GetProperty("id").GetString()}";

    private static async Task<string> JoinedPathAsync(SandboxApi api, string owner) =>
        $"{api.TeammatesPath()}/{await api.JoinedTeammateAsync(owner, TeammateApi.UniqueEmail("joined"), "FullAccess")}";

    private static async Task<string> TeamIdAsync(SandboxApi api, string owner) =>
        await api.CreateTeamAsync(owner, SandboxApi.UniqueName("Team"), await api.CreateGroupAsync(owner, SandboxApi.UniqueName("Group")));

    /// <summary>A synthetic export: 256 bytes of lower-case hex, enough for the payload checks.</summary>
    private static readonly string Payload = new('e', 512);

    private static string IntegrationsPath(SandboxApi api) => $"/connect/v1/organization/{api.Sandbox.OrgId}/integrations";
    private const string OnboardingPath = "/connectapi/v2/digital/app";

    private static string AssetsPath(SandboxApi api) => $"/connect/v1/organization/{api.Sandbox.OrgId}/assets";

    private static async Task<string> PostForIdAsync(SandboxApi api, string owner, string path, object body, HttpStatusCode status = HttpStatusCode.Created)
    {
        using var response = await api.SendAsync(HttpMethod.Post, path, owner, body);
        return (await SandboxApi.ExpectJsonAsync(response, status)).GetProperty("id").GetString()!;
    }

    /// <summary>An empty New Flow (Email) in a new service.</summary>
    private static async Task<string> FlowPathAsync(SandboxApi api, string owner)
    {
        var flows = await ServicePathAsync(api, owner) + "/flows";
        return $"{flows}/{await PostForIdAsync(api, owner, flows, new { name = "Matrix flow", kind = "Email" })}";
    }

    /// <summary>An uploaded flow: its version 1 has a payload.</summary>
    private static async Task<string> ImportedFlowPathAsync(SandboxApi api, string owner)
    {
        var flows = await ServicePathAsync(api, owner) + "/flows";
        return $"{flows}/{await PostForIdAsync(api, owner, flows + "/import", new { name = "Matrix download", kind = "InboundWebhook", payload = Payload })}";
    }

    /// <summary>An uploaded, saved inbound-webhook flow: no asset or integration needed, so Make Live has nothing to find.</summary>
    private static async Task<string> SavedWebhookFlowPathAsync(SandboxApi api, string owner)
    {
        var flows = await ServicePathAsync(api, owner) + "/flows";
        var flowPath = $"{flows}/{await PostForIdAsync(api, owner, flows + "/import", new { name = "Matrix webhook", kind = "InboundWebhook", payload = Payload })}";
        using var saved = await api.SendAsync(HttpMethod.Post, flowPath + "/save", owner);
        await SandboxApi.ExpectJsonAsync(saved, HttpStatusCode.OK);
        return flowPath;
    }

    private static Task<string> CreateAppAsync(SandboxApi api, string owner) =>
        PostForIdAsync(api, owner, AssetsPath(api) + "/apps", new { name = SandboxApi.UniqueName("Matrix chat"), channel = "LiveChat" });

    /// <summary>A new service with a Live Chat flow, and a new Live Chat app no rule uses yet.</summary>
    private static async Task<(string ServicePath, string FlowId, string AssetId)> ChatFlowAndAppAsync(SandboxApi api, string owner)
    {
        var servicePath = await ServicePathAsync(api, owner);
        var flowId = await PostForIdAsync(api, owner, servicePath + "/flows", new { name = "Matrix chat flow", kind = "LiveChat" });
        return (servicePath, flowId, await CreateAppAsync(api, owner));
    }

    private static async Task<(string Path, object? Body)> RulePathAsync(SandboxApi api, string owner)
    {
        var (servicePath, flowId, assetId) = await ChatFlowAndAppAsync(api, owner);
        using var rule = await api.SendAsync(HttpMethod.Put, servicePath + "/rules", owner, new { assetId, flowId });
        return ($"{servicePath}/rules/{(await SandboxApi.ExpectJsonAsync(rule, HttpStatusCode.OK)).GetProperty("id").GetString()}", null);
    }

    /// <summary>The tenant's pre-built Webex CC Engage integration.</summary>
    private static async Task<string> IntegrationPathAsync(SandboxApi api, string owner)
    {
        using var list = await api.SendAsync(HttpMethod.Get, IntegrationsPath(api), owner);
        var engage = (await SandboxApi.ExpectJsonAsync(list, HttpStatusCode.OK)).GetProperty("data").EnumerateArray()
            .Single(i => i.GetProperty("name").GetString() == "Webex CC Engage");
        return $"{IntegrationsPath(api)}/{engage.GetProperty("id").GetString()}";
    }

    private static string LogExportsPath(SandboxApi api) => $"/connect/v1/organization/{api.Sandbox.OrgId}/log-exports";
    private static string ScheduledEventsPath(SandboxApi api) => $"/connect/v1/organization/{api.Sandbox.OrgId}/scheduled-events";

    private static async Task<string> ServiceIdAsync(SandboxApi api, string owner) =>
        (await api.CreateServiceAsync(owner, SandboxApi.UniqueName("Matrix logs"))).GetProperty("id").GetString()!;

    /// <summary>A new event for an empty custom-event flow of a new service, far in the future so that it never fires here.</summary>
    private static async Task<object> ScheduledEventBodyAsync(SandboxApi api, string owner)
    {
        var serviceId = await ServiceIdAsync(api, owner);
        var flowId = await PostForIdAsync(api, owner, $"{api.ServicesPath}/{serviceId}/flows", new { name = "Matrix campaign", kind = "CustomEvent" });
        return new { name = SandboxApi.UniqueName("Matrix event"), serviceId, flowId, startTime = "2099-01-01T00:00:00Z" };
    }

    private static async Task<string> ScheduledEventPathAsync(SandboxApi api, string owner) =>
        $"{ScheduledEventsPath(api)}/{await PostForIdAsync(api, owner, ScheduledEventsPath(api), await ScheduledEventBodyAsync(api, owner))}";

    public void Dispose() => api.Dispose();
}
