namespace DigitalChannels.Sandbox.Http;

/// <summary>Ids in paths are UUIDs stored in their lower-case "D" form; anything else cannot name a stored row.</summary>
public static class ResourceIds
{
    /// <summary>The stored form of <paramref name="id"/>, or null when it is not a UUID (the caller answers 404 naming the text as sent).</summary>
    public static string? Normalize(string? id) => Guid.TryParse(id, out var guid) ? guid.ToString("D") : null;
}
