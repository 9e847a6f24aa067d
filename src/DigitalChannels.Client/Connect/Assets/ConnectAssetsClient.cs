using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using DigitalChannels.Client.Connect.Flows;
using DigitalChannels.Client.Http;

namespace DigitalChannels.Client.Connect.Assets
{
    /// <summary>
    /// Assets > Numbers and Apps. Apps are created through Webex Connect's public Digital Channel Onboarding API (live and
    /// sandbox); listing and deleting use the sandbox's Connect administration API, as no public Webex API does them.
    /// </summary>
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

        public const string CreateOperation = "Creating a Connect app";
        public const string CreatePage = AppsPage + " > Configure New App";

        /// <summary>
        /// Stops with NoPublicApi before anything is asked when no API can create an app of <paramref name="channel"/> here:
        /// the Onboarding API covers every channel it names (live and sandbox alike); the others only the sandbox's own route.
        /// </summary>
        public void RequireCreateApi(ConnectChannel channel)
        {
            if (ConnectChannels.OnboardingChannel(channel) == null) _connection.RequireConnectAdministration(CreateOperation, CreatePage);
        }

        /// <summary>
        /// Creates an app through the Digital Channel Onboarding API (<c>POST v2/digital/app?channel=…</c> with
        /// <c>x-organization-id</c>): the same call on a live region and on the sandbox, only the host differs. A channel
        /// that API cannot create (Apple Messages for Business) goes to the sandbox's Assets route, or stops with NoPublicApi.
        /// </summary>
        public Task<ConnectAsset> CreateAppAsync(string name, ConnectChannel channel, CancellationToken cancellationToken)
        {
            var onboarding = ConnectChannels.OnboardingChannel(channel);
            if (onboarding == null)
                return Http.SendAsync<ConnectAsset>(HttpMethod.Post, Assets("/apps", CreateOperation, CreatePage),
                    new { name, channel = channel.ToString() }, cancellationToken);
            var body = new Dictionary<string, string> { ["name"] = name };
            // Live Chat and In-App Messaging share channel=app; the body says which.
            if (onboarding == "app") body["appType"] = channel.ToString();
            var uri = WebexHttpPipeline.WithQuery(new Uri(_connection.Environment.OnboardingBaseUri, "v2/digital/app"),
                new[] { new KeyValuePair<string, string>("channel", onboarding) });
            return Http.SendAsync<ConnectAsset>(HttpMethod.Post, uri, body, OrganizationHeader, cancellationToken);
        }

        /// <summary>
        /// The Onboarding API's <c>channel</c> value that reads and updates an app of <paramref name="channel"/>: the create
        /// values, plus Apple Messages for Business and Google Business Messages, which it updates but cannot create. SMS has
        /// numbers (Cisco's, read-only), so null.
        /// </summary>
        public static string UpdateChannel(ConnectChannel channel)
        {
            switch (channel)
            {
                case ConnectChannel.AppleMessagesForBusiness: return "applebusinesschat";
                case ConnectChannel.GoogleBusinessMessages: return "gbm";
                default: return ConnectChannels.OnboardingChannel(channel);
            }
        }

        /// <summary>
        /// Renames an app through the Digital Channel Onboarding API (<c>PUT v2/digital/app/{appId}?channel=…</c> with
        /// <c>x-organization-id</c>): the same call on a live region and on the sandbox, only the host differs.
        /// </summary>
        public Task<ConnectAsset> UpdateAppAsync(string appId, ConnectChannel channel, string name, CancellationToken cancellationToken)
        {
            var query = UpdateChannel(channel) ?? throw new ArgumentException($"{channel} has no apps to change: SMS numbers are provided by Cisco and read-only.", nameof(channel));
            var uri = WebexHttpPipeline.WithQuery(new Uri(_connection.Environment.OnboardingBaseUri, "v2/digital/app/" + Uri.EscapeDataString(appId)),
                new[] { new KeyValuePair<string, string>("channel", query) });
            return Http.SendAsync<ConnectAsset>(HttpMethod.Put, uri, new Dictionary<string, string> { ["name"] = name }, OrganizationHeader, cancellationToken);
        }

        /// <summary>The Onboarding API's tenant header: the organization is not in its paths.</summary>
        private IReadOnlyDictionary<string, string> OrganizationHeader =>
            new Dictionary<string, string> { ["x-organization-id"] = _connection.OrganizationId };

        public Task DeleteAsync(string assetId, CancellationToken cancellationToken) =>
            Http.SendAsync(HttpMethod.Delete, Assets("/" + Uri.EscapeDataString(assetId), "Deleting a Connect app", AppsPage + " > (app) > Delete"), null, cancellationToken);
    }
}
