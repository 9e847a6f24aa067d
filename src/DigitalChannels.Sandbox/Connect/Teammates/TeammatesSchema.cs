using DigitalChannels.Sandbox.Storage;

namespace DigitalChannels.Sandbox.Connect.Teammates;

public static class TeammatesSchema
{
    /// <summary>
    /// Groups and Teams (tenant > group > team), the teammate columns of users (status, container, Decrypt Logs,
    /// PBKDF2 password hash), the container of each service, and invitations (only the SHA-256 of the join token).
    /// A row in a team also carries the team's group, so that "a group and below" is one equality on group_id.
    /// </summary>
    public static readonly SchemaMigration ConnectTeammates = new(6, "connect teammates, invitations, groups and teams", """
        CREATE TABLE connect_groups (
            id                TEXT PRIMARY KEY,
            organization_id   TEXT NOT NULL REFERENCES organizations(id),
            name              TEXT NOT NULL,
            name_key          TEXT NOT NULL,
            created_time      TEXT NOT NULL
        );
        CREATE UNIQUE INDEX ux_connect_groups_organization_name ON connect_groups (organization_id, name_key);
        CREATE TABLE connect_teams (
            id                TEXT PRIMARY KEY,
            organization_id   TEXT NOT NULL REFERENCES organizations(id),
            group_id          TEXT NOT NULL REFERENCES connect_groups(id),
            name              TEXT NOT NULL,
            name_key          TEXT NOT NULL,
            created_time      TEXT NOT NULL
        );
        CREATE UNIQUE INDEX ux_connect_teams_organization_name ON connect_teams (organization_id, name_key);

        ALTER TABLE users ADD COLUMN status TEXT NOT NULL DEFAULT 'Active';
        ALTER TABLE users ADD COLUMN group_id TEXT REFERENCES connect_groups(id);
        ALTER TABLE users ADD COLUMN team_id TEXT REFERENCES connect_teams(id);
        ALTER TABLE users ADD COLUMN decrypt_logs INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE users ADD COLUMN password_hash TEXT;

        ALTER TABLE connect_services ADD COLUMN group_id TEXT REFERENCES connect_groups(id);
        ALTER TABLE connect_services ADD COLUMN team_id TEXT REFERENCES connect_teams(id);

        CREATE TABLE teammate_invitations (
            id                TEXT PRIMARY KEY,
            organization_id   TEXT NOT NULL REFERENCES organizations(id),
            user_id           TEXT NOT NULL REFERENCES users(id),
            token_sha256      BLOB NOT NULL UNIQUE,
            created_time      TEXT NOT NULL,
            expires_time      TEXT NOT NULL,
            accepted_time     TEXT,
            superseded        INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX ix_teammate_invitations_user ON teammate_invitations (user_id, created_time);
        """);
}
