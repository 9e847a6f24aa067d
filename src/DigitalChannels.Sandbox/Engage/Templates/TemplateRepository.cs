using DigitalChannels.Sandbox.Storage;
using Microsoft.Data.Sqlite;

namespace DigitalChannels.Sandbox.Engage.Templates;

public sealed record EngageTemplate(
    string Id, string OrganizationId, string Name, IReadOnlyList<string> Channels, string Text, string? Category, long Version,
    string CreatedTime, string LastUpdatedTime);

/// <summary>Filters of the template list: substring of the name, exact name (both case-insensitive), channel offered on.</summary>
public sealed record TemplateListFilter(string? Search, string? ExactName, string? Channel);

public sealed class TemplateRepository
{
    private const string Columns = "id, organization_id, name, channels, text, category, version, created_time, last_updated_time";
    private readonly DbSession session;

    public TemplateRepository(DbSession session) => this.session = session;

    public EngageTemplate? Find(string organizationId, string id) =>
        session.QuerySingleOrDefault($"SELECT {Columns} FROM engage_templates WHERE organization_id = $org AND id = $id;", Map, ("$org", organizationId), ("$id", id));

    public EngageTemplate? FindByName(string organizationId, string name) =>
        session.QuerySingleOrDefault($"SELECT {Columns} FROM engage_templates WHERE organization_id = $org AND name_key = $key;", Map,
            ("$org", organizationId), ("$key", EngageText.Key(name)));

    public long Count(string organizationId, TemplateListFilter filter)
    {
        var (where, parameters) = Where(organizationId, filter);
        return session.Scalar<long>($"SELECT COUNT(*) FROM engage_templates WHERE {where};", parameters);
    }

    public List<EngageTemplate> List(string organizationId, TemplateListFilter filter, int offset, int limit)
    {
        var (where, parameters) = Where(organizationId, filter);
        return session.Query($"SELECT {Columns} FROM engage_templates WHERE {where} ORDER BY name_key, id LIMIT $limit OFFSET $offset;", Map,
            [.. parameters, ("$offset", offset), ("$limit", limit)]);
    }

    public void Insert(EngageTemplate t) =>
        session.Execute($"INSERT INTO engage_templates ({Columns}, name_key) VALUES ($id, $org, $name, $channels, $text, $category, $version, $created, $updated, $key);",
            Parameters(t));

    public void Update(EngageTemplate t) =>
        session.Execute("""
            UPDATE engage_templates SET name = $name, name_key = $key, channels = $channels, text = $text, category = $category,
                version = $version, last_updated_time = $updated
            WHERE organization_id = $org AND id = $id;
            """, Parameters(t));

    public void Delete(string organizationId, string id) =>
        session.Execute("DELETE FROM engage_templates WHERE organization_id = $org AND id = $id;", ("$org", organizationId), ("$id", id));

    private static (string, (string, object?)[]) Where(string organizationId, TemplateListFilter filter)
    {
        var clauses = new List<string> { "organization_id = $org" };
        var parameters = new List<(string, object?)> { ("$org", organizationId) };
        if (!string.IsNullOrEmpty(filter.Search))
        {
            clauses.Add("instr(name_key, $search) > 0");
            parameters.Add(("$search", EngageText.Key(filter.Search)));
        }
        if (filter.ExactName is not null)
        {
            clauses.Add("name_key = $name");
            parameters.Add(("$name", EngageText.Key(filter.ExactName)));
        }
        if (filter.Channel is not null)
        {
            clauses.Add("instr(' ' || channels || ' ', $channel) > 0");
            parameters.Add(("$channel", " " + filter.Channel + " "));
        }
        return (string.Join(" AND ", clauses), parameters.ToArray());
    }

    private static (string, object?)[] Parameters(EngageTemplate t) =>
    [
        ("$id", t.Id), ("$org", t.OrganizationId), ("$name", t.Name), ("$key", EngageText.Key(t.Name)), ("$channels", string.Join(' ', t.Channels)),
        ("$text", t.Text), ("$category", t.Category), ("$version", t.Version), ("$created", t.CreatedTime), ("$updated", t.LastUpdatedTime),
    ];

    private static EngageTemplate Map(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3).Split(' ', StringSplitOptions.RemoveEmptyEntries), r.GetString(4),
        r.GetNullableString(5), r.GetInt64(6), r.GetString(7), r.GetString(8));
}
