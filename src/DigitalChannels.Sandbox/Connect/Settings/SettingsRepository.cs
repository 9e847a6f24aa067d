using DigitalChannels.Client.Connect.Settings;
using DigitalChannels.Sandbox.Storage;

namespace DigitalChannels.Sandbox.Connect.Settings;

public sealed record TenantSettings(string OrganizationId, string TimeZone, string DateFormat, long Version, string? LastUpdatedTime)
{
    /// <summary>A tenant that never changed its settings: the platform's defaults.</summary>
    public static TenantSettings Default(string organizationId) =>
        new(organizationId, ConnectTenantSettingValues.DefaultTimeZone, ConnectTenantSettingValues.DefaultDateFormat, 0, null);
}

/// <summary>Tenant settings per organization and the notifications a teammate turned off (none: every one is on).</summary>
public sealed class SettingsRepository
{
    private readonly DbSession session;

    public SettingsRepository(DbSession session) => this.session = session;

    public TenantSettings GetTenantSettings(string organizationId) =>
        session.QuerySingleOrDefault("SELECT organization_id, time_zone, date_format, version, last_updated_time FROM connect_tenant_settings WHERE organization_id = $org;",
            r => new TenantSettings(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt64(3), r.GetString(4)), ("$org", organizationId))
        ?? TenantSettings.Default(organizationId);

    public void SaveTenantSettings(TenantSettings settings) =>
        session.Execute("""
            INSERT INTO connect_tenant_settings (organization_id, time_zone, date_format, version, last_updated_time) VALUES ($org, $zone, $format, $version, $updated)
            ON CONFLICT (organization_id) DO UPDATE SET time_zone = $zone, date_format = $format, version = $version, last_updated_time = $updated;
            """, ("$org", settings.OrganizationId), ("$zone", settings.TimeZone), ("$format", settings.DateFormat), ("$version", settings.Version),
            ("$updated", settings.LastUpdatedTime));

    public IReadOnlySet<string> NotificationsOff(string organizationId, string userId)
    {
        var text = session.QuerySingleOrDefault("SELECT notifications_off FROM connect_profile_settings WHERE organization_id = $org AND user_id = $user;",
            r => r.GetString(0), ("$org", organizationId), ("$user", userId));
        return (text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
    }

    public void SaveNotificationsOff(string organizationId, string userId, IEnumerable<string> off) =>
        session.Execute("""
            INSERT INTO connect_profile_settings (organization_id, user_id, notifications_off) VALUES ($org, $user, $off)
            ON CONFLICT (organization_id, user_id) DO UPDATE SET notifications_off = $off;
            """, ("$org", organizationId), ("$user", userId), ("$off", string.Join(' ', off.Order(StringComparer.Ordinal))));
}
