using DigitalChannels.Sandbox.Storage;

namespace DigitalChannels.Sandbox.Connect.Traffic;

/// <summary>
/// Schema step 11: the simulated traffic, one row per transaction (see <see cref="TrafficLog"/>, the only writer).
/// <para>
/// Names (service, flow, asset) are copied into the row and there are no foreign keys to them: a debug log or a report
/// still shows traffic of a flow or service removed since, as the portal's logs do. <c>group_id</c>/<c>team_id</c> are the
/// service's container at the time (lab rule 31), so that a teammate in a group sees only its own services' traffic.
/// </para>
/// </summary>
public static class TrafficSchema
{
    public static readonly SchemaMigration Traffic = new(13, "connect simulated traffic", """
        CREATE TABLE connect_traffic (
            id                TEXT PRIMARY KEY,
            organization_id   TEXT NOT NULL REFERENCES organizations(id),
            direction         TEXT NOT NULL,
            trigger           TEXT NOT NULL,
            channel           TEXT NOT NULL,
            service_id        TEXT,
            service_name      TEXT,
            flow_id           TEXT,
            flow_name         TEXT,
            flow_version      INTEGER,
            asset_id          TEXT,
            asset_name        TEXT,
            source            TEXT,
            destination       TEXT,
            conversation_id   TEXT,
            outcome           TEXT NOT NULL,
            reason            TEXT,
            text              TEXT,
            created_time      TEXT NOT NULL,
            group_id          TEXT,
            team_id           TEXT
        );
        CREATE INDEX ix_connect_traffic_time ON connect_traffic (organization_id, created_time);
        CREATE INDEX ix_connect_traffic_destination ON connect_traffic (organization_id, destination);
        CREATE INDEX ix_connect_traffic_service ON connect_traffic (organization_id, service_id, created_time);
        CREATE INDEX ix_connect_traffic_asset ON connect_traffic (organization_id, asset_id, created_time);
        """);
}
