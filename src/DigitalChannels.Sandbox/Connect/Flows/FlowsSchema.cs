using DigitalChannels.Sandbox.Storage;

namespace DigitalChannels.Sandbox.Connect.Flows;

/// <summary>
/// Schema step 5: flows and their versions, the RULES tab, assets (numbers and apps) and the pre-built integrations with
/// their node authorizations. The seeded SMS numbers are the fictional +1555010001 to +1555010003 in every tenant.
/// <para>
/// Every organization must start with the integrations Webex CC Task and Webex CC Engage and a few SMS numbers, whoever
/// creates it (the default tenant, provisioning, a test). A trigger on <c>organizations</c> seeds them for every row
/// inserted from now on, and the step itself seeds the organizations that already exist.
/// </para>
/// <para>
/// <c>agnostic_kind</c> repeats the kind of channel-agnostic flows (Task Routed, Modified, Close) and is NULL for the
/// others; its unique index is the "once per tenant" rule (lab rule 38) under the API's check, which names the existing flow.
/// </para>
/// </summary>
public static class FlowsSchema
{
    private const string NewUuid =
        "lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || " +
        "substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))";

    /// <summary>The seed as INSERT … SELECT over <paramref name="source"/>, a row source with columns id and created_time.</summary>
    private static string SeedFrom(string source) => $"""
        INSERT INTO connect_integrations (id, organization_id, kind, name, authorization_label, created_time)
            SELECT {NewUuid}, o.id, 'WebexCCTask', 'Webex CC Task', 'WxCC Authorisation', o.created_time FROM {source};
        INSERT INTO connect_integrations (id, organization_id, kind, name, authorization_label, created_time)
            SELECT {NewUuid}, o.id, 'WebexCCEngage', 'Webex CC Engage', 'WxCC Engage Authorisation', o.created_time FROM {source};
        INSERT INTO connect_assets (id, organization_id, type, channel, name, name_key, created_time)
            SELECT {NewUuid}, o.id, 'Number', 'Sms', '+155501000' || k, '+155501000' || k, o.created_time
            FROM {source}, (SELECT 1 AS k UNION ALL SELECT 2 UNION ALL SELECT 3) AS three;
        """;

    public static readonly SchemaMigration ConnectFlows = new(5, "connect flows, rules, assets and integrations", $"""
        CREATE TABLE connect_assets (
            id               TEXT PRIMARY KEY,
            organization_id  TEXT NOT NULL REFERENCES organizations(id),
            type             TEXT NOT NULL,
            channel          TEXT NOT NULL,
            name             TEXT NOT NULL,
            name_key         TEXT NOT NULL,
            created_time     TEXT NOT NULL
        );
        CREATE UNIQUE INDEX ux_connect_assets_organization_type_name ON connect_assets (organization_id, type, name_key);

        CREATE TABLE connect_flows (
            id                 TEXT PRIMARY KEY,
            organization_id    TEXT NOT NULL REFERENCES organizations(id),
            service_id         TEXT NOT NULL REFERENCES connect_services(id) ON DELETE CASCADE,
            name               TEXT NOT NULL,
            name_key           TEXT NOT NULL,
            kind               TEXT NOT NULL,
            agnostic_kind      TEXT,
            method             TEXT NOT NULL,
            created_time       TEXT NOT NULL,
            last_updated_time  TEXT NOT NULL
        );
        CREATE UNIQUE INDEX ux_connect_flows_service_name ON connect_flows (service_id, name_key);
        CREATE UNIQUE INDEX ux_connect_flows_agnostic_kind ON connect_flows (organization_id, agnostic_kind);

        CREATE TABLE connect_flow_versions (
            flow_id          TEXT NOT NULL REFERENCES connect_flows(id) ON DELETE CASCADE,
            number           INTEGER NOT NULL,
            payload          TEXT,
            sha256           TEXT,
            file_name        TEXT,
            created_time     TEXT NOT NULL,
            saved_time       TEXT,
            findings         TEXT,
            published_time   TEXT,
            live_time        TEXT,
            publish_comment  TEXT,
            asset_id         TEXT,
            PRIMARY KEY (flow_id, number)
        );

        CREATE TABLE connect_rules (
            id               TEXT PRIMARY KEY,
            organization_id  TEXT NOT NULL REFERENCES organizations(id),
            service_id       TEXT NOT NULL REFERENCES connect_services(id) ON DELETE CASCADE,
            flow_id          TEXT NOT NULL REFERENCES connect_flows(id) ON DELETE CASCADE,
            asset_id         TEXT NOT NULL REFERENCES connect_assets(id),
            created_time     TEXT NOT NULL
        );
        CREATE UNIQUE INDEX ux_connect_rules_asset ON connect_rules (organization_id, asset_id);

        CREATE TABLE connect_integrations (
            id                   TEXT PRIMARY KEY,
            organization_id      TEXT NOT NULL REFERENCES organizations(id),
            kind                 TEXT NOT NULL,
            name                 TEXT NOT NULL,
            authorization_label  TEXT NOT NULL,
            created_time         TEXT NOT NULL
        );
        CREATE UNIQUE INDEX ux_connect_integrations_kind ON connect_integrations (organization_id, kind);

        CREATE TABLE connect_node_authorizations (
            id               TEXT PRIMARY KEY,
            integration_id   TEXT NOT NULL REFERENCES connect_integrations(id) ON DELETE CASCADE,
            name             TEXT NOT NULL,
            name_key         TEXT NOT NULL,
            auth_type        TEXT NOT NULL,
            is_default       INTEGER NOT NULL,
            account          TEXT,
            created_time     TEXT NOT NULL
        );
        CREATE UNIQUE INDEX ux_connect_node_authorizations_name ON connect_node_authorizations (integration_id, name_key);

        CREATE TRIGGER tr_organizations_seed_connect_assets AFTER INSERT ON organizations
        BEGIN
        {SeedFrom("(SELECT NEW.id AS id, NEW.created_time AS created_time) AS o")}
        END;

        {SeedFrom("organizations AS o")}
        """);
}
