using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using DigitalChannels.Client.Http;
using Newtonsoft.Json.Linq;

namespace DigitalChannels.Client.Engage.Templates
{
    /// <summary>Engage templates (quick replies) over the sandbox's Engage API; against a live tenant every call names the portal page.</summary>
    public sealed class TemplatesClient
    {
        public const int MaxPageSize = 100;
        private readonly EngageClient _engage;

        internal TemplatesClient(EngageClient engage) => _engage = engage;

        private Uri Collection(string operation) => _engage.Organization("templates", operation, EngagePortalPages.Templates);

        private Uri Item(string id, string operation) => _engage.Organization("templates/" + Uri.EscapeDataString(id), operation, EngagePortalPages.Templates);

        /// <summary>Every template whose name contains <paramref name="search"/> and that is offered on <paramref name="channel"/> (null: any), page by page.</summary>
        public IAsyncEnumerable<EngageTemplate> ListAsync(string search = null, string channel = null, CancellationToken cancellationToken = default(CancellationToken))
        {
            var query = new List<KeyValuePair<string, string>>();
            if (!string.IsNullOrEmpty(search)) query.Add(new KeyValuePair<string, string>("search", search));
            if (!string.IsNullOrEmpty(channel)) query.Add(new KeyValuePair<string, string>("channel", EngageChannels.Normalize(channel)));
            return _engage.Http.StreamAsync<EngageTemplate>(Collection("Listing Engage templates"), query, MaxPageSize, cancellationToken);
        }

        /// <summary>
        /// The templates as an agent sees them in Customer Care → Settings → Manage → Template: the same store, read
        /// through the Customer Care route, optionally only those offered on one channel.
        /// </summary>
        public IAsyncEnumerable<EngageTemplate> ListCustomerCareAsync(string channel = null, CancellationToken cancellationToken = default(CancellationToken))
        {
            var uri = _engage.Organization("customer-care/templates", "Reading the Customer Care templates", EngagePortalPages.CustomerCareTemplates);
            var query = string.IsNullOrEmpty(channel) ? null : new[] { new KeyValuePair<string, string>("channel", EngageChannels.Normalize(channel)) };
            return _engage.Http.StreamAsync<EngageTemplate>(uri, query, MaxPageSize, cancellationToken);
        }

        public async Task<EngageTemplate> GetAsync(string id, CancellationToken cancellationToken)
        {
            try
            {
                return await _engage.Http.SendAsync<EngageTemplate>(HttpMethod.Get, Item(id, "Reading an Engage template"), null, cancellationToken);
            }
            catch (WebexApiException ex) when (ex.StatusCode == 404)
            {
                return null;
            }
        }

        /// <summary>The template with exactly this name (unique per tenant regardless of case), or null.</summary>
        public async Task<EngageTemplate> FindByNameAsync(string name, CancellationToken cancellationToken)
        {
            var page = await _engage.Http.GetPageAsync<EngageTemplate>(Collection("Finding an Engage template"),
                new[] { new KeyValuePair<string, string>("name", name) }, 0, MaxPageSize, cancellationToken);
            return page?.Data?.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
        }

        public Task<EngageTemplate> CreateAsync(string name, IReadOnlyList<string> channels, string text, string category, CancellationToken cancellationToken)
        {
            var body = new JObject { ["name"] = name, ["channels"] = new JArray((channels ?? Array.Empty<string>()).ToArray()), ["text"] = text };
            if (category != null) body["category"] = category;
            return _engage.Http.SendAsync<EngageTemplate>(HttpMethod.Post, Collection("Creating an Engage template"), body.ToString(Newtonsoft.Json.Formatting.None), cancellationToken);
        }

        /// <summary>A merge patch of the given changes; an empty category is sent as null, which clears it.</summary>
        public Task<EngageTemplate> UpdateAsync(string id, EngageTemplateChanges changes, CancellationToken cancellationToken)
        {
            if (changes == null || changes.IsEmpty) throw new ArgumentException("No change to an Engage template was given.", nameof(changes));
            var patch = new JObject();
            if (changes.Name != null) patch["name"] = changes.Name;
            if (changes.Channels != null) patch["channels"] = new JArray(changes.Channels.ToArray());
            if (changes.Text != null) patch["text"] = changes.Text;
            if (changes.Category != null) patch["category"] = changes.Category.Length == 0 ? JValue.CreateNull() : (JToken)changes.Category;
            return _engage.Http.SendAsync<EngageTemplate>(new HttpMethod("PATCH"), Item(id, "Changing an Engage template"), patch.ToString(Newtonsoft.Json.Formatting.None), cancellationToken);
        }

        public Task DeleteAsync(string id, CancellationToken cancellationToken) =>
            _engage.Http.SendAsync(HttpMethod.Delete, Item(id, "Deleting an Engage template"), null, cancellationToken);
    }
}
