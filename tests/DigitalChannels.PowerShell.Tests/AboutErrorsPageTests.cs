using DigitalChannels.Client.Commands;

namespace DigitalChannels.PowerShell.Tests;

public class AboutErrorsPageTests
{
    /// <summary>The page is generated from ErrorTable: a row added, changed or removed there without regenerating fails here.</summary>
    [Fact]
    public void About_errors_page_is_generated_from_the_error_table()
    {
        var path = Repository.PathOf("docs", AboutErrorsPage.FileName);
        var expected = AboutErrorsPage.Render();
        if (Environment.GetEnvironmentVariable("DIGITALCHANNELS_WRITE_DOCS") == "1") File.WriteAllText(path, expected);
        var actual = File.ReadAllText(path).Replace("\r\n", "\n");
        if (actual == expected) return;
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        var first = Enumerable.Range(0, Math.Max(expectedLines.Length, actualLines.Length))
            .First(i => i >= expectedLines.Length || i >= actualLines.Length || expectedLines[i] != actualLines[i]);
        Assert.Fail($"docs/{AboutErrorsPage.FileName} differs from ErrorTable at line {first + 1}:\n" +
            $"  page:  {(first < actualLines.Length ? actualLines[first] : "(end)")}\n  table: {(first < expectedLines.Length ? expectedLines[first] : "(end)")}\n" +
            "Regenerate it: DIGITALCHANNELS_WRITE_DOCS=1 dotnet test tests/DigitalChannels.PowerShell.Tests -c Release --filter AboutErrorsPage");
    }

    [Fact]
    public void Every_server_reason_and_status_of_the_table_has_its_row_on_the_page()
    {
        var text = Repository.ReadText("docs", AboutErrorsPage.FileName);
        foreach (var rule in ErrorTable.ServerReasons)
            Assert.Contains($"| `{rule.Reason}` |", text);
        foreach (var rule in ErrorTable.StatusFallbacks)
            Assert.Contains($"| {rule.Reason} | `{{Noun}}{rule.Suffix}` | {rule.Category} |", text);
    }

    [Fact]
    public void The_page_keeps_the_about_topic_layout()
    {
        var headings = Repository.ReadText("docs", AboutErrorsPage.FileName).Split('\n').Where(l => l.StartsWith("## ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(["## SHORT DESCRIPTION", "## LONG DESCRIPTION", "## EXAMPLES", "## SEE ALSO", "## KEYWORDS"], headings);
        Assert.StartsWith("# about_DigitalChannels_Errors\n", Repository.ReadText("docs", AboutErrorsPage.FileName).Replace("\r\n", "\n"));
    }
}
