using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using DigitalChannels.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace DigitalChannels.IntegrationTests.Hardening;

/// <summary>
/// Seeded, bounded fuzzing: malformed requests for every operation of the OpenAPI documents the sandbox serves, plus
/// the People/licence routes, the Contact Center writes and the token endpoint. Every answer must be a 4xx (never a
/// 5xx), no body may carry a stack trace, and the server must be alive afterwards.
/// </summary>
[Collection(HeavyCollection.Name)]
public sealed class MalformedInputFuzzTests(ITestOutputHelper output)
{
    public const int Seed = 1313;

    /// <summary>Routes outside the served documents: People and licences, Contact Center writes (their spec is Webex's).</summary>
    private static readonly FuzzOperation[] Extra =
    [
        new("POST", "/v1/people", Schema(("emails", "array"), ("displayName", "string"), ("firstName", "string"), ("licenses", "array"), ("roles", "array")), "people"),
        new("PUT", "/v1/people/{personId}", Schema(("emails", "array"), ("displayName", "string"), ("licenses", "array"), ("roles", "array")), "people"),
        new("PATCH", "/v1/licenses/users", Schema(("email", "string"), ("personId", "string"), ("orgId", "string"), ("licenses", "array")), "people"),
        new("GET", "/v1/people", null, "people"),
        new("POST", "/organization/{orgId}/site", Schema(("name", "string"), ("multimediaProfileId", "string"), ("active", "boolean")), "contact-center"),
        new("PUT", "/organization/{orgId}/site/{id}", Schema(("name", "string"), ("version", "integer"), ("multimediaProfileId", "string")), "contact-center"),
        new("POST", "/organization/{orgId}/team", Schema(("name", "string"), ("siteId", "string"), ("teamType", "string"), ("userIds", "array")), "contact-center"),
        new("POST", "/organization/{orgId}/multimedia-profile", Schema(("name", "string"), ("chat", "integer"), ("blendingMode", "string"), ("active", "boolean")), "contact-center"),
        new("POST", "/organization/{orgId}/site/bulk", Schema(("items", "array")), "contact-center"),
        new("PUT", "/organization/{orgId}/user/{id}", Schema(("email", "string"), ("version", "integer"), ("teamIds", "array"), ("contactCenterEnabled", "boolean")), "contact-center"),
        new("PATCH", "/organization/{orgId}/user/{id}", Schema(("siteId", "string"), ("teamIds", "array")), "contact-center"),
        new("PATCH", "/organization/{orgId}/user/bulk", Schema(("items", "array")), "contact-center"),
        new("GET", "/organization/{orgId}/v2/team", null, "contact-center"),
        // Webex's service-app token route (no served document: its spec is Webex's).
        new("POST", "/v1/applications/{applicationId}/token", Schema(("clientId", "string"), ("clientSecret", "string"), ("targetOrgId", "string")), "service-apps"),
    ];

    [Fact]
    public async Task Malformed_requests_on_every_route_get_a_4xx_without_a_stack_trace_and_the_server_lives_on()
    {
        using var sandbox = new SandboxProcess();
        await sandbox.StartAsync();
        using var api = new SandboxApi(sandbox);
        using var http = new HttpClient { BaseAddress = new Uri(sandbox.BaseUrl), Timeout = TimeSpan.FromSeconds(60) };

        var operations = new List<FuzzOperation>();
        foreach (var area in new[] { "connect", "controlhub", "engage" })
            operations.AddRange(OperationsOf(await http.GetFromJsonAsync<JsonObject>($"/{area}/v1/openapi.json") ?? throw new InvalidOperationException(area), area));
        operations.AddRange(Extra);
        // Deletions last, so that the other operations meet the resources the ids name.
        operations = operations.OrderBy(o => o.Method == "DELETE").ToList();
        Assert.True(operations.Count >= 80, $"Only {operations.Count} operations were found in the served documents.");

        var token = await api.OwnerTokenAsync();
        var values = await KnownIdsAsync(http, token, sandbox.OrgId, operations);
        var generator = new MalformedRequests(Seed);
        var failures = new List<string>();
        var byStatus = new SortedDictionary<int, int>();
        var sent = 0;
        var clock = Stopwatch.StartNew();

        foreach (var operation in operations)
            foreach (var request in generator.For(operation, values))
            {
                // A fresh token now and then: the fuzz may move the sandbox clock by a little (clock/advance with 1 s).
                if (++sent % 400 == 0) token = await api.OwnerTokenAsync();
                var (status, body) = await SendAsync(http, request, token);
                byStatus[status] = byStatus.GetValueOrDefault(status) + 1;
                if (status >= 500 || status == 0)
                    failures.Add($"{status} {request.Method} {Cut(request.Path)} ({request.Kind}, from {operation.Source}): {Cut(body)}");
                else if (LooksLikeStackTrace(body))
                    failures.Add($"stack trace in {status} {request.Method} {Cut(request.Path)} ({request.Kind}): {Cut(body)}");
            }

        // The token endpoint: malformed forms and credentials.
        foreach (var (kind, content, contentType, basic) in TokenRequests())
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, "/v1/access_token") { Content = new ByteArrayContent(content) };
            message.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            if (basic is not null) message.Headers.TryAddWithoutValidation("Authorization", basic);
            using var response = await http.SendAsync(message);
            var body = await response.Content.ReadAsStringAsync();
            sent++;
            byStatus[(int)response.StatusCode] = byStatus.GetValueOrDefault((int)response.StatusCode) + 1;
            if ((int)response.StatusCode >= 500 || LooksLikeStackTrace(body)) failures.Add($"{(int)response.StatusCode} token endpoint ({kind}): {Cut(body)}");
        }

        output.WriteLine($"Fuzzed {operations.Count} operations with {sent} malformed requests (seed {Seed}) in {clock.Elapsed.TotalSeconds:0.0} s.");
        output.WriteLine("Statuses: " + string.Join(", ", byStatus.Select(s => $"{s.Key}: {s.Value}")));
        using (var health = await http.GetAsync("/health"))
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.True(sandbox.IsRunning, "The sandbox process died.");
        Assert.True(sent >= 3000, $"Only {sent} requests were generated.");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} malformed requests failed badly:\n" + string.Join("\n", failures.Take(40)));
    }

    private static async Task<(int Status, string Body)> SendAsync(HttpClient http, MalformedRequest request, string token)
    {
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Path);
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (request.Body is not null)
        {
            message.Content = new ByteArrayContent(request.Body);
            if (request.ContentType is not null) message.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
        }
        try
        {
            using var response = await http.SendAsync(message);
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        catch (HttpRequestException ex)
        {
            // The server may close the connection on a body it refuses to read to the end; a closed connection with no
            // answer is acceptable only when the server is still alive.
            using var health = await http.GetAsync("/health");
            return health.IsSuccessStatusCode ? (499, "connection closed: " + ex.Message) : (0, ex.Message);
        }
    }

    private static IEnumerable<(string Kind, byte[] Content, string ContentType, string? Basic)> TokenRequests()
    {
        byte[] Bytes(string text) => System.Text.Encoding.UTF8.GetBytes(text);
        yield return ("invalid UTF-8 in the secret", [.. Bytes("grant_type=client_credentials&client_id=a&client_secret="), 0xC3, 0x28, 0xFF], "application/x-www-form-urlencoded", null);
        yield return ("percent-encoded lone surrogate", Bytes("grant_type=client_credentials&client_id=%ED%A0%80&client_secret=%ED%A0%80"), "application/x-www-form-urlencoded", null);
        yield return ("duplicate grant types", Bytes("grant_type=client_credentials&grant_type=password&client_id=a&client_secret=b"), "application/x-www-form-urlencoded", null);
        yield return ("a huge secret", Bytes("grant_type=client_credentials&client_id=a&client_secret=" + new string('s', 1_000_000)), "application/x-www-form-urlencoded", null);
        yield return ("many fields", Bytes(string.Join("&", Enumerable.Range(0, 20_000).Select(i => $"f{i}=1"))), "application/x-www-form-urlencoded", null);
        yield return ("JSON body", Bytes("{\"grant_type\":\"client_credentials\"}"), "application/json", null);
        yield return ("multipart without boundary", Bytes("--x\r\n"), "multipart/form-data", null);
        yield return ("Basic not base64", Bytes("grant_type=client_credentials"), "application/x-www-form-urlencoded", "Basic %%%%");
        yield return ("Basic with bad percent-encoding", Bytes("grant_type=client_credentials"), "application/x-www-form-urlencoded",
            "Basic " + Convert.ToBase64String(Bytes("%E0%A4%A:%")));
        yield return ("Basic with invalid UTF-8", Bytes("grant_type=client_credentials"), "application/x-www-form-urlencoded",
            "Basic " + Convert.ToBase64String([0xC3, 0x28, 0x3A, 0xFF]));
        yield return ("unknown scope text", Bytes("grant_type=client_credentials&client_id=a&client_secret=b&scope=%00%ff"), "application/x-www-form-urlencoded", null);
    }

    /// <summary>Every operation of a served document, with its JSON body schema ($ref resolved).</summary>
    private static IEnumerable<FuzzOperation> OperationsOf(JsonObject document, string area)
    {
        if (document["paths"] is not JsonObject paths) yield break;
        foreach (var (path, item) in paths)
        {
            if (item is not JsonObject methods) continue;
            foreach (var (method, operation) in methods)
            {
                if (method is not ("get" or "post" or "put" or "patch" or "delete")) continue;
                var content = operation?["requestBody"]?["content"] as JsonObject;
                var schema = (content?["application/json"] ?? content?.FirstOrDefault().Value)?["schema"] as JsonObject;
                yield return new(method.ToUpperInvariant(), path, Resolve(document, schema), area);
            }
        }
    }

    private static JsonObject? Resolve(JsonObject document, JsonObject? schema)
    {
        for (var i = 0; i < 5 && schema?["$ref"]?.GetValue<string>() is { } reference; i++)
        {
            JsonNode? node = document;
            foreach (var part in reference.TrimStart('#', '/').Split('/')) node = node?[part];
            schema = node as JsonObject;
        }
        if (schema?["allOf"] is JsonArray all)
        {
            var merged = new JsonObject();
            foreach (var part in all)
                if (Resolve(document, part as JsonObject)?["properties"] is JsonObject properties)
                    foreach (var (name, value) in properties) merged[name] = value?.DeepClone();
            return new JsonObject { ["type"] = "object", ["properties"] = merged };
        }
        return schema;
    }

    /// <summary>Real ids for path parameters, read from each list route, so that requests reach the handlers' body reading.</summary>
    private static async Task<Dictionary<string, string>> KnownIdsAsync(HttpClient http, string token, string orgId, IReadOnlyList<FuzzOperation> operations)
    {
        var values = new Dictionary<string, string> { ["orgId"] = orgId, ["organizationId"] = orgId, ["channel"] = "chat",
            // The default app's Webex application id, so that service-app requests reach the body checks.
            ["applicationId"] = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("ciscospark://us/APPLICATION/" + DigitalChannels.Client.Environments.SandboxConnectionFile.WellKnown.ClientId)).TrimEnd('=') };
        foreach (var operation in operations.Where(o => o.Method == "GET").OrderBy(o => o.PathTemplate.Length))
        {
            var parameters = MalformedRequests.Parameters(operation.PathTemplate).ToList();
            if (parameters.Any(p => !values.ContainsKey(p))) continue;
            var path = parameters.Aggregate(operation.PathTemplate, (p, name) => p.Replace("{" + name + "}", Uri.EscapeDataString(values[name])));
            using var message = new HttpRequestMessage(HttpMethod.Get, path);
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(message);
            if (!response.IsSuccessStatusCode) continue;
            var id = FirstId(JsonNode.Parse(await response.Content.ReadAsStringAsync()));
            // The parameter a list feeds is the one of the item route below it: ".../services" → {serviceId}.
            var item = operations.FirstOrDefault(o => o.PathTemplate.StartsWith(operation.PathTemplate + "/{", StringComparison.Ordinal));
            if (id is null || item is null) continue;
            var parameter = item.PathTemplate[(operation.PathTemplate.Length + 2)..].Split('}')[0];
            values.TryAdd(parameter, id);
        }
        return values;
    }

    private static string? FirstId(JsonNode? node)
    {
        var items = node as JsonArray ?? node?["data"] as JsonArray ?? node?["items"] as JsonArray;
        return items?.FirstOrDefault()?["id"]?.GetValue<string>();
    }

    private static JsonObject Schema(params (string Name, string Type)[] properties)
    {
        var result = new JsonObject();
        foreach (var (name, type) in properties)
            result[name] = type == "array" ? new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } } : new JsonObject { ["type"] = type };
        return new JsonObject { ["type"] = "object", ["properties"] = result };
    }

    /// <summary>.NET stack frames ("   at Namespace.Type.Method(") or an exception type name leaking into a body.</summary>
    public static bool LooksLikeStackTrace(string body) =>
        System.Text.RegularExpressions.Regex.IsMatch(body, @"\bat [A-Z][\w.]+\.[\w<>]+\(|System\.[A-Za-z.]+Exception|\.cs:line \d+");

    private static string Cut(string text) => text.Length > 300 ? text[..300] + "..." : text;
}
