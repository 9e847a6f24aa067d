using System.Management.Automation;
using DigitalChannels.Client.ContactCenter;
using DigitalChannels.PowerShell.Base;
using DigitalChannels.PowerShell.Base.Completion;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>Changes a team: name, description, multimedia profile, desktop layout, capacity, service status. Site and type are fixed.</summary>
    [Cmdlet(VerbsCommon.Set, "WxccTeam", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.Docs + "Set-WxccTeam.md")]
    [OutputType(typeof(Team))]
    public sealed class SetWxccTeamCommand : DigitalChannelsConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true,
            HelpMessage = "The team: an object from Get-WxccTeam, its id or its exact name.")]
        [ValidateNotNull]
        [Alias("Name")]
        [ArgumentCompleter(typeof(WxccTeamNameCompleter))]
        [SupportsWildcards]
        public TeamIdentity Identity { get; set; }

        [Parameter] [ValidateNotNullOrEmpty] public string NewName { get; set; }
        [Parameter] [AllowEmptyString] public string Description { get; set; }
        [Parameter] [ArgumentCompleter(typeof(WxccMultimediaProfileNameCompleter))] [SupportsWildcards] [ValidateNotNullOrEmpty] public string MultimediaProfile { get; set; }
        [Parameter] [ValidateNotNullOrEmpty] public string DesktopLayout { get; set; }
        [Parameter] [ValidateRange(1, int.MaxValue)] public int Capacity { get; set; }

        /// <summary>-InService puts the team in service, -InService:$false makes it not available.</summary>
        [Parameter] public SwitchParameter InService { get; set; }

        [Parameter] public SwitchParameter PassThru { get; set; }

        protected override void Execute()
        {
            var connection = CurrentConnection;
            var changes = new TeamSettings
            {
                Name = IsParameterBound(nameof(NewName)) ? NewName : null,
                Description = IsParameterBound(nameof(Description)) ? Description : null,
                MultimediaProfile = IsParameterBound(nameof(MultimediaProfile)) ? MultimediaProfile : null,
                DesktopLayout = IsParameterBound(nameof(DesktopLayout)) ? DesktopLayout : null,
                Capacity = IsParameterBound(nameof(Capacity)) ? Capacity : (int?)null,
                InService = IsParameterBound(nameof(InService)) ? InService.IsPresent : (bool?)null,
            };
            var identity = Identity;
            Run(TeamCommands.Noun, host => TeamCommands.SetAsync(host, connection, identity, changes, PassThru.IsPresent), identity);
        }
    }
}
