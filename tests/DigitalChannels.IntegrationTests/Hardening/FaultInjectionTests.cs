using DigitalChannels.Client.Environments;
using DigitalChannels.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace DigitalChannels.IntegrationTests.Hardening;

/// <summary>
/// The lab runner, as a user runs it, through a proxy that injects 429s, 503s, connection resets, slow answers and
/// responses dropped after the sandbox acted into 5 % of all requests (token endpoint included): every pod passes, and
/// the second apply changes nothing. Seeded and bounded: three pods, Make Live and provisioning in 2 s.
/// </summary>
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
}
