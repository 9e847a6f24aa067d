using System.Text;
using DigitalChannels.HelpBuilder.Markdown;

namespace DigitalChannels.HelpBuilder.About;

/// <summary>
/// An about topic page (docs/about_*.md: "# about_Name", "## SHORT DESCRIPTION", "## LONG DESCRIPTION", more sections)
/// to the plain text Get-Help about_Name prints, laid out as PowerShell's own about topics are: a TOPIC header,
/// section names in capitals at the margin, text indented by four and wrapped at 80 columns, code indented by eight.
/// Get-Help takes the topic's synopsis from the lines under SHORT DESCRIPTION.
/// </summary>
internal static class AboutTopicWriter
{
    public static readonly string[] RequiredSections = { "SHORT DESCRIPTION", "LONG DESCRIPTION" };

    private const int Width = 80;
    private const string Indent = "    ";

    public static bool IsAboutPage(string path) => Path.GetFileName(path).StartsWith("about_", StringComparison.OrdinalIgnoreCase);

    /// <summary>The file name Get-Help looks for: about_Name.help.txt.</summary>
    public static string FileName(MarkdownPage page) => Path.GetFileNameWithoutExtension(page.Path) + ".help.txt";

    public static string ToText(MarkdownPage page)
    {
        var file = page.Path;
        var name = Path.GetFileNameWithoutExtension(file);
        if (page.Title == null) throw new HelpFormatException(file, 1, null, $"the page has no '# {name}' title.");
        if (!string.Equals(page.Title, name, StringComparison.Ordinal))
            throw new HelpFormatException(file, page.TitleLine, null, $"the title is '# {page.Title}'; an about topic's title is its file name, '# {name}'.");
        foreach (var required in RequiredSections)
        {
            var section = page.Section(required)
                ?? throw new HelpFormatException(file, page.TitleLine, required, $"the section is missing; an about topic has {string.Join(" and ", RequiredSections.Select(s => "## " + s))}.");
            if (section.IsEmpty && section.Blocks.Count == 0) throw new HelpFormatException(file, section.Line, required, "the section is empty.");
        }

        var text = new StringBuilder();
        text.Append("TOPIC\n").Append(Indent).Append(name).Append("\n\n");
        foreach (var section in page.Sections)
        {
            text.Append(section.Name.ToUpperInvariant()).Append('\n');
            // Get-Help about_* takes the synopsis from the one line under SHORT DESCRIPTION: it is never wrapped.
            Body(text, section.Nodes, wrap: !string.Equals(section.Name, "SHORT DESCRIPTION", StringComparison.OrdinalIgnoreCase));
            foreach (var block in section.Blocks)
            {
                text.Append(Indent).Append(block.Heading).Append('\n');
                text.Append(Indent).Append(new string('-', block.Heading.Length)).Append("\n\n");
                Body(text, block.Nodes, wrap: true);
            }
        }
        return text.ToString().TrimEnd() + "\n";
    }

    private static void Body(StringBuilder text, IEnumerable<MarkdownNode> nodes, bool wrap)
    {
        foreach (var node in nodes)
        {
            if (node is CodeNode code)
            {
                foreach (var line in code.Text.TrimEnd().Split('\n'))
                {
                    text.Append(line.Length == 0 ? "" : Indent + Indent + line.TrimEnd()).Append('\n');
                }
                text.Append('\n');
                continue;
            }
            foreach (var lines in Prose.SplitOnBlankLines(((TextNode)node).Lines))
            {
                if (Prose.IsTable(lines))
                {
                    foreach (var row in lines) text.Append(Indent).Append(Prose.Inline(row.Trim())).Append('\n');
                }
                else
                {
                    foreach (var line in Prose.Paragraph(lines).Split('\n'))
                    {
                        // A list item's wrapped lines hang under its text, not under its marker.
                        var marker = Prose.IsListItem(line) ? line.Substring(0, line.IndexOf(' ') + 1) : "";
                        if (wrap) Wrap(text, line, Indent, Indent + new string(' ', marker.Length));
                        else text.Append(Indent).Append(line).Append('\n');
                    }
                }
                text.Append('\n');
            }
        }
    }

    private static void Wrap(StringBuilder text, string paragraph, string firstIndent, string nextIndent)
    {
        var line = new StringBuilder(firstIndent);
        var lineHasWord = false;
        foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (lineHasWord && line.Length + 1 + word.Length > Width)
            {
                text.Append(line).Append('\n');
                line.Clear().Append(nextIndent);
                lineHasWord = false;
            }
            if (lineHasWord) line.Append(' ');
            line.Append(word);
            lineHasWord = true;
        }
        if (lineHasWord) text.Append(line).Append('\n');
    }
}
