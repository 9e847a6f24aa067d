using System.Management.Automation;
using DigitalChannels.Client.Connect.Teammates;
using DigitalChannels.PowerShell.Base;
using DigitalChannels.PowerShell.Base.Completion;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>Gets Connect teams (Settings → Groups/Teams) that you can see: all, or by name (wildcards allowed).</summary>
    [Cmdlet(VerbsCommon.Get, "ConnectTeam", HelpUri = HelpLinks.Docs + "Get-ConnectTeam.md")]
    [OutputType(typeof(ConnectTeam))]
    public sealed class GetConnectTeamCommand : DigitalChannelsConnectedCmdlet
    {
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, HelpMessage = "The team name, or a wildcard pattern. Omit it to get every team you can see.")]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(ConnectTeamNameCompleter))]
        public string Name { get; set; }

        [Parameter(HelpMessage = "Only the teams of this group: an object from Get-ConnectGroup, its id or its name.")]
        [ValidateNotNull]
        [ArgumentCompleter(typeof(ConnectGroupNameCompleter))]
        [SupportsWildcards]
        public ConnectGroupIdentity Group { get; set; }

        protected override void Execute()
        {
            var connection = CurrentConnection;
            var name = Name;
            var group = Group;
            Run(ConnectContainerCommands.TeamNoun, host => ConnectContainerCommands.GetTeamAsync(host, connection, name, group), name);
        }
    }
}
