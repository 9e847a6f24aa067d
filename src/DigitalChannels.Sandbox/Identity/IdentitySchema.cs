using DigitalChannels.Sandbox.Storage;

namespace DigitalChannels.Sandbox.Identity;

public static class IdentitySchema
{
    public static readonly SchemaMigration ServiceApplicationsAndSigningKeys = new(2, "service applications and signing keys", """
        CREATE TABLE service_applications (
            client_id          TEXT PRIMARY KEY,
            organization_id    TEXT NOT NULL REFERENCES organizations(id),
            name               TEXT NOT NULL,
            secret_sha256      BLOB NOT NULL,
            acting_user_id     TEXT NOT NULL REFERENCES users(id),
            scopes             TEXT NOT NULL,
            created_time       TEXT NOT NULL
        );
        CREATE TABLE signing_keys (
            key_id             TEXT PRIMARY KEY,
            algorithm          TEXT NOT NULL,
            rsa_private_key    BLOB NOT NULL,
            created_time       TEXT NOT NULL
        );
        """);
}

/// <summary>
/// Interactive sign-in (issue 12): only SHA-256 hashes of codes, refresh tokens, device codes and browser sessions are
/// stored, so a copy of the database signs nobody in. Times are sandbox-clock timestamps (<see cref="Timestamps"/>).
/// </summary>
public static class SignInSchema
{
    public static readonly SchemaMigration SignIn = new(10, "sign-in: authorization codes, refresh tokens, device codes, sessions", """
        CREATE TABLE authorization_codes (
            code_sha256        BLOB PRIMARY KEY,
            client_id          TEXT NOT NULL,
            organization_id    TEXT NOT NULL,
            user_id            TEXT NOT NULL,
            redirect_uri       TEXT NOT NULL,
            scopes             TEXT NOT NULL,
            code_challenge     TEXT,
            challenge_method   TEXT,
            expires_time       TEXT NOT NULL,
            used_time          TEXT
        );
        CREATE TABLE refresh_tokens (
            token_sha256       BLOB PRIMARY KEY,
            family_id          TEXT NOT NULL,
            client_id          TEXT NOT NULL,
            organization_id    TEXT NOT NULL,
            user_id            TEXT NOT NULL,
            scopes             TEXT NOT NULL,
            expires_time       TEXT NOT NULL,
            used_time          TEXT
        );
        CREATE INDEX ix_refresh_tokens_family ON refresh_tokens (family_id);
        CREATE TABLE device_codes (
            device_code_sha256 BLOB PRIMARY KEY,
            user_code          TEXT NOT NULL UNIQUE,
            client_id          TEXT NOT NULL,
            scopes             TEXT NOT NULL,
            expires_time       TEXT NOT NULL,
            interval_seconds   INTEGER NOT NULL,
            last_polled_time   TEXT,
            status             TEXT NOT NULL,
            organization_id    TEXT,
            user_id            TEXT
        );
        CREATE TABLE sign_in_sessions (
            session_sha256     BLOB PRIMARY KEY,
            organization_id    TEXT NOT NULL,
            user_id            TEXT NOT NULL,
            expires_time       TEXT NOT NULL
        );
        """);
}
