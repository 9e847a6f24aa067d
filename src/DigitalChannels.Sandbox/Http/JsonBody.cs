using System.Text.Json;
using DigitalChannels.Sandbox.Errors;

namespace DigitalChannels.Sandbox.Http;

/// <summary>
/// Reads request bodies by hand instead of through model binding, so that authentication runs first (binding
/// happens before endpoint filters) and every error names the field and the value that is wrong. Unknown fields are ignored.
/// </summary>
public sealed class JsonBody
{
    private readonly JsonElement root;

    private JsonBody(JsonElement root) => this.root = root;

    public static async Task<JsonBody> ReadObjectAsync(HttpRequest request)
    {
        JsonDocument document;
        try
        {
            document = await StrictJson.ParseAsync(request);
        }
        catch (MalformedJsonException ex)
        {
            throw ApiError.BadRequest(ErrorKeys.InvalidJson, ex.Message).ToException();
        }
        if (document.RootElement.ValueKind != JsonValueKind.Object)
            throw ApiError.BadRequest(ErrorKeys.InvalidJson, $"The request body must be a JSON object, not {Describe(document.RootElement)}.").ToException();
        return new JsonBody(document.RootElement.Clone());
    }

    public bool Has(string field) => root.TryGetProperty(field, out _);

    /// <summary>The field's string value; null when absent or JSON null. Any other JSON kind is a 400 naming the field.</summary>
    public string? OptionalString(string field)
    {
        if (!root.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.String) throw WrongKind(field, "a string", value);
        return value.GetString();
    }

    public string RequiredString(string field) =>
        OptionalString(field) ?? throw ApiError.BadRequest(ErrorKeys.InvalidField, $"The field '{field}' is required.").ToException();

    public bool? OptionalBoolean(string field)
    {
        if (!root.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) throw WrongKind(field, "true or false", value);
        return value.GetBoolean();
    }

    /// <summary>The field's whole-number value; null when absent or JSON null. Fractions, strings and out-of-range numbers are a 400 naming the field.</summary>
    public long? OptionalInt64(string field)
    {
        if (!root.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number)) throw WrongKind(field, "a whole number", value);
        return number;
    }

    public int? OptionalInt(string field)
    {
        var number = OptionalInt64(field);
        if (number is null) return null;
        if (number is < int.MinValue or > int.MaxValue)
            throw ApiError.BadRequest(ErrorKeys.InvalidField, $"The field '{field}' is out of range: {number}.").ToException();
        return (int)number;
    }

    public int RequiredInt(string field) =>
        OptionalInt(field) ?? throw ApiError.BadRequest(ErrorKeys.InvalidField, $"The field '{field}' is required.").ToException();

    public IReadOnlyList<string> RequiredStringArray(string field)
    {
        if (!root.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
            throw ApiError.BadRequest(ErrorKeys.InvalidField, $"The field '{field}' is required.").ToException();
        if (value.ValueKind != JsonValueKind.Array) throw WrongKind(field, "an array of strings", value);
        var items = new List<string>();
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String) throw WrongKind(field, "an array of strings", item);
            items.Add(item.GetString()!);
        }
        return items;
    }

    /// <summary>The raw value of a field, for shapes the typed readers do not cover (arrays of objects); null when absent.</summary>
    public JsonElement? Raw(string field) => root.TryGetProperty(field, out var value) ? value : null;

    private static ApiException WrongKind(string field, string expected, JsonElement actual) =>
        ApiError.BadRequest(ErrorKeys.InvalidField, $"The field '{field}' must be {expected}, not {Describe(actual)}.").ToException();

    private static string Describe(JsonElement value)
    {
        var text = value.GetRawText();
        if (text.Length > 60) text = text[..57] + "...";
        return $"{value.ValueKind.ToString().ToLowerInvariant()} {text}";
    }
}
