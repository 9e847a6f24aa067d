using DigitalChannels.Sandbox.Storage;

namespace DigitalChannels.Sandbox.ContactCenter;

public static class ContactCenterSchema
{
    /// <summary>
    /// Slot 7: the Contact Center configuration objects (one table for every kind, the DTO kept as JSON as the API
    /// exchanges it), their references (for 412 and incoming-references), the tenant settings (RONA timeouts), and the
    /// Webex people and licences that Control Hub's Synchronize Users turns into Contact Center users.
    /// name_key is the name lower-cased in .NET; name_scope is '' (unique per organization) or the site id (teams).
    /// </summary>
    public static readonly SchemaMigration ContactCenter = new(7, "contact center configuration, people and licences", """
        CREATE TABLE cc_objects (
            organization_id  TEXT NOT NULL REFERENCES organizations(id),
            kind             TEXT NOT NULL,
            id               TEXT NOT NULL,
            name_scope       TEXT,
            name_key         TEXT,
            version          INTEGER NOT NULL,
            body             TEXT NOT NULL,
            created_ms       INTEGER NOT NULL,
            updated_ms       INTEGER NOT NULL,
            PRIMARY KEY (organization_id, kind, id)
        );
        CREATE UNIQUE INDEX ux_cc_objects_name ON cc_objects (organization_id, kind, name_scope, name_key) WHERE name_key IS NOT NULL;
        CREATE TABLE cc_references (
            organization_id  TEXT NOT NULL,
            from_kind        TEXT NOT NULL,
            from_id          TEXT NOT NULL,
            field            TEXT NOT NULL,
            to_kind          TEXT NOT NULL,
            to_id            TEXT NOT NULL
        );
        CREATE INDEX ix_cc_references_target ON cc_references (organization_id, to_kind, to_id);
        CREATE INDEX ix_cc_references_source ON cc_references (organization_id, from_kind, from_id);
        CREATE TABLE cc_tenant_settings (
            organization_id  TEXT PRIMARY KEY REFERENCES organizations(id),
            rona_telephony   INTEGER NOT NULL,
            rona_chat        INTEGER NOT NULL,
            rona_email       INTEGER NOT NULL,
            rona_social      INTEGER NOT NULL,
            seeded_time      TEXT NOT NULL
        );
        CREATE TABLE webex_people (
            organization_id  TEXT NOT NULL REFERENCES organizations(id),
            id               TEXT NOT NULL,
            email_key        TEXT NOT NULL,
            body             TEXT NOT NULL,
            PRIMARY KEY (organization_id, id)
        );
        CREATE UNIQUE INDEX ux_webex_people_email ON webex_people (organization_id, email_key);
        CREATE TABLE webex_licenses (
            organization_id  TEXT NOT NULL REFERENCES organizations(id),
            id               TEXT NOT NULL,
            name             TEXT NOT NULL,
            total_units      INTEGER NOT NULL,
            subscription_id  TEXT NOT NULL,
            PRIMARY KEY (organization_id, id)
        );
        """);
}
