using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Reflection;
using DigitalChannels.PowerShell.Base;

namespace DigitalChannels.PowerShell.Tests;

/// <summary>
/// What PowerShell would see of each cmdlet, read by reflection. PowerShellStandard.Library's attribute classes are
/// stubs whose properties return defaults at run time, so every attribute is read from its metadata
/// (<see cref="CustomAttributeData"/>), never by instantiating it.
/// </summary>
internal static class CmdletCatalog
{
    public const string AllParameterSets = "__AllParameterSets";

    public static Assembly CmdletAssembly { get; } = typeof(DigitalChannelsCmdlet).Assembly;

    public static IReadOnlyList<CmdletFacts> All { get; } = CmdletAssembly.GetExportedTypes()
        .Where(t => t.IsClass && !t.IsAbstract && typeof(Cmdlet).IsAssignableFrom(t))
        .Select(t => new CmdletFacts(t))
        .OrderBy(c => c.Name, StringComparer.Ordinal)
        .ToList();

    /// <summary>xUnit member data: one case per cmdlet, named by "Verb-Noun".</summary>
    public static TheoryData<string> Names
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var cmdlet in All) data.Add(cmdlet.Name);
            return data;
        }
    }

    public static CmdletFacts Get(string name) =>
        All.SingleOrDefault(c => c.Name == name) ?? throw new InvalidOperationException($"No cmdlet {name} in {CmdletAssembly.GetName().Name}.");

    internal static CustomAttributeData? Find(IEnumerable<CustomAttributeData> attributes, Type type) =>
        attributes.FirstOrDefault(a => a.AttributeType == type);

    internal static object? Named(CustomAttributeData attribute, string name) =>
        attribute.NamedArguments.Where(a => a.MemberName == name).Select(a => a.TypedValue.Value).FirstOrDefault();

    /// <summary>The values of a params-array constructor argument (ValidateSet, Alias, OutputType).</summary>
    internal static IEnumerable<object?> ParamsValues(CustomAttributeData attribute) =>
        attribute.ConstructorArguments.SelectMany(argument => argument.Value is ReadOnlyCollection<CustomAttributeTypedArgument> items
            ? items.Select(i => i.Value)
            : new[] { argument.Value });
}

internal sealed class CmdletFacts
{
    public CmdletFacts(Type type)
    {
        Type = type;
        var attributes = type.GetCustomAttributesData();
        CmdletAttribute = CmdletCatalog.Find(attributes, typeof(CmdletAttribute))
            ?? throw new InvalidOperationException($"{type.FullName} derives from Cmdlet but has no [Cmdlet] attribute.");
        Verb = (string)CmdletAttribute.ConstructorArguments[0].Value!;
        Noun = (string)CmdletAttribute.ConstructorArguments[1].Value!;
        OutputTypes = attributes.Where(a => a.AttributeType == typeof(OutputTypeAttribute)).SelectMany(CmdletCatalog.ParamsValues).ToList();
        Parameters = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => new ParameterFacts(p))
            .Where(p => p.Attributes.Count > 0)
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ToList();
        var named = Parameters.SelectMany(p => p.Attributes).Select(a => a.SetName).Where(s => s != CmdletCatalog.AllParameterSets).Distinct().ToList();
        if (DefaultParameterSetName != null && !named.Contains(DefaultParameterSetName)) named.Insert(0, DefaultParameterSetName);
        ParameterSets = named.Count > 0 ? named : new List<string> { CmdletCatalog.AllParameterSets };
    }

    public Type Type { get; }
    public CustomAttributeData CmdletAttribute { get; }
    public string Verb { get; }
    public string Noun { get; }
    public string Name => Verb + "-" + Noun;
    public bool SupportsShouldProcess => CmdletCatalog.Named(CmdletAttribute, nameof(System.Management.Automation.CmdletAttribute.SupportsShouldProcess)) is true;

    /// <summary>ConfirmImpact as declared; Medium (the engine's default) when not named.</summary>
    public ConfirmImpact ConfirmImpact =>
        CmdletCatalog.Named(CmdletAttribute, nameof(System.Management.Automation.CmdletAttribute.ConfirmImpact)) is int value ? (ConfirmImpact)value : ConfirmImpact.Medium;

    public string? DefaultParameterSetName => CmdletCatalog.Named(CmdletAttribute, nameof(System.Management.Automation.CmdletAttribute.DefaultParameterSetName)) as string;

    /// <summary>Types (or type names) from every [OutputType].</summary>
    public IReadOnlyList<object?> OutputTypes { get; }

    public IReadOnlyList<ParameterFacts> Parameters { get; }

    /// <summary>The named parameter sets, or only "__AllParameterSets" when the cmdlet names none.</summary>
    public IReadOnlyList<string> ParameterSets { get; }

    public bool IsConnected => typeof(DigitalChannelsConnectedCmdlet).IsAssignableFrom(Type);

    /// <summary>The parameters PowerShell offers in one set: those of that set, and those of all sets.</summary>
    public IEnumerable<ParameterFacts> ParametersOf(string set) =>
        Parameters.Where(p => p.Attributes.Any(a => a.SetName == set || a.SetName == CmdletCatalog.AllParameterSets));

    public override string ToString() => Name;
}

internal sealed class ParameterFacts
{
    public ParameterFacts(PropertyInfo property)
    {
        Property = property;
        var attributes = property.GetCustomAttributesData();
        Attributes = attributes.Where(a => a.AttributeType == typeof(ParameterAttribute)).Select(a => new ParameterAttributeFacts(a)).ToList();
        SupportsWildcards = attributes.Any(a => a.AttributeType == typeof(SupportsWildcardsAttribute));
        var validateSet = CmdletCatalog.Find(attributes, typeof(ValidateSetAttribute));
        ValidateSet = validateSet == null ? null : CmdletCatalog.ParamsValues(validateSet).Cast<string>().ToList();
        Aliases = attributes.Where(a => a.AttributeType == typeof(AliasAttribute)).SelectMany(CmdletCatalog.ParamsValues).Cast<string>().ToList();
    }

    public PropertyInfo Property { get; }
    public string Name => Property.Name;
    public Type Type => Property.PropertyType;
    public IReadOnlyList<ParameterAttributeFacts> Attributes { get; }
    public bool SupportsWildcards { get; }
    public IReadOnlyList<string>? ValidateSet { get; }
    public IReadOnlyList<string> Aliases { get; }
    public bool InAllSets => Attributes.Any(a => a.SetName == CmdletCatalog.AllParameterSets);

    /// <summary>The attribute that applies in a set: the set's own, else the all-sets one.</summary>
    public ParameterAttributeFacts? For(string set) =>
        Attributes.FirstOrDefault(a => a.SetName == set) ?? Attributes.FirstOrDefault(a => a.SetName == CmdletCatalog.AllParameterSets);

    public override string ToString() => "-" + Name;
}

internal sealed class ParameterAttributeFacts
{
    public ParameterAttributeFacts(CustomAttributeData data)
    {
        SetName = CmdletCatalog.Named(data, nameof(ParameterAttribute.ParameterSetName)) as string ?? CmdletCatalog.AllParameterSets;
        Mandatory = CmdletCatalog.Named(data, nameof(ParameterAttribute.Mandatory)) is true;
        Position = CmdletCatalog.Named(data, nameof(ParameterAttribute.Position)) is int position ? position : (int?)null;
        ValueFromPipeline = CmdletCatalog.Named(data, nameof(ParameterAttribute.ValueFromPipeline)) is true;
        ValueFromPipelineByPropertyName = CmdletCatalog.Named(data, nameof(ParameterAttribute.ValueFromPipelineByPropertyName)) is true;
        HelpMessage = CmdletCatalog.Named(data, nameof(ParameterAttribute.HelpMessage)) as string;
    }

    public string SetName { get; }
    public bool Mandatory { get; }
    public int? Position { get; }
    public bool ValueFromPipeline { get; }
    public bool ValueFromPipelineByPropertyName { get; }
    public string? HelpMessage { get; }
}
