using System.Net;
using System.Text;
using DigitalChannels.Client.Auth;
using DigitalChannels.Client.Environments;
using DigitalChannels.Client.Http;
using DigitalChannels.Client.Tests.Infrastructure;

namespace DigitalChannels.Client.Tests.Auth;

public class RefreshTokenSourceTests
{
    private const string ClientId = "Cclient";
    private const string ClientSecret = "s3cret-value";
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
    private static readonly WebexEnvironment Sandbox = WebexEnvironment.ForSandbox("http://127.0.0.1:7800");

    /// <summary>A token endpoint that rotates: refresh token R{n} gives access token A{n+1} and refresh token R{n+1}.</summary>
    private static StubHandler RotatingEndpoint() => new((_, body, n) => StubHandler.Json(HttpStatusCode.OK,
        $$"""{"access_token":"A{{n + 2}}","token_type":"Bearer","expires_in":1209600,"refresh_token":"R{{n + 2}}-refresh","refresh_token_expires_in":7776000}"""));

    private static RefreshTokenSource Source(StubHandler handler, TimeSpan accessLeft, Func<DateTimeOffset>? clock = null) =>
        new(Sandbox, ClientId, ClientSecret, new SignInTokens("A1", Now + accessLeft, "R1-refresh", Now + TimeSpan.FromDays(90)), new SecretRedactor(),
            handler, clock ?? (() => Now));

    [Fact]
    public async Task A_token_with_time_left_is_used_without_asking_the_server()
    {
        var handler = RotatingEndpoint();
        using var source = Source(handler, TimeSpan.FromHours(1));
        Assert.Equal("A1", await source.GetAccessTokenAsync(false, CancellationToken.None));
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Shortly_before_expiry_it_refreshes_with_the_client_secret_and_keeps_the_rotated_refresh_token()
    {
        var handler = RotatingEndpoint();
        var now = Now;
        using var source = Source(handler, TimeSpan.FromMinutes(4), () => now);

        Assert.Equal("A2", await source.GetAccessTokenAsync(false, CancellationToken.None));
        Assert.Equal("R2-refresh", source.RefreshToken);
        Assert.Equal(Now + TimeSpan.FromSeconds(1209600), source.ExpiresOn);
        Assert.Equal(Now + TimeSpan.FromSeconds(7776000), source.RefreshTokenExpiresOn);

        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("http://127.0.0.1:7800/v1/access_token", request.Uri.ToString());
        Assert.Equal("Basic", request.Authorization!.Scheme);
        Assert.Equal($"{ClientId}:{ClientSecret}", Encoding.UTF8.GetString(Convert.FromBase64String(request.Authorization.Parameter!)));
        Assert.Equal("grant_type=refresh_token&refresh_token=R1-refresh", request.Body);

        // 14 days later the next refresh presents the new refresh token, not the used one.
        now += TimeSpan.FromDays(14);
        Assert.Equal("A3", await source.GetAccessTokenAsync(false, CancellationToken.None));
        Assert.Equal("grant_type=refresh_token&refresh_token=R2-refresh", handler.Requests[1].Body);
    }

    [Fact]
    public async Task Concurrent_callers_share_one_refresh_so_no_refresh_token_is_presented_twice()
    {
        var handler = RotatingEndpoint();
        using var source = Source(handler, TimeSpan.Zero);

        var tokens = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => source.GetAccessTokenAsync(false, CancellationToken.None))));

        Assert.All(tokens, token => Assert.Equal("A2", token));
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task A_401_in_the_pipeline_refreshes_once_and_retries_with_the_new_token()
    {
        var tokenEndpoint = RotatingEndpoint();
        using var source = Source(tokenEndpoint, TimeSpan.FromDays(10));
        var api = new StubHandler((request, _, _) => request.Headers.Authorization!.Parameter == "A1"
            ? StubHandler.Status(HttpStatusCode.Unauthorized)
            : StubHandler.Json(HttpStatusCode.OK, "{}"));
        using var pipeline = new WebexHttpPipeline(source, api, RetryPolicy.None);

        await pipeline.SendAsync(HttpMethod.Get, new Uri("http://127.0.0.1:7800/connect/v1/organization/o/services"), null, CancellationToken.None);

        Assert.Equal(new[] { "A1", "A2" }, api.Requests.Select(r => r.Authorization!.Parameter));
        Assert.Single(tokenEndpoint.Requests);
        Assert.Equal("R2-refresh", source.RefreshToken);
    }

    [Fact]
    public async Task A_refused_refresh_names_the_servers_reason_and_hides_the_tokens()
    {
        var handler = new StubHandler((_, _, _) => StubHandler.Json(HttpStatusCode.BadRequest,
            """{"error":"invalid_grant","error_description":"The refresh token R1-refresh was already used (each refresh returns a new one) or was revoked."}"""));
        using var source = Source(handler, TimeSpan.Zero);

        var ex = await Assert.ThrowsAsync<WebexApiException>(() => source.GetAccessTokenAsync(false, CancellationToken.None));

        Assert.Equal("invalid_grant", ex.ErrorKey);
        Assert.Equal(400, ex.StatusCode);
        Assert.Contains("already used", ex.Message);
        Assert.Contains("Sign in again", ex.Message);
        Assert.DoesNotContain("R1-refresh", ex.Message);
        Assert.DoesNotContain(ClientSecret, ex.Message);
    }
}
