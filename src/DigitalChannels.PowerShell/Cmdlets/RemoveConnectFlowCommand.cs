using System.Management.Automation;
using DigitalChannels.Client.Connect;
using DigitalChannels.Client.Connect.Flows;
using DigitalChannels.PowerShell.Base;
using DigitalChannels.PowerShell.Base.Completion;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>Deletes a flow with all its versions and rules. High impact: asks for confirmation unless -Confirm:$false.</summary>
    [Cmdlet(VerbsCommon.Remove, "ConnectFlow", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = HelpLinks.Docs + "Remove-ConnectFlow.md")]
    [OutputType(typeof(void))]
    public sealed class RemoveConnectFlowCommand : DigitalChannelsConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, HelpMessage = "The flow: an object from Get-ConnectFlow, or its name or id with -Service.")]
        [ValidateNotNull]
        [ArgumentCompleter(typeof(ConnectFlowNameCompleter))]
        [SupportsWildcards]
        [Alias("Name")]
        public ConnectFlowIdentity Flow { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true, HelpMessage = "The service of a flow given by name or id.")]
        [ArgumentCompleter(typeof(ConnectServiceNameCompleter))]
        [SupportsWildcards]
        [Alias("ServiceName")]
        public ConnectServiceIdentity Service { get; set; }

        protected override void Execute()
        {
            var connection = CurrentConnection;
            var flow = Flow;
            var service = Service;
            Run(ConnectFlowCommands.Noun, host => ConnectFlowCommands.RemoveAsync(host, connection, flow, service), flow);
        }
    }
}
