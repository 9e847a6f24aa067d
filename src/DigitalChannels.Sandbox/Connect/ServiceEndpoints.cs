using System.Security.Cryptography;
using System.Text.Json.Serialization;
using DigitalChannels.Client.Auth;
using DigitalChannels.Sandbox.Errors;
using DigitalChannels.Sandbox.Http;
using DigitalChannels.Sandbox.Identity;
using DigitalChannels.Sandbox.Storage;

namespace DigitalChannels.Sandbox.Connect;

/// <summary>The service as the API returns it (no secret: that has its own, more restricted, route).</summary>
public sealed record ServiceResource(
    string Id, string OrganizationId, string Name,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Description,
    bool Locked, long Version, string CreatedTime, string LastUpdatedTime)
{
    public static ServiceResource From(ConnectService s) =>
        new(s.Id, s.OrganizationId, s.Name, s.Description, s.Locked, s.Version, s.CreatedTime, s.LastUpdatedTime);
}

public sealed record ServiceCredentialsResource(string ServiceId, string ServiceSecret);

/// <summary>
/// Connect services: the sandbox's own REST design for what the Connect portal does by hand (platform facts §3.2).
/// </summary>
public static class ServiceEndpoints
{
    public const string GroupPath = "/connect/v1/organization/{orgId}/services";
    public const int MaximumNameLength = 100;
    public const int MaximumDescriptionLength = 500;

    public static void MapServiceEndpoints(this IEndpointRouteBuilder app)
    {
        var services = app.MapGroup(GroupPath).RequireSandboxToken().WithErrorBodyStyle(ErrorBodyStyle.Problem);

        services.MapGet("", List).RequireScope(Scopes.ConnectConfigRead).RequirePermission(ConnectPermissions.ReadConfiguration);
        services.MapPost("", CreateAsync).RequireScope(Scopes.ConnectConfigWrite).RequirePermission(ConnectPermissions.ChangeConfiguration);
        services.MapGet("/{serviceId}", Get).RequireScope(Scopes.ConnectConfigRead).RequirePermission(ConnectPermissions.ReadConfiguration);
        services.MapMethods("/{serviceId}", [HttpMethods.Patch], PatchAsync)
            .RequireScope(Scopes.ConnectConfigWrite).RequirePermission(ConnectPermissions.ChangeConfiguration);
        services.MapDelete("/{serviceId}", Delete).RequireScope(Scopes.ConnectConfigWrite).RequirePermission(ConnectPermissions.DeleteServices);
        services.MapGet("/{serviceId}/credentials", GetCredentials)
            .RequireScope(Scopes.ConnectConfigRead).RequirePermission(ConnectPermissions.ViewServiceCredentials);
    }

    private static IResult List(HttpContext context, SandboxDatabase database)
    {
        var caller = Caller.Of(context);
        var request = context.Request;
        var page = PageRequest.FromQuery(request);
        var search = request.Query["search"].ToString();
        var name = request.Query.ContainsKey("name") ? request.Query["name"].ToString().Trim() : null;
        var filter = new ServiceListFilter(string.IsNullOrEmpty(search) ? null : search, name);

        var (total, rows) = database.Read(session =>
        {
            var repository = new ConnectServiceRepository(session);
            return (repository.Count(caller, filter), repository.List(caller, filter, page.Offset, page.PageSize));
        });
        var path = $"/connect/v1/organization/{caller.OrganizationId}/services";
        var list = PagedList<ServiceResource>.Create(caller.OrganizationId, path, page, total, rows.Select(ServiceResource.From).ToList(),
            new Dictionary<string, string?> { ["search"] = filter.Search, ["name"] = filter.ExactName });
        return SandboxJson.Ok(list);
    }

    private static async Task<IResult> CreateAsync(HttpContext context, SandboxDatabase database, TimeProvider time)
    {
        var caller = Caller.Of(context);
        var body = await JsonBody.ReadObjectAsync(context.Request);
        var name = ValidName(body.RequiredString("name"));
        var description = ValidDescription(body.OptionalString("description"));

        var now = Timestamps.Format(time.GetUtcNow());
        var service = new ConnectService(Guid.NewGuid().ToString("D"), caller.OrganizationId, name, description, Locked: false, Version: 0,
            ServiceSecret: Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), now, now)
        {
            // A service belongs to the container of whoever creates it (lab rule 31).
            Container = caller.Container,
        };
        database.Write(session =>
        {
            var repository = new ConnectServiceRepository(session);
            EnsureNameFree(repository, caller.OrganizationId, name, exceptServiceId: null);
            repository.Insert(service);
        });

        Preconditions.SetEntityTag(context.Response, service.Version);
        context.Response.Headers.Location = $"/connect/v1/organization/{caller.OrganizationId}/services/{service.Id}";
        return SandboxJson.Ok(ServiceResource.From(service), StatusCodes.Status201Created);
    }

    private static IResult Get(HttpContext context, SandboxDatabase database, string serviceId)
    {
        var caller = Caller.Of(context);
        var service = database.Read(session => FindOrThrow(new ConnectServiceRepository(session), caller, serviceId));
        Preconditions.SetEntityTag(context.Response, service.Version);
        return SandboxJson.Ok(ServiceResource.From(service));
    }

    /// <summary>JSON merge patch of name, description and locked. Setting locked:false is the one change a locked service accepts.</summary>
    private static async Task<IResult> PatchAsync(HttpContext context, SandboxDatabase database, TimeProvider time, string serviceId)
    {
        var caller = Caller.Of(context);
        var body = await JsonBody.ReadObjectAsync(context.Request);
        var newName = body.Has("name") ? ValidName(body.RequiredString("name")) : null;
        var setsDescription = body.Has("description");
        var newDescription = ValidDescription(body.OptionalString("description"));
        bool? newLocked = null;
        if (body.Has("locked"))
            newLocked = body.OptionalBoolean("locked") ?? throw ApiError.BadRequest(ErrorKeys.InvalidField, "The field 'locked' must be true or false, not null.").ToException();

        var service = database.Write(session =>
        {
            var repository = new ConnectServiceRepository(session);
            var current = FindOrThrow(repository, caller, serviceId);
            Preconditions.CheckIfMatch(context.Request, current.Version, $"service '{current.Name}' (id {current.Id})");

            var updated = current with
            {
                Name = newName ?? current.Name,
                Description = setsDescription ? newDescription : current.Description,
                Locked = newLocked ?? current.Locked,
            };
            if (updated == current) return current;
            if (newLocked != false) ServiceLock.EnsureUnlocked(current);
            if (!string.Equals(updated.Name, current.Name, StringComparison.Ordinal))
                EnsureNameFree(repository, caller.OrganizationId, updated.Name, exceptServiceId: current.Id);

            updated = updated with { Version = current.Version + 1, LastUpdatedTime = Timestamps.Format(time.GetUtcNow()) };
            repository.Update(updated);
            return updated;
        });

        Preconditions.SetEntityTag(context.Response, service.Version);
        return SandboxJson.Ok(ServiceResource.From(service));
    }

    private static IResult Delete(HttpContext context, SandboxDatabase database, string serviceId)
    {
        var caller = Caller.Of(context);
        database.Write(session =>
        {
            var repository = new ConnectServiceRepository(session);
            var current = FindOrThrow(repository, caller, serviceId);
            Preconditions.CheckIfMatch(context.Request, current.Version, $"service '{current.Name}' (id {current.Id})");
            ServiceLock.EnsureUnlocked(current);
            repository.Delete(caller.OrganizationId, current.Id);
        });
        return Results.NoContent();
    }

    private static IResult GetCredentials(HttpContext context, SandboxDatabase database, string serviceId)
    {
        var caller = Caller.Of(context);
        var service = database.Read(session => FindOrThrow(new ConnectServiceRepository(session), caller, serviceId));
        return SandboxJson.Ok(new ServiceCredentialsResource(service.Id, service.ServiceSecret));
    }

    /// <summary>
    /// Finds a service the caller may see or throws 404 naming the id. Ids are compared in their lower-case form. A service
    /// above the caller's group or team is "not found", as the portal does not show it either.
    /// </summary>
    public static ConnectService FindOrThrow(ConnectServiceRepository repository, Caller caller, string serviceId)
    {
        var normalized = ResourceIds.Normalize(serviceId);
        return (normalized is null ? null : repository.Find(caller, normalized))
            ?? throw ApiError.NotFound(ErrorKeys.ServiceNotFound, caller.Container.Level == "Tenant"
                ? $"No service with id '{serviceId}' exists in organization '{caller.OrganizationId}'."
                : $"No service with id '{serviceId}' exists in your {caller.Container.Level.ToLowerInvariant()} or below it in organization '{caller.OrganizationId}'.").ToException();
    }

    [Obsolete("Pass the Caller, not its organization id, so that Groups/Teams visibility applies.", error: true)]
    public static ConnectService FindOrThrow(ConnectServiceRepository repository, string organizationId, string serviceId) =>
        throw new NotSupportedException("Pass the Caller.");

    private static void EnsureNameFree(ConnectServiceRepository repository, string organizationId, string name, string? exceptServiceId)
    {
        var existing = repository.FindByName(organizationId, name);
        if (existing is not null && existing.Id != exceptServiceId)
            throw ApiError.Conflict(ErrorKeys.ServiceDuplicateName,
                $"A service named '{existing.Name}' already exists in this organization (id {existing.Id}); names are unique regardless of case, so '{name}' cannot be used.").About(name).ToException();
    }

    private static string ValidName(string raw)
    {
        var name = raw.Trim();
        if (name.Length == 0)
            throw ApiError.BadRequest(ErrorKeys.InvalidField, $"The field 'name' must not be empty or blank (got '{raw}').").ToException();
        if (name.Length > MaximumNameLength)
            throw ApiError.BadRequest(ErrorKeys.InvalidField,
                $"The field 'name' has {name.Length} characters; at most {MaximumNameLength} are allowed ('{name[..40]}…').").ToException();
        if (name.Any(char.IsControl))
            throw ApiError.BadRequest(ErrorKeys.InvalidField, $"The field 'name' must not contain control characters (got '{name.ReplaceLineEndings(" ")}').").ToException();
        return name;
    }

    private static string? ValidDescription(string? description)
    {
        if (description is not null && description.Length > MaximumDescriptionLength)
            throw ApiError.BadRequest(ErrorKeys.InvalidField,
                $"The field 'description' has {description.Length} characters; at most {MaximumDescriptionLength} are allowed ('{description[..40]}…').").ToException();
        return description;
    }
}
