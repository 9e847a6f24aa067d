using System.Net;
using System.Text;
using DigitalChannels.Client.Commands;
using DigitalChannels.Client.Connect;
using DigitalChannels.Client.Connect.Flows;
using DigitalChannels.Client.Connect.Logs;
using DigitalChannels.Client.Connect.Scheduler;
using DigitalChannels.Client.Environments;
using DigitalChannels.Client.Tests.Infrastructure;
using Newtonsoft.Json.Linq;

namespace DigitalChannels.Client.Tests.Connect.Logs;

/// <summary>Export Logs and the Event Scheduler against a scripted server: the wait loop without sleeping, the file, live tenants.</summary>
public class ConnectLogExportCommandsTests
{
    private const string Org = "org-1";
    private const string ExportId = "0f8fad5b-d9cb-469f-a165-70867728950e";
    private const string ServiceId = "6ba7b810-9dad-11d1-80b4-00c04fd430c8";

    private static string Job(string status, int? records = null) =>
        $"{{\"id\":\"{ExportId}\",\"direction\":\"Inbound\",\"serviceId\":\"{ServiceId}\",\"serviceName\":\"Lab A\",\"channel\":null," +
        "\"from\":\"2026-01-01T00:00:00.000Z\",\"to\":\"2026-01-02T00:00:00.000Z\",\"status\":\"" + status + "\"," +
        "\"requestedTime\":\"2026-01-02T00:00:00.000Z\",\"readyTime\":\"2026-01-02T00:00:20.000Z\"," +
        $"\"recordCount\":{(records is null ? "null" : records.ToString())},\"fileName\":{(records is null ? "null" : "\"inbound-logs-20260101T0000Z-20260102T0000Z.csv\"")}}}";

    private static Task<DigitalChannelsConnection> Connect(StubHandler handler, WebexEnvironment? environment = null) =>
        DigitalChannelsConnection.ConnectAsync(new ConnectionOptions
        {
            Environment = environment ?? WebexEnvironment.ForSandbox("http://sandbox.test"),
            OrganizationId = Org,
            AccessToken = "test-token-value",
            HttpMessageHandler = handler,
            RetryPolicy = DigitalChannels.Client.Http.RetryPolicy.None,
        }, CancellationToken.None);

    private static ConnectLogExportIdentity[] Export() => [new ConnectLogExportIdentity(ExportId)];

    [Fact]
    public async Task Wait_polls_with_one_progress_bar_until_Ready_for_download_without_sleeping()
    {
        var handler = new StubHandler((_, _, n) => StubHandler.Json(HttpStatusCode.OK, n < 2 ? Job("InProgress") : Job("ReadyForDownload", 3)));
        using var connection = await Connect(handler);
        var host = new RecordingHost();
        var delays = new List<TimeSpan>();

        CommandRunner.Run(host, ConnectLogExportCommands.Noun, h => ConnectLogExportCommands.WaitAsync(h, connection, Export(),
            TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(5), (d, _) => { delays.Add(d); return Task.CompletedTask; }));

        Assert.Empty(host.Errors);
        var job = Assert.IsType<ConnectLogExport>(Assert.Single(host.Objects));
        Assert.Equal(("Ready for download", 3), (job.StatusText, job.RecordCount));
        Assert.Equal(3, handler.Requests.Count);
        Assert.All(handler.Requests, r => Assert.Equal($"http://sandbox.test/connect/v1/organization/{Org}/log-exports/{ExportId}", r.Uri.AbsoluteUri));
        Assert.Equal(new[] { TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5) }, delays);
        var bars = host.Progress.Where(p => !p.Completed).ToList();
        Assert.Equal(2, bars.Count);
        Assert.All(bars, p => Assert.Contains("In progress until 2026-01-02 00:00:20Z", p.Status));
        Assert.Equal(new[] { 0, 25 }, bars.Select(p => p.PercentComplete)); // 5 s steps of the 20 s the job takes
        Assert.Single(host.Progress, p => p.Completed);
        Assert.True(host.Progress.Last().Completed, "The progress bar is removed at the end.");
    }

    [Fact]
    public async Task Wait_ends_at_once_when_cancelled_like_Ctrl_C_and_closes_its_bar()
    {
        var handler = new StubHandler((_, _, _) => StubHandler.Json(HttpStatusCode.OK, Job("InProgress")));
        using var connection = await Connect(handler);
        var host = new RecordingHost();

        Assert.ThrowsAny<OperationCanceledException>(() => CommandRunner.Run(host, ConnectLogExportCommands.Noun, h => ConnectLogExportCommands.WaitAsync(h, connection,
            Export(), TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(1), (_, ct) => { host.Cancel(); return Task.Delay(Timeout.Infinite, ct); })));

        Assert.Single(handler.Requests);
        Assert.Single(host.Progress, p => p.Completed);
    }

    [Fact]
    public async Task Wait_gives_up_after_the_timeout_naming_the_job_and_its_ready_time()
    {
        var handler = new StubHandler((_, _, _) => StubHandler.Json(HttpStatusCode.OK, Job("InProgress")));
        using var connection = await Connect(handler);
        var host = new RecordingHost();

        CommandRunner.Run(host, ConnectLogExportCommands.Noun, h => ConnectLogExportCommands.WaitAsync(h, connection, Export(),
            TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1), (_, _) => Task.CompletedTask));

        var error = Assert.Single(host.Errors);
        Assert.Equal("ConnectLogExportTimeout", error.ErrorId);
        Assert.Equal($"Log export {ExportId} was still In progress after 2 s (until 2026-01-02 00:00:20Z, tenant time).", error.Message);
    }

    [Fact]
    public async Task Save_writes_the_csv_into_a_folder_under_the_exports_own_name_and_never_replaces_a_file_without_Force()
    {
        const string csv = "Transaction ID,Time (UTC),Message\r\nt-1,2026-01-01T10:00:00.000Z,\"two\r\nlines\"\r\nt-2,2026-01-01T11:00:00.000Z,\r\n";
        var handler = new StubHandler((request, _, _) => request.RequestUri!.AbsolutePath.EndsWith("/download", StringComparison.Ordinal)
            ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(csv, Encoding.UTF8, "text/csv") }
            : StubHandler.Json(HttpStatusCode.OK, Job("ReadyForDownload", 2)));
        using var connection = await Connect(handler);
        var folder = Directory.CreateTempSubdirectory("logsched-").FullName;
        try
        {
            var host = new RecordingHost();
            CommandRunner.Run(host, ConnectLogExportCommands.Noun, h => ConnectLogExportCommands.SaveAsync(h, connection, Export()[0], folder, force: false));

            Assert.Empty(host.Errors);
            var file = Assert.IsType<ConnectLogExportFile>(Assert.Single(host.Objects));
            Assert.Equal(Path.Combine(folder, "inbound-logs-20260101T0000Z-20260102T0000Z.csv"), file.Path);
            Assert.Equal(2, file.RecordCount); // the quoted line break is inside a field
            Assert.Equal(csv, File.ReadAllText(file.Path));
            Assert.Equal($"http://sandbox.test/connect/v1/organization/{Org}/log-exports/{ExportId}/download", handler.Requests.Last().Uri.AbsoluteUri);

            var again = new RecordingHost();
            CommandRunner.Run(again, ConnectLogExportCommands.Noun, h => ConnectLogExportCommands.SaveAsync(h, connection, Export()[0], file.Path, force: false));
            Assert.Equal("ConnectLogExportInvalidArgument", Assert.Single(again.Errors).ErrorId);
            Assert.Contains("already exists; use -Force", again.Errors[0].Message);

            var whatIf = new RecordingHost { Answer = false };
            var requests = handler.Requests.Count;
            CommandRunner.Run(whatIf, ConnectLogExportCommands.Noun, h => ConnectLogExportCommands.SaveAsync(h, connection, Export()[0], Path.Combine(folder, "other.csv"), force: false));
            Assert.False(File.Exists(Path.Combine(folder, "other.csv")));
            Assert.Equal(requests + 1, handler.Requests.Count); // read the job, downloaded nothing
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Start_sends_the_period_in_UTC_and_the_channel_and_honours_WhatIf()
    {
        var handler = new StubHandler((request, _, _) => request.RequestUri!.AbsolutePath.Contains("/services/", StringComparison.Ordinal)
            ? StubHandler.Json(HttpStatusCode.OK, $"{{\"id\":\"{ServiceId}\",\"name\":\"Lab A\"}}")
            : StubHandler.Json(HttpStatusCode.Created, Job("InProgress")));
        using var connection = await Connect(handler);
        var from = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        var whatIf = new RecordingHost { Answer = false };
        CommandRunner.Run(whatIf, ConnectLogExportCommands.Noun, h => ConnectLogExportCommands.StartAsync(h, connection, new ConnectServiceIdentity(ServiceId),
            ConnectLogDirection.Outbound, ConnectFlowKind.LiveChat, from, from.AddDays(1)));
        Assert.DoesNotContain(handler.Requests, r => r.Method == HttpMethod.Post);
        Assert.Contains("Outbound logs of service 'Lab A', LiveChat channel, from 2026-01-01 00:00:00Z to 2026-01-02 00:00:00Z", whatIf.ShouldProcessCalls.Single().Target);

        var host = new RecordingHost();
        CommandRunner.Run(host, ConnectLogExportCommands.Noun, h => ConnectLogExportCommands.StartAsync(h, connection, new ConnectServiceIdentity(ServiceId),
            ConnectLogDirection.Outbound, ConnectFlowKind.LiveChat, from, from.AddDays(1)));
        var post = handler.Requests.Single(r => r.Method == HttpMethod.Post);
        Assert.Equal($"http://sandbox.test/connect/v1/organization/{Org}/log-exports", post.Uri.AbsoluteUri);
        var body = JObject.Parse(post.Body!);
        Assert.Equal(("Outbound", ServiceId, "LiveChat"), ((string)body["direction"]!, (string)body["serviceId"]!, (string)body["channel"]!));
        Assert.Equal(from, new DateTimeOffset(((DateTime)body["from"]!).ToUniversalTime()));
        Assert.Equal("In progress", Assert.IsType<ConnectLogExport>(Assert.Single(host.Objects)).StatusText);
    }

    [Fact]
    public async Task On_a_live_tenant_every_command_stops_naming_its_portal_page_before_any_request()
    {
        var handler = new StubHandler((_, _, _) => StubHandler.Json(HttpStatusCode.OK, "{}"));
        using var connection = await Connect(handler, WebexEnvironment.ForRegion("us1"));
        var host = new RecordingHost();
        var scheduled = new ConnectScheduledEventIdentity("Campaign");
        var flow = new ConnectFlowIdentity(new ConnectFlow { Id = ServiceId, ServiceId = ServiceId, Name = "Campaign" });
        var commands = new (string Noun, Func<ICommandHost, Task> Run, string Page)[]
        {
            (ConnectLogExportCommands.Noun, h => ConnectLogExportCommands.StartAsync(h, connection, new ConnectServiceIdentity("Lab A"), ConnectLogDirection.Inbound, null, null, null), "Tools > Export Logs"),
            (ConnectLogExportCommands.Noun, h => ConnectLogExportCommands.GetAsync(h, connection, []), "Tools > Export Logs"),
            (ConnectLogExportCommands.Noun, h => ConnectLogExportCommands.WaitAsync(h, connection, Export(), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)), "Tools > Export Logs"),
            (ConnectLogExportCommands.Noun, h => ConnectLogExportCommands.SaveAsync(h, connection, Export()[0], Path.GetTempPath(), false), "Tools > Export Logs"),
            (ConnectScheduledEventCommands.Noun, h => ConnectScheduledEventCommands.NewAsync(h, connection, "Campaign", null!, flow, DateTimeOffset.Now.AddHours(1), ConnectScheduleRecurrence.Once, 1, null, false), "App Tray > Event Scheduler"),
            (ConnectScheduledEventCommands.Noun, h => ConnectScheduledEventCommands.GetAsync(h, connection, null!), "App Tray > Event Scheduler"),
            (ConnectScheduledEventCommands.Noun, h => ConnectScheduledEventCommands.SetAsync(h, connection, scheduled, "New", null!, null!, null, null, null, null, false, false, false), "App Tray > Event Scheduler"),
            (ConnectScheduledEventCommands.Noun, h => ConnectScheduledEventCommands.RemoveAsync(h, connection, scheduled), "App Tray > Event Scheduler"),
        };
        foreach (var (noun, run, page) in commands)
        {
            var stopped = Assert.Throws<CommandTerminatedException>(() => CommandRunner.Run(host, noun, run));
            Assert.Equal(noun + "NoPublicApi", stopped.Error.ErrorId);
            Assert.Contains("Webex Connect portal > " + page, stopped.Error.Message);
        }
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public void A_log_export_id_must_be_a_guid_and_the_schedule_reads_as_words()
    {
        var bad = Assert.Throws<ArgumentException>(() => new ConnectLogExportIdentity("yesterday"));
        Assert.Contains("'yesterday' is not the id of a log export", bad.Message);
        Assert.Equal("Once", new ConnectScheduledEvent { Recurrence = "Once", Interval = 1 }.Schedule);
        Assert.Equal("Every 15 minutes", new ConnectScheduledEvent { Recurrence = "Minutes", Interval = 15 }.Schedule);
        Assert.Equal("Every day", new ConnectScheduledEvent { Recurrence = "Daily", Interval = 1 }.Schedule);
        Assert.Equal("Every 2 weeks", new ConnectScheduledEvent { Recurrence = "Weekly", Interval = 2 }.Schedule);
    }

    [Fact]
    public async Task Set_sends_only_what_changed_and_null_to_remove_the_end()
    {
        const string EventId = "9b2c4d6e-8f0a-4b1c-9d2e-3f4a5b6c7d8e";
        var current = $"{{\"id\":\"{EventId}\",\"name\":\"Campaign\",\"serviceId\":\"{ServiceId}\",\"flowId\":\"{ServiceId}\",\"recurrence\":\"Minutes\",\"interval\":15,\"enabled\":true}}";
        var handler = new StubHandler((request, _, _) => StubHandler.Json(HttpStatusCode.OK, request.Method == HttpMethod.Get ? $"{{\"data\":[{current}]}}" : current));
        using var connection = await Connect(handler);
        var host = new RecordingHost();

        CommandRunner.Run(host, ConnectScheduledEventCommands.Noun, h => ConnectScheduledEventCommands.SetAsync(h, connection, new ConnectScheduledEventIdentity("campaign"),
            null!, null!, null!, null, ConnectScheduleRecurrence.Hourly, null, null, removeEnd: true, enabled: false, passThru: true));

        Assert.Empty(host.Errors);
        var patch = handler.Requests.Single(r => r.Method.Method == "PATCH");
        Assert.Equal($"http://sandbox.test/connect/v1/organization/{Org}/scheduled-events/{EventId}", patch.Uri.AbsoluteUri);
        Assert.Equal(JObject.Parse("{\"recurrence\":\"Hourly\",\"interval\":15,\"endTime\":null,\"enabled\":false}"), JObject.Parse(patch.Body!), JToken.EqualityComparer);
        Assert.Equal("Set every 15 hours, no end, disabled", host.ShouldProcessCalls.Single().Action);
    }
}
