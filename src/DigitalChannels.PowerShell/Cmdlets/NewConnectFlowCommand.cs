using System.Management.Automation;
using DigitalChannels.Client.Connect;
using DigitalChannels.Client.Connect.Flows;
using DigitalChannels.PowerShell.Base;
using DigitalChannels.PowerShell.Base.Completion;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>Creates an empty flow (the portal's CREATE FLOW > Work Flow > New Flow, then a trigger category).</summary>
    [Cmdlet(VerbsCommon.New, "ConnectFlow", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.Docs + "New-ConnectFlow.md")]
    [OutputType(typeof(ConnectFlow))]
    public sealed class NewConnectFlowCommand : DigitalChannelsConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, HelpMessage = "The name of the new flow; unique in its service.")]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; }

        [Parameter(Mandatory = true, ValueFromPipeline = true, HelpMessage = "The service: an object from Get-ConnectService, its Service ID or its exact name.")]
        [ValidateNotNull]
        [ArgumentCompleter(typeof(ConnectServiceNameCompleter))]
        [SupportsWildcards]
        public ConnectServiceIdentity Service { get; set; }

        /// <summary>The trigger category: a channel, a channel-agnostic Task event, a custom event or an inbound webhook.</summary>
        [Parameter(Mandatory = true, HelpMessage = "What starts the flow: a channel (LiveChat, Email, Sms…), TaskRouted/TaskModified/TaskClose, CustomEvent or InboundWebhook.")]
        [EnumWords(typeof(ConnectFlowKind))]
        public ConnectFlowKind Kind { get; set; }

        protected override void Execute()
        {
            var connection = CurrentConnection;
            var service = Service;
            Run(ConnectFlowCommands.Noun, host => ConnectFlowCommands.NewAsync(host, connection, service, Name, Kind), Name);
        }
    }
}
