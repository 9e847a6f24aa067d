using System.Net;
using DigitalChannels.Client.Auth;
using DigitalChannels.IntegrationTests.Infrastructure;
using Xunit;

namespace DigitalChannels.IntegrationTests.Sandbox;

[Collection(SharedSandboxCollection.Name)]
public sealed class OutboxTests : IDisposable
{
    private readonly SandboxApi api;

    public OutboxTests(SandboxProcess sandbox) => api = new SandboxApi(sandbox);

    [Fact]
    public async Task Only_the_owner_reads_the_outbox_because_mails_carry_join_links()
    {
        var path = $"/sandbox/v1/organization/{api.Sandbox.OrgId}/outbox";
        using (var owner = await api.SendAsync(HttpMethod.Get, path, await api.OwnerTokenAsync()))
        {
            var body = await SandboxApi.ExpectJsonAsync(owner, HttpStatusCode.OK);
            Assert.Equal(System.Text.Json.JsonValueKind.Array, body.GetProperty("items").ValueKind);
        }

        var fullAccess = await api.TokenForNewApplicationAsync("FullAccess", Scopes.SandboxAdmin);
        using var refused = await api.SendAsync(HttpMethod.Get, path, fullAccess);
        await SandboxApi.ExpectProblemAsync(refused, HttpStatusCode.Forbidden, "role.forbidden", "The role 'FullAccess' may not manage sandbox applications");
    }

    public void Dispose() => api.Dispose();
}
