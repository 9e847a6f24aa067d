using DigitalChannels.HelpBuilder.Commands;
using DigitalChannels.HelpBuilder.Markdown;

namespace DigitalChannels.HelpBuilder.Tests;

public class CommandPageReaderTests
{
    private static CommandHelp Read(string text, string path = "docs/Set-Widget.md") => CommandPageReader.Read(MarkdownPage.Parse(path, text));

    [Fact]
    public void Reads_synopsis_description_inputs_outputs_notes_and_links()
    {
        var help = Read(Pages.SetWidget());

        Assert.Equal("Set-Widget", help.Name);
        Assert.Equal(("Set", "Widget"), (help.Verb, help.Noun));
        Assert.Equal("Widgets.PowerShell.dll-Help.xml", help.HelpFile);
        Assert.Equal("Changes a widget.", help.Synopsis);
        Assert.Equal(new[]
        {
            "The `Set-Widget` cmdlet changes a widget, as the portal's Widgets > EDIT does. It writes nothing.",
            "A second paragraph with a link and the site (https://example.test/site).\n- first item continued\n- second item",
        }, help.Description);
        Assert.Equal("Widgets.Widget", help.Inputs.Single().TypeName);
        Assert.Equal(new[] { "A widget from the pipeline." }, help.Inputs.Single().Description);
        Assert.Equal("None", help.Outputs.Single().TypeName);
        Assert.Equal(new[] { "Errors have stable ids: `WidgetLocked` when the widget is locked." }, help.Notes);
        Assert.Equal(new[] { new LinkHelp("Get-Widget", ""), new LinkHelp("Widgets on the web", "https://example.test/widgets") }, help.RelatedLinks);
    }

    [Fact]
    public void Each_parameter_set_has_its_parameters_with_their_metadata_in_that_set()
    {
        var help = Read(Pages.SetWidget());

        Assert.Equal(new[] { ("ByName", true), ("ByObject", false) }, help.Syntax.Select(s => (s.SetName, s.IsDefault)));
        var byName = help.Syntax[0].Parameters;
        var byObject = help.Syntax[1].Parameters;
        Assert.Equal(new[] { "Name", "Color", "Force", "WhatIf", "Confirm" }, byName.Select(p => p.Parameter.Name));
        Assert.Equal(new[] { "InputObject", "Color", "Force", "WhatIf", "Confirm" }, byObject.Select(p => p.Parameter.Name));

        var name = byName[0];
        Assert.True(name.Use.Required);
        Assert.Equal("0", name.Use.Position);
        Assert.Equal("True (ByPropertyName)", name.Use.PipelineInput);
        Assert.True(name.Parameter.Globbing);
        Assert.True(name.Parameter.IsArray);

        var inputObject = byObject[0];
        Assert.True(inputObject.Use.Required);
        Assert.Equal("named", inputObject.Use.Position);
        Assert.Equal("True (ByValue)", inputObject.Use.PipelineInput);

        var color = help.Parameters.Single(p => p.Name == "Color");
        Assert.Equal(new[] { "Colour", "c" }, color.Aliases);
        Assert.Equal(new[] { "red", "green" }, color.AcceptedValues);
        Assert.Equal("green", color.DefaultValue);
        Assert.Equal(new[] { "The new color." }, color.Description);
        Assert.Same(color, byObject[1].Parameter);
        Assert.True(help.Parameters.Single(p => p.Name == "Force").IsSwitch);
        Assert.DoesNotContain(help.Parameters, p => p.Name == "CommonParameters");
    }

    [Fact]
    public void Examples_have_their_code_and_remarks()
    {
        var help = Read(Pages.SetWidget());

        Assert.Equal(2, help.Examples.Count);
        var first = help.Examples[0];
        Assert.Equal("Example 1: Paint a widget", first.Title);
        Assert.Equal("Set-Widget -Name 'W1' -Color red", first.Code);
        Assert.Equal(new[] { "Done.", "The widget is red." }, first.Remarks);
        Assert.Equal("Get-Widget | Set-Widget -Color green -Force", help.Examples[1].Code);
        Assert.Empty(help.Examples[1].Remarks);
    }

    [Theory]
    [InlineData("SYNOPSIS")]
    [InlineData("SYNTAX")]
    [InlineData("DESCRIPTION")]
    [InlineData("EXAMPLES")]
    [InlineData("PARAMETERS")]
    [InlineData("INPUTS")]
    [InlineData("OUTPUTS")]
    [InlineData("NOTES")]
    [InlineData("RELATED LINKS")]
    public void A_missing_section_is_an_error_naming_the_file_and_the_section(string section)
    {
        var error = Assert.Throws<HelpFormatException>(() => Read(Pages.SetWidget(without: section)));

        Assert.Equal(section, error.Section);
        Assert.Contains($"docs/Set-Widget.md(", error.ToBuildError());
        Assert.Contains($"section '## {section}': the section is missing", error.ToBuildError());
    }

    [Fact]
    public void A_page_without_examples_is_an_error()
    {
        var page = Pages.SetWidget(examples: "").Replace(
            "### Example 1: Paint a widget\n```powershell\nSet-Widget -Name 'W1' -Color red\n```\n\n```output\nDone.\n```\n\nThe widget is red.\n", "");

        var error = Assert.Throws<HelpFormatException>(() => Read(page));

        Assert.Equal("EXAMPLES", error.Section);
        Assert.Contains("no example", error.Problem);
    }

    [Fact]
    public void An_example_without_code_is_an_error_naming_it()
    {
        var error = Assert.Throws<HelpFormatException>(() => Read(Pages.SetWidget(examples: "### Example 2: Only words\nNo code here.\n")));

        Assert.Equal("EXAMPLES", error.Section);
        Assert.Contains("'### Example 2: Only words' has no code block", error.Problem);
    }

    [Fact]
    public void An_empty_description_is_an_error()
    {
        var page = Pages.SetWidget().Replace(
            "The `Set-Widget` cmdlet changes a widget, as the portal's **Widgets > EDIT** does.\nIt writes nothing.\n\n" +
            "A second paragraph with a [link](Get-Widget.md) and [the site](https://example.test/site).\n- first item\n  continued\n- second item\n", "");

        var error = Assert.Throws<HelpFormatException>(() => Read(page));

        Assert.Equal("DESCRIPTION", error.Section);
    }

    [Fact]
    public void The_syntax_may_not_show_an_undocumented_parameter()
    {
        var page = Pages.SetWidget().Replace("[-Color <String>] [-Force] [-WhatIf] [-Confirm]\n [<CommonParameters>]", "[-Color <String>] [-Size <Int32>] [-Force] [-WhatIf] [-Confirm]\n [<CommonParameters>]");

        var error = Assert.Throws<HelpFormatException>(() => Read(page));

        Assert.Equal("SYNTAX", error.Section);
        Assert.Contains("-Size", error.Problem);
    }

    [Fact]
    public void A_parameter_in_a_set_that_the_syntax_does_not_show_is_an_error()
    {
        var page = Pages.SetWidget().Replace("Parameter Sets: ByObject", "Parameter Sets: ByPath");

        var error = Assert.Throws<HelpFormatException>(() => Read(page));

        Assert.Contains("InputObject", error.Problem);
    }

    [Theory]
    [InlineData("Required: False\nPosition: Named\nDefault value: green", "Required: Maybe\nPosition: Named\nDefault value: green", "Required: Maybe")]
    [InlineData("Position: Named\nDefault value: green", "Position: Last\nDefault value: green", "Position: Last")]
    [InlineData("Type: String\nParameter Sets: (All)\nAliases: Colour, c", "Parameter Sets: (All)\nAliases: Colour, c", "no 'Type:'")]
    public void A_bad_yaml_value_is_an_error_naming_the_parameter(string from, string to, string expected)
    {
        var error = Assert.Throws<HelpFormatException>(() => Read(Pages.SetWidget().Replace(from, to)));

        Assert.Equal("PARAMETERS", error.Section);
        Assert.Contains("-Color", error.Problem);
        Assert.Contains(expected, error.Problem);
    }

    [Fact]
    public void The_front_matter_needs_an_absolute_online_version()
    {
        var error = Assert.Throws<HelpFormatException>(() => Read(Pages.SetWidget().Replace(Pages.Online, "Set-Widget.md")));

        Assert.Contains("online version", error.Problem);
        Assert.Throws<HelpFormatException>(() => Read(Pages.SetWidget().Replace($"online version: {Pages.Online}\n", "")));
    }

    [Fact]
    public void A_single_syntax_block_is_the_all_parameter_sets_item()
    {
        var page = Pages.SetWidget()
            .Replace("### ByName (Default)\n", "")
            .Replace("### ByObject\n```\nSet-Widget -InputObject <Widget> [-Color <String>] [-Force] [-WhatIf] [-Confirm] [<CommonParameters>]\n```\n", "");

        var help = Read(page);

        var item = Assert.Single(help.Syntax);
        Assert.Equal(CommandPageReader.AllParameterSets, item.SetName);
        Assert.Equal(new[] { "Name", "Color", "Force", "WhatIf", "Confirm" }, item.Parameters.Select(p => p.Parameter.Name));
    }
}
