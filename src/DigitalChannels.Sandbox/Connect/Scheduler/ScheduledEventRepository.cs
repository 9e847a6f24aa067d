using DigitalChannels.Sandbox.Storage;

namespace DigitalChannels.Sandbox.Connect.Scheduler;

/// <summary>An Event Scheduler event: it raises the custom event of one flow at its start time, or on a recurrence.</summary>
public sealed record ScheduledEvent(string Id, string OrganizationId, string Name, string ServiceId, string FlowId, string StartTime,
    string Recurrence, int Interval, string? EndTime, bool Enabled, string? NextRunTime, string? LastRunTime, string? LastOutcome,
    string? LastTransactionId, long RunCount, long SkippedCount, int Version, string CreatedTime, string LastUpdatedTime)
{
    public const string Scheduled = "Scheduled";
    public const string Completed = "Completed";
    public const string Disabled = "Disabled";

    public string Status => !Enabled ? Disabled : NextRunTime is null ? Completed : Scheduled;

    public static string NameKey(string name) => name.ToLowerInvariant();
}

public sealed class ScheduledEventRepository
{
    private const string Columns = "id, organization_id, name, service_id, flow_id, start_time, recurrence, interval, end_time, enabled, next_run_time, " +
        "last_run_time, last_outcome, last_transaction_id, run_count, skipped_count, version, created_time, last_updated_time";

    private readonly DbSession session;

    public ScheduledEventRepository(DbSession session) => this.session = session;

    public ScheduledEvent? Find(string organizationId, string id) =>
        session.QuerySingleOrDefault($"SELECT {Columns} FROM connect_scheduled_events WHERE organization_id = $org AND id = $id;", Map,
            ("$org", organizationId), ("$id", id));

    public ScheduledEvent? FindByName(string organizationId, string name) =>
        session.QuerySingleOrDefault($"SELECT {Columns} FROM connect_scheduled_events WHERE organization_id = $org AND name_key = $key;", Map,
            ("$org", organizationId), ("$key", ScheduledEvent.NameKey(name)));

    public List<ScheduledEvent> List(string organizationId) =>
        session.Query($"SELECT {Columns} FROM connect_scheduled_events WHERE organization_id = $org ORDER BY name_key, id;", Map, ("$org", organizationId));

    /// <summary>Enabled events whose next run has come, of one organization or (null) every one.</summary>
    public List<ScheduledEvent> ListDue(string? organizationId, string instant) =>
        session.Query($"""
            SELECT {Columns} FROM connect_scheduled_events
            WHERE enabled = 1 AND next_run_time IS NOT NULL AND next_run_time <= $now AND ($org IS NULL OR organization_id = $org)
            ORDER BY next_run_time, id;
            """, Map, ("$org", organizationId), ("$now", instant));

    public bool AnyDue(string? organizationId, string instant) =>
        session.Scalar<long>("""
            SELECT COUNT(*) FROM connect_scheduled_events
            WHERE enabled = 1 AND next_run_time IS NOT NULL AND next_run_time <= $now AND ($org IS NULL OR organization_id = $org);
            """, ("$org", organizationId), ("$now", instant)) > 0;

    public void Insert(ScheduledEvent e) =>
        session.Execute($"""
            INSERT INTO connect_scheduled_events ({Columns}, name_key)
            VALUES ($id, $org, $name, $service, $flow, $start, $recurrence, $interval, $end, $enabled, $next, NULL, NULL, NULL, 0, 0, 0, $time, $time, $key);
            """, ("$id", e.Id), ("$org", e.OrganizationId), ("$name", e.Name), ("$service", e.ServiceId), ("$flow", e.FlowId), ("$start", e.StartTime),
            ("$recurrence", e.Recurrence), ("$interval", e.Interval), ("$end", e.EndTime), ("$enabled", e.Enabled ? 1 : 0), ("$next", e.NextRunTime),
            ("$time", e.CreatedTime), ("$key", ScheduledEvent.NameKey(e.Name)));

    /// <summary>Writes the definition (name, flow, schedule, enabled, next run) and bumps the version.</summary>
    public void Update(ScheduledEvent e) =>
        session.Execute("""
            UPDATE connect_scheduled_events SET name = $name, name_key = $key, service_id = $service, flow_id = $flow, start_time = $start,
                recurrence = $recurrence, interval = $interval, end_time = $end, enabled = $enabled, next_run_time = $next,
                version = version + 1, last_updated_time = $time
            WHERE organization_id = $org AND id = $id;
            """, ("$id", e.Id), ("$org", e.OrganizationId), ("$name", e.Name), ("$key", ScheduledEvent.NameKey(e.Name)), ("$service", e.ServiceId),
            ("$flow", e.FlowId), ("$start", e.StartTime), ("$recurrence", e.Recurrence), ("$interval", e.Interval), ("$end", e.EndTime),
            ("$enabled", e.Enabled ? 1 : 0), ("$next", e.NextRunTime), ("$time", e.LastUpdatedTime));

    /// <summary>What firing did: the last run and its transaction, the next run, and how many runs happened or were skipped.</summary>
    public void RecordRuns(string id, string? nextRunTime, string lastRunTime, string lastOutcome, string lastTransactionId, long runs, long skipped) =>
        session.Execute("""
            UPDATE connect_scheduled_events SET next_run_time = $next, last_run_time = $last, last_outcome = $outcome,
                last_transaction_id = $transaction, run_count = run_count + $runs, skipped_count = skipped_count + $skipped
            WHERE id = $id;
            """, ("$id", id), ("$next", nextRunTime), ("$last", lastRunTime), ("$outcome", lastOutcome), ("$transaction", lastTransactionId),
            ("$runs", runs), ("$skipped", skipped));

    public void Delete(string organizationId, string id) =>
        session.Execute("DELETE FROM connect_scheduled_events WHERE organization_id = $org AND id = $id;", ("$org", organizationId), ("$id", id));

    private static ScheduledEvent Map(Microsoft.Data.Sqlite.SqliteDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6), r.GetInt32(7),
            r.GetNullableString(8), r.GetInt64(9) != 0, r.GetNullableString(10), r.GetNullableString(11), r.GetNullableString(12),
            r.GetNullableString(13), r.GetInt64(14), r.GetInt64(15), r.GetInt32(16), r.GetString(17), r.GetString(18));
}
