using DigitalChannels.Sandbox.Storage;

namespace DigitalChannels.Sandbox.Connect.Integrations;

/// <summary>A pre-built integration (Assets > Integrations). Seeded for every organization by schema step 5.</summary>
public sealed record ConnectIntegration(string Id, string OrganizationId, string Kind, string Name, string AuthorizationLabel, string CreatedTime);

/// <summary>A node authorization of an integration (Manage > Node Authorizations > Add Authorization > Authorize).</summary>
public sealed record NodeAuthorization(string Id, string IntegrationId, string Name, string AuthType, bool IsDefault, string? Account, string CreatedTime)
{
    public static string NameKey(string name) => name.ToLowerInvariant();
}

public static class IntegrationKinds
{
    /// <summary>Webex CC Task: lets Connect talk to the Contact Center back end (tasks, the channel-agnostic flows).</summary>
    public const string WebexCCTask = "WebexCCTask";

    /// <summary>Webex CC Engage: lets Connect talk to Engage (conversations of the channel flows).</summary>
    public const string WebexCCEngage = "WebexCCEngage";

    /// <summary>Lab rule 34: "Authorization Pending" until a node authorization exists, then "Authorized".</summary>
    public static string StatusOf(IReadOnlyCollection<NodeAuthorization> authorizations) =>
        authorizations.Count == 0 ? "AuthorizationPending" : "Authorized";
}

public sealed class IntegrationRepository
{
    private const string Columns = "id, organization_id, kind, name, authorization_label, created_time";
    private const string AuthorizationColumns = "id, integration_id, name, auth_type, is_default, account, created_time";
    private readonly DbSession session;

    public IntegrationRepository(DbSession session) => this.session = session;

    public List<ConnectIntegration> List(string organizationId) =>
        session.Query($"SELECT {Columns} FROM connect_integrations WHERE organization_id = $org ORDER BY name, id;", Map, ("$org", organizationId));

    public ConnectIntegration? Find(string organizationId, string integrationId) =>
        session.QuerySingleOrDefault($"SELECT {Columns} FROM connect_integrations WHERE organization_id = $org AND id = $id;", Map,
            ("$org", organizationId), ("$id", integrationId));

    public ConnectIntegration? FindByKind(string organizationId, string kind) =>
        session.QuerySingleOrDefault($"SELECT {Columns} FROM connect_integrations WHERE organization_id = $org AND kind = $kind;", Map,
            ("$org", organizationId), ("$kind", kind));

    public List<NodeAuthorization> Authorizations(string integrationId) =>
        session.Query($"SELECT {AuthorizationColumns} FROM connect_node_authorizations WHERE integration_id = $id ORDER BY created_time, name_key;",
            MapAuthorization, ("$id", integrationId));

    public void AddAuthorization(NodeAuthorization authorization)
    {
        // One default per integration: marking a new one default unmarks the others in the same transaction.
        if (authorization.IsDefault)
            session.Execute("UPDATE connect_node_authorizations SET is_default = 0 WHERE integration_id = $id;", ("$id", authorization.IntegrationId));
        session.Execute($"INSERT INTO connect_node_authorizations ({AuthorizationColumns}, name_key) VALUES ($id, $integration, $name, $type, $default, $account, $time, $key);",
            ("$id", authorization.Id), ("$integration", authorization.IntegrationId), ("$name", authorization.Name), ("$type", authorization.AuthType),
            ("$default", authorization.IsDefault ? 1 : 0), ("$account", authorization.Account), ("$time", authorization.CreatedTime),
            ("$key", NodeAuthorization.NameKey(authorization.Name)));
    }

    private static ConnectIntegration Map(Microsoft.Data.Sqlite.SqliteDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5));

    private static NodeAuthorization MapAuthorization(Microsoft.Data.Sqlite.SqliteDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt64(4) != 0, r.GetNullableString(5), r.GetString(6));
}
