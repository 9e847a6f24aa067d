using DigitalChannels.Sandbox.Storage;

namespace DigitalChannels.Sandbox.Connect.LogExports;

/// <summary>
/// Tools > Export Logs jobs and App Tray > Event Scheduler events. A job's status is computed from <c>ready_time</c>
/// against the sandbox clock, never by a timer; an event's <c>next_run_time</c> is what the scheduler fires on next
/// (NULL once it will not run again), so both survive restarts and time travel.
/// </summary>
public static class ToolsSchema
{
    public static readonly SchemaMigration LogExportsAndScheduledEvents = new(14, "connect log exports and scheduled events", """
        CREATE TABLE connect_log_exports (
            id               TEXT PRIMARY KEY,
            organization_id  TEXT NOT NULL REFERENCES organizations(id),
            direction        TEXT NOT NULL,
            service_id       TEXT NOT NULL,
            service_name     TEXT NOT NULL,
            channel          TEXT,
            from_time        TEXT NOT NULL,
            to_time          TEXT NOT NULL,
            requested_by     TEXT NOT NULL,
            requested_time   TEXT NOT NULL,
            ready_time       TEXT NOT NULL
        );
        CREATE INDEX ix_connect_log_exports_organization ON connect_log_exports (organization_id, requested_time);

        CREATE TABLE connect_scheduled_events (
            id                   TEXT PRIMARY KEY,
            organization_id      TEXT NOT NULL REFERENCES organizations(id),
            name                 TEXT NOT NULL,
            name_key             TEXT NOT NULL,
            service_id           TEXT NOT NULL REFERENCES connect_services(id) ON DELETE CASCADE,
            flow_id              TEXT NOT NULL REFERENCES connect_flows(id) ON DELETE CASCADE,
            start_time           TEXT NOT NULL,
            recurrence           TEXT NOT NULL,
            interval             INTEGER NOT NULL,
            end_time             TEXT,
            enabled              INTEGER NOT NULL,
            next_run_time        TEXT,
            last_run_time        TEXT,
            last_outcome         TEXT,
            last_transaction_id  TEXT,
            run_count            INTEGER NOT NULL DEFAULT 0,
            skipped_count        INTEGER NOT NULL DEFAULT 0,
            version              INTEGER NOT NULL DEFAULT 0,
            created_time         TEXT NOT NULL,
            last_updated_time    TEXT NOT NULL
        );
        CREATE UNIQUE INDEX ux_connect_scheduled_events_name ON connect_scheduled_events (organization_id, name_key);
        CREATE INDEX ix_connect_scheduled_events_due ON connect_scheduled_events (next_run_time) WHERE enabled = 1;
        """);
}
