using DigitalChannels.Client.Auth;
using DigitalChannels.Sandbox.ContactCenter;
using DigitalChannels.Sandbox.Errors;
using DigitalChannels.Sandbox.Http;
using DigitalChannels.Sandbox.Identity;
using DigitalChannels.Sandbox.People;
using DigitalChannels.Sandbox.Storage;
using DigitalChannels.Sandbox.Tenancy;
using Microsoft.Data.Sqlite;

namespace DigitalChannels.Sandbox.Engage.Users;

/// <summary>
/// An Engage user replicated from a Contact Center user (lab rules 4, 11): <see cref="RoleType"/> is "Administrative"
/// for the Administrator user profile and "Customer Care" for Premium Agent; <see cref="Status"/> is Active or Inactive;
/// <see cref="LoggedIn"/> whether the user is signed in to Engage now. <see cref="Id"/> is the Contact Center user's id.
/// </summary>
public sealed record EngageUser(string OrganizationId, string Id, string CiUserId, string Email, string Name, string RoleType, string Status,
    bool LoggedIn, string SynchronizedTime);

public sealed record EngageUserSynchronizationResult(int Added, int Updated, int Deactivated, int Unchanged);

public static class EngageRoleTypes
{
    public const string Administrative = "Administrative";
    public const string CustomerCare = "Customer Care";
    public const string Active = "Active";
    public const string Inactive = "Inactive";

    /// <summary>Lab rule 11; other profiles (Supervisor, custom) are not replicated.</summary>
    public static string? ForProfileType(string? profileType) => profileType switch
    {
        "ADMINISTRATOR" => Administrative,
        "PREMIUM_AGENT" => CustomerCare,
        _ => null,
    };

    /// <summary>"Customer Care" also as "CustomerCare", any case.</summary>
    public static string? Parse(string text) =>
        string.Equals(text.Replace(" ", ""), "Administrative", StringComparison.OrdinalIgnoreCase) ? Administrative
        : string.Equals(text.Replace(" ", ""), "CustomerCare", StringComparison.OrdinalIgnoreCase) ? CustomerCare
        : null;
}

public sealed class EngageUserRepository
{
    private const string Columns = "organization_id, id, ci_user_id, email, name, role_type, status, logged_in, synchronized_time";
    private readonly DbSession session;

    public EngageUserRepository(DbSession session) => this.session = session;

    public List<EngageUser> All(string organizationId) =>
        session.Query($"SELECT {Columns} FROM engage_users WHERE organization_id = $org ORDER BY lower(name), lower(email), id;", Map, ("$org", organizationId));

    public EngageUser? Find(string organizationId, string id) =>
        session.QuerySingleOrDefault($"SELECT {Columns} FROM engage_users WHERE organization_id = $org AND id = $id;", Map, ("$org", organizationId), ("$id", id));

    public void Upsert(EngageUser user) =>
        session.Execute($"""
            INSERT INTO engage_users ({Columns}) VALUES ($org, $id, $ci, $email, $name, $role, $status, $logged, $time)
            ON CONFLICT (organization_id, id) DO UPDATE SET ci_user_id = $ci, email = $email, name = $name, role_type = $role, status = $status,
                logged_in = $logged, synchronized_time = $time;
            """, ("$org", user.OrganizationId), ("$id", user.Id), ("$ci", user.CiUserId), ("$email", user.Email), ("$name", user.Name),
            ("$role", user.RoleType), ("$status", user.Status), ("$logged", user.LoggedIn ? 1 : 0), ("$time", user.SynchronizedTime));

    private static EngageUser Map(SqliteDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6), r.GetInt64(7) != 0, r.GetString(8));
}

/// <summary>
/// Engage's user synchronization with Contact Center (lab rules 4, 21, 22): every Contact Center user with the
/// Administrator or Premium Agent user profile is an Engage user, Active while the Contact Center user is active and its
/// person holds a Contact Center licence, else Inactive (and signed out). Users whose Contact Center user is gone, or
/// whose profile is no longer one of the two, become Inactive. Run by <c>POST …/users/synchronize</c> and when
/// provisioning completes; Engage's list shows the result of the last run, as the portal does.
/// </summary>
public static class EngageUserSynchronization
{
    public static EngageUserSynchronizationResult Run(DbSession session, string organizationId, DateTimeOffset now)
    {
        TenantSeed.EnsureSeeded(session, organizationId, now);
        var service = new ConfigurationService(session, organizationId, now);
        var profileTypes = service.Store.All(ConfigurationKinds.UserProfile.Name)
            .ToDictionary(p => p.Id, p => p.Body["profileType"]?.GetValue<string>(), StringComparer.OrdinalIgnoreCase);
        var ccLicenses = new LicenseRepository(session, organizationId).All()
            .Where(l => LicenseRepository.ContactCenterLicenseNames.Contains(l.Name)).Select(l => l.Id).ToHashSet(StringComparer.Ordinal);
        var licensed = new PersonRepository(session, organizationId).All()
            .Where(p => p.Licenses.Any(ccLicenses.Contains)).Select(p => p.Uuid).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var repository = new EngageUserRepository(session);
        var existing = repository.All(organizationId).ToDictionary(u => u.Id, StringComparer.Ordinal);
        var time = Timestamps.Format(now);

        int added = 0, updated = 0, deactivated = 0, unchanged = 0;
        void Apply(EngageUser? before, EngageUser after)
        {
            var same = before is not null && before with { SynchronizedTime = after.SynchronizedTime } == after;
            if (!same) repository.Upsert(after);
            if (before is null) added++;
            else if (same) unchanged++;
            else if (before.Status == EngageRoleTypes.Active && after.Status == EngageRoleTypes.Inactive) deactivated++;
            else updated++;
        }

        foreach (var user in service.Store.All(ConfigurationKinds.User.Name))
        {
            var profileId = user.Body["userProfileId"]?.GetValue<string>();
            var roleType = EngageRoleTypes.ForProfileType(profileId is not null && profileTypes.TryGetValue(profileId, out var type) ? type : null);
            existing.Remove(user.Id, out var before);
            if (roleType is null)
            {
                if (before is not null) Apply(before, before with { Status = EngageRoleTypes.Inactive, LoggedIn = false, SynchronizedTime = time });
                continue;
            }
            var ciUserId = user.Body["ciUserId"]?.GetValue<string>() ?? "";
            var active = user.Body["active"]?.GetValue<bool>() == true && licensed.Contains(ciUserId);
            var name = $"{user.Body["firstName"]?.GetValue<string>()} {user.Body["lastName"]?.GetValue<string>()}".Trim();
            var email = user.Body["email"]?.GetValue<string>() ?? "";
            Apply(before, new EngageUser(organizationId, user.Id, ciUserId, email, name.Length == 0 ? email : name, roleType,
                active ? EngageRoleTypes.Active : EngageRoleTypes.Inactive, active && before?.LoggedIn == true, time));
        }
        foreach (var gone in existing.Values)
            Apply(gone, gone with { Status = EngageRoleTypes.Inactive, LoggedIn = false, SynchronizedTime = time });
        return new EngageUserSynchronizationResult(added, updated, deactivated, unchanged);
    }
}

/// <summary>Admin → Users (lab 12.3): the list without the signed-in user (lab rules 12, 21), and Synchronize.</summary>
public static class EngageUserEndpoints
{
    public static void MapEngageUserEndpoints(this RouteGroupBuilder engage)
    {
        engage.MapGet("/users", List).RequireScope(Scopes.EngageConfigRead).RequirePermission(EngagePermissions.ReadSettings);
        engage.MapPost("/users/synchronize", (HttpContext context, SandboxDatabase database, TimeProvider time) =>
                SandboxJson.Ok(database.Write(session => EngageUserSynchronization.Run(session, Caller.Of(context).OrganizationId, time.GetUtcNow()))))
            .RequireScope(Scopes.EngageConfigWrite).RequirePermission(EngagePermissions.ChangeSettings);
    }

    /// <summary><c>PUT /sandbox/v1/organization/{orgId}/engage/users/{userId}/session</c> <c>{loggedIn}</c>: signs a user in or out (tests, demos).</summary>
    public static void MapSandboxEngageUserEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/sandbox/v1/organization/{orgId}/engage").RequireSandboxToken().WithErrorBodyStyle(ErrorBodyStyle.Problem)
            .MapPut("/users/{userId}/session", SetSessionAsync)
            .RequireScope(Scopes.SandboxAdmin).RequirePermission(ConnectPermissions.ManageSandbox);
    }

    private static IResult List(HttpContext context, SandboxDatabase database)
    {
        var caller = Caller.Of(context);
        var query = context.Request.Query;
        var page = PageRequest.FromQuery(context.Request);
        string? roleType = null, status = null;
        if (query.TryGetValue("roleType", out var roleText) && roleText.ToString().Length > 0)
            roleType = EngageRoleTypes.Parse(roleText.ToString()) ?? throw ApiError.BadRequest(ErrorKeys.InvalidParameter,
                $"The query parameter 'roleType' must be '{EngageRoleTypes.Administrative}' or '{EngageRoleTypes.CustomerCare}', not '{roleText}'.").ToException();
        if (query.TryGetValue("status", out var statusText) && statusText.ToString().Length > 0)
            status = new[] { EngageRoleTypes.Active, EngageRoleTypes.Inactive }.FirstOrDefault(s => string.Equals(s, statusText.ToString(), StringComparison.OrdinalIgnoreCase))
                ?? throw ApiError.BadRequest(ErrorKeys.InvalidParameter, $"The query parameter 'status' must be 'Active' or 'Inactive', not '{statusText}'.").ToException();
        var search = query["search"].ToString().Trim();

        var (signedIn, users) = database.Read(session => (
            new UserRepository(session).Find(caller.OrganizationId, caller.UserId)?.Email,
            new EngageUserRepository(session).All(caller.OrganizationId)));
        var rows = users
            .Where(u => !string.Equals(u.Email, signedIn, StringComparison.OrdinalIgnoreCase)) // lab rule 12
            .Where(u => roleType is null || u.RoleType == roleType)
            .Where(u => status is null || u.Status == status)
            .Where(u => search.Length == 0 || u.Name.Contains(search, StringComparison.OrdinalIgnoreCase) || u.Email.Contains(search, StringComparison.OrdinalIgnoreCase))
            .ToList();
        return SandboxJson.Ok(PagedList<EngageUser>.Create(caller.OrganizationId, $"/engage/v1/organization/{caller.OrganizationId}/users", page, rows.Count,
            rows.Skip(page.Offset).Take(page.PageSize).ToList(),
            new Dictionary<string, string?> { ["roleType"] = roleType, ["status"] = status, ["search"] = search.Length == 0 ? null : search }));
    }

    private static async Task<IResult> SetSessionAsync(HttpContext context, SandboxDatabase database, string userId)
    {
        var caller = Caller.Of(context);
        var body = await JsonBody.ReadObjectAsync(context.Request);
        var loggedIn = body.OptionalBoolean("loggedIn") ?? throw ApiError.BadRequest(ErrorKeys.InvalidField, "The field 'loggedIn' (true or false) is required.").ToException();
        return SandboxJson.Ok(database.Write(session =>
        {
            var repository = new EngageUserRepository(session);
            var user = repository.Find(caller.OrganizationId, userId)
                ?? throw ApiError.NotFound(ErrorKeys.EngageUserNotFound, $"No Engage user with id '{userId}' exists in organization '{caller.OrganizationId}'; run the user synchronization first.").ToException();
            if (loggedIn && user.Status != EngageRoleTypes.Active)
                throw ApiError.Conflict(ErrorKeys.EngageUserInactive, $"The Engage user '{user.Email}' is Inactive and cannot sign in; assign a Contact Center licence and synchronize the users.").ToException();
            if (user.LoggedIn != loggedIn) repository.Upsert(user = user with { LoggedIn = loggedIn });
            return user;
        }));
    }
}
