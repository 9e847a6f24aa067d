using System.Text.RegularExpressions;
using DigitalChannels.HelpBuilder.Markdown;

namespace DigitalChannels.HelpBuilder.Commands;

/// <summary>
/// Reads a cmdlet page in PlatyPS's markdown layout (schema 2.0.0) and checks what MAML needs: the front matter, the
/// nine sections, a synopsis, a description, at least one example with code, a yaml block per parameter and per set.
/// Every problem is a <see cref="HelpFormatException"/> naming the file, line and section.
/// </summary>
internal static class CommandPageReader
{
    public const string AllParameterSets = "__AllParameterSets";

    /// <summary>The sections of a cmdlet page, in PlatyPS's order; all must be present.</summary>
    public static readonly string[] RequiredSections =
    {
        "SYNOPSIS", "SYNTAX", "DESCRIPTION", "EXAMPLES", "PARAMETERS", "INPUTS", "OUTPUTS", "NOTES", "RELATED LINKS",
    };

    private static readonly string[] RequiredYamlKeys = { "Type", "Parameter Sets", "Required", "Position", "Accept pipeline input", "Accept wildcard characters" };

    private static readonly Regex SyntaxParameterName = new(@"(?<![\w-])-(?<name>[A-Za-z_][A-Za-z0-9_]*)", RegexOptions.Compiled);

    /// <summary>A page is cmdlet help when its front matter names the MAML file (PlatyPS's "external help file").</summary>
    public static bool IsCommandPage(MarkdownPage page) => page.FrontMatter.ContainsKey("external help file");

    public static CommandHelp Read(MarkdownPage page)
    {
        var file = page.Path;
        var helpFile = Require(page, "external help file");
        var online = Require(page, "online version");
        if (!Prose.IsAbsoluteWebAddress(online))
            throw new HelpFormatException(file, 1, null, $"the front matter's 'online version: {online}' is not an absolute http(s) address (Get-Help -Online opens it).");
        if (string.IsNullOrWhiteSpace(page.Title))
            throw new HelpFormatException(file, 1, null, "the page has no '# <Cmdlet-Name>' title.");
        var name = page.Title!;

        foreach (var required in RequiredSections)
        {
            if (page.Section(required) == null)
                throw new HelpFormatException(file, page.TitleLine, required, $"the section is missing; a cmdlet page has the sections {string.Join(", ", RequiredSections.Select(s => "## " + s))}.");
        }

        var synopsis = page.Section("SYNOPSIS")!;
        if (synopsis.ProseText.Length == 0) throw new HelpFormatException(file, synopsis.Line, synopsis.Name, "the synopsis is empty.");
        var description = page.Section("DESCRIPTION")!;
        var descriptionParagraphs = Prose.Paragraphs(description.Nodes.Concat(description.Blocks.SelectMany(b => b.Nodes)));
        if (descriptionParagraphs.Count == 0) throw new HelpFormatException(file, description.Line, description.Name, "the description is empty.");

        var parameters = ReadParameters(file, page.Section("PARAMETERS")!);
        var syntax = ReadSyntax(file, name, page.Section("SYNTAX")!, parameters);

        return new CommandHelp
        {
            Name = name,
            HelpFile = helpFile,
            OnlineVersion = online,
            Synopsis = string.Join(" ", Prose.Paragraphs(synopsis.Nodes)),
            Description = descriptionParagraphs,
            Syntax = syntax,
            Parameters = parameters,
            Inputs = ReadTypes(page.Section("INPUTS")!),
            Outputs = ReadTypes(page.Section("OUTPUTS")!),
            Notes = Prose.Paragraphs(page.Section("NOTES")!.Nodes),
            Examples = ReadExamples(file, page.Section("EXAMPLES")!),
            RelatedLinks = ReadLinks(page.Section("RELATED LINKS")!),
        };
    }

    private static string Require(MarkdownPage page, string key)
    {
        if (!page.FrontMatter.TryGetValue(key, out var value) || value.Length == 0)
            throw new HelpFormatException(page.Path, 1, null, $"the front matter has no '{key}:'.");
        return value;
    }

    private static List<ParameterHelp> ReadParameters(string file, MarkdownSection section)
    {
        var parameters = new List<ParameterHelp>();
        foreach (var block in section.Blocks)
        {
            if (string.Equals(block.Heading, "CommonParameters", StringComparison.OrdinalIgnoreCase)) continue;
            if (!block.Heading.StartsWith("-", StringComparison.Ordinal) || block.Heading.Length < 2)
                throw new HelpFormatException(file, block.Line, section.Name, $"'### {block.Heading}' is not a parameter heading ('### -Name' or '### CommonParameters').");
            var name = block.Heading.Substring(1).Trim();
            if (parameters.Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)))
                throw new HelpFormatException(file, block.Line, section.Name, $"-{name} is documented twice.");

            var yamlBlocks = block.Code.Where(c => c.Language.Equals("yaml", StringComparison.OrdinalIgnoreCase)).ToList();
            if (yamlBlocks.Count == 0) throw new HelpFormatException(file, block.Line, section.Name, $"-{name} has no ```yaml block (Type, Parameter Sets, Required, Position, ...).");
            var descriptionNodes = block.Nodes.Where(n => n is TextNode).ToList();
            var yamls = yamlBlocks.Select(y => (Node: y, Values: Yaml(y.Text))).ToList();
            foreach (var (node, values) in yamls)
            {
                var missing = RequiredYamlKeys.FirstOrDefault(k => !values.ContainsKey(k));
                if (missing != null) throw new HelpFormatException(file, node.Line, section.Name, $"a yaml block of -{name} has no '{missing}:'.");
            }
            var types = yamls.Select(y => y.Values["Type"]).Distinct(StringComparer.Ordinal).ToList();
            if (types.Count != 1 || types[0].Length == 0)
                throw new HelpFormatException(file, yamls[0].Node.Line, section.Name, $"the yaml blocks of -{name} give the types {string.Join(", ", types.Select(t => $"'{t}'"))}; a parameter has one type.");

            var first = yamls[0].Values;
            parameters.Add(new ParameterHelp
            {
                Name = name,
                Type = types[0],
                Description = Prose.Paragraphs(descriptionNodes),
                Aliases = List(first.GetValueOrDefault("Aliases")),
                AcceptedValues = List(first.GetValueOrDefault("Accepted values")),
                DefaultValue = first.GetValueOrDefault("Default value") is { Length: > 0 } value ? value : "None",
                Globbing = yamls.Any(y => Boolean(file, y.Node, section.Name, name, y.Values, "Accept wildcard characters")),
                Uses = yamls.Select(y => Use(file, y.Node, section.Name, name, y.Values)).ToList(),
            });
        }
        return parameters;
    }

    private static ParameterSetUse Use(string file, CodeNode node, string section, string name, Dictionary<string, string> yaml)
    {
        var sets = yaml["Parameter Sets"];
        var all = sets == "(All)" || sets.Length == 0;
        var position = yaml["Position"];
        if (!position.Equals("Named", StringComparison.OrdinalIgnoreCase) && !int.TryParse(position, out _))
            throw new HelpFormatException(file, node.Line, section, $"-{name} has 'Position: {position}'; expected a number or Named.");
        var pipeline = yaml["Accept pipeline input"];
        var pipelineMatch = Regex.Match(pipeline, @"^(?<accept>True|False)\s*(\((?<how>[^)]*)\))?$", RegexOptions.IgnoreCase);
        if (!pipelineMatch.Success)
            throw new HelpFormatException(file, node.Line, section, $"-{name} has 'Accept pipeline input: {pipeline}'; expected False, True (ByValue), True (ByPropertyName) or True (ByValue, ByPropertyName).");
        var how = pipelineMatch.Groups["how"].Value;
        var accepts = pipelineMatch.Groups["accept"].Value.Equals("True", StringComparison.OrdinalIgnoreCase);
        var byValue = accepts && how.Contains("ByValue", StringComparison.OrdinalIgnoreCase);
        var byPropertyName = accepts && how.Contains("ByPropertyName", StringComparison.OrdinalIgnoreCase);
        if (accepts && !byValue && !byPropertyName) byValue = true;
        return new ParameterSetUse(
            all,
            all ? Array.Empty<string>() : sets.Split(',').Select(s => s.Trim()).Where(s => s.Length > 0).ToList(),
            Boolean(file, node, section, name, yaml, "Required"),
            position.Equals("Named", StringComparison.OrdinalIgnoreCase) ? "named" : position,
            byValue,
            byPropertyName);
    }

    private static bool Boolean(string file, CodeNode node, string section, string name, Dictionary<string, string> yaml, string key)
    {
        var value = yaml[key];
        if (value.Equals("True", StringComparison.OrdinalIgnoreCase)) return true;
        if (value.Equals("False", StringComparison.OrdinalIgnoreCase)) return false;
        throw new HelpFormatException(file, node.Line, section, $"-{name} has '{key}: {value}'; expected True or False.");
    }

    private static List<SyntaxItem> ReadSyntax(string file, string name, MarkdownSection section, List<ParameterHelp> parameters)
    {
        var sets = new List<(string Set, bool IsDefault, CodeNode Code)>();
        if (section.Blocks.Count == 0)
        {
            var code = section.Code.ToList();
            if (code.Count != 1) throw new HelpFormatException(file, section.Line, section.Name, $"expected one code block with the syntax (or one '### SetName' block per parameter set); found {code.Count}.");
            sets.Add((AllParameterSets, true, code[0]));
        }
        else
        {
            foreach (var block in section.Blocks)
            {
                var code = block.Code.ToList();
                if (code.Count != 1) throw new HelpFormatException(file, block.Line, section.Name, $"the parameter set '{block.Heading}' should hold one code block; found {code.Count}.");
                var isDefault = block.Heading.EndsWith("(Default)", StringComparison.OrdinalIgnoreCase);
                var set = isDefault ? block.Heading.Substring(0, block.Heading.Length - "(Default)".Length).Trim() : block.Heading.Trim();
                sets.Add((set, isDefault, code[0]));
            }
        }

        var items = new List<SyntaxItem>();
        foreach (var (set, isDefault, code) in sets)
        {
            var line = Regex.Replace(code.Text, @"\s+", " ").Trim();
            if (!line.StartsWith(name, StringComparison.OrdinalIgnoreCase))
                throw new HelpFormatException(file, code.Line, section.Name, $"the syntax of '{set}' should start with the cmdlet name {name}: {line}");
            var shown = SyntaxParameterName.Matches(line.Substring(name.Length)).Select(m => m.Groups["name"].Value).Distinct(StringComparer.OrdinalIgnoreCase);
            var syntaxParameters = new List<SyntaxParameter>();
            foreach (var parameterName in shown)
            {
                var parameter = parameters.FirstOrDefault(p => string.Equals(p.Name, parameterName, StringComparison.OrdinalIgnoreCase))
                    ?? throw new HelpFormatException(file, code.Line, section.Name, $"the syntax of '{set}' shows -{parameterName}, which '## PARAMETERS' does not document.");
                var use = (set == AllParameterSets ? parameter.Uses.FirstOrDefault() : parameter.UseIn(set))
                    ?? throw new HelpFormatException(file, code.Line, section.Name, $"the syntax of '{set}' shows -{parameterName}, but no yaml block of -{parameterName} is for '{set}' or (All).");
                syntaxParameters.Add(new SyntaxParameter(parameter, use));
            }
            items.Add(new SyntaxItem(set, isDefault, syntaxParameters));
        }

        // A set named in PARAMETERS must be one that SYNTAX shows, or the help would describe a set that does not exist.
        if (section.Blocks.Count == 0) return items;
        var known = items.Select(i => i.SetName).ToHashSet(StringComparer.Ordinal);
        foreach (var parameter in parameters)
        {
            foreach (var set in parameter.Uses.SelectMany(u => u.SetNames))
            {
                if (!known.Contains(set))
                    throw new HelpFormatException(file, section.Line, section.Name, $"-{parameter.Name} is documented in the parameter set '{set}', which SYNTAX does not show (it shows {string.Join(", ", known)}).");
            }
        }
        return items;
    }

    private static List<ExampleHelp> ReadExamples(string file, MarkdownSection section)
    {
        if (section.Blocks.Count == 0) throw new HelpFormatException(file, section.Line, section.Name, "there is no example: add '### Example 1: ...' with a ```powershell block.");
        var examples = new List<ExampleHelp>();
        foreach (var block in section.Blocks)
        {
            var code = block.Code.FirstOrDefault(c => c.Text.Trim().Length > 0)
                ?? throw new HelpFormatException(file, block.Line, section.Name, $"'### {block.Heading}' has no code block.");
            // The first code block is the example's code; prose and later blocks (output, more code) are its remarks.
            var remarks = Prose.Paragraphs(block.Nodes.Where(n => !ReferenceEquals(n, code)));
            examples.Add(new ExampleHelp(block.Heading, code.Text.TrimEnd(), remarks));
        }
        return examples;
    }

    private static List<TypeHelp> ReadTypes(MarkdownSection section)
    {
        if (section.Blocks.Count > 0) return section.Blocks.Select(b => new TypeHelp(b.Heading, Prose.Paragraphs(b.Nodes))).ToList();
        var paragraphs = Prose.Paragraphs(section.Nodes);
        return paragraphs.Count == 0 ? new List<TypeHelp>() : new List<TypeHelp> { new(paragraphs[0], paragraphs.Skip(1).ToList()) };
    }

    private static List<LinkHelp> ReadLinks(MarkdownSection section) =>
        Prose.Links(string.Join("\n", section.Nodes.OfType<TextNode>().SelectMany(t => t.Lines)))
            .Select(l => new LinkHelp(l.Text, Prose.IsAbsoluteWebAddress(l.Target) ? l.Target : ""))
            .ToList();

    /// <summary>"Key: value" lines of a yaml block (PlatyPS writes flat scalars only).</summary>
    private static Dictionary<string, string> Yaml(string text)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match match in Regex.Matches(text, @"^(?<key>[A-Za-z][A-Za-z ]*):[ \t]*(?<value>.*?)[ \t]*$", RegexOptions.Multiline))
        {
            values[match.Groups["key"].Value.Trim()] = match.Groups["value"].Value;
        }
        return values;
    }

    private static List<string> List(string? value) =>
        string.IsNullOrWhiteSpace(value)
            ? new List<string>()
            : value!.Split(',').Select(v => v.Trim()).Where(v => v.Length > 0).ToList();
}
