using System;
using System.Management.Automation;
using DigitalChannels.Client.Connect.Flows;
using DigitalChannels.Client.Connect.Traffic;
using DigitalChannels.PowerShell.Base;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>
    /// The Connect portal's Debug page: Query by Transaction ID, Query by Destination ID, or the Historical Log by channel and
    /// date range. Message text shows only for a teammate with Decrypt Logs.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ConnectDebugLog", DefaultParameterSetName = TransactionSet, HelpUri = HelpLinks.Docs + "Get-ConnectDebugLog.md")]
    [OutputType(typeof(ConnectTransaction))]
    public sealed class GetConnectDebugLogCommand : DigitalChannelsConnectedCmdlet
    {
        public const string TransactionSet = "TransactionId";
        public const string DestinationSet = "DestinationId";
        public const string HistoricalSet = "Historical";

        [Parameter(ParameterSetName = TransactionSet, Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true,
            HelpMessage = "The transaction id (from Send-DigitalChannelsSandboxMessage or the flow designer).")]
        [ValidateNotNullOrEmpty]
        public string TransactionId { get; set; }

        [Parameter(ParameterSetName = DestinationSet, Mandatory = true, HelpMessage = "Where messages went: a customer's number, email address or chat user (outbound), or an asset (inbound).")]
        [ValidateNotNullOrEmpty]
        public string DestinationId { get; set; }

        [Parameter(ParameterSetName = HistoricalSet, Mandatory = true, HelpMessage = "The channel (LiveChat, Sms…), or the trigger kind of events (TaskRouted, CustomEvent…).")]
        [EnumWords(typeof(ConnectFlowKind))]
        public ConnectFlowKind Channel { get; set; }

        [Parameter(ParameterSetName = DestinationSet, HelpMessage = "The start of the period (inclusive).")]
        [Parameter(ParameterSetName = HistoricalSet, Mandatory = true, HelpMessage = "The start of the period (inclusive).")]
        public DateTime Start { get; set; }

        [Parameter(ParameterSetName = DestinationSet, HelpMessage = "The end of the period (inclusive).")]
        [Parameter(ParameterSetName = HistoricalSet, Mandatory = true, HelpMessage = "The end of the period (inclusive).")]
        public DateTime End { get; set; }

        protected override void Execute()
        {
            var connection = CurrentConnection;
            var transactionId = ParameterSetName == TransactionSet ? TransactionId : null;
            var destination = ParameterSetName == DestinationSet ? DestinationId : null;
            ConnectFlowKind? channel = ParameterSetName == HistoricalSet ? Channel : (ConnectFlowKind?)null;
            DateTimeOffset? start = IsParameterBound(nameof(Start)) ? TrafficPeriod.Of(Start) : (DateTimeOffset?)null;
            DateTimeOffset? end = IsParameterBound(nameof(End)) ? TrafficPeriod.Of(End) : (DateTimeOffset?)null;
            Run(ConnectTrafficCommands.DebugLogNoun, host => ConnectTrafficCommands.GetDebugLogAsync(host, connection, transactionId, destination, channel, start, end),
                (object)transactionId ?? (object)destination ?? channel);
        }
    }
}
