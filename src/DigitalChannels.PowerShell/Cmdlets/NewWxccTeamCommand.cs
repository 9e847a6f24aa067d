using System.Management.Automation;
using DigitalChannels.Client.ContactCenter;
using DigitalChannels.PowerShell.Base;
using DigitalChannels.PowerShell.Base.Completion;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>Creates a team in a site: agent based (with a multimedia profile) or capacity based; desktop layout "Global Layout" unless named.</summary>
    [Cmdlet(VerbsCommon.New, "WxccTeam", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, HelpUri = HelpLinks.Docs + "New-WxccTeam.md")]
    [OutputType(typeof(Team))]
    public sealed class NewWxccTeamCommand : DigitalChannelsConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, HelpMessage = "The name of the team, e.g. 'Team1'.")]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; }

        [Parameter(Mandatory = true, HelpMessage = "The site of the team: its name or id. It cannot change later.")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(WxccSiteNameCompleter))]
        [SupportsWildcards]
        public string Site { get; set; }

        /// <summary>AgentBased (the default) or CapacityBased; it cannot change later.</summary>
        [Parameter] [EnumWords(typeof(TeamType))] public TeamType TeamType { get; set; } = TeamType.AgentBased;

        [Parameter] [ArgumentCompleter(typeof(WxccMultimediaProfileNameCompleter))] [SupportsWildcards] [ValidateNotNullOrEmpty] public string MultimediaProfile { get; set; }

        [Parameter] [ValidateNotNullOrEmpty] public string DesktopLayout { get; set; }

        [Parameter] [ValidateRange(1, int.MaxValue)] public int Capacity { get; set; }

        [Parameter] public string Description { get; set; }

        protected override void Execute()
        {
            var connection = CurrentConnection;
            var settings = new TeamSettings
            {
                Name = Name, Site = Site, TeamType = TeamType, Description = Description,
                MultimediaProfile = MultimediaProfile, DesktopLayout = DesktopLayout,
                Capacity = IsParameterBound(nameof(Capacity)) ? Capacity : (int?)null,
            };
            Run(TeamCommands.Noun, host => TeamCommands.NewAsync(host, connection, settings), Name);
        }
    }
}
