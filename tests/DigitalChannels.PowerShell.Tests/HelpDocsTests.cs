using System.IO;
using System.Management.Automation;
using System.Text.RegularExpressions;
using DigitalChannels.Client.Commands;
using DigitalChannels.Client.Connect;
using DigitalChannels.Client.Http;

namespace DigitalChannels.PowerShell.Tests;

/// <summary>
/// The PlatyPS markdown in docs/ against the cmdlets themselves (powershell-practices §1.16), so that help cannot
/// drift from the code: every parameter documented with the metadata it really has, nothing documented that does not exist.
/// </summary>
public class HelpDocsTests
{
    public static TheoryData<string> Cmdlets => CmdletCatalog.Names;

    private static string DocsFolder => Repository.PathOf("docs");

    private static HelpPage Page(string name)
    {
        var path = Path.Combine(DocsFolder, name + ".md");
        Assert.True(File.Exists(path), $"{name} has no help page: expected {path}.");
        return HelpPage.Load(path);
    }

    /// <summary>
    /// The error-id prefix of a connected cmdlet is its noun (ConnectServiceCommands.Noun, WxccTeam, …); the connection
    /// cmdlets share ConnectionCommands.Noun, and Get-DigitalChannelsLabDefinition reports as the lab (LabCommands.Noun).
    /// </summary>
    private static string ErrorNoun(CmdletFacts cmdlet) =>
        cmdlet.IsConnected ? cmdlet.Noun
        : cmdlet.Name == "Get-DigitalChannelsLabDefinition" ? DigitalChannels.Client.Lab.LabCommands.Noun
        : ConnectionCommands.Noun;

    /// <summary>
    /// Cmdlets over a public Webex API (the Contact Center configuration API): they never raise NoPublicApi, and
    /// their pages must not claim they do. Set-WxccUser does, for -UserProfile only, and says so.
    /// </summary>
    private static readonly HashSet<string> PublicApiCmdlets = new(StringComparer.Ordinal)
    {
        "New-WxccMultimediaProfile", "Get-WxccMultimediaProfile", "Set-WxccMultimediaProfile", "Remove-WxccMultimediaProfile",
        "New-WxccSite", "Get-WxccSite", "Set-WxccSite", "Remove-WxccSite",
        "New-WxccTeam", "Get-WxccTeam", "Set-WxccTeam", "Remove-WxccTeam",
        "New-WxccDesktopProfile", "Get-WxccDesktopProfile", "Set-WxccDesktopProfile", "Remove-WxccDesktopProfile",
        "Get-WxccUser",
    };

    /// <summary>Connected cmdlets that call no API at all (they only build an object): no NoPublicApi either.</summary>
    private static readonly HashSet<string> NoApiCmdlets = new(StringComparer.Ordinal) { "New-DigitalChannelsLabPod" };

    /// <summary>Every error id CommandErrors can give for a noun, found by feeding it each kind of failure.</summary>
    internal static HashSet<string> ErrorIds(string noun)
    {
        var failures = new List<Exception>
        {
            new NoPublicApiException("x", "y"), new NotConnectedException(), new IdentityNotFoundException("x", "y"), new ResourceInUseException("x"),
            new ReferenceNotFoundException("x", "y"), new WrongOrganizationException("x", "y"), new DigitalChannels.Client.Auth.Saved.SecretStoreUnavailableException("x"),
            new FileNotFoundException("x"), new InvalidDataException("x"), new ArgumentException("x"), new InvalidOperationException("x"),
            Api(WebexFailureKind.Timeout, null), Api(WebexFailureKind.Transport, null), Api(WebexFailureKind.Unreachable, null),
        };
        failures.AddRange(new[] { 400, 401, 403, 404, 409, 410, 412, 418, 423, 429, 500, 503 }.Select(s => Api(WebexFailureKind.HttpStatus, s)));
        // Every reason a server names (ErrorTable), as an answer would carry it.
        failures.AddRange(ErrorTable.ServerReasons.Select(r => new WebexApiException("failed", WebexFailureKind.HttpStatus, 418, "GET", "/x", null, null, null, null) { Reason = r.Reason }));
        return failures.Select(f => CommandErrors.From(noun, f, null).ErrorId).ToHashSet(StringComparer.Ordinal);
    }

    internal static WebexApiException Api(WebexFailureKind kind, int? status) =>
        new("failed", kind, status, "GET", "/x", null, null, "tracking", null);

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void Page_has_PlatyPS_front_matter_title_and_sections_in_order(string name)
    {
        var page = Page(name);
        Assert.True(page.FrontMatter.TryGetValue("external help file", out var helpFile) && helpFile == "DigitalChannels.PowerShell.dll-Help.xml",
            $"{name}.md: front matter should say 'external help file: DigitalChannels.PowerShell.dll-Help.xml'.");
        Assert.True(page.FrontMatter.TryGetValue("Module Name", out var module) && module == "DigitalChannels", $"{name}.md: front matter should say 'Module Name: DigitalChannels'.");
        Assert.True(page.FrontMatter.ContainsKey("online version"), $"{name}.md: front matter has no 'online version:'.");
        Assert.True(page.FrontMatter.TryGetValue("schema", out var schema) && schema == "2.0.0", $"{name}.md: front matter should say 'schema: 2.0.0'.");
        Assert.True(page.Title == name, $"{name}.md: the title is '{page.Title}', expected '# {name}'.");
        var sections = page.Sections.Select(s => s.Name).ToArray();
        Assert.True(sections.SequenceEqual(HelpPage.SectionOrder),
            $"{name}.md: the sections are {string.Join(", ", sections)}; expected {string.Join(", ", HelpPage.SectionOrder)}.");
        Assert.False(string.IsNullOrWhiteSpace(page["SYNOPSIS"]!.Text.ToString()), $"{name}.md: SYNOPSIS is empty.");
        Assert.False(string.IsNullOrWhiteSpace(page["DESCRIPTION"]!.Text.ToString()), $"{name}.md: DESCRIPTION is empty.");
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void Page_has_at_least_one_PowerShell_example(string name)
    {
        var examples = Page(name)["EXAMPLES"]!;
        Assert.True(examples.Blocks.Count > 0, $"{name}.md: EXAMPLES has no '### Example 1' block.");
        for (var i = 0; i < examples.Blocks.Count; i++)
        {
            var example = examples.Blocks[i];
            Assert.True(example.Heading.StartsWith($"Example {i + 1}", StringComparison.Ordinal), $"{name}.md: example heading '{example.Heading}' should start 'Example {i + 1}'.");
            Assert.True(example.Code.Any(c => c.Language == "powershell" && c.Text.Contains(name, StringComparison.Ordinal)),
                $"{name}.md: '{example.Heading}' has no ```powershell block that calls {name}.");
        }
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void Syntax_shows_every_parameter_set_with_its_parameters(string name)
    {
        var cmdlet = CmdletCatalog.Get(name);
        var syntax = Page(name)["SYNTAX"]!;
        var named = cmdlet.ParameterSets.Where(s => s != CmdletCatalog.AllParameterSets).ToList();
        var blocks = new List<(string Set, string Text)>();
        if (named.Count == 0)
        {
            Assert.True(syntax.Blocks.Count == 0 && syntax.Code.Count == 1, $"{name}.md: SYNTAX of a cmdlet with one parameter set should be one code block.");
            blocks.Add((CmdletCatalog.AllParameterSets, syntax.Code[0].Text));
        }
        else
        {
            var headings = syntax.Blocks.Select(b => b.Heading).ToList();
            var expected = named.Select(s => s == cmdlet.DefaultParameterSetName ? s + " (Default)" : s).ToList();
            Assert.True(headings.OrderBy(h => h).SequenceEqual(expected.OrderBy(h => h)),
                $"{name}.md: SYNTAX has the blocks {string.Join(", ", headings)}; expected {string.Join(", ", expected)}.");
            blocks.AddRange(syntax.Blocks.Select(b =>
            {
                Assert.True(b.Code.Count == 1, $"{name}.md: SYNTAX block '{b.Heading}' should hold one code block.");
                return (b.Heading.Replace(" (Default)", ""), b.Code[0].Text);
            }));
        }

        foreach (var (set, text) in blocks)
        {
            var line = Regex.Replace(text, @"\s+", " ").Trim();
            Assert.True(line.StartsWith(name + " ", StringComparison.Ordinal) && line.EndsWith("[<CommonParameters>]", StringComparison.Ordinal),
                $"{name}.md: the syntax of {set} should start with '{name}' and end with '[<CommonParameters>]': {line}");
            var shown = Regex.Matches(line, @"-(?<name>[A-Za-z]+)").Select(m => m.Groups["name"].Value).Where(n => n != name.Split('-')[1]).ToList();
            var expected = cmdlet.ParametersOf(set).Select(p => p.Name).ToList();
            if (cmdlet.SupportsShouldProcess) expected.AddRange(new[] { "WhatIf", "Confirm" });
            Assert.True(shown.OrderBy(n => n).SequenceEqual(expected.OrderBy(n => n)),
                $"{name}.md: the syntax of {set} shows {string.Join(" ", shown.Select(n => "-" + n))}; the set has {string.Join(" ", expected.Select(n => "-" + n))}.");

            foreach (var parameter in cmdlet.ParametersOf(set))
            {
                var attribute = parameter.For(set)!;
                var isSwitch = parameter.Type == typeof(SwitchParameter);
                var typeToken = isSwitch ? "" : $" <{DocTypeName(parameter.Type)}>";
                var core = attribute.Position.HasValue ? $"[-{parameter.Name}]{typeToken}" : $"-{parameter.Name}{typeToken}";
                var form = attribute.Mandatory ? core : $"[{core}]";
                Assert.True(line.Contains(form + " ", StringComparison.Ordinal),
                    $"{name}.md: the syntax of {set} should show -{parameter.Name} as '{form}' ({(attribute.Mandatory ? "mandatory" : "optional")}, {(attribute.Position.HasValue ? "positional" : "named")}): {line}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void Parameters_section_documents_exactly_the_parameters_with_their_metadata(string name)
    {
        var cmdlet = CmdletCatalog.Get(name);
        var section = Page(name)["PARAMETERS"]!;
        var documented = section.Blocks.Select(b => b.Heading).ToList();
        var expected = cmdlet.Parameters.Select(p => "-" + p.Name).ToList();
        if (cmdlet.SupportsShouldProcess) expected.AddRange(new[] { "-WhatIf", "-Confirm" });
        expected.Add("CommonParameters");

        var missing = expected.Except(documented).ToList();
        var extra = documented.Except(expected).ToList();
        Assert.True(missing.Count == 0, $"{name}.md: PARAMETERS lacks a block for {string.Join(", ", missing)}.");
        Assert.True(extra.Count == 0, $"{name}.md: PARAMETERS documents {string.Join(", ", extra)}, which {name} does not have.");
        Assert.True(documented.Count == documented.Distinct().Count(), $"{name}.md: PARAMETERS documents a parameter twice.");

        foreach (var parameter in cmdlet.Parameters)
        {
            var block = section.Blocks.Single(b => b.Heading == "-" + parameter.Name);
            Assert.False(string.IsNullOrWhiteSpace(block.Text.ToString()), $"{name}.md: -{parameter.Name} has no description.");
            var yamlBlocks = block.Code.Where(c => c.Language == "yaml").Select(c => c.Yaml()).ToList();
            Assert.True(yamlBlocks.Count > 0, $"{name}.md: -{parameter.Name} has no ```yaml block.");
            var coveredSets = new List<string>();
            foreach (var yaml in yamlBlocks)
            {
                foreach (var key in new[] { "Type", "Parameter Sets", "Aliases", "Required", "Position", "Default value", "Accept pipeline input", "Accept wildcard characters" })
                {
                    Assert.True(yaml.ContainsKey(key), $"{name}.md: a yaml block of -{parameter.Name} has no '{key}:'.");
                }
                Assert.True(yaml["Type"] == DocTypeName(parameter.Type), $"{name}.md: -{parameter.Name} is documented as {yaml["Type"]}, but is {DocTypeName(parameter.Type)}.");
                var sets = yaml["Parameter Sets"] == "(All)"
                    ? new List<string> { CmdletCatalog.AllParameterSets }
                    : yaml["Parameter Sets"].Split(',').Select(s => s.Trim()).ToList();
                coveredSets.AddRange(sets);
                foreach (var set in sets)
                {
                    var attribute = parameter.Attributes.FirstOrDefault(a => a.SetName == set);
                    Assert.True(attribute != null, $"{name}.md: -{parameter.Name} is documented in the set '{set}', which it is not in.");
                    Assert.True(yaml["Required"] == (attribute!.Mandatory ? "True" : "False"), $"{name}.md: -{parameter.Name} Required: {yaml["Required"]}, but Mandatory is {attribute.Mandatory} in {set}.");
                    var position = attribute.Position?.ToString() ?? "Named";
                    Assert.True(yaml["Position"] == position, $"{name}.md: -{parameter.Name} Position: {yaml["Position"]}, expected {position} in {set}.");
                    var pipeline = new[] { attribute.ValueFromPipeline ? "ByValue" : null, attribute.ValueFromPipelineByPropertyName ? "ByPropertyName" : null }.Where(p => p != null).ToList();
                    var expectedPipeline = pipeline.Count == 0 ? "False" : $"True ({string.Join(", ", pipeline)})";
                    Assert.True(yaml["Accept pipeline input"] == expectedPipeline, $"{name}.md: -{parameter.Name} Accept pipeline input: {yaml["Accept pipeline input"]}, expected {expectedPipeline} in {set}.");
                }
                Assert.True(yaml["Accept wildcard characters"] == (parameter.SupportsWildcards ? "True" : "False"),
                    $"{name}.md: -{parameter.Name} Accept wildcard characters: {yaml["Accept wildcard characters"]}, but [SupportsWildcards] is {(parameter.SupportsWildcards ? "" : "not ")}declared.");
                Assert.True(yaml["Aliases"] == string.Join(", ", parameter.Aliases), $"{name}.md: -{parameter.Name} Aliases: '{yaml["Aliases"]}', expected '{string.Join(", ", parameter.Aliases)}'.");
                if (parameter.ValidateSet != null)
                {
                    Assert.True(yaml.TryGetValue("Accepted values", out var accepted) && accepted == string.Join(", ", parameter.ValidateSet),
                        $"{name}.md: -{parameter.Name} should list 'Accepted values: {string.Join(", ", parameter.ValidateSet)}'.");
                }
            }
            var actualSets = parameter.Attributes.Select(a => a.SetName).OrderBy(s => s).ToList();
            Assert.True(coveredSets.OrderBy(s => s).SequenceEqual(actualSets),
                $"{name}.md: -{parameter.Name} is documented for the sets {string.Join(", ", coveredSets)}; it is in {string.Join(", ", actualSets)}.");
        }
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void Outputs_and_inputs_name_the_real_types(string name)
    {
        var cmdlet = CmdletCatalog.Get(name);
        var page = Page(name);
        var outputs = page["OUTPUTS"]!.AllText;
        foreach (var type in cmdlet.OutputTypes.OfType<Type>())
        {
            var expected = type == typeof(void) ? "None" : type.FullName!;
            Assert.True(outputs.Contains(expected, StringComparison.Ordinal), $"{name}.md: OUTPUTS should name {expected}.");
        }
        var inputs = page["INPUTS"]!.AllText;
        var byValue = cmdlet.Parameters.Where(p => p.Attributes.Any(a => a.ValueFromPipeline)).ToList();
        foreach (var parameter in byValue)
        {
            Assert.True(inputs.Contains(parameter.Type.FullName!, StringComparison.Ordinal), $"{name}.md: INPUTS should name {parameter.Type.FullName} (-{parameter.Name} takes it from the pipeline).");
        }
        if (!cmdlet.Parameters.Any(p => p.Attributes.Any(a => a.ValueFromPipeline || a.ValueFromPipelineByPropertyName)))
        {
            Assert.True(inputs.Contains("None", StringComparison.Ordinal), $"{name}.md: INPUTS should say None: nothing binds from the pipeline.");
        }
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void Notes_name_real_error_ids(string name)
    {
        var cmdlet = CmdletCatalog.Get(name);
        var notes = Page(name)["NOTES"]!.AllText;
        var noun = ErrorNoun(cmdlet);
        var known = ErrorIds(noun);
        var mentioned = Regex.Matches(notes, @"`(?<id>[A-Za-z]+)`").Select(m => m.Groups["id"].Value)
            .Where(id => id.StartsWith(noun, StringComparison.Ordinal) || id == "NotConnected").Distinct().ToList();
        Assert.True(mentioned.Count > 0, $"{name}.md: NOTES names no error id (`{noun}...`).");
        foreach (var id in mentioned)
        {
            Assert.True(known.Contains(id), $"{name}.md: NOTES names `{id}`, which CommandErrors never raises for {noun}.");
        }
        if (cmdlet.IsConnected && (PublicApiCmdlets.Contains(name) || NoApiCmdlets.Contains(name)))
        {
            Assert.True(mentioned.Contains("NotConnected"), $"{name}.md: NOTES should name `NotConnected`.");
            Assert.False(mentioned.Contains(noun + "NoPublicApi"), $"{name}.md: {name} uses a public API and never raises `{noun}NoPublicApi`.");
        }
        else if (cmdlet.IsConnected)
        {
            Assert.True(mentioned.Contains("NotConnected"), $"{name}.md: NOTES should name `NotConnected`.");
            Assert.True(mentioned.Contains(noun + "NoPublicApi") && notes.Contains("portal", StringComparison.OrdinalIgnoreCase),
                $"{name}.md: NOTES should say that against a live tenant the cmdlet stops with `{noun}NoPublicApi`, naming the portal page.");
        }
        Assert.Contains("FullyQualifiedErrorId", notes);
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void Related_links_point_somewhere(string name)
    {
        var related = Page(name)["RELATED LINKS"]!.AllText;
        Assert.True(Regex.IsMatch(related, @"\[[^\]]+\]\([^)]+\)"), $"{name}.md: RELATED LINKS has no link.");
    }

    /// <summary>
    /// docs/ also holds other guides (e.g. the sandbox's): a page is cmdlet help when it is named Verb-Noun or has
    /// PlatyPS's "external help file" front matter, and then its cmdlet must exist.
    /// </summary>
    [Fact]
    public void No_help_page_documents_a_cmdlet_that_does_not_exist()
    {
        var cmdlets = CmdletCatalog.All.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var helpPages = 0;
        foreach (var file in Directory.EnumerateFiles(DocsFolder, "*.md"))
        {
            var page = Path.GetFileNameWithoutExtension(file);
            var looksLikeCmdlet = Regex.IsMatch(page, "^[A-Z][a-z]+-[A-Z][A-Za-z]+$");
            var isCommandHelp = HelpPage.Load(file).FrontMatter.ContainsKey("external help file");
            if (!looksLikeCmdlet && !isCommandHelp) continue;
            helpPages++;
            Assert.True(cmdlets.Contains(page), $"docs/{page}.md is cmdlet help, but the module has no cmdlet {page}.");
        }
        Assert.Equal(cmdlets.Count, helpPages);
    }

    [Fact]
    public void Module_page_links_every_cmdlet()
    {
        var text = Repository.ReadText("docs", "DigitalChannels.md");
        foreach (var cmdlet in CmdletCatalog.All)
        {
            Assert.True(text.Contains($"[{cmdlet.Name}]({cmdlet.Name}.md)", StringComparison.Ordinal), $"docs/DigitalChannels.md does not link {cmdlet.Name}.");
        }
        Assert.Contains("Module Name: DigitalChannels", text);
    }

    /// <summary>The about topic's status table must say what CommandErrors really does, row by row.</summary>
    [Theory]
    [InlineData("400", 400)]
    [InlineData("401", 401)]
    [InlineData("403", 403)]
    [InlineData("404", 404)]
    [InlineData("409", 409)]
    [InlineData("412", 412)]
    [InlineData("423", 423)]
    [InlineData("429", 429)]
    [InlineData("5xx", 503)]
    [InlineData("Other 4xx", 418)]
    [InlineData("Timeout", -1)]
    [InlineData("No answer", -2)]
    public void About_errors_table_matches_CommandErrors(string label, int status)
    {
        var text = Repository.ReadText("docs", "about_DigitalChannels_Errors.md");
        var exception = status switch
        {
            -1 => Api(WebexFailureKind.Timeout, null),
            -2 => Api(WebexFailureKind.Transport, null),
            _ => Api(WebexFailureKind.HttpStatus, status),
        };
        var error = CommandErrors.From("ConnectService", exception, null);
        var reason = error.ErrorId.Substring("ConnectService".Length);
        var row = text.Split('\n').Select(l => l.Trim())
            .Where(l => l.StartsWith("|", StringComparison.Ordinal))
            .Select(l => l.Trim('|').Split('|').Select(c => c.Trim().Trim('`')).ToArray())
            .FirstOrDefault(cells => cells[0] == label);
        Assert.True(row != null, $"about_DigitalChannels_Errors.md has no table row '| {label} |'.");
        Assert.True(row!.Contains("{Noun}" + reason), $"about_DigitalChannels_Errors.md: the row '{label}' should give the id {{Noun}}{reason}.");
        Assert.True(row.Contains(error.Category.ToString()), $"about_DigitalChannels_Errors.md: the row '{label}' should give the category {error.Category}.");
        var terminating = CommandErrors.EndsCommand(exception) ? "Terminating" : "Non-terminating";
        Assert.True(row.Contains(terminating), $"about_DigitalChannels_Errors.md: the row '{label}' should say {terminating}.");
    }

    /// <summary>How PlatyPS writes a parameter type: the short name, with [] for arrays.</summary>
    private static string DocTypeName(Type type) => type.Name;
}
