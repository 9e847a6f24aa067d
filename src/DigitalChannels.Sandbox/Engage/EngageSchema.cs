using DigitalChannels.Client.Auth;
using DigitalChannels.Client.Environments;
using DigitalChannels.Sandbox.Storage;

namespace DigitalChannels.Sandbox.Engage;

public static class EngageSchema
{
    /// <summary>
    /// Engage's settings (lab 12.3) and the conversations behind transcripts. *_key columns hold the name lower-cased
    /// in .NET (invariant culture) for the case-insensitive unique indexes, as Connect services do. Tenants without an
    /// attachment row use the defaults (<see cref="Settings.AttachmentDefaults"/>). The last statement gives the
    /// well-known default app of an existing sandbox the new Engage scopes, which fresh sandboxes get from Scopes.All.
    /// </summary>
    public static readonly SchemaMigration Settings = new(8, "engage settings, templates, blocklist, working hours and conversations", $"""
        CREATE TABLE engage_attachment_settings (
            organization_id    TEXT PRIMARY KEY REFERENCES organizations(id),
            enabled            INTEGER NOT NULL,
            version            INTEGER NOT NULL,
            last_updated_time  TEXT NOT NULL
        );
        CREATE TABLE engage_attachment_channels (
            organization_id     TEXT NOT NULL REFERENCES organizations(id),
            channel             TEXT NOT NULL,
            max_file_size_mb    INTEGER NOT NULL,
            max_files           INTEGER NOT NULL,
            allowed_extensions  TEXT NOT NULL,
            PRIMARY KEY (organization_id, channel)
        );
        CREATE TABLE engage_templates (
            id                 TEXT PRIMARY KEY,
            organization_id    TEXT NOT NULL REFERENCES organizations(id),
            name               TEXT NOT NULL,
            name_key           TEXT NOT NULL,
            channels           TEXT NOT NULL,
            text               TEXT NOT NULL,
            category           TEXT,
            version            INTEGER NOT NULL,
            created_time       TEXT NOT NULL,
            last_updated_time  TEXT NOT NULL
        );
        CREATE UNIQUE INDEX ux_engage_templates_organization_name ON engage_templates (organization_id, name_key);
        CREATE TABLE engage_blocked_words (
            organization_id    TEXT NOT NULL REFERENCES organizations(id),
            word               TEXT NOT NULL,
            word_key           TEXT NOT NULL,
            created_time       TEXT NOT NULL,
            PRIMARY KEY (organization_id, word_key)
        );
        CREATE TABLE engage_working_hours (
            id                 TEXT PRIMARY KEY,
            organization_id    TEXT NOT NULL REFERENCES organizations(id),
            name               TEXT NOT NULL,
            name_key           TEXT NOT NULL,
            time_zone          TEXT NOT NULL,
            weekly_hours       TEXT NOT NULL,
            holidays           TEXT NOT NULL,
            version            INTEGER NOT NULL,
            created_time       TEXT NOT NULL,
            last_updated_time  TEXT NOT NULL
        );
        CREATE UNIQUE INDEX ux_engage_working_hours_organization_name ON engage_working_hours (organization_id, name_key);
        CREATE TABLE engage_conversations (
            organization_id    TEXT NOT NULL REFERENCES organizations(id),
            id                 TEXT NOT NULL,
            channel            TEXT NOT NULL,
            customer_name      TEXT,
            started_time       TEXT NOT NULL,
            ended_time         TEXT,
            created_time       TEXT NOT NULL,
            PRIMARY KEY (organization_id, id)
        );
        CREATE TABLE engage_conversation_messages (
            organization_id    TEXT NOT NULL,
            conversation_id    TEXT NOT NULL,
            sequence           INTEGER NOT NULL,
            sent_time          TEXT NOT NULL,
            sender             TEXT NOT NULL,
            sender_name        TEXT,
            text               TEXT NOT NULL,
            PRIMARY KEY (organization_id, conversation_id, sequence),
            FOREIGN KEY (organization_id, conversation_id) REFERENCES engage_conversations (organization_id, id)
        );
        UPDATE service_applications
        SET scopes = scopes || ' {Scopes.EngageConfigRead} {Scopes.EngageConfigWrite}'
        WHERE client_id = '{SandboxConnectionFile.WellKnown.ClientId}' AND instr(' ' || scopes || ' ', ' {Scopes.EngageConfigRead} ') = 0;
        """);
}
