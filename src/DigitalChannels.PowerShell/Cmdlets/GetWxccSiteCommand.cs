using System.Management.Automation;
using DigitalChannels.Client.ContactCenter;
using DigitalChannels.PowerShell.Base;
using DigitalChannels.PowerShell.Base.Completion;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>Gets Contact Center sites: all of them, by name (wildcards allowed) or by id. Every page is read.</summary>
    [Cmdlet(VerbsCommon.Get, "WxccSite", DefaultParameterSetName = ByNameSet, HelpUri = HelpLinks.Docs + "Get-WxccSite.md")]
    [OutputType(typeof(Site))]
    public sealed class GetWxccSiteCommand : DigitalChannelsConnectedCmdlet
    {
        public const string ByNameSet = "ByName";
        public const string ByIdSet = "ById";

        /// <summary>A name or wildcard pattern; a plain name that matches nothing is an error, a pattern is not.</summary>
        [Parameter(ParameterSetName = ByNameSet, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true,
            HelpMessage = "The site name, or a wildcard pattern. Omit it to get every site.")]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(WxccSiteNameCompleter))]
        public string Name { get; set; }

        [Parameter(ParameterSetName = ByIdSet, Mandatory = true, ValueFromPipelineByPropertyName = true,
            HelpMessage = "The site id.")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; }

        protected override void Execute()
        {
            var connection = CurrentConnection;
            var id = ParameterSetName == ByIdSet ? Id : null;
            var name = ParameterSetName == ByNameSet ? Name : null;
            Run(SiteCommands.Noun, host => SiteCommands.GetAsync(host, connection, id, name), (object)id ?? name);
        }
    }
}
