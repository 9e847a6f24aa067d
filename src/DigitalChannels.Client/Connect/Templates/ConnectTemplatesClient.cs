using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using DigitalChannels.Client.Http;
using Newtonsoft.Json.Linq;

namespace DigitalChannels.Client.Connect.Templates
{
    /// <summary>
    /// Connect message templates over the sandbox's Connect administration API. Webex offers no public API for Tools >
    /// Templates, so against a live tenant every call stops with NoPublicApi naming the page.
    /// </summary>
    public sealed class ConnectTemplatesClient
    {
        public const int MaxPageSize = 100;
        public const string PortalPage = "Webex Connect portal > Tools > Templates";

        private readonly DigitalChannelsConnection _connection;

        internal ConnectTemplatesClient(DigitalChannelsConnection connection) => _connection = connection;

        private WebexHttpPipeline Http => _connection.Pipeline;

        private Uri Collection(string operation) =>
            new Uri(_connection.RequireConnectAdministration(operation, PortalPage), $"organization/{Uri.EscapeDataString(_connection.OrganizationId)}/templates");

        private Uri Item(string id, string operation) => new Uri(Collection(operation) + "/" + Uri.EscapeDataString(id));

        /// <summary>Every template whose name contains <paramref name="search"/> and that is for <paramref name="channel"/> (null: any), page by page.</summary>
        public IAsyncEnumerable<ConnectTemplate> ListAsync(string search = null, string channel = null, CancellationToken cancellationToken = default(CancellationToken))
        {
            var uri = Collection("Listing Connect templates");
            var query = new List<KeyValuePair<string, string>>();
            if (!string.IsNullOrEmpty(search)) query.Add(new KeyValuePair<string, string>("search", search));
            if (!string.IsNullOrEmpty(channel)) query.Add(new KeyValuePair<string, string>("channel", ConnectTemplateContent.NormalizeChannel(channel) ?? channel));
            return Http.StreamAsync<ConnectTemplate>(uri, query, MaxPageSize, cancellationToken);
        }

        /// <summary>The template with this id, or null.</summary>
        public async Task<ConnectTemplate> GetAsync(string id, CancellationToken cancellationToken)
        {
            try
            {
                return await Http.SendAsync<ConnectTemplate>(HttpMethod.Get, Item(id, "Reading a Connect template"), null, cancellationToken);
            }
            catch (WebexApiException ex) when (ex.StatusCode == 404)
            {
                return null;
            }
        }

        /// <summary>The template with exactly this name (unique per tenant regardless of case), or null.</summary>
        public async Task<ConnectTemplate> FindByNameAsync(string name, CancellationToken cancellationToken)
        {
            var page = await Http.GetPageAsync<ConnectTemplate>(Collection("Finding a Connect template"),
                new[] { new KeyValuePair<string, string>("name", name) }, 0, MaxPageSize, cancellationToken);
            return page?.Data?.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
        }

        public Task<ConnectTemplate> CreateAsync(string name, string channel, string contentType, string subject, string body, CancellationToken cancellationToken)
        {
            var payload = new JObject { ["name"] = name, ["channel"] = channel, ["body"] = body };
            if (contentType != null) payload["contentType"] = contentType;
            if (subject != null) payload["subject"] = subject;
            return Http.SendAsync<ConnectTemplate>(HttpMethod.Post, Collection("Creating a Connect template"), payload.ToString(Newtonsoft.Json.Formatting.None), cancellationToken);
        }

        /// <summary>A merge patch of the given changes.</summary>
        public Task<ConnectTemplate> UpdateAsync(string id, ConnectTemplateChanges changes, CancellationToken cancellationToken)
        {
            if (changes == null || changes.IsEmpty) throw new ArgumentException("No change to a Connect template was given.", nameof(changes));
            var patch = new JObject();
            if (changes.Name != null) patch["name"] = changes.Name;
            if (changes.ContentType != null) patch["contentType"] = changes.ContentType;
            if (changes.Subject != null) patch["subject"] = changes.Subject;
            if (changes.Body != null) patch["body"] = changes.Body;
            return Http.SendAsync<ConnectTemplate>(new HttpMethod("PATCH"), Item(id, "Changing a Connect template"), patch.ToString(Newtonsoft.Json.Formatting.None), cancellationToken);
        }

        public Task DeleteAsync(string id, CancellationToken cancellationToken) =>
            Http.SendAsync(HttpMethod.Delete, Item(id, "Deleting a Connect template"), null, cancellationToken);
    }
}
