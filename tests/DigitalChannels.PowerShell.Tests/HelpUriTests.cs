using System.Text.RegularExpressions;

namespace DigitalChannels.PowerShell.Tests;

/// <summary>
/// Get-Help -Online: every cmdlet's [Cmdlet(HelpUri = ...)] is its docs page on the repository, and the page's
/// "online version:" (which becomes the MAML's Online Version link) says the same address.
/// </summary>
public class HelpUriTests
{
    public static TheoryData<string> Cmdlets => CmdletCatalog.Names;

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void HelpUri_is_the_cmdlets_docs_page_and_its_online_version(string name)
    {
        var cmdlet = CmdletCatalog.Get(name);
        var helpUri = CmdletCatalog.Named(cmdlet.CmdletAttribute, "HelpUri") as string;
        var expected = HelpLinks.Docs + name + ".md";
        Assert.True(helpUri == expected, $"{name}: [Cmdlet] has HelpUri '{helpUri}'; expected HelpUri = HelpLinks.Docs + \"{name}.md\" ({expected}).");

        var page = HelpPage.Load(Repository.PathOf("docs", name + ".md"));
        Assert.True(page.FrontMatter.TryGetValue("online version", out var online) && online == expected,
            $"docs/{name}.md: 'online version: {online}' should be the cmdlet's HelpUri, {expected}.");
    }

    [Fact]
    public void Help_links_start_at_the_manifests_ProjectUri()
    {
        var manifest = Repository.ReadText("module", "DigitalChannels.psd1");
        var match = Regex.Match(manifest, @"^\s*ProjectUri\s*=\s*'(?<uri>[^']+)'", RegexOptions.Multiline);
        Assert.True(match.Success, "DigitalChannels.psd1 has no ProjectUri = '...'.");
        Assert.Equal(match.Groups["uri"].Value, HelpLinks.ProjectUri);
        Assert.StartsWith(HelpLinks.ProjectUri + "/", HelpLinks.Docs, StringComparison.Ordinal);
        Assert.True(Uri.IsWellFormedUriString(HelpLinks.Docs, UriKind.Absolute));
    }
}
