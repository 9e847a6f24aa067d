using System.Net;
using DigitalChannels.Client.Commands;
using DigitalChannels.Client.Connect;
using DigitalChannels.Client.Environments;
using DigitalChannels.Client.Tests.Infrastructure;

namespace DigitalChannels.Client.Tests.Connect;

/// <summary>The command logic of the service cmdlets against a scripted server: what is asked, what is sent, what is written.</summary>
public class ConnectServiceCommandsTests
{
    private const string Org = "org-1";
    private const string LabId = "0f8fad5b-d9cb-469f-a165-70867728950e";
    private static string Service(string id, string name, bool locked = false) =>
        $"{{\"id\":\"{id}\",\"organizationId\":\"{Org}\",\"name\":\"{name}\",\"locked\":{(locked ? "true" : "false")},\"version\":0}}";

    private static string Page(params string[] items) =>
        $"{{\"meta\":{{\"page\":0,\"pageSize\":100,\"totalPages\":{(items.Length == 0 ? 0 : 1)},\"totalRecords\":{items.Length}}},\"data\":[{string.Join(",", items)}]}}";

    private static async Task<DigitalChannelsConnection> Connect(StubHandler handler, WebexEnvironment? environment = null) =>
        await DigitalChannelsConnection.ConnectAsync(new ConnectionOptions
        {
            Environment = environment ?? WebexEnvironment.ForSandbox("http://sandbox.test"),
            OrganizationId = Org,
            AccessToken = "test-token-value",
            HttpMessageHandler = handler,
            RetryPolicy = DigitalChannels.Client.Http.RetryPolicy.None,
        }, CancellationToken.None);

    private static StubHandler Server() => new((request, body, _) =>
    {
        var path = request.RequestUri!.AbsolutePath;
        var query = System.Web.HttpUtility.ParseQueryString(request.RequestUri.Query);
        if (request.Method == HttpMethod.Get && path.EndsWith("/services") && query["name"] == "Lab A") return StubHandler.Json(HttpStatusCode.OK, Page(Service(LabId, "Lab A")));
        if (request.Method == HttpMethod.Get && path.EndsWith("/services") && query["name"] != null) return StubHandler.Json(HttpStatusCode.OK, Page());
        if (request.Method == HttpMethod.Get && path.EndsWith("/services"))
            return StubHandler.Json(HttpStatusCode.OK, Page(Service(LabId, "Lab A"), Service("1b4e28ba-2fa1-11d2-883f-0016d3cca427", "My Lab"), Service("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "Lab B")));
        if (request.Method == HttpMethod.Get && path.EndsWith($"/services/{LabId}/flows"))
            return StubHandler.Json(HttpStatusCode.OK, Page("{\"id\":\"f1\",\"name\":\"Email Flow\"}", "{\"id\":\"f2\",\"name\":\"Chat Flow\"}"));
        if (request.Method == HttpMethod.Get && path.EndsWith($"/services/{LabId}/rules"))
            return StubHandler.Json(HttpStatusCode.OK, Page("{\"id\":\"r1\",\"flowId\":\"f1\",\"assetId\":\"a1\"}", "{\"id\":\"r2\",\"flowId\":\"f2\",\"assetId\":\"a2\"}",
                "{\"id\":\"r3\",\"flowId\":\"f2\",\"assetId\":\"a2\"}"));
        if (request.Method == HttpMethod.Get && path.EndsWith("/credentials")) return StubHandler.Json(HttpStatusCode.OK, $"{{\"serviceId\":\"{LabId}\",\"serviceSecret\":\"c2VjcmV0LXZhbHVl\"}}");
        if (request.Method == HttpMethod.Get && path.EndsWith(LabId)) return StubHandler.Json(HttpStatusCode.OK, Service(LabId, "Lab A"));
        if (request.Method == HttpMethod.Post) return StubHandler.Json(HttpStatusCode.Created, Service(LabId, "Lab A"));
        if (request.Method.Method == "PATCH") return StubHandler.Json(HttpStatusCode.OK, Service(LabId, "Lab A", locked: body!.Contains("\"locked\":true")));
        if (request.Method == HttpMethod.Delete) return StubHandler.Status(HttpStatusCode.NoContent);
        return StubHandler.Json(HttpStatusCode.NotFound, "{\"title\":\"Not Found\",\"detail\":\"No service with that id.\"}");
    });

    private static bool IsWrite(RecordedRequest r) => r.Method != HttpMethod.Get;

    [Fact]
    public async Task New_asks_should_process_then_creates_and_writes_the_service()
    {
        var handler = Server();
        using var connection = await Connect(handler);
        var host = new RecordingHost();

        CommandRunner.Run(host, ConnectServiceCommands.Noun, h => ConnectServiceCommands.NewAsync(h, connection, " Lab A ", "desc"));

        var (target, action) = Assert.Single(host.ShouldProcessCalls);
        Assert.Contains("'Lab A'", target);
        Assert.Equal("Create", action);
        var post = Assert.Single(handler.Requests, IsWrite);
        Assert.Equal($"/connect/v1/organization/{Org}/services", post.Uri.AbsolutePath);
        Assert.Equal("{\"name\":\"Lab A\",\"description\":\"desc\"}", post.Body);
        Assert.Equal("Lab A", Assert.IsType<ConnectService>(Assert.Single(host.Objects)).Name);
    }

    [Fact]
    public async Task WhatIf_sends_no_change_for_new_set_or_remove()
    {
        var handler = Server();
        using var connection = await Connect(handler);
        var host = new RecordingHost { Answer = false };

        CommandRunner.Run(host, "ConnectService", h => ConnectServiceCommands.NewAsync(h, connection, "Lab A", null));
        CommandRunner.Run(host, "ConnectService", h => ConnectServiceCommands.SetAsync(h, connection, new ConnectServiceIdentity("Lab A"), new ConnectServiceChanges { Locked = true }, true));
        CommandRunner.Run(host, "ConnectService", h => ConnectServiceCommands.RemoveAsync(h, connection, new ConnectServiceIdentity("Lab A")));

        Assert.Equal(3, host.ShouldProcessCalls.Count);
        Assert.DoesNotContain(handler.Requests, IsWrite);
        Assert.Empty(host.Objects);
        Assert.Empty(host.Errors);
    }

    [Fact]
    public async Task Remove_confirmation_names_the_flows_and_counts_the_rules_and_assets_that_go_with_the_service()
    {
        var handler = Server();
        using var connection = await Connect(handler);
        var host = new RecordingHost { Answer = false };

        CommandRunner.Run(host, ConnectServiceCommands.Noun, h => ConnectServiceCommands.RemoveAsync(h, connection, new ConnectServiceIdentity("Lab A")));

        var (target, action) = Assert.Single(host.ShouldProcessCalls);
        Assert.Equal($"Connect service 'Lab A' (id {LabId}) and with it 2 flows ('Email Flow', 'Chat Flow') and 3 rules (2 assets will start no flow)", target);
        Assert.Equal("Remove", action);
        Assert.DoesNotContain(handler.Requests, IsWrite);
    }

    [Fact]
    public async Task Set_resolves_a_name_and_patches_only_what_was_given()
    {
        var handler = Server();
        using var connection = await Connect(handler);
        var host = new RecordingHost();

        CommandRunner.Run(host, "ConnectService", h => ConnectServiceCommands.SetAsync(h, connection, new ConnectServiceIdentity("Lab A"), new ConnectServiceChanges { Locked = true }, passThru: true));

        Assert.Equal(("Connect service 'Lab A' (id " + LabId + ")", "Lock"), Assert.Single(host.ShouldProcessCalls));
        var patch = Assert.Single(handler.Requests, IsWrite);
        Assert.Equal("PATCH", patch.Method.Method);
        Assert.EndsWith("/services/" + LabId, patch.Uri.AbsolutePath);
        Assert.Equal("{\"locked\":true}", patch.Body);
        Assert.True(Assert.IsType<ConnectService>(Assert.Single(host.Objects)).Locked);
    }

    [Fact]
    public async Task Set_without_passthru_writes_nothing_and_without_changes_is_an_error()
    {
        var handler = Server();
        using var connection = await Connect(handler);
        var host = new RecordingHost();

        CommandRunner.Run(host, "ConnectService", h => ConnectServiceCommands.SetAsync(h, connection, new ConnectServiceIdentity(LabId), new ConnectServiceChanges { Name = "Lab Z" }, passThru: false));
        CommandRunner.Run(host, "ConnectService", h => ConnectServiceCommands.SetAsync(h, connection, new ConnectServiceIdentity(LabId), new ConnectServiceChanges(), passThru: false));

        Assert.Empty(host.Objects);
        var error = Assert.Single(host.Errors);
        Assert.Equal("ConnectServiceInvalidArgument", error.ErrorId);
        Assert.Contains("-NewName", error.Message);
    }

    [Fact]
    public async Task Get_with_a_wildcard_narrows_the_server_search_and_filters_like_powershell()
    {
        var handler = Server();
        using var connection = await Connect(handler);
        var host = new RecordingHost();

        CommandRunner.Run(host, "ConnectService", h => ConnectServiceCommands.GetAsync(h, connection, null, "Lab*", includeSecret: false));

        Assert.Equal(new[] { "Lab A", "Lab B" }, host.Objects.Cast<ConnectService>().Select(s => s.Name));
        Assert.Equal("Lab", System.Web.HttpUtility.ParseQueryString(Assert.Single(handler.Requests).Uri.Query)["search"]);
        Assert.All(host.Objects.Cast<ConnectService>(), s => Assert.Null(s.ServiceSecret));
    }

    [Fact]
    public async Task Get_by_a_plain_name_that_matches_nothing_is_an_object_not_found_error_naming_it()
    {
        using var connection = await Connect(Server());
        var host = new RecordingHost();

        CommandRunner.Run(host, "ConnectService", h => ConnectServiceCommands.GetAsync(h, connection, null, "Nope", false));

        var error = Assert.Single(host.Errors);
        Assert.Equal("ConnectServiceNotFound", error.ErrorId);
        Assert.Equal(CommandErrorCategory.ObjectNotFound, error.Category);
        Assert.Contains("'Nope'", error.Message);
    }

    [Fact]
    public async Task The_secret_is_read_only_when_asked_for()
    {
        var handler = Server();
        using var connection = await Connect(handler);
        var host = new RecordingHost();

        CommandRunner.Run(host, "ConnectService", h => ConnectServiceCommands.GetAsync(h, connection, LabId, null, includeSecret: true));

        Assert.Equal("c2VjcmV0LXZhbHVl", Assert.IsType<ConnectService>(Assert.Single(host.Objects)).ServiceSecret);
        Assert.Contains(handler.Requests, r => r.Uri.AbsolutePath.EndsWith("/credentials"));
        Assert.All(host.Verbose, v => Assert.DoesNotContain("c2VjcmV0LXZhbHVl", v));
    }

    [Fact]
    public async Task Against_a_live_tenant_every_service_command_stops_naming_the_portal_page_and_sends_nothing()
    {
        var handler = Server();
        using var connection = await Connect(handler, WebexEnvironment.ForRegion("eu1"));
        var host = new RecordingHost();

        var ex = Assert.Throws<CommandTerminatedException>(() =>
            CommandRunner.Run(host, "ConnectService", h => ConnectServiceCommands.NewAsync(h, connection, "Lab A", null)));

        Assert.Equal("ConnectServiceNoPublicApi", ex.Error.ErrorId);
        Assert.Contains("Webex Connect portal > Services > CREATE NEW SERVICE", ex.Error.Message);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public void An_identity_is_an_id_when_it_is_a_guid_and_a_name_otherwise()
    {
        Assert.Equal(LabId, new ConnectServiceIdentity(LabId.ToUpperInvariant()).Id);
        Assert.Equal("Lab A", new ConnectServiceIdentity(" Lab A ").Name);
        Assert.Equal(LabId, new ConnectServiceIdentity(new ConnectService { Id = LabId, Name = "Lab A" }).Id);
        Assert.Throws<ArgumentException>(() => new ConnectServiceIdentity(" "));
    }
}
