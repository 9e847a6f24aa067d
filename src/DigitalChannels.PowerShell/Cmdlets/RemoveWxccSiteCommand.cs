using System.Management.Automation;
using DigitalChannels.Client.ContactCenter;
using DigitalChannels.PowerShell.Base;
using DigitalChannels.PowerShell.Base.Completion;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>Deletes a Contact Center site; one still referred to is refused with the names of what refers to it.</summary>
    [Cmdlet(VerbsCommon.Remove, "WxccSite", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = HelpLinks.Docs + "Remove-WxccSite.md")]
    [OutputType(typeof(void))]
    public sealed class RemoveWxccSiteCommand : DigitalChannelsConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true,
            HelpMessage = "The site: an object from Get-WxccSite, its id or its exact name.")]
        [ValidateNotNull]
        [Alias("Name")]
        [ArgumentCompleter(typeof(WxccSiteNameCompleter))]
        [SupportsWildcards]
        public SiteIdentity Identity { get; set; }

        protected override void Execute()
        {
            var connection = CurrentConnection;
            var identity = Identity;
            Run(SiteCommands.Noun, host => SiteCommands.RemoveAsync(host, connection, identity), identity);
        }
    }
}
