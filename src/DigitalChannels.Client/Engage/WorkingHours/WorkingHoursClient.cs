using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using DigitalChannels.Client.Commands;
using DigitalChannels.Client.Http;
using Newtonsoft.Json.Linq;

namespace DigitalChannels.Client.Engage.WorkingHours
{
    /// <summary>Working hours over the sandbox's Engage API; against a live tenant every call names the portal page.</summary>
    public sealed class WorkingHoursClient
    {
        public const int MaxPageSize = 100;
        private readonly EngageClient _engage;

        internal WorkingHoursClient(EngageClient engage) => _engage = engage;

        private Uri Collection(string operation) => _engage.Organization("working-hours", operation, EngagePortalPages.WorkingHours);

        private Uri Item(string id, string operation) => _engage.Organization("working-hours/" + Uri.EscapeDataString(id), operation, EngagePortalPages.WorkingHours);

        public IAsyncEnumerable<EngageWorkingHours> ListAsync(string search = null, CancellationToken cancellationToken = default(CancellationToken))
        {
            var query = string.IsNullOrEmpty(search) ? null : new[] { new KeyValuePair<string, string>("search", search) };
            return _engage.Http.StreamAsync<EngageWorkingHours>(Collection("Listing Engage working hours"), query, MaxPageSize, cancellationToken);
        }

        public async Task<EngageWorkingHours> GetAsync(string id, CancellationToken cancellationToken)
        {
            try
            {
                return await _engage.Http.SendAsync<EngageWorkingHours>(HttpMethod.Get, Item(id, "Reading Engage working hours"), null, cancellationToken);
            }
            catch (WebexApiException ex) when (ex.StatusCode == 404)
            {
                return null;
            }
        }

        public async Task<EngageWorkingHours> FindByNameAsync(string name, CancellationToken cancellationToken)
        {
            var page = await _engage.Http.GetPageAsync<EngageWorkingHours>(Collection("Finding Engage working hours"),
                new[] { new KeyValuePair<string, string>("name", name) }, 0, MaxPageSize, cancellationToken);
            return page?.Data?.FirstOrDefault(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase));
        }

        public Task<EngageWorkingHours> CreateAsync(string name, string timeZone, IReadOnlyList<EngageTimeRange> weeklyHours, IReadOnlyList<EngageHoliday> holidays,
            CancellationToken cancellationToken)
        {
            var body = new JObject
            {
                ["name"] = name,
                ["timeZone"] = timeZone,
                ["weeklyHours"] = JArray.FromObject(weeklyHours ?? Array.Empty<EngageTimeRange>()),
                ["holidays"] = JArray.FromObject(holidays ?? Array.Empty<EngageHoliday>()),
            };
            return _engage.Http.SendAsync<EngageWorkingHours>(HttpMethod.Post, Collection("Creating Engage working hours"), body.ToString(Newtonsoft.Json.Formatting.None), cancellationToken);
        }

        public Task<EngageWorkingHours> UpdateAsync(string id, EngageWorkingHoursChanges changes, CancellationToken cancellationToken)
        {
            if (changes == null || changes.IsEmpty) throw new ArgumentException("No change to Engage working hours was given.", nameof(changes));
            var patch = new JObject();
            if (changes.Name != null) patch["name"] = changes.Name;
            if (changes.TimeZone != null) patch["timeZone"] = changes.TimeZone;
            if (changes.WeeklyHours != null) patch["weeklyHours"] = JArray.FromObject(changes.WeeklyHours);
            if (changes.Holidays != null) patch["holidays"] = JArray.FromObject(changes.Holidays);
            return _engage.Http.SendAsync<EngageWorkingHours>(new HttpMethod("PATCH"), Item(id, "Changing Engage working hours"), patch.ToString(Newtonsoft.Json.Formatting.None), cancellationToken);
        }

        public Task DeleteAsync(string id, CancellationToken cancellationToken) =>
            _engage.Http.SendAsync(HttpMethod.Delete, Item(id, "Deleting Engage working hours"), null, cancellationToken);
    }

    /// <summary>Names one set of working hours by object, id, exact name or a wildcard pattern that matches one.</summary>
    public sealed class EngageWorkingHoursIdentity
    {
        public EngageWorkingHoursIdentity(EngageWorkingHours hours)
        {
            Hours = hours ?? throw new ArgumentNullException(nameof(hours));
            Id = hours.Id;
        }

        public EngageWorkingHoursIdentity(string idOrName)
        {
            if (string.IsNullOrWhiteSpace(idOrName)) throw new ArgumentException("An Engage working hours id or name is empty.", nameof(idOrName));
            var text = idOrName.Trim();
            if (Guid.TryParse(text, out _)) Id = text.ToLowerInvariant();
            else Name = text;
        }

        public EngageWorkingHoursIdentity(Guid id) : this(id.ToString()) { }

        public EngageWorkingHours Hours { get; }
        public string Id { get; }
        public string Name { get; }

        public async Task<EngageWorkingHours> ResolveAsync(WorkingHoursClient client, CancellationToken cancellationToken)
        {
            if (Id != null)
                return await client.GetAsync(Id, cancellationToken) ?? throw new IdentityNotFoundException($"No Engage working hours have the id '{Id}'.", this);
            if (WildcardLookup.IsPattern(Name))
                return await WildcardLookup.SingleAsync(client.ListAsync(null, cancellationToken), Name, h => h.Name, "Engage working hours", this, cancellationToken);
            return await client.FindByNameAsync(Name, cancellationToken) ?? throw new IdentityNotFoundException($"No Engage working hours are named '{Name}'.", this);
        }

        public override string ToString() => Hours?.Name ?? Name ?? Id;
    }
}
