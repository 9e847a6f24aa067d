using System.Net;
using DigitalChannels.Client.Auth;
using DigitalChannels.IntegrationTests.Infrastructure;
using Microsoft.Data.Sqlite;
using Xunit;

namespace DigitalChannels.IntegrationTests.Connect;

/// <summary>
/// The sandbox's own enforcement of the flow, asset and integration rules, over plain HTTP as curl would call it: nothing
/// here goes through the client library, so a rule the client checks but the server forgets fails here. Channel flows
/// only: the channel-agnostic ones exist once per tenant and are tested on their own sandbox (<see cref="FlowLabTests"/>).
/// </summary>
[Collection(SharedSandboxCollection.Name)]
public sealed class FlowApiTests : IDisposable
{
    private static readonly string LiveChatPayload = SharedFixtures.Payload("v2.1", "Live Chat Inbound Flow.workflow");
    private readonly SandboxApi api;

    public FlowApiTests(SandboxProcess sandbox) => api = new SandboxApi(sandbox);

    public void Dispose() => api.Dispose();

    private string Flows(string serviceId) => $"{api.ServicesPath}/{serviceId}/flows";
    private string AssetsPath => $"/connect/v1/organization/{api.Sandbox.OrgId}/assets";

    private async Task<(string Token, string ServiceId)> NewServiceAsync(string prefix)
    {
        var token = await api.OwnerTokenAsync();
        var service = await api.CreateServiceAsync(token, SandboxApi.UniqueName(prefix));
        return (token, service.GetProperty("id").GetString()!);
    }

    private async Task<HttpResponseMessage> ImportAsync(string token, string serviceId, string name, string? kind, string payload, string? fileName = "x.workflow") =>
        await api.SendAsync(HttpMethod.Post, Flows(serviceId) + "/import", token, new { name, kind, fileName, payload });

    [Theory]
    [InlineData("ABCD", "'Bad.workflow' is not a Webex Connect flow export (.workflow): character 1 is 'A', an upper-case hex digit; exports are lower-case hex.")]
    [InlineData("abcde", "it has an odd number of hex digits (5), so it is not whole bytes.")]
    [InlineData("abcd", "it decodes to 2 bytes, which is not a multiple of 256.")]
    [InlineData("", "'Bad.workflow' is not a Webex Connect flow export (.workflow): it is empty.")]
    [InlineData("{\"nodes\":[]}", "character 1 is '{', not a hex digit (0-9, a-f).")]
    public async Task The_server_refuses_a_payload_that_is_not_an_export_even_when_sent_raw(string payload, string message)
    {
        var (token, serviceId) = await NewServiceAsync("Raw payload");
        using var response = await ImportAsync(token, serviceId, "Bad flow", "LiveChat", payload, "Bad.workflow");
        await SandboxApi.ExpectProblemAsync(response, HttpStatusCode.BadRequest, "flow.invalid_payload", message);

        using var create = await api.SendAsync(HttpMethod.Post, Flows(serviceId), token, new { name = "Bad flow", kind = "LiveChat", method = "Upload", fileName = "Bad.workflow", payload });
        await SandboxApi.ExpectProblemAsync(create, HttpStatusCode.BadRequest, "flow.invalid_payload", message);

        using var list = await api.SendAsync(HttpMethod.Get, Flows(serviceId), token);
        Assert.Equal(0, (await SandboxApi.ExpectJsonAsync(list, HttpStatusCode.OK)).GetProperty("meta").GetProperty("totalRecords").GetInt64());
    }

    [Fact]
    public async Task Import_stores_the_payload_with_its_hash_and_the_same_payload_again_is_a_no_op()
    {
        var (token, serviceId) = await NewServiceAsync("Import");
        using var first = await ImportAsync(token, serviceId, "Live Chat Inbound Flow", "LiveChat", LiveChatPayload, "Live Chat Inbound Flow.workflow");
        var flow = await SandboxApi.ExpectJsonAsync(first, HttpStatusCode.Created);
        Assert.Equal("Created", flow.GetProperty("importResult").GetString());
        Assert.Equal("WorkingDraft", flow.GetProperty("status").GetString());
        Assert.Equal("Channel", flow.GetProperty("category").GetString());
        Assert.Equal("Upload", flow.GetProperty("method").GetString());
        var version = flow.GetProperty("versions")[0];
        Assert.Equal(DigitalChannels.Client.Connect.Flows.WorkflowPayload.Sha256(LiveChatPayload), version.GetProperty("sha256").GetString());
        Assert.Equal(LiveChatPayload.Length / 2, version.GetProperty("decodedLength").GetInt64());
        Assert.Equal("Live Chat Inbound Flow.workflow", version.GetProperty("fileName").GetString());

        // Stored as it is: the database holds the exact text.
        await using (var db = new SqliteConnection($"Data Source={api.Sandbox.DatabasePath};Mode=ReadOnly"))
        {
            await db.OpenAsync();
            await using var command = db.CreateCommand();
            command.CommandText = "SELECT payload FROM connect_flow_versions WHERE flow_id = $id";
            command.Parameters.AddWithValue("$id", flow.GetProperty("id").GetString());
            Assert.Equal(LiveChatPayload, (string?)await command.ExecuteScalarAsync());
        }

        using var again = await ImportAsync(token, serviceId, "live chat inbound flow", null, LiveChatPayload);
        var same = await SandboxApi.ExpectJsonAsync(again, HttpStatusCode.OK);
        Assert.Equal("Unchanged", same.GetProperty("importResult").GetString());
        Assert.Equal(1, same.GetProperty("version").GetInt32());

        using var other = await ImportAsync(token, serviceId, "Live Chat Inbound Flow", null, new string('e', 1024));
        var newer = await SandboxApi.ExpectJsonAsync(other, HttpStatusCode.OK);
        Assert.Equal("NewVersion", newer.GetProperty("importResult").GetString());
        Assert.Equal(new[] { "Superseded", "WorkingDraft" }, newer.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("status").GetString()));

        using var kind = await ImportAsync(token, serviceId, "Live Chat Inbound Flow", "Email", LiveChatPayload);
        await SandboxApi.ExpectProblemAsync(kind, HttpStatusCode.Conflict, "flow.kind_mismatch",
            "Flow 'Live Chat Inbound Flow'", "is a LiveChat flow; a Email export cannot become a version of it.");

        using var noKind = await ImportAsync(token, serviceId, "Another", null, LiveChatPayload);
        await SandboxApi.ExpectProblemAsync(noKind, HttpStatusCode.BadRequest, "request.invalid_field", "There is no flow 'Another'", "so the field 'kind' is required");

        // Deleting the service takes its flows and their versions with it.
        using (var delete = await api.SendAsync(HttpMethod.Delete, $"{api.ServicesPath}/{serviceId}", token))
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        await using var after = new SqliteConnection($"Data Source={api.Sandbox.DatabasePath};Mode=ReadOnly");
        await after.OpenAsync();
        await using var count = after.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM connect_flow_versions WHERE flow_id = $id";
        count.Parameters.AddWithValue("$id", flow.GetProperty("id").GetString());
        Assert.Equal(0L, (long)(await count.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task New_Flow_is_empty_names_are_unique_per_service_and_bad_kinds_are_named()
    {
        var (token, serviceId) = await NewServiceAsync("New flow");
        using var created = await api.SendAsync(HttpMethod.Post, Flows(serviceId), token, new { name = "Scratch", kind = "whatsapp", type = "WorkFlow" });
        var flow = await SandboxApi.ExpectJsonAsync(created, HttpStatusCode.Created);
        Assert.Equal("NewFlow", flow.GetProperty("method").GetString());
        Assert.Equal("WhatsApp", flow.GetProperty("kind").GetString());
        Assert.False(flow.GetProperty("versions")[0].TryGetProperty("sha256", out _), "An empty New Flow has no payload, so no hash.");

        using var duplicate = await api.SendAsync(HttpMethod.Post, Flows(serviceId), token, new { name = "SCRATCH", kind = "Email" });
        await SandboxApi.ExpectProblemAsync(duplicate, HttpStatusCode.Conflict, "flow.duplicate_name", "already has a flow named 'Scratch'");

        using var badKind = await api.SendAsync(HttpMethod.Post, Flows(serviceId), token, new { name = "Y", kind = "Pigeon" });
        await SandboxApi.ExpectProblemAsync(badKind, HttpStatusCode.BadRequest, "request.invalid_field", "The field 'kind' is 'Pigeon'; use one of TaskRouted, TaskModified, TaskClose, Email");

        using var badType = await api.SendAsync(HttpMethod.Post, Flows(serviceId), token, new { name = "Z", kind = "Email", type = "Bot" });
        await SandboxApi.ExpectProblemAsync(badType, HttpStatusCode.BadRequest, "request.invalid_field", "The field 'type' is 'Bot'");

        // Save finds the empty flow; Make Live refuses until Save, then refuses on the findings.
        var flowPath = $"{Flows(serviceId)}/{flow.GetProperty("id").GetString()}";
        using var early = await api.SendAsync(HttpMethod.Post, flowPath + "/publish", token, "{}");
        await SandboxApi.ExpectProblemAsync(early, HttpStatusCode.Conflict, "flow.not_saved", "Version 1 of flow 'Scratch'", "has not been saved");
        using var save = await api.SendAsync(HttpMethod.Post, flowPath + "/save", token);
        var saved = await SandboxApi.ExpectJsonAsync(save, HttpStatusCode.OK);
        Assert.Contains(saved.GetProperty("findings").EnumerateArray(), f => f.GetString()!.StartsWith("The flow has no nodes: it was created with New Flow"));
        using var refused = await api.SendAsync(HttpMethod.Post, flowPath + "/publish", token, "{}");
        await SandboxApi.ExpectProblemAsync(refused, HttpStatusCode.Conflict, "flow.not_ready", "Flow 'Scratch'", "cannot be made live: The flow has no nodes");
    }

    [Fact]
    public async Task A_locked_service_refuses_every_flow_change_with_423()
    {
        var (token, serviceId) = await NewServiceAsync("Locked flows");
        using var imported = await ImportAsync(token, serviceId, "Chat", "LiveChat", LiveChatPayload);
        var flowPath = $"{Flows(serviceId)}/{(await SandboxApi.ExpectJsonAsync(imported, HttpStatusCode.Created)).GetProperty("id").GetString()}";
        using (var locking = await api.SendAsync(new HttpMethod("PATCH"), $"{api.ServicesPath}/{serviceId}", token, new { locked = true }))
            await SandboxApi.ExpectJsonAsync(locking, HttpStatusCode.OK);

        var attempts = new (HttpMethod Method, string Path, object? Body)[]
        {
            (HttpMethod.Post, Flows(serviceId) + "/import", new { name = "Chat", payload = new string('f', 512) }),
            (HttpMethod.Post, Flows(serviceId), new { name = "Other", kind = "Email" }),
            (HttpMethod.Post, flowPath + "/save", null),
            (HttpMethod.Post, flowPath + "/publish", new { }),
            (HttpMethod.Delete, flowPath, null),
        };
        foreach (var (method, path, body) in attempts)
        {
            using var response = await api.SendAsync(method, path, token, body);
            await SandboxApi.ExpectProblemAsync(response, HttpStatusCode.Locked, "service.locked", "is locked. Unlock it before changing it.");
        }
        using var read = await api.SendAsync(HttpMethod.Get, flowPath, token);
        Assert.Equal(1, (await SandboxApi.ExpectJsonAsync(read, HttpStatusCode.OK)).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Read_Only_cannot_import_and_Limited_Access_cannot_delete_an_app()
    {
        var (owner, serviceId) = await NewServiceAsync("Roles");
        var readOnly = await api.TokenForNewApplicationAsync("ReadOnly", Scopes.ConnectConfigRead, Scopes.ConnectConfigWrite);
        using (var import = await ImportAsync(readOnly, serviceId, "Chat", "LiveChat", LiveChatPayload))
            await SandboxApi.ExpectProblemAsync(import, HttpStatusCode.Forbidden, "role.forbidden", "The role 'ReadOnly' may not change the configuration.");
        using (var list = await api.SendAsync(HttpMethod.Get, Flows(serviceId), readOnly))
            await SandboxApi.ExpectJsonAsync(list, HttpStatusCode.OK);

        var limited = await api.TokenForNewApplicationAsync("LimitedAccess", Scopes.ConnectConfigRead, Scopes.ConnectConfigWrite);
        using var created = await api.SendAsync(HttpMethod.Post, AssetsPath + "/apps", limited, new { name = SandboxApi.UniqueName("Limited chat"), channel = "LiveChat" });
        var app = await SandboxApi.ExpectJsonAsync(created, HttpStatusCode.Created);
        using (var delete = await api.SendAsync(HttpMethod.Delete, $"{AssetsPath}/{app.GetProperty("id").GetString()}", limited))
            await SandboxApi.ExpectProblemAsync(delete, HttpStatusCode.Forbidden, "role.forbidden", "The role 'LimitedAccess' may not delete assets. Allowed roles: Owner, FullAccess.");
        using (var delete = await api.SendAsync(HttpMethod.Delete, $"{AssetsPath}/{app.GetProperty("id").GetString()}", owner))
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
    }

    [Fact]
    public async Task Numbers_are_seeded_and_read_only_apps_exist_for_every_channel_but_SMS_and_a_used_app_cannot_go()
    {
        var token = await api.OwnerTokenAsync();
        using var list = await api.SendAsync(HttpMethod.Get, AssetsPath + "?type=Number", token);
        var numbers = (await SandboxApi.ExpectJsonAsync(list, HttpStatusCode.OK)).GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(new[] { "+1555010001", "+1555010002", "+1555010003" }, numbers.Select(n => n.GetProperty("name").GetString()));
        Assert.All(numbers, n => Assert.True(n.GetProperty("readOnly").GetBoolean()));

        using (var delete = await api.SendAsync(HttpMethod.Delete, $"{AssetsPath}/{numbers[0].GetProperty("id").GetString()}", token))
            await SandboxApi.ExpectProblemAsync(delete, HttpStatusCode.Conflict, "asset.read_only", "The number '+1555010001'", "is provided by Cisco and read-only");
        using (var sms = await api.SendAsync(HttpMethod.Post, AssetsPath + "/apps", token, new { name = "Texts", channel = "Sms" }))
            await SandboxApi.ExpectProblemAsync(sms, HttpStatusCode.BadRequest, "request.invalid_field", "SMS has no apps: SMS numbers are provided by Cisco");

        var appName = SandboxApi.UniqueName("Web chat");
        using var created = await api.SendAsync(HttpMethod.Post, AssetsPath + "/apps", token, new { name = appName, channel = "livechat" });
        var app = await SandboxApi.ExpectJsonAsync(created, HttpStatusCode.Created);
        Assert.Equal("LiveChat", app.GetProperty("channel").GetString());
        using (var duplicate = await api.SendAsync(HttpMethod.Post, AssetsPath + "/apps", token, new { name = appName.ToUpperInvariant(), channel = "Email" }))
            await SandboxApi.ExpectProblemAsync(duplicate, HttpStatusCode.Conflict, "asset.duplicate_name", $"An app named '{appName}' already exists");

        // A rule makes the app trigger a flow; then the app cannot be deleted, and the RULES tab lists it.
        var service = await api.CreateServiceAsync(token, SandboxApi.UniqueName("Rules"));
        var serviceId = service.GetProperty("id").GetString()!;
        using var imported = await ImportAsync(token, serviceId, "Chat", "LiveChat", LiveChatPayload);
        var flowId = (await SandboxApi.ExpectJsonAsync(imported, HttpStatusCode.Created)).GetProperty("id").GetString()!;
        using (var wrong = await api.SendAsync(HttpMethod.Put, $"{api.ServicesPath}/{serviceId}/rules", token, new { assetId = numbers[0].GetProperty("id").GetString(), flowId }))
            await SandboxApi.ExpectProblemAsync(wrong, HttpStatusCode.BadRequest, "request.invalid_field", "is a Sms asset; it cannot trigger the LiveChat flow 'Chat'");
        using (var rule = await api.SendAsync(HttpMethod.Put, $"{api.ServicesPath}/{serviceId}/rules", token, new { assetId = app.GetProperty("id").GetString(), flowId }))
            Assert.Equal(appName, (await SandboxApi.ExpectJsonAsync(rule, HttpStatusCode.OK)).GetProperty("assetName").GetString());
        using (var rules = await api.SendAsync(HttpMethod.Get, $"{api.ServicesPath}/{serviceId}/rules", token))
            Assert.Equal("Chat", Assert.Single((await SandboxApi.ExpectJsonAsync(rules, HttpStatusCode.OK)).GetProperty("data").EnumerateArray()).GetProperty("flowName").GetString());
        using (var delete = await api.SendAsync(HttpMethod.Delete, $"{AssetsPath}/{app.GetProperty("id").GetString()}", token))
            await SandboxApi.ExpectProblemAsync(delete, HttpStatusCode.Conflict, "asset.in_use", $"The app '{appName}'", "triggers flow 'Chat'");
    }

    /// <summary>The pre-built integrations come from a trigger on organizations, so an organization added later has them too.</summary>
    [Fact]
    public async Task Every_organization_gets_the_prebuilt_integrations_and_numbers_even_one_created_later()
    {
        var token = await api.OwnerTokenAsync();
        using var list = await api.SendAsync(HttpMethod.Get, $"/connect/v1/organization/{api.Sandbox.OrgId}/integrations", token);
        var integrations = (await SandboxApi.ExpectJsonAsync(list, HttpStatusCode.OK)).GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(new[] { "Webex CC Engage", "Webex CC Task" }, integrations.Select(i => i.GetProperty("name").GetString()).Order());

        var later = Guid.NewGuid().ToString("D");
        await using var db = new SqliteConnection($"Data Source={api.Sandbox.DatabasePath}");
        await db.OpenAsync();
        await using (var insert = db.CreateCommand())
        {
            insert.CommandText = "PRAGMA busy_timeout=10000; INSERT INTO organizations (id, name, created_time) VALUES ($id, 'Later', '2030-01-01T00:00:00.000Z');";
            insert.Parameters.AddWithValue("$id", later);
            await insert.ExecuteNonQueryAsync();
        }
        await using var query = db.CreateCommand();
        query.CommandText = """
            SELECT (SELECT group_concat(name, ',') FROM (SELECT name FROM connect_integrations WHERE organization_id = $id ORDER BY name)),
                   (SELECT COUNT(*) FROM connect_assets WHERE organization_id = $id AND type = 'Number');
            """;
        query.Parameters.AddWithValue("$id", later);
        await using var reader = await query.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal("Webex CC Engage,Webex CC Task", reader.GetString(0));
        Assert.Equal(3, reader.GetInt64(1));
    }
}
