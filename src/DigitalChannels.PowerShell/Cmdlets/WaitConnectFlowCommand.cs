using System;
using System.Collections.Generic;
using System.Management.Automation;
using DigitalChannels.Client.Connect;
using DigitalChannels.Client.Connect.Flows;
using DigitalChannels.PowerShell.Base;
using DigitalChannels.PowerShell.Base.Completion;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>
    /// Waits until flows that are Publishing are Live, showing one progress bar; Ctrl+C stops the wait. Like Wait-Job, it
    /// collects every flow piped in and waits for all of them at once at the end, so that three flows published in one
    /// pipeline go Live in about one publishing time.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Wait, "ConnectFlow", HelpUri = HelpLinks.Docs + "Wait-ConnectFlow.md")]
    [OutputType(typeof(ConnectFlow))]
    public sealed class WaitConnectFlowCommand : DigitalChannelsConnectedCmdlet
    {
        private readonly List<ConnectFlowIdentity> _flows = new List<ConnectFlowIdentity>();

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, HelpMessage = "The flows: objects from Publish-ConnectFlow or Get-ConnectFlow, or names or ids with -Service.")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ConnectFlowNameCompleter))]
        [SupportsWildcards]
        public ConnectFlowIdentity[] Flow { get; set; }

        [Parameter(HelpMessage = "The service of flows given by name or id.")]
        [ArgumentCompleter(typeof(ConnectServiceNameCompleter))]
        [SupportsWildcards]
        public ConnectServiceIdentity Service { get; set; }

        [Parameter(HelpMessage = "How long to wait for all of them, in seconds, before giving up (default 600).")]
        [ValidateRange(1, 86400)]
        public int TimeoutSeconds { get; set; } = (int)ConnectFlowCommands.DefaultWaitTimeout.TotalSeconds;

        /// <summary>Collects: the wait starts when the last flow has arrived.</summary>
        protected override void Execute() => _flows.AddRange(Flow);

        protected override void Finish()
        {
            if (_flows.Count == 0) return;
            var connection = CurrentConnection;
            var flows = _flows.ToArray();
            var service = Service;
            var timeout = TimeSpan.FromSeconds(TimeoutSeconds);
            Run(ConnectFlowCommands.Noun, host => ConnectFlowCommands.WaitAsync(host, connection, flows, service, timeout, ConnectFlowCommands.DefaultPollInterval));
        }
    }
}
