using System.Net;
using DigitalChannels.Client.Http;
using DigitalChannels.Client.Tests.Infrastructure;

namespace DigitalChannels.Client.Tests.Http;

/// <summary>
/// A write whose answer was lost (a reset after the server acted) and whose retry meets a conflict is recognised as
/// applied when the server shows the write's result: a create by name, a replace with a version. A conflict without a
/// lost answer, or with a result that differs, stays a conflict.
/// </summary>
public class LostAnswerTests
{
    private static readonly Uri Collection = new("http://sandbox.test/connect/v1/organization/o/services");
    private static readonly Uri Item = new("http://sandbox.test/organization/o/site/s1");

    private static WebexHttpPipeline Pipeline(StubHandler handler, bool honoursKeys = true) =>
        new(new CountingTokenSource(), handler, new RetryPolicy(seed: 3), null, (_, _) => Task.CompletedTask) { ServerHonoursIdempotencyKeys = honoursKeys };

    private static HttpResponseMessage Conflict() => StubHandler.Json(HttpStatusCode.Conflict, "{\"detail\":\"A service named 'Lab A' already exists.\"}");

    [Fact]
    public async Task A_create_by_name_whose_answer_was_lost_is_found_by_its_name_instead_of_reported_as_a_conflict()
    {
        var keys = new List<string?>();
        var handler = new StubHandler((request, _, n) =>
        {
            if (request.Method == HttpMethod.Post) keys.Add(request.Headers.TryGetValues(WebexHttpPipeline.IdempotencyKeyHeader, out var v) ? v.Single() : null);
            return n switch
            {
                0 => throw new HttpRequestException("Connection reset by peer"),
                1 => Conflict(),
                _ => StubHandler.Json(HttpStatusCode.OK, "{\"items\":[{\"id\":\"x\",\"name\":\"Other\"},{\"id\":\"s9\",\"name\":\"Lab A\",\"description\":\"d\"}]}"),
            };
        });
        using var pipeline = Pipeline(handler);

        var created = await pipeline.SendAsync<Newtonsoft.Json.Linq.JObject>(HttpMethod.Post, Collection, new { name = "Lab A", description = "d" }, CancellationToken.None);

        Assert.Equal("s9", (string?)created["id"]);
        Assert.Equal(1, pipeline.RecognizedCount);
        Assert.Equal(2, keys.Count);
        Assert.NotNull(keys[0]);
        Assert.Equal(keys[0], keys[1]); // one key for every attempt of the write
    }

    [Fact]
    public async Task A_conflict_without_a_lost_answer_or_with_another_result_stays_a_conflict()
    {
        var direct = StubHandler.Sequence(Conflict);
        using (var pipeline = Pipeline(direct))
            Assert.Equal(409, (await Assert.ThrowsAsync<WebexApiException>(() => pipeline.SendAsync(HttpMethod.Post, Collection, new { name = "Lab A" }, CancellationToken.None))).StatusCode);
        Assert.Single(direct.Requests);

        var differs = new StubHandler((_, _, n) => n switch
        {
            0 => throw new HttpRequestException("Connection reset by peer"),
            1 => Conflict(),
            _ => StubHandler.Json(HttpStatusCode.OK, "{\"items\":[{\"id\":\"s9\",\"name\":\"Lab A\",\"description\":\"someone else's\"}]}"),
        });
        using (var pipeline = Pipeline(differs))
            await Assert.ThrowsAsync<WebexApiException>(() => pipeline.SendAsync(HttpMethod.Post, Collection, new { name = "Lab A", description = "mine" }, CancellationToken.None));
    }

    [Fact]
    public async Task A_replace_with_a_version_whose_answer_was_lost_is_recognised_by_the_next_version_and_its_fields()
    {
        var handler = new StubHandler((request, _, n) => n switch
        {
            0 => throw new HttpRequestException("Connection reset by peer"),
            1 => StubHandler.Json(HttpStatusCode.Conflict, "{\"error\":{\"key\":\"409\",\"message\":[{\"description\":\"stale version 3\"}]}}"),
            _ => StubHandler.Json(HttpStatusCode.OK, "{\"id\":\"s1\",\"name\":\"Site\",\"active\":false,\"version\":4,\"lastUpdatedTime\":1}"),
        });
        using var pipeline = Pipeline(handler, honoursKeys: false);

        var replaced = await pipeline.SendAsync<Newtonsoft.Json.Linq.JObject>(HttpMethod.Put, Item, new { id = "s1", name = "Site", active = false, version = 3 }, CancellationToken.None);

        Assert.Equal(4, (int)replaced["version"]!);
        Assert.Equal(HttpMethod.Get, handler.Requests[2].Method);

        var later = new StubHandler((_, _, n) => n switch
        {
            0 => throw new HttpRequestException("Connection reset by peer"),
            1 => StubHandler.Json(HttpStatusCode.Conflict, "{}"),
            _ => StubHandler.Json(HttpStatusCode.OK, "{\"id\":\"s1\",\"name\":\"Site\",\"active\":true,\"version\":4}"),
        });
        using var other = Pipeline(later, honoursKeys: false);
        await Assert.ThrowsAsync<WebexApiException>(() => other.SendAsync(HttpMethod.Put, Item, new { id = "s1", name = "Site", active = false, version = 3 }, CancellationToken.None));
    }

    [Fact]
    public async Task A_post_whose_answer_was_lost_is_sent_again_only_to_a_server_that_honours_idempotency_keys()
    {
        var lost = new StubHandler((_, _, n) => n == 0 ? throw new HttpRequestException("Connection reset by peer") : StubHandler.Json(HttpStatusCode.Created, "{\"id\":\"s1\"}"));
        using (var pipeline = Pipeline(lost, honoursKeys: true))
            await pipeline.SendAsync(HttpMethod.Post, Collection, new { name = "Lab A" }, CancellationToken.None);
        Assert.Equal(2, lost.Requests.Count);

        var live = new StubHandler((_, _, n) => n == 0 ? throw new HttpRequestException("Connection reset by peer") : StubHandler.Json(HttpStatusCode.Created, "{\"id\":\"s1\"}"));
        using (var pipeline = Pipeline(live, honoursKeys: false))
            await Assert.ThrowsAsync<WebexApiException>(() => pipeline.SendAsync(HttpMethod.Post, Collection, new { name = "Lab A" }, CancellationToken.None));
        Assert.Single(live.Requests);
    }
}
