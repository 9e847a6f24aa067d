using System.Text.RegularExpressions;

namespace DigitalChannels.PowerShell.Tests;

/// <summary>A PlatyPS (schema 2.0.0) cmdlet page, split into front matter, sections, code blocks and parameter blocks.</summary>
internal sealed class HelpPage
{
    public static readonly string[] SectionOrder =
    {
        "SYNOPSIS", "SYNTAX", "DESCRIPTION", "EXAMPLES", "PARAMETERS", "INPUTS", "OUTPUTS", "NOTES", "RELATED LINKS",
    };

    private HelpPage(string path, string text)
    {
        Path = path;
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var index = 0;
        if (lines.Length > 0 && lines[0] == "---")
        {
            for (index = 1; index < lines.Length && lines[index] != "---"; index++)
            {
                var colon = lines[index].IndexOf(':');
                if (colon > 0) FrontMatter[lines[index][..colon].Trim()] = lines[index][(colon + 1)..].Trim();
            }
            index++;
        }

        Section? section = null;
        Block? block = null;
        var inFence = false;
        List<string>? fence = null;
        string fenceLanguage = "";
        for (; index < lines.Length; index++)
        {
            var line = lines[index];
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                if (!inFence)
                {
                    inFence = true;
                    fenceLanguage = line[3..].Trim();
                    fence = new List<string>();
                }
                else
                {
                    inFence = false;
                    var code = new CodeBlock(fenceLanguage, string.Join("\n", fence!));
                    (block?.Code ?? section?.Code)?.Add(code);
                }
                continue;
            }
            if (inFence)
            {
                fence!.Add(line);
                continue;
            }
            if (line.StartsWith("# ", StringComparison.Ordinal) && Title == null)
            {
                Title = line[2..].Trim();
            }
            else if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                section = new Section(line[3..].Trim());
                Sections.Add(section);
                block = null;
            }
            else if (line.StartsWith("### ", StringComparison.Ordinal) && section != null)
            {
                block = new Block(line[4..].Trim());
                section.Blocks.Add(block);
            }
            else
            {
                (block?.Text ?? section?.Text)?.AppendLine(line);
            }
        }
        if (inFence) throw new InvalidDataException($"{path}: a code block is not closed.");
    }

    public string Path { get; }
    public string? Title { get; private set; }
    public Dictionary<string, string> FrontMatter { get; } = new(StringComparer.Ordinal);
    public List<Section> Sections { get; } = new();

    public Section? this[string name] => Sections.FirstOrDefault(s => s.Name == name);

    public static HelpPage Load(string path) => new(path, File.ReadAllText(path));

    internal sealed class Section
    {
        public Section(string name) => Name = name;
        public string Name { get; }
        public System.Text.StringBuilder Text { get; } = new();
        public List<CodeBlock> Code { get; } = new();
        public List<Block> Blocks { get; } = new();
        public string AllText => Text + string.Join("\n", Blocks.Select(b => b.Heading + "\n" + b.Text + string.Join("\n", b.Code.Select(c => c.Text))));
    }

    internal sealed class Block
    {
        public Block(string heading) => Heading = heading;
        public string Heading { get; }
        public System.Text.StringBuilder Text { get; } = new();
        public List<CodeBlock> Code { get; } = new();
    }

    internal sealed class CodeBlock
    {
        public CodeBlock(string language, string text)
        {
            Language = language;
            Text = text;
        }

        public string Language { get; }
        public string Text { get; }

        /// <summary>"Key: value" lines of a yaml block.</summary>
        public Dictionary<string, string> Yaml()
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (Match match in Regex.Matches(Text, @"^(?<key>[A-Za-z ]+):[ \t]*(?<value>.*?)[ \t]*$", RegexOptions.Multiline))
            {
                values[match.Groups["key"].Value.Trim()] = match.Groups["value"].Value;
            }
            return values;
        }
    }
}
