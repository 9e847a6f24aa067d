using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using DigitalChannels.Client.Http;
using Newtonsoft.Json.Linq;

namespace DigitalChannels.Client.Connect
{
    /// <summary>
    /// Connect services over the sandbox's Connect administration API. Webex offers no public API for them, so
    /// against a live tenant every call stops with the portal page to use.
    /// </summary>
    public sealed class ConnectServicesClient
    {
        /// <summary>The most the server returns in one page; larger requests are clamped by it anyway.</summary>
        public const int MaxPageSize = 100;

        private const string PortalServices = "Webex Connect portal > Services";
        private readonly DigitalChannelsConnection _connection;

        internal ConnectServicesClient(DigitalChannelsConnection connection)
        {
            _connection = connection;
        }

        private WebexHttpPipeline Http => _connection.Pipeline;

        private Uri Collection(string operation, string portalPage) =>
            new Uri(_connection.RequireConnectAdministration(operation, portalPage), $"organization/{Uri.EscapeDataString(_connection.OrganizationId)}/services");

        private Uri Item(string id, string operation, string portalPage, string suffix = "") =>
            new Uri(Collection(operation, portalPage) + "/" + Uri.EscapeDataString(id) + suffix);

        /// <summary>Every service whose name contains <paramref name="search"/> (all when null), streamed page by page.</summary>
        public IAsyncEnumerable<ConnectService> ListAsync(string search = null, int pageSize = MaxPageSize, CancellationToken cancellationToken = default(CancellationToken))
        {
            if (pageSize < 1) throw new ArgumentOutOfRangeException(nameof(pageSize), pageSize, $"The page size {pageSize} is below 1.");
            var uri = Collection("Listing Connect services", PortalServices);
            var query = string.IsNullOrEmpty(search) ? null : new[] { new KeyValuePair<string, string>("search", search) };
            return Http.StreamAsync<ConnectService>(uri, query, Math.Min(pageSize, MaxPageSize), cancellationToken);
        }

        /// <summary>The service with this id, or null.</summary>
        public async Task<ConnectService> GetAsync(string id, CancellationToken cancellationToken)
        {
            try
            {
                return await Http.SendAsync<ConnectService>(HttpMethod.Get, Item(id, "Reading a Connect service", PortalServices), null, cancellationToken);
            }
            catch (WebexApiException ex) when (ex.StatusCode == 404)
            {
                return null;
            }
        }

        /// <summary>The service with exactly this name (names are unique per tenant, case-insensitive), or null.</summary>
        public async Task<ConnectService> FindByNameAsync(string name, CancellationToken cancellationToken)
        {
            var uri = Collection("Finding a Connect service", PortalServices);
            var page = await Http.GetPageAsync<ConnectService>(uri, new[] { new KeyValuePair<string, string>("name", name) }, 0, MaxPageSize, cancellationToken);
            return page?.Data?.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
        }

        public Task<ConnectService> CreateAsync(string name, string description, CancellationToken cancellationToken)
        {
            var uri = Collection("Creating a Connect service", PortalServices + " > CREATE NEW SERVICE");
            return Http.SendAsync<ConnectService>(HttpMethod.Post, uri, new { name, description }, cancellationToken);
        }

        /// <summary>Applies the changes as a merge patch; unlocking comes first on the server, so unlock-and-rename is one call.</summary>
        public Task<ConnectService> UpdateAsync(string id, ConnectServiceChanges changes, CancellationToken cancellationToken)
        {
            if (changes == null || changes.IsEmpty) throw new ArgumentException("No change to a Connect service was given.", nameof(changes));
            var patch = new JObject();
            if (changes.Name != null) patch["name"] = changes.Name;
            if (changes.Description != null) patch["description"] = changes.Description;
            if (changes.Locked.HasValue) patch["locked"] = changes.Locked.Value;
            var uri = Item(id, "Changing a Connect service", PortalServices + " > (service) > SETTINGS");
            return Http.SendAsync<ConnectService>(new HttpMethod("PATCH"), uri, patch.ToString(Newtonsoft.Json.Formatting.None), cancellationToken);
        }

        public Task DeleteAsync(string id, CancellationToken cancellationToken) =>
            Http.SendAsync(HttpMethod.Delete, Item(id, "Deleting a Connect service", PortalServices + " > (service) > SETTINGS > Delete"), null, cancellationToken);

        /// <summary>The Service Secret of the API tab. The value is registered with the redactor, so it never reaches a log.</summary>
        public async Task<string> GetSecretAsync(string id, CancellationToken cancellationToken)
        {
            var uri = Item(id, "Reading a Connect service's secret", PortalServices + " > (service) > API", "/credentials");
            var credentials = await Http.SendAsync<ConnectServiceCredentials>(HttpMethod.Get, uri, null, cancellationToken);
            Http.Redactor.Add(credentials?.ServiceSecret);
            return credentials?.ServiceSecret;
        }
    }
}
