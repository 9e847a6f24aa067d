using System.Diagnostics;
using System.Net;
using DigitalChannels.Client;
using DigitalChannels.Client.Environments;
using DigitalChannels.Client.People;
using DigitalChannels.IntegrationTests.Infrastructure;
using Xunit;

namespace DigitalChannels.IntegrationTests.ContactCenter;

/// <summary>The per-client rate limit (platform facts §1.7), on a sandbox of its own started with --rate-limit 5.</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task Requests_over_the_limit_get_429_with_retry_after_until_the_next_minute()
    {
        using var sandbox = new SandboxProcess { RateLimitPerMinute = 5 };
        await sandbox.StartAsync();
        using var api = new SandboxApi(sandbox);
        var token = await api.OwnerTokenAsync();
        var sites = $"/organization/{sandbox.OrgId}/site";

        for (var i = 0; i < 5; i++)
        {
            using var allowed = await api.SendAsync(HttpMethod.Get, sites, token);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }
        using (var limited = await api.SendAsync(HttpMethod.Get, sites, token))
        {
            await ContactCenterApi.ExpectErrorAsync(limited, HttpStatusCode.TooManyRequests, "more than 5 requests this minute");
            var retryAfter = int.Parse(Assert.Single(limited.Headers.GetValues("Retry-After")));
            Assert.InRange(retryAfter, 1, 60);
        }
        // The People API shares the client's budget and answers in its own body.
        using (var people = await api.SendAsync(HttpMethod.Get, "/v1/people", token))
        {
            var body = await SandboxApi.ExpectJsonAsync(people, HttpStatusCode.TooManyRequests);
            Assert.Contains("more than 5 requests", body.GetProperty("message").GetString());
            Assert.True(people.Headers.Contains("Retry-After"));
        }

        using (var advance = await api.SendAsync(HttpMethod.Post, "/sandbox/v1/clock/advance", token, new { seconds = 61 }))
            Assert.True(advance.IsSuccessStatusCode, await advance.Content.ReadAsStringAsync());
        using var again = await api.SendAsync(HttpMethod.Get, sites, await api.OwnerTokenAsync());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task The_client_rides_out_a_short_window_by_waiting_for_every_retry_after()
    {
        using var sandbox = new SandboxProcess { RateLimitPerMinute = 3, ExtraArguments = ["--rate-limit-window", "2"] };
        await sandbox.StartAsync();
        using (var api = new SandboxApi(sandbox))
        {
            var token = await api.OwnerTokenAsync();
            var sites = $"/organization/{sandbox.OrgId}/site";
            HttpResponseMessage? limited = null;
            // Bursts of six at once: four requests land inside one 2-second window however slow the machine is.
            for (var burst = 0; burst < 5 && limited is null; burst++)
            {
                var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => api.SendAsync(HttpMethod.Get, sites, token)));
                limited = responses.FirstOrDefault(r => r.StatusCode == HttpStatusCode.TooManyRequests);
                foreach (var response in responses.Where(r => r != limited)) response.Dispose();
            }
            Assert.NotNull(limited);
            using (limited)
            {
                await ContactCenterApi.ExpectErrorAsync(limited!, HttpStatusCode.TooManyRequests, "more than 3 requests in this 2-second window");
                Assert.InRange(int.Parse(Assert.Single(limited!.Headers.GetValues("Retry-After"))), 1, 2);
            }
        }

        using var connection = await DigitalChannelsConnection.ConnectAsync(new ConnectionOptions
        {
            Environment = WebexEnvironment.ForSandbox(sandbox.BaseUrl), ClientId = sandbox.ClientId, ClientSecret = sandbox.ClientSecret,
        }, CancellationToken.None);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 10; i++) Assert.NotNull(await connection.People.FindLicenseByNameAsync(ContactCenterLicenses.PremiumAgent, CancellationToken.None));
        clock.Stop();

        // 10 calls at 3 per 2-second window: at least two waits, each for the whole Retry-After, and no failure.
        Assert.InRange(connection.Pipeline.ThrottledCount, 2, 10);
        Assert.Equal(connection.Pipeline.ThrottledCount, connection.Pipeline.RetryCount);
        Assert.Equal(10 + connection.Pipeline.ThrottledCount, connection.Pipeline.RequestCount);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(connection.Pipeline.ThrottledCount * 0.9), $"{clock.Elapsed} for {connection.Pipeline.ThrottledCount} waits");
    }

    [Fact]
    public async Task License_units_of_a_new_organization_come_from_the_command_line()
    {
        using var sandbox = new SandboxProcess { ExtraArguments = ["--license-units", "2"] };
        await sandbox.StartAsync();
        using var connection = await DigitalChannelsConnection.ConnectAsync(new ConnectionOptions
        {
            Environment = WebexEnvironment.ForSandbox(sandbox.BaseUrl), ClientId = sandbox.ClientId, ClientSecret = sandbox.ClientSecret,
        }, CancellationToken.None);
        var premium = await connection.People.FindLicenseByNameAsync(ContactCenterLicenses.PremiumAgent, CancellationToken.None);
        Assert.Equal(2, premium!.TotalUnits);
        for (var i = 0; i < 2; i++)
            await connection.People.CreateAsync($"unit{i}@example.test", $"Unit {i}", null, null, [premium.Id], CancellationToken.None);
        var exhausted = await Assert.ThrowsAsync<DigitalChannels.Client.Http.WebexApiException>(() =>
            connection.People.CreateAsync("unit2@example.test", "Unit 2", null, null, [premium.Id], CancellationToken.None));
        Assert.Equal(400, exhausted.StatusCode);
        Assert.Contains("has no units left (2 of 2 in use)", exhausted.Message);
    }
}
