using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using DigitalChannels.Client.Http;
using Newtonsoft.Json.Linq;

namespace DigitalChannels.Client.Connect.Flows
{
    /// <summary>
    /// Flows and rules of a Connect service over the sandbox's Connect administration API. Webex has no public API for
    /// them (platform facts §3.2), so against a live tenant every call stops with the portal page to use.
    /// </summary>
    public sealed class ConnectFlowsClient
    {
        private readonly DigitalChannelsConnection _connection;

        internal ConnectFlowsClient(DigitalChannelsConnection connection)
        {
            _connection = connection;
        }

        private WebexHttpPipeline Http => _connection.Pipeline;

        /// <summary>The portal page of a service's flows, for NoPublicApi messages.</summary>
        public static string FlowsPage(string service) => $"Webex Connect portal > Services > {service} > FLOWS";

        public static string RulesPage(string service) => $"Webex Connect portal > Services > {service} > RULES";

        /// <summary>Throws NoPublicApiException naming <paramref name="portalPage"/> when the tenant has no API for this.</summary>
        public void RequireApi(string operation, string portalPage) => _connection.RequireConnectAdministration(operation, portalPage);

        private Uri Service(string serviceId, string path, string operation, string portalPage) =>
            new Uri(_connection.RequireConnectAdministration(operation, portalPage),
                $"organization/{Uri.EscapeDataString(_connection.OrganizationId)}/services/{Uri.EscapeDataString(serviceId)}/{path}");

        /// <summary>Every flow of the service, or the one named <paramref name="name"/> (case-insensitive).</summary>
        public IAsyncEnumerable<ConnectFlow> ListAsync(string serviceId, string name = null, CancellationToken cancellationToken = default(CancellationToken))
        {
            var query = name == null ? null : new[] { new KeyValuePair<string, string>("name", name) };
            return Http.StreamAsync<ConnectFlow>(Service(serviceId, "flows", "Listing Connect flows", FlowsPage(serviceId)), query, ConnectServicesClient.MaxPageSize, cancellationToken);
        }

        public async Task<ConnectFlow> GetAsync(string serviceId, string flowId, CancellationToken cancellationToken)
        {
            try
            {
                return await Http.SendAsync<ConnectFlow>(HttpMethod.Get, Service(serviceId, "flows/" + Uri.EscapeDataString(flowId), "Reading a Connect flow", FlowsPage(serviceId)), null, cancellationToken);
            }
            catch (WebexApiException ex) when (ex.StatusCode == 404 && ex.ErrorKey == "flow.not_found")
            {
                return null;
            }
        }

        public async Task<ConnectFlow> FindByNameAsync(string serviceId, string name, CancellationToken cancellationToken)
        {
            var uri = Service(serviceId, "flows", "Finding a Connect flow", FlowsPage(serviceId));
            var page = await Http.GetPageAsync<ConnectFlow>(uri, new[] { new KeyValuePair<string, string>("name", name) }, 0, 1, cancellationToken);
            return page?.Data?.FirstOrDefault();
        }

        /// <summary>
        /// A version's payload as uploaded (the flow's Download in the portal): the content of its .workflow file, hex digits.
        /// </summary>
        public async Task<ConnectFlowPayload> GetPayloadAsync(string serviceId, string flowId, int version, CancellationToken cancellationToken)
        {
            var uri = Service(serviceId, $"flows/{Uri.EscapeDataString(flowId)}/versions/{version}/payload", "Downloading a Connect flow", FlowsPage(serviceId) + " > (flow) > Download");
            return await Http.SendAsync<ConnectFlowPayload>(HttpMethod.Get, uri, null, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Create Flow > Work Flow > New Flow: an empty flow of this kind.</summary>
        public Task<ConnectFlow> CreateAsync(string serviceId, string name, ConnectFlowKind kind, CancellationToken cancellationToken) =>
            Http.SendAsync<ConnectFlow>(HttpMethod.Post, Service(serviceId, "flows", "Creating a Connect flow", FlowsPage(serviceId) + " > CREATE FLOW"),
                new { name, kind = kind.ToString(), type = "WorkFlow", method = "NewFlow" }, cancellationToken);

        /// <summary>Upload a flow: a new flow, a new version of the flow of that name, or nothing when the payload is unchanged (see ImportResult).</summary>
        public Task<ConnectFlow> ImportAsync(string serviceId, string name, ConnectFlowKind? kind, WorkflowFile file, CancellationToken cancellationToken)
        {
            if (file == null) throw new ArgumentNullException(nameof(file));
            var body = new JObject { ["name"] = name, ["fileName"] = file.FileName, ["payload"] = file.Payload };
            if (kind.HasValue) body["kind"] = kind.Value.ToString();
            return Http.SendAsync<ConnectFlow>(HttpMethod.Post, Service(serviceId, "flows/import", "Importing a Connect flow", FlowsPage(serviceId) + " > CREATE FLOW > Upload a flow"),
                body.ToString(Newtonsoft.Json.Formatting.None), cancellationToken);
        }

        /// <summary>Save: the flow comes back with <see cref="ConnectFlow.Findings"/>, what is missing before Make Live.</summary>
        public Task<ConnectFlow> SaveAsync(string serviceId, string flowId, CancellationToken cancellationToken) =>
            Http.SendAsync<ConnectFlow>(HttpMethod.Post, Service(serviceId, $"flows/{Uri.EscapeDataString(flowId)}/save", "Saving a Connect flow", FlowsPage(serviceId) + " > (flow) > SAVE"),
                null, cancellationToken);

        /// <summary>Make Live, with the asset that triggers a channel flow and an optional comment; the flow is Publishing afterwards.</summary>
        public Task<ConnectFlow> PublishAsync(string serviceId, string flowId, string assetId, string comment, CancellationToken cancellationToken)
        {
            var body = new JObject();
            if (assetId != null) body["assetId"] = assetId;
            if (comment != null) body["comment"] = comment;
            return Http.SendAsync<ConnectFlow>(HttpMethod.Post, Service(serviceId, $"flows/{Uri.EscapeDataString(flowId)}/publish", "Making a Connect flow live", FlowsPage(serviceId) + " > (flow) > MAKE LIVE"),
                body.ToString(Newtonsoft.Json.Formatting.None), cancellationToken);
        }

        public Task DeleteAsync(string serviceId, string flowId, CancellationToken cancellationToken) =>
            Http.SendAsync(HttpMethod.Delete, Service(serviceId, "flows/" + Uri.EscapeDataString(flowId), "Deleting a Connect flow", FlowsPage(serviceId) + " > (flow) > Delete"), null, cancellationToken);

        public async Task<IReadOnlyList<ConnectRule>> ListRulesAsync(string serviceId, CancellationToken cancellationToken)
        {
            var list = await Http.SendAsync<PagedList<ConnectRule>>(HttpMethod.Get, Service(serviceId, "rules", "Listing Connect rules", RulesPage(serviceId)), null, cancellationToken);
            return list?.Data ?? new List<ConnectRule>();
        }

        /// <summary>Makes the asset trigger the flow; the asset's previous rule, in any service, is replaced.</summary>
        public Task<ConnectRule> SetRuleAsync(string serviceId, string assetId, string flowId, CancellationToken cancellationToken) =>
            Http.SendAsync<ConnectRule>(HttpMethod.Put, Service(serviceId, "rules", "Setting a Connect rule", RulesPage(serviceId)), new { assetId, flowId }, cancellationToken);
    }
}
