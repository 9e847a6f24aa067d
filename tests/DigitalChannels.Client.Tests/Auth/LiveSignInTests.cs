using System.Net;
using System.Text;
using DigitalChannels.Client.Auth;
using DigitalChannels.Client.Environments;
using DigitalChannels.Client.Http;
using DigitalChannels.Client.Tests.Infrastructure;

namespace DigitalChannels.Client.Tests.Auth;

/// <summary>
/// Issue 12 against a live region, without the network: the same code paths as the sandbox, only Webex's host. What
/// the browser is sent to, and the device grant's polling (428 pending, slow_down, expired_token) with Basic auth.
/// </summary>
public class LiveSignInTests
{
    private const string ClientId = "Cintegration";
    private const string ClientSecret = "integration-secret-value";
    private static readonly WebexEnvironment Live = WebexEnvironment.ForRegion("eu1");

    private sealed class RecordingLauncher(CancellationTokenSource stop) : IBrowserLauncher
    {
        public Uri? Opened { get; private set; }

        public void Open(Uri url)
        {
            Opened = url;
            stop.Cancel();
        }
    }

    [Fact]
    public async Task Interactive_sign_in_to_a_region_opens_webex_authorize_with_pkce_state_and_only_scopes_webex_knows()
    {
        using var stop = new CancellationTokenSource();
        var launcher = new RecordingLauncher(stop);
        var options = new SignInOptions { Environment = Live, ClientId = ClientId, ClientSecret = ClientSecret, RedirectPort = 0, ForceLogin = true, Browser = launcher };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => InteractiveSignIn.SignInAsync(options, new SecretRedactor(), stop.Token));

        var url = launcher.Opened!;
        Assert.Equal("https://webexapis.com/v1/authorize", url.GetLeftPart(UriPartial.Path));
        var query = System.Web.HttpUtility.ParseQueryString(url.Query);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal(ClientId, query["client_id"]);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.Matches("^[A-Za-z0-9_-]{43}$", query["code_challenge"]);
        Assert.Matches("^[A-Za-z0-9_-]{22}$", query["state"]);
        Assert.Equal("login", query["prompt"]);
        Assert.Matches(@"^http://127\.0\.0\.1:\d+/digitalchannels/$", query["redirect_uri"]);
        Assert.Equal(string.Join(" ", Scopes.Webex), query["scope"]);
        Assert.DoesNotContain(ClientSecret, url.AbsoluteUri);
    }

    private static HttpResponseMessage DeviceStarted() => StubHandler.Json(HttpStatusCode.OK,
        """{"device_code":"device-code-123456","user_code":"ABCD-EFGH","verification_uri":"https://login.example/verify","verification_uri_complete":"https://login.example/verify?user_code=ABCD-EFGH","expires_in":600,"interval":1}""");

    [Fact]
    public async Task Device_sign_in_polls_webex_with_basic_auth_until_approved()
    {
        var handler = StubHandler.Sequence(
            DeviceStarted,
            () => StubHandler.Json((HttpStatusCode)428, """{"error":"authorization_pending","error_description":"Not yet."}"""),
            () => StubHandler.Json(HttpStatusCode.OK, """{"access_token":"access-token-1","expires_in":1209600,"refresh_token":"refresh-token-1","refresh_token_expires_in":7776000}"""));
        var shown = new List<string>();
        var options = new SignInOptions { Environment = Live, ClientId = ClientId, ClientSecret = ClientSecret, HttpMessageHandler = handler, Notify = shown.Add };

        var tokens = await DeviceCodeSignIn.SignInAsync(options, new SecretRedactor(), CancellationToken.None);

        Assert.Equal("refresh-token-1", tokens.RefreshToken);
        Assert.Contains("ABCD-EFGH", Assert.Single(shown));
        Assert.Equal("https://webexapis.com/v1/device/authorize", handler.Requests[0].Uri.AbsoluteUri);
        Assert.Null(handler.Requests[0].Authorization);
        Assert.All(handler.Requests.Skip(1), r =>
        {
            Assert.Equal("https://webexapis.com/v1/device/token", r.Uri.AbsoluteUri);
            Assert.Equal("Basic", r.Authorization!.Scheme);
            Assert.Equal($"{ClientId}:{ClientSecret}", Encoding.UTF8.GetString(Convert.FromBase64String(r.Authorization.Parameter!)));
            Assert.Contains("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code", r.Body);
            Assert.Contains("device_code=device-code-123456", r.Body);
        });
        Assert.Equal(3, handler.Requests.Count);
    }

    [Theory]
    [InlineData("expired_token")]
    [InlineData("access_denied")]
    public async Task Device_sign_in_ends_with_the_servers_reason(string error)
    {
        var handler = StubHandler.Sequence(DeviceStarted,
            () => StubHandler.Json(HttpStatusCode.BadRequest, $$"""{"error":"{{error}}","error_description":"No."}"""));
        var options = new SignInOptions { Environment = Live, ClientId = ClientId, ClientSecret = ClientSecret, HttpMessageHandler = handler };

        var ex = await Assert.ThrowsAsync<WebexApiException>(() => DeviceCodeSignIn.SignInAsync(options, new SecretRedactor(), CancellationToken.None));

        Assert.Equal(error, ex.Reason);
        Assert.Contains("ABCD-EFGH", ex.Message);
        Assert.DoesNotContain(ClientSecret, ex.Message);
        Assert.DoesNotContain("device-code-123456", ex.Message);
    }

    [Theory]
    [InlineData("Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi9hMWIyYzNkNC0wMDAwLTQwMDAtODAwMC0wMDAwMDAwMDAwMDA", "a1b2c3d4-0000-4000-8000-000000000000")]
    [InlineData("a1b2c3d4-0000-4000-8000-000000000000", "a1b2c3d4-0000-4000-8000-000000000000")]
    public void Webex_people_org_ids_become_the_plain_organization_id(string orgId, string expected) =>
        Assert.Equal(expected, DigitalChannelsConnection.PlainOrganizationId(orgId));
}
