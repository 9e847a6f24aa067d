using System.Net;
using System.Text.Json;
using DigitalChannels.IntegrationTests.Infrastructure;
using Xunit;

namespace DigitalChannels.IntegrationTests.Sandbox;

/// <summary>The service list: Contact Center v2 envelope, paging, search and exact-name filters.</summary>
[Collection(SharedSandboxCollection.Name)]
public sealed class ServiceListTests : IAsyncLifetime, IDisposable
{
    private const int Created = 12;
    private readonly SandboxApi api;
    private readonly string prefix = "Paging " + Guid.NewGuid().ToString("N")[..8];
    private readonly List<string> names = [];
    private string token = "";

    public ServiceListTests(SandboxProcess sandbox) => api = new SandboxApi(sandbox);

    public async Task InitializeAsync()
    {
        token = await api.OwnerTokenAsync();
        // Created out of order, with mixed case, to check that the list sorts by name regardless of case.
        foreach (var i in Enumerable.Range(0, Created).Reverse())
        {
            var name = $"{prefix} {(i % 2 == 0 ? "item" : "ITEM")} {i:00}";
            names.Add(name);
            await api.CreateServiceAsync(token, name);
        }
        names.Sort(StringComparer.OrdinalIgnoreCase);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Pages_cover_every_match_once_in_name_order_with_links()
    {
        var seen = new List<string>();
        for (var page = 0; page < 3; page++)
        {
            var list = await ListAsync($"?search={Uri.EscapeDataString(prefix)}&pageSize=5&page={page}");
            var meta = list.GetProperty("meta");
            Assert.Equal(api.Sandbox.OrgId, meta.GetProperty("orgid").GetString());
            Assert.Equal(page, meta.GetProperty("page").GetInt32());
            Assert.Equal(5, meta.GetProperty("pageSize").GetInt32());
            Assert.Equal(3, meta.GetProperty("totalPages").GetInt32());
            Assert.Equal(Created, meta.GetProperty("totalRecords").GetInt32());

            var links = meta.GetProperty("links");
            var search = "search=" + Uri.EscapeDataString(prefix);
            Assert.Equal($"{api.ServicesPath}?page={page}&pageSize=5&{search}", links.GetProperty("self").GetString());
            Assert.Equal($"{api.ServicesPath}?page=0&pageSize=5&{search}", links.GetProperty("first").GetString());
            Assert.Equal($"{api.ServicesPath}?page=2&pageSize=5&{search}", links.GetProperty("last").GetString());
            Assert.Equal(page < 2, links.TryGetProperty("next", out var next));
            if (page < 2) Assert.Equal($"{api.ServicesPath}?page={page + 1}&pageSize=5&{search}", next.GetString());
            Assert.Equal(page > 0, links.TryGetProperty("prev", out var prev));
            if (page > 0) Assert.Equal($"{api.ServicesPath}?page={page - 1}&pageSize=5&{search}", prev.GetString());

            var data = list.GetProperty("data").EnumerateArray().ToList();
            Assert.Equal(page < 2 ? 5 : 2, data.Count);
            seen.AddRange(data.Select(s => s.GetProperty("name").GetString()!));
        }
        Assert.Equal(names, seen);
    }

    [Fact]
    public async Task Search_is_a_case_insensitive_substring()
    {
        var list = await ListAsync($"?search={Uri.EscapeDataString(prefix.ToUpperInvariant() + " item 0")}");
        var found = list.GetProperty("data").EnumerateArray().Select(s => s.GetProperty("name").GetString()!).ToList();
        Assert.Equal(names.Where(n => n.Contains(" item 0", StringComparison.OrdinalIgnoreCase)), found);
        Assert.Equal(10, found.Count);
    }

    [Fact]
    public async Task Name_is_a_case_insensitive_exact_match()
    {
        var list = await ListAsync($"?name={Uri.EscapeDataString($"{prefix} item 03".ToLowerInvariant())}");
        var service = Assert.Single(list.GetProperty("data").EnumerateArray());
        Assert.Equal($"{prefix} ITEM 03", service.GetProperty("name").GetString());

        var none = await ListAsync($"?name={Uri.EscapeDataString($"{prefix} item")}");
        Assert.Empty(none.GetProperty("data").EnumerateArray());
        Assert.Equal(0, none.GetProperty("meta").GetProperty("totalRecords").GetInt32());
        Assert.Equal(0, none.GetProperty("meta").GetProperty("totalPages").GetInt32());
        Assert.False(none.GetProperty("meta").GetProperty("links").TryGetProperty("next", out _));
    }

    [Fact]
    public async Task Defaults_and_clamping_of_page_size()
    {
        var defaults = await ListAsync($"?search={Uri.EscapeDataString(prefix)}");
        Assert.Equal(0, defaults.GetProperty("meta").GetProperty("page").GetInt32());
        Assert.Equal(100, defaults.GetProperty("meta").GetProperty("pageSize").GetInt32());
        Assert.Equal(1, defaults.GetProperty("meta").GetProperty("totalPages").GetInt32());

        var tooBig = await ListAsync($"?search={Uri.EscapeDataString(prefix)}&pageSize=1000");
        Assert.Equal(100, tooBig.GetProperty("meta").GetProperty("pageSize").GetInt32());

        var zero = await ListAsync($"?search={Uri.EscapeDataString(prefix)}&pageSize=0");
        Assert.Equal(1, zero.GetProperty("meta").GetProperty("pageSize").GetInt32());
        Assert.Equal(Created, zero.GetProperty("meta").GetProperty("totalPages").GetInt32());

        var beyond = await ListAsync($"?search={Uri.EscapeDataString(prefix)}&pageSize=5&page=7");
        Assert.Empty(beyond.GetProperty("data").EnumerateArray());
        Assert.Equal(Created, beyond.GetProperty("meta").GetProperty("totalRecords").GetInt32());
    }

    [Theory]
    [InlineData("page", "-1")]
    [InlineData("page", "two")]
    [InlineData("pageSize", "-5")]
    [InlineData("pageSize", "1.5")]
    public async Task Bad_paging_parameters_are_400_naming_parameter_and_value(string parameter, string value)
    {
        using var response = await api.SendAsync(HttpMethod.Get, $"{api.ServicesPath}?{parameter}={Uri.EscapeDataString(value)}", token);
        await SandboxApi.ExpectProblemAsync(response, HttpStatusCode.BadRequest, "request.invalid_parameter", $"'{parameter}'", $"'{value}'");
    }

    [Fact]
    public async Task Paging_beyond_the_default_page_size_of_100()
    {
        // More than one default page in the whole tenant, whatever other tests created.
        var bulkPrefix = "Bulk " + Guid.NewGuid().ToString("N")[..8];
        for (var i = 0; i < 101; i++) await api.CreateServiceAsync(token, $"{bulkPrefix} {i:000}");

        var first = await ListAsync($"?search={Uri.EscapeDataString(bulkPrefix)}");
        Assert.Equal(2, first.GetProperty("meta").GetProperty("totalPages").GetInt32());
        Assert.Equal(100, first.GetProperty("data").GetArrayLength());
        var second = await ListAsync($"?search={Uri.EscapeDataString(bulkPrefix)}&page=1");
        Assert.Equal($"{bulkPrefix} 100", Assert.Single(second.GetProperty("data").EnumerateArray()).GetProperty("name").GetString());
    }

    private async Task<JsonElement> ListAsync(string query)
    {
        using var response = await api.SendAsync(HttpMethod.Get, api.ServicesPath + query, token);
        return await SandboxApi.ExpectJsonAsync(response, HttpStatusCode.OK);
    }

    public void Dispose() => api.Dispose();
}
