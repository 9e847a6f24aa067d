using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DigitalChannels.Client.Auth;
using DigitalChannels.Sandbox.ContactCenter;
using DigitalChannels.Sandbox.Errors;
using DigitalChannels.Sandbox.Http;
using DigitalChannels.Sandbox.Identity;
using DigitalChannels.Sandbox.Storage;

namespace DigitalChannels.Sandbox.People;

/// <summary>
/// The part of the Webex People and Licenses APIs (ADMIN-SPEC, platform facts §2) needed to create people with a
/// Contact Center licence: <c>{base}/v1/people</c>, <c>/v1/licenses</c>, <c>PATCH /v1/licenses/users</c>. Errors use the
/// Webex body {message, errors[], trackingId}; calls count against the client's rate limit.
/// </summary>
public static class PeopleEndpoints
{
    public const int DefaultMax = 100;
    public const int MaximumMax = 1000;

    public static bool IsPeoplePath(PathString path) => path.StartsWithSegments("/v1/people") || path.StartsWithSegments("/v1/licenses");

    public static void MapPeopleEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1").RequireSandboxToken().WithErrorBodyStyle(ErrorBodyStyle.WebexPeople);
        ClientRateLimiter.RequireWithinRateLimit(group);
        TenantSeed.RequireSeededTenant(group);

        group.MapGet("/people", List).RequireAnyScope(Scopes.PeopleRead, Scopes.PeopleWrite);
        group.MapPost("/people", CreateAsync).RequireScope(Scopes.PeopleWrite);
        group.MapGet("/people/{personId}", Get).RequireAnyScope(Scopes.PeopleRead, Scopes.PeopleWrite);
        group.MapPut("/people/{personId}", ReplaceAsync).RequireScope(Scopes.PeopleWrite);
        group.MapDelete("/people/{personId}", Delete).RequireScope(Scopes.PeopleWrite);
        group.MapGet("/licenses", ListLicenses).RequireAnyScope(Scopes.PeopleRead, Scopes.PeopleWrite);
        group.MapPatch("/licenses/users", PatchLicensesAsync).RequireScope(Scopes.PeopleWrite);
    }

    private static ApiException BadRequest(string detail) => ApiError.BadRequest(ErrorKeys.InvalidField, detail).ToException();

    private static IResult Json(JsonNode node, int status = StatusCodes.Status200OK) =>
        Results.Content(node.ToJsonString(Http.SandboxJson.Options), "application/json", System.Text.Encoding.UTF8, status);

    private static IResult List(HttpContext context, SandboxDatabase database)
    {
        var caller = Caller.Of(context);
        var query = context.Request.Query;
        var max = DefaultMax;
        if (query.TryGetValue("max", out var maxText) && (!int.TryParse(maxText, NumberStyles.None, CultureInfo.InvariantCulture, out max) || max is < 1 or > MaximumMax))
            throw ApiError.BadRequest(ErrorKeys.InvalidParameter, $"The query parameter 'max' must be a whole number from 1 to {MaximumMax}, not '{maxText}'.").ToException();
        var email = query["email"].ToString();
        var displayName = query["displayName"].ToString();
        var ids = query["id"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        var people = database.Read(session => new PersonRepository(session, caller.OrganizationId).All());
        var items = people.Where(p => email.Length == 0 || string.Equals(p.Email, email.Trim(), StringComparison.OrdinalIgnoreCase))
            .Where(p => displayName.Length == 0 || p.Body["displayName"]?.GetValue<string>().StartsWith(displayName, StringComparison.OrdinalIgnoreCase) == true)
            .Where(p => ids.Length == 0 || ids.Contains(p.Id))
            .Take(max).Select(p => (JsonNode)p.Body.DeepClone()).ToArray();
        var result = new JsonObject { ["items"] = new JsonArray(items) };
        var notFound = ids.Where(id => people.All(p => p.Id != id)).ToArray();
        if (notFound.Length > 0) result["notFoundIds"] = new JsonArray(notFound.Select(id => (JsonNode)id).ToArray());
        return Json(result);
    }

    private static async Task<IResult> CreateAsync(HttpContext context, SandboxDatabase database, TimeProvider time)
    {
        var caller = Caller.Of(context);
        var body = await ReadObjectAsync(context.Request);
        var person = database.Write(session =>
        {
            var people = new PersonRepository(session, caller.OrganizationId);
            var uuid = Guid.NewGuid().ToString("D");
            var now = Storage.Timestamps.Format(time.GetUtcNow());
            var record = new JsonObject
            {
                ["id"] = WebexIds.Encode(WebexIds.People, uuid),
                ["created"] = now,
            };
            Apply(body, record, caller.OrganizationId, session, people, requireDisplayName: false, exceptUuid: null);
            record["lastModified"] = now;
            var created = new Person(uuid, record);
            people.Insert(created);
            return created;
        });
        return Json(person.Body);
    }

    private static IResult Get(HttpContext context, SandboxDatabase database, string personId)
    {
        var caller = Caller.Of(context);
        return Json(database.Read(session => FindOrThrow(new PersonRepository(session, caller.OrganizationId), personId)).Body);
    }

    /// <summary>PUT replaces the record; displayName is required (ADMIN-SPEC). Absent licenses and roles are kept.</summary>
    private static async Task<IResult> ReplaceAsync(HttpContext context, SandboxDatabase database, TimeProvider time, string personId)
    {
        var caller = Caller.Of(context);
        var body = await ReadObjectAsync(context.Request);
        var person = database.Write(session =>
        {
            var people = new PersonRepository(session, caller.OrganizationId);
            var current = FindOrThrow(people, personId);
            var record = new JsonObject
            {
                ["id"] = current.Id,
                ["emails"] = current.Body["emails"]!.DeepClone(),
                ["licenses"] = current.Body["licenses"]?.DeepClone(),
                ["roles"] = current.Body["roles"]?.DeepClone(),
                ["created"] = current.Body["created"]!.DeepClone(),
            };
            Apply(body, record, caller.OrganizationId, session, people, requireDisplayName: true, exceptUuid: current.Uuid);
            record["lastModified"] = Storage.Timestamps.Format(time.GetUtcNow());
            var updated = current with { Body = record };
            people.Update(updated);
            return updated;
        });
        return Json(person.Body);
    }

    private static IResult Delete(HttpContext context, SandboxDatabase database, string personId)
    {
        var caller = Caller.Of(context);
        database.Write(session =>
        {
            var people = new PersonRepository(session, caller.OrganizationId);
            people.Delete(FindOrThrow(people, personId).Uuid);
        });
        return Results.NoContent();
    }

    private static IResult ListLicenses(HttpContext context, SandboxDatabase database)
    {
        var caller = Caller.Of(context);
        var (licenses, people) = database.Read(session =>
            (new LicenseRepository(session, caller.OrganizationId).All(), new PersonRepository(session, caller.OrganizationId).All()));
        var items = licenses.Select(license =>
        {
            var consumed = people.Count(p => p.Licenses.Contains(license.Id));
            return (JsonNode)new JsonObject
            {
                ["id"] = license.Id, ["name"] = license.Name, ["totalUnits"] = license.TotalUnits, ["consumedUnits"] = consumed,
                ["consumedByUsers"] = consumed, ["consumedByWorkspaces"] = 0, ["subscriptionId"] = license.SubscriptionId,
            };
        }).ToArray();
        return Json(new JsonObject { ["items"] = new JsonArray(items) });
    }

    /// <summary>{email | personId, licenses:[{id, operation: add|remove}]} → {orgId, personId, email, licenses[], pendingLicenses[]}.</summary>
    private static async Task<IResult> PatchLicensesAsync(HttpContext context, SandboxDatabase database, TimeProvider time)
    {
        var caller = Caller.Of(context);
        var body = await ReadObjectAsync(context.Request);
        if (body["licenses"] is not JsonArray changes || changes.Count == 0)
            throw BadRequest("The field 'licenses' must be a non-empty array of {id, operation}.");
        var person = database.Write(session =>
        {
            var people = new PersonRepository(session, caller.OrganizationId);
            var current = Text(body["personId"], "personId") is { } personId ? FindOrThrow(people, personId)
                : Text(body["email"], "email") is { } email ? people.FindByEmail(email)
                    ?? throw ApiError.NotFound(ErrorKeys.PersonNotFound, $"No person with email '{email}' exists in this organization.").ToException()
                : throw BadRequest("The request must name the person with 'email' or 'personId'.");
            var held = current.Licenses.ToList();
            for (var i = 0; i < changes.Count; i++)
            {
                var id = Text(changes[i] is JsonObject change ? change["id"] : throw BadRequest($"The item 'licenses[{i}]' must be an object {{id, operation}}."), $"licenses[{i}].id") ?? throw BadRequest($"The field 'licenses[{i}].id' is required.");
                var operation = Text(changes[i]!["operation"], $"licenses[{i}].operation") ?? "add";
                if (operation == "add") { if (!held.Contains(id)) held.Add(id); }
                else if (operation == "remove") held.Remove(id);
                else throw BadRequest($"The field 'licenses[{i}].operation' must be 'add' or 'remove' (got '{operation}').");
            }
            CheckLicenses(session, caller.OrganizationId, people, held, current.Uuid, "licenses");
            var record = current.Body.DeepClone().AsObject();
            record["licenses"] = new JsonArray(held.Select(l => (JsonNode)l).ToArray());
            record["lastModified"] = Storage.Timestamps.Format(time.GetUtcNow());
            var updated = current with { Body = record };
            people.Update(updated);
            return updated;
        });
        return Json(new JsonObject
        {
            ["orgId"] = WebexIds.Encode(WebexIds.Organization, caller.OrganizationId), ["personId"] = person.Id, ["email"] = person.Email,
            ["licenses"] = person.Body["licenses"]!.DeepClone(), ["pendingLicenses"] = new JsonArray(),
        });
    }

    /// <summary>Copies the writable members of a create/replace body into <paramref name="record"/>, checking each.</summary>
    private static void Apply(JsonObject body, JsonObject record, string organizationId, DbSession session, PersonRepository people, bool requireDisplayName, string? exceptUuid)
    {
        if (Text(body["orgId"], "orgId") is { } orgId && WebexIds.Decode(WebexIds.Organization, orgId) != organizationId && orgId != organizationId)
            throw BadRequest($"The field 'orgId' ('{orgId}') is not this organization ({WebexIds.Encode(WebexIds.Organization, organizationId)}).");

        if (body["emails"] is not null || exceptUuid is null)
        {
            if (body["emails"] is not JsonArray emails || emails.Count != 1 || emails[0]?.GetValueKind() != JsonValueKind.String)
                throw BadRequest($"The field 'emails' must hold exactly one email address (got {body["emails"]?.ToJsonString() ?? "nothing"}).");
            var email = emails[0]!.GetValue<string>().Trim();
            var at = email.IndexOf('@');
            if (at <= 0 || at == email.Length - 1 || email.Contains(' '))
                throw BadRequest($"The email address '{email}' is not valid.");
            var existing = people.FindByEmail(email);
            if (existing is not null && existing.Uuid != exceptUuid)
                throw ApiError.Conflict(ErrorKeys.PersonDuplicateEmail, $"A person with the email '{email}' already exists (id {existing.Id}).").ToException();
            record["emails"] = new JsonArray(email);
        }

        foreach (var field in new[] { "displayName", "firstName", "lastName", "nickName" })
        {
            if (body[field] is null) continue;
            if (body[field]!.GetValueKind() != JsonValueKind.String) throw BadRequest($"The field '{field}' must be a string, not {body[field]!.ToJsonString()}.");
            var value = body[field]!.GetValue<string>().Trim();
            if (value.Length > 0) record[field] = value;
        }
        if (requireDisplayName && record["displayName"] is null)
            throw BadRequest("The field 'displayName' is required.");
        if (record["displayName"] is null && record["firstName"] is null && record["lastName"] is null)
            throw BadRequest("One of 'displayName', 'firstName' or 'lastName' is required.");
        record["displayName"] ??= string.Join(' ', new[] { record["firstName"]?.GetValue<string>(), record["lastName"]?.GetValue<string>() }.Where(s => s is not null));

        if (body["licenses"] is not null)
            record["licenses"] = new JsonArray(StringArray(body, "licenses").Select(l => (JsonNode)l).ToArray());
        record["licenses"] ??= new JsonArray();
        CheckLicenses(session, organizationId, people, StringArray(record, "licenses"), exceptUuid, "licenses");

        if (body["roles"] is not null)
        {
            var roles = StringArray(body, "roles");
            foreach (var role in roles)
                if (WebexIds.Decode(WebexIds.Role, role) is null) throw BadRequest($"The role id '{role}' is not a Webex role id.");
            record["roles"] = new JsonArray(roles.Select(r => (JsonNode)r).ToArray());
        }
        record["roles"] ??= new JsonArray();
        record["orgId"] = WebexIds.Encode(WebexIds.Organization, organizationId);
        record["type"] = "person";
        record["invitePending"] = "false";
        record["loginEnabled"] = "true";
    }

    private static void CheckLicenses(DbSession session, string organizationId, PersonRepository people, IReadOnlyList<string> licenseIds, string? exceptUuid, string field)
    {
        var licenses = new LicenseRepository(session, organizationId).All();
        foreach (var id in licenseIds)
        {
            var license = licenses.FirstOrDefault(l => l.Id == id)
                ?? throw ApiError.BadRequest(ErrorKeys.LicenseNotFound,
                    $"The licence id '{id}' in '{field}' is not a licence of this organization (GET /v1/licenses lists them).").ToException();
            var consumed = people.All().Count(p => p.Uuid != exceptUuid && p.Licenses.Contains(id));
            if (consumed >= license.TotalUnits)
                throw ApiError.BadRequest(ErrorKeys.LicenseExhausted, $"The licence '{license.Name}' has no units left ({consumed} of {license.TotalUnits} in use).").ToException();
        }
    }

    private static List<string> StringArray(JsonObject body, string field)
    {
        if (body[field] is not JsonArray array || array.Any(item => item?.GetValueKind() != JsonValueKind.String))
            throw BadRequest($"The field '{field}' must be an array of strings (got {body[field]?.ToJsonString()}).");
        return array.Select(item => item!.GetValue<string>()).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>A field's string value, null when absent or JSON null; another JSON kind is a 400 naming the field.</summary>
    private static string? Text(JsonNode? node, string field) =>
        node is null ? null
        : node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>()
        : node.GetValueKind() == JsonValueKind.Null ? null
        : throw BadRequest($"The field '{field}' must be a string (got {Cut(node.ToJsonString())}).");

    private static string Cut(string text) => text.Length <= 60 ? text : text[..57] + "...";

    private static Person FindOrThrow(PersonRepository people, string personId) =>
        (WebexIds.Decode(WebexIds.People, personId) is { } uuid ? people.Find(uuid) : null)
        ?? throw ApiError.NotFound(ErrorKeys.PersonNotFound, $"No person with id '{personId}' exists in this organization.").ToException();

    private static async Task<JsonObject> ReadObjectAsync(HttpRequest request)
    {
        JsonNode? node;
        try
        {
            using var document = await StrictJson.ParseAsync(request);
            node = JsonNode.Parse(document.RootElement.GetRawText());
        }
        catch (MalformedJsonException ex)
        {
            throw ApiError.BadRequest(ErrorKeys.InvalidJson, ex.Message).ToException();
        }
        return node as JsonObject ?? throw ApiError.BadRequest(ErrorKeys.InvalidJson, "The request body must be a JSON object.").ToException();
    }
}
