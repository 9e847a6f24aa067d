using System.Net;
using DigitalChannels.Client.Http;
using DigitalChannels.Client.Tests.Infrastructure;

namespace DigitalChannels.Client.Tests.Http;

public class RetryTests
{
    private static readonly Uri Target = new("http://sandbox.test/connect/v1/organization/o/services");
    private readonly List<TimeSpan> _delays = new();
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    private WebexHttpPipeline Pipeline(StubHandler handler, RetryPolicy? policy = null, CountingTokenSource? tokens = null) =>
        new(tokens ?? new CountingTokenSource(), handler, policy ?? new RetryPolicy(seed: 7), null,
            (d, ct) => { ct.ThrowIfCancellationRequested(); _delays.Add(d); return Task.CompletedTask; }, () => Now);

    private static HttpResponseMessage Throttled(Action<HttpResponseMessage> retryAfter) =>
        StubHandler.Json((HttpStatusCode)429, "{\"trackingId\":\"t1\",\"error\":{\"key\":\"429\",\"message\":[{\"description\":\"Too many requests\"}]}}", retryAfter);

    [Fact]
    public async Task Retry_after_in_seconds_is_waited_then_the_request_succeeds()
    {
        var handler = StubHandler.Sequence(
            () => Throttled(r => r.Headers.Add("Retry-After", "3")),
            () => StubHandler.Json(HttpStatusCode.OK, "{\"name\":\"ok\"}"));
        using var pipeline = Pipeline(handler);

        var result = await pipeline.SendAsync<Newtonsoft.Json.Linq.JObject>(HttpMethod.Get, Target, null, CancellationToken.None);

        Assert.Equal("ok", (string?)result["name"]);
        Assert.Equal(2, handler.Requests.Count);
        var delay = Assert.Single(_delays);
        Assert.InRange(delay.TotalSeconds, 3.0, 3.3); // Retry-After plus at most 10 % spread
        Assert.Equal(1, pipeline.ThrottledCount);
        Assert.Equal(1, pipeline.RetryCount);
    }

    [Fact]
    public async Task Retry_after_as_an_http_date_is_measured_from_now()
    {
        var handler = StubHandler.Sequence(
            () => Throttled(r => r.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(Now.AddSeconds(20))),
            () => StubHandler.Json(HttpStatusCode.OK, "{}"));
        using var pipeline = Pipeline(handler);

        await pipeline.SendAsync(HttpMethod.Get, Target, null, CancellationToken.None);

        Assert.InRange(Assert.Single(_delays).TotalSeconds, 20.0, 21.0);
    }

    [Fact]
    public async Task Without_retry_after_the_backoff_grows_and_is_jittered_within_bounds()
    {
        var handler = StubHandler.Sequence(
            () => StubHandler.Status(HttpStatusCode.ServiceUnavailable),
            () => StubHandler.Status(HttpStatusCode.ServiceUnavailable),
            () => StubHandler.Status(HttpStatusCode.ServiceUnavailable),
            () => StubHandler.Json(HttpStatusCode.OK, "{}"));
        using var pipeline = Pipeline(handler);

        await pipeline.SendAsync(HttpMethod.Get, Target, null, CancellationToken.None);

        Assert.Equal(3, _delays.Count);
        Assert.InRange(_delays[0].TotalSeconds, 0.5, 1.0);
        Assert.InRange(_delays[1].TotalSeconds, 1.0, 2.0);
        Assert.InRange(_delays[2].TotalSeconds, 2.0, 4.0);
    }

    [Fact]
    public async Task Retries_are_bounded_and_the_last_answer_becomes_the_exception()
    {
        var handler = StubHandler.Sequence(() => Throttled(r => r.Headers.Add("Retry-After", "1")));
        using var pipeline = Pipeline(handler, new RetryPolicy(seed: 1) { MaxAttempts = 3 });

        var ex = await Assert.ThrowsAsync<WebexApiException>(() => pipeline.SendAsync(HttpMethod.Get, Target, null, CancellationToken.None));

        Assert.Equal(3, handler.Requests.Count);
        Assert.Equal(429, ex.StatusCode);
        Assert.Equal("t1", ex.TrackingId);
        Assert.Equal(TimeSpan.FromSeconds(1), ex.RetryAfter);
        Assert.Contains("Too many requests", ex.Message);
    }

    [Fact]
    public async Task A_retry_after_longer_than_allowed_fails_at_once_naming_the_wait()
    {
        var handler = StubHandler.Sequence(() => Throttled(r => r.Headers.Add("Retry-After", "3600")));
        using var pipeline = Pipeline(handler);

        var ex = await Assert.ThrowsAsync<WebexApiException>(() => pipeline.SendAsync(HttpMethod.Get, Target, null, CancellationToken.None));

        Assert.Single(handler.Requests);
        Assert.Empty(_delays);
        Assert.Contains("3600 s", ex.Message);
    }

    [Fact]
    public async Task The_total_wait_budget_bounds_retries()
    {
        var handler = StubHandler.Sequence(() => Throttled(r => r.Headers.Add("Retry-After", "50")));
        using var pipeline = Pipeline(handler, new RetryPolicy(seed: 3) { MaxAttempts = 10, MaxTotalDelay = TimeSpan.FromSeconds(120) });

        await Assert.ThrowsAsync<WebexApiException>(() => pipeline.SendAsync(HttpMethod.Get, Target, null, CancellationToken.None));

        Assert.Equal(2, _delays.Count); // 50 + 50 fit in 120 s, a third would not
        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public async Task A_post_is_retried_on_429_but_not_on_502()
    {
        var throttled = StubHandler.Sequence(() => Throttled(r => r.Headers.Add("Retry-After", "0")), () => StubHandler.Json(HttpStatusCode.Created, "{}"));
        using (var pipeline = Pipeline(throttled))
            await pipeline.SendAsync(HttpMethod.Post, Target, new { name = "a" }, CancellationToken.None);
        Assert.Equal(2, throttled.Requests.Count);
        Assert.All(throttled.Requests, r => Assert.Equal("{\"name\":\"a\"}", r.Body));

        var badGateway = StubHandler.Sequence(() => StubHandler.Status(HttpStatusCode.BadGateway), () => StubHandler.Json(HttpStatusCode.Created, "{}"));
        using (var pipeline = Pipeline(badGateway))
        {
            var ex = await Assert.ThrowsAsync<WebexApiException>(() => pipeline.SendAsync(HttpMethod.Post, Target, new { name = "a" }, CancellationToken.None));
            Assert.Equal(502, ex.StatusCode);
        }
        Assert.Single(badGateway.Requests);
    }

    [Theory]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task Gateway_and_unavailable_errors_are_retried_for_get(int status)
    {
        var handler = StubHandler.Sequence(() => StubHandler.Status((HttpStatusCode)status), () => StubHandler.Json(HttpStatusCode.OK, "{}"));
        using var pipeline = Pipeline(handler);
        await pipeline.SendAsync(HttpMethod.Get, Target, null, CancellationToken.None);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(409)]
    [InlineData(500)]
    public async Task Other_errors_are_not_retried(int status)
    {
        var handler = StubHandler.Sequence(() => StubHandler.Status((HttpStatusCode)status));
        using var pipeline = Pipeline(handler);
        var ex = await Assert.ThrowsAsync<WebexApiException>(() => pipeline.SendAsync(HttpMethod.Get, Target, null, CancellationToken.None));
        Assert.Equal(status, ex.StatusCode);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Cancelling_while_waiting_stops_without_another_request()
    {
        using var cancellation = new CancellationTokenSource();
        var handler = StubHandler.Sequence(() => Throttled(r => r.Headers.Add("Retry-After", "30")));
        using var pipeline = new WebexHttpPipeline(new CountingTokenSource(), handler, new RetryPolicy(), null,
            async (d, ct) => { cancellation.Cancel(); await Task.Delay(d, ct); });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pipeline.SendAsync(HttpMethod.Get, Target, null, cancellation.Token));

        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task A_401_gets_one_fresh_token_and_then_succeeds()
    {
        var tokens = new CountingTokenSource();
        var handler = new StubHandler((request, _, n) => request.Headers.Authorization!.Parameter == "token-1"
            ? StubHandler.Status(HttpStatusCode.Unauthorized)
            : StubHandler.Json(HttpStatusCode.OK, "{}"));
        using var pipeline = Pipeline(handler, tokens: tokens);

        await pipeline.SendAsync(HttpMethod.Get, Target, null, CancellationToken.None);

        Assert.Equal(new[] { "token-1", "token-2" }, handler.Requests.Select(r => r.Authorization!.Parameter));
        Assert.Equal("Bearer", handler.Requests[0].Authorization!.Scheme);
        Assert.Equal(1, tokens.Refreshes);
    }

    [Fact]
    public async Task A_second_401_is_final()
    {
        var handler = StubHandler.Sequence(() => StubHandler.Json(HttpStatusCode.Unauthorized, "{\"error\":\"invalid_token\",\"error_description\":\"The token expired.\"}"));
        using var pipeline = Pipeline(handler);

        var ex = await Assert.ThrowsAsync<WebexApiException>(() => pipeline.SendAsync(HttpMethod.Get, Target, null, CancellationToken.None));

        Assert.Equal(401, ex.StatusCode);
        Assert.Equal(2, handler.Requests.Count);
        Assert.Contains("The token expired", ex.Message);
    }

    [Fact]
    public async Task A_token_that_cannot_be_refreshed_is_not_sent_twice()
    {
        var handler = StubHandler.Sequence(() => StubHandler.Status(HttpStatusCode.Unauthorized));
        using var pipeline = Pipeline(handler, tokens: new CountingTokenSource { CanRefresh = false });
        await Assert.ThrowsAsync<WebexApiException>(() => pipeline.SendAsync(HttpMethod.Get, Target, null, CancellationToken.None));
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task An_unreachable_server_is_a_transport_failure_retried_only_for_safe_methods()
    {
        var handler = new StubHandler((_, _, _) => throw new HttpRequestException("Connection refused"));
        using var pipeline = Pipeline(handler, new RetryPolicy(seed: 2) { MaxAttempts = 2 });

        var get = await Assert.ThrowsAsync<WebexApiException>(() => pipeline.SendAsync(HttpMethod.Get, Target, null, CancellationToken.None));
        Assert.Equal(WebexFailureKind.Transport, get.Kind);
        Assert.Null(get.StatusCode);
        Assert.Contains("Connection refused", get.Message);
        Assert.Equal(2, handler.Requests.Count);

        await Assert.ThrowsAsync<WebexApiException>(() => pipeline.SendAsync(HttpMethod.Post, Target, "{}", CancellationToken.None));
        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public void Retry_after_reads_delta_seconds_dates_fractions_and_absence()
    {
        var delta = new HttpResponseMessage((HttpStatusCode)429);
        delta.Headers.Add("Retry-After", "120");
        Assert.Equal(TimeSpan.FromSeconds(120), RetryPolicy.ReadRetryAfter(delta, Now));

        var date = new HttpResponseMessage((HttpStatusCode)429);
        date.Headers.TryAddWithoutValidation("Retry-After", Now.AddMinutes(2).ToString("r"));
        Assert.Equal(TimeSpan.FromMinutes(2), RetryPolicy.ReadRetryAfter(date, Now));

        var past = new HttpResponseMessage((HttpStatusCode)429);
        past.Headers.TryAddWithoutValidation("Retry-After", Now.AddMinutes(-2).ToString("r"));
        Assert.Equal(TimeSpan.Zero, RetryPolicy.ReadRetryAfter(past, Now));

        var fraction = new HttpResponseMessage((HttpStatusCode)429);
        fraction.Headers.TryAddWithoutValidation("Retry-After", "1.5");
        Assert.Equal(TimeSpan.FromSeconds(1.5), RetryPolicy.ReadRetryAfter(fraction, Now));

        Assert.Null(RetryPolicy.ReadRetryAfter(new HttpResponseMessage((HttpStatusCode)429), Now));
    }
}
