using System.Collections.Concurrent;
using System.Globalization;
using DigitalChannels.Sandbox.Errors;
using DigitalChannels.Sandbox.Hosting;
using DigitalChannels.Sandbox.Identity;

namespace DigitalChannels.Sandbox.ContactCenter;

/// <summary>
/// The platform's per-client rate limit (platform facts §1.7: 300 requests a minute per client id, --rate-limit): a
/// fixed window per sandbox-clock minute (--rate-limit-window shortens it), counted per token client id across the
/// Contact Center and People APIs. Over the limit: 429 with an integer Retry-After (seconds to the next window).
/// Counts live in memory only.
/// </summary>
public sealed class ClientRateLimiter
{
    private readonly TimeProvider time;
    private readonly int limit;
    private readonly long windowMs;
    private readonly ConcurrentDictionary<(string Client, long Window), int> counts = new();

    public ClientRateLimiter(TimeProvider time, SandboxOptions options)
    {
        this.time = time;
        limit = options.RateLimitPerMinute;
        windowMs = Math.Max(1, (long)options.RateLimitWindow.TotalMilliseconds);
    }

    /// <summary>Counts one request of <paramref name="clientId"/>; null when allowed, else the 429 to answer.</summary>
    public ApiError? Count(string clientId)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var window = now / windowMs;
        var count = counts.AddOrUpdate((clientId, window), 1, (_, n) => n + 1);
        if (counts.Count > 10_000)
            foreach (var key in counts.Keys.Where(k => k.Window < window)) counts.TryRemove(key, out _);
        if (count <= limit) return null;
        var retryAfter = Math.Max(1, (int)Math.Ceiling(((window + 1) * windowMs - now) / 1000.0));
        var period = windowMs == 60_000 ? "this minute" : $"in this {windowMs / 1000}-second window";
        return new ApiError(StatusCodes.Status429TooManyRequests, ErrorKeys.RateLimited, "Too many requests",
            $"The client '{clientId}' has made more than {limit} requests {period}; retry after {retryAfter} second(s).")
        {
            Headers = new Dictionary<string, string> { ["Retry-After"] = retryAfter.ToString(CultureInfo.InvariantCulture) },
        };
    }

    /// <summary>Authenticates (if no earlier filter did), then counts the caller's client id.</summary>
    public static TBuilder RequireWithinRateLimit<TBuilder>(TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            if (await CallerAuthentication.AuthenticateAsync(context.HttpContext) is { } error) return error.ToResult();
            var limiter = context.HttpContext.RequestServices.GetRequiredService<ClientRateLimiter>();
            return limiter.Count(Caller.Of(context.HttpContext).ClientId) is { } limited ? limited.ToResult() : await next(context);
        });
}
