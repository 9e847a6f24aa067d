using System.Management.Automation;
using DigitalChannels.Client.ContactCenter;
using DigitalChannels.PowerShell.Base;
using DigitalChannels.PowerShell.Base.Completion;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>Renames a site, changes its description or its multimedia profile.</summary>
    [Cmdlet(VerbsCommon.Set, "WxccSite", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.Docs + "Set-WxccSite.md")]
    [OutputType(typeof(Site))]
    public sealed class SetWxccSiteCommand : DigitalChannelsConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true,
            HelpMessage = "The site: an object from Get-WxccSite, its id or its exact name.")]
        [ValidateNotNull]
        [Alias("Name")]
        [ArgumentCompleter(typeof(WxccSiteNameCompleter))]
        [SupportsWildcards]
        public SiteIdentity Identity { get; set; }

        [Parameter] [ValidateNotNullOrEmpty] public string NewName { get; set; }
        [Parameter] [AllowEmptyString] public string Description { get; set; }
        [Parameter] [ArgumentCompleter(typeof(WxccMultimediaProfileNameCompleter))] [SupportsWildcards] [ValidateNotNullOrEmpty] public string MultimediaProfile { get; set; }
        [Parameter] public SwitchParameter PassThru { get; set; }

        protected override void Execute()
        {
            var connection = CurrentConnection;
            var changes = new SiteSettings
            {
                Name = IsParameterBound(nameof(NewName)) ? NewName : null,
                Description = IsParameterBound(nameof(Description)) ? Description : null,
                MultimediaProfile = IsParameterBound(nameof(MultimediaProfile)) ? MultimediaProfile : null,
            };
            var identity = Identity;
            Run(SiteCommands.Noun, host => SiteCommands.SetAsync(host, connection, identity, changes, PassThru.IsPresent), identity);
        }
    }
}
