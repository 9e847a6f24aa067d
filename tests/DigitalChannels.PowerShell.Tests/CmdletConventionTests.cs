using System.Management.Automation;
using System.Reflection;
using System.Security;
using DigitalChannels.Client;
using DigitalChannels.PowerShell.Base;

namespace DigitalChannels.PowerShell.Tests;

/// <summary>
/// The meta tests of powershell-practices §1.18, over every public cmdlet in the assembly: approved verb, noun prefix,
/// ShouldProcess on state changes, [OutputType], the -Connection convention and named parameter-set constants.
/// </summary>
public class CmdletConventionTests
{
    /// <summary>Product prefixes: DigitalChannels* (the module itself), Connect* (Webex Connect), Engage*, Wxcc* (future).</summary>
    public static readonly string[] NounPrefixes = { "DigitalChannels", "Connect", "Engage", "Wxcc" };

    /// <summary>
    /// The only cmdlets allowed a noun without a product prefix, by full name (not by noun, so e.g. a Get-DecryptLogs
    /// would still fail): named by the product brief; 'Decrypt Logs' is the Connect portal's own name for the permission.
    /// </summary>
    public static readonly string[] UnprefixedNounExceptions = { "Grant-DecryptLogs", "Revoke-DecryptLogs" };

    /// <summary>Verbs that change state somewhere: their cmdlets must support -WhatIf and -Confirm.</summary>
    public static readonly string[] StateChangingVerbs =
    {
        "New", "Set", "Remove", "Add", "Update", "Enable", "Disable", "Start", "Stop", "Grant", "Revoke", "Import",
        "Publish", "Save", "Sync", "Invoke", "Install", "Register", "Unregister", "Reset", "Clear", "Move", "Rename",
    };

    /// <summary>The cmdlets that manage the session's connection and so take no -Connection themselves.</summary>
    public static readonly string[] ConnectionCmdlets = { "Connect-DigitalChannels", "Disconnect-DigitalChannels", "Get-DigitalChannelsConnection", "Select-DigitalChannelsConnection" };

    /// <summary>Cmdlets that only read local files and reach no tenant: no -Connection (it would be a lie).</summary>
    public static readonly string[] LocalFileCmdlets = { "Get-DigitalChannelsLabDefinition" };

    /// <summary>
    /// 'New' cmdlets that only build an object in memory, like New-TimeSpan or New-PSSessionOption: no -WhatIf, because
    /// under -WhatIf (or $WhatIfPreference in a dry-run script) they must still return the object for the commands after them.
    /// </summary>
    public static readonly string[] InMemoryNewCmdlets = { "New-DigitalChannelsLabPod" };

    public static TheoryData<string> Cmdlets => CmdletCatalog.Names;

    private static readonly Lazy<HashSet<string>> ApprovedVerbs = new(() => new HashSet<string>(
        new[] { typeof(VerbsCommon), typeof(VerbsData), typeof(VerbsLifecycle), typeof(VerbsDiagnostic), typeof(VerbsCommunications), typeof(VerbsSecurity), typeof(VerbsOther) }
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!),
        StringComparer.Ordinal));

    [Fact]
    public void The_assembly_has_the_expected_cmdlets()
    {
        var names = CmdletCatalog.All.Select(c => c.Name).OrderBy(n => n, StringComparer.Ordinal).ToArray();
        Assert.Equal(new[]
        {
            "Add-ConnectNodeAuthorization", "Add-EngageBlockedWord", "Compare-DigitalChannelsLab", "Complete-ConnectTeammateInvitation",
            "Connect-DigitalChannels", "Disconnect-DigitalChannels", "Export-DigitalChannelsLab", "Get-ConnectAsset", "Get-ConnectFlow", "Get-ConnectGroup",
            "Get-ConnectIntegration", "Get-ConnectRule", "Get-ConnectService", "Get-ConnectTeam", "Get-ConnectTeammate",
            "Get-ConnectTemplate", "New-ConnectTemplate", "Set-ConnectTemplate", "Remove-ConnectTemplate",
            "Get-ConnectTenantSetting", "Set-ConnectTenantSetting", "Get-ConnectProfile", "Set-ConnectProfile",
            "Get-DigitalChannelsConnection", "Get-DigitalChannelsLabDefinition", "Get-DigitalChannelsProvisioning", "Get-DigitalChannelsSandboxMail",
            "Get-EngageAttachmentSetting", "Get-EngageBlockedWord", "Get-EngageChannelAsset", "Get-EngageTemplate",
            "Get-EngageTranscript", "Get-EngageUser", "Get-EngageWorkingHours", "Get-WxccDesktopProfile",
            "Get-WxccMultimediaProfile", "Get-WxccRonaTimeout", "Get-WxccSite", "Get-WxccTeam", "Get-WxccUser",
            "Grant-DecryptLogs", "Import-ConnectFlow", "Invoke-DigitalChannelsLab", "New-ConnectApp", "New-ConnectFlow", "New-ConnectGroup",
            "New-ConnectService", "New-ConnectTeam", "New-ConnectTeammate", "New-DigitalChannelsLabPod", "New-DigitalChannelsSandboxTenant",
            "New-EngageTemplate", "New-EngageWorkingHours", "New-WxccDesktopProfile", "New-WxccMultimediaProfile", "New-WxccSite",
            "New-WxccTeam", "Publish-ConnectFlow", "Remove-ConnectApp", "Remove-ConnectFlow", "Remove-ConnectGroup",
            "Remove-ConnectService", "Remove-ConnectTeam", "Remove-ConnectTeammate", "Remove-EngageBlockedWord",
            "Remove-EngageTemplate", "Remove-EngageWorkingHours", "Remove-WxccDesktopProfile", "Remove-WxccMultimediaProfile",
            "Remove-WxccSite", "Remove-WxccTeam", "Revoke-DecryptLogs", "Save-ConnectFlow", "Select-DigitalChannelsConnection", "Set-ConnectRule",
            "Set-ConnectApp", "Set-ConnectService", "Set-ConnectTeammate", "Set-EngageAttachmentSetting", "Set-EngageChannelAsset",
            "Set-EngageTemplate", "Set-EngageWorkingHours", "Set-WxccDesktopProfile", "Set-WxccMultimediaProfile",
            "Set-WxccRonaTimeout", "Set-WxccSite", "Set-WxccTeam", "Set-WxccUser", "Start-DigitalChannelsProvisioning",
            "Sync-EngageUser", "Sync-WxccUser", "Test-DigitalChannelsLab",
            "Send-DigitalChannelsSandboxMessage", "Get-ConnectDebugLog", "Get-ConnectReport", "Get-ConnectUsage", "Test-EngageAttachment", "Wait-ConnectFlow", "Wait-DigitalChannelsProvisioning",
            "Start-ConnectLogExport", "Get-ConnectLogExport", "Wait-ConnectLogExport", "Save-ConnectLogExport",
            "New-ConnectScheduledEvent", "Get-ConnectScheduledEvent", "Set-ConnectScheduledEvent", "Remove-ConnectScheduledEvent",
        }.OrderBy(n => n, StringComparer.Ordinal).ToArray(), names);
    }

    [Fact]
    public void The_approved_verb_list_is_read_from_PowerShell()
    {
        // Guards the verb test itself: an empty list (constants not readable) would make every verb look unapproved.
        Assert.Contains("Get", ApprovedVerbs.Value);
        Assert.Contains("Connect", ApprovedVerbs.Value);
        Assert.DoesNotContain("Create", ApprovedVerbs.Value);
        Assert.DoesNotContain("Delete", ApprovedVerbs.Value);
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void Uses_an_approved_verb(string name)
    {
        var cmdlet = CmdletCatalog.Get(name);
        Assert.True(ApprovedVerbs.Value.Contains(cmdlet.Verb), $"{name}: '{cmdlet.Verb}' is not an approved verb (Get-Verb).");
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void Noun_has_a_product_prefix_and_is_singular_PascalCase(string name)
    {
        var noun = CmdletCatalog.Get(name).Noun;
        Assert.True(NounPrefixes.Any(p => noun.StartsWith(p, StringComparison.Ordinal)) || UnprefixedNounExceptions.Contains(name, StringComparer.Ordinal),
            $"{name}: the noun '{noun}' has none of the prefixes {string.Join(", ", NounPrefixes)}.");
        Assert.True(char.IsUpper(noun[0]) && noun.All(char.IsLetterOrDigit), $"{name}: the noun '{noun}' is not PascalCase letters and digits.");
    }

    [Fact]
    public void Every_unprefixed_noun_exception_is_a_real_cmdlet_without_a_prefix()
    {
        // Keeps the exception list narrow: an entry for a cmdlet that is gone, or that has a prefix anyway, must be removed.
        foreach (var name in UnprefixedNounExceptions)
        {
            var noun = CmdletCatalog.Get(name).Noun;
            Assert.False(NounPrefixes.Any(p => noun.StartsWith(p, StringComparison.Ordinal)), $"{name}: has a product prefix; drop it from the exceptions.");
        }
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void Class_is_named_VerbNounCommand_in_its_own_file(string name)
    {
        var cmdlet = CmdletCatalog.Get(name);
        var expected = cmdlet.Verb + cmdlet.Noun + "Command";
        Assert.True(cmdlet.Type.Name == expected, $"{name}: the class is {cmdlet.Type.Name}, expected {expected}.");
        Assert.True(cmdlet.Type.IsSealed, $"{name}: {cmdlet.Type.Name} should be sealed.");
        var file = Repository.PathOf("src", "DigitalChannels.PowerShell", "Cmdlets", expected + ".cs");
        Assert.True(File.Exists(file), $"{name}: expected its source in {file}.");
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void State_changing_verbs_support_ShouldProcess(string name)
    {
        var cmdlet = CmdletCatalog.Get(name);
        if (!StateChangingVerbs.Contains(cmdlet.Verb)) return;
        if (InMemoryNewCmdlets.Contains(name, StringComparer.Ordinal))
        {
            Assert.False(cmdlet.SupportsShouldProcess, $"{name}: builds an object in memory; -WhatIf would only make it return nothing.");
            Assert.True(cmdlet.Verb == VerbsCommon.New, $"{name}: only a New cmdlet may be an in-memory exception.");
            return;
        }
        Assert.True(cmdlet.SupportsShouldProcess, $"{name}: a '{cmdlet.Verb}' cmdlet must declare SupportsShouldProcess = true (-WhatIf, -Confirm).");
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void Remove_cmdlets_have_high_confirm_impact(string name)
    {
        var cmdlet = CmdletCatalog.Get(name);
        if (cmdlet.Verb != VerbsCommon.Remove) return;
        Assert.True(cmdlet.ConfirmImpact == ConfirmImpact.High, $"{name}: a Remove cmdlet must declare ConfirmImpact = ConfirmImpact.High, not {cmdlet.ConfirmImpact}.");
    }

    [Fact]
    public void The_ShouldProcess_tests_see_the_attribute()
    {
        // Guards the two tests above against a reflection mistake that would read every cmdlet as "no ShouldProcess".
        Assert.True(CmdletCatalog.Get("Remove-ConnectService").SupportsShouldProcess);
        Assert.Equal(ConfirmImpact.High, CmdletCatalog.Get("Remove-ConnectService").ConfirmImpact);
        Assert.False(CmdletCatalog.Get("Get-ConnectService").SupportsShouldProcess);
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void Declares_OutputType(string name)
    {
        var cmdlet = CmdletCatalog.Get(name);
        Assert.True(cmdlet.OutputTypes.Count > 0, $"{name}: no [OutputType] attribute.");
        Assert.All(cmdlet.OutputTypes, t => Assert.True(t is Type, $"{name}: [OutputType] should name a type, not '{t}'."));
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void Connected_cmdlets_take_Connection_and_all_others_are_connected(string name)
    {
        var cmdlet = CmdletCatalog.Get(name);
        if (LocalFileCmdlets.Contains(name))
        {
            Assert.True(typeof(DigitalChannelsCmdlet).IsAssignableFrom(cmdlet.Type) && !cmdlet.IsConnected, $"{name}: reads local files only; it should derive from DigitalChannelsCmdlet, not the connected base.");
            Assert.True(cmdlet.Parameters.All(p => p.Name != "Connection"), $"{name}: reads local files only and should take no -Connection.");
            return;
        }
        if (ConnectionCmdlets.Contains(name))
        {
            Assert.True(typeof(DigitalChannelsCmdlet).IsAssignableFrom(cmdlet.Type), $"{name}: should derive from DigitalChannelsCmdlet.");
            return;
        }
        Assert.True(cmdlet.IsConnected, $"{name}: every cmdlet but {string.Join(", ", ConnectionCmdlets)} must derive from DigitalChannelsConnectedCmdlet.");
        var connection = cmdlet.Parameters.SingleOrDefault(p => p.Name == "Connection");
        Assert.True(connection != null, $"{name}: has no -Connection parameter.");
        Assert.True(connection!.Type == typeof(DigitalChannelsConnection), $"{name}: -Connection is {connection.Type.Name}, expected DigitalChannelsConnection.");
        Assert.True(connection.InAllSets && connection.Attributes.All(a => !a.Mandatory), $"{name}: -Connection must be optional and in every parameter set.");
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void Parameter_set_names_are_named_constants(string name)
    {
        var cmdlet = CmdletCatalog.Get(name);
        var constants = cmdlet.Type.GetFields(BindingFlags.Public | BindingFlags.Static | BindingFlags.FlattenHierarchy)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var set in cmdlet.ParameterSets.Where(s => s != CmdletCatalog.AllParameterSets))
        {
            Assert.True(constants.Contains(set), $"{name}: the parameter set '{set}' is not a public const string of {cmdlet.Type.Name}.");
        }
        if (cmdlet.ParameterSets.Count > 1)
        {
            Assert.True(cmdlet.DefaultParameterSetName != null, $"{name}: has {cmdlet.ParameterSets.Count} parameter sets but no DefaultParameterSetName.");
        }
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void Secrets_are_never_plain_strings(string name)
    {
        foreach (var parameter in CmdletCatalog.Get(name).Parameters)
        {
            if (!new[] { "Secret", "Token", "Password" }.Any(word => parameter.Name.Contains(word, StringComparison.OrdinalIgnoreCase))) continue;
            Assert.True(parameter.Type == typeof(SecureString) || parameter.Type == typeof(PSCredential) || parameter.Type == typeof(SwitchParameter),
                $"{name}: -{parameter.Name} is a {parameter.Type.Name}; secrets must be SecureString or PSCredential.");
        }
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void Switches_are_SwitchParameter_not_bool(string name)
    {
        foreach (var parameter in CmdletCatalog.Get(name).Parameters)
        {
            Assert.True(parameter.Type != typeof(bool) && parameter.Type != typeof(bool?),
                $"{name}: -{parameter.Name} is a bool; use a SwitchParameter (users dislike -All $true, msgraph #11).");
        }
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void At_most_one_parameter_per_position_in_each_set(string name)
    {
        var cmdlet = CmdletCatalog.Get(name);
        foreach (var set in cmdlet.ParameterSets)
        {
            var positions = cmdlet.ParametersOf(set).Select(p => (p.Name, p.For(set)!.Position)).Where(p => p.Position.HasValue).ToList();
            foreach (var group in positions.GroupBy(p => p.Position))
            {
                Assert.True(group.Count() == 1, $"{name}: set {set} has {string.Join(", ", group.Select(g => "-" + g.Name))} at position {group.Key}.");
            }
        }
    }
}
