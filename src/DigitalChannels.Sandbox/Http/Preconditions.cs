using System.Globalization;
using DigitalChannels.Sandbox.Errors;

namespace DigitalChannels.Sandbox.Http;

/// <summary>
/// Optimistic concurrency with the resource's integer version as its entity tag: ETag "3"; If-Match "3" (or *).
/// The platform leaves the status for a stale version undocumented; the sandbox answers 412 (RFC 9110 §13.1.1).
/// </summary>
public static class Preconditions
{
    public static string EntityTag(long version) => "\"" + version.ToString(CultureInfo.InvariantCulture) + "\"";

    public static void SetEntityTag(HttpResponse response, long version) => response.Headers.ETag = EntityTag(version);

    /// <summary>Does nothing without If-Match; 412 naming both versions when none of the listed tags is current.</summary>
    public static void CheckIfMatch(HttpRequest request, long currentVersion, string resourceDescription)
    {
        var header = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header) || header.Trim() == "*") return;

        var versions = new List<long>();
        foreach (var part in header.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // Lenient about W/ and missing quotes: clients write these headers by hand.
            var tag = part.StartsWith("W/", StringComparison.Ordinal) ? part[2..] : part;
            tag = tag.Trim('"');
            if (!long.TryParse(tag, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
                throw ApiError.BadRequest(ErrorKeys.InvalidPrecondition,
                    $"The If-Match header '{header}' is not a version entity tag such as \"{currentVersion}\".").ToException();
            versions.Add(version);
        }
        if (!versions.Contains(currentVersion))
            throw ApiError.PreconditionFailed(ErrorKeys.VersionMismatch,
                $"If-Match asks for version {string.Join(" or ", versions)} of {resourceDescription}, but its current version is {currentVersion}. Read it again and retry.").ToException();
    }
}
