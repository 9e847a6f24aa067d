using System.Net;
using DigitalChannels.Client.Environments;
using DigitalChannels.Client.Http;
using DigitalChannels.Client.Tests.Infrastructure;
using Newtonsoft.Json.Linq;

namespace DigitalChannels.Client.Tests.ContactCenter;

/// <summary>
/// A scripted Contact Center: routes "METHOD /path" (path without query) to answers, records every request, and
/// answers 404 with the CC error body for anything unscripted, so that a request the test did not expect shows up.
/// </summary>
public sealed class FakeContactCenter
{
    public const string Org = "8d5e3c1a-4b2f-4e6d-9a7b-1c2d3e4f5a6b";
    public const string Base = $"/organization/{Org}/";

    private readonly List<(string Method, Func<string, bool> Path, Func<HttpRequestMessage, string?, HttpResponseMessage> Answer)> _routes = new();

    public FakeContactCenter()
    {
        Handler = new StubHandler((request, body, _) =>
        {
            var path = request.RequestUri!.AbsolutePath;
            foreach (var route in _routes.AsEnumerable().Reverse())
            {
                if (route.Method == request.Method.Method && route.Path(path)) return route.Answer(request, body);
            }
            return StubHandler.Json(HttpStatusCode.NotFound, CcError(404, "Not found: " + request.Method + " " + path));
        });
    }

    public StubHandler Handler { get; }

    public List<RecordedRequest> Requests => Handler.Requests;

    public IEnumerable<RecordedRequest> Writes => Requests.Where(r => r.Method != HttpMethod.Get);

    /// <summary>Answers requests to exactly this path (relative to /organization/{org}/ unless it starts with '/').</summary>
    public FakeContactCenter On(string method, string path, Func<HttpRequestMessage, string?, HttpResponseMessage> answer)
    {
        var full = path.StartsWith('/') ? path : Base + path;
        _routes.Add((method, p => p == full, answer));
        return this;
    }

    public FakeContactCenter On(string method, string path, HttpStatusCode status, string json) =>
        On(method, path, (_, _) => StubHandler.Json(status, json));

    /// <summary>A v2 list answering every page from <paramref name="items"/>, with meta as CC-SPEC shows it (links not to be followed).</summary>
    public FakeContactCenter List(string listPath, params string[] items) =>
        On("GET", listPath, (request, _) =>
        {
            var query = System.Web.HttpUtility.ParseQueryString(request.RequestUri!.Query);
            var page = int.Parse(query["page"] ?? "0");
            var size = int.Parse(query["pageSize"] ?? "100");
            var filter = query["filter"];
            var selected = items.Where(i => Matches(i, filter)).ToList();
            var slice = selected.Skip(page * size).Take(size);
            var pages = (int)Math.Ceiling(selected.Count / (double)size);
            return StubHandler.Json(HttpStatusCode.OK,
                $"{{\"meta\":{{\"orgid\":\"{Org}\",\"page\":{page},\"pageSize\":{size},\"totalPages\":{pages},\"totalRecords\":{selected.Count}," +
                $"\"links\":{{\"next\":\"/cms/api/organization/{Org}/{listPath}?page={page + 1}\"}}}},\"data\":[{string.Join(",", slice)}]}}");
        });

    /// <summary>The RSQL filters the client sends: <c>field=="value"</c>.</summary>
    private static bool Matches(string item, string? filter)
    {
        if (filter == null) return true;
        var match = System.Text.RegularExpressions.Regex.Match(filter, "^(?<field>\\w+)==\"(?<value>.*)\"$");
        if (!match.Success) return true;
        var value = (string?)JObject.Parse(item)[match.Groups["field"].Value];
        return string.Equals(value, match.Groups["value"].Value.Replace("\\\"", "\"").Replace("\\\\", "\\"), StringComparison.OrdinalIgnoreCase);
    }

    public static string CcError(int status, string description, string reason = "Test reason") =>
        $"{{\"trackingId\":\"ccconfig_af9eecc5-0472-4549-9a83-2afdae0d4ba0\",\"error\":{{\"key\":\"{status}\",\"reason\":\"{reason}\",\"message\":[{{\"description\":\"{description}\",\"code\":\"{status}\",\"entity\":\"cc_user\",\"references\":[]}}]}}}}";

    public static async Task<DigitalChannelsConnection> ConnectAsync(StubHandler handler, WebexEnvironment? environment = null, RetryPolicy? retry = null) =>
        await DigitalChannelsConnection.ConnectAsync(new ConnectionOptions
        {
            Environment = environment ?? WebexEnvironment.ForSandbox("http://sandbox.test"),
            OrganizationId = Org,
            AccessToken = "test-token-value",
            HttpMessageHandler = handler,
            RetryPolicy = retry ?? RetryPolicy.None,
        }, CancellationToken.None);

    public static JObject Body(RecordedRequest request) => JObject.Parse(request.Body!);

    public static System.Collections.Specialized.NameValueCollection Query(RecordedRequest request) =>
        System.Web.HttpUtility.ParseQueryString(request.Uri.Query);

    // Objects as CC-SPEC's examples show them (ids are uuids; times are epoch ms).
    public const string MmpId = "f53c8b54-46ca-43f6-ba05-08426a46e23d";
    public const string SiteId = "8e6bb6da-2a78-4768-bef9-7e229f92af22";
    public const string Team1Id = "93912f11-6017-404b-bf14-5331890b1797";
    public const string Team2Id = "2f9eecc5-0472-4549-9a83-2afdae0d4ba1";
    public const string LayoutId = "0f7c1d25-7a1e-4c55-8d0a-52b1a3a0c001";
    public const string AgentProfileId = "5b2a1c6e-3f2d-4e1a-9c0b-7d6e5f4a3b21";
    public const string PremiumProfileId = "1d0c21e2-1234-5578-9a83-2afdae0d4ba1";

    public static string Mmp(string id = MmpId, string name = "MMP", int version = 0, string extra = "") =>
        $"{{\"id\":\"{id}\",\"organizationId\":\"{Org}\",\"version\":{version},\"name\":\"{name}\",\"description\":\"string\",\"chat\":3,\"email\":3,\"telephony\":1,\"social\":3,\"active\":true,\"blendingModeEnabled\":true,\"blendingMode\":\"BLENDED\",\"systemDefault\":false,\"createdTime\":1617536244000,\"lastUpdatedTime\":1617536244000{extra}}}";

    public static string Site(string id = SiteId, string name = "Site", int version = 0, string extra = "") =>
        $"{{\"id\":\"{id}\",\"organizationId\":\"{Org}\",\"version\":{version},\"name\":\"{name}\",\"active\":true,\"multimediaProfileId\":\"{MmpId}\",\"systemDefault\":false,\"createdTime\":1617536244000,\"lastUpdatedTime\":1617536244000{extra}}}";

    public static string Team(string id, string name, int version = 0) =>
        $"{{\"active\":true,\"description\":\"string\",\"version\":{version},\"organizationId\":\"{Org}\",\"systemDefault\":false,\"rankQueuesForTeam\":false,\"multiMediaProfileId\":\"{MmpId}\",\"name\":\"{name}\",\"siteId\":\"{SiteId}\",\"createdTime\":\"string\",\"lastUpdatedTime\":\"string\",\"id\":\"{id}\",\"teamType\":\"AGENT\",\"teamStatus\":\"IN_SERVICE\",\"desktopLayoutId\":\"{LayoutId}\"}}";

    public static string Layout() => $"{{\"id\":\"{LayoutId}\",\"name\":\"Global Layout\",\"global\":true,\"status\":true,\"systemDefault\":true,\"version\":0}}";
    public static string AgentProfile() => $"{{\"id\":\"{AgentProfileId}\",\"name\":\"Agent Profile\",\"parentType\":\"ORGANIZATION\",\"active\":true,\"systemDefault\":true,\"version\":0}}";
    public static string PremiumProfile() => $"{{\"id\":\"{PremiumProfileId}\",\"name\":\"Premium Agent User Profile\",\"profileType\":\"PREMIUM_AGENT\",\"active\":true,\"systemDefault\":true,\"version\":0}}";

    /// <summary>A user as the spec's v2 example has it, with fields this library does not model (timezone, mobile as a number).</summary>
    public static string User(string id, string email, int version = 1, bool enabled = false) =>
        $"{{\"imiUserCreated\":false,\"lastName\":\"Wick\",\"timezone\":\"America/New_York\",\"organizationId\":\"{Org}\",\"createdTime\":1679393400000,\"lastUpdatedTime\":1679393400000,\"id\":\"{id}\",\"contactCenterEnabled\":{(enabled ? "true" : "false")},\"email\":\"{email}\",\"ciUserId\":\"1dq21e23-1234-5578-9a83-{id.Substring(24)}\",\"xspVersion\":\"xsp-24.0\",\"mobile\":1234567890,\"active\":true,\"version\":{version},\"firstName\":\"John\",\"userProfileId\":\"{PremiumProfileId}\",\"subscriptionId\":\"04d0bdf6-6d6a-4aae-8a8a-71c9152e6478\",\"deafultDialledNumber\":\"1234567890\"}}";

    /// <summary>The lab's names: MMP, Site, Team1, Team2, Global Layout, Agent Profile, Premium Agent User Profile.</summary>
    public FakeContactCenter WithLabObjects()
    {
        List("v2/multimedia-profile", Mmp());
        List("v2/site", Site());
        List("v2/team", Team(Team1Id, "Team1"), Team(Team2Id, "Team2"));
        List("v2/desktop-layout", Layout());
        List("v2/agent-profile", AgentProfile());
        List("v3/user-profile", PremiumProfile());
        On("GET", "multimedia-profile/" + MmpId, HttpStatusCode.OK, Mmp());
        On("GET", "site/" + SiteId, HttpStatusCode.OK, Site());
        return this;
    }
}
