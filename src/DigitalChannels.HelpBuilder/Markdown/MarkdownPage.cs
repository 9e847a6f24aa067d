namespace DigitalChannels.HelpBuilder.Markdown;

/// <summary>
/// A docs page split the way PlatyPS lays it out: YAML front matter, one "# Title", "## SECTION"s and, inside them,
/// "### Block"s. Prose and fenced code keep their line numbers, so that an error can point at the line.
/// Headings inside code fences are code, not structure.
/// </summary>
internal sealed class MarkdownPage
{
    private MarkdownPage(string path) => Path = path;

    public string Path { get; }
    public Dictionary<string, string> FrontMatter { get; } = new(StringComparer.OrdinalIgnoreCase);
    public string? Title { get; private set; }
    public int TitleLine { get; private set; }
    public List<MarkdownSection> Sections { get; } = new();

    public MarkdownSection? Section(string name) =>
        Sections.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    public static MarkdownPage Load(string path) => Parse(path, File.ReadAllText(path));

    public static MarkdownPage Parse(string path, string text)
    {
        var page = new MarkdownPage(path);
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        var index = 0;
        if (lines.Length > 0 && lines[0].TrimEnd() == "---")
        {
            for (index = 1; index < lines.Length && lines[index].TrimEnd() != "---"; index++)
            {
                var colon = lines[index].IndexOf(':');
                if (colon > 0) page.FrontMatter[lines[index].Substring(0, colon).Trim()] = lines[index].Substring(colon + 1).Trim();
            }
            if (index >= lines.Length) throw new HelpFormatException(path, 1, null, "the front matter that starts with '---' is not closed by a '---' line.");
            index++;
        }

        MarkdownSection? section = null;
        MarkdownBlock? block = null;
        CodeNode? fence = null;
        var fenceLines = new List<string>();
        TextNode? prose = null;
        for (; index < lines.Length; index++)
        {
            var line = lines[index];
            var lineNumber = index + 1;
            var container = (MarkdownContainer?)block ?? section;
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                prose = null;
                if (fence == null)
                {
                    fence = new CodeNode(line.Trim().Substring(3).Trim(), lineNumber);
                    fenceLines.Clear();
                }
                else
                {
                    fence.Text = string.Join("\n", fenceLines);
                    container?.Nodes.Add(fence);
                    fence = null;
                }
                continue;
            }
            if (fence != null)
            {
                fenceLines.Add(line);
                continue;
            }
            if (line.StartsWith("# ", StringComparison.Ordinal) && page.Title == null && section == null)
            {
                page.Title = line.Substring(2).Trim();
                page.TitleLine = lineNumber;
                prose = null;
            }
            else if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                section = new MarkdownSection(line.Substring(3).Trim(), lineNumber);
                page.Sections.Add(section);
                block = null;
                prose = null;
            }
            else if (line.StartsWith("### ", StringComparison.Ordinal) && section != null)
            {
                block = new MarkdownBlock(line.Substring(4).Trim(), lineNumber);
                section.Blocks.Add(block);
                prose = null;
            }
            else if (container != null)
            {
                if (prose == null)
                {
                    if (line.Trim().Length == 0) continue;
                    prose = new TextNode(lineNumber);
                    container.Nodes.Add(prose);
                }
                prose.Lines.Add(line);
            }
        }
        if (fence != null) throw new HelpFormatException(path, fence.Line, section?.Name, "a code block (```) is not closed.");
        return page;
    }
}

/// <summary>What a section or a block holds, in order: prose and code.</summary>
internal abstract class MarkdownContainer
{
    protected MarkdownContainer(string heading, int line)
    {
        Heading = heading;
        Line = line;
    }

    public string Heading { get; }
    public int Line { get; }
    public List<MarkdownNode> Nodes { get; } = new();

    public IEnumerable<CodeNode> Code => Nodes.OfType<CodeNode>();

    /// <summary>The prose only, trimmed; empty when there is none.</summary>
    public string ProseText => string.Join("\n", Nodes.OfType<TextNode>().SelectMany(t => t.Lines)).Trim();

    public bool IsEmpty => Nodes.All(n => n is TextNode t ? t.Lines.All(l => l.Trim().Length == 0) : ((CodeNode)n).Text.Trim().Length == 0);
}

internal sealed class MarkdownSection : MarkdownContainer
{
    public MarkdownSection(string name, int line) : base(name, line) { }

    public string Name => Heading;
    public List<MarkdownBlock> Blocks { get; } = new();
}

internal sealed class MarkdownBlock : MarkdownContainer
{
    public MarkdownBlock(string heading, int line) : base(heading, line) { }
}

internal abstract class MarkdownNode
{
    protected MarkdownNode(int line) => Line = line;

    public int Line { get; }
}

/// <summary>Consecutive lines of prose (blank lines included; paragraphs are split later).</summary>
internal sealed class TextNode : MarkdownNode
{
    public TextNode(int line) : base(line) { }

    public List<string> Lines { get; } = new();
}

/// <summary>A fenced code block and its info string (powershell, output, yaml, or nothing).</summary>
internal sealed class CodeNode : MarkdownNode
{
    public CodeNode(string language, int line) : base(line) => Language = language;

    public string Language { get; }
    public string Text { get; set; } = "";
}
