using System.Collections;
using System.Management.Automation;
using DigitalChannels.Client.Completion;
using DigitalChannels.Client.Connect;
using DigitalChannels.Client.Connect.Flows;
using DigitalChannels.Client.Connect.Teammates;
using DigitalChannels.Client.ContactCenter;
using DigitalChannels.PowerShell.Base;
using DigitalChannels.PowerShell.Base.Completion;

namespace DigitalChannels.PowerShell.Tests;

/// <summary>
/// Issue 11 points 3 and 4 across every cmdlet: each parameter that names a tenant object completes from the tenant
/// and takes wildcards; Get-/Set-/Remove- take names from the pipeline; enum parameters take the lab guide's words.
/// </summary>
public class CompletionAndPipelineTests
{
    /// <summary>The parameter types that name one tenant object, and the kind their completer must list.</summary>
    private static readonly Dictionary<Type, TenantObjectKind> IdentityKinds = new()
    {
        [typeof(ConnectServiceIdentity)] = TenantObjectKind.ConnectService,
        [typeof(ConnectFlowIdentity)] = TenantObjectKind.ConnectFlow,
        [typeof(ConnectFlowIdentity[])] = TenantObjectKind.ConnectFlow,
        [typeof(ConnectTeammateIdentity)] = TenantObjectKind.ConnectTeammate,
        [typeof(ConnectGroupIdentity)] = TenantObjectKind.ConnectGroup,
        [typeof(ConnectTeamIdentity)] = TenantObjectKind.ConnectTeam,
        [typeof(SiteIdentity)] = TenantObjectKind.WxccSite,
        [typeof(TeamIdentity)] = TenantObjectKind.WxccTeam,
        [typeof(MultimediaProfileIdentity)] = TenantObjectKind.WxccMultimediaProfile,
        [typeof(DesktopProfileIdentity)] = TenantObjectKind.WxccDesktopProfile,
        [typeof(WxccUserIdentity[])] = TenantObjectKind.WxccUser,
        [typeof(DigitalChannels.Client.Connect.Templates.ConnectTemplateIdentity)] = TenantObjectKind.ConnectTemplate,
    };

    /// <summary>String parameters that name Contact Center objects by name (resolved by ContactCenterNames).</summary>
    private static readonly Dictionary<string, TenantObjectKind> NamedByString = new()
    {
        ["Site"] = TenantObjectKind.WxccSite,
        ["Team"] = TenantObjectKind.WxccTeam,
        ["MultimediaProfile"] = TenantObjectKind.WxccMultimediaProfile,
        ["DesktopProfile"] = TenantObjectKind.WxccDesktopProfile,
    };

    private static TenantNameCompleter? CompleterOf(ParameterFacts parameter)
    {
        // By CustomAttributeData, as CmdletCatalog reads attributes: the cmdlets are built against PowerShellStandard.
        var attribute = CmdletCatalog.Find(parameter.Property.GetCustomAttributesData(), typeof(ArgumentCompleterAttribute));
        return attribute?.ConstructorArguments.FirstOrDefault().Value is Type type ? Activator.CreateInstance(type) as TenantNameCompleter : null;
    }

    public static TheoryData<string, string> TenantObjectParameters()
    {
        var data = new TheoryData<string, string>();
        foreach (var cmdlet in CmdletCatalog.All)
        foreach (var parameter in cmdlet.Parameters)
        {
            if (IdentityKinds.ContainsKey(parameter.Type) || (parameter.Type == typeof(string) || parameter.Type == typeof(string[])) && NamedByString.ContainsKey(parameter.Name) || parameter.Name == "Service")
                data.Add(cmdlet.Name, parameter.Name);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(TenantObjectParameters))]
    public void Every_parameter_that_names_a_tenant_object_completes_its_kind_and_takes_wildcards(string cmdletName, string parameterName)
    {
        var parameter = CmdletCatalog.Get(cmdletName).Parameters.Single(p => p.Name == parameterName);
        var expected = IdentityKinds.TryGetValue(parameter.Type, out var kind) ? kind : parameterName == "Service" ? TenantObjectKind.ConnectService : NamedByString[parameterName];
        var completer = CompleterOf(parameter);
        Assert.True(completer != null, $"{cmdletName} -{parameterName} has no tenant-name completer.");
        Assert.Equal(expected, completer!.Kind);
        Assert.True(parameter.SupportsWildcards, $"{cmdletName} -{parameterName} looks names up, so it takes wildcards: declare [SupportsWildcards].");
    }

    [Theory]
    [InlineData("Get-ConnectService", "Name", TenantObjectKind.ConnectService)]
    [InlineData("Get-ConnectFlow", "Name", TenantObjectKind.ConnectFlow)]
    [InlineData("Get-ConnectTeammate", "Email", TenantObjectKind.ConnectTeammate)]
    [InlineData("Get-ConnectGroup", "Name", TenantObjectKind.ConnectGroup)]
    [InlineData("Get-ConnectTeam", "Name", TenantObjectKind.ConnectTeam)]
    [InlineData("Get-WxccSite", "Name", TenantObjectKind.WxccSite)]
    [InlineData("Get-WxccTeam", "Name", TenantObjectKind.WxccTeam)]
    [InlineData("Get-WxccMultimediaProfile", "Name", TenantObjectKind.WxccMultimediaProfile)]
    [InlineData("Get-WxccDesktopProfile", "Name", TenantObjectKind.WxccDesktopProfile)]
    [InlineData("Get-WxccUser", "Email", TenantObjectKind.WxccUser)]
    [InlineData("Get-ConnectTemplate", "Name", TenantObjectKind.ConnectTemplate)]
    public void Get_cmdlets_complete_names_and_take_them_from_the_pipeline(string cmdletName, string parameterName, TenantObjectKind kind)
    {
        var parameter = CmdletCatalog.Get(cmdletName).Parameters.Single(p => p.Name == parameterName);
        Assert.Equal(kind, CompleterOf(parameter)?.Kind);
        if (cmdletName == "Get-ConnectFlow") return; // -Name by property would take a piped service's name as a flow name: -Service binds instead
        Assert.All(parameter.Attributes, a => Assert.True(a.ValueFromPipeline && a.ValueFromPipelineByPropertyName, $"{cmdletName} -{parameterName} should bind by value and by property name."));
    }

    public static TheoryData<string> SetAndRemoveCmdlets()
    {
        var data = new TheoryData<string>();
        foreach (var cmdlet in CmdletCatalog.All.Where(c => (c.Verb == "Set" || c.Verb == "Remove" || c.Name is "Grant-DecryptLogs" or "Revoke-DecryptLogs")
                     && c.Parameters.Any(p => p.Name == "Identity" && IdentityKinds.ContainsKey(p.Type))))
            data.Add(cmdlet.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(SetAndRemoveCmdlets))]
    public void Set_and_Remove_take_the_object_or_its_name_from_the_pipeline(string cmdletName)
    {
        var identity = CmdletCatalog.Get(cmdletName).Parameters.Single(p => p.Name == "Identity");
        Assert.All(identity.Attributes, a => Assert.True(a.ValueFromPipeline && a.ValueFromPipelineByPropertyName));
        var byName = identity.Type == typeof(ConnectTeammateIdentity) || identity.Type == typeof(WxccUserIdentity[]) ? "Email" : "Name";
        Assert.Contains(byName, identity.Aliases);
    }

    [Fact]
    public void Get_ConnectFlow_needs_no_service()
    {
        Assert.All(CmdletCatalog.Get("Get-ConnectFlow").Parameters, p => Assert.All(p.Attributes, a => Assert.False(a.Mandatory, $"-{p.Name} is mandatory")));
    }

    [Fact]
    public void Role_offers_and_accepts_only_the_roles_that_may_be_given()
    {
        foreach (var name in new[] { "New-ConnectTeammate", "Set-ConnectTeammate" })
        {
            var role = CmdletCatalog.Get(name).Parameters.Single(p => p.Name == "Role");
            Assert.Equal(ConnectTeammateRoles.Settable.Select(r => r.ToString()), role.ValidateSet);
            Assert.DoesNotContain("Owner", role.ValidateSet!);
        }
    }

    public static TheoryData<string, string> EnumParameters()
    {
        var data = new TheoryData<string, string>();
        foreach (var cmdlet in CmdletCatalog.All)
        foreach (var parameter in cmdlet.Parameters.Where(p => p.Type.IsEnum && p.Type.Assembly == typeof(ConnectTeammateRole).Assembly))
            data.Add(cmdlet.Name, parameter.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(EnumParameters))]
    public void Every_enum_parameter_takes_the_words_of_the_lab_guide(string cmdletName, string parameterName)
    {
        var parameter = CmdletCatalog.Get(cmdletName).Parameters.Single(p => p.Name == parameterName);
        var words = CmdletCatalog.Find(parameter.Property.GetCustomAttributesData(), typeof(EnumWordsAttribute));
        Assert.True(words != null, $"{cmdletName} -{parameterName} has no [EnumWords].");
        Assert.Equal(parameter.Type, words!.ConstructorArguments[0].Value);
    }

    // PowerShellStandard's SMA here is stubs (PSObject, WildcardPattern, CompletionResult return defaults): what needs the
    // real engine (quoting in results, wildcard prefixes, piped PSObjects) is tested by Pester in Shell.Tests.ps1.

    [Fact]
    public void EnumWords_turns_words_into_the_value_and_leaves_anything_else_to_PowerShell()
    {
        var attribute = new EnumWordsAttribute(typeof(ConnectTeammateRole));
        Assert.Equal(ConnectTeammateRole.FullAccess, attribute.Transform(null!, "Full Access"));
        Assert.Equal(new object[] { ConnectFlowKind.TaskRouted, "Nonsense" }, (object[])new EnumWordsAttribute(typeof(ConnectFlowKind)).Transform(null!, new object[] { "Task Routed", "Nonsense" }));
        Assert.Equal("Administrator", attribute.Transform(null!, "Administrator"));
        Assert.Equal(ConnectTeammateRole.Restricted, attribute.Transform(null!, ConnectTeammateRole.Restricted));
    }

    [Theory]
    [InlineData(null, "Lab A", "'Lab A'")]
    [InlineData('\'', "Lab", "'Lab'")]
    [InlineData('"', "Lab $A `x\"", "\"Lab `$A ``x`\"\"")]
    [InlineData(null, "Site", "Site")]
    [InlineData(null, "O'Brien", "'O''Brien'")]
    [InlineData(null, "a@example.com", "'a@example.com'")]
    public void Names_are_quoted_when_needed_in_the_users_quote(char? quote, string name, string expected) =>
        Assert.Equal(expected, CompletionText.Quote(name, quote));

    [Fact]
    public void The_scope_and_the_connection_come_from_the_command_line()
    {
        Assert.Equal("Agnostic*", TenantNameCompleter.ScopeOf(" Agnostic* "));
        Assert.Equal("Lab A", TenantNameCompleter.ScopeOf(new ConnectServiceIdentity("Lab A")));
        var id = "0f8fad5b-d9cb-469f-a165-70867728950e";
        Assert.Equal(id, TenantNameCompleter.ScopeOf(new ConnectService { Id = id, Name = "Lab A" }));
        Assert.Equal(id, TenantNameCompleter.ScopeOf(new ConnectServiceIdentity(id)));
        Assert.Null(TenantNameCompleter.ScopeOf(42));
        Assert.Null(TenantNameCompleter.ScopeOf("  "));
        Assert.Null(TenantNameCompleter.ConnectionOf(new Hashtable { ["Connection"] = "not a connection" }));
        Assert.Null(TenantNameCompleter.ConnectionOf(new Hashtable()));
    }

    [Fact]
    public void Without_a_connection_completion_offers_nothing_and_raises_nothing()
    {
        var results = new ConnectServiceNameCompleter().CompleteArgument("Get-ConnectService", "Name", "", null!, new Hashtable());
        Assert.Empty(results);
    }
}
