using System.Xml.Linq;
using DigitalChannels.HelpBuilder.Commands;
using DigitalChannels.HelpBuilder.Markdown;

namespace DigitalChannels.HelpBuilder.Tests;

public class HelpBuildTests
{
    private static readonly XNamespace Maml = MamlWriter.MamlNamespace;
    private static readonly XNamespace Command = MamlWriter.CommandNamespace;
    private static readonly XNamespace Dev = MamlWriter.DevNamespace;

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = HelpBuilderProgram.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void Writes_one_MAML_file_per_external_help_file_and_the_about_topics_and_skips_other_pages()
    {
        using var temp = new TempDocs();
        temp.Write("Set-Widget.md", Pages.SetWidget());
        temp.Write("about_Widgets.md", Pages.About());
        temp.Write("Widgets.md", "---\nModule Name: Widgets\n---\n\n# Widgets Module\n## Description\nThe module page.\n");
        temp.Write("guide.md", "# A guide\n\nNot help.\n");

        var (exit, output, _) = Run("--docs", temp.Docs, "--out", temp.Out);

        Assert.Equal(0, exit);
        Assert.Contains("1 cmdlets and 1 about topics", output);
        Assert.Equal(new[] { "Widgets.PowerShell.dll-Help.xml", "about_Widgets.help.txt" },
            Directory.GetFiles(temp.Out).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal));
        var commands = XDocument.Load(Path.Combine(temp.Out, "Widgets.PowerShell.dll-Help.xml")).Root!.Elements(Command + "command");
        Assert.Equal("Set-Widget", Assert.Single(commands).Element(Command + "details")!.Element(Command + "name")!.Value);
    }

    [Fact]
    public void A_page_missing_a_section_fails_with_a_build_error_naming_the_file_and_section_and_writes_nothing()
    {
        using var temp = new TempDocs();
        var broken = temp.Write("Set-Widget.md", Pages.SetWidget(without: "EXAMPLES"));
        temp.Write("about_Widgets.md", Pages.About(without: "SHORT DESCRIPTION"));

        var (exit, output, _) = Run("--docs", temp.Docs, "--out", temp.Out);

        Assert.Equal(1, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains(lines, l => l.StartsWith(broken + "(", StringComparison.Ordinal) && l.Contains("error DCHELP001: section '## EXAMPLES': the section is missing", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("about_Widgets.md(", StringComparison.Ordinal) && l.Contains("section '## SHORT DESCRIPTION'", StringComparison.Ordinal));
        Assert.False(Directory.Exists(temp.Out) && Directory.EnumerateFiles(temp.Out).Any(), "nothing is written when a page is broken");
    }

    [Fact]
    public void Help_of_a_removed_page_does_not_linger()
    {
        using var temp = new TempDocs();
        Directory.CreateDirectory(temp.Out);
        File.WriteAllText(Path.Combine(temp.Out, "about_Old.help.txt"), "old");
        File.WriteAllText(Path.Combine(temp.Out, "Old.dll-Help.xml"), "<old/>");
        File.WriteAllText(Path.Combine(temp.Out, "keep.txt"), "not help");
        temp.Write("Set-Widget.md", Pages.SetWidget());

        Assert.Equal(0, Run("--docs", temp.Docs, "--out", temp.Out).Exit);

        Assert.Equal(new[] { "Widgets.PowerShell.dll-Help.xml", "keep.txt" },
            Directory.GetFiles(temp.Out).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public void Wrong_arguments_print_the_usage()
    {
        var (exit, _, error) = Run("--docs");

        Assert.Equal(2, exit);
        Assert.Contains("Usage:", error);
    }

    /// <summary>
    /// The repository's own docs/: every cmdlet page becomes a command with what Get-Help shows, and the online
    /// link is the page's online version. Pages added by anyone are covered, since the list comes from docs/.
    /// </summary>
    [Fact]
    public void The_repository_docs_build_into_complete_help()
    {
        var docs = Path.Combine(RepositoryRoot(), "docs");
        using var temp = new TempDocs();

        var result = HelpBuild.Run(docs, temp.Out);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors.Select(e => e.ToBuildError())));
        var pages = Directory.GetFiles(docs, "*.md").Select(MarkdownPage.Load).Where(CommandPageReader.IsCommandPage).ToList();
        Assert.NotEmpty(pages);
        var maml = XDocument.Load(Path.Combine(temp.Out, "DigitalChannels.PowerShell.dll-Help.xml")).Root!;
        var commands = maml.Elements(Command + "command").ToDictionary(c => c.Element(Command + "details")!.Element(Command + "name")!.Value);
        Assert.Equal(pages.Select(p => p.Title).OrderBy(n => n, StringComparer.Ordinal), commands.Keys.OrderBy(n => n, StringComparer.Ordinal));
        foreach (var page in pages)
        {
            var command = commands[page.Title!];
            Assert.False(string.IsNullOrWhiteSpace(command.Element(Command + "details")!.Element(Maml + "description")!.Value), $"{page.Title}: no synopsis");
            Assert.NotEmpty(command.Element(Maml + "description")!.Elements(Maml + "para"));
            Assert.Contains(command.Element(Command + "examples")!.Elements(Command + "example"), e => e.Element(Dev + "code")!.Value.Contains(page.Title!, StringComparison.Ordinal));
            var online = command.Element(Command + "relatedLinks")!.Elements(Maml + "navigationLink").First();
            Assert.Equal(page.FrontMatter["online version"], online.Element(Maml + "uri")!.Value);
        }
        Assert.True(File.Exists(Path.Combine(temp.Out, "about_DigitalChannels_Errors.help.txt")));
        Assert.True(File.Exists(Path.Combine(temp.Out, "about_DigitalChannels_Lab.help.txt")));
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "DigitalChannels.sln"))) return directory.FullName;
        }
        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} contains DigitalChannels.sln.");
    }
}
