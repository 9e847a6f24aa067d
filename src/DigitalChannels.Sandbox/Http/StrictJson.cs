using System.Text.Json;

namespace DigitalChannels.Sandbox.Http;

/// <summary>A request body that is not acceptable JSON; each API renders it as its own 400.</summary>
public sealed class MalformedJsonException(string message) : Exception(message);

/// <summary>
/// The one way request bodies are parsed, whichever API reads them (Connect, Engage, sandbox, Contact Center, People).
/// System.Text.Json accepts, and decodes only when a string is read, text that cannot become a .NET string (invalid
/// UTF-8, lone surrogate escapes), and it keeps duplicate keys, which JsonNode then throws on when a property is
/// looked up: each of those reached a handler as an unexpected exception. Here the whole document is checked once,
/// before any handler sees it: every string and name decodes, no object names a key twice, the depth is bounded.
/// </summary>
public static class StrictJson
{
    public const int MaximumDepth = 64;

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = MaximumDepth };

    public static async Task<JsonDocument> ParseAsync(HttpRequest request)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, Options, request.HttpContext.RequestAborted);
        }
        catch (JsonException ex)
        {
            throw new MalformedJsonException($"The request body is not valid JSON: {ex.Message}");
        }
        try
        {
            Check(document.RootElement, "$");
        }
        catch
        {
            document.Dispose();
            throw;
        }
        return document;
    }

    private static void Check(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                Decode(() => element.GetString(), path);
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray()) Check(item, $"{path}[{index++}]");
                break;
            case JsonValueKind.Object:
                var names = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    var name = Decode(() => property.Name, path + ".(a property name)");
                    var child = path + "." + Shorten(name);
                    if (!names.Add(name)) throw new MalformedJsonException($"The request body names the field '{child[2..]}' twice; give each field once.");
                    Check(property.Value, child);
                }
                break;
        }
    }

    private static string Decode(Func<string?> read, string path)
    {
        try
        {
            return read() ?? string.Empty;
        }
        catch (InvalidOperationException)
        {
            // Invalid UTF-8 bytes or an unpaired \uD800-\uDFFF escape: no .NET string can hold it.
            throw new MalformedJsonException($"The request body has text at '{path}' that is not valid Unicode (invalid UTF-8 or a lone surrogate escape).");
        }
    }

    private static string Shorten(string name) => name.Length <= 40 ? name : name[..37] + "...";
}
