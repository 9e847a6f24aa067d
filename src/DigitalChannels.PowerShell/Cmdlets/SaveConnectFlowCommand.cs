using System.Management.Automation;
using DigitalChannels.Client.Connect;
using DigitalChannels.Client.Connect.Flows;
using DigitalChannels.PowerShell.Base;
using DigitalChannels.PowerShell.Base.Completion;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>Saves a flow (SAVE); what would stop Make Live is written as warnings and kept in the flow's Findings.</summary>
    [Cmdlet(VerbsData.Save, "ConnectFlow", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, HelpUri = HelpLinks.Docs + "Save-ConnectFlow.md")]
    [OutputType(typeof(ConnectFlow))]
    public sealed class SaveConnectFlowCommand : DigitalChannelsConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, HelpMessage = "The flow: an object from Get-ConnectFlow, or its name or id with -Service.")]
        [ValidateNotNull]
        [ArgumentCompleter(typeof(ConnectFlowNameCompleter))]
        [SupportsWildcards]
        public ConnectFlowIdentity Flow { get; set; }

        [Parameter(HelpMessage = "The service of a flow given by name or id.")]
        [ArgumentCompleter(typeof(ConnectServiceNameCompleter))]
        [SupportsWildcards]
        public ConnectServiceIdentity Service { get; set; }

        protected override void Execute()
        {
            var connection = CurrentConnection;
            var flow = Flow;
            var service = Service;
            Run(ConnectFlowCommands.Noun, host => ConnectFlowCommands.SaveAsync(host, connection, flow, service), flow);
        }
    }
}
