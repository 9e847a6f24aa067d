using DigitalChannels.Client.Environments;
using DigitalChannels.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace DigitalChannels.IntegrationTests.Hardening;

/// <summary>
/// The lab runner, as a user runs it, through a proxy that injects 429s, 503s, connection resets, slow answers and
/// responses dropped after the sandbox acted into 5 % of all requests (token endpoint included): every pod passes, and
/// the second apply changes nothing. Seeded and bounded: three pods, Make Live and provisioning in 2 s.
/// </summary>
[Collection(HeavyCollection.Name)]
public sealed class FaultInjectionTests(ITestOutputHelper output)
{
    public const int Seed = 1306;
    public const double Rate = 0.05;
    public const int Pods = 3;

    [Fact]
    public async Task The_lab_runner_applies_and_verifies_every_pod_through_injected_faults_and_a_second_apply_changes_nothing()
    {
        var runner = Path.Combine(AppContext.BaseDirectory, "DigitalChannels.Lab.dll");
        var flows = SharedFixtures.Workflow("v2.1");
        await using var proxy = new FaultProxy(Seed, Rate);
        await proxy.StartAsync();
        using var sandbox = new SandboxProcess { ExtraArguments = ["--public-url", proxy.Url, "--flow-publish-seconds", "2", "--provisioning-seconds", "2"] };
        await sandbox.StartAsync();
        proxy.Upstream = new Uri(sandbox.BaseUrl);

        // The runner knows only the proxy: its connection file names the proxy's URL.
        var folder = Directory.CreateTempSubdirectory("dc-faults-").FullName;
        try
        {
            var connection = Path.Combine(folder, SandboxConnectionFile.FileName);
            new SandboxConnectionFile { BaseUrl = proxy.Url, OrgId = sandbox.OrgId, ClientId = sandbox.ClientId, ClientSecret = sandbox.ClientSecret }.Write(connection);

            var (exitCode, text) = await Task.Run(() => SandboxProcess.RunAssemblyToExit(runner, TimeSpan.FromMinutes(4),
                "lab", "--pods", Pods.ToString(), "--throttle", Pods.ToString(), "--connection-file", connection, "--flows", flows));

            var injected = string.Join(", ", proxy.Injected.OrderBy(f => f.Key).Select(f => $"{f.Key} {f.Value}"));
            output.WriteLine($"{proxy.Requests} requests through the proxy, {proxy.Injected.Values.Sum()} faults injected ({injected}); runner exit code {exitCode}.");
            output.WriteLine(text);

            Assert.True(exitCode == 0, $"The runner exited with {exitCode} ({injected}):\n{text}");
            Assert.Contains("Second apply: nothing created or changed on any pod", text);
            Assert.Matches($@"(?m)^{Pods} pod\(s\) applied and verified in \d+\.\d s: {Pods} passed, 0 failed\.$", text);
            Assert.DoesNotContain("Unhandled exception", text);
            // Bounded and seeded: every kind of fault was met, the token endpoint included.
            Assert.True(proxy.Requests >= 300, $"Only {proxy.Requests} requests went through the proxy.");
            foreach (var kind in Enum.GetValues<Fault>())
                Assert.True(proxy.Injected.GetValueOrDefault(kind) >= 2, $"The fault {kind} was injected {proxy.Injected.GetValueOrDefault(kind)} time(s): {injected}.");
            Assert.True(sandbox.IsRunning);
            Assert.Empty(proxy.Errors);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task When_signing_in_to_new_pods_fails_the_runner_ends_cleanly_and_keeps_every_created_tenant()
    {
        var runner = Path.Combine(AppContext.BaseDirectory, "DigitalChannels.Lab.dll");
        await using var proxy = new FaultProxy(Seed, 0) { RetryAfterSeconds = 600 };
        await proxy.StartAsync();
        using var sandbox = new SandboxProcess { ExtraArguments = ["--public-url", proxy.Url] };
        await sandbox.StartAsync();
        proxy.Upstream = new Uri(sandbox.BaseUrl);
        // The operator's sign-in goes through; every later token request (the new pods' administrators) is refused
        // with a wait no client accepts, right after their tenants were created.
        var tokenRequests = 0;
        proxy.Script = request => request.Path.StartsWithSegments("/v1/access_token") && Interlocked.Increment(ref tokenRequests) > 1 ? Fault.TooManyRequests : null;

        var folder = Directory.CreateTempSubdirectory("dc-orphans-").FullName;
        try
        {
            var connection = Path.Combine(folder, SandboxConnectionFile.FileName);
            new SandboxConnectionFile { BaseUrl = proxy.Url, OrgId = sandbox.OrgId, ClientId = sandbox.ClientId, ClientSecret = sandbox.ClientSecret }.Write(connection);
            var (exitCode, text) = await Task.Run(() => SandboxProcess.RunAssemblyToExit(runner, TimeSpan.FromMinutes(2),
                "lab", "--pods", "2", "--connection-file", connection, "--flows", SharedFixtures.Workflow("v2.1")));

            Assert.Equal(1, exitCode);
            Assert.DoesNotContain("Unhandled exception", text);
            Assert.DoesNotContain("   at ", text);
            // Both tenants were kept: their connection files sign in once the faults stop.
            proxy.Script = null;
            using var api = new SandboxApi(sandbox);
            foreach (var pod in new[] { "1", "2" })
            {
                var saved = Path.Combine(folder, $"pod-{pod}.{SandboxConnectionFile.FileName}");
                Assert.True(File.Exists(saved), $"Pod {pod}'s tenant was not kept:\n{text}");
                Assert.Contains($"Its connection was saved to {saved}", text);
                var file = SandboxConnectionFile.Read(saved);
                Assert.NotEqual(sandbox.OrgId, file.OrgId);
                var token = await api.TokenAsync(file.ClientId, file.ClientSecret);
                using var settings = await api.SendAsync(HttpMethod.Get, $"/controlhub/v1/organization/{file.OrgId}/contact-center/settings", token);
                Assert.Equal(System.Net.HttpStatusCode.OK, settings.StatusCode);
                Assert.DoesNotContain(file.ClientSecret, text);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
