using System.Collections.Concurrent;
using System.Net;
using DigitalChannels.Client.Commands;
using DigitalChannels.Client.Connect.Flows;
using DigitalChannels.Client.Environments;
using DigitalChannels.Client.Provisioning;
using DigitalChannels.Client.Tests.Infrastructure;

namespace DigitalChannels.Client.Tests.Commands;

/// <summary>
/// The wait cmdlets wait for everything at once (issue 11: three flows took three publishing times): every pending item
/// is polled in every round, before any pause, with one progress bar and one timeout for the whole wait.
/// </summary>
public class PollingWaitTests
{
    private const string ServiceId = "0f8fad5b-d9cb-469f-a165-70867728950e";
    private static readonly string[] FlowIds = { "11111111-1111-1111-1111-111111111111", "22222222-2222-2222-2222-222222222222", "33333333-3333-3333-3333-333333333333" };

    private static string Flow(string id, string status) =>
        $"{{\"id\":\"{id}\",\"serviceId\":\"{ServiceId}\",\"serviceName\":\"Agnostic\",\"name\":\"Flow {id[0]}\",\"kind\":\"TaskRouted\",\"status\":\"{status}\",\"version\":1," +
        "\"publishingUntil\":\"2026-01-01T10:02:00.000Z\",\"versions\":[{\"number\":1,\"status\":\"" + status + "\",\"publishedTime\":\"2026-01-01T10:00:00.000Z\",\"liveTime\":\"2026-01-01T10:02:00.000Z\"}]}";

    private static Task<DigitalChannelsConnection> Connect(StubHandler handler, string org = "org-1") =>
        DigitalChannelsConnection.ConnectAsync(new ConnectionOptions
        {
            Environment = WebexEnvironment.ForSandbox("http://sandbox.test"),
            OrganizationId = org,
            AccessToken = "test-token-value",
            HttpMessageHandler = handler,
            RetryPolicy = DigitalChannels.Client.Http.RetryPolicy.None,
        }, CancellationToken.None);

    private static ConnectFlowIdentity Identity(string id) => new(new ConnectFlow { Id = id, ServiceId = ServiceId, Name = $"Flow {id[0]}" });

    /// <summary>Flow n is Live from its (n+1)-th poll on; "3" is never made live when <paramref name="draft"/>.</summary>
    private static StubHandler Flows(ConcurrentDictionary<string, int> polls, bool draft = false) => new((request, _, _) =>
    {
        var id = request.RequestUri!.AbsolutePath.Split('/').Last();
        var n = polls.AddOrUpdate(id, 1, (_, c) => c + 1);
        var index = Array.IndexOf(FlowIds, id);
        if (draft && index == 2) return StubHandler.Json(HttpStatusCode.OK, Flow(id, "WorkingDraft"));
        return StubHandler.Json(HttpStatusCode.OK, Flow(id, n > index + 1 ? "Live" : "Publishing"));
    });

    [Fact]
    public async Task Three_flows_are_polled_together_each_round_and_each_is_written_when_Live()
    {
        var polls = new ConcurrentDictionary<string, int>();
        var handler = Flows(polls);
        using var connection = await Connect(handler);
        var host = new RecordingHost();
        var requestsAtEachPause = new List<int>();

        CommandRunner.Run(host, ConnectFlowCommands.Noun, h => ConnectFlowCommands.WaitAsync(h, connection, FlowIds.Select(Identity).ToList(), null,
            TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(30), (_, _) => { requestsAtEachPause.Add(handler.Requests.Count); return Task.CompletedTask; }));

        Assert.Empty(host.Errors);
        // Round 1 asks for all three before the first pause; then only those still publishing are asked again.
        Assert.Equal(new[] { 3, 6, 8 }, requestsAtEachPause);
        Assert.Equal(FlowIds, host.Objects.Cast<ConnectFlow>().Select(f => f.Id));
        Assert.All(host.Objects.Cast<ConnectFlow>(), f => Assert.Equal("Live", f.Status));
        // One bar for all of them: one activity id, one activity, removed at the end.
        Assert.Single(host.Progress.Select(p => p.ActivityId).Distinct());
        Assert.Single(host.Progress.Select(p => p.Activity).Distinct());
        Assert.Equal("Waiting for 3 Connect flows to be Live", host.Progress[0].Activity);
        Assert.Equal(new[] { 0, 50, 83 }, host.Progress.Where(p => !p.Completed).Select(p => p.PercentComplete)); // (done + waited / 120 s each pending) of 3
        Assert.True(host.Progress.Last().Completed);
    }

    [Fact]
    public async Task A_flow_that_cannot_go_Live_is_its_own_error_and_the_others_are_still_waited_for()
    {
        var polls = new ConcurrentDictionary<string, int>();
        using var connection = await Connect(Flows(polls, draft: true));
        var host = new RecordingHost();

        CommandRunner.Run(host, ConnectFlowCommands.Noun, h => ConnectFlowCommands.WaitAsync(h, connection, FlowIds.Select(Identity).ToList(), null,
            TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(30), (_, _) => Task.CompletedTask));

        var error = Assert.Single(host.Errors);
        Assert.Equal("ConnectFlowFailed", error.ErrorId);
        Assert.Contains("Flow 3", error.Message);
        Assert.Equal(FlowIds.Take(2), host.Objects.Cast<ConnectFlow>().Select(f => f.Id));
        Assert.Equal(1, polls[FlowIds[2]]);
    }

    [Fact]
    public async Task The_timeout_covers_the_whole_wait_and_names_each_flow_still_publishing()
    {
        var handler = new StubHandler((request, _, _) => StubHandler.Json(HttpStatusCode.OK, Flow(request.RequestUri!.AbsolutePath.Split('/').Last(), "Publishing")));
        using var connection = await Connect(handler);
        var host = new RecordingHost();

        CommandRunner.Run(host, ConnectFlowCommands.Noun, h => ConnectFlowCommands.WaitAsync(h, connection, FlowIds.Take(2).Select(Identity).ToList(), null,
            TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(2), (_, _) => Task.CompletedTask));

        Assert.Equal(6, handler.Requests.Count); // 3 rounds of 2, not 3 rounds each one after the other
        Assert.Equal(new[] { "ConnectFlowTimeout", "ConnectFlowTimeout" }, host.Errors.Select(e => e.ErrorId));
        Assert.Contains("Flow 1", host.Errors[0].Message);
        Assert.Contains("Flow 2", host.Errors[1].Message);
    }

    [Fact]
    public async Task Provisioning_of_several_tenants_is_waited_for_at_once()
    {
        static string State(string org, string state) =>
            $"{{\"organizationId\":\"{org}\",\"state\":\"{state}\",\"ownerEmail\":\"a@{org}.example\",\"startedTime\":\"2026-01-01T10:00:00Z\",\"finishTime\":\"2026-01-01T10:05:00Z\"}}";
        var first = new StubHandler((_, _, n) => StubHandler.Json(HttpStatusCode.OK, State("org-1", n < 1 ? "Provisioning" : "AwaitingActivation")));
        var second = new StubHandler((_, _, n) => StubHandler.Json(HttpStatusCode.OK, State("org-2", n < 2 ? "Provisioning" : "AwaitingActivation")));
        using var one = await Connect(first, "org-1");
        using var two = await Connect(second, "org-2");
        var host = new RecordingHost();
        var pauses = new List<(int, int)>();

        CommandRunner.Run(host, ProvisioningCommands.Noun, h => ProvisioningCommands.WaitAsync(h, new[] { one, two }, TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(60),
            (_, _) => { pauses.Add((first.Requests.Count, second.Requests.Count)); return Task.CompletedTask; }));

        Assert.Empty(host.Errors);
        Assert.Equal(new[] { (1, 1), (2, 2) }, pauses);
        Assert.Equal(new[] { "org-1", "org-2" }, host.Objects.Cast<DigitalChannelsProvisioning>().Select(p => p.OrganizationId));
        Assert.Single(host.Progress.Select(p => p.ActivityId).Distinct());
    }
}
