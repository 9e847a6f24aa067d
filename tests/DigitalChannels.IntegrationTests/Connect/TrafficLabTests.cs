using System.Net;
using DigitalChannels.Client;
using DigitalChannels.Client.Auth;
using DigitalChannels.Client.Commands;
using DigitalChannels.Client.Connect;
using DigitalChannels.Client.Connect.Assets;
using DigitalChannels.Client.Connect.Flows;
using DigitalChannels.Client.Connect.Integrations;
using DigitalChannels.Client.Connect.Traffic;
using DigitalChannels.Client.Environments;
using DigitalChannels.IntegrationTests.Infrastructure;
using Xunit;

namespace DigitalChannels.IntegrationTests.Connect;

/// <summary>
/// The traffic simulator through the command logic the cmdlets call, over HTTP to a real sandbox: a service whose flow is
/// Live, one whose new version is Publishing (the previous live version answers), one whose first version is still
/// Publishing (rejected), one with no flow, and what Debug, Reports and Usage then show. The test owns its sandbox: usage is
/// tenant-wide and the clock moves.
/// </summary>
public sealed class TrafficLabTests
{
    private sealed class Host : ICommandHost, IInformationHost
    {
        public CancellationToken CancellationToken => CancellationToken.None;
        public List<object> Objects { get; } = new();
        public List<CommandError> Errors { get; } = new();
        public List<string> Warnings { get; } = new();
        public List<string> Information { get; } = new();
        public bool ShouldProcess(string target, string action) => true;
        public void WriteObject(object item) => Objects.Add(item);
        public void WriteVerbose(string message) { }
        public void WriteWarning(string message) => Warnings.Add(message);
        public void WriteInformation(string message) => Information.Add(message);
        public void WriteProgress(ProgressUpdate progress) { }
        public void WriteError(CommandError error) => Errors.Add(error);

        public List<T> Expect<T>(string noun, Func<ICommandHost, Task> command)
        {
            Objects.Clear();
            Errors.Clear();
            Warnings.Clear();
            Information.Clear();
            CommandRunner.Run(this, noun, command);
            Assert.True(Errors.Count == 0, "Unexpected error: " + string.Join(" | ", Errors));
            return Objects.Cast<T>().ToList();
        }
    }

    private static Task<DigitalChannelsConnection> ConnectAsync(SandboxProcess sandbox) =>
        DigitalChannelsConnection.ConnectAsync(new ConnectionOptions
        {
            Environment = WebexEnvironment.ForSandbox(sandbox.BaseUrl),
            ClientId = sandbox.ClientId,
            ClientSecret = sandbox.ClientSecret,
            Scopes = Scopes.All, // the simulator is the sandbox operator's tool (sandbox:admin)
        }, CancellationToken.None);

    private static ConnectFlow Live(Host host, DigitalChannelsConnection connection, string service, string fixture, string? asset, string? name = null)
    {
        var flow = host.Expect<ConnectFlow>(ConnectFlowCommands.Noun, h => ConnectFlowCommands.ImportAsync(h, connection, new ConnectServiceIdentity(service),
            SharedFixtures.Workflow(fixture.Split('/')[0], fixture.Split('/')[1]), name, null)).Single();
        host.Expect<ConnectFlow>(ConnectFlowCommands.Noun, h => ConnectFlowCommands.SaveAsync(h, connection, new ConnectFlowIdentity(flow), null));
        return host.Expect<ConnectFlow>(ConnectFlowCommands.Noun, h => ConnectFlowCommands.PublishAsync(h, connection, new ConnectFlowIdentity(flow), null, asset, null)).Single();
    }

    private static ConnectTransaction Send(Host host, DigitalChannelsConnection connection, SandboxMessage message) =>
        host.Expect<ConnectTransaction>(ConnectTrafficCommands.MessageNoun, h => ConnectTrafficCommands.SendAsync(h, connection, message)).Single();

    [Fact]
    public async Task Traffic_to_a_Live_a_Publishing_and_no_flow_is_routed_recorded_and_found_in_debug_reports_and_usage()
    {
        using var sandbox = new SandboxProcess(); // 120 s of publishing; the test moves the clock
        await sandbox.StartAsync();
        using var api = new SandboxApi(sandbox);
        using var connection = await ConnectAsync(sandbox);
        var host = new Host();

        host.Expect<ConnectIntegration>(ConnectIntegrationCommands.AuthorizationNoun,
            h => ConnectIntegrationCommands.AddAuthorizationAsync(h, connection, null, "Webex CC Engage", "WxCC Engage Authorisation", false, null));
        foreach (var app in new[] { "Chat live", "Chat publishing", "Chat first" })
            host.Expect<ConnectAsset>(ConnectAssetCommands.AppNoun, h => ConnectAssetCommands.NewAppAsync(h, connection, app, ConnectChannel.LiveChat));
        foreach (var service in new[] { "Live", "Publishing", "First", "No flow", "Events" })
            host.Expect<ConnectService>(ConnectServiceCommands.Noun, h => ConnectServiceCommands.NewAsync(h, connection, service, null));

        var live = Live(host, connection, "Live", "v2.1/Live Chat Inbound Flow.workflow", "Chat live");
        var publishing = Live(host, connection, "Publishing", "v2.1/Live Chat Inbound Flow.workflow", "Chat publishing");
        var orders = host.Expect<ConnectFlow>(ConnectFlowCommands.Noun, h => ConnectFlowCommands.ImportAsync(h, connection, new ConnectServiceIdentity("Events"),
            SharedFixtures.Workflow("v2.1", "SMS Inbound Flow.workflow.zip"), "Order shipped", ConnectFlowKind.CustomEvent)).Single();
        host.Expect<ConnectFlow>(ConnectFlowCommands.Noun, h => ConnectFlowCommands.SaveAsync(h, connection, new ConnectFlowIdentity(orders), null));
        host.Expect<ConnectFlow>(ConnectFlowCommands.Noun, h => ConnectFlowCommands.PublishAsync(h, connection, new ConnectFlowIdentity(orders), null, null, null));
        using (var advance = await api.SendAsync(HttpMethod.Post, "/sandbox/v1/clock/advance", await api.OwnerTokenAsync(), new { seconds = 121 }))
            await SandboxApi.ExpectJsonAsync(advance, HttpStatusCode.OK);
        // A new version of the second flow publishes; the first version of a third flow publishes with no live one before it.
        var second = Live(host, connection, "Publishing", "v3.5/LivechatInbound flow.workflow.zip", null, "Live Chat Inbound Flow");
        Assert.Equal((ConnectFlow.PublishingStatus, (int?)1), (second.Status, second.LiveVersion));
        var first = Live(host, connection, "First", "v2.1/Live Chat Inbound Flow.workflow", "Chat first");
        Assert.Equal(ConnectFlow.PublishingStatus, first.Status);

        // Live: delivered to version 1; the customer's second message continues the conversation, and the reply joins it.
        var hello = Send(host, connection, new SandboxMessage { Asset = "Chat live", From = "jane@example.com", Text = "Hello" });
        Assert.Equal(("Delivered", "Live", live.Id, (int?)1, "Inbound", "LiveChat"), (hello.Outcome, hello.ServiceName, hello.FlowId, hello.FlowVersion, hello.Direction, hello.Channel));
        Assert.Equal(("jane@example.com", "Chat live", "Message"), (hello.Source, hello.Destination, hello.Trigger));
        Assert.True(Guid.TryParse(hello.TransactionId, out _) && Guid.TryParse(hello.ConversationId, out _));
        Assert.Empty(host.Warnings);
        var again = Send(host, connection, new SandboxMessage { Asset = "Chat live", From = "jane@example.com", Text = "Still there?" });
        Assert.Equal(hello.ConversationId, again.ConversationId);
        Assert.NotEqual(hello.TransactionId, again.TransactionId);
        var reply = Send(host, connection, new SandboxMessage { Asset = "Chat live", To = "jane@example.com", Outcome = "Read", Text = "Yes" });
        Assert.Equal(("Outbound", "Read", "Chat live", "jane@example.com", hello.ConversationId, "Reply"),
            (reply.Direction, reply.Outcome, reply.Source, reply.Destination, reply.ConversationId, reply.Trigger));
        var stranger = Send(host, connection, new SandboxMessage { Asset = "Chat live", From = "bob@example.com" });
        Assert.NotEqual(hello.ConversationId, stranger.ConversationId);

        // Publishing: the previous live version answers, and says why.
        var during = Send(host, connection, new SandboxMessage { Asset = "Chat publishing", From = "ann@example.com" });
        Assert.Equal(("Delivered", publishing.Id, (int?)1), (during.Outcome, during.FlowId, during.FlowVersion));
        Assert.StartsWith("Version 2 is Publishing until ", during.Reason);
        Assert.EndsWith("; the live version 1 handled it.", during.Reason);

        // No live version yet, and no flow at all: rejected, recorded with the reason, and the command warns.
        var early = Send(host, connection, new SandboxMessage { Asset = "Chat first", From = "ann@example.com" });
        Assert.Equal(("Rejected", "First", first.Id, (int?)null, (string?)null), (early.Outcome, early.ServiceName, early.FlowId, early.FlowVersion, early.ConversationId));
        Assert.StartsWith($"Flow 'Live Chat Inbound Flow' (id {first.Id}) has no live version yet (version 1 is Publishing until ", early.Reason);
        Assert.Equal("The message was rejected: " + early.Reason, Assert.Single(host.Warnings));
        var noFlow = Send(host, connection, new SandboxMessage { Event = ConnectFlowKind.CustomEvent, Service = new ConnectServiceIdentity("No flow") });
        Assert.Equal(("Rejected", "No flow", "CustomEvent", (string?)null), (noFlow.Outcome, noFlow.ServiceName, noFlow.Channel, noFlow.FlowId));
        Assert.Contains("has no Custom Event flow", noFlow.Reason);
        var sms = Send(host, connection, new SandboxMessage { Asset = "+1555010001", From = "+447700900123" });
        Assert.Equal(("Rejected", (string?)null, "Sms"), (sms.Outcome, sms.ServiceId, sms.Channel));
        Assert.Contains("No rule makes the number '+1555010001'", sms.Reason);
        var task = Send(host, connection, new SandboxMessage { Event = ConnectFlowKind.TaskRouted });
        Assert.Equal(("Rejected", "TaskRouted"), (task.Outcome, task.Channel));
        Assert.Equal("The tenant has no Task Routed flow, so the event was rejected.", task.Reason);

        // A custom event goes to the service's one flow of that kind, also when the flow is named; with two it must be named.
        var shipped = Send(host, connection, new SandboxMessage { Event = ConnectFlowKind.CustomEvent, Service = new ConnectServiceIdentity("Events") });
        Assert.Equal(("Delivered", orders.Id, (int?)1, "CustomEvent", (string?)null), (shipped.Outcome, shipped.FlowId, shipped.FlowVersion, shipped.Trigger, shipped.ConversationId));
        var named = Send(host, connection, new SandboxMessage { Flow = new ConnectFlowIdentity(orders) });
        Assert.Equal(("Delivered", orders.Id, "Events"), (named.Outcome, named.FlowId, named.ServiceName));
        host.Expect<ConnectFlow>(ConnectFlowCommands.Noun, h => ConnectFlowCommands.NewAsync(h, connection, new ConnectServiceIdentity("Events"), "Order returned", ConnectFlowKind.CustomEvent));
        CommandRunner.Run(host, ConnectTrafficCommands.MessageNoun, h => ConnectTrafficCommands.SendAsync(h, connection,
            new SandboxMessage { Event = ConnectFlowKind.CustomEvent, Service = new ConnectServiceIdentity("Events") }));
        Assert.Equal("DigitalChannelsSandboxMessageInvalidValue", Assert.Single(host.Errors).ErrorId);
        Assert.Contains("has 2 Custom Event flows", host.Errors[0].Message);
        Assert.Contains("give 'flowId'", host.Errors[0].Message);
        CommandRunner.Run(host, ConnectTrafficCommands.MessageNoun, h => ConnectTrafficCommands.SendAsync(h, connection,
            new SandboxMessage { Flow = new ConnectFlowIdentity(live) }));
        Assert.Equal("DigitalChannelsSandboxMessageInvalidArgument", host.Errors.Last().ErrorId);
        Assert.Contains("is a LiveChat flow", host.Errors.Last().Message);

        // Debug, query by transaction id: each one as sent (the owner has no Decrypt Logs, so no text).
        foreach (var sent in new[] { hello, reply, during, early, noFlow })
        {
            var found = host.Expect<ConnectTransaction>(ConnectTrafficCommands.DebugLogNoun,
                h => ConnectTrafficCommands.GetDebugLogAsync(h, connection, sent.TransactionId, null, null, null, null)).Single();
            Assert.Equal((sent.TransactionId, sent.Outcome, sent.FlowVersion, sent.Reason, sent.ConversationId), (found.TransactionId, found.Outcome, found.FlowVersion, found.Reason, found.ConversationId));
        }
        var hidden = host.Expect<ConnectTransaction>(ConnectTrafficCommands.DebugLogNoun,
            h => ConnectTrafficCommands.GetDebugLogAsync(h, connection, hello.TransactionId, null, null, null, null)).Single();
        Assert.Equal((null, true), (hidden.Text, hidden.Encrypted));
        var unknown = Guid.NewGuid().ToString();
        CommandRunner.Run(host, ConnectTrafficCommands.DebugLogNoun, h => ConnectTrafficCommands.GetDebugLogAsync(h, connection, unknown, null, null, null, null));
        Assert.Equal("ConnectDebugLogNotFound", Assert.Single(host.Errors).ErrorId);
        Assert.Contains(unknown, host.Errors[0].Message);

        // Query by destination id: what went to Jane; then the historical log of Live Chat, oldest first.
        var toJane = host.Expect<ConnectTransaction>(ConnectTrafficCommands.DebugLogNoun,
            h => ConnectTrafficCommands.GetDebugLogAsync(h, connection, null, "jane@example.com", null, null, null));
        Assert.Equal(new[] { reply.TransactionId }, toJane.Select(t => t.TransactionId));
        var now = DateTimeOffset.UtcNow;
        var history = host.Expect<ConnectTransaction>(ConnectTrafficCommands.DebugLogNoun,
            h => ConnectTrafficCommands.GetDebugLogAsync(h, connection, null, null, ConnectFlowKind.LiveChat, now.AddHours(-1), now.AddHours(1)));
        Assert.Equal(new[] { hello, again, reply, stranger, during, early }.Select(t => t.TransactionId), history.Select(t => t.TransactionId));
        host.Expect<ConnectTransaction>(ConnectTrafficCommands.DebugLogNoun,
            h => ConnectTrafficCommands.GetDebugLogAsync(h, connection, null, null, ConnectFlowKind.LiveChat, now.AddDays(-2), now.AddDays(-1)));
        Assert.Equal(new[] { "No records found." }, host.Information);

        // Reports: per service, channel and flow; a period without traffic is "No records found." and no object.
        ConnectReport Report(string service, ConnectFlowKind? channel, ConnectFlowIdentity? flow) =>
            host.Expect<ConnectReport>(ConnectTrafficCommands.ReportNoun,
                h => ConnectTrafficCommands.GetReportAsync(h, connection, new ConnectServiceIdentity(service), channel, flow, now.AddHours(-1), now.AddHours(1))).Single();
        var liveReport = Report("Live", ConnectFlowKind.LiveChat, null);
        Assert.Equal((4L, 0L, 4L, 1L, 0L, 4L), (liveReport.Submitted, liveReport.Rejected, liveReport.Delivered, liveReport.Read, liveReport.Failed, liveReport.Total));
        var publishingReport = Report("Publishing", null, new ConnectFlowIdentity(publishing));
        Assert.Equal((1L, 0L, 1L, "Live Chat Inbound Flow"), (publishingReport.Submitted, publishingReport.Rejected, publishingReport.Delivered, publishingReport.FlowName));
        var firstReport = Report("First", null, null);
        Assert.Equal((0L, 1L, 0L), (firstReport.Submitted, firstReport.Rejected, firstReport.Delivered));
        Assert.Equal((0L, 1L), (Report("No flow", null, null).Submitted, Report("No flow", null, null).Rejected));
        var empty = host.Expect<ConnectReport>(ConnectTrafficCommands.ReportNoun, h => ConnectTrafficCommands.GetReportAsync(h, connection,
            new ConnectServiceIdentity("Live"), ConnectFlowKind.Sms, null, now.AddHours(-1), now.AddHours(1)));
        Assert.Empty(empty);
        Assert.Equal(new[] { "No records found." }, host.Information);

        // Usage: the whole tenant per channel.
        var usage = host.Expect<ConnectUsage>(ConnectTrafficCommands.UsageNoun, h => ConnectTrafficCommands.GetUsageAsync(h, connection, null, null))
            .ToDictionary(u => u.Channel);
        Assert.Equal(new[] { "CustomEvent", "LiveChat", "Sms", "TaskRouted" }, usage.Keys.Order());
        Assert.Equal((3L, 1L), (usage["CustomEvent"].Inbound, usage["CustomEvent"].Rejected));
        Assert.Equal((5L, 1L, 1L, 6L), (usage["LiveChat"].Inbound, usage["LiveChat"].Outbound, usage["LiveChat"].Rejected, usage["LiveChat"].Total));
        Assert.Equal((1L, 0L, 1L), (usage["Sms"].Inbound, usage["Sms"].Outbound, usage["Sms"].Rejected));
        Assert.Empty(host.Expect<ConnectUsage>(ConnectTrafficCommands.UsageNoun, h => ConnectTrafficCommands.GetUsageAsync(h, connection, now.AddDays(-2), now.AddDays(-1))));
        Assert.Equal(new[] { "No records found." }, host.Information);
    }

    [Fact]
    public async Task Read_Only_reads_the_logs_with_text_only_once_granted_Decrypt_Logs_and_Restricted_reads_nothing()
    {
        using var sandbox = new SandboxProcess();
        await sandbox.StartAsync();
        using var api = new SandboxApi(sandbox);
        var owner = await api.OwnerTokenAsync();
        using (var sent = await api.SendAsync(HttpMethod.Post, $"/sandbox/v1/organization/{sandbox.OrgId}/connect/inbound", owner,
                   new { assetId = await FirstNumberAsync(api, owner), from = "+447700900123", text = "My card is 4111" }))
            Assert.Equal("My card is 4111", (await SandboxApi.ExpectJsonAsync(sent, HttpStatusCode.OK)).GetProperty("text").GetString());
        var logs = $"/connect/v1/organization/{sandbox.OrgId}/debug/logs?channel=Sms";

        var reader = await api.CreateApplicationAsync("ReadOnly", Scopes.ConnectConfigRead);
        var readerToken = await api.TokenAsync(reader.ClientId, reader.ClientSecret);
        using (var before = await api.SendAsync(HttpMethod.Get, logs, readerToken))
        {
            var row = Assert.Single((await SandboxApi.ExpectJsonAsync(before, HttpStatusCode.OK)).GetProperty("data").EnumerateArray());
            Assert.False(row.TryGetProperty("text", out _));
            Assert.True(row.GetProperty("encrypted").GetBoolean());
        }
        using (var grant = await api.SendAsync(HttpMethod.Put, $"/connect/v1/organization/{sandbox.OrgId}/teammates/{reader.UserId}/decrypt-logs", owner))
            await SandboxApi.ExpectJsonAsync(grant, HttpStatusCode.OK);
        using (var after = await api.SendAsync(HttpMethod.Get, logs, readerToken))
        {
            var row = Assert.Single((await SandboxApi.ExpectJsonAsync(after, HttpStatusCode.OK)).GetProperty("data").EnumerateArray());
            Assert.Equal(("My card is 4111", false), (row.GetProperty("text").GetString(), row.GetProperty("encrypted").GetBoolean()));
        }

        var restricted = await api.TokenForNewApplicationAsync("Restricted", Scopes.ConnectConfigRead);
        foreach (var path in new[] { logs, $"/connect/v1/organization/{sandbox.OrgId}/usage",
                     $"/connect/v1/organization/{sandbox.OrgId}/reports?serviceId={Guid.NewGuid()}&start=2026-01-01T00:00:00Z&end=2026-01-02T00:00:00Z" })
        {
            using var refused = await api.SendAsync(HttpMethod.Get, path, restricted);
            await SandboxApi.ExpectProblemAsync(refused, HttpStatusCode.Forbidden, "role.forbidden", "may not read debug logs, reports and usage");
        }
        // Playing a customer is the sandbox operator's: a Read Only teammate's token lacks sandbox:admin.
        using (var notOperator = await api.SendAsync(HttpMethod.Post, $"/sandbox/v1/organization/{sandbox.OrgId}/connect/inbound", readerToken, new { @event = "TaskRouted" }))
            await SandboxApi.ExpectProblemAsync(notOperator, HttpStatusCode.Forbidden, "scope.missing", "sandbox:admin");
    }

    [Fact]
    public async Task Invalid_periods_channels_and_triggers_are_400_naming_the_value()
    {
        using var sandbox = new SandboxProcess();
        await sandbox.StartAsync();
        using var api = new SandboxApi(sandbox);
        var owner = await api.OwnerTokenAsync();
        var org = $"/connect/v1/organization/{sandbox.OrgId}";
        foreach (var (path, key, detail) in new[]
                 {
                     ($"{org}/debug/logs?channel=Pigeon", "request.invalid_parameter", "'Pigeon'"),
                     ($"{org}/debug/logs?channel=Sms&destination=x", "request.invalid_parameter", "exactly one of"),
                     ($"{org}/debug/logs?channel=Sms&start=yesterday", "request.invalid_parameter", "'yesterday'"),
                     ($"{org}/debug/logs?channel=Sms&start=2026-02-01T00:00:00Z&end=2026-01-01T00:00:00Z", "request.invalid_parameter", "starts"),
                     ($"{org}/reports?serviceId={Guid.NewGuid()}&start=2026-01-01T00:00:00Z", "request.invalid_parameter", "'end' is required"),
                     ($"{org}/reports?start=2026-01-01T00:00:00Z&end=2026-01-02T00:00:00Z", "request.invalid_parameter", "'serviceId' is required"),
                 })
        {
            using var response = await api.SendAsync(HttpMethod.Get, path, owner);
            await SandboxApi.ExpectProblemAsync(response, HttpStatusCode.BadRequest, key, detail);
        }
        var inbound = $"/sandbox/v1/organization/{sandbox.OrgId}/connect/inbound";
        foreach (var (body, detail) in new (object, string)[]
                 {
                     (new { }, "Give exactly one of 'assetId'"),
                     (new { @event = "Lunch" }, "'Lunch'"),
                     (new { @event = "CustomEvent" }, "give 'serviceId'"),
                     (new { assetId = await FirstNumberAsync(api, owner), direction = "Outbound" }, "'to'"),
                     (new { assetId = await FirstNumberAsync(api, owner), direction = "Outbound", to = "+447700900123", outcome = "Lost" }, "'Lost'"),
                     (new { assetId = await FirstNumberAsync(api, owner), text = new string('x', 2001) }, "at most 2000"),
                 })
        {
            using var response = await api.SendAsync(HttpMethod.Post, inbound, owner, body);
            await SandboxApi.ExpectProblemAsync(response, HttpStatusCode.BadRequest, "request.invalid_field", detail);
        }
        using (var missing = await api.SendAsync(HttpMethod.Post, inbound, owner, new { assetId = Guid.NewGuid() }))
            await SandboxApi.ExpectProblemAsync(missing, HttpStatusCode.NotFound, "asset.not_found");
        // None of the refused requests left a trace.
        using var usage = await api.SendAsync(HttpMethod.Get, $"{org}/usage", owner);
        Assert.Equal(0, (await SandboxApi.ExpectJsonAsync(usage, HttpStatusCode.OK)).GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task A_teammate_in_a_group_sees_only_the_traffic_of_the_group_s_services()
    {
        using var sandbox = new SandboxProcess();
        await sandbox.StartAsync();
        using var api = new SandboxApi(sandbox);
        var owner = await api.OwnerTokenAsync();
        var group = await api.CreateGroupAsync(owner, "Group A");
        var email = TeammateApi.UniqueEmail("group-a");
        await api.JoinedTeammateAsync(owner, email, "FullAccess", groupId: group);
        var inGroup = await api.TokenForTeammateAsync(email);
        var groupService = (await api.CreateServiceAsync(inGroup, "Group service")).GetProperty("id").GetString()!;
        var tenantService = (await api.CreateServiceAsync(owner, "Tenant service")).GetProperty("id").GetString()!;

        var inbound = $"/sandbox/v1/organization/{sandbox.OrgId}/connect/inbound";
        var sent = new Dictionary<string, string>();
        foreach (var service in new[] { groupService, tenantService })
        {
            using var response = await api.SendAsync(HttpMethod.Post, inbound, owner, new { @event = "CustomEvent", serviceId = service });
            sent[service] = (await SandboxApi.ExpectJsonAsync(response, HttpStatusCode.OK)).GetProperty("transactionId").GetString()!;
        }

        var org = $"/connect/v1/organization/{sandbox.OrgId}";
        async Task<List<string>> LogAsync(string token)
        {
            using var response = await api.SendAsync(HttpMethod.Get, $"{org}/debug/logs?channel=CustomEvent", token);
            return (await SandboxApi.ExpectJsonAsync(response, HttpStatusCode.OK)).GetProperty("data").EnumerateArray()
                .Select(t => t.GetProperty("transactionId").GetString()!).ToList();
        }
        Assert.Equal(new[] { sent[groupService], sent[tenantService] }, await LogAsync(owner));
        Assert.Equal(new[] { sent[groupService] }, await LogAsync(inGroup));
        using (var above = await api.SendAsync(HttpMethod.Get, $"{org}/debug/transactions/{sent[tenantService]}", inGroup))
            await SandboxApi.ExpectProblemAsync(above, HttpStatusCode.NotFound, "debug.transaction_not_found");
        using (var report = await api.SendAsync(HttpMethod.Get, $"{org}/reports?serviceId={tenantService}&start=2000-01-01T00:00:00Z&end=2100-01-01T00:00:00Z", inGroup))
            await SandboxApi.ExpectProblemAsync(report, HttpStatusCode.NotFound, "service.not_found");
        using (var usage = await api.SendAsync(HttpMethod.Get, $"{org}/usage", inGroup))
            Assert.Equal(1, (await SandboxApi.ExpectJsonAsync(usage, HttpStatusCode.OK)).GetProperty("total").GetInt64());
    }

    private static async Task<string> FirstNumberAsync(SandboxApi api, string token)
    {
        using var response = await api.SendAsync(HttpMethod.Get, $"/connect/v1/organization/{api.Sandbox.OrgId}/assets?type=Number", token);
        return (await SandboxApi.ExpectJsonAsync(response, HttpStatusCode.OK)).GetProperty("data")[0].GetProperty("id").GetString()!;
    }
}
