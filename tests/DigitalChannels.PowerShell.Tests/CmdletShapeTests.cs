using System.Management.Automation;
using System.Security;
using DigitalChannels.Client;
using DigitalChannels.Client.Connect;
using DigitalChannels.Client.Environments;
using DigitalChannels.PowerShell.Cmdlets;

namespace DigitalChannels.PowerShell.Tests;

/// <summary>The parameters each cmdlet promises in its help and in the brief, checked against the attributes.</summary>
public class CmdletShapeTests
{
    private static ParameterFacts Parameter(string cmdlet, string parameter) =>
        CmdletCatalog.Get(cmdlet).Parameters.SingleOrDefault(p => p.Name == parameter)
        ?? throw new Xunit.Sdk.XunitException($"{cmdlet} has no -{parameter}.");

    private static void AssertIn(string cmdlet, string parameter, string set, bool mandatory, int? position = null)
    {
        var attribute = Parameter(cmdlet, parameter).For(set);
        Assert.True(attribute != null, $"{cmdlet}: -{parameter} is not in the parameter set {set}.");
        Assert.True(attribute!.Mandatory == mandatory, $"{cmdlet}: -{parameter} should be {(mandatory ? "mandatory" : "optional")} in {set}.");
        Assert.True(attribute.Position == position, $"{cmdlet}: -{parameter} has position {attribute.Position?.ToString() ?? "Named"} in {set}, expected {position?.ToString() ?? "Named"}.");
    }

    private static void AssertNotIn(string cmdlet, string parameter, string set) =>
        Assert.True(Parameter(cmdlet, parameter).For(set) == null, $"{cmdlet}: -{parameter} should not be in the parameter set {set}.");

    [Fact]
    public void Connect_DigitalChannels_has_one_parameter_set_per_way_to_sign_in()
    {
        const string name = "Connect-DigitalChannels";
        var cmdlet = CmdletCatalog.Get(name);
        Assert.Equal(ConnectDigitalChannelsCommand.SandboxFileSet, cmdlet.DefaultParameterSetName);
        Assert.Equal(new[] { "DeviceCode", "Interactive", "RefreshToken", "RefreshTokenCredential", "Region", "SandboxFile", "SandboxUrl", "SandboxUrlCredential", "SandboxUrlToken", "Saved", "ServiceApp" }, cmdlet.ParameterSets.OrderBy(s => s, StringComparer.Ordinal));
        Assert.False(cmdlet.SupportsShouldProcess, "Connecting changes nothing on a server: no -WhatIf.");
        Assert.Equal(new object[] { typeof(DigitalChannelsConnection) }, cmdlet.OutputTypes);

        // No parameters at all: the default sandbox's connection file.
        Assert.DoesNotContain(cmdlet.ParametersOf("SandboxFile"), p => p.For("SandboxFile")!.Mandatory);
        AssertIn(name, "ConnectionFile", "SandboxFile", false, 0);
        AssertNotIn(name, "ConnectionFile", "SandboxUrl");

        AssertIn(name, "SandboxUrl", "SandboxUrl", true);
        AssertIn(name, "SandboxUrl", "SandboxUrlToken", true);
        AssertNotIn(name, "SandboxUrl", "Region");
        Assert.Equal(typeof(Uri), Parameter(name, "SandboxUrl").Type);
        AssertIn(name, "ClientId", "SandboxUrl", true);
        AssertIn(name, "ClientSecret", "SandboxUrl", true);
        AssertNotIn(name, "ClientSecret", "SandboxUrlToken");
        Assert.Equal(typeof(SecureString), Parameter(name, "ClientSecret").Type);

        // Runbooks: Get-AutomationPSCredential gives a PSCredential (client id as user name, secret as password).
        AssertIn(name, "SandboxUrl", "SandboxUrlCredential", true);
        AssertIn(name, "Credential", "SandboxUrlCredential", true);
        AssertNotIn(name, "Credential", "SandboxUrl");
        AssertNotIn(name, "ClientId", "SandboxUrlCredential");
        Assert.Equal("System.Management.Automation.PSCredential", Parameter(name, "Credential").Type.FullName);

        AssertIn(name, "AccessToken", "SandboxUrlToken", true);
        AssertIn(name, "AccessToken", "Region", true);
        AssertNotIn(name, "AccessToken", "SandboxUrl");
        Assert.Equal(typeof(SecureString), Parameter(name, "AccessToken").Type);

        AssertIn(name, "Region", "Region", true);
        AssertIn(name, "OrganizationId", "Region", true);
        AssertIn(name, "OrganizationId", "SandboxUrl", false);

        // An administrator's sign-in (issue 12): the flow's switch or token is what picks the set; the integration and
        // the target are optional there (a connection file supplies both for a sandbox).
        AssertIn(name, "Interactive", "Interactive", true);
        AssertIn(name, "DeviceCode", "DeviceCode", true);
        AssertIn(name, "RefreshToken", "RefreshToken", true);
        Assert.Equal(typeof(SecureString), Parameter(name, "RefreshToken").Type);
        Assert.Equal(typeof(int), Parameter(name, "RedirectPort").Type);
        AssertNotIn(name, "RedirectPort", "DeviceCode");
        AssertNotIn(name, "ForceAccountChooser", "DeviceCode");
        foreach (var set in new[] { "Interactive", "DeviceCode", "RefreshToken" })
        {
            AssertIn(name, "Region", set, false);
            AssertIn(name, "SandboxUrl", set, false);
            AssertIn(name, "ConnectionFile", set, false);
            AssertIn(name, "ClientId", set, false);
            AssertIn(name, "ClientSecret", set, false);
            AssertIn(name, "Credential", set, false);
            AssertIn(name, "OrganizationId", set, false);
            AssertNotIn(name, "AccessToken", set);
        }

        // A service app, as Az's service principal: its application id picks the set; its credential and the organization
        // where a Full Admin authorized it are needed; the environment is the administrator connection's.
        AssertIn(name, "ServiceApplicationId", "ServiceApp", true);
        AssertIn(name, "Credential", "ServiceApp", true);
        AssertIn(name, "OrganizationId", "ServiceApp", true);
        AssertIn(name, "Connection", "ServiceApp", false);
        Assert.Equal(typeof(DigitalChannelsConnection), Parameter(name, "Connection").Type);
        foreach (var other in new[] { "Region", "SandboxUrl", "ConnectionFile", "ClientId", "ClientSecret", "AccessToken", "RefreshToken", "Scope" })
            AssertNotIn(name, other, "ServiceApp");

        Assert.Equal(typeof(string[]), Parameter(name, "Scope").Type);
        AssertIn(name, "Scope", "SandboxFile", false);
        AssertIn(name, "Scope", "SandboxUrl", false);
        AssertNotIn(name, "Scope", "Region");
        foreach (var set in cmdlet.ParameterSets)
        {
            AssertIn(name, "PassThru", set, false);
            AssertIn(name, "ReturnConnection", set, false);
        }
        Assert.Equal(typeof(SwitchParameter), Parameter(name, "ReturnConnection").Type);

        // Saved sign-in and named connections (issue 12 point 3): -Save only where a refresh token exists; -Saved alone
        // names everything; an Automation credential holds the refresh token as its password.
        foreach (var set in new[] { "Interactive", "DeviceCode", "RefreshToken", "RefreshTokenCredential" })
        {
            AssertIn(name, "Save", set, false);
            AssertIn(name, "AllowUnencryptedStorage", set, false);
        }
        foreach (var set in new[] { "SandboxFile", "SandboxUrl", "SandboxUrlCredential", "SandboxUrlToken", "Region" }) AssertNotIn(name, "Save", set);
        foreach (var set in cmdlet.ParameterSets.Where(s => s != "Saved")) AssertIn(name, "Name", set, false);
        AssertIn(name, "Saved", "Saved", true);
        Assert.Equal(new[] { "PassThru", "ReturnConnection", "Saved" }, cmdlet.ParametersOf("Saved").Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal));
        AssertIn(name, "RefreshTokenCredential", "RefreshTokenCredential", true);
        Assert.Equal("System.Management.Automation.PSCredential", Parameter(name, "RefreshTokenCredential").Type.FullName);
        AssertIn(name, "ClientSecret", "RefreshTokenCredential", false);
        AssertNotIn(name, "ClientId", "RefreshTokenCredential");
        AssertNotIn(name, "Credential", "RefreshTokenCredential");
    }

    [Fact]
    public void Connect_DigitalChannels_Region_accepts_exactly_the_Webex_regions()
    {
        var values = Parameter("Connect-DigitalChannels", "Region").ValidateSet;
        Assert.NotNull(values);
        Assert.Equal(WebexEnvironment.Regions.OrderBy(r => r), values!.OrderBy(r => r));
    }

    [Fact]
    public void New_ConnectService_takes_a_positional_mandatory_name()
    {
        AssertIn("New-ConnectService", "Name", CmdletCatalog.AllParameterSets, true, 0);
        AssertIn("New-ConnectService", "Description", CmdletCatalog.AllParameterSets, false);
        Assert.Equal(new object[] { typeof(ConnectService) }, CmdletCatalog.Get("New-ConnectService").OutputTypes);
    }

    [Fact]
    public void Get_ConnectService_selects_by_name_with_wildcards_or_by_id()
    {
        const string name = "Get-ConnectService";
        var cmdlet = CmdletCatalog.Get(name);
        Assert.Equal(GetConnectServiceCommand.ByNameSet, cmdlet.DefaultParameterSetName);
        AssertIn(name, "Name", "ByName", false, 0);
        Assert.True(Parameter(name, "Name").SupportsWildcards, "Get-ConnectService: -Name should declare [SupportsWildcards].");
        AssertNotIn(name, "Name", "ById");
        AssertIn(name, "Id", "ById", true);
        Assert.True(Parameter(name, "Id").For("ById")!.ValueFromPipelineByPropertyName, "Get-ConnectService: -Id should bind ByPropertyName.");
        AssertIn(name, "IncludeSecret", "ByName", false);
        AssertIn(name, "IncludeSecret", "ById", false);
        Assert.Equal(typeof(SwitchParameter), Parameter(name, "IncludeSecret").Type);
        Assert.Equal(new object[] { typeof(ConnectService) }, cmdlet.OutputTypes);
    }

    [Theory]
    [InlineData("Set-ConnectService")]
    [InlineData("Remove-ConnectService")]
    public void Identity_takes_the_pipeline_and_nothing_else_does(string name)
    {
        var identity = Parameter(name, "Identity");
        Assert.Equal(typeof(ConnectServiceIdentity), identity.Type);
        AssertIn(name, "Identity", CmdletCatalog.AllParameterSets, true, 0);
        Assert.True(identity.Attributes.Single().ValueFromPipeline, $"{name}: -Identity should be ValueFromPipeline.");
        // A piped ConnectService has Name, Description and Locked properties: no other parameter may bind them by name.
        foreach (var other in CmdletCatalog.Get(name).Parameters.Where(p => p.Name != "Identity"))
        {
            Assert.False(other.Attributes.Any(a => a.ValueFromPipeline || a.ValueFromPipelineByPropertyName),
                $"{name}: -{other.Name} takes pipeline input; a piped service would change it.");
        }
    }

    [Fact]
    public void ConnectServiceIdentity_converts_from_what_the_pipeline_and_the_command_line_give()
    {
        // PowerShell's parameter binder converts through a public constructor taking the value's type.
        Assert.NotNull(typeof(ConnectServiceIdentity).GetConstructor(new[] { typeof(ConnectService) }));
        Assert.NotNull(typeof(ConnectServiceIdentity).GetConstructor(new[] { typeof(string) }));
        Assert.NotNull(typeof(ConnectServiceIdentity).GetConstructor(new[] { typeof(Guid) }));
    }

    [Fact]
    public void Set_ConnectService_offers_rename_description_lock_and_passthru()
    {
        const string name = "Set-ConnectService";
        Assert.Equal(typeof(string), Parameter(name, "NewName").Type);
        Assert.Equal(typeof(string), Parameter(name, "Description").Type);
        Assert.Equal(typeof(SwitchParameter), Parameter(name, "Locked").Type);
        Assert.Equal(typeof(SwitchParameter), Parameter(name, "PassThru").Type);
        Assert.Equal(new object[] { typeof(ConnectService) }, CmdletCatalog.Get(name).OutputTypes);
    }

    [Theory]
    [InlineData("Set-WxccMultimediaProfile", typeof(DigitalChannels.Client.ContactCenter.MultimediaProfileIdentity))]
    [InlineData("Remove-WxccMultimediaProfile", typeof(DigitalChannels.Client.ContactCenter.MultimediaProfileIdentity))]
    [InlineData("Set-WxccSite", typeof(DigitalChannels.Client.ContactCenter.SiteIdentity))]
    [InlineData("Remove-WxccSite", typeof(DigitalChannels.Client.ContactCenter.SiteIdentity))]
    [InlineData("Set-WxccTeam", typeof(DigitalChannels.Client.ContactCenter.TeamIdentity))]
    [InlineData("Remove-WxccTeam", typeof(DigitalChannels.Client.ContactCenter.TeamIdentity))]
    [InlineData("Set-WxccDesktopProfile", typeof(DigitalChannels.Client.ContactCenter.DesktopProfileIdentity))]
    [InlineData("Remove-WxccDesktopProfile", typeof(DigitalChannels.Client.ContactCenter.DesktopProfileIdentity))]
    [InlineData("Set-WxccUser", typeof(DigitalChannels.Client.ContactCenter.WxccUserIdentity[]))]
    public void Wxcc_identities_come_from_the_pipeline_and_convert_from_object_id_or_name(string name, Type identityType)
    {
        Assert.Equal(identityType, Parameter(name, "Identity").Type);
        AssertIn(name, "Identity", CmdletCatalog.AllParameterSets, true, 0);
        Assert.True(Parameter(name, "Identity").Attributes.Single().ValueFromPipeline, $"{name}: -Identity should be ValueFromPipeline.");
        foreach (var other in CmdletCatalog.Get(name).Parameters.Where(p => p.Name != "Identity"))
            Assert.False(other.Attributes.Any(a => a.ValueFromPipeline || a.ValueFromPipelineByPropertyName), $"{name}: -{other.Name} takes pipeline input; a piped object would change it.");
        var element = identityType.IsArray ? identityType.GetElementType()! : identityType;
        Assert.NotNull(element.GetConstructor(new[] { typeof(string) }));
        Assert.NotNull(element.GetConstructor(new[] { typeof(Guid) }));
        Assert.Contains(element.GetConstructors(), c => c.GetParameters().Single().ParameterType.IsSubclassOf(typeof(DigitalChannels.Client.ContactCenter.ContactCenterObject)));
    }

    [Fact]
    public void Set_WxccUser_takes_names_for_every_setting_and_Team_as_a_list()
    {
        const string name = "Set-WxccUser";
        foreach (var parameter in new[] { "Site", "DesktopProfile", "MultimediaProfile", "UserProfile" })
            Assert.Equal(typeof(string), Parameter(name, parameter).Type);
        Assert.Equal(typeof(string[]), Parameter(name, "Team").Type);
        Assert.Equal(typeof(SwitchParameter), Parameter(name, "ContactCenterEnabled").Type);
        Assert.True(CmdletCatalog.Get(name).SupportsShouldProcess);
    }

    [Fact]
    public void Set_WxccRonaTimeout_takes_the_four_channels_in_seconds()
    {
        const string name = "Set-WxccRonaTimeout";
        foreach (var channel in new[] { "Telephony", "Chat", "Email", "Social" })
            Assert.Equal(typeof(int), Parameter(name, channel).Type);
        Assert.Equal(new object[] { typeof(DigitalChannels.Client.ControlHub.RonaTimeouts) }, CmdletCatalog.Get(name).OutputTypes);
    }
}
