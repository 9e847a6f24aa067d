using DigitalChannels.Sandbox.Storage;

namespace DigitalChannels.Sandbox.Connect;

/// <summary>Tools > Templates, Settings > Tenant Settings and Settings > Profile Settings of the Connect portal.</summary>
public static class PortalSchema
{
    /// <summary>
    /// A tenant without a tenant-settings row has the defaults; a teammate without a profile-settings row gets every
    /// notification. Both rows are written on the first change only, so existing tenants need no data step.
    /// </summary>
    public static readonly SchemaMigration TemplatesAndSettings = new(12, "connect templates, tenant settings, profile settings", """
        CREATE TABLE connect_templates (
            id                 TEXT PRIMARY KEY,
            organization_id    TEXT NOT NULL REFERENCES organizations(id),
            name               TEXT NOT NULL,
            name_key           TEXT NOT NULL,
            channel            TEXT NOT NULL,
            content_type       TEXT NOT NULL,
            subject            TEXT,
            body               TEXT NOT NULL,
            version            INTEGER NOT NULL DEFAULT 0,
            created_time       TEXT NOT NULL,
            last_updated_time  TEXT NOT NULL
        );
        CREATE UNIQUE INDEX ux_connect_templates_organization_name ON connect_templates (organization_id, name_key);
        CREATE TABLE connect_tenant_settings (
            organization_id    TEXT PRIMARY KEY REFERENCES organizations(id),
            time_zone          TEXT NOT NULL,
            date_format        TEXT NOT NULL,
            version            INTEGER NOT NULL,
            last_updated_time  TEXT NOT NULL
        );
        CREATE TABLE connect_profile_settings (
            organization_id    TEXT NOT NULL REFERENCES organizations(id),
            user_id            TEXT NOT NULL,
            notifications_off  TEXT NOT NULL,
            PRIMARY KEY (organization_id, user_id)
        );
        """);
}
