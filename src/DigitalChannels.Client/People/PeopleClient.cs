using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using DigitalChannels.Client.Http;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace DigitalChannels.Client.People
{
    /// <summary>A Webex person (ADMIN-SPEC <c>/people</c>).</summary>
    public sealed class WebexPerson
    {
        /// <summary>base64 of <c>ciscospark://us/PEOPLE/&lt;uuid&gt;</c>.</summary>
        [JsonProperty("id")] public string Id { get; set; }
        [JsonProperty("emails")] public List<string> Emails { get; set; } = new List<string>();
        [JsonProperty("displayName")] public string DisplayName { get; set; }
        [JsonProperty("firstName")] public string FirstName { get; set; }
        [JsonProperty("lastName")] public string LastName { get; set; }
        [JsonProperty("orgId")] public string OrgId { get; set; }
        /// <summary>Licence ids.</summary>
        [JsonProperty("licenses")] public List<string> Licenses { get; set; } = new List<string>();
        [JsonProperty("status")] public string Status { get; set; }
        [JsonExtensionData] public IDictionary<string, JToken> AdditionalFields { get; set; } = new Dictionary<string, JToken>();

        [JsonIgnore] public string Email => Emails?.FirstOrDefault();

        /// <summary>The uuid inside the id: the Contact Center user's <c>ciUserId</c>.</summary>
        [JsonIgnore] public string CiUserId => WebexIds.UuidOf(Id);

        public override string ToString() => Email ?? Id;
    }

    /// <summary>A licence of the organization (ADMIN-SPEC <c>/licenses</c>).</summary>
    public sealed class WebexLicense
    {
        [JsonProperty("id")] public string Id { get; set; }
        [JsonProperty("name")] public string Name { get; set; }
        [JsonProperty("totalUnits")] public int? TotalUnits { get; set; }
        [JsonProperty("consumedUnits")] public int? ConsumedUnits { get; set; }
        [JsonProperty("consumedByUsers")] public int? ConsumedByUsers { get; set; }
        [JsonProperty("subscriptionId")] public string SubscriptionId { get; set; }

        public override string ToString() => Name;
    }

    /// <summary>The answer of <c>PATCH /licenses/users</c>.</summary>
    public sealed class UserLicenses
    {
        [JsonProperty("personId")] public string PersonId { get; set; }
        [JsonProperty("email")] public string Email { get; set; }
        [JsonProperty("licenses")] public List<string> Licenses { get; set; } = new List<string>();
        [JsonProperty("pendingLicenses")] public List<string> PendingLicenses { get; set; }
    }

    /// <summary>The licence names of Contact Center agents (what the sandbox's licences are called).</summary>
    public static class ContactCenterLicenses
    {
        public const string PremiumAgent = "Contact Center Premium Agent";
        public const string StandardAgent = "Contact Center Standard Agent";
    }

    /// <summary>Webex ids: base64 of <c>ciscospark://us/{TYPE}/{uuid}</c>.</summary>
    public static class WebexIds
    {
        /// <summary>The uuid inside a Webex id; a bare uuid is returned as it is; null when it is neither.</summary>
        public static string UuidOf(string webexId)
        {
            if (string.IsNullOrWhiteSpace(webexId)) return null;
            if (Guid.TryParse(webexId, out _)) return webexId;
            try
            {
                var padded = webexId.Replace('-', '+').Replace('_', '/');
                padded = padded.PadRight(padded.Length + (4 - padded.Length % 4) % 4, '=');
                var text = Encoding.UTF8.GetString(Convert.FromBase64String(padded));
                var slash = text.LastIndexOf('/');
                return text.StartsWith("ciscospark://", StringComparison.Ordinal) && slash > 0 ? text.Substring(slash + 1) : null;
            }
            catch (FormatException)
            {
                return null;
            }
        }

        /// <summary>The Webex id of a person with this uuid.</summary>
        public static string PersonId(string uuid) =>
            Convert.ToBase64String(Encoding.UTF8.GetBytes("ciscospark://us/PEOPLE/" + uuid)).TrimEnd('=');
    }

    /// <summary>
    /// The part of the Webex People API the Contact Center workflow needs (platform-facts §2): people with a licence,
    /// and the licences. Public: <c>https://webexapis.com/v1/</c> live, <c>{base}/v1/</c> on the sandbox.
    /// </summary>
    public sealed class PeopleClient
    {
        private readonly DigitalChannelsConnection _connection;

        internal PeopleClient(DigitalChannelsConnection connection)
        {
            _connection = connection;
        }

        private WebexHttpPipeline Http => _connection.Pipeline;

        private Uri Url(string relative) => new Uri(_connection.Environment.IdentityBaseUri, relative);

        /// <summary>
        /// POST /people. The API can answer 400 yet create the person, so the caller should look the email up before
        /// retrying (<see cref="FindByEmailAsync"/>).
        /// </summary>
        public Task<WebexPerson> CreateAsync(string email, string displayName, string firstName, string lastName, IEnumerable<string> licenseIds, CancellationToken cancellationToken)
        {
            if (string.IsNullOrWhiteSpace(email)) throw new ArgumentException("The person's email is empty.", nameof(email));
            if (string.IsNullOrWhiteSpace(displayName) && string.IsNullOrWhiteSpace(firstName) && string.IsNullOrWhiteSpace(lastName))
                throw new ArgumentException($"The person '{email}' needs a display name, a first name or a last name.", nameof(displayName));
            var body = new JObject { ["emails"] = new JArray(email.Trim()) };
            if (!string.IsNullOrWhiteSpace(displayName)) body["displayName"] = displayName;
            if (!string.IsNullOrWhiteSpace(firstName)) body["firstName"] = firstName;
            if (!string.IsNullOrWhiteSpace(lastName)) body["lastName"] = lastName;
            var licenses = licenseIds?.Where(l => !string.IsNullOrWhiteSpace(l)).ToArray();
            if (licenses != null && licenses.Length > 0) body["licenses"] = new JArray(licenses);
            return Http.SendAsync<WebexPerson>(HttpMethod.Post, Url("people"), body.ToString(Formatting.None), cancellationToken);
        }

        /// <summary>The person with this email, or null.</summary>
        public async Task<WebexPerson> FindByEmailAsync(string email, CancellationToken cancellationToken)
        {
            if (string.IsNullOrWhiteSpace(email)) throw new ArgumentException("The email is empty.", nameof(email));
            var uri = WebexHttpPipeline.WithQuery(Url("people"), new[] { new KeyValuePair<string, string>("email", email.Trim()), new KeyValuePair<string, string>("max", "1") });
            var page = await Http.SendAsync<ItemList<WebexPerson>>(HttpMethod.Get, uri, null, cancellationToken);
            return page?.Items?.FirstOrDefault(p => p.Emails.Any(e => string.Equals(e, email.Trim(), StringComparison.OrdinalIgnoreCase)));
        }

        public async Task<WebexPerson> GetAsync(string personId, CancellationToken cancellationToken)
        {
            try
            {
                return await Http.SendAsync<WebexPerson>(HttpMethod.Get, Url("people/" + Uri.EscapeDataString(personId)), null, cancellationToken);
            }
            catch (WebexApiException ex) when (ex.StatusCode == 404)
            {
                return null;
            }
        }

        public Task DeleteAsync(string personId, CancellationToken cancellationToken) =>
            Http.SendAsync(HttpMethod.Delete, Url("people/" + Uri.EscapeDataString(personId)), null, cancellationToken);

        public async Task<IReadOnlyList<WebexLicense>> ListLicensesAsync(CancellationToken cancellationToken)
        {
            var list = await Http.SendAsync<ItemList<WebexLicense>>(HttpMethod.Get, Url("licenses"), null, cancellationToken);
            return list?.Items ?? new List<WebexLicense>();
        }

        /// <summary>The licence with exactly this name (e.g. <see cref="ContactCenterLicenses.PremiumAgent"/>), or null.</summary>
        public async Task<WebexLicense> FindLicenseByNameAsync(string name, CancellationToken cancellationToken)
        {
            var licenses = await ListLicensesAsync(cancellationToken);
            return licenses.FirstOrDefault(l => string.Equals(l.Name, name, StringComparison.OrdinalIgnoreCase));
        }

        /// <summary>PATCH /licenses/users: adds and removes licences of one person, named by email or person id.</summary>
        public Task<UserLicenses> UpdateLicensesAsync(string emailOrPersonId, IEnumerable<string> add, IEnumerable<string> remove, CancellationToken cancellationToken)
        {
            if (string.IsNullOrWhiteSpace(emailOrPersonId)) throw new ArgumentException("Name the person by email or person id.", nameof(emailOrPersonId));
            var operations = new JArray();
            foreach (var id in add ?? Enumerable.Empty<string>()) operations.Add(new JObject { ["id"] = id, ["operation"] = "add" });
            foreach (var id in remove ?? Enumerable.Empty<string>()) operations.Add(new JObject { ["id"] = id, ["operation"] = "remove" });
            if (operations.Count == 0) throw new ArgumentException("No licence to add or remove was given.", nameof(add));
            var body = new JObject();
            if (emailOrPersonId.Contains("@")) body["email"] = emailOrPersonId.Trim();
            else body["personId"] = emailOrPersonId.Trim();
            body["licenses"] = operations;
            return Http.SendAsync<UserLicenses>(new HttpMethod("PATCH"), Url("licenses/users"), body.ToString(Formatting.None), cancellationToken);
        }

        private sealed class ItemList<T>
        {
            [JsonProperty("items")] public List<T> Items { get; set; } = new List<T>();
        }
    }
}
