using System;
using System.Management.Automation;
using DigitalChannels.Client.Connect;
using DigitalChannels.Client.Connect.Flows;
using DigitalChannels.PowerShell.Base;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>Waits until a flow that is Publishing is Live, showing progress; Ctrl+C stops the wait.</summary>
    [Cmdlet(VerbsLifecycle.Wait, "ConnectFlow", HelpUri = HelpLinks.Docs + "Wait-ConnectFlow.md")]
    [OutputType(typeof(ConnectFlow))]
    public sealed class WaitConnectFlowCommand : DigitalChannelsConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, HelpMessage = "The flow: an object from Publish-ConnectFlow or Get-ConnectFlow, or its name or id with -Service.")]
        [ValidateNotNull]
        public ConnectFlowIdentity Flow { get; set; }

        [Parameter(HelpMessage = "The service of a flow given by name or id.")]
        public ConnectServiceIdentity Service { get; set; }

        [Parameter(HelpMessage = "How long to wait, in seconds, before giving up (default 600).")]
        [ValidateRange(1, 86400)]
        public int TimeoutSeconds { get; set; } = (int)ConnectFlowCommands.DefaultWaitTimeout.TotalSeconds;

        protected override void Execute()
        {
            var connection = CurrentConnection;
            var flow = Flow;
            var service = Service;
            var timeout = TimeSpan.FromSeconds(TimeoutSeconds);
            Run(ConnectFlowCommands.Noun, host => ConnectFlowCommands.WaitAsync(host, connection, flow, service, timeout, ConnectFlowCommands.DefaultPollInterval), flow);
        }
    }
}
