using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using DigitalChannels.Client.Http;
using Newtonsoft.Json.Linq;

namespace DigitalChannels.Client.Connect.Scheduler
{
    /// <summary>
    /// App Tray > Event Scheduler over the sandbox's Connect administration API. Webex has no public API for it, so against
    /// a live tenant every call stops with NoPublicApi naming the portal page.
    /// </summary>
    public sealed class ConnectSchedulerClient
    {
        public const string SchedulerPage = "Webex Connect portal > App Tray > Event Scheduler";
        private readonly DigitalChannelsConnection _connection;

        internal ConnectSchedulerClient(DigitalChannelsConnection connection)
        {
            _connection = connection;
        }

        private WebexHttpPipeline Http => _connection.Pipeline;

        public void RequireApi(string operation) => _connection.RequireConnectAdministration(operation, SchedulerPage);

        private Uri Events(string path, string operation) =>
            new Uri(_connection.RequireConnectAdministration(operation, SchedulerPage),
                $"organization/{Uri.EscapeDataString(_connection.OrganizationId)}/scheduled-events{path}");

        public async Task<IReadOnlyList<ConnectScheduledEvent>> ListAsync(CancellationToken cancellationToken)
        {
            var list = await Http.SendAsync<PagedList<ConnectScheduledEvent>>(HttpMethod.Get, Events("", "Listing scheduled events"), null, cancellationToken);
            return list?.Data ?? new List<ConnectScheduledEvent>();
        }

        public async Task<ConnectScheduledEvent> GetAsync(string eventId, CancellationToken cancellationToken)
        {
            try
            {
                return await Http.SendAsync<ConnectScheduledEvent>(HttpMethod.Get, Events("/" + Uri.EscapeDataString(eventId), "Reading a scheduled event"), null, cancellationToken);
            }
            catch (WebexApiException ex) when (ex.StatusCode == 404 && ex.ErrorKey == "scheduled_event.not_found")
            {
                return null;
            }
        }

        /// <summary>The fields of a new event, or the changed fields of an existing one (JSON merge patch).</summary>
        public Task<ConnectScheduledEvent> CreateAsync(JObject body, CancellationToken cancellationToken) =>
            Http.SendAsync<ConnectScheduledEvent>(HttpMethod.Post, Events("", "Scheduling an event"), body.ToString(Newtonsoft.Json.Formatting.None), cancellationToken);

        public Task<ConnectScheduledEvent> UpdateAsync(string eventId, JObject changes, CancellationToken cancellationToken) =>
            Http.SendAsync<ConnectScheduledEvent>(new HttpMethod("PATCH"), Events("/" + Uri.EscapeDataString(eventId), "Changing a scheduled event"),
                changes.ToString(Newtonsoft.Json.Formatting.None), cancellationToken);

        public Task DeleteAsync(string eventId, CancellationToken cancellationToken) =>
            Http.SendAsync(HttpMethod.Delete, Events("/" + Uri.EscapeDataString(eventId), "Removing a scheduled event"), null, cancellationToken);

        /// <summary>Times go out as UTC ISO 8601.</summary>
        public static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
    }
}
