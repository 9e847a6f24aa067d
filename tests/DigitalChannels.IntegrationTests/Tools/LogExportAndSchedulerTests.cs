using System.Globalization;
using System.Net;
using System.Text.Json;
using DigitalChannels.IntegrationTests.Infrastructure;
using DigitalChannels.Sandbox.Connect.Scheduler;
using Xunit;

namespace DigitalChannels.IntegrationTests.Tools;

/// <summary>
/// Tools > Export Logs and App Tray > Event Scheduler over HTTP against a real sandbox, with simulated traffic from the
/// traffic store: the job moves from In progress to Ready for download on the sandbox clock, the CSV holds the
/// transactions of the period, scheduled events fire when the clock passes their time (and survive a restart), and each
/// run is a transaction found in Debug and in the export. Each test owns its sandbox: they move the clock.
/// </summary>
public sealed class LogExportAndSchedulerTests
{
    /// <summary>A synthetic export: 256 bytes of lower-case hex, enough for the payload checks.</summary>
    private static readonly string Payload = new('e', 512);

    private sealed record Tenant(SandboxApi Api, string Owner, string ServiceId, string FlowId)
    {
        public string Org => Api.Sandbox.OrgId;
        public string Exports => $"/connect/v1/organization/{Org}/log-exports";
        public string Events => $"/connect/v1/organization/{Org}/scheduled-events";
    }

    /// <summary>A service with a custom-event flow made live (publishing takes 0 s in these sandboxes).</summary>
    private static async Task<Tenant> TenantWithLiveCustomEventFlowAsync(SandboxApi api)
    {
        var owner = await api.OwnerTokenAsync();
        var serviceId = (await api.CreateServiceAsync(owner, SandboxApi.UniqueName("Campaigns"))).GetProperty("id").GetString()!;
        var flowId = await ImportFlowAsync(api, owner, serviceId, "Campaign", "CustomEvent", publish: true);
        return new Tenant(api, owner, serviceId, flowId);
    }

    private static async Task<string> ImportFlowAsync(SandboxApi api, string owner, string serviceId, string name, string kind, bool publish)
    {
        var flows = $"{api.ServicesPath}/{serviceId}/flows";
        using var imported = await api.SendAsync(HttpMethod.Post, flows + "/import", owner, new { name, kind, payload = Payload });
        var flowId = (await SandboxApi.ExpectJsonAsync(imported, HttpStatusCode.Created)).GetProperty("id").GetString()!;
        if (!publish) return flowId;
        using (var saved = await api.SendAsync(HttpMethod.Post, $"{flows}/{flowId}/save", owner))
            await SandboxApi.ExpectJsonAsync(saved, HttpStatusCode.OK);
        using (var published = await api.SendAsync(HttpMethod.Post, $"{flows}/{flowId}/publish", owner, new { comment = "live" }))
            await SandboxApi.ExpectJsonAsync(published, HttpStatusCode.OK);
        return flowId;
    }

    /// <summary>A custom event raised on the service through the traffic simulator; the transaction id.</summary>
    private static async Task<string> RaiseEventAsync(Tenant t, string text)
    {
        using var response = await t.Api.SendAsync(HttpMethod.Post, $"/sandbox/v1/organization/{t.Org}/connect/inbound", t.Owner,
            new { @event = "CustomEvent", serviceId = t.ServiceId, text });
        var transaction = await SandboxApi.ExpectJsonAsync(response, HttpStatusCode.OK);
        Assert.Equal("Delivered", transaction.GetProperty("outcome").GetString());
        return transaction.GetProperty("transactionId").GetString()!;
    }

    /// <summary>Lab rule 33: the Owner ticks Decrypt Logs (for itself here); until then logs show no message content.</summary>
    private static async Task GrantDecryptLogsToOwnerAsync(Tenant t)
    {
        var teammates = await GetJsonAsync(t, $"/connect/v1/organization/{t.Org}/teammates");
        var owner = teammates.GetProperty("data").EnumerateArray().First(m => m.GetProperty("role").GetString() == "Owner").GetProperty("id").GetString();
        using var response = await t.Api.SendAsync(HttpMethod.Put, $"/connect/v1/organization/{t.Org}/teammates/{owner}/decrypt-logs", t.Owner);
        await SandboxApi.ExpectJsonAsync(response, HttpStatusCode.OK);
    }

    private static async Task<DateTimeOffset> ClockAsync(Tenant t)
    {
        using var response = await t.Api.SendAsync(HttpMethod.Get, "/sandbox/v1/clock", t.Owner);
        return Time((await SandboxApi.ExpectJsonAsync(response, HttpStatusCode.OK)).GetProperty("now"));
    }

    /// <summary>Moves the clock; returns the tenant with a fresh Owner token (tokens expire by the same clock).</summary>
    private static async Task<Tenant> AdvanceClockAsync(Tenant t, TimeSpan by)
    {
        using var response = await t.Api.SendAsync(HttpMethod.Post, "/sandbox/v1/clock/advance", await t.Api.OwnerTokenAsync(), new { seconds = (int)by.TotalSeconds });
        await SandboxApi.ExpectJsonAsync(response, HttpStatusCode.OK);
        return t with { Owner = await t.Api.OwnerTokenAsync() };
    }

    private static DateTimeOffset Time(JsonElement value) => DateTimeOffset.Parse(value.GetString()!, CultureInfo.InvariantCulture);

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static async Task<JsonElement> GetJsonAsync(Tenant t, string path, string? token = null)
    {
        using var response = await t.Api.SendAsync(HttpMethod.Get, path, token ?? t.Owner);
        return await SandboxApi.ExpectJsonAsync(response, HttpStatusCode.OK);
    }

    private static async Task<List<string[]>> DownloadAsync(Tenant t, string exportId, string token)
    {
        using var response = await t.Api.SendAsync(HttpMethod.Get, $"{t.Exports}/{exportId}/download", token);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("inbound-logs-", response.Content.Headers.ContentDisposition?.ToString());
        // No field of these tests holds a comma, a quote or a line break, so the rows split plainly.
        return text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(',')).ToList();
    }

    [Fact]
    public async Task An_inbound_export_is_In_progress_then_Ready_on_the_sandbox_clock_and_its_CSV_holds_the_periods_transactions()
    {
        using var sandbox = new SandboxProcess { ExtraArguments = ["--flow-publish-seconds", "0", "--log-export-seconds", "30"] };
        await sandbox.StartAsync();
        using var api = new SandboxApi(sandbox);
        var t = await TenantWithLiveCustomEventFlowAsync(api);
        var first = await RaiseEventAsync(t, "first offer");
        var second = await RaiseEventAsync(t, "second offer");

        using var created = await api.SendAsync(HttpMethod.Post, t.Exports, t.Owner, new { direction = "Inbound", serviceId = t.ServiceId });
        var job = await SandboxApi.ExpectJsonAsync(created, HttpStatusCode.Created);
        var jobId = job.GetProperty("id").GetString()!;
        Assert.Equal("InProgress", job.GetProperty("status").GetString());
        Assert.Equal(TimeSpan.FromSeconds(30), Time(job.GetProperty("readyTime")) - Time(job.GetProperty("requestedTime")));
        Assert.Equal(TimeSpan.FromDays(1), Time(job.GetProperty("to")) - Time(job.GetProperty("from")));
        Assert.False(job.TryGetProperty("recordCount", out _), "No record count while In progress."); // nulls are left out

        // Not yet: the file is refused while the job is In progress.
        using (var early = await api.SendAsync(HttpMethod.Get, $"{t.Exports}/{jobId}/download", t.Owner))
            await SandboxApi.ExpectProblemAsync(early, HttpStatusCode.Conflict, "log_export.not_ready", $"The log export {jobId} is In progress until");
        var later = await RaiseEventAsync(t, "after the request");

        t = await AdvanceClockAsync(t, TimeSpan.FromSeconds(30));
        var ready = await GetJsonAsync(t, $"{t.Exports}/{jobId}");
        Assert.Equal("ReadyForDownload", ready.GetProperty("status").GetString());
        Assert.Equal(2, ready.GetProperty("recordCount").GetInt32());
        var listed = (await GetJsonAsync(t, t.Exports)).GetProperty("data").EnumerateArray().Single(j => j.GetProperty("id").GetString() == jobId);
        Assert.Equal("ReadyForDownload", listed.GetProperty("status").GetString());

        await GrantDecryptLogsToOwnerAsync(t);
        var rows = await DownloadAsync(t, jobId, t.Owner);
        Assert.Equal(["Transaction ID", "Time (UTC)", "Direction", "Trigger", "Service ID", "Service", "Channel", "Source", "Destination", "Asset",
            "Flow ID", "Flow", "Flow Version", "Outcome", "Reason", "Conversation ID", "Message"], rows[0]);
        Assert.Equal([first, second], rows.Skip(1).Select(r => r[0]));
        Assert.Equal(["first offer", "second offer"], rows.Skip(1).Select(r => r[16]));
        Assert.DoesNotContain(rows, r => r[0] == later); // the file covers the period up to the request
        Assert.All(rows.Skip(1), r => Assert.Equal(("Inbound", "CustomEvent", t.ServiceId, t.FlowId, "Campaign", "1", "Delivered"), (r[2], r[3], r[4], r[10], r[11], r[12], r[13])));

        // A Read Only teammate may export too, but without Decrypt Logs the message content stays encrypted.
        var readOnly = await api.TokenForNewApplicationAsync("ReadOnly", "connect:config_read");
        using (var theirs = await api.SendAsync(HttpMethod.Post, t.Exports, readOnly, new { direction = "Inbound", serviceId = t.ServiceId, from = Iso(DateTimeOffset.UtcNow.AddHours(-1)), to = Iso(DateTimeOffset.UtcNow.AddHours(1)) }))
        {
            var theirJob = (await SandboxApi.ExpectJsonAsync(theirs, HttpStatusCode.Created)).GetProperty("id").GetString()!;
            t = await AdvanceClockAsync(t, TimeSpan.FromSeconds(30));
            var theirRows = await DownloadAsync(t, theirJob, readOnly);
            Assert.Equal([first, second, later], theirRows.Skip(1).Select(r => r[0]));
            Assert.All(theirRows.Skip(1), r => Assert.Equal("(encrypted: needs Decrypt Logs)", r[16]));
        }

        // The outbound log of the same service has no rows; a Restricted teammate may not export at all.
        using (var outbound = await api.SendAsync(HttpMethod.Post, t.Exports, t.Owner, new { direction = "Outbound", serviceId = t.ServiceId }))
        {
            var outboundJob = (await SandboxApi.ExpectJsonAsync(outbound, HttpStatusCode.Created)).GetProperty("id").GetString()!;
            t = await AdvanceClockAsync(t, TimeSpan.FromSeconds(30));
            Assert.Equal(0, (await GetJsonAsync(t, $"{t.Exports}/{outboundJob}")).GetProperty("recordCount").GetInt32());
        }
        var restricted = await api.TokenForNewApplicationAsync("Restricted", "connect:config_read");
        using (var refused = await api.SendAsync(HttpMethod.Post, t.Exports, restricted, new { direction = "Inbound", serviceId = t.ServiceId }))
            await SandboxApi.ExpectProblemAsync(refused, HttpStatusCode.Forbidden, "role.forbidden", "The role 'Restricted' may not export logs (Tools > Export Logs).");

        // Bad input names the bad value.
        using (var backwards = await api.SendAsync(HttpMethod.Post, t.Exports, t.Owner, new { direction = "Inbound", serviceId = t.ServiceId, from = "2026-02-01T00:00:00Z", to = "2026-01-01T00:00:00Z" }))
            await SandboxApi.ExpectProblemAsync(backwards, HttpStatusCode.BadRequest, "request.invalid_field", "'to' (2026-01-01T00:00:00.000Z) must be after 'from'");
        using (var sideways = await api.SendAsync(HttpMethod.Post, t.Exports, t.Owner, new { direction = "Sideways", serviceId = t.ServiceId }))
            await SandboxApi.ExpectProblemAsync(sideways, HttpStatusCode.BadRequest, "request.invalid_field", "'direction' is 'Sideways'");
    }

    [Fact]
    public async Task A_scheduled_event_fires_when_the_clock_passes_its_time_survives_a_restart_and_each_run_is_a_transaction()
    {
        using var sandbox = new SandboxProcess { ExtraArguments = ["--flow-publish-seconds", "0", "--log-export-seconds", "5"] };
        await sandbox.StartAsync();
        using var api = new SandboxApi(sandbox);
        var t = await TenantWithLiveCustomEventFlowAsync(api);
        var draftId = await ImportFlowAsync(api, t.Owner, t.ServiceId, "Never live", "CustomEvent", publish: false);
        var chatId = await ImportFlowAsync(api, t.Owner, t.ServiceId, "Chat", "LiveChat", publish: false);
        var now = await ClockAsync(t);
        var start = now.AddMinutes(10);

        using var created = await api.SendAsync(HttpMethod.Post, t.Events, t.Owner,
            new { name = "Half-hourly campaign", serviceId = t.ServiceId, flowId = t.FlowId, startTime = Iso(start), recurrence = "Minutes", interval = 30 });
        var recurring = await SandboxApi.ExpectJsonAsync(created, HttpStatusCode.Created);
        var recurringId = recurring.GetProperty("id").GetString()!;
        Assert.Equal(("Scheduled", 0L, "Campaign"), (recurring.GetProperty("status").GetString(), recurring.GetProperty("runCount").GetInt64(), recurring.GetProperty("flowName").GetString()));
        Assert.Equal(start, Time(recurring.GetProperty("nextRunTime")));
        using var once = await api.SendAsync(HttpMethod.Post, t.Events, t.Owner, new { name = "Once on a draft", serviceId = t.ServiceId, flowId = draftId, startTime = Iso(start) });
        var onceId = (await SandboxApi.ExpectJsonAsync(once, HttpStatusCode.Created)).GetProperty("id").GetString()!;

        // What the Scheduler refuses, naming why.
        using (var chat = await api.SendAsync(HttpMethod.Post, t.Events, t.Owner, new { name = "Chat", serviceId = t.ServiceId, flowId = chatId, startTime = Iso(start) }))
            await SandboxApi.ExpectProblemAsync(chat, HttpStatusCode.BadRequest, "scheduled_event.wrong_flow_kind", "The flow 'Chat' starts on Live Chat, not on a custom event");
        using (var past = await api.SendAsync(HttpMethod.Post, t.Events, t.Owner, new { name = "Past", serviceId = t.ServiceId, flowId = t.FlowId, startTime = Iso(now.AddHours(-1)) }))
            await SandboxApi.ExpectProblemAsync(past, HttpStatusCode.BadRequest, "request.invalid_field", "would never run: its start time");
        using (var twice = await api.SendAsync(HttpMethod.Post, t.Events, t.Owner, new { name = "HALF-HOURLY CAMPAIGN", serviceId = t.ServiceId, flowId = t.FlowId, startTime = Iso(start) }))
            await SandboxApi.ExpectProblemAsync(twice, HttpStatusCode.Conflict, "scheduled_event.duplicate_name", "'Half-hourly campaign' already exists");
        var readOnly = await api.TokenForNewApplicationAsync("ReadOnly", "connect:config_read", "connect:config_write");
        using (var refused = await api.SendAsync(HttpMethod.Post, t.Events, readOnly, new { name = "Mine", serviceId = t.ServiceId, flowId = t.FlowId, startTime = Iso(start) }))
            await SandboxApi.ExpectProblemAsync(refused, HttpStatusCode.Forbidden, "role.forbidden", "The role 'ReadOnly' may not change the configuration.");

        // Stored, not timed: after a restart (the clock is back on system time) nothing has fired and the next run stands.
        await sandbox.RestartAsync();
        var owner = await api.OwnerTokenAsync();
        t = t with { Owner = owner };
        var restarted = await GetJsonAsync(t, $"{t.Events}/{recurringId}");
        Assert.Equal((0L, start), (restarted.GetProperty("runCount").GetInt64(), Time(restarted.GetProperty("nextRunTime"))));

        // The clock passes 10 and 40 minutes from now: two runs of the half-hourly event, one (rejected) of the one-off.
        t = await AdvanceClockAsync(t, TimeSpan.FromMinutes(41));
        var fired = await GetJsonAsync(t, $"{t.Events}/{recurringId}");
        Assert.Equal(2, fired.GetProperty("runCount").GetInt64());
        Assert.Equal(start.AddMinutes(30), Time(fired.GetProperty("lastRunTime")));
        Assert.Equal(start.AddMinutes(60), Time(fired.GetProperty("nextRunTime")));
        Assert.Equal("Delivered", fired.GetProperty("lastOutcome").GetString());
        var onceFired = await GetJsonAsync(t, $"{t.Events}/{onceId}");
        Assert.Equal(("Completed", 1L, "Rejected"), (onceFired.GetProperty("status").GetString(), onceFired.GetProperty("runCount").GetInt64(), onceFired.GetProperty("lastOutcome").GetString()));
        Assert.False(onceFired.TryGetProperty("nextRunTime", out _), "A completed one-off has no next run.");

        // The run is a transaction of the traffic store, at its scheduled time: Debug finds it.
        var transactionId = fired.GetProperty("lastTransactionId").GetString()!;
        var transaction = await GetJsonAsync(t, $"/connect/v1/organization/{t.Org}/debug/transactions/{transactionId}");
        Assert.Equal(("EventScheduler", "Campaign", "Delivered", "Inbound"), (transaction.GetProperty("trigger").GetString(), transaction.GetProperty("flowName").GetString(),
            transaction.GetProperty("outcome").GetString(), transaction.GetProperty("direction").GetString()));
        Assert.Equal(start.AddMinutes(30), Time(transaction.GetProperty("createdTime")));

        // And the exported log of custom events holds the three runs, the event's name as their content.
        await GrantDecryptLogsToOwnerAsync(t);
        using var export = await api.SendAsync(HttpMethod.Post, t.Exports, t.Owner, new { direction = "Inbound", serviceId = t.ServiceId, channel = "CustomEvent" });
        var exportId = (await SandboxApi.ExpectJsonAsync(export, HttpStatusCode.Created)).GetProperty("id").GetString()!;
        t = await AdvanceClockAsync(t, TimeSpan.FromSeconds(5));
        var rows = (await DownloadAsync(t, exportId, t.Owner)).Skip(1).ToList();
        Assert.Equal(3, rows.Count);
        Assert.Contains(rows, r => r[0] == transactionId && r[3] == "EventScheduler" && r[16] == "Scheduled event 'Half-hourly campaign'");
        Assert.Single(rows, r => r[11] == "Never live" && r[13] == "Rejected");

        // Switched off, it does not run; switched on, its next run is the first from now on, never one already made.
        using (var off = await api.SendAsync(HttpMethod.Patch, $"{t.Events}/{recurringId}", t.Owner, new { enabled = false }))
            Assert.Equal("Disabled", (await SandboxApi.ExpectJsonAsync(off, HttpStatusCode.OK)).GetProperty("status").GetString());
        t = await AdvanceClockAsync(t, TimeSpan.FromHours(2));
        Assert.Equal(2, (await GetJsonAsync(t, $"{t.Events}/{recurringId}")).GetProperty("runCount").GetInt64());
        var clock = await ClockAsync(t);
        using (var on = await api.SendAsync(HttpMethod.Patch, $"{t.Events}/{recurringId}", t.Owner, new { enabled = true }))
        {
            var resumed = await SandboxApi.ExpectJsonAsync(on, HttpStatusCode.OK);
            var next = Time(resumed.GetProperty("nextRunTime"));
            Assert.True(next >= clock && next < clock.AddMinutes(30), $"The next run {next:o} should be the first half hour from {clock:o}.");
            Assert.Equal(0, (next - start).Ticks % TimeSpan.FromMinutes(30).Ticks); // still on the schedule's own beat
        }

        using (var removed = await api.SendAsync(HttpMethod.Delete, $"{t.Events}/{recurringId}", t.Owner))
            Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        using (var gone = await api.SendAsync(HttpMethod.Get, $"{t.Events}/{recurringId}", t.Owner))
            await SandboxApi.ExpectProblemAsync(gone, HttpStatusCode.NotFound, "scheduled_event.not_found");
        // Its past runs stay in the logs.
        await GetJsonAsync(t, $"/connect/v1/organization/{t.Org}/debug/transactions/{transactionId}");
    }

    [Fact]
    public async Task A_long_jump_of_the_clock_fires_at_most_a_hundred_missed_runs_and_counts_the_rest_as_skipped()
    {
        using var sandbox = new SandboxProcess { ExtraArguments = ["--flow-publish-seconds", "0"] };
        await sandbox.StartAsync();
        using var api = new SandboxApi(sandbox);
        var t = await TenantWithLiveCustomEventFlowAsync(api);
        var start = (await ClockAsync(t)).AddMinutes(1);
        using var created = await api.SendAsync(HttpMethod.Post, t.Events, t.Owner,
            new { name = "Every minute", serviceId = t.ServiceId, flowId = t.FlowId, startTime = Iso(start), recurrence = "Minutes", interval = 1 });
        var id = (await SandboxApi.ExpectJsonAsync(created, HttpStatusCode.Created)).GetProperty("id").GetString()!;

        // 300.5 minutes later: runs at start + 0 … start + 299 are due, 300 of them.
        t = await AdvanceClockAsync(t, TimeSpan.FromSeconds(60 + 299 * 60 + 30));
        var after = await GetJsonAsync(t, $"{t.Events}/{id}");
        Assert.Equal(ScheduledEventRunner.MaximumRunsPerCatchUp, after.GetProperty("runCount").GetInt64());
        Assert.Equal(300 - ScheduledEventRunner.MaximumRunsPerCatchUp, after.GetProperty("skippedRuns").GetInt64());
        Assert.Equal(start.AddMinutes(300), Time(after.GetProperty("nextRunTime")));
        Assert.Equal(start.AddMinutes(ScheduledEventRunner.MaximumRunsPerCatchUp - 1), Time(after.GetProperty("lastRunTime")));
    }
}
