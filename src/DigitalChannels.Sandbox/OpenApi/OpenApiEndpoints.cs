using System.Text.Json;
using System.Text.Json.Nodes;
using DigitalChannels.Sandbox.Identity;

namespace DigitalChannels.Sandbox.OpenApi;

/// <summary>
/// Serves the hand-written OpenAPI document (embedded <c>connect-openapi.json</c>). The file keeps relative URLs;
/// on the way out the server and token URL are made absolute for the host the caller used, so that tools which
/// import the document (Postman, Swagger UI) can call and sign in without editing it.
/// </summary>
public static class OpenApiEndpoints
{
    public const string DocumentPath = "/connect/v1/openapi.json";
    public const string ResourceName = "DigitalChannels.Sandbox.OpenApi.connect-openapi.json";

    private static readonly Lazy<string> Document = new(() =>
    {
        using var stream = typeof(OpenApiEndpoints).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource '{ResourceName}' is missing from the sandbox assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public static void MapOpenApiDocument(this IEndpointRouteBuilder app) => app.MapGet(DocumentPath, (HttpRequest request) =>
    {
        var document = JsonNode.Parse(Document.Value)!;
        document["servers"] = new JsonArray(new JsonObject { ["url"] = IssuerUrls.BaseUrl(request), ["description"] = "This sandbox" });
        var flows = document["components"]?["securitySchemes"]?["oauth2"]?["flows"]?["clientCredentials"];
        if (flows is not null) flows["tokenUrl"] = IssuerUrls.TokenEndpoint(request);
        return Results.Text(document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), "application/json");
    });
}
