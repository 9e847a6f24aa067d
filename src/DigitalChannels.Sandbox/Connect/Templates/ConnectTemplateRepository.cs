using DigitalChannels.Sandbox.Storage;
using Microsoft.Data.Sqlite;

namespace DigitalChannels.Sandbox.Connect.Templates;

public sealed record ConnectTemplate(
    string Id, string OrganizationId, string Name, string Channel, string ContentType, string? Subject, string Body, long Version,
    string CreatedTime, string LastUpdatedTime)
{
    public static string NameKey(string name) => name.ToLowerInvariant();
}

/// <summary>Filters of the template list: substring of the name, exact name (both case-insensitive), channel.</summary>
public sealed record ConnectTemplateListFilter(string? Search, string? ExactName, string? Channel);

public sealed class ConnectTemplateRepository
{
    private const string Columns = "id, organization_id, name, channel, content_type, subject, body, version, created_time, last_updated_time";
    private readonly DbSession session;

    public ConnectTemplateRepository(DbSession session) => this.session = session;

    public ConnectTemplate? Find(string organizationId, string id) =>
        session.QuerySingleOrDefault($"SELECT {Columns} FROM connect_templates WHERE organization_id = $org AND id = $id;", Map, ("$org", organizationId), ("$id", id));

    public ConnectTemplate? FindByName(string organizationId, string name) =>
        session.QuerySingleOrDefault($"SELECT {Columns} FROM connect_templates WHERE organization_id = $org AND name_key = $key;", Map,
            ("$org", organizationId), ("$key", ConnectTemplate.NameKey(name)));

    public long Count(string organizationId, ConnectTemplateListFilter filter)
    {
        var (where, parameters) = Where(organizationId, filter);
        return session.Scalar<long>($"SELECT COUNT(*) FROM connect_templates WHERE {where};", parameters);
    }

    public List<ConnectTemplate> List(string organizationId, ConnectTemplateListFilter filter, int offset, int limit)
    {
        var (where, parameters) = Where(organizationId, filter);
        return session.Query($"SELECT {Columns} FROM connect_templates WHERE {where} ORDER BY name_key, id LIMIT $limit OFFSET $offset;", Map,
            [.. parameters, ("$offset", offset), ("$limit", limit)]);
    }

    public void Insert(ConnectTemplate t) =>
        session.Execute($"INSERT INTO connect_templates ({Columns}, name_key) VALUES ($id, $org, $name, $channel, $type, $subject, $body, $version, $created, $updated, $key);",
            Parameters(t));

    public void Update(ConnectTemplate t) =>
        session.Execute("""
            UPDATE connect_templates SET name = $name, name_key = $key, content_type = $type, subject = $subject, body = $body,
                version = $version, last_updated_time = $updated
            WHERE organization_id = $org AND id = $id;
            """, Parameters(t));

    public void Delete(string organizationId, string id) =>
        session.Execute("DELETE FROM connect_templates WHERE organization_id = $org AND id = $id;", ("$org", organizationId), ("$id", id));

    private static (string, (string, object?)[]) Where(string organizationId, ConnectTemplateListFilter filter)
    {
        var clauses = new List<string> { "organization_id = $org" };
        var parameters = new List<(string, object?)> { ("$org", organizationId) };
        if (!string.IsNullOrEmpty(filter.Search))
        {
            // instr instead of LIKE: no wildcard escaping, and the key is already lower-cased the .NET way.
            clauses.Add("instr(name_key, $search) > 0");
            parameters.Add(("$search", ConnectTemplate.NameKey(filter.Search)));
        }
        if (filter.ExactName is not null)
        {
            clauses.Add("name_key = $name");
            parameters.Add(("$name", ConnectTemplate.NameKey(filter.ExactName)));
        }
        if (filter.Channel is not null)
        {
            clauses.Add("channel = $channel");
            parameters.Add(("$channel", filter.Channel));
        }
        return (string.Join(" AND ", clauses), parameters.ToArray());
    }

    private static (string, object?)[] Parameters(ConnectTemplate t) =>
    [
        ("$id", t.Id), ("$org", t.OrganizationId), ("$name", t.Name), ("$key", ConnectTemplate.NameKey(t.Name)), ("$channel", t.Channel),
        ("$type", t.ContentType), ("$subject", t.Subject), ("$body", t.Body), ("$version", t.Version), ("$created", t.CreatedTime), ("$updated", t.LastUpdatedTime),
    ];

    private static ConnectTemplate Map(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetNullableString(5), r.GetString(6), r.GetInt64(7),
        r.GetString(8), r.GetString(9));
}
