using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DigitalChannels.IntegrationTests.Hardening;

/// <summary>What the proxy did to a request.</summary>
public enum Fault
{
    TooManyRequests,
    Unavailable,
    ResetBeforeForwarding,
    SlowAnswer,
    DroppedAfterServerActed,
}

/// <summary>
/// A small HTTP proxy on loopback in front of the sandbox that injects faults into a share of ALL requests (the
/// discovery and token endpoints included): 429 with Retry-After, 503, a connection reset before the request reaches
/// the sandbox, a slow answer, and a response dropped after the sandbox carried the request out. Seeded: which requests
/// are hit depends on arrival order, how many and of which kind (round robin) does not. The Host header is passed on
/// unchanged, so the sandbox must know the proxy's URL (--public-url).
/// </summary>
public sealed class FaultProxy : IAsyncDisposable
{
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Transfer-Encoding", "Upgrade", "Proxy-Connection", "TE", "Trailer", "Host", "Content-Length",
    };

    private readonly WebApplication app;
    private readonly HttpClient upstream = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { Timeout = TimeSpan.FromMinutes(2) };
    private readonly Random random;
    private readonly double rate;
    private readonly object gate = new();
    private long faults;

    public FaultProxy(int seed, double rate)
    {
        random = new Random(seed);
        this.rate = rate;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        app = builder.Build();
        app.Run(async context =>
        {
            try
            {
                await HandleAsync(context);
            }
            catch (Exception ex) when (!context.Response.HasStarted)
            {
                // The proxy's own failure must say so, never pass for the sandbox's.
                Errors.Add(ex.ToString());
                context.Response.StatusCode = 599;
                await context.Response.WriteAsync("fault proxy failure: " + ex.Message);
            }
        });
    }

    /// <summary>Where requests go (the sandbox's own URL); set before the first request.</summary>
    public Uri? Upstream { get; set; }

    public string Url => app.Urls.First();

    public long Requests;

    public ConcurrentDictionary<Fault, int> Injected { get; } = new();

    /// <summary>The proxy's own failures (they answer 599): a test asserts there were none.</summary>
    public ConcurrentBag<string> Errors { get; } = new();

    public Task StartAsync() => app.StartAsync();

    /// <summary>The Retry-After of injected 429s (seconds).</summary>
    public int RetryAfterSeconds { get; set; } = 1;

    /// <summary>A fault chosen by the test for a request (before the seeded draw); null lets the draw decide.</summary>
    public Func<HttpRequest, Fault?>? Script { get; set; }

    private Fault? Decide()
    {
        lock (gate)
        {
            if (random.NextDouble() >= rate) return null;
            return (Fault)(faults++ % Enum.GetValues<Fault>().Length);
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref Requests);
        var fault = Script?.Invoke(context.Request) ?? Decide();
        if (fault is { } f) Injected.AddOrUpdate(f, 1, (_, n) => n + 1);
        switch (fault)
        {
            case Fault.TooManyRequests:
                context.Response.StatusCode = 429;
                context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString();
                await context.Response.WriteAsync("{\"message\":\"injected 429\"}");
                return;
            case Fault.Unavailable:
                context.Response.StatusCode = 503;
                await context.Response.WriteAsync("{\"message\":\"injected 503\"}");
                return;
            case Fault.ResetBeforeForwarding:
                context.Abort();
                return;
            case Fault.SlowAnswer:
                await Task.Delay(TimeSpan.FromSeconds(2));
                break;
        }

        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), new Uri(Upstream!, context.Request.Path + context.Request.QueryString));
        var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        if (body.Length > 0 || context.Request.ContentLength is not null) request.Content = new ByteArrayContent(body.ToArray());
        foreach (var (name, values) in context.Request.Headers)
        {
            if (HopByHop.Contains(name)) continue;
            if (!request.Headers.TryAddWithoutValidation(name, values.ToArray())) request.Content?.Headers.TryAddWithoutValidation(name, values.ToArray());
        }
        request.Headers.Host = context.Request.Host.Value; // the name the client used: the sandbox checks it

        using var response = await upstream.SendAsync(request, HttpCompletionOption.ResponseContentRead);
        if (fault == Fault.DroppedAfterServerActed)
        {
            // The sandbox has carried the request out; its answer never reaches the client.
            context.Abort();
            return;
        }
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
            if (!HopByHop.Contains(name)) context.Response.Headers[name] = values.ToArray();
        await context.Response.Body.WriteAsync(await response.Content.ReadAsByteArrayAsync());
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        upstream.Dispose();
    }
}
