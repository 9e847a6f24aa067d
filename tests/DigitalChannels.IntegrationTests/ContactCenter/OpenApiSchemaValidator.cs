using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace DigitalChannels.IntegrationTests.ContactCenter;

/// <summary>
/// A small OpenAPI 3.0 schema validator, written for the conformance test independently of the sandbox's own:
/// $ref, allOf, type (object, array, string, integer, number, boolean), required, enum, minLength, maxLength,
/// pattern, minimum, maximum, items, properties. Collects every violation with its JSON path.
/// </summary>
public sealed class OpenApiSchemaValidator
{
    private readonly JsonObject document;

    public OpenApiSchemaValidator(JsonObject document) => this.document = document;

    public List<string> Validate(JsonNode? value, JsonNode schema)
    {
        var errors = new List<string>();
        Check(value, schema.AsObject(), "$", errors);
        return errors;
    }

    public JsonObject Resolve(JsonObject schema)
    {
        while (schema["$ref"] is JsonValue reference)
        {
            JsonNode node = document;
            foreach (var segment in reference.GetValue<string>().TrimStart('#', '/').Split('/')) node = node[segment]!;
            schema = node.AsObject();
        }
        return schema;
    }

    private void Check(JsonNode? value, JsonObject schema, string path, List<string> errors)
    {
        schema = Resolve(schema);
        if (schema["allOf"] is JsonArray all)
            foreach (var part in all) Check(value, part!.AsObject(), path, errors);
        if (value is null)
        {
            if (schema["nullable"]?.GetValue<bool>() != true && schema["type"] is not null) errors.Add($"{path}: null where {schema["type"]} is expected");
            return;
        }
        var type = schema["type"]?.GetValue<string>();
        switch (type)
        {
            case "object":
                if (value is not JsonObject obj) { errors.Add($"{path}: expected an object, got {value.ToJsonString()}"); return; }
                foreach (var name in (schema["required"] as JsonArray ?? []).Select(r => r!.GetValue<string>()))
                    if (!obj.ContainsKey(name)) errors.Add($"{path}: required member '{name}' is missing");
                if (schema["properties"] is JsonObject properties)
                    foreach (var (name, member) in obj)
                        if (properties[name] is JsonObject memberSchema) Check(member, memberSchema, $"{path}.{name}", errors);
                return;
            case "array":
                if (value is not JsonArray array) { errors.Add($"{path}: expected an array, got {value.ToJsonString()}"); return; }
                if (schema["items"] is JsonObject items)
                    for (var i = 0; i < array.Count; i++) Check(array[i], items, $"{path}[{i}]", errors);
                return;
            case "string":
                if (value.GetValueKind() != JsonValueKind.String) { errors.Add($"{path}: expected a string, got {value.ToJsonString()}"); return; }
                var text = value.GetValue<string>();
                if (schema["minLength"] is JsonValue min && text.Length < min.GetValue<int>()) errors.Add($"{path}: shorter than {min}");
                if (schema["maxLength"] is JsonValue max && text.Length > max.GetValue<int>()) errors.Add($"{path}: longer than {max}");
                if (schema["enum"] is JsonArray values && values.All(v => v!.GetValue<string>() != text)) errors.Add($"{path}: '{text}' is not in the enum");
                if (schema["pattern"] is JsonValue pattern && !Regex.IsMatch(text, pattern.GetValue<string>())) errors.Add($"{path}: '{text}' does not match {pattern}");
                return;
            case "integer":
            case "number":
                if (value.GetValueKind() != JsonValueKind.Number) { errors.Add($"{path}: expected a number, got {value.ToJsonString()}"); return; }
                var number = double.Parse(value.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);
                if (type == "integer" && number != Math.Floor(number)) errors.Add($"{path}: {number} is not an integer");
                if (schema["minimum"] is JsonValue minimum && number < minimum.GetValue<double>()) errors.Add($"{path}: {number} is below {minimum}");
                if (schema["maximum"] is JsonValue maximum && number > maximum.GetValue<double>()) errors.Add($"{path}: {number} is above {maximum}");
                return;
            case "boolean":
                if (value.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False)) errors.Add($"{path}: expected a boolean, got {value.ToJsonString()}");
                return;
        }
    }
}
