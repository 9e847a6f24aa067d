using System.Management.Automation;
using DigitalChannels.Client.Connect.Teammates;
using DigitalChannels.PowerShell.Base;
using DigitalChannels.PowerShell.Base.Completion;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>Removes a Connect teammate. High impact: asks for confirmation unless -Confirm:$false.</summary>
    [Cmdlet(VerbsCommon.Remove, "ConnectTeammate", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = HelpLinks.Docs + "Remove-ConnectTeammate.md")]
    [OutputType(typeof(void))]
    public sealed class RemoveConnectTeammateCommand : DigitalChannelsConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true,
            HelpMessage = "The teammate: an object from Get-ConnectTeammate, its id or its email.")]
        [ValidateNotNull]
        [Alias("Email")]
        [ArgumentCompleter(typeof(ConnectTeammateEmailCompleter))]
        [SupportsWildcards]
        public ConnectTeammateIdentity Identity { get; set; }

        protected override void Execute()
        {
            var connection = CurrentConnection;
            var identity = Identity;
            Run(ConnectTeammateCommands.Noun, host => ConnectTeammateCommands.RemoveAsync(host, connection, identity), identity);
        }
    }
}
