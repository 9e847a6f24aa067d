using DigitalChannels.IntegrationTests.Infrastructure;

namespace DigitalChannels.IntegrationTests.MainJob;

/// <summary>The README's main job, run as a user runs it: the lab runner starts its own sandbox and every check passes.</summary>
public class MainJobTests
{
    [Fact]
    public void The_services_scenario_runs_end_to_end_and_every_check_passes()
    {
        var runner = Path.Combine(AppContext.BaseDirectory, "DigitalChannels.Lab.dll");
        Assert.True(File.Exists(runner), $"The lab runner is not built next to the tests: {runner}");

        var (exitCode, output) = SandboxProcess.RunAssemblyToExit(runner, TimeSpan.FromMinutes(2), "services");

        Assert.True(exitCode == 0, $"The main job exited with {exitCode}:\n{output}");
        Assert.Contains("PS> Get-ConnectService", output);
        Assert.Contains("refused with ConnectServiceLocked", output);
        Assert.Matches(@"(?m)^\d+ passed, 0 failed\s*$", output);
        Assert.DoesNotContain("FAILED", output);
    }

    [Fact]
    public void An_unknown_argument_is_refused_naming_it()
    {
        var runner = Path.Combine(AppContext.BaseDirectory, "DigitalChannels.Lab.dll");
        var (exitCode, output) = SandboxProcess.RunAssemblyToExit(runner, TimeSpan.FromSeconds(30), "--frobnicate");
        Assert.Equal(2, exitCode);
        Assert.Contains("'--frobnicate'", output);
    }
}
