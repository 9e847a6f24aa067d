using System.Management.Automation;
using DigitalChannels.Client.Connect;
using DigitalChannels.Client.Connect.Flows;
using DigitalChannels.Client.Connect.Traffic;
using DigitalChannels.PowerShell.Base;
using DigitalChannels.PowerShell.Base.Completion;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>
    /// Plays a customer's message on an app or number (or a Task event, a custom event, an inbound webhook call, or a flow's
    /// reply to a customer) in the sandbox, to see offline which flow version handles it. Sandbox only.
    /// </summary>
    [Cmdlet(VerbsCommunications.Send, "DigitalChannelsSandboxMessage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low,
        DefaultParameterSetName = AssetSet, HelpUri = HelpLinks.Docs + "Send-DigitalChannelsSandboxMessage.md")]
    [OutputType(typeof(ConnectTransaction))]
    public sealed class SendDigitalChannelsSandboxMessageCommand : DigitalChannelsConnectedCmdlet
    {
        public const string AssetSet = "Asset";
        public const string ReplySet = "Reply";
        public const string EventSet = "Event";
        public const string FlowSet = "Flow";

        [Parameter(ParameterSetName = AssetSet, Mandatory = true, Position = 0, HelpMessage = "The app or number the message arrives on: its name, id, or a pattern matching one.")]
        [Parameter(ParameterSetName = ReplySet, Mandatory = true, Position = 0, HelpMessage = "The app or number the reply leaves from: its name, id, or a pattern matching one.")]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        public string Asset { get; set; }

        [Parameter(ParameterSetName = AssetSet, HelpMessage = "The customer who sends it (a number, an email address, a chat user); their conversation on the asset continues.")]
        public string From { get; set; }

        [Parameter(ParameterSetName = ReplySet, Mandatory = true, HelpMessage = "The customer the flow replies to (the destination Get-ConnectDebugLog -DestinationId finds).")]
        [ValidateNotNullOrEmpty]
        public string To { get; set; }

        [Parameter(ParameterSetName = ReplySet, HelpMessage = "What became of the reply: Submitted, Delivered (the default), Read or Failed.")]
        [ValidateSet("Submitted", "Delivered", "Read", "Failed")]
        public string Outcome { get; set; }

        [Parameter(ParameterSetName = EventSet, Mandatory = true, Position = 0, HelpMessage = "TaskRouted, TaskModified or TaskClose (the tenant's channel-agnostic flow), or CustomEvent or InboundWebhook (with -Service).")]
        [EnumWords(typeof(ConnectFlowKind))]
        [ValidateSet(nameof(ConnectFlowKind.TaskRouted), nameof(ConnectFlowKind.TaskModified), nameof(ConnectFlowKind.TaskClose),
            nameof(ConnectFlowKind.CustomEvent), nameof(ConnectFlowKind.InboundWebhook), IgnoreCase = true)]
        public ConnectFlowKind Event { get; set; }

        [Parameter(ParameterSetName = EventSet, HelpMessage = "The service a custom event or webhook call goes to (or the service of a flow given by name).")]
        [Parameter(ParameterSetName = FlowSet, HelpMessage = "The service of a flow given by name or id.")]
        [ArgumentCompleter(typeof(ConnectServiceNameCompleter))]
        [SupportsWildcards]
        public ConnectServiceIdentity Service { get; set; }

        [Parameter(ParameterSetName = EventSet, HelpMessage = "The custom event or inbound webhook flow, when the service has several.")]
        [Parameter(ParameterSetName = FlowSet, Mandatory = true, ValueFromPipeline = true, HelpMessage = "A CustomEvent or InboundWebhook flow: an object from Get-ConnectFlow, or its name or id with -Service.")]
        [ValidateNotNull]
        [ArgumentCompleter(typeof(ConnectFlowNameCompleter))]
        [SupportsWildcards]
        public ConnectFlowIdentity Flow { get; set; }

        [Parameter(HelpMessage = "The message text (only teammates with Decrypt Logs see it in the debug log).")]
        public string Text { get; set; }

        protected override void Execute()
        {
            var connection = CurrentConnection;
            var message = new SandboxMessage
            {
                Asset = Asset,
                From = From,
                To = To,
                Outcome = Outcome,
                Event = ParameterSetName == EventSet ? Event : (ConnectFlowKind?)null,
                Service = Service,
                Flow = Flow,
                Text = Text,
            };
            Run(ConnectTrafficCommands.MessageNoun, host => ConnectTrafficCommands.SendAsync(host, connection, message), (object)Asset ?? (object)Flow ?? Event);
        }
    }
}
