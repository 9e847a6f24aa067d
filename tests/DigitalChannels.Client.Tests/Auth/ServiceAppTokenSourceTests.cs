using System.Net;
using System.Text;
using DigitalChannels.Client.Auth;
using DigitalChannels.Client.Environments;
using DigitalChannels.Client.Http;
using DigitalChannels.Client.Tests.Infrastructure;
using Newtonsoft.Json.Linq;

namespace DigitalChannels.Client.Tests.Auth;

/// <summary>A service app's first pair is asked through the administrator's pipeline exactly as Webex documents the call.</summary>
public class ServiceAppTokenSourceTests
{
    private const string OrgId = "96abc2aa-3dcc-11e5-a152-fe34819cdc9a";
    private const string ApplicationId = "Y2lzY29zcGFyazovL3VzL0FQUExJQ0FUSU9OL0MyNzljYjMwYWI0OTQ3MGFhM2ViYTgwY2Q4MmYxMTc1";
    private const string Secret = "service-app-secret-value";

    [Fact]
    public async Task On_a_live_region_the_pair_is_asked_at_webexapis_with_the_admin_token_and_Webex_organization_id_and_secrets_are_redacted()
    {
        var handler = new StubHandler((_, _, _) => StubHandler.Json(HttpStatusCode.OK,
            """{"access_token":"SA-access","expires_in":3600,"refresh_token":"SA-refresh","refresh_token_expires_in":7776000,"token_type":"Bearer"}"""));
        using var pipeline = new WebexHttpPipeline(new AccessTokenSource("admin-token", null), handler, RetryPolicy.None);
        var environment = WebexEnvironment.ForRegion("eu1");

        var tokens = await ServiceAppTokenSource.RequestTokensAsync(pipeline, environment, ApplicationId, " Cservice ", Secret, OrgId, CancellationToken.None);

        var post = handler.Requests.Single();
        Assert.Equal(HttpMethod.Post, post.Method);
        Assert.Equal($"https://webexapis.com/v1/applications/{ApplicationId}/token", post.Uri.AbsoluteUri);
        Assert.Equal("admin-token", post.Authorization!.Parameter);
        var body = JObject.Parse(post.Body!);
        Assert.Equal("Cservice", (string?)body["clientId"]);
        Assert.Equal(Secret, (string?)body["clientSecret"]);
        // Webex names the organization by its base64 id, as in the spec's example.
        Assert.Equal("Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi85NmFiYzJhYS0zZGNjLTExZTUtYTE1Mi1mZTM0ODE5Y2RjOWE", (string?)body["targetOrgId"]);
        Assert.Equal(("SA-access", "SA-refresh"), (tokens.AccessToken, tokens.RefreshToken));
        Assert.InRange((tokens.AccessTokenExpiresOn - DateTimeOffset.UtcNow).TotalSeconds, 3500, 3600);
        Assert.DoesNotContain(Secret, pipeline.Redactor.Redact($"x {Secret} SA-refresh SA-access"));
        Assert.DoesNotContain("SA-refresh", pipeline.Redactor.Redact("x SA-refresh"));
    }

    [Fact]
    public async Task A_Webex_organization_id_is_sent_as_it_is_and_the_source_refreshes_with_the_apps_own_credentials()
    {
        var webexOrg = ServiceAppTokenSource.WebexOrganizationId(OrgId);
        Assert.Equal(webexOrg, ServiceAppTokenSource.WebexOrganizationId(webexOrg));

        var refreshes = new StubHandler((request, _, _) => StubHandler.Json(HttpStatusCode.OK,
            """{"access_token":"SA-access-2","expires_in":3600,"refresh_token":"SA-refresh-2","refresh_token_expires_in":7776000,"token_type":"Bearer"}"""));
        using var source = new ServiceAppTokenSource(WebexEnvironment.ForRegion("us1"), ApplicationId, "Cservice", Secret,
            new SignInTokens("SA-access", DateTimeOffset.UtcNow.AddSeconds(-1), "SA-refresh", DateTimeOffset.UtcNow.AddDays(90)), new SecretRedactor(), refreshes);

        Assert.Equal("ServiceApp", source.Method);
        Assert.Equal("SA-access-2", await source.GetAccessTokenAsync(false, CancellationToken.None));
        var refresh = refreshes.Requests.Single();
        Assert.Equal("https://webexapis.com/v1/access_token", refresh.Uri.AbsoluteUri);
        Assert.Equal(Convert.ToBase64String(Encoding.UTF8.GetBytes("Cservice:" + Secret)), refresh.Authorization!.Parameter);
        Assert.Contains("grant_type=refresh_token", refresh.Body);
        Assert.Contains("refresh_token=SA-refresh", refresh.Body);
        Assert.Equal("SA-refresh-2", source.RefreshToken);
    }
}
