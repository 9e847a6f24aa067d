using DigitalChannels.HelpBuilder.About;
using DigitalChannels.HelpBuilder.Markdown;

namespace DigitalChannels.HelpBuilder.Tests;

public class AboutTopicWriterTests
{
    private static string Text(string page, string path = "docs/about_Widgets.md") => AboutTopicWriter.ToText(MarkdownPage.Parse(path, page));

    [Fact]
    public void Lays_out_the_topic_as_PowerShell_about_topics_are()
    {
        var lines = Text(Pages.About()).Split('\n');

        Assert.Equal(new[] { "TOPIC", "    about_Widgets", "", "SHORT DESCRIPTION", "    What widgets are.", "", "LONG DESCRIPTION" }, lines.Take(7));
        Assert.All(lines.Skip(4), l => Assert.True(l.Length <= 80 || l.TrimStart().StartsWith('|'), $"wider than 80 columns: {l}"));
        Assert.Contains("    Colors", lines);
        Assert.Contains("    ------", lines);
        Assert.Contains("    | red | stopped |", lines);
        Assert.Contains("        # Not a heading: code.", lines);
        Assert.Contains("        Get-Widget", lines);
        Assert.Contains(lines, l => l.StartsWith("    - an item of a list", StringComparison.Ordinal));
        // The wrapped rest of a list item hangs under its text.
        var item = Array.FindIndex(lines, l => l.StartsWith("    - an item of a list", StringComparison.Ordinal));
        Assert.StartsWith("      ", lines[item + 1], StringComparison.Ordinal);
        Assert.Contains("SEE ALSO", lines);
        Assert.Contains("    Set-Widget", lines);
        Assert.DoesNotContain(lines, l => l.Contains("](", StringComparison.Ordinal));
    }

    [Fact]
    public void The_short_description_stays_on_one_line_for_Get_Help_to_take_as_the_synopsis()
    {
        var synopsis = "What widgets are, told at such length that the line is much wider than the eighty columns of a console.";
        var lines = Text(Pages.About().Replace("What widgets are.", synopsis)).Split('\n');

        Assert.Equal(new[] { "SHORT DESCRIPTION", "    " + synopsis, "" }, lines.Skip(3).Take(3));
    }

    [Fact]
    public void Long_paragraphs_wrap_without_losing_words()
    {
        var text = Text(Pages.About());

        var words = "Widgets are small things that are configured with the `*-Widget` cmdlets, one line of text that is long enough to be wrapped at eighty columns for sure.".Split(' ');
        var start = text.IndexOf("    Widgets are", StringComparison.Ordinal);
        var wrapped = text.Substring(start, text.IndexOf("\n\n", start, StringComparison.Ordinal) - start);
        Assert.Contains('\n', wrapped);
        Assert.Equal(words, wrapped.Split(new[] { ' ', '\n' }, StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("SHORT DESCRIPTION")]
    [InlineData("LONG DESCRIPTION")]
    public void A_missing_section_is_an_error_naming_the_file_and_the_section(string section)
    {
        var error = Assert.Throws<HelpFormatException>(() => Text(Pages.About(without: section)));

        Assert.Equal(section, error.Section);
        Assert.Contains($"docs/about_Widgets.md(1): error DCHELP001: section '## {section}': the section is missing", error.ToBuildError());
    }

    [Fact]
    public void The_title_is_the_file_name()
    {
        var error = Assert.Throws<HelpFormatException>(() => Text(Pages.About(name: "about_Gadgets")));

        Assert.Contains("'# about_Widgets'", error.Problem);
    }

    [Fact]
    public void The_file_name_is_the_topic_with_help_txt()
    {
        Assert.Equal("about_Widgets.help.txt", AboutTopicWriter.FileName(MarkdownPage.Parse("docs/about_Widgets.md", Pages.About())));
        Assert.True(AboutTopicWriter.IsAboutPage("docs/about_Widgets.md"));
        Assert.False(AboutTopicWriter.IsAboutPage("docs/Set-Widget.md"));
    }
}
