using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using DigitalChannels.Client.Commands;

namespace DigitalChannels.Client.Connect.Settings
{
    /// <summary>What Get/Set-ConnectTenantSetting and Get/Set-ConnectProfile do; the cmdlets bind parameters and call these.</summary>
    public static class ConnectSettingCommands
    {
        public const string TenantSettingNoun = "ConnectTenantSetting";
        public const string ProfileNoun = "ConnectProfile";

        public static async Task GetTenantSettingAsync(ICommandHost host, DigitalChannelsConnection connection) =>
            host.WriteObject(await connection.ConnectSettings.GetTenantSettingAsync(host.CancellationToken));

        /// <summary>
        /// The date format is checked here (the list is fixed); the time zone by the server, which knows the time zone
        /// database (an IANA id, or a Windows id that it stores as its IANA id). Only the tenant's Owner may change them.
        /// </summary>
        public static async Task SetTenantSettingAsync(ICommandHost host, DigitalChannelsConnection connection, string timeZone, string dateFormat, bool passThru)
        {
            if (timeZone == null && dateFormat == null) throw new ArgumentException("Nothing to change: give -TimeZone or -DateFormat.", nameof(timeZone));
            if (timeZone != null && string.IsNullOrWhiteSpace(timeZone)) throw new ArgumentException("The time zone is empty.", nameof(timeZone));
            if (dateFormat != null)
            {
                var problem = ConnectTenantSettingValues.DateFormatProblem(dateFormat);
                if (problem != null) throw new ArgumentException(problem, nameof(dateFormat));
                dateFormat = ConnectTenantSettingValues.NormalizeDateFormat(dateFormat);
            }
            var parts = new List<string>();
            if (timeZone != null) parts.Add($"Set the time zone to '{timeZone.Trim()}'");
            if (dateFormat != null) parts.Add($"{(parts.Count == 0 ? "Set" : "set")} the date format to '{dateFormat}'");
            if (!host.ShouldProcess($"Connect tenant settings of organization {connection.OrganizationId}", string.Join(", ", parts))) return;
            var updated = await connection.ConnectSettings.SetTenantSettingAsync(timeZone?.Trim(), dateFormat, host.CancellationToken);
            host.WriteVerbose($"Tenant settings are now: time zone {updated.TimeZone} (UTC{updated.UtcOffset}), date format {updated.DateFormat}.");
            if (passThru) host.WriteObject(updated);
        }

        public static async Task GetProfileAsync(ICommandHost host, DigitalChannelsConnection connection) =>
            host.WriteObject(await connection.ConnectSettings.GetProfileAsync(host.CancellationToken));

        public static async Task SetProfileAsync(ICommandHost host, DigitalChannelsConnection connection, ConnectProfileChanges changes, bool passThru)
        {
            if (changes == null || changes.IsEmpty) throw new ArgumentException("Nothing to change: give -Name, -EnableNotification or -DisableNotification.", nameof(changes));
            if (changes.Name != null && string.IsNullOrWhiteSpace(changes.Name)) throw new ArgumentException("The name is empty.", nameof(changes));
            changes.Enable = Notifications(changes.Enable, "EnableNotification");
            changes.Disable = Notifications(changes.Disable, "DisableNotification");
            var both = changes.Enable.Intersect(changes.Disable, StringComparer.Ordinal).ToList();
            if (both.Count > 0) throw new ArgumentException($"The notification '{both[0]}' is both enabled and disabled; give it to one of -EnableNotification and -DisableNotification.", "DisableNotification");
            if (changes.Name != null) changes.Name = changes.Name.Trim();
            var profile = await connection.ConnectSettings.GetProfileAsync(host.CancellationToken);
            var describe = changes.Describe();
            if (!host.ShouldProcess($"Connect profile of {profile.Email}", char.ToUpperInvariant(describe[0]) + describe.Substring(1))) return;
            var updated = await connection.ConnectSettings.SetProfileAsync(changes, host.CancellationToken);
            host.WriteVerbose($"Changed the Connect profile of {updated.Email}: {describe}.");
            if (passThru) host.WriteObject(updated);
        }

        private static List<string> Notifications(IEnumerable<string> names, string parameter) =>
            (names ?? Enumerable.Empty<string>()).Select(n => ConnectProfileNotifications.Normalize(n)
                ?? throw new ArgumentException($"'{n}' is not a notification of Profile Settings; use one of: {string.Join(", ", ConnectProfileNotifications.All)}.", parameter))
            .Distinct(StringComparer.Ordinal).ToList();
    }
}
