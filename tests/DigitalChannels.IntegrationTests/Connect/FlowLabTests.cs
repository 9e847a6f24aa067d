using System.Net;
using System.Text.Json;
using DigitalChannels.Client;
using DigitalChannels.Client.Commands;
using DigitalChannels.Client.Connect;
using DigitalChannels.Client.Connect.Assets;
using DigitalChannels.Client.Connect.Flows;
using DigitalChannels.Client.Connect.Integrations;
using DigitalChannels.Client.Environments;
using DigitalChannels.IntegrationTests.Infrastructure;
using Xunit;

namespace DigitalChannels.IntegrationTests.Connect;

/// <summary>
/// Lab 12.5 steps 1 and 2 and the flow lifecycle through the command logic the cmdlets call, over HTTP to a real sandbox.
/// Each test owns its sandbox: the channel-agnostic flows exist once per tenant, and some tests move the clock.
/// </summary>
public sealed class FlowLabTests
{
    private const string AgnosticService = "Agnostic Flows DO NOT MODIFY";

    private sealed class Host : ICommandHost
    {
        public CancellationToken CancellationToken => CancellationToken.None;
        public List<object> Objects { get; } = new();
        public List<CommandError> Errors { get; } = new();
        public List<string> Warnings { get; } = new();
        public bool ShouldProcess(string target, string action) => true;
        public void WriteObject(object item) => Objects.Add(item);
        public void WriteVerbose(string message) { }
        public void WriteWarning(string message) => Warnings.Add(message);
        public void WriteProgress(ProgressUpdate progress) { }
        public void WriteError(CommandError error) => Errors.Add(error);

        /// <summary>Runs one command and returns what it wrote, failing the test on any error.</summary>
        public List<T> Expect<T>(string noun, Func<ICommandHost, Task> command)
        {
            Objects.Clear();
            Errors.Clear();
            CommandRunner.Run(this, noun, command);
            Assert.True(Errors.Count == 0, "Unexpected error: " + string.Join(" | ", Errors));
            return Objects.Cast<T>().ToList();
        }

        /// <summary>Runs one command that must fail with <paramref name="errorId"/>; returns the error.</summary>
        public CommandError Refused(string noun, string errorId, Func<ICommandHost, Task> command)
        {
            Objects.Clear();
            Errors.Clear();
            CommandRunner.Run(this, noun, command);
            var error = Assert.Single(Errors);
            Assert.Equal(errorId, error.ErrorId);
            Assert.Empty(Objects);
            return error;
        }
    }

    private static Task<DigitalChannelsConnection> ConnectAsync(SandboxProcess sandbox) =>
        DigitalChannelsConnection.ConnectAsync(new ConnectionOptions
        {
            Environment = WebexEnvironment.ForSandbox(sandbox.BaseUrl),
            ClientId = sandbox.ClientId,
            ClientSecret = sandbox.ClientSecret,
        }, CancellationToken.None);

    private static ConnectFlow Import(Host host, DigitalChannelsConnection connection, string service, string path, string? name = null, ConnectFlowKind? kind = null) =>
        host.Expect<ConnectFlow>(ConnectFlowCommands.Noun, h => ConnectFlowCommands.ImportAsync(h, connection, new ConnectServiceIdentity(service), path, name, kind)).Single();

    private static ConnectFlow Save(Host host, DigitalChannelsConnection connection, ConnectFlow flow) =>
        host.Expect<ConnectFlow>(ConnectFlowCommands.Noun, h => ConnectFlowCommands.SaveAsync(h, connection, new ConnectFlowIdentity(flow), null)).Single();

    private static ConnectFlow Publish(Host host, DigitalChannelsConnection connection, ConnectFlow flow, string? asset = null) =>
        host.Expect<ConnectFlow>(ConnectFlowCommands.Noun, h => ConnectFlowCommands.PublishAsync(h, connection, new ConnectFlowIdentity(flow), null, asset, "lab 12.5")).Single();

    private static ConnectFlow Get(Host host, DigitalChannelsConnection connection, string service, string name) =>
        host.Expect<ConnectFlow>(ConnectFlowCommands.Noun, h => ConnectFlowCommands.GetAsync(h, connection, new ConnectServiceIdentity(service), name)).Single();

    private static async Task<HttpResponseMessage> InboundAsync(SandboxApi api, object body) =>
        await api.SendAsync(HttpMethod.Post, $"/sandbox/v1/organization/{api.Sandbox.OrgId}/connect/inbound", await api.OwnerTokenAsync(), body);

    private static async Task AdvanceClockAsync(SandboxApi api, int seconds)
    {
        using var response = await api.SendAsync(HttpMethod.Post, "/sandbox/v1/clock/advance", await api.OwnerTokenAsync(), new { seconds });
        await SandboxApi.ExpectJsonAsync(response, HttpStatusCode.OK);
    }

    [Fact]
    public async Task Lab_12_5_steps_1_and_2_as_written_leave_both_integrations_Authorized_and_the_three_agnostic_flows_Live()
    {
        using var sandbox = new SandboxProcess { ExtraArguments = ["--flow-publish-seconds", "1"] };
        await sandbox.StartAsync();
        using var api = new SandboxApi(sandbox);
        using var connection = await ConnectAsync(sandbox);
        var host = new Host();

        // Step 1: the pre-built integrations show Authorization Pending until a node authorization is added.
        var before = host.Expect<ConnectIntegration>(ConnectIntegrationCommands.Noun, h => ConnectIntegrationCommands.GetAsync(h, connection, "Webex CC*"));
        Assert.Equal(new[] { "Webex CC Engage", "Webex CC Task" }, before.Select(i => i.Name).Order());
        Assert.All(before, i => Assert.Equal(ConnectIntegration.PendingStatus, i.Status));

        host.Expect<ConnectIntegration>(ConnectIntegrationCommands.AuthorizationNoun,
            h => ConnectIntegrationCommands.AddAuthorizationAsync(h, connection, null, "Webex CC Engage", "WxCC Engage Authorisation", false, null));
        var task = before.Single(i => i.Name == "Webex CC Task");
        var authorized = host.Expect<ConnectIntegration>(ConnectIntegrationCommands.AuthorizationNoun,
            h => ConnectIntegrationCommands.AddAuthorizationAsync(h, connection, task, null, "WxCC Authorisation", false, "cl1admin1@email.carehybrid.com")).Single();
        Assert.Equal(ConnectIntegration.AuthorizedStatus, authorized.Status);
        Assert.Equal("cl1admin1@email.carehybrid.com", Assert.Single(authorized.Authorizations).Account);
        var after = host.Expect<ConnectIntegration>(ConnectIntegrationCommands.Noun, h => ConnectIntegrationCommands.GetAsync(h, connection, null));
        Assert.All(after, i => Assert.Equal(ConnectIntegration.AuthorizedStatus, i.Status));
        Assert.All(after, i => Assert.True(Assert.Single(i.Authorizations).IsDefault, $"{i.Name}: the first authorization is the default."));

        // Step 2: a dedicated service; the three v2.1 CA flows uploaded, saved and made live, each in turn (lab steps 7-12).
        host.Expect<ConnectService>(ConnectServiceCommands.Noun, h => ConnectServiceCommands.NewAsync(h, connection, AgnosticService, null));
        foreach (var file in new[] { "Task Close Flow.workflow.zip", "Task Routed Flow.workflow.zip", "Task Modified Flow.workflow.zip" })
        {
            var imported = Import(host, connection, AgnosticService, SharedFixtures.Workflow("v2.1", file));
            Assert.Equal("Created", imported.ImportResult);
            Assert.Equal(ConnectFlow.WorkingDraftStatus, imported.Status);
            var saved = Save(host, connection, imported);
            Assert.Empty(saved.Findings);
            Assert.Empty(host.Warnings);
            var publishing = Publish(host, connection, saved);
            Assert.Contains(publishing.Status, new[] { ConnectFlow.PublishingStatus, ConnectFlow.LiveStatus });
            var live = host.Expect<ConnectFlow>(ConnectFlowCommands.Noun, h => ConnectFlowCommands.WaitAsync(h, connection, new ConnectFlowIdentity(publishing), null,
                TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(200))).Single();
            Assert.Equal(ConnectFlow.LiveStatus, live.Status);
        }

        var flows = host.Expect<ConnectFlow>(ConnectFlowCommands.Noun, h => ConnectFlowCommands.GetAsync(h, connection, new ConnectServiceIdentity(AgnosticService), null));
        Assert.Equal(new[] { "Task Close Flow", "Task Modified Flow", "Task Routed Flow" }, flows.Select(f => f.Name));
        Assert.Equal(new[] { "TaskClose", "TaskModified", "TaskRouted" }, flows.Select(f => f.Kind));
        Assert.All(flows, f => { Assert.Equal("Live", f.Status); Assert.Equal(1, f.LiveVersion); Assert.Equal("ChannelAgnostic", f.Category); });

        // The same payload again is a no-op.
        Assert.Equal("Unchanged", Import(host, connection, AgnosticService, SharedFixtures.Workflow("v2.1", "Task Routed Flow.workflow")).ImportResult);

        // A second Task Routed flow anywhere in the tenant is refused, naming the existing flow and its service.
        host.Expect<ConnectService>(ConnectServiceCommands.Noun, h => ConnectServiceCommands.NewAsync(h, connection, "Lab A", null));
        var routed = flows.Single(f => f.Kind == "TaskRouted");
        var again = host.Refused(ConnectFlowCommands.Noun, "ConnectFlowAlreadyExists", h => ConnectFlowCommands.ImportAsync(h, connection,
            new ConnectServiceIdentity("Lab A"), SharedFixtures.Workflow("v3.5", "Task Routed Flow.workflow.zip"), null, null));
        Assert.Contains($"The tenant already has a Task Routed flow: 'Task Routed Flow' (id {routed.Id}) in service '{AgnosticService}'", again.Message);
        var empty = host.Refused(ConnectFlowCommands.Noun, "ConnectFlowAlreadyExists", h => ConnectFlowCommands.NewAsync(h, connection,
            new ConnectServiceIdentity("Lab A"), "My routing", ConnectFlowKind.TaskRouted));
        Assert.Contains("Channel-agnostic flows are added once per tenant", empty.Message);

        // The flows answer their Webex CC Task events with the live version.
        using (var routedEvent = await InboundAsync(api, new { @event = "TaskRouted" }))
        {
            var handled = await SandboxApi.ExpectJsonAsync(routedEvent, HttpStatusCode.OK);
            Assert.Equal(routed.Id, handled.GetProperty("flowId").GetString());
            Assert.Equal(1, handled.GetProperty("flowVersion").GetInt32());
            Assert.Equal("Delivered", handled.GetProperty("outcome").GetString());
        }

        // Lab rule 39: lock the service afterwards; then no flow in it can change.
        host.Expect<ConnectService>(ConnectServiceCommands.Noun, h => ConnectServiceCommands.SetAsync(h, connection, new ConnectServiceIdentity(AgnosticService),
            new ConnectServiceChanges { Locked = true }, true));
        var locked = host.Refused(ConnectFlowCommands.Noun, "ConnectFlowLocked", h => ConnectFlowCommands.ImportAsync(h, connection,
            new ConnectServiceIdentity(AgnosticService), SharedFixtures.Workflow("v3.5", "Task Routed Flow.workflow.zip"), null, null));
        Assert.Contains($"Service '{AgnosticService}'", locked.Message);
        Assert.Contains("is locked", locked.Message);
        host.Refused(ConnectFlowCommands.Noun, "ConnectFlowLocked", h => ConnectFlowCommands.RemoveAsync(h, connection, new ConnectFlowIdentity(routed), null));
        Assert.Equal(1, Get(host, connection, AgnosticService, "Task Routed Flow").Version);
    }

    [Fact]
    public async Task Make_Live_waits_for_the_integrations_and_a_message_while_publishing_goes_to_the_previous_version_or_is_rejected()
    {
        using var sandbox = new SandboxProcess(); // the default 120 s of publishing; the test moves the clock instead of sleeping
        await sandbox.StartAsync();
        using var api = new SandboxApi(sandbox);
        using var connection = await ConnectAsync(sandbox);
        var host = new Host();
        host.Expect<ConnectService>(ConnectServiceCommands.Noun, h => ConnectServiceCommands.NewAsync(h, connection, "Chat", null));

        // Save reports what the sandbox can know is missing, and Make Live is refused while anything is.
        var chat = Import(host, connection, "Chat", SharedFixtures.Workflow("v2.1", "Live Chat Inbound Flow.workflow"));
        Assert.Equal("LiveChat", chat.Kind);
        var saved = Save(host, connection, chat);
        Assert.Equal(2, saved.Findings.Count);
        Assert.Contains("A Live Chat flow runs its nodes under the integration 'Webex CC Engage', which is Authorization Pending", saved.Findings[0]);
        Assert.Equal("Nothing can trigger this LiveChat flow: the tenant has no LiveChat app. Create one (Assets > Apps) and select it at Make Live.", saved.Findings[1]);
        Assert.Equal(2, host.Warnings.Count);
        var refused = host.Refused(ConnectFlowCommands.Noun, "ConnectFlowHasFindings", h => ConnectFlowCommands.PublishAsync(h, connection, new ConnectFlowIdentity(chat), null, null, null));
        Assert.Contains($"Flow 'Live Chat Inbound Flow' (id {chat.Id}) cannot be made live: A Live Chat flow runs its nodes under the integration 'Webex CC Engage'", refused.Message);

        var close = Import(host, connection, "Chat", SharedFixtures.Workflow("v2.1", "Task Close Flow.workflow"));
        Assert.Contains("integration 'Webex CC Task', which is Authorization Pending", Assert.Single(Save(host, connection, close).Findings));

        host.Expect<ConnectIntegration>(ConnectIntegrationCommands.AuthorizationNoun,
            h => ConnectIntegrationCommands.AddAuthorizationAsync(h, connection, null, "WebexCCEngage", "WxCC Engage Authorisation", true, null));
        var app = host.Expect<ConnectAsset>(ConnectAssetCommands.AppNoun, h => ConnectAssetCommands.NewAppAsync(h, connection, "Web chat", ConnectChannel.LiveChat)).Single();
        Assert.Empty(Save(host, connection, chat).Findings);
        var noApp = host.Refused(ConnectFlowCommands.Noun, "ConnectFlowInvalidValue", h => ConnectFlowCommands.PublishAsync(h, connection, new ConnectFlowIdentity(chat), null, null, null));
        Assert.Contains($"Make Live of the LiveChat flow 'Live Chat Inbound Flow' needs the asset that triggers it: give 'assetId' (the tenant's LiveChat assets: 'Web chat' ({app.Id}))", noApp.Message);

        var publishing = Publish(host, connection, chat, "Web chat");
        Assert.Equal(ConnectFlow.PublishingStatus, publishing.Status);
        Assert.Null(publishing.LiveVersion);
        Assert.Equal(TimeSpan.FromSeconds(120), publishing.PublishingUntil - publishing.Versions[0].PublishedTime);
        var rule = host.Expect<ConnectRule>(ConnectRuleCommands.Noun, h => ConnectRuleCommands.GetAsync(h, connection, new ConnectServiceIdentity("Chat"))).Single();
        Assert.Equal(("Web chat", "Live Chat Inbound Flow"), (rule.AssetName, rule.FlowName));
        var twice = host.Refused(ConnectFlowCommands.Noun, "ConnectFlowNothingToPublish", h => ConnectFlowCommands.PublishAsync(h, connection, new ConnectFlowIdentity(chat), null, null, null));
        Assert.Contains("Version 1 of flow 'Live Chat Inbound Flow'", twice.Message);
        Assert.Contains("is already Publishing", twice.Message);

        // While the first version publishes there is no live one: the message is rejected.
        using (var early = await InboundAsync(api, new { assetId = app.Id }))
        {
            var rejected = await SandboxApi.ExpectJsonAsync(early, HttpStatusCode.OK);
            Assert.Equal("Rejected", rejected.GetProperty("outcome").GetString());
            Assert.StartsWith($"Flow 'Live Chat Inbound Flow' (id {chat.Id}) has no live version yet (version 1 is Publishing until",
                rejected.GetProperty("reason").GetString());
            Assert.False(rejected.TryGetProperty("flowVersion", out _));
        }

        await AdvanceClockAsync(api, 121);
        Assert.Equal(ConnectFlow.LiveStatus, Get(host, connection, "Chat", "Live Chat Inbound Flow").Status);
        using (var live = await InboundAsync(api, new { assetId = app.Id }))
            Assert.Equal(1, (await SandboxApi.ExpectJsonAsync(live, HttpStatusCode.OK)).GetProperty("flowVersion").GetInt32());

        // A new version (v3.5) made live: while it publishes, messages still go to version 1; then to version 2.
        var second = Import(host, connection, "Chat", SharedFixtures.Workflow("v3.5", "LivechatInbound flow.workflow.zip"), "Live Chat Inbound Flow");
        Assert.Equal(("NewVersion", 2, ConnectFlow.WorkingDraftStatus, (int?)1), (second.ImportResult, second.Version, second.Status, second.LiveVersion));
        Save(host, connection, second);
        var publishingTwo = Publish(host, connection, second);
        Assert.Equal((ConnectFlow.PublishingStatus, (int?)1), (publishingTwo.Status, publishingTwo.LiveVersion));
        using (var during = await InboundAsync(api, new { assetId = app.Id }))
            Assert.Equal(1, (await SandboxApi.ExpectJsonAsync(during, HttpStatusCode.OK)).GetProperty("flowVersion").GetInt32());

        await AdvanceClockAsync(api, 121);
        using (var later = await InboundAsync(api, new { assetId = app.Id }))
            Assert.Equal(2, (await SandboxApi.ExpectJsonAsync(later, HttpStatusCode.OK)).GetProperty("flowVersion").GetInt32());
        var final = Get(host, connection, "Chat", "Live Chat Inbound Flow");
        Assert.Equal(new[] { "Retired", "Live" }, final.Versions.Select(v => v.Status));
        Assert.Equal("lab 12.5", final.Versions[1].Comment);

        // The app now triggers a flow: Limited Access could not delete it anyway, and the Owner must remove the rule first.
        var inUse = host.Refused(ConnectAssetCommands.AppNoun, "ConnectAppInUse", h => ConnectAssetCommands.RemoveAppAsync(h, connection, null, "Web chat"));
        Assert.Contains("triggers flow 'Live Chat Inbound Flow'", inUse.Message);
    }

    [Fact]
    public async Task Every_published_fixture_imports()
    {
        using var sandbox = new SandboxProcess();
        await sandbox.StartAsync();
        using var connection = await ConnectAsync(sandbox);
        var host = new Host();
        host.Expect<ConnectService>(ConnectServiceCommands.Noun, h => ConnectServiceCommands.NewAsync(h, connection, "Fixtures", null));

        var files = SharedFixtures.AllWorkflowFiles();
        Assert.True(files.Count >= 23, $"Expected Cisco's v2.1 and v3.5 exports in {SharedFixtures.WorkflowsFolder}, found {files.Count}.");
        foreach (var path in files)
        {
            var file = WorkflowFile.Read(path);
            var flow = Import(host, connection, "Fixtures", path);
            Assert.Contains(flow.ImportResult, new[] { "Created", "NewVersion", "Unchanged" });
            Assert.Contains(flow.Versions, v => v.Sha256 == file.Sha256 && v.DecodedLength == file.DecodedLength);
        }
        var flows = host.Expect<ConnectFlow>(ConnectFlowCommands.Noun, h => ConnectFlowCommands.GetAsync(h, connection, new ConnectServiceIdentity("Fixtures"), null));
        Assert.Equal(11, flows.Count); // 9 v2.1 names; v3.5 adds two Live Chat names and new versions of the three Task flows
        Assert.Equal(2, flows.Single(f => f.Name == "Task Routed Flow").Version);
    }
}
