using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using DigitalChannels.Client.Http;
using Newtonsoft.Json.Linq;

namespace DigitalChannels.Client.Connect.Settings
{
    /// <summary>
    /// The Connect portal's Settings pages that are not teammates: Tenant Settings and Profile Settings, over the
    /// sandbox's Connect administration API. No public API exists, so a live tenant gets NoPublicApi naming the page.
    /// </summary>
    public sealed class ConnectSettingsClient
    {
        public const string TenantSettingsPage = "Webex Connect portal > Settings > Tenant Settings";
        public const string ProfileSettingsPage = "Webex Connect portal > Settings > Profile Settings";

        private readonly DigitalChannelsConnection _connection;

        internal ConnectSettingsClient(DigitalChannelsConnection connection) => _connection = connection;

        private WebexHttpPipeline Http => _connection.Pipeline;

        private Uri Resource(string relative, string operation, string portalPage) =>
            new Uri(_connection.RequireConnectAdministration(operation, portalPage), $"organization/{Uri.EscapeDataString(_connection.OrganizationId)}/{relative}");

        public Task<ConnectTenantSetting> GetTenantSettingAsync(CancellationToken cancellationToken) =>
            Http.SendAsync<ConnectTenantSetting>(HttpMethod.Get, Resource("tenant-settings", "Reading the Connect tenant settings", TenantSettingsPage), null, cancellationToken);

        /// <summary>A merge patch: null leaves the value as it is. The server validates the time zone (IANA or Windows id).</summary>
        public Task<ConnectTenantSetting> SetTenantSettingAsync(string timeZone, string dateFormat, CancellationToken cancellationToken)
        {
            if (timeZone == null && dateFormat == null) throw new ArgumentException("No tenant setting to change was given.", nameof(timeZone));
            var uri = Resource("tenant-settings", "Changing the Connect tenant settings", TenantSettingsPage);
            var patch = new JObject();
            if (timeZone != null) patch["timeZone"] = timeZone;
            if (dateFormat != null) patch["dateFormat"] = dateFormat;
            return Http.SendAsync<ConnectTenantSetting>(new HttpMethod("PATCH"), uri, patch.ToString(Newtonsoft.Json.Formatting.None), cancellationToken);
        }

        /// <summary>The signed-in teammate's profile (the teammate the connection acts for).</summary>
        public Task<ConnectProfile> GetProfileAsync(CancellationToken cancellationToken) =>
            Http.SendAsync<ConnectProfile>(HttpMethod.Get, Resource("profile", "Reading the Connect profile", ProfileSettingsPage), null, cancellationToken);

        public Task<ConnectProfile> SetProfileAsync(ConnectProfileChanges changes, CancellationToken cancellationToken)
        {
            if (changes == null || changes.IsEmpty) throw new ArgumentException("No change to the profile was given.", nameof(changes));
            var uri = Resource("profile", "Changing the Connect profile", ProfileSettingsPage);
            var patch = new JObject();
            if (changes.Name != null) patch["name"] = changes.Name;
            var notifications = new JObject();
            foreach (var name in changes.Enable ?? Array.Empty<string>()) notifications[name] = true;
            foreach (var name in changes.Disable ?? Array.Empty<string>()) notifications[name] = false;
            if (notifications.Count > 0) patch["notifications"] = notifications;
            return Http.SendAsync<ConnectProfile>(new HttpMethod("PATCH"), uri, patch.ToString(Newtonsoft.Json.Formatting.None), cancellationToken);
        }
    }
}
