using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using DigitalChannels.IntegrationTests.Infrastructure;
using Xunit;
using static DigitalChannels.IntegrationTests.ContactCenter.ContactCenterApi;

namespace DigitalChannels.IntegrationTests.ContactCenter;

/// <summary>
/// Checks the sandbox against the official Contact Center spec (../shared/specs/webex-contact-center.json): every
/// route the sandbox serves exists in the spec with that method, and for every operation, valid requests and the
/// responses (success and ApiErrorResponse bodies) validate against the spec's schemas with a declared status.
/// Documented exception: the team POST/PUT body is validated against the teamDTO query parameter's schema (spec defect,
/// platform facts §1.8), and POST /user (a 405 explaining Synchronize Users) is not in the spec on purpose.
/// </summary>
public sealed class ConformanceTests : IClassFixture<SandboxProcess>, IDisposable
{
    /// <summary>Every Contact Center route the sandbox serves, in the spec's own spelling.</summary>
    private static readonly (string Method, string Path)[] ImplementedRoutes = BuildRoutes();

    private readonly ContactCenterApi cc;
    private readonly List<(string Method, string Template, JsonNode? Request, int Status, JsonNode? Response)> calls = [];

    public ConformanceTests(SandboxProcess sandbox) => cc = new ContactCenterApi(sandbox);

    public void Dispose() => cc.Dispose();

    private static (string, string)[] BuildRoutes()
    {
        var routes = new List<(string, string)>();
        foreach (var segment in new[] { "site", "team", "multimedia-profile", "agent-profile", "entry-point", "contact-service-queue" })
        {
            routes.AddRange([("get", $"/{segment}"), ("get", $"/v2/{segment}"), ("post", $"/{segment}"), ("get", $"/{segment}/{{id}}"),
                ("put", $"/{segment}/{{id}}"), ("delete", $"/{segment}/{{id}}"), ("post", $"/{segment}/bulk"), ("get", $"/{segment}/{{id}}/incoming-references")]);
        }
        routes.AddRange([
            ("get", "/v3/contact-service-queue"), ("post", "/v2/contact-service-queue"), ("get", "/v2/contact-service-queue/{id}"),
            ("put", "/v2/contact-service-queue/{id}"), ("patch", "/contact-service-queue/bulk"), ("post", "/contact-service-queue/v2/bulk"),
            ("get", "/v2/desktop-layout"), ("post", "/desktop-layout"), ("get", "/desktop-layout/{id}"), ("put", "/desktop-layout/{id}"),
            ("delete", "/desktop-layout/{id}"), ("post", "/desktop-layout/bulk"), ("get", "/desktop-layout/{id}/incoming-references"),
            ("get", "/v3/user-profile"), ("post", "/v3/user-profile"), ("get", "/v3/user-profile/{id}"), ("put", "/v3/user-profile/{id}"),
            ("delete", "/v3/user-profile/{id}"), ("post", "/v3/user-profile/bulk"), ("get", "/user-profile/{id}/incoming-references"),
            ("get", "/user"), ("get", "/v2/user"), ("get", "/user/{id}"), ("put", "/user/{id}"), ("patch", "/user/{id}"), ("patch", "/user/bulk"),
            ("get", "/user/by-ci-user-id/{id}"), ("get", "/v2/user/by-ci-user-id/{id}"), ("get", "/user/{id}/incoming-references"),
        ]);
        return routes.Select(r => (r.Item1, "/organization/{orgid}" + r.Item2)).ToArray();
    }

    /// <summary>The official spec beside the repository; a clear failure when it is absent.</summary>
    private static JsonObject LoadSpecification()
    {
        var candidates = new List<string>();
        var fromEnvironment = Environment.GetEnvironmentVariable("DIGITALCHANNELS_SHARED");
        if (!string.IsNullOrEmpty(fromEnvironment)) candidates.Add(Path.Combine(fromEnvironment, "specs", "webex-contact-center.json"));
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "DigitalChannels.sln")))
                candidates.Add(Path.Combine(directory.FullName, "..", "shared", "specs", "webex-contact-center.json"));
        var found = candidates.FirstOrDefault(File.Exists);
        Assert.True(found is not null,
            "The official Contact Center spec ../shared/specs/webex-contact-center.json (beside the repository) is absent, so conformance cannot be checked. " +
            $"Looked in: {string.Join(", ", candidates.DefaultIfEmpty("(no repository root found)"))}. Set DIGITALCHANNELS_SHARED to the shared folder.");
        return JsonNode.Parse(File.ReadAllText(found!))!.AsObject();
    }

    private async Task<JsonNode?> CallAsync(HttpMethod method, string template, string concrete, JsonNode? body, HttpStatusCode expected)
    {
        using var response = await cc.SendAsync(method, concrete, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{method} {concrete}: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        var parsed = text.Length == 0 ? null : JsonNode.Parse(text);
        calls.Add((method.Method.ToLowerInvariant(), "/organization/{orgid}" + template, body?.DeepClone(), (int)response.StatusCode, parsed));
        return parsed;
    }

    private static JsonObject Renamed(JsonObject body, string prefix)
    {
        var copy = body.DeepClone().AsObject();
        copy["name"] = Unique(prefix);
        return copy;
    }

    private static string Id(JsonNode? node) => node!["id"]!.ToString();

    private JsonObject Bulk(JsonObject item, string action = "SAVE")
    {
        item["organizationId"] = cc.Org;
        return new JsonObject { ["items"] = new JsonArray(new JsonObject { ["itemIdentifier"] = 1, ["item"] = item, ["requestAction"] = action }) };
    }

    /// <summary>create, get, list v1/v2, put, bulk, incoming-references for one resource; returns the created object.</summary>
    private async Task<JsonNode> ExerciseAsync(string segment, JsonObject body, JsonObject bulkBody, HttpStatusCode createStatus = HttpStatusCode.Created, bool v1List = true)
    {
        var created = await CallAsync(HttpMethod.Post, $"/{segment}", segment, body, createStatus);
        var id = Id(created);
        var read = await CallAsync(HttpMethod.Get, $"/{segment}/{{id}}", $"{segment}/{id}", null, HttpStatusCode.OK);
        if (v1List) await CallAsync(HttpMethod.Get, $"/{segment}", $"{segment}?filter=id==\"{id}\"", null, HttpStatusCode.OK);
        await CallAsync(HttpMethod.Get, $"/v2/{segment}", $"v2/{segment}?page=0&pageSize=10", null, HttpStatusCode.OK);
        read!["description"] = "changed";
        await CallAsync(HttpMethod.Put, $"/{segment}/{{id}}", $"{segment}/{id}", read, HttpStatusCode.OK);
        await CallAsync(HttpMethod.Post, $"/{segment}/bulk", $"{segment}/bulk", Bulk(bulkBody), HttpStatusCode.MultiStatus);
        await CallAsync(HttpMethod.Get, $"/{segment}/{{id}}/incoming-references", $"{segment}/{id}/incoming-references", null, HttpStatusCode.OK);
        return created!;
    }

    [Fact]
    public async Task Every_operation_conforms_to_the_official_spec()
    {
        var spec = LoadSpecification();
        var paths = spec["paths"]!.AsObject();
        foreach (var (method, path) in ImplementedRoutes)
            Assert.True(paths[path]?[method] is not null, $"The sandbox serves {method.ToUpperInvariant()} {path}, which the official spec does not have.");

        // The scenario: every implemented operation with valid requests, plus error answers.
        var profile = await ExerciseAsync("multimedia-profile", MultimediaProfile(Unique("MMP")), MultimediaProfile(Unique("MMP")), HttpStatusCode.OK);
        var site = await ExerciseAsync("site", Site(Unique("Site"), Id(profile)), Site(Unique("Site"), Id(profile)));
        var layoutBody = new JsonObject
        {
            ["name"] = Unique("Layout"), ["editedBy"] = "test", ["jsonFileName"] = "layout.json", ["jsonFileContent"] = "{}", ["global"] = false,
            ["status"] = true, ["defaultJsonModified"] = false, ["validated"] = true,
        };
        var layout = await ExerciseAsync("desktop-layout", layoutBody, Renamed(layoutBody, "Layout"), HttpStatusCode.OK, v1List: false);
        var team = await ExerciseAsync("team", Team(Unique("Team"), Id(site), Id(profile), desktopLayoutId: Id(layout)), Team(Unique("Team"), Id(site)));
        await ExerciseAsync("agent-profile", DesktopProfile(Unique("DP")), DesktopProfile(Unique("DP")));
        await ExerciseAsync("entry-point", EntryPoint(Unique("EP")), EntryPoint(Unique("EP")));
        var queue = await ExerciseAsync("contact-service-queue", Queue(Unique("Q"), Id(team)), Queue(Unique("Q"), Id(team)));
        var queue2 = await CallAsync(HttpMethod.Post, "/v2/contact-service-queue", "v2/contact-service-queue", Queue(Unique("Q"), Id(team)), HttpStatusCode.Created);
        var read2 = await CallAsync(HttpMethod.Get, "/v2/contact-service-queue/{id}", $"v2/contact-service-queue/{Id(queue2)}", null, HttpStatusCode.OK);
        await CallAsync(HttpMethod.Put, "/v2/contact-service-queue/{id}", $"v2/contact-service-queue/{Id(queue2)}", read2, HttpStatusCode.OK);
        await CallAsync(HttpMethod.Get, "/v3/contact-service-queue", "v3/contact-service-queue", null, HttpStatusCode.OK);
        var queuePatch = (JsonObject)(await CallAsync(HttpMethod.Get, "/contact-service-queue/{id}", $"contact-service-queue/{Id(queue)}", null, HttpStatusCode.OK))!;
        await CallAsync(HttpMethod.Patch, "/contact-service-queue/bulk", "contact-service-queue/bulk", Bulk(queuePatch), HttpStatusCode.MultiStatus);
        await CallAsync(HttpMethod.Post, "/contact-service-queue/v2/bulk", "contact-service-queue/v2/bulk", Bulk(Queue(Unique("Q"), Id(team))), HttpStatusCode.MultiStatus);

        var userProfile = await CallAsync(HttpMethod.Post, "/v3/user-profile", "v3/user-profile", UserProfile(Unique("UP")), HttpStatusCode.Created);
        var readProfile = await CallAsync(HttpMethod.Get, "/v3/user-profile/{id}", $"v3/user-profile/{Id(userProfile)}", null, HttpStatusCode.OK);
        await CallAsync(HttpMethod.Put, "/v3/user-profile/{id}", $"v3/user-profile/{Id(userProfile)}", readProfile, HttpStatusCode.OK);
        await CallAsync(HttpMethod.Get, "/v3/user-profile", "v3/user-profile", null, HttpStatusCode.OK);
        await CallAsync(HttpMethod.Post, "/v3/user-profile/bulk", "v3/user-profile/bulk", Bulk(UserProfile(Unique("UP"))), HttpStatusCode.MultiStatus);
        await CallAsync(HttpMethod.Get, "/user-profile/{id}/incoming-references", $"user-profile/{Id(userProfile)}/incoming-references", null, HttpStatusCode.OK);

        // A user: a licensed person, then Synchronize Users (Control Hub; not part of this spec).
        using var licenses = await cc.SendAsync(HttpMethod.Get, "/v1/licenses");
        var premium = (await cc.ExpectObjectAsync(licenses, HttpStatusCode.OK))["items"]!.AsArray().First(l => l!["name"]!.ToString() == "Contact Center Premium Agent")!["id"]!.ToString();
        using var created = await cc.SendAsync(HttpMethod.Post, "/v1/people", new JsonObject
        {
            ["emails"] = new JsonArray($"conformance-{Guid.NewGuid():N}@example.test"), ["firstName"] = "Con", ["lastName"] = "Formance", ["licenses"] = new JsonArray(premium),
        });
        var personId = (await cc.ExpectObjectAsync(created, HttpStatusCode.OK))["id"]!.ToString();
        var ciUserId = Encoding.UTF8.GetString(Convert.FromBase64String(personId.PadRight((personId.Length + 3) / 4 * 4, '='))).Split('/')[^1];
        using (var sync = await cc.SendAsync(HttpMethod.Post, $"/controlhub/v1/organization/{cc.Org}/contact-center/synchronize-users")) Assert.Equal(HttpStatusCode.OK, sync.StatusCode);
        var user = await CallAsync(HttpMethod.Get, "/user/by-ci-user-id/{id}", $"user/by-ci-user-id/{ciUserId}", null, HttpStatusCode.OK);
        await CallAsync(HttpMethod.Get, "/v2/user/by-ci-user-id/{id}", $"v2/user/by-ci-user-id/{ciUserId}", null, HttpStatusCode.OK);
        await CallAsync(HttpMethod.Get, "/user", "user?page=0&pageSize=10", null, HttpStatusCode.OK);
        await CallAsync(HttpMethod.Get, "/v2/user", "v2/user", null, HttpStatusCode.OK);
        var readUser = (JsonObject)(await CallAsync(HttpMethod.Get, "/user/{id}", $"user/{Id(user)}", null, HttpStatusCode.OK))!;
        readUser["contactCenterEnabled"] = true;
        readUser["siteId"] = Id(site);
        readUser["teamIds"] = new JsonArray(Id(team));
        readUser["multimediaProfileId"] = Id(profile);
        await CallAsync(HttpMethod.Put, "/user/{id}", $"user/{Id(user)}", readUser, HttpStatusCode.OK);
        await CallAsync(HttpMethod.Patch, "/user/{id}", $"user/{Id(user)}", new JsonObject { ["externalIdentifier"] = "ext" }, HttpStatusCode.OK);
        var fullUser = (JsonObject)(await CallAsync(HttpMethod.Get, "/user/{id}", $"user/{Id(user)}", null, HttpStatusCode.OK))!;
        fullUser["externalIdentifier"] = "ext2";
        await CallAsync(HttpMethod.Patch, "/user/bulk", "user/bulk", Bulk(fullUser), HttpStatusCode.MultiStatus);
        await CallAsync(HttpMethod.Get, "/user/{id}/incoming-references", $"user/{Id(user)}/incoming-references", null, HttpStatusCode.OK);

        // Errors carry ApiErrorResponse: a 400 and a 412.
        await CallAsync(HttpMethod.Post, "/site", "site", new JsonObject { ["name"] = "x", ["active"] = true }, HttpStatusCode.BadRequest);
        await CallAsync(HttpMethod.Delete, "/site/{id}", $"site/{Id(site)}", null, HttpStatusCode.PreconditionFailed);

        // Deletes, each resource's own success code.
        await CallAsync(HttpMethod.Delete, "/contact-service-queue/{id}", $"contact-service-queue/{Id(queue2)}", null, HttpStatusCode.NoContent);
        await CallAsync(HttpMethod.Delete, "/v3/user-profile/{id}", $"v3/user-profile/{Id(userProfile)}", null, HttpStatusCode.NoContent);
        var spareProfile = await CallAsync(HttpMethod.Post, "/multimedia-profile", "multimedia-profile", MultimediaProfile(Unique("MMP")), HttpStatusCode.OK);
        await CallAsync(HttpMethod.Delete, "/multimedia-profile/{id}", $"multimedia-profile/{Id(spareProfile)}", null, HttpStatusCode.OK);
        var spareSite = await CallAsync(HttpMethod.Post, "/site", "site", Site(Unique("Site"), Id(profile)), HttpStatusCode.Created);
        var spareTeam = await CallAsync(HttpMethod.Post, "/team", "team", Team(Unique("Team"), Id(spareSite)), HttpStatusCode.Created);
        await CallAsync(HttpMethod.Delete, "/team/{id}", $"team/{Id(spareTeam)}", null, HttpStatusCode.NoContent);
        await CallAsync(HttpMethod.Delete, "/site/{id}", $"site/{Id(spareSite)}", null, HttpStatusCode.NoContent);
        var spareDesktop = await CallAsync(HttpMethod.Post, "/agent-profile", "agent-profile", DesktopProfile(Unique("DP")), HttpStatusCode.Created);
        await CallAsync(HttpMethod.Delete, "/agent-profile/{id}", $"agent-profile/{Id(spareDesktop)}", null, HttpStatusCode.NoContent);
        var spareEntry = await CallAsync(HttpMethod.Post, "/entry-point", "entry-point", EntryPoint(Unique("EP")), HttpStatusCode.Created);
        await CallAsync(HttpMethod.Delete, "/entry-point/{id}", $"entry-point/{Id(spareEntry)}", null, HttpStatusCode.NoContent);
        var spareLayout = (JsonObject)layoutBody.DeepClone();
        spareLayout["name"] = Unique("Layout");
        var spare = await CallAsync(HttpMethod.Post, "/desktop-layout", "desktop-layout", spareLayout, HttpStatusCode.OK);
        await CallAsync(HttpMethod.Delete, "/desktop-layout/{id}", $"desktop-layout/{Id(spare)}", null, HttpStatusCode.OK);

        // Every implemented operation was exercised, and every exchange validates.
        var exercised = calls.Select(c => (c.Method, c.Template)).ToHashSet();
        var missing = ImplementedRoutes.Where(r => !exercised.Contains(r)).ToList();
        Assert.True(missing.Count == 0, "Not exercised: " + string.Join(", ", missing));

        var validator = new OpenApiSchemaValidator(spec);
        var problems = new List<string>();
        foreach (var (method, template, request, status, response) in calls)
        {
            var operation = paths[template]![method]!.AsObject();
            var label = $"{method.ToUpperInvariant()} {template} → {status}";
            // Error cases send invalid bodies on purpose; only the requests that succeed must be valid.
            if (request is not null && status < 400)
            {
                var requestSchema = operation["requestBody"]?["content"]?["application/json"]?["schema"]
                    ?? operation["parameters"]?.AsArray().FirstOrDefault(p => p?["name"]?.ToString() == "teamDTO")?["schema"]; // §1.8 gotcha
                Assert.True(requestSchema is not null, $"{label}: the spec declares no request body.");
                problems.AddRange(validator.Validate(request, requestSchema!).Select(e => $"{label} request: {e}"));
            }
            var declared = operation["responses"]![status.ToString()];
            if (declared is null) { problems.Add($"{label}: status {status} is not declared"); continue; }
            var schema = declared["content"]?.AsObject().Select(c => c.Value?["schema"]).FirstOrDefault(s => s is not null);
            if (schema is null) { if (response is not null) problems.Add($"{label}: a body the spec does not declare"); continue; }
            if (template.EndsWith("/v3/user-profile") && method == "get")
                // The spec declares this list as a string (§1.8); check the envelope against the DTO it carries.
                schema = JsonNode.Parse("""{"type":"object","required":["meta","data"],"properties":{"meta":{"$ref":"#/components/schemas/MetaDataWithPagingInfo"},"data":{"type":"array","items":{"$ref":"#/components/schemas/UserProfileGranularAccessDTO"}}}}""");
            problems.AddRange(validator.Validate(response, schema!).Select(e => $"{label} response: {e}"));
        }
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }
}
