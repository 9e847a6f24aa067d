using DigitalChannels.HelpBuilder.Markdown;

namespace DigitalChannels.HelpBuilder.Tests;

public class MarkdownPageTests
{
    [Fact]
    public void Splits_front_matter_title_sections_and_blocks()
    {
        var page = MarkdownPage.Parse("Set-Widget.md", Pages.SetWidget());

        Assert.Equal("Widgets.PowerShell.dll-Help.xml", page.FrontMatter["external help file"]);
        Assert.Equal(Pages.Online, page.FrontMatter["online version"]);
        Assert.Equal("Set-Widget", page.Title);
        Assert.Equal(new[] { "SYNOPSIS", "SYNTAX", "DESCRIPTION", "EXAMPLES", "PARAMETERS", "INPUTS", "OUTPUTS", "NOTES", "RELATED LINKS" },
            page.Sections.Select(s => s.Name));
        Assert.Equal(new[] { "ByName (Default)", "ByObject" }, page.Section("SYNTAX")!.Blocks.Select(b => b.Heading));
        Assert.Equal(new[] { "-Color", "-Confirm", "-Force", "-InputObject", "-Name", "-WhatIf", "CommonParameters" },
            page.Section("PARAMETERS")!.Blocks.Select(b => b.Heading));
        var example = page.Section("EXAMPLES")!.Blocks[0];
        Assert.Equal(new[] { "powershell", "output" }, example.Code.Select(c => c.Language));
        Assert.Equal("Set-Widget -Name 'W1' -Color red", example.Code.First().Text);
    }

    [Fact]
    public void A_heading_inside_a_code_block_is_code()
    {
        var page = MarkdownPage.Parse("about_Widgets.md", Pages.About());

        var colors = page.Section("LONG DESCRIPTION")!.Blocks.Single();
        Assert.Equal("Colors", colors.Heading);
        Assert.Contains("# Not a heading: code.", colors.Code.Single().Text);
        Assert.Equal(new[] { "SHORT DESCRIPTION", "LONG DESCRIPTION", "SEE ALSO" }, page.Sections.Select(s => s.Name));
    }

    [Fact]
    public void An_unclosed_code_block_names_the_file_and_line()
    {
        var error = Assert.Throws<HelpFormatException>(() => MarkdownPage.Parse("docs/Bad.md", "# Bad\n\n## SYNOPSIS\nx\n\n```powershell\nGet-Bad\n"));

        Assert.Equal(6, error.Line);
        Assert.StartsWith("docs/Bad.md(6): error DCHELP001: section '## SYNOPSIS': ", error.ToBuildError(), StringComparison.Ordinal);
        Assert.Contains("not closed", error.Problem);
    }

    [Fact]
    public void Windows_line_endings_read_the_same()
    {
        var unix = MarkdownPage.Parse("a.md", Pages.SetWidget());
        var windows = MarkdownPage.Parse("a.md", Pages.SetWidget().Replace("\n", "\r\n"));

        Assert.Equal(unix.Sections.Select(s => s.Name), windows.Sections.Select(s => s.Name));
        Assert.Equal(unix.Section("DESCRIPTION")!.ProseText, windows.Section("DESCRIPTION")!.ProseText);
        Assert.Equal(unix.FrontMatter, windows.FrontMatter);
    }
}
