using System.Net;
using DigitalChannels.IntegrationTests.Infrastructure;
using Xunit;

namespace DigitalChannels.IntegrationTests.Sandbox;

/// <summary>Kills and restarts its own sandbox, so it does not share the collection's.</summary>
public sealed class DurabilityTests
{
    [Fact]
    public async Task Acknowledged_writes_survive_SIGKILL_and_tokens_survive_the_restart()
    {
        using var sandbox = new SandboxProcess();
        await sandbox.StartAsync();
        var baseUrl = sandbox.BaseUrl;

        string token, serviceId, name = SandboxApi.UniqueName("Durable");
        using (var api = new SandboxApi(sandbox))
        {
            token = await api.OwnerTokenAsync();
            var service = await api.CreateServiceAsync(token, name, "survives a crash");
            serviceId = service.GetProperty("id").GetString()!;
            // No pause, no shutdown: the process dies right after acknowledging the write.
            sandbox.Kill();
        }
        Assert.False(sandbox.IsRunning);

        await sandbox.RestartAsync();
        Assert.Equal(baseUrl, sandbox.BaseUrl);
        using (var api = new SandboxApi(sandbox))
        {
            // The token from before the restart: the signing key is kept in the database.
            using var get = await api.SendAsync(HttpMethod.Get, $"{api.ServicesPath}/{serviceId}", token);
            var service = await SandboxApi.ExpectJsonAsync(get, HttpStatusCode.OK);
            Assert.Equal(name, service.GetProperty("name").GetString());
            Assert.Equal("survives a crash", service.GetProperty("description").GetString());

            // The default tenant is not seeded twice, and new tokens work too.
            var fresh = await api.OwnerTokenAsync();
            using var list = await api.SendAsync(HttpMethod.Get, $"{api.ServicesPath}?name={Uri.EscapeDataString(name)}", fresh);
            var only = await SandboxApi.ExpectJsonAsync(list, HttpStatusCode.OK);
            Assert.Equal(1, only.GetProperty("meta").GetProperty("totalRecords").GetInt32());
        }
    }

    [Fact]
    public async Task A_burst_of_writes_is_all_there_after_SIGKILL()
    {
        using var sandbox = new SandboxProcess();
        await sandbox.StartAsync();
        var prefix = SandboxApi.UniqueName("Burst");
        using (var api = new SandboxApi(sandbox))
        {
            var token = await api.OwnerTokenAsync();
            await Task.WhenAll(Enumerable.Range(0, 20).Select(i => api.CreateServiceAsync(token, $"{prefix} {i:00}")));
            sandbox.Kill();
        }

        await sandbox.RestartAsync();
        using (var api = new SandboxApi(sandbox))
        {
            using var list = await api.SendAsync(HttpMethod.Get, $"{api.ServicesPath}?search={Uri.EscapeDataString(prefix)}", await api.OwnerTokenAsync());
            var body = await SandboxApi.ExpectJsonAsync(list, HttpStatusCode.OK);
            Assert.Equal(20, body.GetProperty("meta").GetProperty("totalRecords").GetInt32());
        }
    }
}
