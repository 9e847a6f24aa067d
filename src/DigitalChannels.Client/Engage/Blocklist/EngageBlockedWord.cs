using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using DigitalChannels.Client.Http;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace DigitalChannels.Client.Engage.Blocklist
{
    /// <summary>A word Engage blocks from conversations (Customer Care → Settings → Manage → Blocklist).</summary>
    public sealed class EngageBlockedWord
    {
        [JsonProperty("word")] public string Word { get; set; }
        [JsonProperty("createdTime")] public DateTimeOffset? CreatedTime { get; set; }

        public override string ToString() => Word;
    }

    /// <summary>The blocklist over the sandbox's Engage API; against a live tenant every call names the portal page.</summary>
    public sealed class BlocklistClient
    {
        public const int MaxPageSize = 100;
        private readonly EngageClient _engage;

        internal BlocklistClient(EngageClient engage) => _engage = engage;

        private Uri Collection(string operation) => _engage.Organization("blocklist", operation, EngagePortalPages.Blocklist);

        /// <summary>Every blocked word, in alphabetical order; <paramref name="search"/> narrows to words containing it.</summary>
        public IAsyncEnumerable<EngageBlockedWord> ListAsync(string search = null, CancellationToken cancellationToken = default(CancellationToken))
        {
            var query = string.IsNullOrEmpty(search) ? null : new[] { new KeyValuePair<string, string>("search", search) };
            return _engage.Http.StreamAsync<EngageBlockedWord>(Collection("Listing the Engage blocklist"), query, MaxPageSize, cancellationToken);
        }

        public Task<EngageBlockedWord> AddAsync(string word, CancellationToken cancellationToken) =>
            _engage.Http.SendAsync<EngageBlockedWord>(HttpMethod.Post, Collection("Adding a word to the Engage blocklist"),
                new JObject { ["word"] = word }.ToString(Formatting.None), cancellationToken);

        /// <summary>Removes the word (matched regardless of case); a word that is not blocked is a 404 naming it.</summary>
        public Task RemoveAsync(string word, CancellationToken cancellationToken) =>
            _engage.Http.SendAsync(HttpMethod.Delete,
                _engage.Organization("blocklist/" + Uri.EscapeDataString(word), "Removing a word from the Engage blocklist", EngagePortalPages.Blocklist), null, cancellationToken);
    }
}
