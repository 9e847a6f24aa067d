using System.Net;
using DigitalChannels.Client.Commands;
using DigitalChannels.Client.Connect.Assets;
using DigitalChannels.Client.Connect.Flows;
using DigitalChannels.Client.Environments;
using DigitalChannels.Client.Tests.Infrastructure;
using Newtonsoft.Json.Linq;

namespace DigitalChannels.Client.Tests.Connect.Assets;

/// <summary>Apps go through the Digital Channel Onboarding API: the region's assetmanagement host, or the sandbox's same paths.</summary>
public class ConnectAssetCommandsTests
{
    private const string Org = "3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f";
    private const string AppId = "0f8fad5b-d9cb-469f-a165-70867728950e";

    private static async Task<DigitalChannelsConnection> Connect(StubHandler handler, WebexEnvironment environment) =>
        await DigitalChannelsConnection.ConnectAsync(new ConnectionOptions
        {
            Environment = environment,
            OrganizationId = Org,
            AccessToken = "test-token-value",
            HttpMessageHandler = handler,
            RetryPolicy = DigitalChannels.Client.Http.RetryPolicy.None,
        }, CancellationToken.None);

    /// <summary>Answers every POST with a created app and records the x-organization-id it was sent.</summary>
    private static (StubHandler Handler, List<string?> OrganizationHeaders) Server()
    {
        var headers = new List<string?>();
        var handler = new StubHandler((request, _, _) =>
        {
            lock (headers) headers.Add(request.Headers.TryGetValues("x-organization-id", out var values) ? values.Single() : null);
            return StubHandler.Json(HttpStatusCode.Created,
                $"{{\"id\":\"{AppId}\",\"type\":\"App\",\"channel\":\"LiveChat\",\"name\":\"Lab Chat\",\"readOnly\":false}}");
        });
        return (handler, headers);
    }

    [Theory]
    [InlineData("us1", "https://assetmanagement.us.webexconnect.io/connectapi/v2/digital/app?channel=app")]
    [InlineData("eu1", "https://assetmanagement.uk.webexconnect.io/connectapi/v2/digital/app?channel=app")]
    [InlineData("eu2", "https://assetmanagement.eu.webexconnect.io/connectapi/v2/digital/app?channel=app")]
    [InlineData("jp1", "https://assetmanagement.au.webexconnect.io/connectapi/v2/digital/app?channel=app")]
    public async Task On_a_live_region_New_app_posts_to_the_regional_onboarding_host_with_the_organization_header(string region, string expected)
    {
        var (handler, headers) = Server();
        using var connection = await Connect(handler, WebexEnvironment.ForRegion(region));
        var host = new RecordingHost();

        CommandRunner.Run(host, ConnectAssetCommands.AppNoun, h => ConnectAssetCommands.NewAppAsync(h, connection, " Lab Chat ", ConnectChannel.LiveChat));

        var post = handler.Requests.Single();
        Assert.Equal(HttpMethod.Post, post.Method);
        Assert.Equal(expected, post.Uri.AbsoluteUri);
        Assert.Equal(Org, headers.Single());
        Assert.Equal("test-token-value", post.Authorization!.Parameter);
        Assert.Equal(JObject.Parse("{\"name\":\"Lab Chat\",\"appType\":\"LiveChat\"}"), JObject.Parse(post.Body!), JToken.EqualityComparer);
        Assert.Equal(AppId, Assert.IsType<ConnectAsset>(Assert.Single(host.Objects)).Id);
    }

    [Theory]
    [InlineData(ConnectChannel.Email, "email", "{\"name\":\"Lab Mail\"}")]
    [InlineData(ConnectChannel.InAppMessaging, "app", "{\"name\":\"Lab Mail\",\"appType\":\"InAppMessaging\"}")]
    [InlineData(ConnectChannel.FacebookMessenger, "fb", "{\"name\":\"Lab Mail\"}")]
    [InlineData(ConnectChannel.WhatsApp, "wa", "{\"name\":\"Lab Mail\"}")]
    [InlineData(ConnectChannel.Rcs, "rcs", "{\"name\":\"Lab Mail\"}")]
    public async Task The_sandbox_gets_the_same_call_on_its_own_host(ConnectChannel channel, string query, string body)
    {
        var (handler, headers) = Server();
        using var connection = await Connect(handler, WebexEnvironment.ForSandbox("http://sandbox.test"));

        await connection.ConnectAssets.CreateAppAsync("Lab Mail", channel, CancellationToken.None);

        var post = handler.Requests.Single();
        Assert.Equal($"http://sandbox.test/connectapi/v2/digital/app?channel={query}", post.Uri.AbsoluteUri);
        Assert.Equal(Org, headers.Single());
        Assert.Equal(JObject.Parse(body), JObject.Parse(post.Body!), JToken.EqualityComparer);
    }

    [Fact]
    public async Task What_the_onboarding_api_does_not_cover_stops_on_a_live_tenant_naming_the_portal_page()
    {
        var (handler, _) = Server();
        using var connection = await Connect(handler, WebexEnvironment.ForRegion("us1"));
        var host = new RecordingHost();

        var apple = Assert.Throws<CommandTerminatedException>(() => CommandRunner.Run(host, ConnectAssetCommands.AppNoun,
            h => ConnectAssetCommands.NewAppAsync(h, connection, "Lab Apple", ConnectChannel.AppleMessagesForBusiness)));
        var remove = Assert.Throws<CommandTerminatedException>(() => CommandRunner.Run(host, ConnectAssetCommands.AppNoun,
            h => ConnectAssetCommands.RemoveAppAsync(h, connection, null!, "Lab Chat")));
        var list = Assert.Throws<CommandTerminatedException>(() => CommandRunner.Run(host, ConnectAssetCommands.Noun,
            h => ConnectAssetCommands.GetAsync(h, connection, null!, null, null!)));

        Assert.Equal("ConnectAppNoPublicApi", apple.Error.ErrorId);
        Assert.Contains("Webex Connect portal > Assets > Apps > Configure New App", apple.Error.Message);
        Assert.Equal("ConnectAppNoPublicApi", remove.Error.ErrorId);
        Assert.Contains("Webex Connect portal > Assets > Apps > (app) > Delete", remove.Error.Message);
        Assert.Equal("ConnectAssetNoPublicApi", list.Error.ErrorId);
        Assert.Empty(handler.Requests);
    }

    [Theory]
    [InlineData("us1", ConnectChannel.Email, "https://assetmanagement.us.webexconnect.io/connectapi/v2/digital/app/0f8fad5b-d9cb-469f-a165-70867728950e?channel=email")]
    [InlineData("eu2", ConnectChannel.LiveChat, "https://assetmanagement.eu.webexconnect.io/connectapi/v2/digital/app/0f8fad5b-d9cb-469f-a165-70867728950e?channel=app")]
    [InlineData("ca1", ConnectChannel.AppleMessagesForBusiness, "https://assetmanagement.ca.webexconnect.io/connectapi/v2/digital/app/0f8fad5b-d9cb-469f-a165-70867728950e?channel=applebusinesschat")]
    public async Task On_a_live_region_Set_app_by_id_and_channel_puts_the_new_name_to_the_regional_onboarding_host(string region, ConnectChannel channel, string expected)
    {
        var (handler, headers) = Server();
        using var connection = await Connect(handler, WebexEnvironment.ForRegion(region));
        var host = new RecordingHost();

        CommandRunner.Run(host, ConnectAssetCommands.AppNoun, h => ConnectAssetCommands.SetAppAsync(h, connection, null!, null!, AppId, channel, " Lab Chat ", passThru: true));

        Assert.Empty(host.Errors);
        var put = handler.Requests.Single();
        Assert.Equal(HttpMethod.Put, put.Method);
        Assert.Equal(expected, put.Uri.AbsoluteUri);
        Assert.Equal(Org, headers.Single());
        Assert.Equal(JObject.Parse("{\"name\":\"Lab Chat\"}"), JObject.Parse(put.Body!), JToken.EqualityComparer);
        Assert.Equal(($"Connect {channel} app with id {AppId}", "Rename to 'Lab Chat'"), Assert.Single(host.ShouldProcessCalls));
        Assert.Equal(AppId, Assert.IsType<ConnectAsset>(Assert.Single(host.Objects)).Id);
    }

    [Fact]
    public async Task Set_app_sends_nothing_under_WhatIf_refuses_sms_and_by_name_stops_on_a_live_tenant_naming_the_portal_page()
    {
        var (handler, _) = Server();
        using var connection = await Connect(handler, WebexEnvironment.ForRegion("us1"));

        var whatIf = new RecordingHost { Answer = false };
        CommandRunner.Run(whatIf, ConnectAssetCommands.AppNoun, h => ConnectAssetCommands.SetAppAsync(h, connection, null!, null!, AppId, ConnectChannel.WhatsApp, "New", false));
        Assert.Single(whatIf.ShouldProcessCalls);

        var sms = new RecordingHost();
        CommandRunner.Run(sms, ConnectAssetCommands.AppNoun, h => ConnectAssetCommands.SetAppAsync(h, connection, null!, null!, AppId, ConnectChannel.Sms, "New", false), AppId);
        Assert.Equal("ConnectAppInvalidArgument", Assert.Single(sms.Errors).ErrorId);
        Assert.Contains("SMS numbers are provided by Cisco", sms.Errors[0].Message);

        var byName = Assert.Throws<CommandTerminatedException>(() => CommandRunner.Run(new RecordingHost(), ConnectAssetCommands.AppNoun,
            h => ConnectAssetCommands.SetAppAsync(h, connection, null!, "Lab Chat", null!, null, "New", false)));
        Assert.Equal("ConnectAppNoPublicApi", byName.Error.ErrorId);
        Assert.Contains("Webex Connect portal > Assets > Apps (or give -Id and -Channel)", byName.Error.Message);

        var number = new RecordingHost();
        var sandboxNumber = new ConnectAsset { Id = "n1", Type = ConnectAsset.NumberType, Channel = "Sms", Name = "+15550100" };
        CommandRunner.Run(number, ConnectAssetCommands.AppNoun, h => ConnectAssetCommands.SetAppAsync(h, connection, sandboxNumber, null!, null!, null, "New", false), sandboxNumber);
        Assert.Equal("ConnectAppInvalidArgument", Assert.Single(number.Errors).ErrorId);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public void Every_region_has_an_onboarding_host_and_the_sandbox_serves_it_itself()
    {
        foreach (var region in WebexEnvironment.Regions)
        {
            var uri = WebexEnvironment.ForRegion(region).OnboardingBaseUri;
            Assert.Matches(@"^https://assetmanagement\.(us|eu|uk|ca|au|sg|in)\.webexconnect\.io/connectapi/$", uri.AbsoluteUri);
        }
        Assert.Equal("http://localhost:5099/base/connectapi/", WebexEnvironment.ForSandbox("http://localhost:5099/base").OnboardingBaseUri.AbsoluteUri);
    }
}
