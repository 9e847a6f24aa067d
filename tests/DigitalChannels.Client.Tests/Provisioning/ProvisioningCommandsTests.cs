using System.Net;
using DigitalChannels.Client.Commands;
using DigitalChannels.Client.Engage.ChannelAssets;
using DigitalChannels.Client.Engage.Users;
using DigitalChannels.Client.Environments;
using DigitalChannels.Client.Provisioning;
using DigitalChannels.Client.Tests.Infrastructure;

namespace DigitalChannels.Client.Tests.Provisioning;

/// <summary>The provisioning, Engage user and channel asset command logic against a scripted server: ShouldProcess, the wait loop, live tenants.</summary>
public class ProvisioningCommandsTests
{
    private const string Org = "org-1";

    private static string Status(string state) =>
        $"{{\"organizationId\":\"{Org}\",\"digitalChannel\":\"IMI Digital\",\"state\":\"{state}\",\"ownerEmail\":\"admin@pod.example\"," +
        "\"startedTime\":\"2026-01-01T10:00:00.000Z\",\"finishTime\":\"2026-01-01T10:05:00.000Z\"}";

    private static Task<DigitalChannelsConnection> Connect(StubHandler handler, WebexEnvironment? environment = null) =>
        DigitalChannelsConnection.ConnectAsync(new ConnectionOptions
        {
            Environment = environment ?? WebexEnvironment.ForSandbox("http://sandbox.test"),
            OrganizationId = Org,
            AccessToken = "test-token-value",
            HttpMessageHandler = handler,
            RetryPolicy = DigitalChannels.Client.Http.RetryPolicy.None,
        }, CancellationToken.None);

    private static readonly Func<TimeSpan, CancellationToken, Task> NoSleep = (_, _) => Task.CompletedTask;

    [Fact]
    public async Task Start_asks_ShouldProcess_naming_the_owner_and_sends_nothing_when_declined()
    {
        var handler = new StubHandler((_, _, _) => StubHandler.Json(HttpStatusCode.Accepted, Status("Provisioning")));
        using var connection = await Connect(handler);
        var host = new RecordingHost { Answer = false };
        CommandRunner.Run(host, ProvisioningCommands.Noun, h => ProvisioningCommands.StartAsync(h, connection, "admin@pod.example", false, TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(5), NoSleep));
        Assert.Empty(handler.Requests);
        Assert.Contains("'admin@pod.example'", Assert.Single(host.ShouldProcessCalls).Action);
    }

    [Fact]
    public async Task Start_with_wait_posts_the_owner_then_polls_with_progress_until_awaiting_activation()
    {
        var handler = new StubHandler((request, _, n) => StubHandler.Json(n == 0 ? HttpStatusCode.Accepted : HttpStatusCode.OK,
            Status(n < 3 ? "Provisioning" : "AwaitingActivation")));
        using var connection = await Connect(handler);
        var host = new RecordingHost();
        var delays = new List<TimeSpan>();
        CommandRunner.Run(host, ProvisioningCommands.Noun, h => ProvisioningCommands.StartAsync(h, connection, "admin@pod.example", true,
            TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(60), (d, _) => { delays.Add(d); return Task.CompletedTask; }));
        Assert.Empty(host.Errors);
        Assert.Equal("AwaitingActivation", Assert.IsType<DigitalChannelsProvisioning>(Assert.Single(host.Objects)).State);
        Assert.Equal(HttpMethod.Post, handler.Requests[0].Method);
        Assert.EndsWith("/controlhub/v1/organization/org-1/contact-center/digital-channels/provisioning", handler.Requests[0].Uri.AbsolutePath);
        Assert.Contains("\"ownerEmail\":\"admin@pod.example\"", handler.Requests[0].Body);
        Assert.Equal(2, delays.Count);
        Assert.Equal(new[] { 0, 20 }, host.Progress.Where(p => !p.Completed).Select(p => p.PercentComplete)); // 60 s steps of 300 s
        // The finish time is known (in the past here): the time remaining is 0, not unknown (-1).
        Assert.All(host.Progress.Where(p => !p.Completed), p => Assert.Equal(0, p.SecondsRemaining));
        Assert.Single(host.Progress, p => p.Completed);
        Assert.True(host.Progress.Last().Completed);
    }

    [Fact]
    public async Task Wait_ends_at_once_when_cancelled_like_Ctrl_C_and_times_out_with_a_message()
    {
        var handler = new StubHandler((_, _, _) => StubHandler.Json(HttpStatusCode.OK, Status("Provisioning")));
        using var connection = await Connect(handler);
        var cancelled = new RecordingHost();
        Assert.ThrowsAny<OperationCanceledException>(() => CommandRunner.Run(cancelled, ProvisioningCommands.Noun, h => ProvisioningCommands.WaitAsync(h, connection,
            TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(5), (_, token) => { cancelled.Cancel(); return Task.Delay(Timeout.Infinite, token); })));
        Assert.Empty(cancelled.Objects);
        Assert.Single(handler.Requests);
        Assert.True(cancelled.Progress.Last().Completed);

        var slow = new RecordingHost();
        CommandRunner.Run(slow, ProvisioningCommands.Noun, h => ProvisioningCommands.WaitAsync(h, connection, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5), NoSleep));
        var error = Assert.Single(slow.Errors);
        Assert.Equal("DigitalChannelsProvisioningTimeout", error.ErrorId);
        Assert.Contains("still running after 10 s", error.Message);
    }

    [Fact]
    public async Task Wait_refuses_a_tenant_that_was_never_started()
    {
        var handler = new StubHandler((_, _, _) => StubHandler.Json(HttpStatusCode.OK, Status("NotProvisioned")));
        using var connection = await Connect(handler);
        var host = new RecordingHost();
        CommandRunner.Run(host, ProvisioningCommands.Noun, h => ProvisioningCommands.WaitAsync(h, connection, TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(5), NoSleep));
        Assert.Contains("NotProvisioned: nothing to wait for", Assert.Single(host.Errors).Message);
    }

    [Fact]
    public async Task On_a_live_tenant_every_command_stops_with_NoPublicApi_naming_the_portal_page()
    {
        var handler = new StubHandler((_, _, _) => StubHandler.Status(HttpStatusCode.OK));
        using var connection = await Connect(handler, WebexEnvironment.ForRegion("us1"));
        var cases = new (string Noun, Func<ICommandHost, Task> Run, string Page)[]
        {
            (ProvisioningCommands.Noun, h => ProvisioningCommands.StartAsync(h, connection, "a@b.example", false, TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(1), NoSleep), ProvisioningClient.ProvisionPage),
            (ProvisioningCommands.Noun, h => ProvisioningCommands.GetAsync(h, connection), ProvisioningClient.ProvisionPage),
            (ProvisioningCommands.Noun, h => ProvisioningCommands.WaitAsync(h, connection, TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(1), NoSleep), ProvisioningClient.ProvisionPage),
            (ProvisioningCommands.TenantNoun, h => ProvisioningCommands.NewSandboxTenantAsync(h, connection, "Pod", "a@b.example", null, null), "Cisco"),
            (EngageUserCommands.Noun, h => EngageUserCommands.GetAsync(h, connection, null, null, null), "Engage → Admin → Users"),
            (EngageUserCommands.Noun, h => EngageUserCommands.SyncAsync(h, connection), "Engage → Admin → Users"),
            (EngageChannelAssetCommands.Noun, h => EngageChannelAssetCommands.GetAsync(h, connection, null, null), "Channel Assets"),
            (EngageChannelAssetCommands.Noun, h => EngageChannelAssetCommands.SetAsync(h, connection, "Chat", "T", null, null, false), "Channel Assets"),
        };
        foreach (var (noun, run, page) in cases)
        {
            var host = new RecordingHost();
            var error = Assert.Throws<CommandTerminatedException>(() => CommandRunner.Run(host, noun, run)).Error;
            Assert.Equal(noun + "NoPublicApi", error.ErrorId);
            Assert.Contains(page, error.Message);
            Assert.Empty(host.ShouldProcessCalls);
        }
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Set_channel_asset_checks_the_colour_before_sending_and_sync_asks_ShouldProcess()
    {
        var handler = new StubHandler((_, _, _) => StubHandler.Json(HttpStatusCode.OK, "{\"added\":1,\"updated\":0,\"deactivated\":0,\"unchanged\":2}"));
        using var connection = await Connect(handler);
        await Assert.ThrowsAsync<ArgumentException>(() => connection.Engage.ChannelAssets.SetChatWidgetAsync("id", null, "blue", null, CancellationToken.None));
        Assert.Empty(handler.Requests);

        var declined = new RecordingHost { Answer = false };
        CommandRunner.Run(declined, EngageUserCommands.Noun, h => EngageUserCommands.SyncAsync(h, connection));
        Assert.Empty(handler.Requests);
        var host = new RecordingHost();
        CommandRunner.Run(host, EngageUserCommands.Noun, h => EngageUserCommands.SyncAsync(h, connection));
        Assert.Equal(1, Assert.IsType<EngageUserSynchronizationResult>(Assert.Single(host.Objects)).Added);
        Assert.EndsWith("/engage/v1/organization/org-1/users/synchronize", Assert.Single(handler.Requests).Uri.AbsolutePath);
    }
}
