using DigitalChannels.Client;
using DigitalChannels.Client.Environments;
using DigitalChannels.IntegrationTests.Infrastructure;

namespace DigitalChannels.IntegrationTests.Client;

/// <summary>A connection made before the sandbox is killed keeps working after it comes back on the same data folder.</summary>
public class ClientRestartTests
{
    [Fact]
    public async Task A_service_created_through_the_client_survives_sigkill_and_the_same_connection_reads_it_back()
    {
        using var sandbox = new SandboxProcess();
        await sandbox.StartAsync();
        using var connection = await DigitalChannelsConnection.ConnectAsync(new ConnectionOptions
        {
            Environment = WebexEnvironment.ForSandbox(sandbox.BaseUrl), ClientId = sandbox.ClientId, ClientSecret = sandbox.ClientSecret,
        }, CancellationToken.None);

        var created = await connection.ConnectServices.CreateAsync(SandboxApi.UniqueName("Survivor"), "acknowledged before the kill", CancellationToken.None);
        sandbox.Kill();
        await sandbox.RestartAsync();

        var read = await connection.ConnectServices.GetAsync(created.Id, CancellationToken.None);
        Assert.NotNull(read);
        Assert.Equal(created.Name, read!.Name);
        Assert.Equal("acknowledged before the kill", read.Description);
    }
}
