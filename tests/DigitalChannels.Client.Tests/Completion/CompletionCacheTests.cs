using System.Net;
using DigitalChannels.Client.Completion;
using DigitalChannels.Client.Environments;
using DigitalChannels.Client.Tests.Infrastructure;

namespace DigitalChannels.Client.Tests.Completion;

/// <summary>Tab's names: from the tenant, cached briefly, and time-boxed so that a slow or absent tenant gives nothing instead of a hang.</summary>
public class CompletionCacheTests
{
    private static string Page(params string[] items) =>
        $"{{\"meta\":{{\"page\":0,\"pageSize\":100,\"totalPages\":{(items.Length == 0 ? 0 : 1)},\"totalRecords\":{items.Length}}},\"data\":[{string.Join(",", items)}]}}";

    private static Task<DigitalChannelsConnection> Connect(StubHandler handler, WebexEnvironment? environment = null) =>
        DigitalChannelsConnection.ConnectAsync(new ConnectionOptions
        {
            Environment = environment ?? WebexEnvironment.ForSandbox("http://sandbox.test"),
            OrganizationId = "org-1",
            AccessToken = "test-token-value",
            HttpMessageHandler = handler,
            RetryPolicy = DigitalChannels.Client.Http.RetryPolicy.None,
        }, CancellationToken.None);

    private static StubHandler Tenant() => new((request, _, _) =>
    {
        var path = request.RequestUri!.AbsolutePath;
        if (path.EndsWith("/services"))
            return StubHandler.Json(HttpStatusCode.OK, Page("{\"id\":\"0f8fad5b-d9cb-469f-a165-70867728950e\",\"name\":\"Lab B\"}", "{\"id\":\"1b4e28ba-2fa1-11d2-883f-0016d3cca427\",\"name\":\"Agnostic Flows DO NOT MODIFY\"}", "{\"id\":\"6ba7b810-9dad-11d1-80b4-00c04fd430c8\",\"name\":\"lab b\"}"));
        if (path.EndsWith("/site")) return StubHandler.Json(HttpStatusCode.OK, Page("{\"id\":\"s1\",\"name\":\"Site\"}"));
        return StubHandler.Json(HttpStatusCode.NotFound, "{}");
    });

    [Fact]
    public async Task Names_come_from_the_tenant_sorted_without_duplicates()
    {
        using var connection = await Connect(Tenant());
        var services = await TenantNames.ListAsync(connection, TenantObjectKind.ConnectService, null, CancellationToken.None);
        Assert.Equal(new[] { "Agnostic Flows DO NOT MODIFY", "Lab B" }, services);
        Assert.Equal(new[] { "Site" }, await TenantNames.ListAsync(connection, TenantObjectKind.WxccSite, null, CancellationToken.None));
    }

    [Fact]
    public async Task A_lookup_is_cached_for_its_lifetime_then_asked_again()
    {
        var now = DateTimeOffset.Parse("2026-01-01T10:00:00Z");
        var calls = 0;
        var cache = new CompletionCache(TimeSpan.FromSeconds(30), (_, _, _, _) => { calls++; return Task.FromResult<IReadOnlyList<string>>(new[] { "Lab A" }); }, () => now);
        using var connection = await Connect(Tenant());

        Assert.Equal(new[] { "Lab A" }, cache.GetNames(connection, TenantObjectKind.ConnectService, null, TimeSpan.FromSeconds(5)));
        Assert.Equal(new[] { "Lab A" }, cache.GetNames(connection, TenantObjectKind.ConnectService, null, TimeSpan.FromSeconds(5)));
        Assert.Equal(1, calls);
        cache.GetNames(connection, TenantObjectKind.ConnectFlow, "Lab A", TimeSpan.FromSeconds(5));
        Assert.Equal(2, calls); // another kind or scope is another lookup

        now = now.AddSeconds(31);
        cache.GetNames(connection, TenantObjectKind.ConnectService, null, TimeSpan.FromSeconds(5));
        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task A_tenant_that_does_not_answer_in_the_time_box_gives_nothing_and_the_late_answer_serves_the_next_Tab()
    {
        var answer = new TaskCompletionSource<IReadOnlyList<string>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = 0;
        var cache = new CompletionCache(TimeSpan.FromSeconds(30), (_, _, _, _) => { calls++; return answer.Task; });
        using var connection = await Connect(Tenant());

        Assert.Empty(cache.GetNames(connection, TenantObjectKind.ConnectService, null, TimeSpan.FromMilliseconds(50)));
        answer.SetResult(new[] { "Lab A" });
        Assert.Equal(new[] { "Lab A" }, cache.GetNames(connection, TenantObjectKind.ConnectService, null, TimeSpan.FromSeconds(5)));
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task A_failed_lookup_gives_nothing_and_is_not_kept()
    {
        var calls = 0;
        var cache = new CompletionCache(TimeSpan.FromSeconds(30), (_, _, _, _) => { calls++; throw new HttpRequestException("Connection refused"); });
        using var connection = await Connect(Tenant());

        Assert.Empty(cache.GetNames(connection, TenantObjectKind.ConnectService, null, TimeSpan.FromSeconds(5)));
        Assert.Empty(cache.GetNames(connection, TenantObjectKind.ConnectService, null, TimeSpan.FromSeconds(5)));
        Assert.Equal(2, calls);
        Assert.Empty(cache.GetNames(null!, TenantObjectKind.ConnectService, null, TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task An_absent_server_and_a_live_tenant_without_API_give_nothing_without_an_error()
    {
        var refused = new StubHandler((_, _, _) => throw new HttpRequestException("Connection refused"));
        using var absent = await Connect(refused);
        Assert.Empty(new CompletionCache(TimeSpan.FromSeconds(30)).GetNames(absent, TenantObjectKind.ConnectService, null, TimeSpan.FromSeconds(5)));

        using var live = await Connect(Tenant(), WebexEnvironment.ForRegion("eu1"));
        Assert.Empty(new CompletionCache(TimeSpan.FromSeconds(30)).GetNames(live, TenantObjectKind.ConnectService, null, TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void The_time_box_is_two_seconds_unless_the_environment_says_otherwise()
    {
        var before = Environment.GetEnvironmentVariable(CompletionCache.TimeoutVariable);
        try
        {
            Environment.SetEnvironmentVariable(CompletionCache.TimeoutVariable, null);
            Assert.Equal(TimeSpan.FromSeconds(2), CompletionCache.TimeBox);
            Environment.SetEnvironmentVariable(CompletionCache.TimeoutVariable, "0.5");
            Assert.Equal(TimeSpan.FromMilliseconds(500), CompletionCache.TimeBox);
            Environment.SetEnvironmentVariable(CompletionCache.TimeoutVariable, "nonsense");
            Assert.Equal(TimeSpan.FromSeconds(2), CompletionCache.TimeBox);
        }
        finally
        {
            Environment.SetEnvironmentVariable(CompletionCache.TimeoutVariable, before);
        }
    }
}
