using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DigitalChannels.IntegrationTests.Infrastructure;
using Xunit;

namespace DigitalChannels.IntegrationTests.Sandbox;

public sealed class CommandLineTests
{
    [Theory]
    [InlineData("--port", "7800", "'--port'")]
    [InlineData("--token-lifetime", "soon", "'soon'")]
    [InlineData("--token-lifetime", "0", "'0'")]
    [InlineData("--urls", "ftp://127.0.0.1:21", "'ftp://127.0.0.1:21'")]
    [InlineData("--rate-limit", "0", "'0' of --rate-limit")]
    [InlineData("--flow-publish-seconds", "2m", "'2m' of --flow-publish-seconds")]
    [InlineData("--provisioning-seconds", "-1", "'-1' of --provisioning-seconds")]
    [InlineData("--rate-limit-window", "0", "'0' of --rate-limit-window")]
    [InlineData("--license-units", "many", "'many' of --license-units")]
    public void Bad_arguments_exit_with_code_2_naming_the_argument_and_value(string argument, string value, string named)
    {
        var (exitCode, output) = SandboxProcess.RunToExit(argument, value);
        Assert.Equal(2, exitCode);
        Assert.Contains(named, output);
    }

    [Fact]
    public void Help_prints_the_options_and_exits_0()
    {
        var (exitCode, output) = SandboxProcess.RunToExit("--help");
        Assert.Equal(0, exitCode);
        foreach (var option in new[] { "--urls", "--data", "--token-lifetime", "http://127.0.0.1:7800", "3600",
                     "--flow-publish-seconds", "--provisioning-seconds", "--rate-limit", "(default 120)", "(default 300)",
                     "--rate-limit-window", "(default 60)", "--license-units", "(default 100)" }) Assert.Contains(option, output);
    }

    [Fact]
    public async Task Token_lifetime_option_sets_expires_in()
    {
        using var sandbox = new SandboxProcess { TokenLifetimeSeconds = 120 };
        await sandbox.StartAsync();
        using var api = new SandboxApi(sandbox);
        using var response = await api.RequestTokenAsync(sandbox.ClientId, sandbox.ClientSecret);
        var body = await SandboxApi.ExpectJsonAsync(response, HttpStatusCode.OK);
        Assert.Equal(120, body.GetProperty("expires_in").GetInt32());
    }
}
