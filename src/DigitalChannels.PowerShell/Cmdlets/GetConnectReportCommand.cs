using System;
using System.Management.Automation;
using DigitalChannels.Client.Connect;
using DigitalChannels.Client.Connect.Flows;
using DigitalChannels.Client.Connect.Traffic;
using DigitalChannels.PowerShell.Base;
using DigitalChannels.PowerShell.Base.Completion;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>
    /// The Connect portal's Reports page: a service (ENTITY), one channel or one flow, a period; Submitted, Rejected,
    /// Delivered, Read and Failed. Nothing in the period: the portal's "No records found." and no object.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ConnectReport", DefaultParameterSetName = ServiceSet, HelpUri = HelpLinks.Docs + "Get-ConnectReport.md")]
    [OutputType(typeof(ConnectReport))]
    public sealed class GetConnectReportCommand : DigitalChannelsConnectedCmdlet
    {
        public const string ServiceSet = "Service";
        public const string ChannelSet = "Channel";
        public const string FlowSet = "Flow";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, HelpMessage = "The service: an object from Get-ConnectService, its Service ID, its name, or a pattern matching one.")]
        [ValidateNotNull]
        [ArgumentCompleter(typeof(ConnectServiceNameCompleter))]
        [SupportsWildcards]
        public ConnectServiceIdentity Service { get; set; }

        [Parameter(ParameterSetName = ChannelSet, Mandatory = true, HelpMessage = "One channel: every flow of that kind in the service.")]
        [EnumWords(typeof(ConnectFlowKind))]
        public ConnectFlowKind Channel { get; set; }

        [Parameter(ParameterSetName = FlowSet, Mandatory = true, HelpMessage = "One flow of the service: its name, id, or a pattern matching one.")]
        [ValidateNotNull]
        [ArgumentCompleter(typeof(ConnectFlowNameCompleter))]
        [SupportsWildcards]
        public ConnectFlowIdentity Flow { get; set; }

        [Parameter(Mandatory = true, HelpMessage = "The start of the period (inclusive).")]
        public DateTime Start { get; set; }

        [Parameter(Mandatory = true, HelpMessage = "The end of the period (inclusive).")]
        public DateTime End { get; set; }

        protected override void Execute()
        {
            var connection = CurrentConnection;
            var service = Service;
            ConnectFlowKind? channel = ParameterSetName == ChannelSet ? Channel : (ConnectFlowKind?)null;
            var flow = ParameterSetName == FlowSet ? Flow : null;
            var (start, end) = (TrafficPeriod.Of(Start), TrafficPeriod.Of(End));
            Run(ConnectTrafficCommands.ReportNoun, host => ConnectTrafficCommands.GetReportAsync(host, connection, service, channel, flow, start, end), service);
        }
    }
}
