using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DigitalChannels.IntegrationTests.Hardening;

/// <summary>One operation to attack: method, path template, and the JSON schema of its body (null when it takes none).</summary>
public sealed record FuzzOperation(string Method, string PathTemplate, JsonObject? BodySchema, string Source);

/// <summary>One malformed request: what it is (for the failure message), the path, the body bytes and content type.</summary>
public sealed record MalformedRequest(string Kind, string Method, string Path, byte[]? Body, string? ContentType);

/// <summary>
/// Seeded generator of malformed requests for an operation: invalid UTF-8 and lone surrogate escapes inside JSON
/// strings, duplicate keys, every property given a value of the wrong JSON kind, deep nesting, huge values, bodies that
/// are not JSON objects, and hostile path segments and query strings. The same seed gives the same requests.
/// </summary>
public sealed class MalformedRequests
{
    private static readonly string[] HostileSegments =
    [
        "%00", "%ff%fe", "..", ".", "%2e%2e", "%252e", "x%2Fy", "%C0%AE", new string('a', 3000), "%F0%9F%98%80", "-1", "0", "99999999999999999999", "'%20OR%201=1", "%ED%A0%80",
    ];

    private static readonly string[] HostileQueries =
    [
        "page=-1", "pageSize=0", "pageSize=99999999999", "page=1e99", "filter=%00", "filter=name%3D%3D", "filter=(((((", "search=%ff",
        "to=%ED%A0%80", "kind=" + new string('k', 2000), "channel=%00", "status=%22", "roleType[]=x", "page=NaN",
    ];

    private readonly Random random;

    public MalformedRequests(int seed) => random = new Random(seed);

    /// <summary>The operation's requests with <paramref name="values"/> standing in for path parameters (unknown ones get a new GUID).</summary>
    public IEnumerable<MalformedRequest> For(FuzzOperation operation, IReadOnlyDictionary<string, string> values)
    {
        var path = Fill(operation.PathTemplate, values, hostile: null);
        var method = operation.Method;

        // Hostile path parameters and queries, on every operation.
        var parameters = Parameters(operation.PathTemplate).ToList();
        foreach (var parameter in parameters)
            foreach (var segment in Pick(HostileSegments, 3))
                yield return new("hostile path parameter {" + parameter + "}=" + Short(segment), method, Fill(operation.PathTemplate, values, (parameter, segment)), null, null);
        foreach (var query in Pick(HostileQueries, 3))
            yield return new("hostile query " + Short(query), method, path + "?" + query, null, null);

        if (method is "GET" or "DELETE")
        {
            // A body where none is expected.
            yield return new("unexpected body", method, path, Utf8("{\"a\":\"\\ud800\"}"), "application/json");
            yield break;
        }

        var valid = ValidBody(operation.BodySchema);
        var properties = valid.Select(p => p.Key).ToList();
        if (properties.Count == 0) properties.Add("name");

        // Not a JSON object at all.
        yield return new("empty body", method, path, [], "application/json");
        yield return new("not JSON", method, path, Utf8("name=x&y"), "application/json");
        yield return new("truncated JSON", method, path, Utf8(valid.ToJsonString()[..Math.Max(1, valid.ToJsonString().Length / 2)]), "application/json");
        yield return new("JSON array root", method, path, Utf8("[" + valid.ToJsonString() + "]"), "application/json");
        yield return new("JSON null root", method, path, Utf8("null"), "application/json");
        yield return new("JSON string root", method, path, Utf8("\"\\udc00\""), "application/json");
        yield return new("wrong content type", method, path, Utf8(valid.ToJsonString()), "text/plain");
        yield return new("form content type", method, path, Utf8("name=x"), "application/x-www-form-urlencoded");
        yield return new("BOM and comment", method, path, [0xEF, 0xBB, 0xBF, .. Utf8("/*c*/" + valid.ToJsonString())], "application/json");

        foreach (var property in properties)
        {
            // Invalid UTF-8 and lone surrogates inside a string.
            yield return new($"invalid UTF-8 in '{property}'", method, path, Bytes(With(valid, property, "\u0001MARK\u0001"), "\"\u0001MARK\u0001\"", [0x22, 0xC3, 0x28, 0xFF, 0xFE, 0x22]), "application/json");
            yield return new($"overlong UTF-8 in '{property}'", method, path, Bytes(With(valid, property, "\u0001MARK\u0001"), "\"\u0001MARK\u0001\"", [0x22, 0xC0, 0xAF, 0xED, 0xA0, 0x80, 0x22]), "application/json");
            yield return new($"lone high surrogate in '{property}'", method, path, Replace(With(valid, property, "\u0001MARK\u0001"), "\"\\ud800\""), "application/json");
            yield return new($"lone low surrogate in '{property}'", method, path, Replace(With(valid, property, "\u0001MARK\u0001"), "\"ab\\udfff\""), "application/json");
            yield return new($"NUL in '{property}'", method, path, Replace(With(valid, property, "\u0001MARK\u0001"), "\"a\\u0000b\""), "application/json");

            // Duplicate keys: the valid value and a second one, of the same and of another kind.
            var json = valid.ToJsonString();
            var first = JsonSerializer.Serialize(property);
            yield return new($"duplicate key '{property}'", method, path, Utf8("{" + first + ":\"x\"," + json[1..]), "application/json");
            yield return new($"duplicate key '{property}' of another kind", method, path, Utf8("{" + first + ":[1,{\"a\":2}]," + json[1..^1] + (json.Length > 2 ? "," : "") + first + ":{}}"), "application/json");

            // Every wrong kind, and huge or extreme values.
            foreach (var (kind, value) in WrongKinds())
                yield return new($"'{property}' as {kind}", method, path, Replace(With(valid, property, "\u0001MARK\u0001"), value), "application/json");
        }

        // Deep nesting, at the root and inside a property; huge keys and many keys.
        var inner = properties[random.Next(properties.Count)];
        yield return new("deep arrays", method, path, Utf8("{\"" + inner + "\":" + new string('[', 100_000) + new string(']', 100_000) + "}"), "application/json");
        yield return new("deep objects", method, path, Utf8(string.Concat(Enumerable.Repeat("{\"a\":", 5_000)) + "1" + new string('}', 5_000)), "application/json");
        yield return new("nesting just past 64", method, path, Utf8("{\"" + inner + "\":" + string.Concat(Enumerable.Repeat("{\"a\":", 70)) + "1" + new string('}', 70) + "}"), "application/json");
        yield return new("huge key", method, path, Utf8("{\"" + new string('k', 200_000) + "\":1}"), "application/json");
        yield return new("many keys", method, path, Utf8("{" + string.Join(",", Enumerable.Range(0, 20_000).Select(i => $"\"k{i}\":{i}")) + "}"), "application/json");
    }

    private IEnumerable<(string Kind, string Json)> WrongKinds()
    {
        yield return ("a number", "12");
        yield return ("a fraction", "1.5");
        yield return ("a negative number", "-1");
        yield return ("a huge integer", "123456789012345678901234567890");
        yield return ("an overflowing double", "1e400");
        yield return ("a tiny double", "-1e-400");
        yield return ("true", "true");
        yield return ("null", "null");
        yield return ("an empty string", "\"\"");
        yield return ("a 2 MB string", "\"" + new string('x', 2_000_000) + "\"");
        yield return ("whitespace", "\" \\t\\n \"");
        yield return ("an array of numbers", "[1,2,3]");
        yield return ("an array of objects", "[{\"a\":{\"b\":[null]}}]");
        yield return ("a huge array", "[" + string.Join(",", Enumerable.Repeat("\"x\"", 50_000)) + "]");
        yield return ("an object", "{\"a\":1}");
        yield return ("an empty object", "{}");
        yield return ("control characters", "\"\\u0007\\u001b[31m\\r\\n\"");
        yield return ("a random string", JsonSerializer.Serialize(RandomText(random.Next(1, 40))));
    }

    /// <summary>A body that satisfies the schema's shape (strings, numbers, booleans, arrays, objects), as a base to break.</summary>
    public static JsonObject ValidBody(JsonObject? schema)
    {
        var body = new JsonObject();
        if (schema?["properties"] is not JsonObject properties) return body;
        foreach (var (name, property) in properties)
            body[name] = SampleOf(property as JsonObject, 0);
        return body;
    }

    private static JsonNode? SampleOf(JsonObject? schema, int depth)
    {
        if (schema is null || depth > 3) return "x";
        if (schema["example"] is { } example) return example.DeepClone();
        if (schema["enum"] is JsonArray { Count: > 0 } values) return values[0]!.DeepClone();
        var type = schema["type"] is JsonArray types ? types[0]?.GetValue<string>() : schema["type"]?.GetValue<string>();
        return type switch
        {
            "integer" or "number" => 1,
            "boolean" => true,
            "array" => new JsonArray(SampleOf(schema["items"] as JsonObject, depth + 1)),
            "object" => ValidBody(schema),
            _ => "x",
        };
    }

    public static IEnumerable<string> Parameters(string template)
    {
        for (var start = template.IndexOf('{'); start >= 0; start = template.IndexOf('{', start + 1))
            yield return template[(start + 1)..template.IndexOf('}', start)];
    }

    private static string Fill(string template, IReadOnlyDictionary<string, string> values, (string Name, string Raw)? hostile)
    {
        var path = template;
        foreach (var name in Parameters(template).ToList())
        {
            var value = hostile is { } h && h.Name == name ? h.Raw
                : values.TryGetValue(name, out var known) ? Uri.EscapeDataString(known) : Guid.NewGuid().ToString("D");
            path = path.Replace("{" + name + "}", value);
        }
        return path;
    }

    private static JsonObject With(JsonObject body, string property, string marker)
    {
        var copy = (JsonObject)body.DeepClone();
        copy[property] = marker;
        return copy;
    }

    private static byte[] Replace(JsonObject body, string json) => Utf8(body.ToJsonString().Replace("\"\\u0001MARK\\u0001\"", json));

    private static byte[] Bytes(JsonObject body, string _, byte[] raw)
    {
        var text = body.ToJsonString();
        var at = text.IndexOf("\"\\u0001MARK\\u0001\"", StringComparison.Ordinal);
        return [.. Utf8(text[..at]), .. raw, .. Utf8(text[(at + "\"\\u0001MARK\\u0001\"".Length)..])];
    }

    private IEnumerable<string> Pick(string[] items, int count) => items.OrderBy(_ => random.Next()).Take(count);

    private string RandomText(int length)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < length; i++) builder.Append((char)random.Next(0x20, 0x2FFF));
        return builder.ToString();
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static string Short(string text) => text.Length > 24 ? text[..21] + "..." : text;
}
