using System.Net;
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
}
