using System.Text.Json.Nodes;
using DigitalChannels.Sandbox.Storage;
using Microsoft.Data.Sqlite;

namespace DigitalChannels.Sandbox.ContactCenter;

/// <summary>One stored configuration object: the DTO as JSON plus the columns the sandbox needs to find and guard it.</summary>
public sealed record StoredObject(string Kind, string Id, string? Name, long Version, JsonObject Body, long CreatedMs, long UpdatedMs);

/// <summary>A reference from one object to another, recorded so that deletes can answer 412 and incoming-references can list them.</summary>
public sealed record ObjectReference(string FromKind, string FromId, string Field, string ToKind, string ToId);

public sealed class ConfigurationStore
{
    private readonly DbSession session;
    private readonly string organizationId;

    public ConfigurationStore(DbSession session, string organizationId)
    {
        this.session = session;
        this.organizationId = organizationId;
    }

    public static string NameKey(string name) => name.Trim().ToLowerInvariant();

    public StoredObject? Find(string kind, string id) =>
        session.QuerySingleOrDefault("SELECT kind, id, version, body, created_ms, updated_ms FROM cc_objects WHERE organization_id = $org AND kind = $kind AND id = $id;",
            Map, ("$org", organizationId), ("$kind", kind), ("$id", id.ToLowerInvariant()));

    public StoredObject? FindByName(string kind, string nameScope, string name) =>
        session.QuerySingleOrDefault("SELECT kind, id, version, body, created_ms, updated_ms FROM cc_objects WHERE organization_id = $org AND kind = $kind AND name_scope = $scope AND name_key = $key;",
            Map, ("$org", organizationId), ("$kind", kind), ("$scope", nameScope), ("$key", NameKey(name)));

    /// <summary>Every object of a kind, oldest first (the order of the platform's lists).</summary>
    public List<StoredObject> All(string kind) =>
        session.Query("SELECT kind, id, version, body, created_ms, updated_ms FROM cc_objects WHERE organization_id = $org AND kind = $kind ORDER BY created_ms, id;",
            Map, ("$org", organizationId), ("$kind", kind));

    public bool Exists(string kind) =>
        session.Scalar<long>("SELECT COUNT(*) FROM cc_objects WHERE organization_id = $org AND kind = $kind;", ("$org", organizationId), ("$kind", kind)) > 0;

    public void Insert(StoredObject item, string? nameScope) =>
        session.Execute("""
            INSERT INTO cc_objects (organization_id, kind, id, name_scope, name_key, version, body, created_ms, updated_ms)
            VALUES ($org, $kind, $id, $scope, $key, $version, $body, $created, $updated);
            """, Parameters(item, nameScope));

    public void Update(StoredObject item, string? nameScope) =>
        session.Execute("""
            UPDATE cc_objects SET name_scope = $scope, name_key = $key, version = $version, body = $body, updated_ms = $updated
            WHERE organization_id = $org AND kind = $kind AND id = $id;
            """, Parameters(item, nameScope));

    public void Delete(string kind, string id)
    {
        session.Execute("DELETE FROM cc_objects WHERE organization_id = $org AND kind = $kind AND id = $id;", ("$org", organizationId), ("$kind", kind), ("$id", id));
        ReplaceReferences(kind, id, []);
    }

    public void ReplaceReferences(string kind, string id, IEnumerable<ObjectReference> references)
    {
        session.Execute("DELETE FROM cc_references WHERE organization_id = $org AND from_kind = $kind AND from_id = $id;",
            ("$org", organizationId), ("$kind", kind), ("$id", id));
        foreach (var reference in references.Distinct())
            session.Execute("INSERT INTO cc_references (organization_id, from_kind, from_id, field, to_kind, to_id) VALUES ($org, $fk, $fi, $field, $tk, $ti);",
                ("$org", organizationId), ("$fk", reference.FromKind), ("$fi", reference.FromId), ("$field", reference.Field),
                ("$tk", reference.ToKind), ("$ti", reference.ToId));
    }

    public List<ObjectReference> IncomingReferences(string kind, string id) =>
        session.Query("SELECT from_kind, from_id, field, to_kind, to_id FROM cc_references WHERE organization_id = $org AND to_kind = $kind AND to_id = $id ORDER BY from_kind, from_id, field;",
            r => new ObjectReference(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4)),
            ("$org", organizationId), ("$kind", kind), ("$id", id));

    private (string, object?)[] Parameters(StoredObject item, string? nameScope) =>
    [
        ("$org", organizationId), ("$kind", item.Kind), ("$id", item.Id), ("$scope", item.Name is null ? null : nameScope ?? ""),
        ("$key", item.Name is null ? null : NameKey(item.Name)), ("$version", item.Version), ("$body", item.Body.ToJsonString()),
        ("$created", item.CreatedMs), ("$updated", item.UpdatedMs),
    ];

    private static StoredObject Map(SqliteDataReader r)
    {
        var body = JsonNode.Parse(r.GetString(3))!.AsObject();
        return new StoredObject(r.GetString(0), r.GetString(1), body["name"]?.GetValue<string>(), r.GetInt64(2), body, r.GetInt64(4), r.GetInt64(5));
    }
}
