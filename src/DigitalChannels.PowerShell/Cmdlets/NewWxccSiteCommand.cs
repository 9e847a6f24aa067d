using System.Management.Automation;
using DigitalChannels.Client.ContactCenter;
using DigitalChannels.PowerShell.Base;
using DigitalChannels.PowerShell.Base.Completion;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>Creates a site that uses a multimedia profile.</summary>
    [Cmdlet(VerbsCommon.New, "WxccSite", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, HelpUri = HelpLinks.Docs + "New-WxccSite.md")]
    [OutputType(typeof(Site))]
    public sealed class NewWxccSiteCommand : DigitalChannelsConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, HelpMessage = "The name of the site, e.g. 'Site'.")]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; }

        [Parameter(Mandatory = true, HelpMessage = "The multimedia profile of the site: its name or id.")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(WxccMultimediaProfileNameCompleter))]
        [SupportsWildcards]
        public string MultimediaProfile { get; set; }

        [Parameter] public string Description { get; set; }

        protected override void Execute()
        {
            var connection = CurrentConnection;
            var settings = new SiteSettings { Name = Name, Description = Description, MultimediaProfile = MultimediaProfile };
            Run(SiteCommands.Noun, host => SiteCommands.NewAsync(host, connection, settings), Name);
        }
    }
}
