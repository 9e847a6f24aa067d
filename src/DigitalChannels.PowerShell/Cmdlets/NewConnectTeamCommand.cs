using System.Management.Automation;
using DigitalChannels.Client.Connect.Teammates;
using DigitalChannels.PowerShell.Base;
using DigitalChannels.PowerShell.Base.Completion;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>Creates a Connect team (Settings → Groups/Teams). Only the tenant Owner may.</summary>
    [Cmdlet(VerbsCommon.New, "ConnectTeam", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.Docs + "New-ConnectTeam.md")]
    [OutputType(typeof(ConnectTeam))]
    public sealed class NewConnectTeamCommand : DigitalChannelsConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true,
            HelpMessage = "The name of the new team; it must be unique in the tenant.")]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; }

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true,
            HelpMessage = "The group the team sits in: an object from Get-ConnectGroup, its id or its name.")]
        [ValidateNotNull]
        [ArgumentCompleter(typeof(ConnectGroupNameCompleter))]
        [SupportsWildcards]
        public ConnectGroupIdentity Group { get; set; }

        protected override void Execute()
        {
            var connection = CurrentConnection;
            var name = Name;
            var group = Group;
            Run(ConnectContainerCommands.TeamNoun, host => ConnectContainerCommands.NewTeamAsync(host, connection, name, group), name);
        }
    }
}
