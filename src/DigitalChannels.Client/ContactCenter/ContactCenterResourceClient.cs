using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using DigitalChannels.Client.Http;

namespace DigitalChannels.Client.ContactCenter
{
    /// <summary>Where one kind of Contact Center object lives under <c>/organization/{orgid}/</c> (platform-facts §1.2).</summary>
    public sealed class ContactCenterResource
    {
        public ContactCenterResource(string displayName, string itemPath, string listPath, string v1ListPath, string referencesPath, string bulkPath)
        {
            DisplayName = displayName;
            ItemPath = itemPath;
            ListPath = listPath;
            V1ListPath = v1ListPath;
            ReferencesPath = referencesPath;
            BulkPath = bulkPath;
        }

        /// <summary>"multimedia profile", for messages.</summary>
        public string DisplayName { get; }

        /// <summary>Create (POST), and with <c>/{id}</c> get, update (PUT) and delete.</summary>
        public string ItemPath { get; }

        /// <summary>The <c>{meta,data}</c> list (v2, or v3 for user profiles).</summary>
        public string ListPath { get; }

        /// <summary>The bare-array v1 list, or null when there is none.</summary>
        public string V1ListPath { get; }

        /// <summary>The prefix of <c>{id}/incoming-references</c> (user profiles: without v3).</summary>
        public string ReferencesPath { get; }

        public string BulkPath { get; }

        public static readonly ContactCenterResource MultimediaProfiles = new ContactCenterResource("multimedia profile", "multimedia-profile", "v2/multimedia-profile", "multimedia-profile", "multimedia-profile", "multimedia-profile/bulk");
        public static readonly ContactCenterResource Sites = new ContactCenterResource("site", "site", "v2/site", "site", "site", "site/bulk");
        public static readonly ContactCenterResource Teams = new ContactCenterResource("team", "team", "v2/team", "team", "team", "team/bulk");
        public static readonly ContactCenterResource DesktopProfiles = new ContactCenterResource("desktop profile", "agent-profile", "v2/agent-profile", "agent-profile", "agent-profile", "agent-profile/bulk");
        public static readonly ContactCenterResource DesktopLayouts = new ContactCenterResource("desktop layout", "desktop-layout", "v2/desktop-layout", null, "desktop-layout", "desktop-layout/bulk");
        public static readonly ContactCenterResource UserProfiles = new ContactCenterResource("user profile", "v3/user-profile", "v3/user-profile", null, "user-profile", "v3/user-profile/bulk");
        public static readonly ContactCenterResource Users = new ContactCenterResource("Contact Center user", "user", "v2/user", "user", "user", "user/bulk");
        public static readonly ContactCenterResource EntryPoints = new ContactCenterResource("entry point", "entry-point", "v2/entry-point", "entry-point", "entry-point", "entry-point/bulk");
        public static readonly ContactCenterResource Queues = new ContactCenterResource("queue", "contact-service-queue", "v2/contact-service-queue", "contact-service-queue", "contact-service-queue", "contact-service-queue/bulk");
    }

    /// <summary>
    /// One kind of Contact Center configuration object over the public API, exactly as CC-SPEC describes it: the
    /// same calls work against a live region (<c>https://api.wxcc-{dc}.cisco.com/</c>) and the sandbox.
    /// </summary>
    public class ContactCenterResourceClient<T> where T : ContactCenterObject
    {
        /// <summary>The page size asked for; servers clamp larger ones silently.</summary>
        public const int DefaultPageSize = 100;

        private readonly DigitalChannelsConnection _connection;

        internal ContactCenterResourceClient(DigitalChannelsConnection connection, ContactCenterResource resource)
        {
            _connection = connection;
            Resource = resource;
        }

        public ContactCenterResource Resource { get; }

        protected WebexHttpPipeline Http => _connection.Pipeline;

        protected Uri Url(string relative) =>
            new Uri(_connection.Environment.ContactCenterBaseUri, $"organization/{Uri.EscapeDataString(_connection.OrganizationId)}/{relative}");

        protected Uri ItemUrl(string id, string suffix = "") => Url($"{Resource.ItemPath}/{Uri.EscapeDataString(RequireId(id))}{suffix}");

        /// <summary>Every object (or those the RSQL <paramref name="filter"/> selects), page by page from the v2 list.</summary>
        public IAsyncEnumerable<T> ListAsync(string filter = null, int pageSize = DefaultPageSize, CancellationToken cancellationToken = default(CancellationToken))
        {
            if (pageSize < 1) throw new ArgumentOutOfRangeException(nameof(pageSize), pageSize, $"The page size {pageSize} is below 1.");
            var query = filter == null ? null : new[] { new KeyValuePair<string, string>("filter", filter) };
            return Http.StreamAsync<T>(Url(Resource.ListPath), query, pageSize, cancellationToken);
        }

        /// <summary>
        /// Id → name of every object, from the v2 list with <c>attributes=id,name</c> (only those two fields travel):
        /// what display names are made from.
        /// </summary>
        public async Task<Dictionary<string, string>> NamesAsync(CancellationToken cancellationToken)
        {
            var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var query = new[] { new KeyValuePair<string, string>("attributes", "id,name") };
            await foreach (var item in Http.StreamAsync<T>(Url(Resource.ListPath), query, DefaultPageSize, cancellationToken))
            {
                if (item?.Id != null) names[item.Id] = NameOf(item);
            }
            return names;
        }

        /// <summary>The same objects from the v1 list (a bare array, paged by page/pageSize until a short page).</summary>
        public IAsyncEnumerable<T> ListV1Async(string filter = null, int pageSize = DefaultPageSize, CancellationToken cancellationToken = default(CancellationToken))
        {
            if (Resource.V1ListPath == null) throw new NotSupportedException($"The {Resource.DisplayName} API has no v1 list.");
            var query = filter == null ? null : new[] { new KeyValuePair<string, string>("filter", filter) };
            return Http.StreamArrayAsync<T>(Url(Resource.V1ListPath), query, pageSize, cancellationToken);
        }

        /// <summary>The object with this id, or null.</summary>
        public async Task<T> GetAsync(string id, CancellationToken cancellationToken)
        {
            try
            {
                return await Http.SendAsync<T>(HttpMethod.Get, ItemUrl(id), null, cancellationToken);
            }
            catch (WebexApiException ex) when (ex.StatusCode == 404)
            {
                return null;
            }
        }

        /// <summary>
        /// The object with exactly this name, or null. Asks the server with an RSQL filter and still compares the
        /// names itself, so a server that ignores the filter cannot make it return the wrong object.
        /// </summary>
        public virtual async Task<T> FindByNameAsync(string name, CancellationToken cancellationToken)
        {
            if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException($"The {Resource.DisplayName} name is empty.", nameof(name));
            T caseInsensitive = null;
            await foreach (var item in ListAsync(Rsql.Equal("name", name), DefaultPageSize, cancellationToken))
            {
                var itemName = NameOf(item);
                if (string.Equals(itemName, name, StringComparison.Ordinal)) return item;
                if (caseInsensitive == null && string.Equals(itemName, name, StringComparison.OrdinalIgnoreCase)) caseInsensitive = item;
            }
            return caseInsensitive;
        }

        /// <summary>POST the new object (without id); the answer is the stored object with its id and version 0.</summary>
        public Task<T> CreateAsync(T item, CancellationToken cancellationToken)
        {
            if (item == null) throw new ArgumentNullException(nameof(item));
            if (item.Id != null) throw new ArgumentException($"A new {Resource.DisplayName} must not have an id (it has '{item.Id}').", nameof(item));
            return Http.SendAsync<T>(HttpMethod.Post, Url(Resource.ItemPath), item, cancellationToken);
        }

        /// <summary>PUT the whole object, with the id and the version it was read at (optimistic concurrency).</summary>
        public Task<T> UpdateAsync(T item, CancellationToken cancellationToken)
        {
            if (item == null) throw new ArgumentNullException(nameof(item));
            if (item.Version == null) throw new ArgumentException($"The {Resource.DisplayName} '{item.Id}' has no version: read it before updating it.", nameof(item));
            return Http.SendAsync<T>(HttpMethod.Put, ItemUrl(item.Id), item, cancellationToken);
        }

        public Task DeleteAsync(string id, CancellationToken cancellationToken) =>
            Http.SendAsync(HttpMethod.Delete, ItemUrl(id), null, cancellationToken);

        /// <summary>What refers to the object: the reason a delete answers 412.</summary>
        public Task<IncomingReferences> GetIncomingReferencesAsync(string id, CancellationToken cancellationToken) =>
            Http.SendAsync<IncomingReferences>(HttpMethod.Get, Url($"{Resource.ReferencesPath}/{Uri.EscapeDataString(RequireId(id))}/incoming-references"), null, cancellationToken);

        /// <summary>The bulk endpoint (POST for most objects): 207 with one outcome per item.</summary>
        public virtual Task<BulkResponse> BulkAsync(BulkRequest request, CancellationToken cancellationToken) =>
            SendBulkAsync(HttpMethod.Post, request, cancellationToken);

        protected async Task<BulkResponse> SendBulkAsync(HttpMethod method, BulkRequest request, CancellationToken cancellationToken)
        {
            if (request == null || request.Items.Count == 0) throw new ArgumentException("A bulk request needs at least one item.", nameof(request));
            var duplicate = request.Items.GroupBy(i => i.ItemIdentifier).FirstOrDefault(g => g.Count() > 1);
            if (duplicate != null) throw new ArgumentException($"The bulk item identifier {duplicate.Key} is used {duplicate.Count()} times.", nameof(request));
            return await Http.SendAsync<BulkResponse>(method, Url(Resource.BulkPath), request, cancellationToken) ?? new BulkResponse();
        }

        /// <summary>What a name on the command line is compared with: the name, or a user's email.</summary>
        public static string NameOf(T item) => (item as NamedContactCenterObject)?.Name ?? (item as ContactCenterUser)?.Email;

        private string RequireId(string id) =>
            string.IsNullOrWhiteSpace(id) ? throw new ArgumentException($"The {Resource.DisplayName} id is empty.", nameof(id)) : id.Trim();
    }

    /// <summary>The RSQL the <c>filter</c> parameter takes (platform-facts §1.4).</summary>
    public static class Rsql
    {
        /// <summary><c>field=="value"</c>, with quotes and backslashes in the value escaped.</summary>
        public static string Equal(string field, string value) => $"{field}==\"{Escape(value)}\"";

        /// <summary><c>field=in=("a","b")</c>.</summary>
        public static string In(string field, IEnumerable<string> values) =>
            $"{field}=in=({string.Join(",", values.Select(v => "\"" + Escape(v) + "\""))})";

        private static string Escape(string value) => (value ?? string.Empty).Replace("\\", "\\\\").Replace("\"", "\\\"");
    }
}
