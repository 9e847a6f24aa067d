using System.Text.Json.Nodes;
using DigitalChannels.Sandbox.ContactCenter.Specification;
using DigitalChannels.Sandbox.Storage;

namespace DigitalChannels.Sandbox.ContactCenter;

/// <summary>
/// Create, replace, patch, delete and present configuration objects inside one transaction. Every write is checked
/// against the spec's schema (<see cref="DtoSchemas"/>), then the resource's own rules (<see cref="ConfigurationRules"/>),
/// then references (each named object must exist; 412 while others refer to it) and names (409 on a duplicate).
/// </summary>
public sealed class ConfigurationService
{
    /// <summary>Fields the server owns: a body may carry them (a GET, changed, PUT back) but they are never taken from it.</summary>
    private static readonly string[] ServerOwned = ["id", "version", "organizationId", "createdTime", "lastUpdatedTime", "systemDefault"];

    private readonly long nowMs;

    public ConfigurationService(DbSession session, string organizationId, DateTimeOffset now)
    {
        OrganizationId = organizationId;
        Store = new ConfigurationStore(session, organizationId);
        nowMs = now.ToUnixTimeMilliseconds();
    }

    public string OrganizationId { get; }
    public ConfigurationStore Store { get; }

    public StoredObject Get(ConfigurationKind kind, string id) =>
        Store.Find(kind.Name, id) ?? throw ContactCenterErrors.NotFound($"No {kind.Title} with id '{id}' exists in organization '{OrganizationId}'.");

    public StoredObject Create(ConfigurationKind kind, JsonObject body, bool systemDefault = false)
    {
        if (body["id"] is not null)
            throw ContactCenterErrors.Invalid($"The field 'id' must not be given when creating a {kind.Title} (got '{body["id"]}'); the server assigns it.");
        var item = Validated(kind, body, current: null);
        item["systemDefault"] = systemDefault;
        var created = new StoredObject(kind.Name, Guid.NewGuid().ToString("D"), item["name"]?.GetValue<string>(), 0, item, nowMs, nowMs);
        Save(kind, created, isNew: true);
        return created;
    }

    /// <summary>PUT: the whole DTO. A version older than the stored one is refused (409, naming both); no version skips the check.</summary>
    public StoredObject Replace(ConfigurationKind kind, string id, JsonObject body)
    {
        var current = Get(kind, id);
        if (body["id"] is JsonValue bodyId && !string.Equals(bodyId.ToString(), current.Id, StringComparison.OrdinalIgnoreCase))
            throw ContactCenterErrors.Invalid($"The field 'id' ('{bodyId}') does not match the {kind.Title} id '{id}' in the path.");
        CheckVersion(kind, current, body);
        var item = Validated(kind, body, current);
        item["systemDefault"] = current.Body["systemDefault"]?.DeepClone() ?? false;
        var updated = current with { Name = item["name"]?.GetValue<string>(), Version = current.Version + 1, Body = item, UpdatedMs = nowMs };
        Save(kind, updated, isNew: false);
        return updated;
    }

    /// <summary>PATCH: the given members replace the stored ones (JSON merge), then the result is checked as a PUT would be.</summary>
    public StoredObject Patch(ConfigurationKind kind, string id, JsonObject changes)
    {
        var current = Get(kind, id);
        CheckVersion(kind, current, changes);
        var merged = current.Body.DeepClone().AsObject();
        foreach (var (name, value) in changes)
        {
            if (ServerOwned.Contains(name)) continue;
            if (value is null) merged.Remove(name);
            else merged[name] = value.DeepClone();
        }
        merged["version"] = current.Version;
        return Replace(kind, id, merged);
    }

    public StoredObject Delete(ConfigurationKind kind, string id)
    {
        var current = Get(kind, id);
        if (current.Body["systemDefault"]?.GetValue<bool>() == true)
            throw ContactCenterErrors.Invalid($"The {kind.Title} '{current.Name}' (id {current.Id}) is a system default and cannot be deleted.");
        var references = Store.IncomingReferences(kind.Name, current.Id);
        if (references.Count > 0)
        {
            var referrers = references.Select(r => $"{ConfigurationKinds.Named(r.FromKind).Title} {DisplayName(r.FromKind, r.FromId)} ({r.Field})").Distinct().Take(5);
            throw ContactCenterErrors.Referenced(
                $"The {kind.Title} '{current.Name ?? current.Id}' (id {current.Id}) is referenced by {references.Count} field(s): {string.Join(", ", referrers)}. " +
                $"Remove those references first; GET {kind.Name}/{current.Id}/incoming-references lists them.");
        }
        Store.Delete(kind.Name, current.Id);
        return current;
    }

    /// <summary>The DTO as the API returns it: the stored body plus the server-owned and derived fields.</summary>
    public JsonObject Present(StoredObject item)
    {
        var result = new JsonObject
        {
            ["organizationId"] = OrganizationId,
            ["id"] = item.Id,
            ["version"] = item.Version,
        };
        foreach (var (name, value) in item.Body) result[name] = value?.DeepClone();
        result["systemDefault"] = item.Body["systemDefault"]?.DeepClone() ?? false;
        result["createdTime"] = item.CreatedMs;
        result["lastUpdatedTime"] = item.UpdatedMs;
        switch (item.Kind)
        {
            case "team" when item.Body["siteId"]?.GetValue<string>() is { } siteId:
                result["siteName"] = Store.Find("site", siteId)?.Name;
                break;
            case "user":
                if (item.Body["siteId"]?.GetValue<string>() is { } userSite) result["siteName"] = Store.Find("site", userSite)?.Name;
                if (item.Body["userProfileId"]?.GetValue<string>() is { } profileId)
                    result["userProfileType"] = Store.Find("user-profile", profileId)?.Body["profileType"]?.DeepClone();
                break;
        }
        return result;
    }

    private void CheckVersion(ConfigurationKind kind, StoredObject current, JsonObject body)
    {
        if (body["version"] is not JsonValue version) return;
        if (!version.TryGetValue<long>(out var given))
            throw ContactCenterErrors.Invalid($"The field 'version' must be a whole number (got {version.ToJsonString()}).");
        if (given != current.Version)
            throw ContactCenterErrors.StaleVersion(
                $"The {kind.Title} '{current.Name ?? current.Id}' (id {current.Id}) is at version {current.Version}, but the request carries version {given}. " +
                "Read it again, apply the change and retry.");
    }

    private JsonObject Validated(ConfigurationKind kind, JsonObject body, StoredObject? current)
    {
        if (body["organizationId"] is JsonValue org && !string.Equals(org.ToString().Replace("-", ""), OrganizationId.Replace("-", ""), StringComparison.OrdinalIgnoreCase))
            throw ContactCenterErrors.Invalid($"The field 'organizationId' ('{org}') is not the organization '{OrganizationId}' in the path.");
        if (DtoSchemas.Instance.Validate(body, kind.RequestSchema) is { } violation) throw ContactCenterErrors.Invalid(violation);
        var item = DtoSchemas.Instance.Clean(body, kind.RequestSchema)!.AsObject();
        foreach (var name in ServerOwned) item.Remove(name);
        ConfigurationRules.Check(kind, item, current, this);
        foreach (var reference in kind.References)
        {
            foreach (var id in reference.ValuesIn(item))
            {
                var target = ConfigurationKinds.Named(reference.TargetKind);
                if (Store.Find(target.Name, id) is null)
                    throw ContactCenterErrors.Invalid($"The field '{reference.Path.Replace("[]", "")}' names {target.Title} '{id}', which does not exist in this organization.");
            }
        }
        return item;
    }

    private void Save(ConfigurationKind kind, StoredObject item, bool isNew)
    {
        var scope = kind.Names == NameScope.Site ? item.Body["siteId"]?.GetValue<string>() ?? "" : "";
        if (kind.Names != NameScope.None && item.Name is not null)
        {
            var existing = Store.FindByName(kind.Name, scope, item.Name);
            if (existing is not null && existing.Id != item.Id)
                throw ContactCenterErrors.Duplicate(kind.Names == NameScope.Site
                    ? $"A {kind.Title} named '{existing.Name}' already exists in site '{scope}' (id {existing.Id}); names are unique per site regardless of case."
                    : $"A {kind.Title} named '{existing.Name}' already exists in this organization (id {existing.Id}); names are unique regardless of case.");
        }
        var stored = kind.Names == NameScope.None ? item with { Name = null } : item;
        if (isNew) Store.Insert(stored, scope);
        else Store.Update(stored, scope);
        Store.ReplaceReferences(kind.Name, item.Id,
            kind.References.SelectMany(r => r.ValuesIn(item.Body).Select(id => new ObjectReference(kind.Name, item.Id, r.Path.Replace("[]", ""), r.TargetKind, id.ToLowerInvariant()))));
    }

    private string DisplayName(string kind, string id)
    {
        var item = Store.Find(kind, id);
        var name = item?.Name ?? item?.Body["email"]?.GetValue<string>();
        return name is null ? id : $"'{name}' (id {id})";
    }
}
