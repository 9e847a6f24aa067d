using DigitalChannels.Sandbox.Errors;
using DigitalChannels.Sandbox.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace DigitalChannels.Sandbox.Http;

/// <summary>
/// Checks every request meets before routing, cheap and in this order: the Host header names one of the sandbox's own
/// URLs (DNS rebinding: a web page whose name resolves to 127.0.0.1 must not get a working token from a loopback server
/// whose credentials are published), and the path has no dot segments (Kestrel resolves "/a/b/.." to "/a" before
/// routing, so a DELETE on ".../flows/.." would reach the service itself).
/// </summary>
public sealed class RequestGuardMiddleware
{
    /// <summary>The default cap on request bodies; routes that take files raise it for themselves.</summary>
    public const long MaximumBodyBytes = 8L * 1024 * 1024;

    private readonly RequestDelegate next;
    private readonly SandboxHosts hosts;

    public RequestGuardMiddleware(RequestDelegate next, SandboxHosts hosts)
    {
        this.next = next;
        this.hosts = hosts;
    }

    public Task InvokeAsync(HttpContext context)
    {
        if (!hosts.IsAllowed(context.Request))
            throw ApiError.BadRequest(ErrorKeys.HostNotAllowed,
                $"The Host header '{Printable(context.Request.Host.Value)}' names none of this sandbox's URLs ({string.Join(", ", hosts.Describe())}). Call the sandbox by its own URL; behind a proxy, start it with --public-url.").ToException();

        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "";
        if (HasDotSegment(raw))
            throw ApiError.BadRequest(ErrorKeys.PathDotSegment,
                $"The path '{Printable(raw)}' has a '.' or '..' segment; the sandbox does not resolve them. Name the resource itself.").ToException();
        return next(context);
    }

    /// <summary>A "." or ".." segment, also percent-encoded ("%2e%2E"), before the query.</summary>
    public static bool HasDotSegment(string rawTarget)
    {
        var query = rawTarget.IndexOfAny(['?', '#']);
        var path = query >= 0 ? rawTarget[..query] : rawTarget;
        foreach (var segment in path.Split('/'))
        {
            if (segment.Length == 0 || segment.Length > 9) continue;
            var decoded = segment.Replace("%2e", ".", StringComparison.OrdinalIgnoreCase);
            if (decoded is "." or "..") return true;
        }
        return false;
    }

    private static string Printable(string? text)
    {
        var value = new string((text ?? "").Where(c => !char.IsControl(c)).ToArray());
        return value.Length <= 200 ? value : value[..197] + "...";
    }
}

/// <summary>
/// The authorities (host:port) the sandbox answers to: the addresses it listens on (for a loopback address also its
/// other loopback names, 127.0.0.1, localhost and [::1], on the same port) and the --public-url values. A wildcard
/// listen address (0.0.0.0, [::], *) accepts any Host: such a sandbox is exposed on purpose.
/// </summary>
public sealed class SandboxHosts
{
    private readonly IServer server;
    private readonly SandboxOptions options;
    private (HashSet<string> Authorities, bool Any)? known;

    public SandboxHosts(IServer server, SandboxOptions options)
    {
        this.server = server;
        this.options = options;
    }

    public bool IsAllowed(HttpRequest request)
    {
        var (authorities, any) = Known();
        if (any) return true;
        if (!request.Host.HasValue) return false;
        var port = request.Host.Port ?? (request.IsHttps ? 443 : 80);
        return authorities.Contains($"{request.Host.Host.ToLowerInvariant()}:{port}");
    }

    public IEnumerable<string> Describe() => Known().Authorities.Order(StringComparer.Ordinal);

    private (HashSet<string> Authorities, bool Any) Known()
    {
        if (known is { } cached) return cached;
        var authorities = new HashSet<string>(StringComparer.Ordinal);
        var any = false;
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses.Concat(options.PublicUrls))
        {
            if (!Uri.TryCreate(address.Replace("://*", "://0.0.0.0").Replace("://+", "://0.0.0.0"), UriKind.Absolute, out var uri)) continue;
            var host = uri.Host.ToLowerInvariant();
            if (host is "0.0.0.0" or "[::]") { any = true; continue; }
            if (host is "127.0.0.1" or "localhost" or "[::1]")
                foreach (var loopback in new[] { "127.0.0.1", "localhost", "[::1]" }) authorities.Add($"{loopback}:{uri.Port}");
            else authorities.Add($"{host}:{uri.Port}");
        }
        // Before the server has bound (port 0 not yet known) nothing is cached, so the real port is learnt later.
        if (addresses.Count > 0) known = (authorities, any);
        return (authorities, any);
    }
}
