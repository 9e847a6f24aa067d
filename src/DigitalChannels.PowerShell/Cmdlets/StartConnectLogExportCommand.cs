using System;
using System.Management.Automation;
using DigitalChannels.Client.Connect;
using DigitalChannels.Client.Connect.Flows;
using DigitalChannels.Client.Connect.Logs;
using DigitalChannels.PowerShell.Base;
using DigitalChannels.PowerShell.Base.Completion;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>
    /// Tools > Export Logs > DOWNLOAD: starts an export of the inbound or outbound log of a service for a period. The job is
    /// In progress for a few seconds, then Ready for download: pipe it to Wait-ConnectLogExport and Save-ConnectLogExport.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Start, "ConnectLogExport", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, HelpUri = HelpLinks.Docs + "Start-ConnectLogExport.md")]
    [OutputType(typeof(ConnectLogExport))]
    public sealed class StartConnectLogExportCommand : DigitalChannelsConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, HelpMessage = "The service whose log to export: an object from Get-ConnectService, its Service ID or its name.")]
        [ValidateNotNull]
        [ArgumentCompleter(typeof(ConnectServiceNameCompleter))]
        [SupportsWildcards]
        public ConnectServiceIdentity Service { get; set; }

        [Parameter(Mandatory = true, HelpMessage = "Inbound (messages received) or Outbound (messages sent).")]
        [EnumWords(typeof(ConnectLogDirection))]
        public ConnectLogDirection Direction { get; set; }

        /// <summary>
        /// One channel of the log: an asset channel (LiveChat, Sms…), a Task event, CustomEvent (scheduled events too) or
        /// InboundWebhook; every channel when omitted.
        /// </summary>
        [Parameter]
        [EnumWords(typeof(ConnectFlowKind))]
        public ConnectFlowKind Channel { get; set; }

        /// <summary>Start of the period (a time without a zone is local); a day before -To when omitted.</summary>
        [Parameter]
        public DateTime From { get; set; }

        /// <summary>End of the period; now (the tenant's clock) when omitted.</summary>
        [Parameter]
        public DateTime To { get; set; }

        protected override void Execute()
        {
            var connection = CurrentConnection;
            var service = Service;
            var direction = Direction;
            ConnectFlowKind? channel = IsParameterBound(nameof(Channel)) ? Channel : (ConnectFlowKind?)null;
            DateTimeOffset? from = IsParameterBound(nameof(From)) ? TrafficPeriod.Of(From) : (DateTimeOffset?)null;
            DateTimeOffset? to = IsParameterBound(nameof(To)) ? TrafficPeriod.Of(To) : (DateTimeOffset?)null;
            Run(ConnectLogExportCommands.Noun, host => ConnectLogExportCommands.StartAsync(host, connection, service, direction, channel, from, to), service);
        }
    }
}
