using System.Net;
using DigitalChannels.Client.Commands;
using DigitalChannels.Client.Connect;
using DigitalChannels.Client.Connect.Flows;
using DigitalChannels.Client.Environments;
using DigitalChannels.Client.Tests.Infrastructure;

namespace DigitalChannels.Client.Tests.Commands;

/// <summary>A wildcard where one object is meant must match exactly one; Get-ConnectFlow expands -Service and lists the whole tenant.</summary>
public class WildcardLookupTests
{
    private const string Org = "org-1";
    private const string AgnosticId = "0f8fad5b-d9cb-469f-a165-70867728950e";
    private const string LabAId = "1b4e28ba-2fa1-11d2-883f-0016d3cca427";
    private const string LabBId = "6ba7b810-9dad-11d1-80b4-00c04fd430c8";

    private static string Service(string id, string name) => $"{{\"id\":\"{id}\",\"organizationId\":\"{Org}\",\"name\":\"{name}\",\"locked\":false,\"version\":0}}";

    private static string Flow(string serviceId, string name) =>
        $"{{\"id\":\"{Guid.NewGuid()}\",\"serviceId\":\"{serviceId}\",\"name\":\"{name}\",\"kind\":\"TaskRouted\",\"status\":\"WorkingDraft\",\"version\":1}}";

    private static string Page(params string[] items) =>
        $"{{\"meta\":{{\"page\":0,\"pageSize\":100,\"totalPages\":{(items.Length == 0 ? 0 : 1)},\"totalRecords\":{items.Length}}},\"data\":[{string.Join(",", items)}]}}";

    /// <summary>Three services; the list honours ?search= as a substring, as the sandbox does.</summary>
    private static StubHandler Server() => new((request, _, _) =>
    {
        var path = request.RequestUri!.AbsolutePath;
        var query = System.Web.HttpUtility.ParseQueryString(request.RequestUri.Query);
        var services = new[] { (AgnosticId, "Agnostic Flows DO NOT MODIFY"), (LabAId, "Lab A"), (LabBId, "Lab B") };
        if (path.EndsWith("/services"))
        {
            var search = query["search"];
            return StubHandler.Json(HttpStatusCode.OK, Page(services.Where(s => search == null || s.Item2.Contains(search, StringComparison.OrdinalIgnoreCase))
                .Select(s => Service(s.Item1, s.Item2)).ToArray()));
        }
        if (path.EndsWith($"/services/{AgnosticId}/flows")) return StubHandler.Json(HttpStatusCode.OK, Page(Flow(AgnosticId, "Task Routed Flow"), Flow(AgnosticId, "Task Close Flow")));
        if (path.EndsWith($"/services/{LabAId}/flows")) return StubHandler.Json(HttpStatusCode.OK, Page(Flow(LabAId, "Orders chat")));
        if (path.EndsWith($"/services/{LabBId}/flows")) return StubHandler.Json(HttpStatusCode.OK, Page());
        return StubHandler.Json(HttpStatusCode.NotFound, "{}");
    });

    private static Task<DigitalChannelsConnection> Connect(StubHandler handler) =>
        DigitalChannelsConnection.ConnectAsync(new ConnectionOptions
        {
            Environment = WebexEnvironment.ForSandbox("http://sandbox.test"),
            OrganizationId = Org,
            AccessToken = "test-token-value",
            HttpMessageHandler = handler,
            RetryPolicy = DigitalChannels.Client.Http.RetryPolicy.None,
        }, CancellationToken.None);

    private static async IAsyncEnumerable<string> Names(params string[] names)
    {
        foreach (var name in names)
        {
            await Task.Yield();
            yield return name;
        }
    }

    [Fact]
    public async Task A_pattern_that_matches_one_name_gives_that_object()
    {
        Assert.Equal("Lab A", await WildcardLookup.SingleAsync(Names("Agnostic", "Lab A", "Orders"), "lab*", n => n, "thing", "lab*", CancellationToken.None));
    }

    [Fact]
    public async Task A_pattern_that_matches_none_is_not_found_and_several_is_refused_naming_them()
    {
        var none = await Assert.ThrowsAsync<IdentityNotFoundException>(() =>
            WildcardLookup.SingleAsync(Names("Agnostic", "Lab A"), "Zed*", n => n, "Connect service", "Zed*", CancellationToken.None));
        Assert.Equal("No Connect service matches the wildcard pattern 'Zed*'.", none.Message);

        var several = await Assert.ThrowsAsync<ArgumentException>(() =>
            WildcardLookup.SingleAsync(Names("Agnostic", "Lab A", "Lab B"), "Lab*", n => n, "Connect service", "Lab*", CancellationToken.None));
        Assert.Contains("'Lab*' matches 2 Connect services ('Lab A', 'Lab B')", several.Message);
        Assert.Contains("must name exactly one", several.Message);
    }

    [Fact]
    public async Task A_name_that_really_contains_wildcard_characters_still_finds_itself()
    {
        Assert.Equal("Lab [A]", await WildcardLookup.SingleAsync(Names("Lab A", "Lab [A]", "Lab B"), "lab [a]", n => n, "thing", "x", CancellationToken.None));
        Assert.Equal("Sale 50%*", WildcardLookup.Single(new[] { "Sale 50%*", "Sale 50% off" }, "Sale 50%*", n => n, "thing", "x"));
    }

    [Fact]
    public void A_list_already_read_follows_the_same_rule()
    {
        var assets = new[] { "Orders chat app", "Support chat app", "Orders SMS" };
        Assert.Equal("Orders SMS", WildcardLookup.Single(assets, "*SMS", a => a, "Connect asset", "*SMS"));
        Assert.Throws<IdentityNotFoundException>(() => WildcardLookup.Single(assets, "*mail*", a => a, "Connect asset", "*mail*"));
        var several = Assert.Throws<ArgumentException>(() => WildcardLookup.Single(assets, "*chat*", a => a, "Engage working hours", "*chat*"));
        Assert.Contains("matches 2 Engage working hours ('Orders chat app', 'Support chat app')", several.Message);
    }

    [Fact]
    public async Task A_service_identity_resolves_a_pattern_to_its_one_match_and_an_error_id_names_the_cause()
    {
        using var connection = await Connect(Server());
        var agnostic = await new ConnectServiceIdentity("Agnostic*").ResolveAsync(connection.ConnectServices, CancellationToken.None);
        Assert.Equal(AgnosticId, agnostic.Id);

        var host = new RecordingHost();
        CommandRunner.Run(host, ConnectServiceCommands.Noun, h => ConnectServiceCommands.RemoveAsync(h, connection, new ConnectServiceIdentity("Lab*")));
        var error = Assert.Single(host.Errors);
        Assert.Equal("ConnectServiceInvalidArgument", error.ErrorId);
        Assert.Contains("'Lab A', 'Lab B'", error.Message);
    }

    [Fact]
    public async Task Get_ConnectFlow_without_a_service_lists_the_flows_of_every_service()
    {
        using var connection = await Connect(Server());
        var host = new RecordingHost();
        CommandRunner.Run(host, ConnectFlowCommands.Noun, h => ConnectFlowCommands.GetAsync(h, connection, null, null));
        Assert.Empty(host.Errors);
        Assert.Equal(new[] { "Task Routed Flow", "Task Close Flow", "Orders chat" }, host.Objects.Cast<ConnectFlow>().Select(f => f.Name));
    }

    [Fact]
    public async Task Get_ConnectFlow_with_a_wildcard_service_lists_each_matching_service_and_a_pattern_matching_none_is_an_error()
    {
        using var connection = await Connect(Server());
        var host = new RecordingHost();
        CommandRunner.Run(host, ConnectFlowCommands.Noun, h => ConnectFlowCommands.GetAsync(h, connection, new ConnectServiceIdentity("Lab*"), null));
        Assert.Empty(host.Errors);
        Assert.Equal(new[] { "Orders chat" }, host.Objects.Cast<ConnectFlow>().Select(f => f.Name));

        var agnostic = new RecordingHost();
        CommandRunner.Run(agnostic, ConnectFlowCommands.Noun, h => ConnectFlowCommands.GetAsync(h, connection, new ConnectServiceIdentity("Agnostic*"), "Task R*"));
        Assert.Equal("Task Routed Flow", Assert.IsType<ConnectFlow>(Assert.Single(agnostic.Objects)).Name);

        var none = new RecordingHost();
        CommandRunner.Run(none, ConnectFlowCommands.Noun, h => ConnectFlowCommands.GetAsync(h, connection, new ConnectServiceIdentity("Zed*"), null));
        Assert.Equal("ConnectFlowNotFound", Assert.Single(none.Errors).ErrorId);
    }

    [Fact]
    public async Task A_plain_flow_name_that_no_service_has_is_an_error()
    {
        using var connection = await Connect(Server());
        var host = new RecordingHost();
        CommandRunner.Run(host, ConnectFlowCommands.Noun, h => ConnectFlowCommands.GetAsync(h, connection, null, "Nothing like it"));
        Assert.Empty(host.Objects);
        Assert.Equal("ConnectFlowNotFound", Assert.Single(host.Errors).ErrorId);
    }
}
