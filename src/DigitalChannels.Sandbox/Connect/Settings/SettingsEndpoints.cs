using System.Text.Json;
using System.Text.Json.Serialization;
using DigitalChannels.Client.Auth;
using DigitalChannels.Client.Connect.Settings;
using DigitalChannels.Sandbox.Connect.Teammates;
using DigitalChannels.Sandbox.Errors;
using DigitalChannels.Sandbox.Http;
using DigitalChannels.Sandbox.Identity;
using DigitalChannels.Sandbox.Storage;
using DigitalChannels.Sandbox.Tenancy;

namespace DigitalChannels.Sandbox.Connect.Settings;

public sealed record TenantSettingsResource(string OrganizationId, string TimeZone, string UtcOffset, string DateFormat, long Version,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? LastUpdatedTime);

public sealed record ProfileResource(string Id, string OrganizationId, string Email, string Name, string Role, bool DecryptLogs, string ContainerLevel,
    IReadOnlyDictionary<string, bool> Notifications);

/// <summary>
/// Settings > Tenant Settings (time zone and date format; only the Owner changes them, help.webexconnect.io "Tenant
/// Settings") and Settings > Profile Settings (the calling teammate's own name and email notifications).
/// </summary>
public static class SettingsEndpoints
{
    public const string TenantSettingsPath = "/connect/v1/organization/{orgId}/tenant-settings";
    public const string ProfilePath = "/connect/v1/organization/{orgId}/profile";

    public static void MapConnectSettingsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(TenantSettingsPath, GetTenantSettings).RequireSandboxToken().WithErrorBodyStyle(ErrorBodyStyle.Problem)
            .RequireScope(Scopes.ConnectConfigRead).RequirePermission(ConnectPermissions.ReadConfiguration);
        app.MapMethods(TenantSettingsPath, [HttpMethods.Patch], PatchTenantSettingsAsync).RequireSandboxToken().WithErrorBodyStyle(ErrorBodyStyle.Problem)
            .RequireScope(Scopes.ConnectConfigWrite).RequirePermission(ConnectPermissions.ChangeTenantSettings);
        app.MapGet(ProfilePath, GetProfile).RequireSandboxToken().WithErrorBodyStyle(ErrorBodyStyle.Problem)
            .RequireScope(Scopes.ConnectConfigRead).RequirePermission(ConnectPermissions.ManageOwnProfile);
        app.MapMethods(ProfilePath, [HttpMethods.Patch], PatchProfileAsync).RequireSandboxToken().WithErrorBodyStyle(ErrorBodyStyle.Problem)
            .RequireScope(Scopes.ConnectConfigWrite).RequirePermission(ConnectPermissions.ManageOwnProfile);
    }

    private static TenantSettingsResource Resource(TenantSettings s, TimeProvider time) =>
        new(s.OrganizationId, s.TimeZone, TimeZones.UtcOffset(s.TimeZone, time.GetUtcNow()), s.DateFormat, s.Version, s.LastUpdatedTime);

    private static IResult GetTenantSettings(HttpContext context, SandboxDatabase database, TimeProvider time)
    {
        var caller = Caller.Of(context);
        var settings = database.Read(session => new SettingsRepository(session).GetTenantSettings(caller.OrganizationId));
        Preconditions.SetEntityTag(context.Response, settings.Version);
        return SandboxJson.Ok(Resource(settings, time));
    }

    /// <summary>Merge patch of timeZone and dateFormat; each refused value is named with what is allowed.</summary>
    private static async Task<IResult> PatchTenantSettingsAsync(HttpContext context, SandboxDatabase database, TimeProvider time)
    {
        var caller = Caller.Of(context);
        var body = await JsonBody.ReadObjectAsync(context.Request);
        string? timeZone = null, dateFormat = null;
        if (body.Has("timeZone"))
        {
            var text = body.RequiredString("timeZone");
            timeZone = TimeZones.Resolve(text) ?? throw ApiError.BadRequest(ErrorKeys.TenantSettingsUnknownTimeZone,
                $"The time zone '{text}' is not one the portal offers: give an IANA id such as 'Europe/London', 'America/New_York' or 'Asia/Kolkata', or a Windows id such as 'GMT Standard Time'.").About(text).ToException();
        }
        if (body.Has("dateFormat"))
        {
            var text = body.RequiredString("dateFormat");
            dateFormat = ConnectTenantSettingValues.NormalizeDateFormat(text)
                ?? throw ApiError.BadRequest(ErrorKeys.TenantSettingsUnknownDateFormat, ConnectTenantSettingValues.DateFormatProblem(text)!).About(text).ToException();
        }
        var settings = database.Write(session =>
        {
            var repository = new SettingsRepository(session);
            var current = repository.GetTenantSettings(caller.OrganizationId);
            Preconditions.CheckIfMatch(context.Request, current.Version, "the tenant settings");
            var updated = current with { TimeZone = timeZone ?? current.TimeZone, DateFormat = dateFormat ?? current.DateFormat };
            if (updated == current) return current;
            updated = updated with { Version = current.Version + 1, LastUpdatedTime = Timestamps.Format(time.GetUtcNow()) };
            repository.SaveTenantSettings(updated);
            return updated;
        });
        Preconditions.SetEntityTag(context.Response, settings.Version);
        return SandboxJson.Ok(Resource(settings, time));
    }

    private static ProfileResource Profile(SandboxUser user, IReadOnlySet<string> off) =>
        new(user.Id, user.OrganizationId, user.Email, user.DisplayName, user.Role.ToString(), user.DecryptLogs, user.Container.Level,
            ConnectProfileNotifications.All.ToDictionary(n => n, n => !off.Contains(n)));

    private static IResult GetProfile(HttpContext context, SandboxDatabase database)
    {
        var caller = Caller.Of(context);
        var profile = database.Read(session =>
        {
            var user = Me(new UserRepository(session), caller);
            return Profile(user, new SettingsRepository(session).NotificationsOff(caller.OrganizationId, user.Id));
        });
        return SandboxJson.Ok(profile);
    }

    /// <summary>Merge patch of name and notifications ({"RuleExpiry": false, …}); the email, role and Decrypt Logs are not the teammate's to change.</summary>
    private static async Task<IResult> PatchProfileAsync(HttpContext context, SandboxDatabase database)
    {
        var caller = Caller.Of(context);
        var body = await JsonBody.ReadObjectAsync(context.Request);
        foreach (var field in new[] { "email", "role", "decryptLogs" })
            if (body.Has(field))
                throw ApiError.BadRequest(ErrorKeys.InvalidField, $"The field '{field}' is not changed in Profile Settings; whoever manages teammates changes it (Set-ConnectTeammate).").ToException();
        var name = body.Has("name") ? TeammateRules.ValidName("name", body.RequiredString("name")) : null;
        var switches = new Dictionary<string, bool>(StringComparer.Ordinal);
        if (body.Raw("notifications") is { } raw && raw.ValueKind != JsonValueKind.Null)
        {
            if (raw.ValueKind != JsonValueKind.Object)
                throw ApiError.BadRequest(ErrorKeys.InvalidField, $"The field 'notifications' must be an object such as {{\"RuleExpiry\": false}}, not {raw.ValueKind.ToString().ToLowerInvariant()}.").ToException();
            foreach (var property in raw.EnumerateObject())
            {
                var notification = ConnectProfileNotifications.Normalize(property.Name)
                    ?? throw ApiError.BadRequest(ErrorKeys.InvalidField,
                        $"'{property.Name}' is not a notification of Profile Settings; use one of: {string.Join(", ", ConnectProfileNotifications.All)}.").About(property.Name).ToException();
                if (property.Value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                    throw ApiError.BadRequest(ErrorKeys.InvalidField, $"The notification '{notification}' must be true or false.").ToException();
                switches[notification] = property.Value.GetBoolean();
            }
        }
        var profile = database.Write(session =>
        {
            var users = new UserRepository(session);
            var settings = new SettingsRepository(session);
            var user = Me(users, caller);
            if (name is not null && name != user.DisplayName)
            {
                user = user with { DisplayName = name };
                users.Update(user);
            }
            var off = settings.NotificationsOff(caller.OrganizationId, user.Id).ToHashSet(StringComparer.Ordinal);
            if (switches.Count > 0)
            {
                foreach (var (notification, on) in switches)
                    if (on) off.Remove(notification); else off.Add(notification);
                settings.SaveNotificationsOff(caller.OrganizationId, user.Id, off);
            }
            return Profile(user, off);
        });
        return SandboxJson.Ok(profile);
    }

    private static SandboxUser Me(UserRepository users, Caller caller) =>
        users.Find(caller.OrganizationId, caller.UserId)
        ?? throw ApiError.NotFound(ErrorKeys.TeammateNotFound, $"The teammate '{caller.UserId}' that the token acts for no longer exists.").ToException();
}
