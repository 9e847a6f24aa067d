using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using DigitalChannels.Client;
using DigitalChannels.Client.Lab.Definition;

namespace DigitalChannels.PowerShell.Tests;

/// <summary>The manifest template, the format file and the MSBuild layout target, read as text (no PowerShell here).</summary>
public class ModuleFileTests
{
    /// <summary>The manifest template without its comment lines.</summary>
    private static readonly Lazy<string> Manifest = new(() => string.Join("\n",
        Repository.ReadText("module", "DigitalChannels.psd1").Replace("\r\n", "\n").Split('\n').Where(l => !l.TrimStart().StartsWith('#'))));

    /// <summary>The value of a top-level "Key = value" line of the manifest (comments skipped).</summary>
    private static string? ManifestValue(string key)
    {
        var match = Regex.Match(Manifest.Value, @"^[ \t]*" + Regex.Escape(key) + @"[ \t]*=[ \t]*(?<value>.*?)[ \t]*$", RegexOptions.Multiline);
        return match.Success ? match.Groups["value"].Value : null;
    }

    /// <summary>The quoted strings of an @( ... ) list, which may span lines.</summary>
    private static List<string> ManifestList(string key)
    {
        var match = Regex.Match(Manifest.Value, @"^[ \t]*" + Regex.Escape(key) + @"[ \t]*=[ \t]*@\((?<items>[^)]*)\)", RegexOptions.Multiline);
        Assert.True(match.Success, $"DigitalChannels.psd1 has no '{key} = @(...)' list.");
        return Regex.Matches(match.Groups["items"].Value, "'(?<item>[^']*)'").Select(m => m.Groups["item"].Value).ToList();
    }

    [Fact]
    public void CmdletsToExport_is_exactly_the_cmdlets_of_the_assembly()
    {
        var exported = ManifestList("CmdletsToExport");
        var actual = CmdletCatalog.All.Select(c => c.Name).ToList();
        Assert.True(exported.Count == exported.Distinct().Count(), "CmdletsToExport lists a cmdlet twice.");
        var missing = actual.Except(exported).ToList();
        var extra = exported.Except(actual).ToList();
        Assert.True(missing.Count == 0, "CmdletsToExport lacks: " + string.Join(", ", missing));
        Assert.True(extra.Count == 0, "CmdletsToExport names cmdlets that do not exist: " + string.Join(", ", extra));
    }

    [Fact]
    public void CmdletsToExport_has_one_quoted_name_per_line()
    {
        var match = Regex.Match(Manifest.Value, @"CmdletsToExport\s*=\s*@\((?<items>[^)]*)\)");
        var lines = match.Groups["items"].Value.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        Assert.All(lines, line => Assert.Matches("^'[A-Za-z]+-[A-Za-z]+'$", line));
    }

    [Theory]
    [InlineData("FunctionsToExport")]
    [InlineData("AliasesToExport")]
    [InlineData("VariablesToExport")]
    public void Other_exports_are_explicitly_empty(string key)
    {
        Assert.Equal("@()", ManifestValue(key));
    }

    [Fact]
    public void Manifest_targets_both_editions_from_5_1()
    {
        Assert.Equal(new[] { "Core", "Desktop" }, ManifestList("CompatiblePSEditions").OrderBy(e => e));
        Assert.Equal("'5.1'", ManifestValue("PowerShellVersion"));
        Assert.Equal("'4.7.2'", ManifestValue("DotNetFrameworkVersion"));
        Assert.Equal("'DigitalChannels.PowerShell.dll'", ManifestValue("RootModule"));
        Assert.Equal(new[] { "DigitalChannels.format.ps1xml" }, ManifestList("FormatsToProcess"));
    }

    [Fact]
    public void Manifest_takes_its_version_from_the_one_version_source()
    {
        Assert.Equal("'{{ModuleVersion}}'", ManifestValue("ModuleVersion"));
        Assert.Equal("'{{Prerelease}}'", ManifestValue("Prerelease"));
        var props = Repository.ReadText("Directory.Build.props");
        Assert.Matches(@"<VersionPrefix>\d+\.\d+\.\d+</VersionPrefix>", props);
    }

    [Fact]
    public void Manifest_has_what_the_Gallery_requires()
    {
        foreach (var key in new[] { "GUID", "Author", "CompanyName", "Copyright", "Description", "HelpInfoURI", "ProjectUri", "LicenseUri", "ReleaseNotes" })
        {
            var value = ManifestValue(key);
            Assert.False(string.IsNullOrWhiteSpace(value?.Trim('\'')), $"DigitalChannels.psd1 has no {key}.");
        }
        Assert.True(Guid.TryParse(ManifestValue("GUID")!.Trim('\''), out _), "GUID is not a GUID.");
        Assert.Equal(
            new[] { "ContactCenter", "Linux", "MacOS", "PSEdition_Core", "PSEdition_Desktop", "Webex", "WebexConnect", "Windows" },
            ManifestList("Tags").OrderBy(t => t, StringComparer.Ordinal));
        Assert.DoesNotContain("RequiredAssemblies", Manifest.Value);
        Assert.DoesNotContain("NestedModules", Manifest.Value);
        Assert.DoesNotContain("'*'", Manifest.Value);
    }

    [Fact]
    public void Format_file_names_only_client_types_and_their_properties()
    {
        var document = XDocument.Parse(Repository.ReadText("module", "DigitalChannels.format.ps1xml"));
        var client = typeof(DigitalChannelsConnection).Assembly;
        var views = document.Descendants("View").ToList();
        Assert.NotEmpty(views);
        foreach (var view in views)
        {
            var typeName = view.Element("ViewSelectedBy")?.Element("TypeName")?.Value;
            var type = typeName == null ? null : client.GetType(typeName);
            Assert.True(type != null, $"The format view '{view.Element("Name")?.Value}' selects '{typeName}', which is not a type of {client.GetName().Name}.");
            foreach (var property in view.Descendants("PropertyName").Select(p => p.Value))
            {
                Assert.True(type!.GetProperty(property, BindingFlags.Public | BindingFlags.Instance) != null, $"The format view of {type.Name} shows '{property}', which {type.Name} does not have.");
            }
            var headers = view.Descendants("TableColumnHeader").Count();
            var items = view.Descendants("TableColumnItem").Count();
            Assert.True(headers == items, $"The format view of {type!.Name} has {headers} headers but {items} columns.");
        }
    }

    [Fact]
    public void Format_file_has_a_view_for_every_cmdlet_output_type()
    {
        var document = XDocument.Parse(Repository.ReadText("module", "DigitalChannels.format.ps1xml"));
        var selected = document.Descendants("TypeName").Select(t => t.Value).ToHashSet();
        foreach (var cmdlet in CmdletCatalog.All)
        {
            foreach (var type in cmdlet.OutputTypes.OfType<Type>().Where(t => t != typeof(void)))
            {
                Assert.True(selected.Contains(type.FullName!), $"{cmdlet.Name} outputs {type.FullName}, which has no view in DigitalChannels.format.ps1xml.");
            }
        }
        Assert.Contains("DigitalChannels.Client.Connect.ConnectService", selected);
        Assert.Contains("DigitalChannels.Client.DigitalChannelsConnection", selected);
    }

    [Fact]
    public void The_ConnectService_view_shows_name_id_lock_and_last_change()
    {
        var document = XDocument.Parse(Repository.ReadText("module", "DigitalChannels.format.ps1xml"));
        var view = document.Descendants("View").Single(v => v.Element("Name")!.Value == "DigitalChannels.Client.Connect.ConnectService");
        Assert.Equal(new[] { "Name", "Id", "Locked", "LastUpdatedTime" }, view.Descendants("PropertyName").Select(p => p.Value));
        var connection = document.Descendants("View").Single(v => v.Element("Name")!.Value == "DigitalChannels.Client.DigitalChannelsConnection");
        Assert.Equal(new[] { "EnvironmentName", "BaseUrl", "OrganizationId", "AuthenticationMethod", "TokenExpiresOn" }, connection.Descendants("PropertyName").Select(p => p.Value));
    }

    /// <summary>
    /// The layout target itself runs in `dotnet publish` (too slow for a unit test); these checks hold the promises
    /// that the target's text must keep: after Publish, into out/DigitalChannels, version stamped, never the engine.
    /// </summary>
    [Fact]
    public void Layout_target_runs_after_publish_and_builds_the_module_folder()
    {
        var project = Repository.ReadText("src", "DigitalChannels.PowerShell", "DigitalChannels.PowerShell.csproj");
        Assert.Contains(@"module\DigitalChannels.Module.targets", project);
        Assert.Matches(@"<PackageReference Include=""PowerShellStandard.Library"" PrivateAssets=""all"" ExcludeAssets=""runtime"" />", project);
        Assert.Contains("<TargetFramework>netstandard2.0</TargetFramework>", project);

        var targets = XDocument.Parse(Repository.ReadText("module", "DigitalChannels.Module.targets"));
        XNamespace ns = targets.Root!.Name.Namespace;
        var target = targets.Descendants(ns + "Target").Single(t => (string?)t.Attribute("AfterTargets") == "Publish");
        var text = target.ToString();
        Assert.Contains("'{{ModuleVersion}}', '$(VersionPrefix)'", text);
        Assert.Contains("{{Prerelease}}", text);
        Assert.Contains("$(VersionSuffix)", text);
        Assert.Contains("DigitalChannels.format.ps1xml", text);
        Assert.Contains("Dependencies\\", text);
        Assert.Contains("System.Management.Automation.dll", text); // excluded and checked
        Assert.DoesNotContain("UsingTask", targets.ToString());
        foreach (var required in new[] { "Microsoft.Identity.Client", "Microsoft.IdentityModel.Abstractions", "Newtonsoft.Json", "Microsoft.Bcl.AsyncInterfaces" })
        {
            Assert.Contains(required, text);
        }
        // The shipped lab definitions and the verification pack, each into its own folder of the module.
        Assert.Contains(@"<_DcLabFile Include=""$(DcModuleSource)Labs\*"" />", text);
        Assert.Contains(@"<_DcVerificationFile Include=""$(DcModuleSource)Verification\*"" />", text);
        Assert.Contains(@"<Copy SourceFiles=""@(_DcLabFile)"" DestinationFolder=""$(DcModuleOutput)Labs\""", text);
        Assert.Contains(@"<Copy SourceFiles=""@(_DcVerificationFile)"" DestinationFolder=""$(DcModuleOutput)Verification\""", text);
        Assert.Equal("Labs", LabDefinitionFile.ShippedFolder); // where ShippedPath looks, beside DigitalChannels.Client.dll
        foreach (var shipped in new[] { new[] { "module", "Labs", LabDefinitionFile.ShippedFileName }, new[] { "module", "Labs", "Lab12.json" },
                     new[] { "module", "Verification", "DigitalChannelsLab.Tests.ps1" }, new[] { "module", "Verification", "README.md" } })
        {
            Assert.True(File.Exists(Repository.PathOf(shipped)), $"The module ships {string.Join("/", shipped)}, which is missing.");
        }

        var output = targets.Descendants(ns + "DcModuleOutput").First().Value;
        Assert.Contains("'out', '$(DcModuleName)'", output);
        Assert.Equal("DigitalChannels", targets.Descendants(ns + "DcModuleName").Single().Value);
    }
}
