using System.Net;
using DigitalChannels.Client.Http;
using DigitalChannels.Client.Tests.Infrastructure;

namespace DigitalChannels.Client.Tests.Http;

/// <summary>
/// The bound on requests in flight per host (-ThrottleLimit): held only while a request is on the wire, shared by every
/// connection inside the scope, absent outside it.
/// </summary>
public sealed class RequestGateTests
{
    /// <summary>Holds every request until the test releases it, and records how many were inside at once.</summary>
    private sealed class HoldingHandler : HttpMessageHandler
    {
        private readonly SemaphoreSlim _release = new(0);
        private int _inside, _peak;

        public int Inside => Volatile.Read(ref _inside);
        public int Peak => Volatile.Read(ref _peak);
        public void Release() => _release.Release();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var now = Interlocked.Increment(ref _inside);
            for (var peak = _peak; now > peak; peak = _peak) Interlocked.CompareExchange(ref _peak, now, peak);
            await _release.WaitAsync(cancellationToken);
            Interlocked.Decrement(ref _inside);
            return StubHandler.Json(HttpStatusCode.OK, "{}");
        }
    }

    private static WebexHttpPipeline Pipeline(HttpMessageHandler handler) => new(new CountingTokenSource(), handler, RetryPolicy.None);

    private static void WaitFor(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20); // a guard against a hang, not a timing assertion
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("Never happened: " + what);
            Thread.Sleep(5);
        }
    }

    [Fact]
    public async Task Two_connections_in_one_scope_share_its_bound_and_never_exceed_it()
    {
        var handler = new HoldingHandler();
        using var first = Pipeline(handler);
        using var second = Pipeline(handler);
        var uri = new Uri("http://sandbox.test/x");
        List<Task> requests;
        RequestGate gate;
        using (gate = RequestGate.Begin(2))
            requests = Enumerable.Range(0, 10).Select(i => (i % 2 == 0 ? first : second).SendAsync(HttpMethod.Get, uri, null, CancellationToken.None)).ToList();

        for (var left = 10; left > 0; left--)
        {
            WaitFor(() => handler.Inside == Math.Min(2, left), $"{Math.Min(2, left)} requests in flight");
            handler.Release();
        }
        await Task.WhenAll(requests);
        Assert.Equal(2, handler.Peak);
        Assert.Equal(2, gate.PeakInFlight);
    }

    [Fact]
    public async Task Outside_a_scope_nothing_is_bounded()
    {
        var handler = new HoldingHandler();
        using var pipeline = Pipeline(handler);
        var requests = Enumerable.Range(0, 10).Select(_ => pipeline.SendAsync(HttpMethod.Get, new Uri("http://sandbox.test/x"), null, CancellationToken.None)).ToList();
        WaitFor(() => handler.Inside == 10, "all ten requests in flight at once");
        for (var i = 0; i < 10; i++) handler.Release();
        await Task.WhenAll(requests);
        Assert.Equal(10, handler.Peak);
    }

    [Fact]
    public async Task A_request_waiting_for_Retry_After_holds_no_slot()
    {
        // The first request is told to come back later; while it waits, the second one (same bound of 1) goes through.
        var secondDone = new TaskCompletionSource();
        var calls = 0;
        var handler = new StubHandler((request, _, _) =>
        {
            if (request.RequestUri!.AbsolutePath == "/first" && Interlocked.Increment(ref calls) == 1)
                return StubHandler.Json(HttpStatusCode.TooManyRequests, "{}", r => r.Headers.Add("Retry-After", "1"));
            if (request.RequestUri.AbsolutePath == "/second") secondDone.TrySetResult();
            return StubHandler.Json(HttpStatusCode.OK, "{}");
        });
        using var pipeline = new WebexHttpPipeline(new CountingTokenSource(), handler, new RetryPolicy(), null,
            async (_, ct) => await secondDone.Task.WaitAsync(TimeSpan.FromSeconds(20), ct));
        Task first, second;
        using (RequestGate.Begin(1))
        {
            first = pipeline.SendAsync(HttpMethod.Get, new Uri("http://sandbox.test/first"), null, CancellationToken.None);
            second = pipeline.SendAsync(HttpMethod.Get, new Uri("http://sandbox.test/second"), null, CancellationToken.None);
        }
        await Task.WhenAll(first, second); // the first's wait ends only once the second went through: a held slot would time out
        Assert.Equal(2, calls);
    }

    [Fact]
    public void A_bound_below_one_is_refused_naming_the_value()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => RequestGate.Begin(0));
        Assert.Contains("0", error.Message);
    }
}
