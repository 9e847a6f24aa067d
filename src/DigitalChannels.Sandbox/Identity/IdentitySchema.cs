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
