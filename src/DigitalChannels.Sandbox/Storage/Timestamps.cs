using System.Globalization;

namespace DigitalChannels.Sandbox.Storage;

/// <summary>One text form for every stored and returned time: ISO-8601 UTC with milliseconds, e.g. 2025-01-31T09:15:00.000Z.</summary>
public static class Timestamps
{
    public static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Reads a stored time back, for comparisons against the clock (expiry).</summary>
    public static DateTimeOffset Parse(string text) =>
        DateTimeOffset.ParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
