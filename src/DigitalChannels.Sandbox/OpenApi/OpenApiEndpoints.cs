using System.Text.Json;
using System.Text.Json.Nodes;
using DigitalChannels.Sandbox.Identity;

namespace DigitalChannels.Sandbox.OpenApi;

/// <summary>
/// Serves the hand-written OpenAPI documents of the sandbox's own APIs, one per area (connect, controlhub, engage),
/// at <c>/{area}/v1/openapi.json</c>. An area's document is assembled from the embedded files <c>OpenApi/{area}/*.json</c>:
/// the one with an <c>openapi</c> member is the base; the others add <c>paths</c> and <c>components</c>, so that each
/// feature documents itself in its own file. A path or component defined twice stops the sandbox at start-up.
/// The files keep relative URLs; on the way out the server and token URL are made absolute for the host the caller
/// used, so that tools which import a document (Postman, Swagger UI) can call and sign in without editing it.
/// </summary>
public static class OpenApiEndpoints
{
    private const string ResourcePrefix = "DigitalChannels.Sandbox.OpenApi.";

    public static string DocumentPath(string area) => $"/{area}/v1/openapi.json";

    /// <summary>Every area's assembled document, by area name.</summary>
    public static IReadOnlyDictionary<string, string> Documents => LazyDocuments.Value;

    private static readonly Lazy<IReadOnlyDictionary<string, string>> LazyDocuments = new(Assemble);

    public static void MapOpenApiDocuments(this IEndpointRouteBuilder app)
    {
        foreach (var (area, text) in Documents)
        {
            app.MapGet(DocumentPath(area), (HttpRequest request) =>
            {
                var document = JsonNode.Parse(text)!;
                document["servers"] = new JsonArray(new JsonObject { ["url"] = IssuerUrls.BaseUrl(request), ["description"] = "This sandbox" });
                var flows = document["components"]?["securitySchemes"]?["oauth2"]?["flows"]?["clientCredentials"];
                if (flows is not null) flows["tokenUrl"] = IssuerUrls.TokenEndpoint(request);
                return Results.Text(document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), "application/json");
            });
        }
    }

    private static IReadOnlyDictionary<string, string> Assemble()
    {
        var assembly = typeof(OpenApiEndpoints).Assembly;
        var byArea = new SortedDictionary<string, List<(string File, JsonObject Content)>>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            // DigitalChannels.Sandbox.OpenApi.{area}.{file}.json
            var relative = resource[ResourcePrefix.Length..];
            var dot = relative.IndexOf('.');
            if (dot <= 0) continue;
            var area = relative[..dot];
            using var stream = assembly.GetManifestResourceStream(resource)!;
            var content = JsonNode.Parse(stream) as JsonObject
                ?? throw new InvalidOperationException($"The OpenAPI file '{relative}' is not a JSON object.");
            (byArea.TryGetValue(area, out var files) ? files : byArea[area] = []).Add((relative, content));
        }

        var documents = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (area, files) in byArea)
        {
            var bases = files.Where(file => file.Content.ContainsKey("openapi")).ToList();
            if (bases.Count != 1)
                throw new InvalidOperationException(
                    $"The OpenAPI area '{area}' needs exactly one file with an 'openapi' member; it has {bases.Count} ({string.Join(", ", bases.Select(b => b.File))}).");
            var document = bases[0].Content;
            foreach (var (file, fragment) in files.Where(file => !ReferenceEquals(file.Content, document)).OrderBy(file => file.File, StringComparer.Ordinal))
            {
                MergeMembers(document, fragment, "paths", file);
                if (fragment["components"] is JsonObject components)
                {
                    foreach (var (kind, _) in components.ToList())
                        MergeMembers(Ensure(document, "components"), components, kind, file);
                }
                if (fragment["tags"] is JsonArray tags)
                {
                    var target = document["tags"] as JsonArray ?? (JsonArray)(document["tags"] = new JsonArray());
                    foreach (var tag in tags.ToList()) target.Add(tag!.DeepClone());
                }
            }
            documents[area] = document.ToJsonString();
        }
        return documents;
    }

    private static void MergeMembers(JsonObject document, JsonObject fragment, string member, string file)
    {
        if (fragment[member] is not JsonObject source) return;
        var target = Ensure(document, member);
        foreach (var (name, value) in source.ToList())
        {
            if (target.ContainsKey(name))
                throw new InvalidOperationException($"The OpenAPI file '{file}' defines '{member}/{name}' again.");
            target[name] = value!.DeepClone();
        }
    }

    private static JsonObject Ensure(JsonObject parent, string member) =>
        parent[member] as JsonObject ?? (JsonObject)(parent[member] = new JsonObject());
}
