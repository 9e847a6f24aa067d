using System.Management.Automation;
using DigitalChannels.Client.Connect;
using DigitalChannels.Client.Connect.Flows;
using DigitalChannels.PowerShell.Base;
using DigitalChannels.PowerShell.Base.Completion;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>Makes a saved flow live (MAKE LIVE): it is Publishing for about 2 minutes, then Live. Pipe it to Wait-ConnectFlow to wait.</summary>
    [Cmdlet(VerbsData.Publish, "ConnectFlow", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.Docs + "Publish-ConnectFlow.md")]
    [OutputType(typeof(ConnectFlow))]
    public sealed class PublishConnectFlowCommand : DigitalChannelsConnectedCmdlet
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

        /// <summary>The Make Live pop-up's Application: the app (or number) that triggers a channel flow, by name or id.</summary>
        [Parameter(HelpMessage = "The app or number that triggers a channel flow, by name or id.")]
        [SupportsWildcards]
        public string Asset { get; set; }

        [Parameter(HelpMessage = "An optional comment for this version.")]
        public string Comment { get; set; }

        protected override void Execute()
        {
            var connection = CurrentConnection;
            var flow = Flow;
            var service = Service;
            Run(ConnectFlowCommands.Noun, host => ConnectFlowCommands.PublishAsync(host, connection, flow, service, Asset, Comment), flow);
        }
    }
}
