using System.Net;
using DigitalChannels.Client.Http;
using DigitalChannels.Client.Tests.Infrastructure;

namespace DigitalChannels.Client.Tests.Http;

public class PagingTests
{
    private static readonly Uri List = new("https://api.wxcc-us1.cisco.com/organization/o/v2/site?filter=active%3D%3Dtrue");

    /// <summary>A server with <paramref name="total"/> items whose meta.links point at an internal prefix that must never be followed.</summary>
    private static StubHandler Server(int total, int? reportedPages = null) => new((request, _, _) =>
    {
        var query = System.Web.HttpUtility.ParseQueryString(request.RequestUri!.Query);
        var page = int.Parse(query["page"]!);
        var size = int.Parse(query["pageSize"]!);
        var items = Enumerable.Range(page * size, Math.Max(0, Math.Min(size, total - page * size))).Select(i => $"{{\"id\":\"{i}\"}}");
        var pages = reportedPages ?? (int)Math.Ceiling(total / (double)size);
        return StubHandler.Json(HttpStatusCode.OK,
            $"{{\"meta\":{{\"orgid\":\"o\",\"page\":{page},\"pageSize\":{size},\"totalPages\":{pages},\"totalRecords\":{total}," +
            $"\"links\":{{\"next\":\"/cms/api/organization/o/v2/site?page=99&pageSize=1\"}}}},\"data\":[{string.Join(",", items)}]}}");
    });

    private sealed class Item { public string? id { get; set; } }

    [Fact]
    public async Task Every_item_of_every_page_arrives_in_order_with_urls_rebuilt_from_page_and_page_size()
    {
        var handler = Server(total: 7);
        using var pipeline = new WebexHttpPipeline(new CountingTokenSource(), handler, RetryPolicy.None);

        var ids = new List<string>();
        await foreach (var item in pipeline.StreamAsync<Item>(List, null, pageSize: 3)) ids.Add(item.id!);

        Assert.Equal(Enumerable.Range(0, 7).Select(i => i.ToString()), ids);
        Assert.Equal(3, handler.Requests.Count);
        Assert.All(handler.Requests, r => Assert.StartsWith("/organization/o/v2/site", r.Uri.AbsolutePath));
        Assert.Equal(new[] { "0", "1", "2" }, handler.Requests.Select(r => System.Web.HttpUtility.ParseQueryString(r.Uri.Query)["page"]));
        Assert.All(handler.Requests, r => Assert.Equal("active==true", System.Web.HttpUtility.ParseQueryString(r.Uri.Query)["filter"]));
    }

    [Fact]
    public async Task Pages_are_requested_only_as_the_consumer_reaches_them()
    {
        var handler = Server(total: 500);
        using var pipeline = new WebexHttpPipeline(new CountingTokenSource(), handler, RetryPolicy.None);

        await foreach (var item in pipeline.StreamAsync<Item>(List, null, pageSize: 100))
        {
            if (item.id == "5") break; // as Select-Object -First 6 would
        }

        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task An_empty_page_ends_the_stream_even_if_total_pages_says_more()
    {
        var handler = Server(total: 2, reportedPages: 1000);
        using var pipeline = new WebexHttpPipeline(new CountingTokenSource(), handler, RetryPolicy.None);

        var count = 0;
        await foreach (var _ in pipeline.StreamAsync<Item>(List, null, pageSize: 2)) count++;

        Assert.Equal(2, count);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task An_empty_list_makes_one_request()
    {
        var handler = Server(total: 0);
        using var pipeline = new WebexHttpPipeline(new CountingTokenSource(), handler, RetryPolicy.None);
        var count = 0;
        await foreach (var _ in pipeline.StreamAsync<Item>(List, null, pageSize: 100)) count++;
        Assert.Equal(0, count);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Cancellation_stops_paging_between_pages()
    {
        var handler = Server(total: 10);
        using var pipeline = new WebexHttpPipeline(new CountingTokenSource(), handler, RetryPolicy.None);
        using var cancellation = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var item in pipeline.StreamAsync<Item>(List, null, pageSize: 2, cancellation.Token))
                if (item.id == "1") cancellation.Cancel();
        });

        Assert.Single(handler.Requests);
    }
}
