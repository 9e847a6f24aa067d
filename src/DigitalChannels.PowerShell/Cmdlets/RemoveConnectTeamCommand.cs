using System.Management.Automation;
using DigitalChannels.Client.Connect.Teammates;
using DigitalChannels.PowerShell.Base;
using DigitalChannels.PowerShell.Base.Completion;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>Deletes an empty Connect team. Only the tenant Owner may. High impact: asks for confirmation unless -Confirm:$false.</summary>
    [Cmdlet(VerbsCommon.Remove, "ConnectTeam", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = HelpLinks.Docs + "Remove-ConnectTeam.md")]
    [OutputType(typeof(void))]
    public sealed class RemoveConnectTeamCommand : DigitalChannelsConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true,
            HelpMessage = "The team: an object from Get-ConnectTeam, its id or its name.")]
        [ValidateNotNull]
        [Alias("Name")]
        [ArgumentCompleter(typeof(ConnectTeamNameCompleter))]
        [SupportsWildcards]
        public ConnectTeamIdentity Identity { get; set; }

        protected override void Execute()
        {
            var connection = CurrentConnection;
            var identity = Identity;
            Run(ConnectContainerCommands.TeamNoun, host => ConnectContainerCommands.RemoveTeamAsync(host, connection, identity), identity);
        }
    }
}
