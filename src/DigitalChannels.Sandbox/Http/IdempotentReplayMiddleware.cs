using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace DigitalChannels.Sandbox.Http;

/// <summary>
/// A write sent again with the same <c>Idempotency-Key</c> (the client's retry after a lost answer: a reset, a timeout,
/// a response dropped after the server acted) is not carried out twice: the stored answer of the first is replayed,
/// marked <c>Idempotent-Replayed: true</c>. Keys are scoped by caller (a hash of the Authorization header), method and
/// path, kept 10 minutes in memory (not across restarts), and only for answers that are not 429/5xx (those mean "not
/// done": the retry runs for real). A retry that arrives while the first is still running waits for its answer.
/// </summary>
public sealed class IdempotentReplayMiddleware
{
    public const string HeaderName = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public const int MaximumKeyLength = 128;
    public const int MaximumStoredBytes = 1024 * 1024;
    public static readonly TimeSpan Keep = TimeSpan.FromMinutes(10);

    private sealed record Stored(int Status, string? ContentType, string? Location, byte[] Body);

    private sealed record Entry(TaskCompletionSource<Stored?> Answer, DateTime Created);

    private readonly RequestDelegate next;
    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private long requests;

    public IdempotentReplayMiddleware(RequestDelegate next) => this.next = next;

    public async Task InvokeAsync(HttpContext context)
    {
        var key = context.Request.Headers[HeaderName].ToString();
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || key.Length is 0 or > MaximumKeyLength)
        {
            await next(context);
            return;
        }
        if (Interlocked.Increment(ref requests) % 256 == 0) Sweep();

        var caller = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(context.Request.Headers.Authorization.ToString())));
        var scope = $"{caller} {context.Request.Method} {context.Request.Path} {key}";
        var entry = new Entry(new TaskCompletionSource<Stored?>(TaskCreationOptions.RunContinuationsAsynchronously), DateTime.UtcNow);
        if (!entries.TryAdd(scope, entry))
        {
            // The first is done or still running; it may also have just been dropped (not kept), then this one runs.
            var earlier = entries.TryGetValue(scope, out var first) ? await first.Answer.Task.WaitAsync(TimeSpan.FromMinutes(2), context.RequestAborted) : null;
            if (earlier is not null)
            {
                await ReplayAsync(context, earlier);
                return;
            }
            await next(context);
            return;
        }

        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        Stored? stored = null;
        try
        {
            await next(context);
            var status = context.Response.StatusCode;
            if (status < 500 && status != StatusCodes.Status429TooManyRequests && buffer.Length <= MaximumStoredBytes)
                stored = new Stored(status, context.Response.ContentType, context.Response.Headers.Location.ToString(), buffer.ToArray());
        }
        finally
        {
            context.Response.Body = original;
            entry.Answer.TrySetResult(stored);
            if (stored is null) entries.TryRemove(scope, out _);
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    private static async Task ReplayAsync(HttpContext context, Stored stored)
    {
        context.Response.StatusCode = stored.Status;
        if (stored.ContentType is not null) context.Response.ContentType = stored.ContentType;
        if (!string.IsNullOrEmpty(stored.Location)) context.Response.Headers.Location = stored.Location;
        context.Response.Headers[ReplayedHeader] = "true";
        await context.Response.Body.WriteAsync(stored.Body, context.RequestAborted);
    }

    private void Sweep()
    {
        var oldest = DateTime.UtcNow - Keep;
        foreach (var (scope, entry) in entries)
            if (entry.Created < oldest && entry.Answer.Task.IsCompleted) entries.TryRemove(scope, out _);
    }
}
