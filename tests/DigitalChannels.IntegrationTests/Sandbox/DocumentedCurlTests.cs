using System.Diagnostics;
using System.Text.Json;
using DigitalChannels.IntegrationTests.Infrastructure;
using Xunit;

namespace DigitalChannels.IntegrationTests.Sandbox;

/// <summary>
/// The README's curl walk-through of the sign-in flows (authorization code with PKCE, the device grant, a service app's
/// token pair and its refresh), run as it stands with bash, curl, openssl and python3 against a fresh sandbox: the test
/// reads the block from README.md, so a change of the sandbox that breaks the documented requests fails here.
/// </summary>
public sealed class DocumentedCurlTests
{
    private const string Marker = "/v1/applications/$app_id/token";

    [Fact]
    public async Task The_README_curl_block_signs_in_with_PKCE_and_the_device_grant_and_gets_a_service_app_pair()
    {
        var block = ReadmeBlock();
        using var sandbox = new SandboxProcess();
        await sandbox.StartAsync();
        var folder = Directory.CreateTempSubdirectory("digitalchannels-curl-").FullName;
        try
        {
            // Only the base URL is the test's: the rest is the README's text.
            var script = $"set -euo pipefail\nbase={sandbox.BaseUrl}\n{block}";
            var (exit, output, error) = await RunBashAsync(script, folder);
            Assert.True(exit == 0, $"The README block failed ({exit}): {error}\n{output}");

            var answers = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
            Assert.True(answers.Count == 6, $"Expected six JSON answers, got {answers.Count}:\n{output}");
            var (signIn, pending, device, authorization, pair, refreshed) = (answers[0], answers[1], answers[2], answers[3], answers[4], answers[5]);

            Assert.Equal(1_209_600, signIn.GetProperty("expires_in").GetInt32());
            Assert.False(string.IsNullOrEmpty(signIn.GetProperty("refresh_token").GetString()));
            Assert.Equal("authorization_pending", pending.GetProperty("error").GetString());
            Assert.Equal("connect:config_read", device.GetProperty("scope").GetString());
            Assert.False(string.IsNullOrEmpty(device.GetProperty("access_token").GetString()));
            Assert.Equal(sandbox.OrgId, authorization.GetProperty("organizationId").GetString());
            Assert.EndsWith("@serviceapp.sandbox.digitalchannels.test", authorization.GetProperty("machineAccountEmail").GetString());
            Assert.Equal(3600, pair.GetProperty("expires_in").GetInt32());
            Assert.Equal(7_776_000, pair.GetProperty("refresh_token_expires_in").GetInt32());
            Assert.Equal(3600, refreshed.GetProperty("expires_in").GetInt32());
            Assert.NotEqual(pair.GetProperty("refresh_token").GetString(), refreshed.GetProperty("refresh_token").GetString());

            // The service app's token works as its machine account.
            using var api = new SandboxApi(sandbox);
            using var services = await api.SendAsync(HttpMethod.Get, api.ServicesPath, refreshed.GetProperty("access_token").GetString());
            Assert.Equal(System.Net.HttpStatusCode.OK, services.StatusCode);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The ```bash block of README.md that walks the sign-in flows (the one that asks for a service app's pair).</summary>
    private static string ReadmeBlock()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "README.md"))) directory = directory.Parent;
        Assert.True(directory is not null, "README.md was not found above " + AppContext.BaseDirectory);
        var text = File.ReadAllText(Path.Combine(directory!.FullName, "README.md")).Replace("\r\n", "\n");
        var blocks = text.Split("```bash\n").Skip(1).Select(part => part[..part.IndexOf("```", StringComparison.Ordinal)]).Where(b => b.Contains(Marker)).ToList();
        return Assert.Single(blocks);
    }

    private static async Task<(int Exit, string Output, string Error)> RunBashAsync(string script, string workingDirectory)
    {
        var start = new ProcessStartInfo("bash", ["-c", script])
        {
            WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
