using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using DigitalChannels.Client.Commands;
using DigitalChannels.Client.Http;
using Newtonsoft.Json;

namespace DigitalChannels.Client.ControlHub
{
    /// <summary>The tenant's RONA timeouts in seconds (Control Hub → Contact Center → Settings → Desktop → RONA Timeouts).</summary>
    public sealed class RonaTimeouts
    {
        public const int TelephonyMinimum = 1, TelephonyMaximum = 120, DigitalMinimum = 1, DigitalMaximum = 6000;

        [JsonProperty("telephony")] public int Telephony { get; set; }
        [JsonProperty("chat")] public int Chat { get; set; }
        [JsonProperty("email")] public int Email { get; set; }
        [JsonProperty("social")] public int Social { get; set; }

        /// <summary>Refuses a value outside the ranges of lab rule 45, naming the channel, the value and the range.</summary>
        public static void Validate(string channel, int seconds)
        {
            var telephony = string.Equals(channel, "Telephony", StringComparison.OrdinalIgnoreCase);
            var min = telephony ? TelephonyMinimum : DigitalMinimum;
            var max = telephony ? TelephonyMaximum : DigitalMaximum;
            if (seconds < min || seconds > max)
                throw new ArgumentOutOfRangeException(channel, seconds, $"The {channel} RONA timeout {seconds} s is out of range: it must be {min}–{max} seconds.");
        }

        public override string ToString() => $"Telephony {Telephony} s, Chat {Chat} s, Email {Email} s, Social {Social} s";
    }

    /// <summary>What Synchronize Users did: licensed people activated, unlicensed ones deactivated.</summary>
    public sealed class UserSynchronizationResult
    {
        [JsonProperty("activated")] public int Activated { get; set; }
        [JsonProperty("deactivated")] public int Deactivated { get; set; }
        [JsonProperty("unchanged")] public int Unchanged { get; set; }

        public override string ToString() => $"{Activated} activated, {Deactivated} deactivated, {Unchanged} unchanged";
    }

    /// <summary>
    /// Control Hub actions that Webex offers only in its portal (platform-facts §1.10, §3.2). The sandbox serves them
    /// under <c>/controlhub/v1/</c>; against a live tenant every call stops with NoPublicApiException naming the page.
    /// </summary>
    public sealed class ControlHubClient
    {
        public const string RonaTimeoutsPage = "Control Hub → Contact Center → Settings → Desktop → RONA Timeouts";
        public const string SynchronizeUsersPage = "Control Hub → Contact Center → Tenant settings → General → Synchronize Users";

        private readonly DigitalChannelsConnection _connection;

        internal ControlHubClient(DigitalChannelsConnection connection)
        {
            _connection = connection;
        }

        private WebexHttpPipeline Http => _connection.Pipeline;

        private Uri ContactCenterUrl(string relative, string operation, string portalPage)
        {
            var environment = _connection.Environment;
            if (!environment.IsSandbox) throw new NoPublicApiException(operation, portalPage);
            return new Uri(environment.ContactCenterBaseUri, $"controlhub/v1/organization/{Uri.EscapeDataString(_connection.OrganizationId)}/contact-center/{relative}");
        }

        public Task<RonaTimeouts> GetRonaTimeoutsAsync(CancellationToken cancellationToken) =>
            Http.SendAsync<RonaTimeouts>(HttpMethod.Get, ContactCenterUrl("rona-timeouts", "Reading the RONA timeouts", RonaTimeoutsPage), null, cancellationToken);

        /// <summary>PUT all four timeouts; each is checked against its range before anything is sent.</summary>
        public Task<RonaTimeouts> SetRonaTimeoutsAsync(RonaTimeouts timeouts, CancellationToken cancellationToken)
        {
            if (timeouts == null) throw new ArgumentNullException(nameof(timeouts));
            RonaTimeouts.Validate("Telephony", timeouts.Telephony);
            RonaTimeouts.Validate("Chat", timeouts.Chat);
            RonaTimeouts.Validate("Email", timeouts.Email);
            RonaTimeouts.Validate("Social", timeouts.Social);
            return Http.SendAsync<RonaTimeouts>(HttpMethod.Put, ContactCenterUrl("rona-timeouts", "Setting the RONA timeouts", RonaTimeoutsPage), timeouts, cancellationToken);
        }

        /// <summary>Synchronize Users: licensed people become Contact Center users; people without the licence are deactivated.</summary>
        public Task<UserSynchronizationResult> SynchronizeUsersAsync(CancellationToken cancellationToken) =>
            Http.SendAsync<UserSynchronizationResult>(HttpMethod.Post, ContactCenterUrl("synchronize-users", "Synchronize Users", SynchronizeUsersPage), null, cancellationToken);
    }
}
