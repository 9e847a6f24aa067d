using System.Net;
using DigitalChannels.Client.Commands;
using DigitalChannels.Client.Connect;
using DigitalChannels.Client.Connect.Assets;
using DigitalChannels.Client.Connect.Flows;
using DigitalChannels.Client.Connect.Integrations;
using DigitalChannels.Client.Environments;
using DigitalChannels.Client.Tests.Infrastructure;

namespace DigitalChannels.Client.Tests.Connect.Flows;

/// <summary>The flow command logic against a scripted server: the wait loop without sleeping, and live tenants.</summary>
public class ConnectFlowCommandsTests
{
    private const string Org = "org-1";
    private const string ServiceId = "0f8fad5b-d9cb-469f-a165-70867728950e";
    private const string FlowId = "6ba7b810-9dad-11d1-80b4-00c04fd430c8";

    private static string Flow(string status, int? liveVersion = null) =>
        $"{{\"id\":\"{FlowId}\",\"serviceId\":\"{ServiceId}\",\"serviceName\":\"Agnostic\",\"name\":\"Task Routed Flow\",\"kind\":\"TaskRouted\",\"status\":\"{status}\"," +
        $"\"version\":1,{(liveVersion is null ? "" : $"\"liveVersion\":{liveVersion},")}\"publishingUntil\":\"2026-01-01T10:02:00.000Z\"," +
        "\"versions\":[{\"number\":1,\"status\":\"" + status + "\",\"publishedTime\":\"2026-01-01T10:00:00.000Z\",\"liveTime\":\"2026-01-01T10:02:00.000Z\"}]}";

    private static Task<DigitalChannelsConnection> Connect(StubHandler handler, WebexEnvironment? environment = null) =>
        DigitalChannelsConnection.ConnectAsync(new ConnectionOptions
        {
            Environment = environment ?? WebexEnvironment.ForSandbox("http://sandbox.test"),
            OrganizationId = Org,
            AccessToken = "test-token-value",
            HttpMessageHandler = handler,
            RetryPolicy = DigitalChannels.Client.Http.RetryPolicy.None,
        }, CancellationToken.None);

    private static ConnectFlowIdentity Identity() => new(new ConnectFlow { Id = FlowId, ServiceId = ServiceId, Name = "Task Routed Flow" });

    [Fact]
    public async Task Wait_polls_with_progress_until_Live_and_writes_the_live_flow_without_sleeping()
    {
        var handler = new StubHandler((_, _, n) => StubHandler.Json(HttpStatusCode.OK, Flow(n < 3 ? "Publishing" : "Live", n < 3 ? null : 1)));
        using var connection = await Connect(handler);
        var host = new RecordingHost();
        var delays = new List<TimeSpan>();

        CommandRunner.Run(host, ConnectFlowCommands.Noun, h => ConnectFlowCommands.WaitAsync(h, connection, Identity(), null,
            TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(30), (d, _) => { delays.Add(d); return Task.CompletedTask; }));

        Assert.Empty(host.Errors);
        Assert.Equal("Live", Assert.IsType<ConnectFlow>(Assert.Single(host.Objects)).Status);
        Assert.Equal(4, handler.Requests.Count);
        Assert.Equal(new[] { TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30) }, delays);
        var bars = host.Progress.Where(p => !p.Completed).ToList();
        Assert.Equal(3, bars.Count);
        Assert.All(bars, p => Assert.Contains("Publishing version 1", p.Status));
        Assert.Equal(new[] { 0, 25, 50 }, bars.Select(p => p.PercentComplete)); // 30 s steps of 120 s of publishing
        // The platform said when it will be Live (in the past here): a time remaining is known, so it is not -1.
        Assert.All(bars, p => Assert.Equal(0, p.SecondsRemaining));
        Assert.True(host.Progress.Last().Completed, "The progress bar is removed at the end.");
        Assert.Single(host.Progress, p => p.Completed);
    }

    [Fact]
    public async Task Wait_ends_at_once_when_cancelled_like_Ctrl_C()
    {
        var handler = new StubHandler((_, _, _) => StubHandler.Json(HttpStatusCode.OK, Flow("Publishing")));
        using var connection = await Connect(handler);
        var host = new RecordingHost();

        var ex = Assert.ThrowsAny<OperationCanceledException>(() => CommandRunner.Run(host, ConnectFlowCommands.Noun, h => ConnectFlowCommands.WaitAsync(h, connection,
            Identity(), null, TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(2), (_, ct) => { host.Cancel(); return Task.Delay(Timeout.Infinite, ct); })));

        Assert.NotNull(ex);
        Assert.Single(handler.Requests);
        Assert.True(host.Progress.Last().Completed);
    }

    [Fact]
    public async Task Wait_gives_up_after_the_timeout_with_a_timeout_error()
    {
        var handler = new StubHandler((_, _, _) => StubHandler.Json(HttpStatusCode.OK, Flow("Publishing")));
        using var connection = await Connect(handler);
        var host = new RecordingHost();

        CommandRunner.Run(host, ConnectFlowCommands.Noun, h => ConnectFlowCommands.WaitAsync(h, connection, Identity(), null,
            TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(2), (_, _) => Task.CompletedTask));

        var error = Assert.Single(host.Errors);
        Assert.Equal("ConnectFlowTimeout", error.ErrorId);
        Assert.Equal(CommandErrorCategory.OperationTimeout, error.Category);
        Assert.Equal("Flow 'Task Routed Flow' was still Publishing after 4 s (until 2026-01-01 10:02:00Z, sandbox time).", error.Message);
    }

    [Fact]
    public async Task Wait_refuses_a_draft_that_was_never_made_live()
    {
        var handler = new StubHandler((_, _, _) => StubHandler.Json(HttpStatusCode.OK, Flow("WorkingDraft")));
        using var connection = await Connect(handler);
        var host = new RecordingHost();

        CommandRunner.Run(host, ConnectFlowCommands.Noun, h => ConnectFlowCommands.WaitAsync(h, connection, Identity(), null,
            TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(2), (_, _) => Task.CompletedTask));

        Assert.Equal("Flow 'Task Routed Flow' will not become Live by waiting: version 1 is WorkingDraft. Save it and Make Live first (Publish-ConnectFlow).",
            Assert.Single(host.Errors).Message);
    }

    /// <summary>Against a live tenant every command stops before any request, naming the portal page.</summary>
    [Fact]
    public async Task Against_a_live_tenant_every_command_stops_with_NoPublicApi_naming_the_portal_page()
    {
        var handler = new StubHandler((_, _, _) => StubHandler.Status(HttpStatusCode.InternalServerError));
        using var connection = await Connect(handler, WebexEnvironment.ForRegion("eu1"));
        var service = new ConnectServiceIdentity("Agnostic Flows DO NOT MODIFY");
        var fixture = SharedFixtures.Workflow("v2.1", "Task Routed Flow.workflow");
        var cases = new (string Noun, Func<ICommandHost, Task> Command, string Page)[]
        {
            (ConnectFlowCommands.Noun, h => ConnectFlowCommands.ImportAsync(h, connection, service, fixture, null, null),
                "Webex Connect portal > Services > Agnostic Flows DO NOT MODIFY > FLOWS > CREATE FLOW > Upload a flow"),
            (ConnectFlowCommands.Noun, h => ConnectFlowCommands.NewAsync(h, connection, service, "X", ConnectFlowKind.LiveChat),
                "Webex Connect portal > Services > Agnostic Flows DO NOT MODIFY > FLOWS > CREATE FLOW"),
            (ConnectFlowCommands.Noun, h => ConnectFlowCommands.GetAsync(h, connection, service, null), "Webex Connect portal > Services > Agnostic Flows DO NOT MODIFY > FLOWS"),
            (ConnectFlowCommands.Noun, h => ConnectFlowCommands.SaveAsync(h, connection, new ConnectFlowIdentity("Task Routed Flow"), service), "> FLOWS > (flow) > SAVE"),
            (ConnectFlowCommands.Noun, h => ConnectFlowCommands.PublishAsync(h, connection, new ConnectFlowIdentity("Task Routed Flow"), service, null, null), "> FLOWS > (flow) > MAKE LIVE"),
            (ConnectFlowCommands.Noun, h => ConnectFlowCommands.WaitAsync(h, connection, new ConnectFlowIdentity("Task Routed Flow"), service, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), null), "> FLOWS"),
            (ConnectFlowCommands.Noun, h => ConnectFlowCommands.RemoveAsync(h, connection, new ConnectFlowIdentity("Task Routed Flow"), service), "> FLOWS > (flow) > Delete"),
            (ConnectRuleCommands.Noun, h => ConnectRuleCommands.GetAsync(h, connection, service), "Webex Connect portal > Services > Agnostic Flows DO NOT MODIFY > RULES"),
            (ConnectRuleCommands.Noun, h => ConnectRuleCommands.SetAsync(h, connection, service, new ConnectFlowIdentity("Chat"), "App"), "> RULES"),
            (ConnectIntegrationCommands.Noun, h => ConnectIntegrationCommands.GetAsync(h, connection, null), "Webex Connect portal > Assets > Integrations"),
            (ConnectIntegrationCommands.AuthorizationNoun, h => ConnectIntegrationCommands.AddAuthorizationAsync(h, connection, null, "Webex CC Task", "WxCC Authorisation", false, null),
                "Webex Connect portal > Assets > Integrations > Webex CC Task > Manage > Node Authorizations > Add Authorization"),
            (ConnectAssetCommands.Noun, h => ConnectAssetCommands.GetAsync(h, connection, "Number", null, null), "Webex Connect portal > Assets > Numbers"),
            // Other channels create through the public Onboarding API (ConnectAssetCommandsTests); Apple Messages for Business has no create there.
            (ConnectAssetCommands.AppNoun, h => ConnectAssetCommands.NewAppAsync(h, connection, "Chat", ConnectChannel.AppleMessagesForBusiness), "Webex Connect portal > Assets > Apps > Configure New App"),
            (ConnectAssetCommands.AppNoun, h => ConnectAssetCommands.RemoveAppAsync(h, connection, null, "Chat"), "Webex Connect portal > Assets > Apps > (app) > Delete"),
        };
        foreach (var (noun, command, page) in cases)
        {
            var host = new RecordingHost();
            var terminated = Assert.Throws<CommandTerminatedException>(() => CommandRunner.Run(host, noun, command));
            Assert.Equal(noun + "NoPublicApi", terminated.Error.ErrorId);
            Assert.Contains(page, terminated.Error.Message);
        }
        Assert.Empty(handler.Requests);
    }
}
