using System.Net;
using DigitalChannels.IntegrationTests.Infrastructure;
using Xunit;

namespace DigitalChannels.IntegrationTests.Sandbox;

/// <summary>Time travel moves every tenant's clock, so these tests own their sandbox.</summary>
public sealed class ClockTests
{
    [Fact]
    public async Task Advancing_the_clock_moves_now_and_expires_tokens_by_the_same_clock()
    {
        using var sandbox = new SandboxProcess { TokenLifetimeSeconds = 600 };
        await sandbox.StartAsync();
        using var api = new SandboxApi(sandbox);
        var token = await api.OwnerTokenAsync();

        using (var before = await api.SendAsync(HttpMethod.Get, "/sandbox/v1/clock", token))
        {
            var clock = await SandboxApi.ExpectJsonAsync(before, HttpStatusCode.OK);
            Assert.Equal(0, clock.GetProperty("offsetSeconds").GetInt64());
        }

        using (var advanced = await api.SendAsync(HttpMethod.Post, "/sandbox/v1/clock/advance", token, """{"seconds":3600}"""))
        {
            var clock = await SandboxApi.ExpectJsonAsync(advanced, HttpStatusCode.OK);
            Assert.Equal(3600, clock.GetProperty("offsetSeconds").GetInt64());
            var now = DateTimeOffset.Parse(clock.GetProperty("now").GetString()!);
            Assert.InRange(now - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(59), TimeSpan.FromMinutes(61));
        }

        // The token lived 600 s; an hour later it has expired.
        using var expired = await api.SendAsync(HttpMethod.Get, "/sandbox/v1/clock", token);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
    }

    [Theory]
    [InlineData("""{"seconds":0}""", "'seconds' must be from 1")]
    [InlineData("""{"seconds":-5}""", "(got -5)")]
    [InlineData("""{"seconds":"soon"}""", "'seconds' must be a whole number")]
    [InlineData("""{}""", "'seconds' is required")]
    public async Task The_clock_refuses_to_move_back_or_by_nonsense(string body, string message)
    {
        using var sandbox = new SandboxProcess();
        await sandbox.StartAsync();
        using var api = new SandboxApi(sandbox);
        using var response = await api.SendAsync(HttpMethod.Post, "/sandbox/v1/clock/advance", await api.OwnerTokenAsync(), body);
        var problem = await SandboxApi.ExpectJsonAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(message, problem.GetProperty("detail").GetString());
    }
}
