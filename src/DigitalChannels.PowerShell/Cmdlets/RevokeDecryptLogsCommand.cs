using System.Management.Automation;
using DigitalChannels.Client.Connect.Teammates;
using DigitalChannels.PowerShell.Base;
using DigitalChannels.PowerShell.Base.Completion;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>Revokes a teammate's Decrypt Logs permission (Teammates → Edit → Decrypt Logs). Only the tenant Owner may.</summary>
    [Cmdlet(VerbsSecurity.Revoke, "DecryptLogs", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.Docs + "Revoke-DecryptLogs.md")]
    [OutputType(typeof(ConnectTeammate))]
    public sealed class RevokeDecryptLogsCommand : DigitalChannelsConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true,
            HelpMessage = "The teammate: an object from Get-ConnectTeammate, its id or its email.")]
        [ValidateNotNull]
        [Alias("Email")]
        [ArgumentCompleter(typeof(ConnectTeammateEmailCompleter))]
        [SupportsWildcards]
        public ConnectTeammateIdentity Identity { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void Execute()
        {
            var connection = CurrentConnection;
            var (identity, passThru) = (Identity, PassThru.IsPresent);
            Run(ConnectTeammateCommands.DecryptLogsNoun,
                host => ConnectTeammateCommands.SetDecryptLogsAsync(host, connection, identity, grant: false, passThru), identity);
        }
    }
}
