using System.Xml;
using System.Xml.Linq;
using DigitalChannels.HelpBuilder.Commands;
using DigitalChannels.HelpBuilder.Markdown;

namespace DigitalChannels.HelpBuilder.Tests;

public class MamlWriterTests
{
    private static readonly XNamespace Msh = MamlWriter.HelpItemsNamespace;
    private static readonly XNamespace Maml = MamlWriter.MamlNamespace;
    private static readonly XNamespace Command = MamlWriter.CommandNamespace;
    private static readonly XNamespace Dev = MamlWriter.DevNamespace;

    private static XElement Maml1(string page)
    {
        var xml = MamlWriter.ToXml(new[] { CommandPageReader.Read(MarkdownPage.Parse("Set-Widget.md", page)) });
        var document = XDocument.Parse(xml);
        Assert.Equal(Msh + "helpItems", document.Root!.Name);
        Assert.Equal("maml", (string?)document.Root.Attribute("schema"));
        return Assert.Single(document.Root.Elements(Command + "command"));
    }

    private static string Para(XElement? parent) => string.Join("\n\n", parent!.Elements(Maml + "para").Select(p => p.Value));

    [Fact]
    public void Details_and_description_are_in_the_MAML_namespaces()
    {
        var command = Maml1(Pages.SetWidget());

        var details = command.Element(Command + "details")!;
        Assert.Equal("Set-Widget", details.Element(Command + "name")!.Value);
        Assert.Equal("Set", details.Element(Command + "verb")!.Value);
        Assert.Equal("Widget", details.Element(Command + "noun")!.Value);
        Assert.Equal("Changes a widget.", Para(details.Element(Maml + "description")));
        var description = command.Element(Maml + "description")!.Elements(Maml + "para").Select(p => p.Value).ToList();
        Assert.Equal(2, description.Count);
        Assert.StartsWith("The `Set-Widget` cmdlet changes a widget, as the portal's Widgets > EDIT does.", description[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Syntax_items_carry_each_sets_metadata_and_switches_have_no_value()
    {
        var command = Maml1(Pages.SetWidget());

        var items = command.Element(Command + "syntax")!.Elements(Command + "syntaxItem").ToList();
        Assert.Equal(2, items.Count);
        Assert.All(items, i => Assert.Equal("Set-Widget", i.Element(Maml + "name")!.Value));
        var byName = items[0].Elements(Command + "parameter").ToList();
        Assert.Equal(new[] { "Name", "Color", "Force", "WhatIf", "Confirm" }, byName.Select(p => p.Element(Maml + "name")!.Value));
        var name = byName[0];
        Assert.Equal("true", (string?)name.Attribute("required"));
        Assert.Equal("0", (string?)name.Attribute("position"));
        Assert.Equal("true", (string?)name.Attribute("globbing"));
        Assert.Equal("true", (string?)name.Attribute("variableLength"));
        Assert.Equal("True (ByPropertyName)", (string?)name.Attribute("pipelineInput"));
        Assert.Equal("String[]", name.Element(Command + "parameterValue")!.Value);
        var force = byName[2];
        Assert.Null(force.Element(Command + "parameterValue"));
        Assert.Equal("SwitchParameter", force.Element(Dev + "type")!.Element(Maml + "name")!.Value);
        var color = byName[1];
        Assert.Equal("Colour, c", (string?)color.Attribute("aliases"));
        Assert.Equal(new[] { "red", "green" }, color.Element(Command + "parameterValueGroup")!.Elements(Command + "parameterValue").Select(v => v.Value));
        Assert.Equal("none", (string?)force.Attribute("aliases"));

        var inputObject = items[1].Elements(Command + "parameter").First();
        Assert.Equal("InputObject", inputObject.Element(Maml + "name")!.Value);
        Assert.Equal("True (ByValue)", (string?)inputObject.Attribute("pipelineInput"));
        Assert.Equal("named", (string?)inputObject.Attribute("position"));
    }

    [Fact]
    public void Every_parameter_is_listed_once_with_description_type_and_default()
    {
        var command = Maml1(Pages.SetWidget());

        var parameters = command.Element(Command + "parameters")!.Elements(Command + "parameter").ToList();
        Assert.Equal(new[] { "Color", "Confirm", "Force", "InputObject", "Name", "WhatIf" }, parameters.Select(p => p.Element(Maml + "name")!.Value));
        var color = parameters[0];
        Assert.Equal("The new color.", Para(color.Element(Maml + "description")));
        Assert.Equal("String", color.Element(Dev + "type")!.Element(Maml + "name")!.Value);
        Assert.Equal("green", color.Element(Dev + "defaultValue")!.Value);
        Assert.Equal("false", (string?)color.Attribute("required"));
        Assert.Equal("wi", (string?)parameters[5].Attribute("aliases"));
    }

    [Fact]
    public void Inputs_outputs_notes_examples_and_links()
    {
        var command = Maml1(Pages.SetWidget());

        Assert.Equal("Widgets.Widget", command.Element(Command + "inputTypes")!.Element(Command + "inputType")!.Element(Dev + "type")!.Element(Maml + "name")!.Value);
        Assert.Equal("None", command.Element(Command + "returnValues")!.Element(Command + "returnValue")!.Element(Dev + "type")!.Element(Maml + "name")!.Value);
        Assert.Contains("`WidgetLocked`", Para(command.Element(Maml + "alertSet")!.Element(Maml + "alert")));

        var examples = command.Element(Command + "examples")!.Elements(Command + "example").ToList();
        Assert.Equal(2, examples.Count);
        Assert.Contains("Example 1: Paint a widget", examples[0].Element(Maml + "title")!.Value);
        Assert.Equal("Set-Widget -Name 'W1' -Color red", examples[0].Element(Dev + "code")!.Value);
        Assert.Equal("Done.\n\nThe widget is red.", Para(examples[0].Element(Dev + "remarks")));

        var links = command.Element(Command + "relatedLinks")!.Elements(Maml + "navigationLink")
            .Select(l => (l.Element(Maml + "linkText")!.Value, l.Element(Maml + "uri")!.Value)).ToList();
        Assert.Equal(new[] { ("Online Version:", Pages.Online), ("Get-Widget", ""), ("Widgets on the web", "https://example.test/widgets") }, links);
    }

    [Fact]
    public void Text_is_escaped_and_characters_XML_cannot_hold_are_dropped()
    {
        const string nasty = "Compare <a> & \"b\" with 'c' ]]> <!-- not a comment --> done\u0001.";
        var page = Pages.SetWidget().Replace("Changes a widget.", nasty).Replace("Set-Widget -Name 'W1' -Color red", "Set-Widget -Name '<W&1>' | Where-Object { $_ -lt 3 }");

        var xml = MamlWriter.ToXml(new[] { CommandPageReader.Read(MarkdownPage.Parse("Set-Widget.md", page)) });
        var command = XDocument.Parse(xml).Root!.Element(Command + "command")!;

        Assert.Equal(nasty.Replace("\u0001", ""), Para(command.Element(Command + "details")!.Element(Maml + "description")));
        Assert.Equal("Set-Widget -Name '<W&1>' | Where-Object { $_ -lt 3 }", command.Descendants(Dev + "code").First().Value);
        Assert.Contains("&lt;W&amp;1&gt;", xml);
        Assert.DoesNotContain("\u0001", xml, StringComparison.Ordinal);
    }

    [Fact]
    public void The_file_is_UTF8_with_a_byte_order_mark_and_loads_with_XmlDocument()
    {
        using var temp = new TempDocs();
        Directory.CreateDirectory(temp.Out);
        var path = Path.Combine(temp.Out, "Widgets.PowerShell.dll-Help.xml");
        var help = CommandPageReader.Read(MarkdownPage.Parse("Set-Widget.md", Pages.SetWidget().Replace("Changes a widget.", "Changes a widget – with ünïcode.")));

        MamlWriter.WriteFile(path, new[] { help });

        var bytes = File.ReadAllBytes(path);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes.Take(3));
        var document = new XmlDocument();
        document.Load(path);
        var manager = new XmlNamespaceManager(document.NameTable);
        manager.AddNamespace("command", MamlWriter.CommandNamespace);
        manager.AddNamespace("maml", MamlWriter.MamlNamespace);
        Assert.Equal("Changes a widget – with ünïcode.", document.SelectSingleNode("//command:details/maml:description/maml:para", manager)!.InnerText);
    }
}
