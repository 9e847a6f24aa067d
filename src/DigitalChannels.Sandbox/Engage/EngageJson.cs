using System.Text.Json;
using DigitalChannels.Sandbox.Errors;

namespace DigitalChannels.Sandbox.Engage;

/// <summary>
/// Reads the nested parts of Engage request bodies (arrays of objects) with the same rule as JsonBody: every error
/// names the field by its path (<c>files[1].fileName</c>) and the value that is wrong.
/// </summary>
public static class EngageJson
{
    public static IReadOnlyList<JsonElement> ObjectArray(JsonElement? value, string field, bool required)
    {
        if (value is null || value.Value.ValueKind == JsonValueKind.Null)
        {
            if (required) throw Invalid($"The field '{field}' is required.");
            return [];
        }
        if (value.Value.ValueKind != JsonValueKind.Array) throw Invalid($"The field '{field}' must be an array of objects, not {Describe(value.Value)}.");
        var items = new List<JsonElement>();
        var index = 0;
        foreach (var item in value.Value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object) throw Invalid($"The field '{field}[{index}]' must be an object, not {Describe(item)}.");
            items.Add(item);
            index++;
        }
        return items;
    }

    public static string? OptionalString(JsonElement item, string path, string field)
    {
        if (!item.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.String) throw Invalid($"The field '{path}.{field}' must be a string, not {Describe(value)}.");
        return value.GetString();
    }

    public static string RequiredString(JsonElement item, string path, string field) =>
        OptionalString(item, path, field) ?? throw Invalid($"The field '{path}.{field}' is required.");

    public static ApiException Invalid(string detail) => ApiError.BadRequest(ErrorKeys.InvalidField, detail).ToException();

    private static string Describe(JsonElement value)
    {
        var text = value.GetRawText();
        if (text.Length > 60) text = text[..57] + "...";
        return $"{value.ValueKind.ToString().ToLowerInvariant()} {text}";
    }
}
