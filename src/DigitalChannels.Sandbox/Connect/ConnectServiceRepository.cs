using DigitalChannels.Sandbox.Identity;
using DigitalChannels.Sandbox.Storage;
using DigitalChannels.Sandbox.Tenancy;
using Microsoft.Data.Sqlite;

namespace DigitalChannels.Sandbox.Connect;

/// <summary>A Webex Connect service. <see cref="ServiceSecret"/> is kept in clear because the portal shows it (API tab).</summary>
public sealed record ConnectService(
    string Id, string OrganizationId, string Name, string? Description, bool Locked, long Version,
    string ServiceSecret, string CreatedTime, string LastUpdatedTime)
{
    /// <summary>The tenant, group or team the service lives in: the creator's container (lab rule 31).</summary>
    public ConnectContainer Container { get; init; } = ConnectContainer.Tenant;

    public static string NameKey(string name) => name.ToLowerInvariant();
}

/// <summary>Filters of the service list: substring of the name, or the exact name; both case-insensitive.</summary>
public sealed record ServiceListFilter(string? Search, string? ExactName);

/// <summary>
/// Connect services. Every lookup and list takes the <see cref="Caller"/>, so that a caller in a group or team sees only
/// the services of its container and below (lab rule 31); everything hanging under a service (flows, rules…) inherits
/// that by finding its service here. Only <see cref="FindByName"/>, which backs the tenant-wide unique-name rule, is unscoped.
/// </summary>
public sealed class ConnectServiceRepository
{
    private const string Columns = "id, organization_id, name, description, locked, version, service_secret, created_time, last_updated_time, group_id, team_id";
    private const string ScopeMessage = "Pass the Caller, not its organization id, so that Groups/Teams visibility applies.";
    private readonly DbSession session;

    public ConnectServiceRepository(DbSession session) => this.session = session;

    /// <summary>The service, if it exists in the caller's organization and the caller's container can see it.</summary>
    public ConnectService? Find(Caller caller, string serviceId)
    {
        var (visible, parameters) = caller.Container.VisibilityFilter();
        return session.QuerySingleOrDefault($"SELECT {Columns} FROM connect_services WHERE organization_id = $org AND id = $id AND {visible};", Map,
            [("$org", caller.OrganizationId), ("$id", serviceId), .. parameters]);
    }

    [Obsolete(ScopeMessage, error: true)]
    public ConnectService? Find(string organizationId, string serviceId) => throw new NotSupportedException(ScopeMessage);

    /// <summary>
    /// The service wherever it sits in the tenant, for tenant-wide rules only (naming the service that holds a clashing
    /// flow, honouring another service's lock), as FindByName does for names. Never for access: use Find(Caller, …).
    /// </summary>
    public ConnectService? FindAnywhereInTenant(string organizationId, string serviceId) =>
        session.QuerySingleOrDefault($"SELECT {Columns} FROM connect_services WHERE organization_id = $org AND id = $id;", Map,
            ("$org", organizationId), ("$id", serviceId));

    public ConnectService? FindByName(string organizationId, string name) =>
        session.QuerySingleOrDefault($"SELECT {Columns} FROM connect_services WHERE organization_id = $org AND name_key = $key;", Map,
            ("$org", organizationId), ("$key", ConnectService.NameKey(name)));

    public long Count(Caller caller, ServiceListFilter filter)
    {
        var (where, parameters) = Where(caller, filter);
        return session.Scalar<long>($"SELECT COUNT(*) FROM connect_services WHERE {where};", parameters);
    }

    [Obsolete(ScopeMessage, error: true)]
    public long Count(string organizationId, ServiceListFilter filter) => throw new NotSupportedException(ScopeMessage);

    public List<ConnectService> List(Caller caller, ServiceListFilter filter, int offset, int limit)
    {
        var (where, parameters) = Where(caller, filter);
        parameters = [.. parameters, ("$offset", offset), ("$limit", limit)];
        return session.Query($"SELECT {Columns} FROM connect_services WHERE {where} ORDER BY name_key, id LIMIT $limit OFFSET $offset;", Map, parameters);
    }

    [Obsolete(ScopeMessage, error: true)]
    public List<ConnectService> List(string organizationId, ServiceListFilter filter, int offset, int limit) => throw new NotSupportedException(ScopeMessage);

    public void Insert(ConnectService service) =>
        session.Execute($"INSERT INTO connect_services ({Columns}, name_key) VALUES ($id, $org, $name, $description, $locked, $version, $secret, $created, $updated, $group, $team, $key);",
            Parameters(service));

    public void Update(ConnectService service) =>
        session.Execute("""
            UPDATE connect_services
            SET name = $name, name_key = $key, description = $description, locked = $locked, version = $version, last_updated_time = $updated
            WHERE organization_id = $org AND id = $id;
            """, Parameters(service));

    public void Delete(string organizationId, string serviceId) =>
        session.Execute("DELETE FROM connect_services WHERE organization_id = $org AND id = $id;", ("$org", organizationId), ("$id", serviceId));

    private static (string, (string, object?)[]) Where(Caller caller, ServiceListFilter filter)
    {
        var (visible, visibleParameters) = caller.Container.VisibilityFilter();
        var clauses = new List<string> { "organization_id = $org", visible };
        var parameters = new List<(string, object?)> { ("$org", caller.OrganizationId) };
        parameters.AddRange(visibleParameters);
        if (!string.IsNullOrEmpty(filter.Search))
        {
            // instr instead of LIKE: no wildcard escaping, and the key is already lower-cased the .NET way.
            clauses.Add("instr(name_key, $search) > 0");
            parameters.Add(("$search", filter.Search.ToLowerInvariant()));
        }
        if (filter.ExactName is not null)
        {
            clauses.Add("name_key = $name");
            parameters.Add(("$name", ConnectService.NameKey(filter.ExactName)));
        }
        return (string.Join(" AND ", clauses), parameters.ToArray());
    }

    private static (string, object?)[] Parameters(ConnectService s) =>
    [
        ("$id", s.Id), ("$org", s.OrganizationId), ("$name", s.Name), ("$key", ConnectService.NameKey(s.Name)), ("$description", s.Description),
        ("$locked", s.Locked ? 1 : 0), ("$version", s.Version), ("$secret", s.ServiceSecret), ("$created", s.CreatedTime), ("$updated", s.LastUpdatedTime),
        ("$group", s.Container.GroupId), ("$team", s.Container.TeamId),
    ];

    private static ConnectService Map(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetNullableString(3), r.GetInt64(4) != 0, r.GetInt64(5),
        r.GetString(6), r.GetString(7), r.GetString(8))
    {
        Container = new ConnectContainer(r.GetNullableString(9), r.GetNullableString(10)),
    };
}
