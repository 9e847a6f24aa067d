using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DigitalChannels.Client.Auth;
using DigitalChannels.Sandbox.Errors;
using DigitalChannels.Sandbox.Http;
using DigitalChannels.Sandbox.Identity;
using DigitalChannels.Sandbox.Storage;

namespace DigitalChannels.Sandbox.ContactCenter;

/// <summary>
/// The Contact Center configuration API on the official spec's paths under <c>/organization/{orgid}/</c> (platform
/// facts §1.2): v1 lists as bare arrays, v2/v3 lists as {meta,data}, create/get/put/delete with each resource's own
/// success codes, bulk (207), incoming-references, get by name through <c>filter</c>. Errors are ApiErrorResponse
/// bodies; reads need cjp:config_read (or write), writes cjp:config_write; every call counts against the client's
/// rate limit.
/// </summary>
public static class ConfigurationEndpoints
{
    public const string OrganizationPrefix = "/organization";
    public const string GroupPath = OrganizationPrefix + "/{orgId}";

    public static void MapConfigurationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(GroupPath).RequireSandboxToken().WithErrorBodyStyle(ErrorBodyStyle.ContactCenter);
        ClientRateLimiter.RequireWithinRateLimit(group);
        TenantSeed.RequireSeededTenant(group);

        foreach (var kind in new[] { ConfigurationKinds.Site, ConfigurationKinds.Team, ConfigurationKinds.MultimediaProfile,
                     ConfigurationKinds.DesktopProfile, ConfigurationKinds.EntryPoint, ConfigurationKinds.Queue })
        {
            var segment = kind.Name;
            ListV1(group, "/" + segment, kind, paged: kind != ConfigurationKinds.Site);
            ListV2(group, "/v2/" + segment, kind);
            Create(group, "/" + segment, kind);
            Read(group, $"/{segment}/{{id}}", kind);
            Replace(group, $"/{segment}/{{id}}", kind);
            Delete(group, $"/{segment}/{{id}}", kind);
            Bulk(group, HttpMethods.Post, $"/{segment}/bulk", kind);
            IncomingReferences(group, $"/{segment}/{{id}}/incoming-references", kind);
        }
        var queue = ConfigurationKinds.Queue;
        ListV2(group, "/v3/contact-service-queue", queue);
        Create(group, "/v2/contact-service-queue", queue);
        Read(group, "/v2/contact-service-queue/{id}", queue);
        Replace(group, "/v2/contact-service-queue/{id}", queue);
        Bulk(group, HttpMethods.Patch, "/contact-service-queue/bulk", queue);
        Bulk(group, HttpMethods.Post, "/contact-service-queue/v2/bulk", queue);

        var layout = ConfigurationKinds.DesktopLayout;
        ListV2(group, "/v2/desktop-layout", layout);
        Create(group, "/desktop-layout", layout);
        Read(group, "/desktop-layout/{id}", layout);
        Replace(group, "/desktop-layout/{id}", layout);
        Delete(group, "/desktop-layout/{id}", layout);
        Bulk(group, HttpMethods.Post, "/desktop-layout/bulk", layout);
        IncomingReferences(group, "/desktop-layout/{id}/incoming-references", layout);

        var profile = ConfigurationKinds.UserProfile;
        ListV2(group, "/v3/user-profile", profile);
        Create(group, "/v3/user-profile", profile);
        Read(group, "/v3/user-profile/{id}", profile);
        Replace(group, "/v3/user-profile/{id}", profile);
        Delete(group, "/v3/user-profile/{id}", profile);
        Bulk(group, HttpMethods.Post, "/v3/user-profile/bulk", profile);
        IncomingReferences(group, "/user-profile/{id}/incoming-references", profile);

        var user = ConfigurationKinds.User;
        ListV1(group, "/user", user, paged: true);
        ListV2(group, "/v2/user", user);
        Read(group, "/user/{id}", user);
        Replace(group, "/user/{id}", user);
        Patch(group, "/user/{id}", user);
        Bulk(group, HttpMethods.Patch, "/user/bulk", user);
        IncomingReferences(group, "/user/{id}/incoming-references", user);
        group.MapGet("/user/by-ci-user-id/{ciUserId}", ReadUserByCiUserId).RequireAnyScope(Scopes.ContactCenterConfigRead, Scopes.ContactCenterConfigWrite);
        group.MapGet("/v2/user/by-ci-user-id/{ciUserId}", ReadUserByCiUserId).RequireAnyScope(Scopes.ContactCenterConfigRead, Scopes.ContactCenterConfigWrite);
        // No POST /user in the platform (§1.9): answer 405 with the way users are really made, rather than a bare 405.
        group.MapPost("/user", () => new ApiError(StatusCodes.Status405MethodNotAllowed, ErrorKeys.MethodNotAllowed, "Method Not Allowed",
            "Contact Center users cannot be created through this API: give a Webex person a Contact Center licence (People API) and run " +
            "Synchronize Users in Control Hub (Contact Center > Tenant settings > General).") { Headers = new Dictionary<string, string> { ["Allow"] = "GET" } }.ToResult())
            .RequireScope(Scopes.ContactCenterConfigWrite);
    }

    private static RouteHandlerBuilder RequireRead(this RouteHandlerBuilder builder) =>
        builder.RequireAnyScope(Scopes.ContactCenterConfigRead, Scopes.ContactCenterConfigWrite);

    private static RouteHandlerBuilder RequireWrite(this RouteHandlerBuilder builder) => builder.RequireScope(Scopes.ContactCenterConfigWrite);

    private static ConfigurationService Service(HttpContext context, DbSession session) =>
        new(session, Caller.Of(context).OrganizationId, context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow());

    private static IResult Json(JsonNode node, int status = StatusCodes.Status200OK) =>
        Results.Content(node.ToJsonString(Http.SandboxJson.Options), "application/json", System.Text.Encoding.UTF8, status);

    // ---- lists ----

    private static void ListV1(RouteGroupBuilder group, string path, ConfigurationKind kind, bool paged) =>
        group.MapGet(path, (HttpContext context, SandboxDatabase database) =>
        {
            var items = database.Read(session => Query(context, Service(context, session), kind, allowSearch: false));
            if (paged)
            {
                var page = PageRequest.FromQuery(context.Request);
                items = items.Skip(page.Offset).Take(page.PageSize).ToList();
            }
            return Json(new JsonArray(Project(context, items).ToArray()));
        }).RequireRead();

    private static void ListV2(RouteGroupBuilder group, string path, ConfigurationKind kind) =>
        group.MapGet(path, (HttpContext context, SandboxDatabase database) =>
        {
            var caller = Caller.Of(context);
            var items = database.Read(session => Query(context, Service(context, session), kind, allowSearch: true));
            var page = PageRequest.FromQuery(context.Request);
            var slice = items.Skip(page.Offset).Take(page.PageSize).ToList();
            var query = context.Request.Query;
            var extra = new Dictionary<string, string?>
            {
                ["filter"] = query.ContainsKey("filter") ? query["filter"].ToString() : null,
                ["search"] = query.ContainsKey("search") ? query["search"].ToString() : null,
                ["attributes"] = query.ContainsKey("attributes") ? query["attributes"].ToString() : null,
            };
            var list = PagedList<int>.Create(caller.OrganizationId, context.Request.Path, page, items.Count, [], extra);
            var meta = JsonSerializer.SerializeToNode(list.Meta, SandboxJson.Options)!;
            return Json(new JsonObject { ["meta"] = meta, ["data"] = new JsonArray(Project(context, slice).ToArray()) });
        }).RequireRead();

    /// <summary>Every object of the kind, presented, after filter (RSQL), search (name or email contains) and singleObjectResponse.</summary>
    private static List<JsonObject> Query(HttpContext context, ConfigurationService service, ConfigurationKind kind, bool allowSearch)
    {
        var query = context.Request.Query;
        var filter = query.TryGetValue("filter", out var filterText) && !string.IsNullOrWhiteSpace(filterText) ? RsqlFilter.Parse(filterText.ToString()) : null;
        var search = allowSearch && query.TryGetValue("search", out var searchText) ? searchText.ToString() : "";
        var items = service.Store.All(kind.Name).Select(service.Present)
            .Where(item => filter is null || filter.Matches(item))
            .Where(item => search.Length == 0 || new[] { "name", "email", "firstName", "lastName" }
                .Any(field => item[field]?.ToString().Contains(search, StringComparison.OrdinalIgnoreCase) == true))
            .ToList();
        if (query.TryGetValue("singleObjectResponse", out var single) && string.Equals(single, "true", StringComparison.OrdinalIgnoreCase) && items.Count > 1)
            throw ContactCenterErrors.Invalid($"singleObjectResponse=true needs a filter that matches one {kind.Title}; it matched {items.Count}.");
        return items;
    }

    /// <summary>The attributes parameter: a comma-separated projection; id is always kept.</summary>
    private static IEnumerable<JsonNode> Project(HttpContext context, IEnumerable<JsonObject> items)
    {
        var attributes = context.Request.Query["attributes"].ToString();
        if (string.IsNullOrWhiteSpace(attributes)) return items;
        var keep = attributes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Append("id").ToHashSet(StringComparer.Ordinal);
        return items.Select(item =>
        {
            var projected = new JsonObject();
            foreach (var (name, value) in item) if (keep.Contains(name)) projected[name] = value?.DeepClone();
            return projected;
        });
    }

    // ---- single objects ----

    private static void Create(RouteGroupBuilder group, string path, ConfigurationKind kind) =>
        group.MapPost(path, async (HttpContext context, SandboxDatabase database) =>
        {
            var body = await ReadObjectAsync(context.Request);
            var created = database.Write(session =>
            {
                var service = Service(context, session);
                return service.Present(service.Create(kind, body));
            });
            context.Response.Headers.Location = $"{OrganizationPrefix}/{created["organizationId"]}/{kind.Name}/{created["id"]}";
            return Json(created, kind.CreateStatus);
        }).RequireWrite();

    private static void Read(RouteGroupBuilder group, string path, ConfigurationKind kind) =>
        group.MapGet(path, (HttpContext context, SandboxDatabase database, string id) =>
            Json(database.Read(session =>
            {
                var service = Service(context, session);
                return service.Present(service.Get(kind, id));
            }))).RequireRead();

    private static void Replace(RouteGroupBuilder group, string path, ConfigurationKind kind) =>
        group.MapPut(path, async (HttpContext context, SandboxDatabase database, string id) =>
        {
            var body = await ReadObjectAsync(context.Request);
            return Json(database.Write(session =>
            {
                var service = Service(context, session);
                return service.Present(service.Replace(kind, id, body));
            }));
        }).RequireWrite();

    private static void Patch(RouteGroupBuilder group, string path, ConfigurationKind kind) =>
        group.MapPatch(path, async (HttpContext context, SandboxDatabase database, string id) =>
        {
            var body = await ReadObjectAsync(context.Request);
            return Json(database.Write(session =>
            {
                var service = Service(context, session);
                return service.Present(service.Patch(kind, id, body));
            }));
        }).RequireWrite();

    private static void Delete(RouteGroupBuilder group, string path, ConfigurationKind kind) =>
        group.MapDelete(path, (HttpContext context, SandboxDatabase database, string id) =>
        {
            database.Write(session => Service(context, session).Delete(kind, id));
            return Results.StatusCode(kind.DeleteStatus);
        }).RequireWrite();

    private static IResult ReadUserByCiUserId(HttpContext context, SandboxDatabase database, string ciUserId) =>
        Json(database.Read(session =>
        {
            var service = Service(context, session);
            var user = service.Store.All(ConfigurationKinds.User.Name)
                .FirstOrDefault(u => string.Equals(u.Body["ciUserId"]?.GetValue<string>(), ciUserId, StringComparison.OrdinalIgnoreCase))
                ?? throw ContactCenterErrors.NotFound(
                    $"No Contact Center user has ciUserId '{ciUserId}'. Give the person a Contact Center licence and run Synchronize Users in Control Hub.");
            return service.Present(user);
        }));

    private static void IncomingReferences(RouteGroupBuilder group, string path, ConfigurationKind kind) =>
        group.MapGet(path, (HttpContext context, SandboxDatabase database, string id) =>
        {
            var caller = Caller.Of(context);
            var type = context.Request.Query["type"].ToString();
            var page = PageRequest.FromQuery(context.Request);
            var (target, entities) = database.Read(session =>
            {
                var service = Service(context, session);
                var target = service.Get(kind, id);
                var entities = service.Store.IncomingReferences(kind.Name, target.Id)
                    .Where(r => type.Length == 0 || string.Equals(r.FromKind, type, StringComparison.OrdinalIgnoreCase)
                                || string.Equals(ConfigurationKinds.Named(r.FromKind).Title.Replace(" ", ""), type.Replace(" ", ""), StringComparison.OrdinalIgnoreCase))
                    .GroupBy(r => (r.FromKind, r.FromId))
                    .Select(g =>
                    {
                        var source = service.Store.Find(g.Key.FromKind, g.Key.FromId)!;
                        return (Kind: g.Key.FromKind, Entity: new JsonObject
                        {
                            ["id"] = source.Id,
                            ["name"] = source.Name ?? source.Body["email"]?.DeepClone(),
                            ["additionalAttributes"] = new JsonObject { ["type"] = g.Key.FromKind, ["fields"] = string.Join(",", g.Select(r => r.Field)) },
                            ["createdDate"] = DateTimeOffset.FromUnixTimeMilliseconds(source.CreatedMs).ToString("O", CultureInfo.InvariantCulture),
                            ["lastModifiedDate"] = DateTimeOffset.FromUnixTimeMilliseconds(source.UpdatedMs).ToString("O", CultureInfo.InvariantCulture),
                            ["version"] = source.Version,
                        });
                    }).ToList();
                return (target, entities);
            });
            var list = PagedList<int>.Create(caller.OrganizationId, context.Request.Path, page, entities.Count, [],
                new Dictionary<string, string?> { ["type"] = type.Length == 0 ? null : type });
            var meta = JsonSerializer.SerializeToNode(list.Meta, SandboxJson.Options)!.AsObject();
            meta["referencedEntities"] = new JsonArray(entities.Select(e => e.Kind).Distinct().Select(k => (JsonNode)k).ToArray());
            meta["currentEntity"] = kind.Name;
            var data = entities.Skip(page.Offset).Take(page.PageSize).Select(e => (JsonNode)e.Entity).ToArray();
            return Json(new JsonObject { ["meta"] = meta, ["data"] = new JsonArray(data) });
        }).RequireRead();

    // ---- bulk ----

    /// <summary>
    /// {"items":[{itemIdentifier, item, requestAction: SAVE|DELETE}]} → 207 {"items":[{itemIdentifier, status,
    /// operationType, href | apiError}]}. SAVE with an id updates (PATCH routes merge the given fields), without one
    /// creates; each item succeeds or fails alone (a savepoint per item).
    /// </summary>
    private static void Bulk(RouteGroupBuilder group, string method, string path, ConfigurationKind kind) =>
        group.MapMethods(path, [method], async (HttpContext context, SandboxDatabase database) =>
        {
            var body = await ReadObjectAsync(context.Request);
            if (body["items"] is not JsonArray requests)
                throw ContactCenterErrors.Invalid($"The field 'items' must be an array of {{itemIdentifier, item, requestAction}}, not {Specification.DtoSchemas.Describe(body["items"])}.");
            var partial = method == HttpMethods.Patch;
            var results = database.Write(session =>
            {
                var service = Service(context, session);
                var responses = new JsonArray();
                for (var i = 0; i < requests.Count; i++)
                {
                    var request = requests[i] as JsonObject;
                    var identifier = request?["itemIdentifier"] is JsonValue number && number.TryGetValue<int>(out var n) ? n : i;
                    // PATCH bulk routes (partial updates): requestAction is optional and SAVE is assumed; only SAVE is valid.
                    var action = request?["requestAction"]?.ToString() ?? (partial ? "SAVE" : null);
                    var item = request?["item"] as JsonObject;
                    var id = item?["id"]?.ToString();
                    var operation = action == "DELETE" ? "DELETE" : id is null ? "CREATE" : "UPDATE";
                    session.Execute("SAVEPOINT bulk_item;");
                    try
                    {
                        if (item is null) throw ContactCenterErrors.Invalid($"Item {identifier}: the field 'item' must be a {kind.Title} object.");
                        StoredObject result;
                        switch (action)
                        {
                            case "DELETE" when partial:
                                throw ContactCenterErrors.Invalid($"Item {identifier}: the field 'requestAction' must be SAVE on a partial (PATCH) bulk update (got 'DELETE').");
                            case "DELETE":
                                if (id is null) throw ContactCenterErrors.Invalid($"Item {identifier}: DELETE needs the {kind.Title} 'id'.");
                                if (kind == ConfigurationKinds.User) throw ContactCenterErrors.Invalid($"Item {identifier}: users are removed in Control Hub, not through this API.");
                                result = service.Delete(kind, id);
                                break;
                            case "SAVE" when partial:
                                // The spec's PATCH bulk bodies: "Mandatory Properties: [id]" — a patch names the object, nothing else is required.
                                if (id is null)
                                    throw ContactCenterErrors.Invalid(kind == ConfigurationKinds.User
                                        ? $"Item {identifier}: the field 'id' is mandatory; users cannot be created through this API, give the 'id' of a user made by Synchronize Users."
                                        : $"Item {identifier}: the field 'id' is mandatory in a partial (PATCH) bulk update.");
                                result = service.Patch(kind, id, item);
                                break;
                            case "SAVE":
                                if (item["organizationId"] is null)
                                    throw ContactCenterErrors.Invalid($"Item {identifier}: the field 'organizationId' is required in bulk saves.");
                                if (id is null && kind == ConfigurationKinds.User)
                                    throw ContactCenterErrors.Invalid($"Item {identifier}: users cannot be created through this API; give the 'id' of a user made by Synchronize Users.");
                                result = id is null ? service.Create(kind, item) : service.Replace(kind, id, item);
                                break;
                            default:
                                throw ContactCenterErrors.Invalid($"Item {identifier}: the field 'requestAction' must be SAVE or DELETE (got '{action}').");
                        }
                        session.Execute("RELEASE bulk_item;");
                        var status = operation switch { "CREATE" => kind.CreateStatus, "DELETE" => kind.DeleteStatus, _ => StatusCodes.Status200OK };
                        responses.Add(new JsonObject
                        {
                            ["itemIdentifier"] = identifier, ["status"] = status, ["operationType"] = operation,
                            ["href"] = $"{OrganizationPrefix}/{service.OrganizationId}/{kind.Name}/{result.Id}",
                        });
                    }
                    catch (ApiException ex)
                    {
                        session.Execute("ROLLBACK TO bulk_item; RELEASE bulk_item;");
                        var error = JsonSerializer.SerializeToNode(ContactCenterErrorBody.From(ex.Error, TrackingId.For(context)), SandboxJson.Options);
                        responses.Add(new JsonObject
                        {
                            ["itemIdentifier"] = identifier, ["status"] = ex.Error.Status, ["operationType"] = operation, ["apiError"] = error,
                        });
                    }
                }
                return responses;
            });
            return Json(new JsonObject { ["items"] = results }, StatusCodes.Status207MultiStatus);
        }).RequireWrite();

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
            throw ContactCenterErrors.Invalid(ex.Message);
        }
        return node as JsonObject ?? throw ContactCenterErrors.Invalid($"The request body must be a JSON object, not {Specification.DtoSchemas.Describe(node)}.");
    }
}
