using System.Text;
using System.Xml;

namespace DigitalChannels.HelpBuilder.Commands;

/// <summary>
/// Writes cmdlet help as MAML, the XML that Get-Help reads from &lt;Assembly&gt;.dll-Help.xml, in the element layout
/// PlatyPS writes: details (name, verb, noun, synopsis), description, syntax items, parameters, input and return
/// types, notes as an alert, examples (title, code, remarks) and related links, the online version first so that
/// Get-Help -Online opens it. XmlWriter escapes the text; characters XML cannot hold are dropped.
/// </summary>
internal static class MamlWriter
{
    public const string HelpItemsNamespace = "http://msh";
    public const string MamlNamespace = "http://schemas.microsoft.com/maml/2004/10";
    public const string CommandNamespace = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    public const string DevNamespace = "http://schemas.microsoft.com/maml/dev/2004/10";
    public const string MSHelpNamespace = "http://msdn.microsoft.com/mshelp";

    /// <summary>UTF-8 with a byte order mark: Windows PowerShell 5.1 reads it without guessing.</summary>
    public static readonly Encoding FileEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    public static string ToXml(IEnumerable<CommandHelp> commands)
    {
        var builder = new StringBuilder();
        var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", OmitXmlDeclaration = true, NewLineChars = "\n" };
        using (var writer = XmlWriter.Create(builder, settings))
        {
            Write(writer, commands);
        }
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + builder + "\n";
    }

    public static void WriteFile(string path, IEnumerable<CommandHelp> commands) =>
        File.WriteAllText(path, ToXml(commands), FileEncoding);

    private static void Write(XmlWriter writer, IEnumerable<CommandHelp> commands)
    {
        writer.WriteStartElement("helpItems", HelpItemsNamespace);
        writer.WriteAttributeString("schema", "maml");
        foreach (var command in commands)
        {
            writer.WriteStartElement("command", "command", CommandNamespace);
            writer.WriteAttributeString("xmlns", "maml", null, MamlNamespace);
            writer.WriteAttributeString("xmlns", "command", null, CommandNamespace);
            writer.WriteAttributeString("xmlns", "dev", null, DevNamespace);
            writer.WriteAttributeString("xmlns", "MSHelp", null, MSHelpNamespace);

            writer.WriteStartElement("command", "details", CommandNamespace);
            Text(writer, "command", "name", CommandNamespace, command.Name);
            Text(writer, "command", "verb", CommandNamespace, command.Verb);
            Text(writer, "command", "noun", CommandNamespace, command.Noun);
            Paragraphs(writer, "maml", "description", MamlNamespace, new[] { command.Synopsis });
            writer.WriteEndElement();

            Paragraphs(writer, "maml", "description", MamlNamespace, command.Description);

            writer.WriteStartElement("command", "syntax", CommandNamespace);
            foreach (var item in command.Syntax)
            {
                writer.WriteStartElement("command", "syntaxItem", CommandNamespace);
                Text(writer, "maml", "name", MamlNamespace, command.Name);
                foreach (var parameter in item.Parameters)
                {
                    Parameter(writer, parameter.Parameter, parameter.Use, inSyntax: true);
                }
                writer.WriteEndElement();
            }
            writer.WriteEndElement();

            writer.WriteStartElement("command", "parameters", CommandNamespace);
            foreach (var parameter in command.Parameters)
            {
                Parameter(writer, parameter, Summary(parameter), inSyntax: false);
            }
            writer.WriteEndElement();

            Types(writer, "inputTypes", "inputType", command.Inputs);
            Types(writer, "returnValues", "returnValue", command.Outputs);

            writer.WriteStartElement("maml", "alertSet", MamlNamespace);
            Paragraphs(writer, "maml", "alert", MamlNamespace, command.Notes);
            writer.WriteEndElement();

            writer.WriteStartElement("command", "examples", CommandNamespace);
            foreach (var example in command.Examples)
            {
                writer.WriteStartElement("command", "example", CommandNamespace);
                Text(writer, "maml", "title", MamlNamespace, $"---------- {example.Title} ----------");
                Text(writer, "dev", "code", DevNamespace, example.Code);
                Paragraphs(writer, "dev", "remarks", DevNamespace, example.Remarks);
                writer.WriteEndElement();
            }
            writer.WriteEndElement();

            writer.WriteStartElement("command", "relatedLinks", CommandNamespace);
            Link(writer, "Online Version:", command.OnlineVersion);
            foreach (var link in command.RelatedLinks.Where(l => l.Uri != command.OnlineVersion))
            {
                Link(writer, link.Text, link.Uri);
            }
            writer.WriteEndElement();

            writer.WriteEndElement();
        }
        writer.WriteEndElement();
    }

    /// <summary>The parameter as the PARAMETERS list shows it, over all its sets: required or by pipeline in any.</summary>
    private static ParameterSetUse Summary(ParameterHelp parameter) =>
        new(true, Array.Empty<string>(),
            parameter.Uses.Any(u => u.Required),
            parameter.Uses[0].Position,
            parameter.Uses.Any(u => u.ByValue),
            parameter.Uses.Any(u => u.ByPropertyName));

    private static void Parameter(XmlWriter writer, ParameterHelp parameter, ParameterSetUse use, bool inSyntax)
    {
        writer.WriteStartElement("command", "parameter", CommandNamespace);
        writer.WriteAttributeString("required", use.Required ? "true" : "false");
        writer.WriteAttributeString("variableLength", parameter.IsArray ? "true" : "false");
        writer.WriteAttributeString("globbing", parameter.Globbing ? "true" : "false");
        writer.WriteAttributeString("pipelineInput", use.PipelineInput);
        writer.WriteAttributeString("position", use.Position.ToLowerInvariant());
        writer.WriteAttributeString("aliases", parameter.Aliases.Count == 0 ? "none" : string.Join(", ", parameter.Aliases));

        Text(writer, "maml", "name", MamlNamespace, parameter.Name);
        Paragraphs(writer, "maml", "description", MamlNamespace, parameter.Description);
        if (inSyntax && parameter.AcceptedValues.Count > 0)
        {
            writer.WriteStartElement("command", "parameterValueGroup", CommandNamespace);
            foreach (var value in parameter.AcceptedValues)
            {
                ParameterValue(writer, value, required: false, variableLength: false);
            }
            writer.WriteEndElement();
        }
        // Get-Help shows a switch in a syntax line without a value: PlatyPS leaves the value out there too.
        if (!(inSyntax && parameter.IsSwitch))
        {
            ParameterValue(writer, parameter.Type, required: !parameter.IsSwitch, variableLength: parameter.IsArray);
        }
        writer.WriteStartElement("dev", "type", DevNamespace);
        Text(writer, "maml", "name", MamlNamespace, parameter.Type);
        writer.WriteElementString("maml", "uri", MamlNamespace, "");
        writer.WriteEndElement();
        Text(writer, "dev", "defaultValue", DevNamespace, parameter.DefaultValue);
        writer.WriteEndElement();
    }

    private static void ParameterValue(XmlWriter writer, string value, bool required, bool variableLength)
    {
        writer.WriteStartElement("command", "parameterValue", CommandNamespace);
        writer.WriteAttributeString("required", required ? "true" : "false");
        writer.WriteAttributeString("variableLength", variableLength ? "true" : "false");
        writer.WriteString(Clean(value));
        writer.WriteEndElement();
    }

    private static void Types(XmlWriter writer, string listName, string itemName, IReadOnlyList<TypeHelp> types)
    {
        writer.WriteStartElement("command", listName, CommandNamespace);
        foreach (var type in types)
        {
            writer.WriteStartElement("command", itemName, CommandNamespace);
            writer.WriteStartElement("dev", "type", DevNamespace);
            Text(writer, "maml", "name", MamlNamespace, type.TypeName);
            writer.WriteEndElement();
            Paragraphs(writer, "maml", "description", MamlNamespace, type.Description);
            writer.WriteEndElement();
        }
        writer.WriteEndElement();
    }

    private static void Link(XmlWriter writer, string text, string uri)
    {
        writer.WriteStartElement("maml", "navigationLink", MamlNamespace);
        Text(writer, "maml", "linkText", MamlNamespace, text);
        Text(writer, "maml", "uri", MamlNamespace, uri);
        writer.WriteEndElement();
    }

    private static void Paragraphs(XmlWriter writer, string prefix, string name, string ns, IEnumerable<string> paragraphs)
    {
        writer.WriteStartElement(prefix, name, ns);
        foreach (var paragraph in paragraphs)
        {
            Text(writer, "maml", "para", MamlNamespace, paragraph);
        }
        writer.WriteEndElement();
    }

    private static void Text(XmlWriter writer, string prefix, string name, string ns, string text)
    {
        writer.WriteStartElement(prefix, name, ns);
        writer.WriteString(Clean(text));
        writer.WriteEndElement();
    }

    /// <summary>Drops the characters XML 1.0 cannot hold (control characters other than tab and line breaks).</summary>
    internal static string Clean(string text)
    {
        if (text.All(XmlConvert.IsXmlChar)) return text;
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i])) builder.Append(text[i]);
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                builder.Append(text[i]).Append(text[i + 1]);
                i++;
            }
        }
        return builder.ToString();
    }
}
