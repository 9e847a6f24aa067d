using System.Net;
using System.Text.Json;
using DigitalChannels.IntegrationTests.Infrastructure;

namespace DigitalChannels.IntegrationTests.Provisioning;

/// <summary>
/// Lab rules 7–8 by the sandbox clock: provisioning takes the configured time (default 300 s), and the activation link
/// expires 24 hours after it is sent; then only Cisco support helps. Own sandbox: the test moves the clock.
/// </summary>
public sealed class ActivationExpiryTests
{
    [Fact]
    public async Task Provisioning_finishes_by_the_sandbox_clock_and_an_expired_activation_link_needs_cisco_support()
    {
        using var sandbox = new SandboxProcess();
        await sandbox.StartAsync();
        using var api = new SandboxApi(sandbox);
        var operatorToken = await api.OwnerTokenAsync();
        using var created = await api.SendAsync(HttpMethod.Post, "/sandbox/v1/organizations", operatorToken,
            new { name = "Late pod", administrator = new { email = "late.admin@pod.example", displayName = "Late Admin" } });
        var tenant = await SandboxApi.ExpectJsonAsync(created, HttpStatusCode.Created);
        var orgId = tenant.GetProperty("organizationId").GetString()!;
        var token = await api.TokenAsync(tenant.GetProperty("clientId").GetString()!, tenant.GetProperty("clientSecret").GetString()!);
        var status = $"/controlhub/v1/organization/{orgId}/contact-center/digital-channels";

        using (var start = await api.SendAsync(HttpMethod.Post, status + "/provisioning", token, new { ownerEmail = "late.admin@pod.example" }))
            Assert.Equal("Provisioning", (await SandboxApi.ExpectJsonAsync(start, HttpStatusCode.Accepted)).GetProperty("state").GetString());
        using (var during = await api.SendAsync(HttpMethod.Get, $"/engage/v1/organization/{orgId}/users", token))
            await SandboxApi.ExpectProblemAsync(during, HttpStatusCode.Conflict, "digital_channels.not_provisioned", "(state Provisioning, until", "Wait-DigitalChannelsProvisioning");

        await AdvanceAsync(api, operatorToken, 299);
        Assert.Equal("Provisioning", await StateAsync(api, status, token));
        await AdvanceAsync(api, operatorToken, 1);
        Assert.Equal("AwaitingActivation", await StateAsync(api, status, token));
        using (var awaiting = await api.SendAsync(HttpMethod.Get, $"/connect/v1/organization/{orgId}/services", token))
            await SandboxApi.ExpectProblemAsync(awaiting, HttpStatusCode.Conflict, "digital_channels.not_provisioned", "(state AwaitingActivation)", "'late.admin@pod.example'");

        using var outbox = await api.SendAsync(HttpMethod.Get, $"/sandbox/v1/organization/{orgId}/outbox?kind=DigitalChannelsActivation", token);
        var mail = Assert.Single((await SandboxApi.ExpectJsonAsync(outbox, HttpStatusCode.OK)).GetProperty("items").EnumerateArray());
        var link = new Uri(mail.GetProperty("link").GetString()!).PathAndQuery;

        operatorToken = await api.OwnerTokenAsync();
        await AdvanceAsync(api, operatorToken, 24 * 3600);
        using (var expired = await api.SendAsync(HttpMethod.Post, link + "/accept", null, new { name = "Late Owner", password = "Activate2026" }))
            await SandboxApi.ExpectProblemAsync(expired, HttpStatusCode.Gone, "invitation.expired",
                "activation link expired at", "valid for 24 hours", "Cisco support is needed to activate the tenant");
        token = await api.TokenAsync(tenant.GetProperty("clientId").GetString()!, tenant.GetProperty("clientSecret").GetString()!);
        Assert.Equal("AwaitingActivation", await StateAsync(api, status, token));
    }

    private static async Task<string?> StateAsync(SandboxApi api, string path, string token)
    {
        using var response = await api.SendAsync(HttpMethod.Get, path, token);
        return (await SandboxApi.ExpectJsonAsync(response, HttpStatusCode.OK)).GetProperty("state").GetString();
    }

    private static async Task AdvanceAsync(SandboxApi api, string token, int seconds)
    {
        using var response = await api.SendAsync(HttpMethod.Post, "/sandbox/v1/clock/advance", token, new { seconds });
        await SandboxApi.ExpectJsonAsync(response, HttpStatusCode.OK);
    }
}
