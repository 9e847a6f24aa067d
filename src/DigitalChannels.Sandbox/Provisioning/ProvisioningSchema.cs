using DigitalChannels.Sandbox.Storage;

namespace DigitalChannels.Sandbox.Provisioning;

public static class ProvisioningSchema
{
    /// <summary>
    /// Step 9: the Digital Channel value of each tenant's Contact Center settings, its Digital Channels provisioning
    /// (times stored, state computed against the sandbox clock), the purpose of a join link (a teammate invitation or
    /// the Owner's activation), the Engage users replicated from Contact Center and the chat widgets of the channel
    /// assets. Organizations that existed before this step were usable through Connect and Engage, so they are
    /// recorded as provisioned, with their Owner.
    /// </summary>
    public static readonly SchemaMigration DigitalChannels = new(9, "digital channels provisioning, engage users and channel assets", """
        ALTER TABLE organizations ADD COLUMN digital_channel TEXT NOT NULL DEFAULT 'IMI Digital';
        CREATE TABLE digital_channels_provisioning (
            organization_id       TEXT PRIMARY KEY REFERENCES organizations(id),
            owner_email           TEXT NOT NULL,
            owner_name            TEXT NOT NULL,
            started_time          TEXT NOT NULL,
            finish_time           TEXT NOT NULL,
            connect_tenant_url    TEXT NOT NULL,
            activation_sent_time  TEXT,
            owner_user_id         TEXT REFERENCES users(id),
            activated_time        TEXT
        );
        INSERT OR IGNORE INTO digital_channels_provisioning
            (organization_id, owner_email, owner_name, started_time, finish_time, connect_tenant_url, activation_sent_time, owner_user_id, activated_time)
        SELECT o.id, u.email, u.display_name, o.created_time, o.created_time,
               'https://cl1pod' || substr(replace(o.id, '-', ''), 1, 8) || '.imiconnect.io/',
               o.created_time, u.id, o.created_time
        FROM organizations AS o JOIN users AS u ON u.organization_id = o.id AND u.connect_role = 'Owner';

        ALTER TABLE teammate_invitations ADD COLUMN purpose TEXT NOT NULL DEFAULT 'Teammate';

        CREATE TABLE engage_users (
            organization_id     TEXT NOT NULL REFERENCES organizations(id),
            id                  TEXT NOT NULL,
            ci_user_id          TEXT NOT NULL,
            email               TEXT NOT NULL,
            name                TEXT NOT NULL,
            role_type           TEXT NOT NULL,
            status              TEXT NOT NULL,
            logged_in           INTEGER NOT NULL DEFAULT 0,
            synchronized_time   TEXT NOT NULL,
            PRIMARY KEY (organization_id, id)
        );
        CREATE TABLE engage_chat_widgets (
            organization_id     TEXT NOT NULL REFERENCES organizations(id),
            asset_id            TEXT NOT NULL,
            title               TEXT,
            color               TEXT,
            working_hours_id    TEXT,
            version             INTEGER NOT NULL,
            last_updated_time   TEXT NOT NULL,
            PRIMARY KEY (organization_id, asset_id)
        );
        """);
}
