using System.Management.Automation;
using DigitalChannels.Client.Connect;
using DigitalChannels.PowerShell.Base;
using DigitalChannels.PowerShell.Base.Completion;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>Deletes a Connect service. High impact: asks for confirmation unless -Confirm:$false.</summary>
    [Cmdlet(VerbsCommon.Remove, "ConnectService", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = HelpLinks.Docs + "Remove-ConnectService.md")]
    [OutputType(typeof(void))]
    public sealed class RemoveConnectServiceCommand : DigitalChannelsConnectedCmdlet
    {
        /// <summary>A service object from Get-ConnectService, a Service ID or an exact name.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true,
            HelpMessage = "The service: an object from Get-ConnectService, its Service ID or its exact name.")]
        [ValidateNotNull]
        [Alias("Name")]
        [ArgumentCompleter(typeof(ConnectServiceNameCompleter))]
        [SupportsWildcards]
        public ConnectServiceIdentity Identity { get; set; }

        protected override void Execute()
        {
            var connection = CurrentConnection;
            var identity = Identity;
            Run(ConnectServiceCommands.Noun, host => ConnectServiceCommands.RemoveAsync(host, connection, identity), identity);
        }
    }
}
