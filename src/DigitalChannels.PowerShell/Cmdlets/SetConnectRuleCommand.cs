using System.Management.Automation;
using DigitalChannels.Client.Connect;
using DigitalChannels.Client.Connect.Flows;
using DigitalChannels.PowerShell.Base;
using DigitalChannels.PowerShell.Base.Completion;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>Makes an asset (app or number) trigger a flow; the asset's previous rule is replaced.</summary>
    [Cmdlet(VerbsCommon.Set, "ConnectRule", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.Docs + "Set-ConnectRule.md")]
    [OutputType(typeof(ConnectRule))]
    public sealed class SetConnectRuleCommand : DigitalChannelsConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, HelpMessage = "The flow: an object from Get-ConnectFlow, or its name or id with -Service.")]
        [ValidateNotNull]
        [ArgumentCompleter(typeof(ConnectFlowNameCompleter))]
        [SupportsWildcards]
        [Alias("Name")]
        public ConnectFlowIdentity Flow { get; set; }

        [Parameter(Mandatory = true, HelpMessage = "The app or number that should trigger the flow, by name or id.")]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        public string Asset { get; set; }

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
            Run(ConnectRuleCommands.Noun, host => ConnectRuleCommands.SetAsync(host, connection, service, flow, Asset), flow);
        }
    }
}
