using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json;

namespace DigitalChannels.Client.Connect.Settings
{
    /// <summary>
    /// Settings > Tenant Settings of the Connect portal: the tenant's time zone and date format, which every teammate's
    /// portal, the debug logs and delivery receipts use (lab 12.2 "8. Settings": verify them). Only the Owner changes them.
    /// </summary>
    public sealed class ConnectTenantSetting
    {
        [JsonProperty("organizationId")] public string OrganizationId { get; set; }

        /// <summary>An IANA time zone id, e.g. Europe/London (a Windows id given to Set- is stored as its IANA id).</summary>
        [JsonProperty("timeZone")] public string TimeZone { get; set; }

        /// <summary>The zone's offset from UTC now (daylight saving applied), e.g. +01:00.</summary>
        [JsonProperty("utcOffset")] public string UtcOffset { get; set; }

        /// <summary>One of <see cref="ConnectTenantSettingValues.DateFormats"/>.</summary>
        [JsonProperty("dateFormat")] public string DateFormat { get; set; }

        [JsonProperty("version")] public int Version { get; set; }
        [JsonProperty("lastUpdatedTime")] public DateTimeOffset? LastUpdatedTime { get; set; }

        public override string ToString() => $"{TimeZone} (UTC{UtcOffset}), {DateFormat}";
    }

    /// <summary>The values Tenant Settings offers, shared by the client's checks and the sandbox.</summary>
    public static class ConnectTenantSettingValues
    {
        /// <summary>The platform's default, and the only format its documentation names (help.webexconnect.io "Tenant Settings").</summary>
        public const string DefaultDateFormat = "YYYY-MM-DD HH:mm:ss";

        /// <summary>A new tenant's time zone in the sandbox.</summary>
        public const string DefaultTimeZone = "UTC";

        /// <summary>The date formats offered, the default first; every one is 24-hour, as the portal's are.</summary>
        public static IReadOnlyList<string> DateFormats { get; } = new[]
        {
            DefaultDateFormat, "DD-MM-YYYY HH:mm:ss", "MM-DD-YYYY HH:mm:ss", "DD/MM/YYYY HH:mm:ss", "MM/DD/YYYY HH:mm:ss", "YYYY/MM/DD HH:mm:ss",
        };

        /// <summary>The format as the portal spells it (the letters' case matters: MM is the month, mm the minutes), or null.</summary>
        public static string NormalizeDateFormat(string format) =>
            format == null ? null : DateFormats.FirstOrDefault(f => string.Equals(f, format.Trim(), StringComparison.Ordinal));

        public static string DateFormatProblem(string format) =>
            NormalizeDateFormat(format) != null ? null
            : $"The date format '{format}' is not one the portal offers; use one of: {string.Join(", ", DateFormats.Select(f => "'" + f + "'"))}.";
    }

    /// <summary>Settings > Profile Settings: the signed-in teammate's own account details and email notifications.</summary>
    public sealed class ConnectProfile
    {
        [JsonProperty("id")] public string Id { get; set; }
        [JsonProperty("organizationId")] public string OrganizationId { get; set; }
        [JsonProperty("email")] public string Email { get; set; }
        [JsonProperty("name")] public string Name { get; set; }

        /// <summary>Owner, FullAccess, LimitedAccess, ReadOnly or Restricted: shown, changed only by whoever manages teammates.</summary>
        [JsonProperty("role")] public string Role { get; set; }

        [JsonProperty("decryptLogs")] public bool DecryptLogs { get; set; }

        /// <summary>Tenant, Group or Team.</summary>
        [JsonProperty("containerLevel")] public string ContainerLevel { get; set; }

        /// <summary>The email notifications the teammate receives, by name (<see cref="ConnectProfileNotifications.All"/>).</summary>
        [JsonProperty("notifications")] public Dictionary<string, bool> Notifications { get; set; } = new Dictionary<string, bool>();

        /// <summary>The names of the notifications that are on, for display.</summary>
        [JsonIgnore]
        public string NotificationsOn => string.Join(", ", ConnectProfileNotifications.All.Where(n => Notifications != null && Notifications.TryGetValue(n, out var on) && on));

        public override string ToString() => Email;
    }

    /// <summary>The email notifications of Profile Settings (help.webexconnect.io "Profile Settings").</summary>
    public static class ConnectProfileNotifications
    {
        public const string ProfileKeyRegenerated = "ProfileKeyRegenerated";
        public const string ServiceKeyUpdates = "ServiceKeyUpdates";
        public const string RuleExpiry = "RuleExpiry";
        public const string ServiceStatusUpdate = "ServiceStatusUpdate";

        public static IReadOnlyList<string> All { get; } = new[] { ProfileKeyRegenerated, ServiceKeyUpdates, RuleExpiry, ServiceStatusUpdate };

        public static string Normalize(string name) => name == null ? null : All.FirstOrDefault(n => string.Equals(n, name.Trim(), StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>What Set-ConnectProfile changes: the name, and notifications switched on or off; null or empty leaves them.</summary>
    public sealed class ConnectProfileChanges
    {
        public string Name { get; set; }
        public IReadOnlyList<string> Enable { get; set; } = Array.Empty<string>();
        public IReadOnlyList<string> Disable { get; set; } = Array.Empty<string>();

        public bool IsEmpty => Name == null && (Enable == null || Enable.Count == 0) && (Disable == null || Disable.Count == 0);

        public string Describe()
        {
            var parts = new List<string>();
            if (Name != null) parts.Add($"set the name to '{Name}'");
            if (Enable?.Count > 0) parts.Add($"turn on {string.Join(", ", Enable)}");
            if (Disable?.Count > 0) parts.Add($"turn off {string.Join(", ", Disable)}");
            return string.Join(", ", parts);
        }
    }
}
