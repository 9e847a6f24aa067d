using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace DigitalChannels.Sandbox.ContactCenter.Specification;

/// <summary>
/// The request DTO schemas of the official Contact Center spec (an embedded extract, see contact-center-dto-schemas.json),
/// used two ways: <see cref="Validate"/> checks a body (required, types, enums, lengths, patterns, ranges, nested $ref
/// and items) and reports the first violation naming the field path and value; <see cref="Clean"/> keeps only the
/// properties the schema declares, so that a stored object never carries fields the spec does not know.
/// </summary>
public sealed class DtoSchemas
{
    private const string ResourceName = "DigitalChannels.Sandbox.ContactCenter.DtoSchemas.json";
    private readonly JsonObject schemas;
    private readonly ConcurrentDictionary<string, Regex> patterns = new();

    private DtoSchemas(JsonObject schemas) => this.schemas = schemas;

    public static DtoSchemas Instance { get; } = Load();

    private static DtoSchemas Load()
    {
        using var stream = typeof(DtoSchemas).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        var root = JsonNode.Parse(stream)!.AsObject();
        return new DtoSchemas(root["schemas"]!.AsObject());
    }

    public JsonObject Schema(string name) =>
        schemas[name] as JsonObject ?? throw new InvalidOperationException($"The schema '{name}' is not in the embedded extract.");

    public IReadOnlyList<string> Required(string name) =>
        Schema(name)["required"] is JsonArray required ? required.Select(r => r!.GetValue<string>()).ToList() : [];

    /// <summary>The first violation of <paramref name="schemaName"/> by <paramref name="value"/>, or null.</summary>
    /// <param name="ignoreRequired">Required members not to insist on (server-owned fields, partial updates).</param>
    public string? Validate(JsonNode? value, string schemaName, ISet<string>? ignoreRequired = null) =>
        Check(value, Schema(schemaName), "", ignoreRequired);

    private string? Check(JsonNode? value, JsonObject schema, string path, ISet<string>? ignoreRequired)
    {
        if (schema["$ref"] is JsonValue reference) schema = Schema(reference.GetValue<string>().Split('/')[^1]);
        var field = path.Length == 0 ? "body" : path;
        if (value is null) return null; // null is "not given"; required is checked by the parent.
        var type = schema["type"]?.GetValue<string>() ?? (schema["properties"] is not null ? "object" : null);

        switch (type)
        {
            case "object":
                if (value is not JsonObject obj) return $"The field '{field}' must be an object, not {Describe(value)}.";
                if (schema["required"] is JsonArray required)
                {
                    foreach (var name in required.Select(r => r!.GetValue<string>()))
                    {
                        if (path.Length == 0 && ignoreRequired?.Contains(name) == true) continue;
                        if (obj[name] is null) return $"The field '{Join(path, name)}' is required.";
                    }
                }
                if (schema["properties"] is JsonObject properties)
                {
                    foreach (var (name, member) in obj)
                    {
                        if (properties[name] is JsonObject memberSchema && Check(member, memberSchema, Join(path, name), ignoreRequired) is { } error)
                            return error;
                    }
                }
                return null;
            case "array":
                if (value is not JsonArray array) return $"The field '{field}' must be an array, not {Describe(value)}.";
                if (schema["uniqueItems"]?.GetValue<bool>() == true)
                {
                    var seen = new HashSet<string>(StringComparer.Ordinal);
                    foreach (var item in array)
                        if (!seen.Add(item?.ToJsonString() ?? "null")) return $"The field '{field}' lists {item?.ToJsonString()} twice; its items must be unique.";
                }
                if (schema["items"] is JsonObject itemSchema)
                {
                    for (var i = 0; i < array.Count; i++)
                    {
                        if (array[i] is null) return $"The field '{field}[{i}]' must not be null.";
                        if (Check(array[i], itemSchema, $"{field}[{i}]", ignoreRequired) is { } error) return error;
                    }
                }
                return null;
            case "string":
                if (value is not JsonValue text || text.GetValueKind() != JsonValueKind.String)
                    return $"The field '{field}' must be a string, not {Describe(value)}.";
                var s = text.GetValue<string>();
                if (schema["minLength"] is JsonValue min && s.Length < min.GetValue<int>())
                    return $"The field '{field}' must have at least {min} character(s) (got '{s}').";
                if (schema["maxLength"] is JsonValue max && s.Length > max.GetValue<int>())
                    return $"The field '{field}' must have at most {max} characters (got {s.Length}: '{Shorten(s)}').";
                if (schema["enum"] is JsonArray values && !values.Any(v => v!.GetValue<string>() == s))
                    return $"The field '{field}' must be one of {string.Join(", ", values.Select(v => v!.GetValue<string>()))} (got '{s}').";
                if (schema["pattern"] is JsonValue pattern && !PatternFor(pattern.GetValue<string>()).IsMatch(s))
                    return $"The field '{field}' must match the pattern {pattern} (got '{Shorten(s)}').";
                return null;
            case "integer":
            case "number":
                if (value is not JsonValue number || number.GetValueKind() != JsonValueKind.Number)
                    return $"The field '{field}' must be a {(type == "integer" ? "whole number" : "number")}, not {Describe(value)}.";
                // Parsed values wrap a JsonElement, values built in code wrap a CLR number: go through one element form.
                var element = JsonSerializer.SerializeToElement(number);
                var d = element.GetDouble();
                if (type == "integer")
                {
                    if (!element.TryGetInt64(out var whole)) return $"The field '{field}' must be a whole number (got {number.ToJsonString()}).";
                    if (schema["format"]?.GetValue<string>() == "int32" && whole is < int.MinValue or > int.MaxValue)
                        return $"The field '{field}' must fit a 32-bit integer (got {whole}).";
                }
                if (schema["minimum"] is JsonValue minimum && d < minimum.GetValue<double>())
                    return $"The field '{field}' must be at least {minimum} (got {number.ToJsonString()}).";
                if (schema["maximum"] is JsonValue maximum && d > maximum.GetValue<double>())
                    return $"The field '{field}' must be at most {maximum} (got {number.ToJsonString()}).";
                return null;
            case "boolean":
                if (value is not JsonValue flag || flag.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
                    return $"The field '{field}' must be true or false, not {Describe(value)}.";
                return null;
            default:
                return null;
        }
    }

    /// <summary>A copy of <paramref name="value"/> with only the members the schema declares (recursively).</summary>
    public JsonNode? Clean(JsonNode? value, string schemaName) => Clean(value, Schema(schemaName));

    private JsonNode? Clean(JsonNode? value, JsonObject schema)
    {
        if (schema["$ref"] is JsonValue reference) schema = Schema(reference.GetValue<string>().Split('/')[^1]);
        switch (value)
        {
            case JsonObject obj when schema["properties"] is JsonObject properties:
                var copy = new JsonObject();
                foreach (var (name, member) in obj)
                    if (properties[name] is JsonObject memberSchema && member is not null) copy[name] = Clean(member, memberSchema);
                return copy;
            case JsonArray array when schema["items"] is JsonObject itemSchema:
                return new JsonArray(array.Select(item => Clean(item, itemSchema)).ToArray());
            default:
                return value?.DeepClone();
        }
    }

    private Regex PatternFor(string pattern) => patterns.GetOrAdd(pattern, p => new Regex(p, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));

    private static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;

    private static string Shorten(string s) => s.Length <= 60 ? s : s[..57] + "...";

    public static string Describe(JsonNode? value)
    {
        if (value is null) return "null";
        var kind = value.GetValueKind().ToString().ToLower(CultureInfo.InvariantCulture);
        var text = value.ToJsonString();
        return $"{kind} {(text.Length > 60 ? text[..57] + "..." : text)}";
    }
}
