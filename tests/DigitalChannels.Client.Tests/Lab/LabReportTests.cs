using System.Xml.Linq;
using DigitalChannels.Client.Lab;
using DigitalChannels.Client.Lab.Definition;
using DigitalChannels.Client.Lab.Reports;

namespace DigitalChannels.Client.Tests.Lab;

/// <summary>The three report files from checks alone: counts per result, JUnit kinds, JSON read back, a page that fetches nothing.</summary>
public sealed class LabReportTests
{
    private static LabCheck Check(string pod, string stepId, LabResult result, string target = "Target", string? expected = null, string? actual = null, string? reason = null)
    {
        var step = LabEngine.Steps.Single(s => s.Id == stepId);
        return new LabCheck
        {
            Pod = pod, Lab = step.Lab, Step = step.Title, StepId = stepId, Target = target, Result = result,
            Expectation = expected ?? "wanted", Actual = actual ?? (result == LabResult.Passed ? "wanted" : "other"), Reason = reason,
        };
    }

    private static readonly LabDefinition Definition = new() { Name = "Lab 12", Source = "/labs/Lab12.psd1" };

    /// <summary>Pod 1 passes; pod 2 has one of each other result; the steps are given out of the lab's order.</summary>
    private static LabReport Sample() => LabReport.From(Definition,
    [
        Check("1", "12.5-rona", LabResult.Passed), Check("1", "12.5-teams", LabResult.Passed), Check("1", "12.4-decrypt-logs", LabResult.Passed),
        Check("1", "12.2-services", LabResult.Passed), Check("1", "12.1-provisioning", LabResult.Passed),
        Check("2", "12.5-rona", LabResult.Failed, "RONA timeouts", "Chat 60 s", "Chat 45 s <b>"),
        Check("2", "12.5-teams", LabResult.Passed), Check("2", "12.5-teams", LabResult.Failed, "Team 'Team2'", "site 'Site'", "missing"),
        Check("2", "12.4-decrypt-logs", LabResult.NeedsPerson, "Decrypt Logs", reason: "only the Owner can grant it"),
        Check("2", "12.2-services", LabResult.Skipped, reason: "not checked: step '2. Webex Connect Provisioning' did not pass (Error)"),
        Check("2", "12.1-provisioning", LabResult.Error, reason: "The server did not answer."),
    ]);

    [Fact]
    public void Steps_follow_the_lab_order_and_results_are_counted_apart()
    {
        var report = Sample();
        Assert.Equal(["12.1-provisioning", "12.5-teams", "12.5-rona", "12.2-services", "12.4-decrypt-logs"], report.Steps.Select(s => s.Id).ToArray());
        Assert.Equal((6, 2, 1, 1, 1), (report.Counts["Passed"], report.Counts["Failed"], report.Counts["NeedsPerson"], report.Counts["Skipped"], report.Counts["Error"]));
        Assert.Equal([LabResult.Passed, LabResult.Error], report.Pods.Select(p => p.Result).ToArray());
        Assert.Equal(LabResult.Error, report.Result);
        Assert.Equal(LabResult.Failed, LabReport.CellResult(report.Pods[1], "12.5-teams")); // one passed, one failed: the cell fails
    }

    [Fact]
    public void JUnit_has_a_case_per_pod_and_step_with_failures_errors_and_skips_apart()
    {
        var junit = XDocument.Parse(LabReportWriter.JUnit(Sample()));
        var root = junit.Root!;
        Assert.Equal(("10", "2", "1", "2"), (root.Attribute("tests")!.Value, root.Attribute("failures")!.Value, root.Attribute("errors")!.Value, root.Attribute("skipped")!.Value));
        var pod2 = root.Elements("testsuite").Single(s => s.Attribute("name")!.Value == "Pod 2");
        var cases = pod2.Elements("testcase").ToDictionary(c => c.Attribute("name")!.Value);
        var rona = cases[LabEngine.Steps.Single(s => s.Id == "12.5-rona").Title];
        Assert.Equal("Pod 2.Lab 12.5", rona.Attribute("classname")!.Value);
        Assert.Equal("RONA timeouts: expected Chat 60 s, found Chat 45 s <b>", rona.Element("failure")!.Value);
        Assert.Equal("Decrypt Logs: NeedsPerson: only the Owner can grant it",
            cases[LabEngine.Steps.Single(s => s.Id == "12.4-decrypt-logs").Title].Element("skipped")!.Attribute("message")!.Value.Substring("NeedsPerson: ".Length));
        Assert.StartsWith("Skipped: ", cases[LabEngine.Steps.Single(s => s.Id == "12.2-services").Title].Element("skipped")!.Attribute("message")!.Value);
        Assert.Equal("Target: Error: The server did not answer.", cases[LabEngine.Steps.Single(s => s.Id == "12.1-provisioning").Title].Element("error")!.Value);
        Assert.All(root.Elements("testsuite").Single(s => s.Attribute("name")!.Value == "Pod 1").Elements("testcase"), c => Assert.False(c.HasElements));
    }

    [Fact]
    public void The_json_reads_back_with_every_check_and_result_by_name()
    {
        var json = LabReportWriter.Json(Sample());
        Assert.Contains("\"Result\": \"NeedsPerson\"", json);
        var back = LabReportWriter.ReadJson(json);
        Assert.Equal(2, back.Pods.Count);
        var failed = back.Pods[1].Checks.Single(c => c.StepId == "12.5-rona");
        Assert.Equal((LabResult.Failed, "Chat 60 s", "Chat 45 s <b>"), (failed.Result, failed.Expected, failed.Actual));
        Assert.Equal("Lab 12", back.Definition);
    }

    [Fact]
    public void The_page_is_self_contained_encodes_values_and_lists_every_check_that_did_not_pass()
    {
        var html = LabReportWriter.Html(Sample());
        Assert.DoesNotMatch(@"(?i)<(script|img|link|iframe)[^>]*\s(src|href)\s*=|@import|url\(|https?://", html);
        Assert.Contains("<td class=\"actual\">Chat 45 s &lt;b&gt;</td>", html);
        Assert.DoesNotContain("Chat 45 s <b>", html);
        Assert.Equal(5, System.Text.RegularExpressions.Regex.Matches(html, "<tr (id=\"[^\"]+\" )?data-pod=\"2\" data-lab").Count);
        Assert.Contains("<a href=\"#c-2-12.5-rona\">FAIL</a>", html);
        Assert.Contains("id=\"c-2-12.5-rona\"", html);
    }

    [Fact]
    public void Write_puts_the_three_files_in_the_folder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "dc-report-" + Guid.NewGuid().ToString("N"), "nested");
        try
        {
            var files = LabReportWriter.Write(Sample(), folder);
            Assert.Equal([LabReport.HtmlFile, LabReport.JsonFile, LabReport.JUnitFile], files.Select(Path.GetFileName).ToArray());
            Assert.All(files, f => Assert.True(new FileInfo(f).Length > 100));
            Assert.False(File.ReadAllBytes(files[0]).Take(3).SequenceEqual(new byte[] { 0xEF, 0xBB, 0xBF })); // no BOM
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
        }
    }
}
