using System.Net;
using DigitalChannels.Client.Auth;
using DigitalChannels.IntegrationTests.Infrastructure;
using Xunit;

namespace DigitalChannels.IntegrationTests.Connect;

/// <summary>
/// The Digital Channel Onboarding API as the sandbox serves it (POST/GET/PUT /connectapi/v2/digital/app?channel=…), over
/// plain HTTP: the x-organization-id header against the token's organization, the channels, and the same app rules as
/// Assets > Apps (the apps it creates are those the admin route lists).
/// </summary>
[Collection(SharedSandboxCollection.Name)]
public sealed class OnboardingApiTests : IDisposable
{
    private const string AppPath = "/connectapi/v2/digital/app";
    private readonly SandboxApi api;

    public OnboardingApiTests(SandboxProcess sandbox) => api = new SandboxApi(sandbox);

    public void Dispose() => api.Dispose();

    private Dictionary<string, string> Org(string? organizationId = null) => new() { ["x-organization-id"] = organizationId ?? api.Sandbox.OrgId };

    [Theory]
    [InlineData("email", null, "Email")]
    [InlineData("app", "LiveChat", "LiveChat")]
    [InlineData("app", "inappmessaging", "InAppMessaging")]
    [InlineData("fb", null, "FacebookMessenger")]
    [InlineData("wa", null, "WhatsApp")]
    [InlineData("RCS", null, "Rcs")]
    public async Task Create_with_the_organization_header_makes_an_app_that_Assets_lists_and_get_and_update_reach(string channel, string? appType, string expected)
    {
        var token = await api.OwnerTokenAsync();
        var name = SandboxApi.UniqueName("Onboarded");
        using var created = await api.SendAsync(HttpMethod.Post, $"{AppPath}?channel={channel}", token, new { name, appType }, Org());
        var app = await SandboxApi.ExpectJsonAsync(created, HttpStatusCode.Created);
        var id = app.GetProperty("id").GetString()!;
        Assert.Equal(expected, app.GetProperty("channel").GetString());
        Assert.Equal("App", app.GetProperty("type").GetString());
        Assert.Equal($"{AppPath}/{id}?channel={channel.ToLowerInvariant()}", created.Headers.Location!.OriginalString);

        using (var list = await api.SendAsync(HttpMethod.Get, $"/connect/v1/organization/{api.Sandbox.OrgId}/assets?type=App&channel={expected}", token))
            Assert.Contains((await SandboxApi.ExpectJsonAsync(list, HttpStatusCode.OK)).GetProperty("data").EnumerateArray(), a => a.GetProperty("id").GetString() == id);

        using (var read = await api.SendAsync(HttpMethod.Get, $"{AppPath}/{id}?channel={channel}", token, headers: Org()))
            Assert.Equal(name, (await SandboxApi.ExpectJsonAsync(read, HttpStatusCode.OK)).GetProperty("name").GetString());
        var renamed = name + " v2";
        using (var update = await api.SendAsync(HttpMethod.Put, $"{AppPath}/{id}?channel={channel}", token, new { name = renamed }, Org()))
            Assert.Equal(renamed, (await SandboxApi.ExpectJsonAsync(update, HttpStatusCode.OK)).GetProperty("name").GetString());
        using (var otherChannel = await api.SendAsync(HttpMethod.Get, $"{AppPath}/{id}?channel={(channel == "email" ? "wa" : "email")}", token, headers: Org()))
            await SandboxApi.ExpectProblemAsync(otherChannel, HttpStatusCode.NotFound, "asset.not_found", $"No app with id '{id}' and channel");
    }

    [Fact]
    public async Task A_missing_header_is_refused_and_another_organization_is_refused_whatever_the_route()
    {
        var token = await api.OwnerTokenAsync();
        var body = new { name = SandboxApi.UniqueName("No header") };
        using (var missing = await api.SendAsync(HttpMethod.Post, $"{AppPath}?channel=email", token, body))
            await SandboxApi.ExpectProblemAsync(missing, HttpStatusCode.BadRequest, "organization.header_missing", "The request has no 'x-organization-id' header");
        const string other = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
        using (var wrong = await api.SendAsync(HttpMethod.Post, $"{AppPath}?channel=email", token, body, Org(other)))
            await SandboxApi.ExpectProblemAsync(wrong, HttpStatusCode.Forbidden, "organization.mismatch", $"not to organization '{other}' named in 'x-organization-id'");
        using (var read = await api.SendAsync(HttpMethod.Get, $"{AppPath}/{Guid.NewGuid()}?channel=email", token, headers: Org(other)))
            await SandboxApi.ExpectProblemAsync(read, HttpStatusCode.Forbidden, "organization.mismatch");
        using (var anonymous = await api.SendAsync(HttpMethod.Post, $"{AppPath}?channel=email", null, body, Org()))
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        using var list = await api.SendAsync(HttpMethod.Get, $"/connect/v1/organization/{api.Sandbox.OrgId}/assets?type=App", token);
        Assert.DoesNotContain((await SandboxApi.ExpectJsonAsync(list, HttpStatusCode.OK)).GetProperty("data").EnumerateArray(),
            a => a.GetProperty("name").GetString() == body.name);
    }

    [Theory]
    [InlineData("gbm", null, "request.invalid_field", "No GoogleBusinessMessages app can be created: Google ended Business Messages on 31 July 2024")]
    [InlineData("sms", null, "request.invalid_field", "SMS has no apps")]
    [InlineData("applebusinesschat", null, "request.invalid_parameter", "Apple Messages for Business assets have no create operation in this API")]
    [InlineData("telegram", null, "request.invalid_parameter", "The query parameter 'channel' is 'telegram'; use one of email, app, fb, wa, rcs")]
    [InlineData("", null, "request.invalid_parameter", "The query parameter 'channel' is missing")]
    [InlineData("app", null, "request.invalid_field", "'appType'")]
    [InlineData("app", "Sms", "request.invalid_field", "The field 'appType' is 'Sms'; use one of LiveChat, InAppMessaging.")]
    public async Task Channels_follow_the_platform_and_the_discontinued_one_is_refused_with_its_reason(string channel, string? appType, string key, string message)
    {
        var token = await api.OwnerTokenAsync();
        using var response = await api.SendAsync(HttpMethod.Post, $"{AppPath}?channel={channel}", token, new { name = SandboxApi.UniqueName("Refused"), appType }, Org());
        await SandboxApi.ExpectProblemAsync(response, HttpStatusCode.BadRequest, key, message);
    }

    [Fact]
    public async Task Names_are_unique_across_both_routes_and_roles_and_scopes_are_those_of_Assets()
    {
        var token = await api.OwnerTokenAsync();
        var name = SandboxApi.UniqueName("Shared name");
        using (var admin = await api.SendAsync(HttpMethod.Post, $"/connect/v1/organization/{api.Sandbox.OrgId}/assets/apps", token, new { name, channel = "Email" }))
            await SandboxApi.ExpectJsonAsync(admin, HttpStatusCode.Created);
        using (var duplicate = await api.SendAsync(HttpMethod.Post, $"{AppPath}?channel=wa", token, new { name = name.ToUpperInvariant() }, Org()))
            await SandboxApi.ExpectProblemAsync(duplicate, HttpStatusCode.Conflict, "asset.duplicate_name", $"An app named '{name}' already exists");

        var readOnly = await api.TokenForNewApplicationAsync("ReadOnly", Scopes.ConnectConfigRead, Scopes.ConnectConfigWrite);
        using (var refused = await api.SendAsync(HttpMethod.Post, $"{AppPath}?channel=email", readOnly, new { name = SandboxApi.UniqueName("RO") }, Org()))
            await SandboxApi.ExpectProblemAsync(refused, HttpStatusCode.Forbidden, "role.forbidden", "The role 'ReadOnly' may not change the configuration.");
        var readScope = await api.TokenForNewApplicationAsync("FullAccess", Scopes.ConnectConfigRead);
        using (var noScope = await api.SendAsync(HttpMethod.Post, $"{AppPath}?channel=email", readScope, new { name = SandboxApi.UniqueName("Scope") }, Org()))
            await SandboxApi.ExpectProblemAsync(noScope, HttpStatusCode.Forbidden, "scope.missing", "connect:config_write");
    }
}
