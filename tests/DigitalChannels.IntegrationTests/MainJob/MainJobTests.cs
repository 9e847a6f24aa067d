using DigitalChannels.IntegrationTests.Infrastructure;

namespace DigitalChannels.IntegrationTests.MainJob;

/// <summary>The README's main job, run as a user runs it: the lab runner starts its own sandbox and every check passes.</summary>
public class MainJobTests
{
    [Fact]
    public void The_main_job_applies_labs_12_1_to_12_5_verifies_applies_again_and_repairs_a_broken_pod()
    {
        var runner = Path.Combine(AppContext.BaseDirectory, "DigitalChannels.Lab.dll");
        Assert.True(File.Exists(runner), $"The lab runner is not built next to the tests: {runner}");
        var flows = SharedFixtures.Workflow("v2.1");

        var (exitCode, output) = SandboxProcess.RunAssemblyToExit(runner, TimeSpan.FromMinutes(3), "lab", "--pods", "2", "--flows", flows, "--break-and-repair");

        Assert.True(exitCode == 0, $"The main job exited with {exitCode}:\n{output}");
        Assert.Contains("Lab definition 'Lab 12 - Digital Channels' from ", output);
        // 13 or 15 created: the Engage users come with provisioning or by the later synchronization (timing).
        Assert.Matches(@"(?m)^1 +[0-9a-f-]{36} +1[35] +\d+ +\d+ +24 +0 +\d+\.\ds  passed$", output);
        Assert.Matches(@"(?m)^2 +[0-9a-f-]{36} +1[35] +\d+ +\d+ +24 +0 +\d+\.\ds  passed$", output);
        Assert.Matches(@"(?m)^Pace: 2 pod\(s\), \d+\.\d s; floor 4\.0 s \(the longest wait a pod must sit through\), \d+\.\d\d × the floor; \d+ requests sent, 0 429s met", output);
        Assert.Contains("Second apply: nothing created or changed on any pod", output);
        // The broken pod: the failing checks with both values, then the repair.
        Assert.Contains("Test-DigitalChannelsLab on pod 1: 5 check(s) failed:", output);
        Assert.Contains("found:    Telephony 18 s, Chat 45 s, Email 90 s, Social 60 s", output);
        Assert.Contains("expected: Telephony 18 s, Chat 60 s, Email 90 s, Social 60 s", output);
        Assert.Matches(@"Repaired in \d+\.\d s: 1 created, \d+ changed; 24 checks passed, 0 failed\.", output);
        Assert.Matches(@"(?m)^2 pod\(s\) applied and verified in \d+\.\d s: 2 passed, 0 failed\.$", output);
    }

    [Fact]
    public void A_definition_with_a_mistake_is_refused_before_anything_starts()
    {
        var runner = Path.Combine(AppContext.BaseDirectory, "DigitalChannels.Lab.dll");
        var definition = Path.Combine(Path.GetTempPath(), $"lab-{Guid.NewGuid():N}.psd1");
        File.WriteAllText(definition, "@{ SchemaVersion = 1; ContactCenter = @{ RonaTimeouts = @{ Telephony = 500 } } }");
        try
        {
            var (exitCode, output) = SandboxProcess.RunAssemblyToExit(runner, TimeSpan.FromSeconds(60), "lab", "--definition", definition);
            Assert.Equal(64, exitCode);
            Assert.Contains($"The lab definition {definition} is not valid: ContactCenter.RonaTimeouts.Telephony: 500 is out of range: allowed 1 to 120. Nothing was changed.", output);
            Assert.DoesNotContain("Creating", output);
        }
        finally
        {
            File.Delete(definition);
        }
    }

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
        Assert.Equal(64, exitCode);
        Assert.Contains("'--frobnicate'", output);
    }
}
