namespace DigitalChannels.HelpBuilder.Commands;

/// <summary>One cmdlet's help, as read from its page: what the MAML holds.</summary>
internal sealed class CommandHelp
{
    public required string Name { get; init; }
    /// <summary>The front matter's "external help file": the MAML file this command goes into.</summary>
    public required string HelpFile { get; init; }
    /// <summary>The front matter's "online version": the address Get-Help -Online opens.</summary>
    public required string OnlineVersion { get; init; }
    public required string Synopsis { get; init; }
    public required IReadOnlyList<string> Description { get; init; }
    public required IReadOnlyList<SyntaxItem> Syntax { get; init; }
    public required IReadOnlyList<ParameterHelp> Parameters { get; init; }
    public required IReadOnlyList<TypeHelp> Inputs { get; init; }
    public required IReadOnlyList<TypeHelp> Outputs { get; init; }
    public required IReadOnlyList<string> Notes { get; init; }
    public required IReadOnlyList<ExampleHelp> Examples { get; init; }
    public required IReadOnlyList<LinkHelp> RelatedLinks { get; init; }

    public string Verb => Name.Contains('-') ? Name.Substring(0, Name.IndexOf('-')) : Name;
    public string Noun => Name.Contains('-') ? Name.Substring(Name.IndexOf('-') + 1) : "";
}

/// <summary>One parameter set of the SYNTAX section: its parameters in the order the page shows them.</summary>
internal sealed record SyntaxItem(string SetName, bool IsDefault, IReadOnlyList<SyntaxParameter> Parameters);

/// <summary>A parameter as it is in one set (mandatory, position and pipeline input differ from set to set).</summary>
internal sealed record SyntaxParameter(ParameterHelp Parameter, ParameterSetUse Use);

internal sealed class ParameterHelp
{
    public required string Name { get; init; }
    /// <summary>The type as the page writes it (String, String[], SwitchParameter, ...).</summary>
    public required string Type { get; init; }
    public required IReadOnlyList<string> Description { get; init; }
    public required IReadOnlyList<string> Aliases { get; init; }
    public required IReadOnlyList<string> AcceptedValues { get; init; }
    public required string DefaultValue { get; init; }
    public required bool Globbing { get; init; }
    /// <summary>One entry per yaml block of the parameter.</summary>
    public required IReadOnlyList<ParameterSetUse> Uses { get; init; }

    public bool IsSwitch => Type is "SwitchParameter" or "System.Management.Automation.SwitchParameter" or "switch";
    public bool IsArray => Type.EndsWith("[]", StringComparison.Ordinal);

    public ParameterSetUse? UseIn(string setName) =>
        Uses.FirstOrDefault(u => u.AllSets || u.SetNames.Contains(setName, StringComparer.Ordinal));
}

/// <summary>The metadata of one yaml block: the sets it is for ("(All)" or names) and how the parameter binds there.</summary>
internal sealed record ParameterSetUse(bool AllSets, IReadOnlyList<string> SetNames, bool Required, string Position, bool ByValue, bool ByPropertyName)
{
    /// <summary>As Get-Help shows it: "True (ByValue, ByPropertyName)" or "False".</summary>
    public string PipelineInput =>
        !ByValue && !ByPropertyName ? "False"
        : $"True ({string.Join(", ", new[] { ByValue ? "ByValue" : null, ByPropertyName ? "ByPropertyName" : null }.Where(p => p != null))})";
}

internal sealed record TypeHelp(string TypeName, IReadOnlyList<string> Description);

internal sealed record ExampleHelp(string Title, string Code, IReadOnlyList<string> Remarks);

/// <summary>A related link; Uri is empty for another help topic (Get-Help shows its name).</summary>
internal sealed record LinkHelp(string Text, string Uri);
