using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DigitalChannels.Sandbox.Http;

/// <summary>camelCase names; absent optional values are omitted rather than sent as null (list links, descriptions).</summary>
public static class SandboxJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Keep quotes and angle brackets readable in error details; responses are JSON, never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static IResult Ok(object value, int statusCode = StatusCodes.Status200OK) =>
        Results.Json(value, Options, "application/json", statusCode);
}
