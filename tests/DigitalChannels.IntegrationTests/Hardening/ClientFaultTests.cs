using System.Net;
using System.Net.Sockets;
using DigitalChannels.Client;
using DigitalChannels.Client.Environments;
using DigitalChannels.Client.Http;
using DigitalChannels.IntegrationTests.Infrastructure;

namespace DigitalChannels.IntegrationTests.Hardening;

/// <summary>
/// The client over a real sandbox behind the fault proxy, each fault placed on purpose: getting a token rides out
/// 503, 429 and resets with the policy every call has and otherwise fails as a typed error; a write whose answer was
/// dropped after the sandbox acted is recognised as applied, not reported as a conflict.
/// </summary>
public sealed class ClientFaultTests
{
    private static RetryPolicy QuickPolicy => new(seed: 5) { MaxAttempts = 5, BaseDelay = TimeSpan.FromMilliseconds(20), MaxBackoff = TimeSpan.FromMilliseconds(100) };

    private static async Task<(FaultProxy Proxy, SandboxProcess Sandbox)> StartAsync()
    {
        var proxy = new FaultProxy(seed: 1, rate: 0);
        await proxy.StartAsync();
        var sandbox = new SandboxProcess { ExtraArguments = ["--public-url", proxy.Url] };
        await sandbox.StartAsync();
        proxy.Upstream = new Uri(sandbox.BaseUrl);
        return (proxy, sandbox);
    }

    private static Task<DigitalChannelsConnection> ConnectAsync(string baseUrl, SandboxProcess sandbox, RetryPolicy policy) =>
        DigitalChannelsConnection.ConnectAsync(new ConnectionOptions
        {
            Environment = WebexEnvironment.ForSandbox(baseUrl), ClientId = sandbox.ClientId, ClientSecret = sandbox.ClientSecret, RetryPolicy = policy,
        }, CancellationToken.None);

    [Fact]
    public async Task Getting_a_token_rides_out_503_429_and_resets_and_fails_as_a_typed_error_when_they_last()
    {
        var (proxy, sandbox) = await StartAsync();
        await using var _ = proxy;
        using var __ = sandbox;
        var tokenRequests = 0;
        var script = new Queue<Fault>([Fault.Unavailable, Fault.TooManyRequests, Fault.ResetBeforeForwarding, Fault.DroppedAfterServerActed]);
        proxy.Script = request =>
        {
            if (!request.Path.StartsWithSegments("/v1/access_token")) return null;
            Interlocked.Increment(ref tokenRequests);
            lock (script) return script.Count > 0 ? script.Dequeue() : null;
        };
        using (var connection = await ConnectAsync(proxy.Url, sandbox, QuickPolicy))
            Assert.Equal(sandbox.OrgId, connection.OrganizationId);
        Assert.Equal(5, tokenRequests);

        // Faults that do not end: one typed error naming the sign-in, after the policy's attempts.
        tokenRequests = 0;
        proxy.Script = request => request.Path.StartsWithSegments("/v1/access_token") ? (Interlocked.Increment(ref tokenRequests) > 0 ? Fault.Unavailable : null) : null;
        var failed = await Assert.ThrowsAsync<WebexApiException>(() => ConnectAsync(proxy.Url, sandbox, QuickPolicy));
        Assert.Equal(503, failed.StatusCode);
        Assert.Contains($"client id '{sandbox.ClientId}'", failed.Message);
        Assert.InRange(tokenRequests, QuickPolicy.MaxAttempts, QuickPolicy.MaxAttempts * 2); // MSAL may add its own single retry

        proxy.Script = request => request.Path.StartsWithSegments("/v1/access_token") ? Fault.ResetBeforeForwarding : null;
        var reset = await Assert.ThrowsAsync<WebexApiException>(() => ConnectAsync(proxy.Url, sandbox, QuickPolicy));
        Assert.Contains($"client id '{sandbox.ClientId}'", reset.Message);
    }

    [Fact]
    public async Task Nothing_listening_is_a_typed_error_without_retries()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var sandbox = new SandboxProcess();
        await sandbox.StartAsync();
        var policy = new RetryPolicy(seed: 1) { MaxAttempts = 6, BaseDelay = TimeSpan.FromSeconds(30) };
        // With a 30 s backoff, a retried refusal would hold the test for minutes; it must fail at once instead.
        var refused = await Assert.ThrowsAsync<WebexApiException>(() => ConnectAsync($"http://127.0.0.1:{port}", sandbox, policy)).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Contains($"127.0.0.1:{port}", refused.Message);
        Assert.Equal(WebexFailureKind.Unreachable, refused.Kind);
    }

    [Fact]
    public async Task Writes_whose_answer_was_dropped_after_the_sandbox_acted_are_recognised_as_applied()
    {
        var (proxy, sandbox) = await StartAsync();
        await using var _ = proxy;
        using var __ = sandbox;
        using var connection = await ConnectAsync(proxy.Url, sandbox, QuickPolicy);
        // The next write (not a read) gets the fault; its retry goes through.
        var gate = new object();
        Fault? next = null;
        proxy.Script = request =>
        {
            if (request.Method is "GET") return null;
            lock (gate)
            {
                var fault = next;
                next = null;
                return fault;
            }
        };
        static Fault? Drop() => Fault.DroppedAfterServerActed;

        // A create (POST): the sandbox created it, the answer was lost; the retry carries the same Idempotency-Key.
        var name = SandboxApi.UniqueName("Lost answer");
        next = Drop();
        var created = await connection.ConnectServices.CreateAsync(name, null, CancellationToken.None);
        Assert.Equal(name, created.Name);
        Assert.Equal(1, await CountAsync(connection, name));

        // A Contact Center replace with a version (PUT): applied, answer lost, the retry meets a stale version: recognised.
        var host = new Provisioning.ProvisioningLabTests.Host();
        DigitalChannels.Client.Commands.CommandRunner.Run(host, DigitalChannels.Client.ContactCenter.MultimediaProfileCommands.Noun, h =>
            DigitalChannels.Client.ContactCenter.MultimediaProfileCommands.NewAsync(h, connection, new DigitalChannels.Client.ContactCenter.MultimediaProfileSettings
            {
                Name = SandboxApi.UniqueName("MMP"), BlendingMode = DigitalChannels.Client.ContactCenter.BlendingMode.BlendedRealtime, Telephony = 1, Chat = 1,
            }));
        var profile = Provisioning.ProvisioningLabTests.Single<DigitalChannels.Client.ContactCenter.MultimediaProfile>(host);
        var recognizedBefore = connection.Pipeline.RecognizedCount;
        profile.Chat = 2;
        next = Drop();
        var replaced = await connection.ContactCenter.MultimediaProfiles.UpdateAsync(profile, CancellationToken.None);
        Assert.Equal(2, replaced.Chat);
        Assert.Equal(recognizedBefore + 1, connection.Pipeline.RecognizedCount);

        // A delete whose answer was lost: gone is what was asked for.
        next = Drop();
        await connection.ConnectServices.DeleteAsync(created.Id, CancellationToken.None);
        Assert.Equal(0, await CountAsync(connection, name));
    }

    private static async Task<int> CountAsync(DigitalChannelsConnection connection, string name)
    {
        var count = 0;
        await foreach (var service in connection.ConnectServices.ListAsync(cancellationToken: CancellationToken.None)) if (service.Name == name) count++;
        return count;
    }
}
