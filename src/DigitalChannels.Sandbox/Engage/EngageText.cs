using DigitalChannels.Client.Engage;
using DigitalChannels.Sandbox.Errors;
using DigitalChannels.Sandbox.Http;

namespace DigitalChannels.Sandbox.Engage;

/// <summary>Checks shared by the Engage resources; every error names the field and the value.</summary>
public static class EngageText
{
    /// <summary>The key that makes names unique regardless of case (.NET invariant lower case, as for Connect services).</summary>
    public static string Key(string text) => text.ToLowerInvariant();

    public static string ValidName(string raw, string field, int maximumLength)
    {
        var name = raw.Trim();
        if (name.Length == 0) throw EngageJson.Invalid($"The field '{field}' must not be empty or blank (got '{raw}').");
        if (name.Length > maximumLength)
            throw EngageJson.Invalid($"The field '{field}' has {name.Length} characters; at most {maximumLength} are allowed ('{name[..Math.Min(40, name.Length)]}…').");
        if (name.Any(char.IsControl))
            throw EngageJson.Invalid($"The field '{field}' must not contain control characters (got '{name.ReplaceLineEndings(" ")}').");
        return name;
    }

    /// <summary>A non-empty list of known channels, in the platform's order, without repeats.</summary>
    public static IReadOnlyList<string> ValidChannels(JsonBody body, string field)
    {
        var raw = body.RequiredStringArray(field);
        var channels = raw.Select(value => Settings.AttachmentSettingsEndpoints.KnownChannelField(value, field)).ToHashSet();
        if (channels.Count == 0)
            throw EngageJson.Invalid($"The field '{field}' must list at least one channel: any of {string.Join(", ", EngageChannels.All)}.");
        return EngageChannels.All.Where(channels.Contains).ToList();
    }

    /// <summary>The optional ?channel= filter of a list: 400 naming it when it is not a channel.</summary>
    public static string? ChannelFilter(HttpRequest request)
    {
        var text = request.Query["channel"].ToString();
        if (string.IsNullOrEmpty(text)) return null;
        var id = text.Trim().ToLowerInvariant();
        return EngageChannels.IsKnown(id) ? id
            : throw ApiError.BadRequest(ErrorKeys.InvalidParameter,
                $"The query parameter 'channel' has '{text}', which is not an Engage channel; use one of: {string.Join(", ", EngageChannels.All)}.").ToException();
    }
}
