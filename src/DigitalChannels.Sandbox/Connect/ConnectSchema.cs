using DigitalChannels.Sandbox.Storage;

namespace DigitalChannels.Sandbox.Connect;

public static class ConnectSchema
{
    /// <summary>
    /// name_key is the name lower-cased in .NET (invariant culture). The unique index on (organization, name_key)
    /// backs the duplicate-name rule; SQLite's own lower() folds only ASCII, so it would disagree with the API's check.
    /// </summary>
    public static readonly SchemaMigration Services = new(3, "connect services", """
        CREATE TABLE connect_services (
            id                 TEXT PRIMARY KEY,
            organization_id    TEXT NOT NULL REFERENCES organizations(id),
            name               TEXT NOT NULL,
            name_key           TEXT NOT NULL,
            description        TEXT,
            locked             INTEGER NOT NULL DEFAULT 0,
            version            INTEGER NOT NULL DEFAULT 0,
            service_secret     TEXT NOT NULL,
            created_time       TEXT NOT NULL,
            last_updated_time  TEXT NOT NULL
        );
        CREATE UNIQUE INDEX ux_connect_services_organization_name ON connect_services (organization_id, name_key);
        """);
}
