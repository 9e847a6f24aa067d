using System.Text.RegularExpressions;
using System.Xml.Linq;
using DigitalChannels.Client;
using DigitalChannels.Client.Environments;
using DigitalChannels.Client.Lab;
using DigitalChannels.Client.Lab.Definition;
using DigitalChannels.Client.Lab.Reports;
using DigitalChannels.IntegrationTests.Infrastructure;
using DigitalChannels.Lab.MainJob;
using Newtonsoft.Json.Linq;

namespace DigitalChannels.IntegrationTests.MainJob;

/// <summary>
/// The lab runner as a CI step against a sandbox that keeps running between its commands (--connection-file): the
/// exit codes of plan, verify and apply, and the report of forty pods with one broken on purpose, read back from
/// report.json and junit.xml and rendered in headless Chromium as a proctor sees it.
/// </summary>
public sealed class RunnerCiStepTests
{
    private static readonly string Runner = Path.Combine(AppContext.BaseDirectory, "DigitalChannels.Lab.dll");
    private static string Flows => SharedFixtures.Workflow("v2.1");

    private static SandboxProcess NewSandbox() => new() { ExtraArguments = ["--flow-publish-seconds", "2", "--provisioning-seconds", "2"] };

    private static (int ExitCode, string Output) Run(SandboxProcess sandbox, TimeSpan timeout, params string[] arguments) =>
        SandboxProcess.RunAssemblyToExit(Runner, timeout, [.. arguments, "--connection-file", sandbox.ConnectionFilePath, "--flows", Flows]);

    [Fact]
    public async Task Plan_exits_2_when_something_would_change_and_0_when_nothing_would_and_verify_exits_1_then_0()
    {
        using var sandbox = NewSandbox();
        await sandbox.StartAsync();
        var minute = TimeSpan.FromMinutes(2);

        // Fresh pods (created and saved by the first command): everything would change, and nothing passes.
        var (planExit, planOutput) = Run(sandbox, minute, "plan", "--pods", "2");
        Assert.True(planExit == 2, $"plan on fresh pods exited with {planExit}:\n{planOutput}");
        Assert.Contains("Apply would change 2 of 2 pod(s).", planOutput);
        Assert.True(File.Exists(Path.Combine(sandbox.DataDirectory, SavedPods.FileName)));

        var (verifyExit, verifyOutput) = Run(sandbox, minute, "verify");
        Assert.True(verifyExit == 1, $"verify on fresh pods exited with {verifyExit}:\n{verifyOutput}");
        Assert.Contains("Using the 2 pod(s) saved in", verifyOutput);
        Assert.Contains("2 pod(s) verified", verifyOutput);
        Assert.Contains(": 0 passed, 2 did not.", verifyOutput);

        var (applyExit, applyOutput) = Run(sandbox, TimeSpan.FromMinutes(3), "apply");
        Assert.True(applyExit == 0, $"apply exited with {applyExit}:\n{applyOutput}");

        (planExit, planOutput) = Run(sandbox, minute, "plan");
        Assert.True(planExit == 0, $"plan after apply exited with {planExit}:\n{planOutput}");
        Assert.Contains("Nothing would change on the 2 pod(s).", planOutput);

        (verifyExit, verifyOutput) = Run(sandbox, minute, "verify");
        Assert.True(verifyExit == 0, $"verify after apply exited with {verifyExit}:\n{verifyOutput}");
        Assert.Contains(": 2 passed, 0 did not.", verifyOutput);
    }

    [Fact]
    public async Task Drift_exits_0_then_2_naming_what_was_broken_and_export_writes_the_definition_and_its_flows_once()
    {
        using var sandbox = NewSandbox();
        await sandbox.StartAsync();
        var (applyExit, applyOutput) = Run(sandbox, TimeSpan.FromMinutes(3), "apply");
        Assert.True(applyExit == 0, $"apply exited with {applyExit}:\n{applyOutput}");
        var (driftExit, driftOutput) = Run(sandbox, TimeSpan.FromMinutes(2), "drift");
        Assert.True(driftExit == 0, $"drift after apply exited with {driftExit}:\n{driftOutput}");
        Assert.Contains("No drift.", driftOutput);

        var saved = JArray.Parse(File.ReadAllText(Path.Combine(sandbox.DataDirectory, SavedPods.FileName)));
        var credentials = saved.Single();
        using (var pod = await DigitalChannelsConnection.ConnectAsync(new ConnectionOptions
        {
            Environment = WebexEnvironment.ForSandbox(sandbox.BaseUrl),
            ClientId = (string)credentials["ClientId"]!,
            ClientSecret = (string)credentials["ClientSecret"]!,
            Scopes = DigitalChannels.Client.Auth.Scopes.All,
        }, CancellationToken.None))
        {
            await TenantBreaker.BreakAsync(pod, LabDefinitionReader.ForPod(LabDefinitionFile.Load(LabDefinitionFile.ShippedPath(), Flows), (string)credentials["Id"]!), CancellationToken.None);
        }
        (driftExit, driftOutput) = Run(sandbox, TimeSpan.FromMinutes(2), "drift");
        Assert.True(driftExit == 2, $"drift on a broken pod exited with {driftExit}:\n{driftOutput}");
        Assert.Contains("Differs: RONA timeouts Chat: expected 60 s, found 45 s", driftOutput);
        Assert.Contains("5 difference(s).", driftOutput);

        var file = Path.Combine(sandbox.DataDirectory, "export", "lab.json");
        var (exportExit, exportOutput) = Run(sandbox, TimeSpan.FromMinutes(2), "export", "--out", file);
        Assert.True(exportExit == 0, $"export exited with {exportExit}:\n{exportOutput}");
        var exported = LabDefinitionFile.Load(file);
        Assert.Equal(45, exported.ContactCenter!.RonaTimeouts!.Chat);
        Assert.Equal(3, Directory.GetFiles(Path.Combine(sandbox.DataDirectory, "export", "flows"), "*.workflow").Length);
        (exportExit, exportOutput) = Run(sandbox, TimeSpan.FromMinutes(2), "export", "--out", file);
        Assert.True(exportExit == 1, $"a second export without --force exited with {exportExit}:\n{exportOutput}");
        Assert.Contains("already exists; use -Force", exportOutput);
    }

    [Fact]
    public void Help_names_the_commands_and_their_exit_codes_and_bad_arguments_exit_64()
    {
        var (exit, output) = SandboxProcess.RunAssemblyToExit(Runner, TimeSpan.FromSeconds(30), "--help");
        Assert.Equal(0, exit);
        Assert.Matches(@"verify +Verify every pod and change nothing\. Exit code 0 when every pod passes, 1 otherwise\.", output);
        Assert.Matches(@"plan +Show what apply would change on every pod and change nothing\. Exit code 0 when\s+nothing would change, 2 when something would", output);
        Assert.Contains("--report DIR", output);
        Assert.Matches(@"drift +Compare every pod with the definition", output);
        Assert.Matches(@"export --out FILE +Read a pod's tenant", output);

        (exit, output) = SandboxProcess.RunAssemblyToExit(Runner, TimeSpan.FromSeconds(30), "verify", "--break-and-repair");
        Assert.Equal(LabMainJob.ExitUsage, exit);
        Assert.Contains("--break-and-repair belongs to apply, not verify.", output);
    }

    [Fact]
    public async Task Forty_pods_with_one_broken_the_report_names_its_failures_and_chromium_shows_them_to_the_proctor()
    {
        using var sandbox = NewSandbox();
        await sandbox.StartAsync();
        var (applyExit, applyOutput) = Run(sandbox, TimeSpan.FromMinutes(8), "apply", "--pods", "40");
        Assert.True(applyExit == 0, $"apply to 40 pods exited with {applyExit}:\n{applyOutput}");

        // Pod 17 broken as a student might: a flow not Live, the chat RONA timeout, the last team gone.
        const string broken = "17";
        var saved = JArray.Parse(File.ReadAllText(Path.Combine(sandbox.DataDirectory, SavedPods.FileName)));
        var credentials = saved.Single(p => (string?)p["Id"] == broken);
        var definition = LabDefinitionFile.Load(LabDefinitionFile.ShippedPath(), Flows);
        using (var pod = await DigitalChannelsConnection.ConnectAsync(new ConnectionOptions
        {
            Environment = WebexEnvironment.ForSandbox(sandbox.BaseUrl),
            ClientId = (string)credentials["ClientId"]!,
            ClientSecret = (string)credentials["ClientSecret"]!,
            Scopes = DigitalChannels.Client.Auth.Scopes.All,
        }, CancellationToken.None))
        {
            await TenantBreaker.BreakAsync(pod, LabDefinitionReader.ForPod(definition, broken), CancellationToken.None);
        }

        var reportFolder = Path.Combine(sandbox.DataDirectory, "report");
        var (verifyExit, verifyOutput) = Run(sandbox, TimeSpan.FromMinutes(3), "verify", "--report", reportFolder);
        Assert.True(verifyExit == 1, $"verify with a broken pod exited with {verifyExit}:\n{verifyOutput}");
        Assert.Contains(": 39 passed, 1 did not.", verifyOutput);

        // report.json: exactly what was broken, with both values.
        var report = LabReportWriter.ReadJson(File.ReadAllText(Path.Combine(reportFolder, LabReport.JsonFile)));
        Assert.Equal(40, report.Pods.Count);
        Assert.Equal(LabResult.Failed, report.Result);
        Assert.All(report.Pods.Where(p => p.Id != broken), p => Assert.Equal(LabResult.Passed, p.Result));
        var pod17 = report.Pods.Single(p => p.Id == broken);
        var failures = pod17.Checks.Where(c => c.Result != LabResult.Passed).ToList();
        Assert.All(failures, f => Assert.Equal(LabResult.Failed, f.Result));
        Assert.Equal(["12.5-flows", "12.5-rona", "12.5-teams", "12.5-users"], failures.Select(f => f.StepId).Distinct().Order().ToArray());
        var rona = failures.Single(f => f.StepId == "12.5-rona");
        Assert.Equal("Telephony 18 s, Chat 60 s, Email 90 s, Social 60 s", rona.Expected);
        Assert.Equal($"Telephony 18 s, Chat {TenantBreaker.WrongChatRona} s, Email 90 s, Social 60 s", rona.Actual);
        var team = failures.Single(f => f.StepId == "12.5-teams");
        Assert.Equal("Team 'Team2'", team.Target);
        Assert.Equal("missing", team.Actual);
        Assert.Equal(failures.Count, report.Counts["Failed"]);
        Assert.Equal(report.Pods.Sum(p => p.Checks.Count) - failures.Count, report.Counts["Passed"]);

        // junit.xml: one suite per pod, one case per step; the broken pod's four steps fail with the values.
        var junit = XDocument.Load(Path.Combine(reportFolder, LabReport.JUnitFile));
        Assert.Equal("4", junit.Root!.Attribute("failures")!.Value);
        Assert.Equal("0", junit.Root.Attribute("errors")!.Value);
        Assert.Equal(40, junit.Root.Elements("testsuite").Count());
        var suite = junit.Root.Elements("testsuite").Single(s => s.Attribute("name")!.Value == $"Pod {broken}");
        var failed = suite.Elements("testcase").Where(c => c.Element("failure") != null).ToList();
        Assert.Equal(4, failed.Count);
        Assert.Contains(failed, c => c.Element("failure")!.Value.Contains($"expected {rona.Expected}, found {rona.Actual}"));

        // The page is self-contained: nothing is fetched from anywhere.
        var html = File.ReadAllText(Path.Combine(reportFolder, LabReport.HtmlFile));
        Assert.DoesNotMatch(new Regex(@"<(script|img|link|iframe)[^>]*\s(src|href)\s*=|@import|url\(", RegexOptions.IgnoreCase), html);

        using var browser = HeadlessChromium.Start(1400, 1900);
        browser.Open(Path.Combine(reportFolder, LabReport.HtmlFile));
        Assert.Equal(40, browser.FindAll("#matrix tbody tr").Count);
        Assert.Contains("Result: Failed — 39 of 40 pod(s) passed", browser.Text(browser.FindAll("#overall").Single()));

        // The broken pod's row: its four failing cells, in the steps' columns; every other row has none.
        var failingCells = browser.FindAll($"#matrix tr[data-pod='{broken}'] td.cell.r-Failed");
        Assert.Equal(4, failingCells.Count);
        Assert.All(failingCells, c => Assert.Equal("FAIL", browser.Text(c)));
        Assert.Empty(browser.FindAll($"#matrix tr:not([data-pod='{broken}']) td.cell:not(.r-Passed)"));

        // Its failures, with the expected and actual values, as the page renders them.
        var rows = browser.FindAll($"#details tbody tr[data-pod='{broken}']");
        Assert.Equal(failures.Count, rows.Count);
        var ronaRow = rows.Select(browser.Text).Single(t => t.Contains("RONA"));
        Assert.Contains(rona.Expected!, ronaRow);
        Assert.Contains(rona.Actual!, ronaRow);

        // The screenshot for docs/ (the whole matrix of 40 pods).
        var screenshot = browser.Screenshot();
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], screenshot.Take(4).ToArray());
        File.WriteAllBytes(Path.Combine(reportFolder, "report.png"), screenshot);
        if (Environment.GetEnvironmentVariable("DIGITALCHANNELS_REPORT_SCREENSHOT") is { Length: > 0 } copy) File.WriteAllBytes(copy, screenshot);

        // The filters: pod 3 alone shows one row and no failures; the Failed filter alone leaves only the broken pod.
        var podBox = browser.FindAll("#f-pod").Single();
        browser.Type(podBox, "3");
        Assert.Equal(["3"], browser.FindAll("#matrix tbody tr").Where(browser.Displayed).Select(r => browser.Attribute(r, "data-pod")).ToArray());
        Assert.DoesNotContain(browser.FindAll("#details tbody tr"), browser.Displayed);
        browser.Clear(podBox);
        browser.Script("arguments[0].dispatchEvent(new Event('input'))", podBox);
        foreach (var box in browser.FindAll(".f-result").Where(b => browser.Attribute(b, "value") != "Failed")) browser.Click(box);
        Assert.Equal([broken], browser.FindAll("#matrix tbody tr").Where(browser.Displayed).Select(r => browser.Attribute(r, "data-pod")).ToArray());
        Assert.Equal(failures.Count, browser.FindAll("#details tbody tr").Count(browser.Displayed));
    }
}
