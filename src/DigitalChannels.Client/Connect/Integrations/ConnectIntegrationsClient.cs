using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using DigitalChannels.Client.Http;
using Newtonsoft.Json.Linq;

namespace DigitalChannels.Client.Connect.Integrations
{
    /// <summary>Assets > Integrations and their node authorizations over the sandbox's Connect administration API (portal-only on Webex).</summary>
    public sealed class ConnectIntegrationsClient
    {
        public const string IntegrationsPage = "Webex Connect portal > Assets > Integrations";
        private readonly DigitalChannelsConnection _connection;

        internal ConnectIntegrationsClient(DigitalChannelsConnection connection)
        {
            _connection = connection;
        }

        private WebexHttpPipeline Http => _connection.Pipeline;

        public void RequireApi(string operation, string portalPage) => _connection.RequireConnectAdministration(operation, portalPage);

        private Uri Integrations(string path, string operation, string portalPage) =>
            new Uri(_connection.RequireConnectAdministration(operation, portalPage), $"organization/{Uri.EscapeDataString(_connection.OrganizationId)}/integrations{path}");

        public async Task<IReadOnlyList<ConnectIntegration>> ListAsync(CancellationToken cancellationToken)
        {
            var list = await Http.SendAsync<PagedList<ConnectIntegration>>(HttpMethod.Get, Integrations("", "Listing Connect integrations", IntegrationsPage), null, cancellationToken);
            return list?.Data ?? new List<ConnectIntegration>();
        }

        /// <summary>Manage > Node Authorizations > Add Authorization > Authorize. The integration comes back, Authorized.</summary>
        public Task<ConnectIntegration> AddAuthorizationAsync(string integrationId, string name, bool? isDefault, string account, CancellationToken cancellationToken)
        {
            var body = new JObject { ["name"] = name, ["authType"] = "oauth2" };
            if (isDefault.HasValue) body["isDefault"] = isDefault.Value;
            if (account != null) body["account"] = account;
            return Http.SendAsync<ConnectIntegration>(HttpMethod.Post,
                Integrations("/" + Uri.EscapeDataString(integrationId) + "/authorizations", "Adding a node authorization", IntegrationsPage + " > (integration) > Manage > Node Authorizations > Add Authorization"),
                body.ToString(Newtonsoft.Json.Formatting.None), cancellationToken);
        }
    }
}
