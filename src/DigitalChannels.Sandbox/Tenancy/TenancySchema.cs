using DigitalChannels.Sandbox.Storage;

namespace DigitalChannels.Sandbox.Tenancy;

public static class TenancySchema
{
    public static readonly SchemaMigration Organizations = new(1, "organizations and users", """
        CREATE TABLE organizations (
            id            TEXT PRIMARY KEY,
            name          TEXT NOT NULL,
            created_time  TEXT NOT NULL
        );
        CREATE TABLE users (
            id               TEXT PRIMARY KEY,
            organization_id  TEXT NOT NULL REFERENCES organizations(id),
            email            TEXT NOT NULL,
            display_name     TEXT NOT NULL,
            connect_role     TEXT NOT NULL,
            created_time     TEXT NOT NULL
        );
        CREATE UNIQUE INDEX ux_users_organization_email ON users (organization_id, lower(email));
        """);
}
