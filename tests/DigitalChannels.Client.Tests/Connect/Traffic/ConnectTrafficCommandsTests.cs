using System.Net;
using DigitalChannels.Client.Commands;
using DigitalChannels.Client.Connect;
using DigitalChannels.Client.Connect.Flows;
using DigitalChannels.Client.Connect.Traffic;
using DigitalChannels.Client.Environments;
using DigitalChannels.Client.Tests.ContactCenter;
using DigitalChannels.Client.Tests.Infrastructure;
using static DigitalChannels.Client.Tests.ContactCenter.FakeContactCenter;

namespace DigitalChannels.Client.Tests.Connect.Traffic;

/// <summary>The traffic commands against a fake sandbox: what they ask, what they write, and that a live tenant stops them.</summary>
public class ConnectTrafficCommandsTests
{
    private const string ServiceId = "6a4c2e1f-0b3d-4f5a-8c7e-9d1b2a3c4e5f";
    private const string AssetId = "0f8fad5b-d9cb-469f-a165-70867728950e";
    private const string TransactionId = "b7e1c9d2-3f4a-4b5c-8d6e-7f8091a2b3c4";
    private const string Debug = $"/connect/v1/organization/{Org}/debug/logs";
    private const string Reports = $"/connect/v1/organization/{Org}/reports";
    private const string Usage = $"/connect/v1/organization/{Org}/usage";
    private const string Inbound = $"/sandbox/v1/organization/{Org}/connect/inbound";

    private static string Transaction(string outcome, string? reason = null) =>
        $"{{\"transactionId\":\"{TransactionId}\",\"direction\":\"Inbound\",\"trigger\":\"Message\",\"channel\":\"LiveChat\",\"outcome\":\"{outcome}\"" +
        (reason == null ? ",\"flowName\":\"Chat\",\"flowVersion\":1" : $",\"reason\":\"{reason}\"") + ",\"encrypted\":false,\"createdTime\":\"2026-01-31T09:00:00.000Z\"}";

    private static FakeContactCenter Sandbox() => new FakeContactCenter()
        .On("GET", $"/connect/v1/organization/{Org}/services/{ServiceId}", HttpStatusCode.OK, $"{{\"id\":\"{ServiceId}\",\"name\":\"Lab A\"}}")
        .On("GET", $"/connect/v1/organization/{Org}/assets", HttpStatusCode.OK,
            $"{{\"data\":[{{\"id\":\"{AssetId}\",\"type\":\"App\",\"channel\":\"LiveChat\",\"name\":\"Web chat\",\"readOnly\":false}}]}}")
        .On("GET", Reports, HttpStatusCode.OK,
            $"{{\"serviceId\":\"{ServiceId}\",\"serviceName\":\"Lab A\",\"start\":\"2026-01-01T00:00:00.000Z\",\"end\":\"2026-01-31T00:00:00.000Z\",\"submitted\":0,\"rejected\":0,\"delivered\":0,\"read\":0,\"failed\":0,\"total\":0}}")
        .On("GET", Usage, HttpStatusCode.OK, "{\"inbound\":3,\"outbound\":1,\"rejected\":1,\"total\":4,\"channels\":[{\"channel\":\"LiveChat\",\"inbound\":3,\"outbound\":1,\"rejected\":1,\"total\":4}]}")
        .On("GET", Debug, HttpStatusCode.OK, $"{{\"meta\":{{\"orgid\":\"{Org}\",\"page\":0,\"pageSize\":100,\"totalPages\":0,\"totalRecords\":0}},\"data\":[]}}")
        .On("POST", Inbound, HttpStatusCode.OK, Transaction("Rejected", "No rule makes the app 'Web chat' trigger a flow."));

    [Fact]
    public async Task On_a_live_tenant_each_stops_with_NoPublicApi_naming_its_portal_page_and_sends_nothing()
    {
        var server = Sandbox();
        using var live = await ConnectAsync(server.Handler, WebexEnvironment.ForRegion("eu1"));
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var cases = new (string Noun, Func<ICommandHost, Task> Command, string Page)[]
        {
            (ConnectTrafficCommands.DebugLogNoun, h => ConnectTrafficCommands.GetDebugLogAsync(h, live, TransactionId, null, null, null, null), "Webex Connect portal > Debug > Query by Transaction ID"),
            (ConnectTrafficCommands.DebugLogNoun, h => ConnectTrafficCommands.GetDebugLogAsync(h, live, null, "+447700900123", null, null, null), "Webex Connect portal > Debug > Query by Destination ID"),
            (ConnectTrafficCommands.DebugLogNoun, h => ConnectTrafficCommands.GetDebugLogAsync(h, live, null, null, ConnectFlowKind.LiveChat, start, start.AddDays(1)), "Webex Connect portal > Debug > Historical Log"),
            (ConnectTrafficCommands.ReportNoun, h => ConnectTrafficCommands.GetReportAsync(h, live, new ConnectServiceIdentity("Lab A"), null, null, start, start.AddDays(1)), "Webex Connect portal > Reports"),
            (ConnectTrafficCommands.UsageNoun, h => ConnectTrafficCommands.GetUsageAsync(h, live, null, null), "Webex Connect portal > Settings > Usage"),
            (ConnectTrafficCommands.MessageNoun, h => ConnectTrafficCommands.SendAsync(h, live, new SandboxMessage { Asset = "Web chat" }), "the simulator exists only in the DigitalChannels sandbox"),
        };
        foreach (var (noun, command, page) in cases)
        {
            var stopped = Assert.Throws<CommandTerminatedException>(() => CommandRunner.Run(new RecordingHost(), noun, command));
            Assert.Equal(noun + "NoPublicApi", stopped.Error.ErrorId);
            Assert.Equal(CommandErrorCategory.NotImplemented, stopped.Error.Category);
            Assert.Contains(page, stopped.Error.Message);
        }
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task A_report_with_nothing_says_No_records_found_and_writes_no_object()
    {
        var server = Sandbox();
        using var connection = await ConnectAsync(server.Handler);
        var host = new RecordingHost();
        var start = new DateTimeOffset(2026, 1, 1, 1, 0, 0, TimeSpan.FromHours(1));

        CommandRunner.Run(host, ConnectTrafficCommands.ReportNoun, h => ConnectTrafficCommands.GetReportAsync(h, connection, new ConnectServiceIdentity(ServiceId),
            ConnectFlowKind.LiveChat, null, start, start.AddDays(30)));

        Assert.Empty(host.Errors);
        Assert.Empty(host.Objects);
        Assert.Contains("No records found.", host.Verbose); // a host without an information stream gets it as verbose text
        var query = Query(server.Requests.Single(r => r.Uri.AbsolutePath == Reports));
        Assert.Equal((ServiceId, "LiveChat", "2026-01-01T00:00:00.000Z", "2026-01-31T00:00:00.000Z"), (query["serviceId"], query["channel"], query["start"], query["end"]));
        Assert.Null(query["flowId"]);
    }

    [Fact]
    public async Task The_historical_log_and_usage_say_No_records_found_only_when_empty()
    {
        var server = Sandbox();
        using var connection = await ConnectAsync(server.Handler);
        var host = new RecordingHost();
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        CommandRunner.Run(host, ConnectTrafficCommands.DebugLogNoun, h => ConnectTrafficCommands.GetDebugLogAsync(h, connection, null, null, ConnectFlowKind.Sms, start, start.AddHours(1)));
        Assert.Contains("No records found.", host.Verbose);
        var query = Query(server.Requests.Single(r => r.Uri.AbsolutePath == Debug));
        Assert.Equal(("Sms", "2026-01-01T00:00:00.000Z", "2026-01-01T01:00:00.000Z", null), (query["channel"], query["start"], query["end"], query["destination"]));

        var usageHost = new RecordingHost();
        CommandRunner.Run(usageHost, ConnectTrafficCommands.UsageNoun, h => ConnectTrafficCommands.GetUsageAsync(h, connection, start, null));
        var usage = Assert.IsType<ConnectUsage>(Assert.Single(usageHost.Objects));
        Assert.Equal(("LiveChat", 3L, 1L, 1L, 4L, (DateTimeOffset?)start), (usage.Channel, usage.Inbound, usage.Outbound, usage.Rejected, usage.Total, usage.Start));
        Assert.DoesNotContain("No records found.", usageHost.Verbose);
    }

    [Fact]
    public async Task A_period_that_ends_before_it_starts_and_a_transaction_id_that_is_no_guid_are_refused_before_sending()
    {
        var server = Sandbox();
        using var connection = await ConnectAsync(server.Handler);
        var start = new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.Zero);
        var host = new RecordingHost();

        CommandRunner.Run(host, ConnectTrafficCommands.DebugLogNoun, h => ConnectTrafficCommands.GetDebugLogAsync(h, connection, "not-a-transaction", null, null, null, null));
        CommandRunner.Run(host, ConnectTrafficCommands.UsageNoun, h => ConnectTrafficCommands.GetUsageAsync(h, connection, start, start.AddDays(-1)));

        Assert.Equal(new[] { "ConnectDebugLogInvalidArgument", "ConnectUsageInvalidArgument" }, host.Errors.Select(e => e.ErrorId));
        Assert.Contains("'not-a-transaction'", host.Errors[0].Message);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Send_resolves_the_asset_by_name_posts_its_id_and_warns_when_the_message_was_rejected()
    {
        var server = Sandbox();
        using var connection = await ConnectAsync(server.Handler);
        var host = new RecordingHost();

        CommandRunner.Run(host, ConnectTrafficCommands.MessageNoun, h => ConnectTrafficCommands.SendAsync(h, connection,
            new SandboxMessage { Asset = "web CHAT", From = " jane@example.com ", Text = "Hello" }));

        var body = Body(server.Writes.Single());
        Assert.Equal((AssetId, "jane@example.com", "Hello"), ((string?)body["assetId"], (string?)body["from"], (string?)body["text"]));
        Assert.Null(body["to"]);
        Assert.Null(body["direction"]);
        var transaction = Assert.IsType<ConnectTransaction>(Assert.Single(host.Objects));
        Assert.Equal("Rejected", transaction.Outcome);
        Assert.Equal("The message was rejected: No rule makes the app 'Web chat' trigger a flow.", Assert.Single(host.Warnings));
        Assert.Equal(("Sandbox message from 'jane@example.com' on LiveChat app 'Web chat'", "Send"), host.ShouldProcessCalls.Single());
    }

    [Fact]
    public async Task Send_with_To_is_an_outbound_reply_and_WhatIf_sends_nothing()
    {
        var server = Sandbox();
        using var connection = await ConnectAsync(server.Handler);

        CommandRunner.Run(new RecordingHost { Answer = false }, ConnectTrafficCommands.MessageNoun, h => ConnectTrafficCommands.SendAsync(h, connection,
            new SandboxMessage { Asset = AssetId, To = "+447700900123", Outcome = "Read" }));
        Assert.Empty(server.Writes);

        CommandRunner.Run(new RecordingHost(), ConnectTrafficCommands.MessageNoun, h => ConnectTrafficCommands.SendAsync(h, connection,
            new SandboxMessage { Asset = AssetId, To = "+447700900123", Outcome = "Read" }));
        var body = Body(server.Writes.Single());
        Assert.Equal(("Outbound", "+447700900123", "Read"), ((string?)body["direction"], (string?)body["to"], (string?)body["outcome"]));
    }

    [Fact]
    public async Task A_custom_event_needs_a_service_and_a_Task_event_takes_none()
    {
        var server = Sandbox();
        using var connection = await ConnectAsync(server.Handler);
        var host = new RecordingHost();

        CommandRunner.Run(host, ConnectTrafficCommands.MessageNoun, h => ConnectTrafficCommands.SendAsync(h, connection, new SandboxMessage { Event = ConnectFlowKind.CustomEvent }));
        Assert.Equal("DigitalChannelsSandboxMessageInvalidArgument", Assert.Single(host.Errors).ErrorId);
        Assert.Contains("give -Service", host.Errors[0].Message);
        Assert.Empty(server.Writes);

        CommandRunner.Run(new RecordingHost(), ConnectTrafficCommands.MessageNoun, h => ConnectTrafficCommands.SendAsync(h, connection,
            new SandboxMessage { Event = ConnectFlowKind.CustomEvent, Service = new ConnectServiceIdentity(ServiceId) }));
        CommandRunner.Run(new RecordingHost(), ConnectTrafficCommands.MessageNoun, h => ConnectTrafficCommands.SendAsync(h, connection,
            new SandboxMessage { Event = ConnectFlowKind.TaskRouted }));
        var bodies = server.Writes.Select(Body).ToList();
        Assert.Equal(("CustomEvent", ServiceId), ((string?)bodies[0]["event"], (string?)bodies[0]["serviceId"]));
        Assert.Equal("TaskRouted", (string?)bodies[1]["event"]);
        Assert.Null(bodies[1]["serviceId"]);
    }
}
