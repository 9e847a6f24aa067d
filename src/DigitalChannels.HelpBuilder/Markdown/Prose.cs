using System.Text.RegularExpressions;

namespace DigitalChannels.HelpBuilder.Markdown;

/// <summary>
/// Markdown prose to the plain paragraphs that Get-Help prints. Soft-wrapped lines join into one paragraph, list items
/// and table rows keep their own lines, code keeps its text. Inline markup is reduced to what reads well in a console:
/// links become their text (with the address when it is absolute), bold markers go; `code` keeps its backticks.
/// </summary>
internal static class Prose
{
    private static readonly Regex Link = new(@"(?<!!)\[(?<text>[^\]]+)\]\((?<target>[^)\s]*)\)", RegexOptions.Compiled);
    private static readonly Regex Bold = new(@"\*\*(?<text>[^*]+)\*\*", RegexOptions.Compiled);
    private static readonly Regex ListItem = new(@"^\s*(?:[-*+]|\d+[.)])\s+", RegexOptions.Compiled);

    /// <summary>Every paragraph of the nodes, in order; code blocks are paragraphs of their own, verbatim.</summary>
    public static List<string> Paragraphs(IEnumerable<MarkdownNode> nodes)
    {
        var paragraphs = new List<string>();
        foreach (var node in nodes)
        {
            if (node is CodeNode code)
            {
                if (code.Text.Trim().Length > 0) paragraphs.Add(code.Text.TrimEnd());
                continue;
            }
            foreach (var lines in SplitOnBlankLines(((TextNode)node).Lines))
            {
                paragraphs.Add(Paragraph(lines));
            }
        }
        return paragraphs;
    }

    public static IEnumerable<List<string>> SplitOnBlankLines(IEnumerable<string> lines)
    {
        var current = new List<string>();
        foreach (var line in lines)
        {
            if (line.Trim().Length == 0)
            {
                if (current.Count > 0) yield return current;
                current = new List<string>();
            }
            else
            {
                current.Add(line);
            }
        }
        if (current.Count > 0) yield return current;
    }

    public static bool IsTable(IReadOnlyList<string> lines) => lines.All(l => l.TrimStart().StartsWith("|", StringComparison.Ordinal));

    public static bool IsListItem(string line) => ListItem.IsMatch(line);

    /// <summary>
    /// One paragraph: a table keeps its rows; each list item starts a line (its continuation lines join it); other
    /// soft-wrapped lines join into one.
    /// </summary>
    public static string Paragraph(IReadOnlyList<string> lines)
    {
        if (IsTable(lines)) return string.Join("\n", lines.Select(l => Inline(l.Trim())));
        var items = new List<string>();
        foreach (var line in lines)
        {
            var trimmed = line.Trim();
            if (IsListItem(line) || items.Count == 0) items.Add(trimmed);
            else items[items.Count - 1] += " " + trimmed;
        }
        return string.Join("\n", items.Select(Inline));
    }

    /// <summary>Inline markdown to console text.</summary>
    public static string Inline(string text)
    {
        text = Link.Replace(text, m =>
        {
            var target = m.Groups["target"].Value;
            var label = m.Groups["text"].Value;
            return IsAbsoluteWebAddress(target) && target != label ? $"{label} ({target})" : label;
        });
        text = Bold.Replace(text, m => m.Groups["text"].Value);
        // A trailing backslash or two spaces is a markdown hard break; in a joined paragraph it is only noise.
        return text.Replace("\\ ", " ").TrimEnd('\\').Trim();
    }

    /// <summary>The [text](target) links of some text, in order.</summary>
    public static IEnumerable<(string Text, string Target)> Links(string text) =>
        Link.Matches(text).Select(m => (m.Groups["text"].Value, m.Groups["target"].Value));

    public static bool IsAbsoluteWebAddress(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
