using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using DigitalChannels.Client.Connect.Flows;
using DigitalChannels.Client.Http;

namespace DigitalChannels.Client.Connect.Assets
{
    /// <summary>Assets > Numbers and Apps over the sandbox's Connect administration API; no public Webex API for listing or deleting them.</summary>
    public sealed class ConnectAssetsClient
    {
        public const string NumbersPage = "Webex Connect portal > Assets > Numbers";
        public const string AppsPage = "Webex Connect portal > Assets > Apps";
        private readonly DigitalChannelsConnection _connection;

        internal ConnectAssetsClient(DigitalChannelsConnection connection)
        {
            _connection = connection;
        }

        private WebexHttpPipeline Http => _connection.Pipeline;

        public void RequireApi(string operation, string portalPage) => _connection.RequireConnectAdministration(operation, portalPage);

        private Uri Assets(string path, string operation, string portalPage) =>
            new Uri(_connection.RequireConnectAdministration(operation, portalPage), $"organization/{Uri.EscapeDataString(_connection.OrganizationId)}/assets{path}");

        /// <summary>Numbers, then apps; <paramref name="type"/> (Number or App) and <paramref name="channel"/> filter when given.</summary>
        public async Task<IReadOnlyList<ConnectAsset>> ListAsync(string type, ConnectChannel? channel, CancellationToken cancellationToken)
        {
            var query = new List<KeyValuePair<string, string>>();
            if (type != null) query.Add(new KeyValuePair<string, string>("type", type));
            if (channel.HasValue) query.Add(new KeyValuePair<string, string>("channel", channel.Value.ToString()));
            var uri = WebexHttpPipeline.WithQuery(Assets("", "Listing Connect assets", type == ConnectAsset.NumberType ? NumbersPage : AppsPage), query);
            var list = await Http.SendAsync<PagedList<ConnectAsset>>(HttpMethod.Get, uri, null, cancellationToken);
            return list?.Data ?? new List<ConnectAsset>();
        }

        public Task<ConnectAsset> CreateAppAsync(string name, ConnectChannel channel, CancellationToken cancellationToken) =>
            Http.SendAsync<ConnectAsset>(HttpMethod.Post, Assets("/apps", "Creating a Connect app", AppsPage + " > Configure New App"),
                new { name, channel = channel.ToString() }, cancellationToken);

        public Task DeleteAsync(string assetId, CancellationToken cancellationToken) =>
            Http.SendAsync(HttpMethod.Delete, Assets("/" + Uri.EscapeDataString(assetId), "Deleting a Connect app", AppsPage + " > (app) > Delete"), null, cancellationToken);
    }
}
