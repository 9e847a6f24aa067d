using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using DigitalChannels.Client.Commands;
using DigitalChannels.Client.Http;

namespace DigitalChannels.Client.ContactCenter
{
    /// <summary>What Get-, Set- and Remove-Wxcc* share: wildcard listing, read-change-PUT with the version, and 412 explained.</summary>
    public static class ContactCenterCommandSupport
    {
        /// <summary>
        /// By id; by exact name (a plain name that matches nothing is an error, as Get-Item); or every object whose name
        /// matches the wildcard pattern (all when none), written as each page arrives. <paramref name="displayNames"/>
        /// fills the names of what each object refers to (site, teams, profiles) before it is written; null for objects
        /// that refer to nothing.
        /// </summary>
        public static async Task GetAsync<T>(ICommandHost host, ContactCenterResourceClient<T> client, string id, string name, Func<T, string> nameOf,
            ContactCenterDisplayNames displayNames = null)
            where T : ContactCenterObject
        {
            var token = host.CancellationToken;
            var display = client.Resource.DisplayName;
            async Task WriteAsync(T item)
            {
                if (displayNames != null) await displayNames.FillAsync(host, item);
                host.WriteObject(item);
            }

            if (!string.IsNullOrWhiteSpace(id))
            {
                await WriteAsync(await client.GetAsync(id.Trim(), token) ?? throw new IdentityNotFoundException($"No {display} has the id '{id}'.", id));
                return;
            }
            if (!string.IsNullOrEmpty(name) && !Wildcard.ContainsWildcard(name))
            {
                await WriteAsync(await client.FindByNameAsync(name, token) ?? throw new IdentityNotFoundException($"No {display} is named '{name}'.", name));
                return;
            }
            var pattern = string.IsNullOrEmpty(name) ? null : new Wildcard(name);
            await foreach (var item in client.ListAsync(null, ContactCenterResourceClient<T>.DefaultPageSize, token))
            {
                if (pattern == null || pattern.IsMatch(nameOf(item))) await WriteAsync(item);
            }
        }

        /// <summary>
        /// PUTs <paramref name="changed"/> (a changed copy of <paramref name="current"/>, with its id and version). A
        /// 409 or 412 is read as a concurrent change when the stored version moved on meanwhile, and then says so.
        /// </summary>
        public static async Task<T> UpdateAsync<T>(ICommandHost host, ContactCenterResourceClient<T> client, T current, T changed)
            where T : ContactCenterObject
        {
            try
            {
                return await client.UpdateAsync(changed, host.CancellationToken);
            }
            catch (WebexApiException ex) when (ex.StatusCode == 409 || ex.StatusCode == 412)
            {
                var now = await client.GetAsync(current.Id, host.CancellationToken);
                if (now == null || now.Version == current.Version) throw;
                throw new WebexApiException(
                    $"The {client.Resource.DisplayName} '{Describe(current)}' was changed by someone else meanwhile (version {current.Version} was read, version {now.Version} is stored): read it again and repeat the change. {ex.Message}",
                    ex.Kind, 412, ex.Method, ex.RequestPath, ex.ServerMessage, ex.ErrorKey, ex.TrackingId, ex.RetryAfter, ex);
            }
        }

        /// <summary>Deletes after ShouldProcess; a 412 becomes <c>{Noun}InUse</c> naming what refers to the object.</summary>
        public static async Task RemoveAsync<T>(ICommandHost host, ContactCenterResourceClient<T> client, ContactCenterIdentity<T> identity)
            where T : ContactCenterObject
        {
            if (identity == null) throw new ArgumentNullException(nameof(identity));
            var item = await identity.ResolveAsync(client, host.CancellationToken);
            var display = client.Resource.DisplayName;
            if (!host.ShouldProcess($"{Capitalize(display)} '{Describe(item)}' (id {item.Id})", "Remove")) return;
            try
            {
                await client.DeleteAsync(item.Id, host.CancellationToken);
            }
            catch (WebexApiException ex) when (ex.StatusCode == 412)
            {
                throw new ResourceInUseException(await InUseMessageAsync(client, item, ex, host), ex);
            }
            host.WriteVerbose($"Removed {display} '{Describe(item)}' (id {item.Id}).");
        }

        private static async Task<string> InUseMessageAsync<T>(ContactCenterResourceClient<T> client, T item, WebexApiException ex, ICommandHost host)
            where T : ContactCenterObject
        {
            var message = $"The {client.Resource.DisplayName} '{Describe(item)}' is in use and cannot be removed";
            try
            {
                var references = await client.GetIncomingReferencesAsync(item.Id, host.CancellationToken);
                var names = references?.Data?.Select(r => r.ToString()).ToList() ?? new List<string>();
                if (names.Count > 0)
                {
                    var more = references.Meta?.TotalRecords > names.Count ? $" and {references.Meta.TotalRecords - names.Count} more" : string.Empty;
                    return $"{message}: it is referred to by {string.Join(", ", names)}{more}.";
                }
            }
            catch (WebexApiException lookup)
            {
                host.WriteVerbose($"Could not read what refers to '{Describe(item)}': {lookup.Message}");
            }
            return $"{message}. {ex.Message}";
        }

        internal static string Describe(ContactCenterObject item) =>
            (item as NamedContactCenterObject)?.Name ?? (item as ContactCenterUser)?.Email ?? item.Id;

        internal static string Capitalize(string text) => string.IsNullOrEmpty(text) ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);
    }

    /// <summary>
    /// Turns names given on the command line (site, teams, profiles, layouts) into ids, each at most once per command:
    /// a pipeline of a hundred users asks for the site "Site" once, not a hundred times.
    /// </summary>
    public sealed class ContactCenterNames
    {
        private readonly ContactCenterClient _client;
        private readonly Dictionary<string, string> _cache = new Dictionary<string, string>(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        public ContactCenterNames(ContactCenterClient client)
        {
            _client = client ?? throw new ArgumentNullException(nameof(client));
        }

        /// <summary>How many lookups went to the server (for tests and verbose output).</summary>
        public int Lookups { get; private set; }

        public Task<string> SiteAsync(string idOrName, System.Threading.CancellationToken token) => ResolveAsync(_client.Sites, idOrName, token);
        public Task<string> TeamAsync(string idOrName, System.Threading.CancellationToken token) => ResolveAsync(_client.Teams, idOrName, token);
        public Task<string> MultimediaProfileAsync(string idOrName, System.Threading.CancellationToken token) => ResolveAsync(_client.MultimediaProfiles, idOrName, token);
        public Task<string> DesktopProfileAsync(string idOrName, System.Threading.CancellationToken token) => ResolveAsync(_client.DesktopProfiles, idOrName, token);
        public Task<string> DesktopLayoutAsync(string idOrName, System.Threading.CancellationToken token) => ResolveAsync(_client.DesktopLayouts, idOrName, token);
        public Task<string> UserProfileAsync(string idOrName, System.Threading.CancellationToken token) => ResolveAsync(_client.UserProfiles, idOrName, token);

        /// <summary>The name of an object this instance resolved (by its name or its id), without asking the server again.</summary>
        internal bool TryGetName(ContactCenterResource resource, string id, out string name)
        {
            name = null;
            return id != null && _names.TryGetValue(resource.ItemPath + "|" + id, out name) && name != null;
        }

        /// <summary>An id is checked to exist; a name is looked up (a wildcard pattern must match one). Each fails naming the kind and the value.</summary>
        private async Task<string> ResolveAsync<T>(ContactCenterResourceClient<T> client, string idOrName, System.Threading.CancellationToken token)
            where T : ContactCenterObject
        {
            if (string.IsNullOrWhiteSpace(idOrName)) throw new ArgumentException($"A {client.Resource.DisplayName} name or id is empty.");
            var text = idOrName.Trim();
            var key = client.Resource.ItemPath + "|" + text;
            if (_cache.TryGetValue(key, out var cached)) return cached;
            Lookups++;
            T found;
            if (Guid.TryParse(text, out _))
                found = await client.GetAsync(text, token) ?? throw new ReferenceNotFoundException($"No {client.Resource.DisplayName} has the id '{text}'.", text);
            else if (WildcardLookup.IsPattern(text))
                found = await WildcardLookup.SingleAsync(client.ListAsync(null, ContactCenterResourceClient<T>.DefaultPageSize, token), text,
                    ContactCenterResourceClient<T>.NameOf, client.Resource.DisplayName, text, token);
            else
                found = await client.FindByNameAsync(text, token) ?? throw new ReferenceNotFoundException($"No {client.Resource.DisplayName} is named '{text}'.", text);
            _cache[key] = found.Id;
            _names[client.Resource.ItemPath + "|" + found.Id] = (found as NamedContactCenterObject)?.Name;
            return found.Id;
        }
    }
}
