using System;
using System.Management.Automation;
using DigitalChannels.Client.Connect.Traffic;
using DigitalChannels.PowerShell.Base;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>The Connect portal's Settings > Usage: the tenant's inbound and outbound transactions per channel, optionally in a period.</summary>
    [Cmdlet(VerbsCommon.Get, "ConnectUsage", HelpUri = HelpLinks.Docs + "Get-ConnectUsage.md")]
    [OutputType(typeof(ConnectUsage))]
    public sealed class GetConnectUsageCommand : DigitalChannelsConnectedCmdlet
    {
        [Parameter(HelpMessage = "The start of the period (inclusive); omit it for everything before -End.")]
        public DateTime Start { get; set; }

        [Parameter(HelpMessage = "The end of the period (inclusive); omit it for everything after -Start.")]
        public DateTime End { get; set; }

        protected override void Execute()
        {
            var connection = CurrentConnection;
            DateTimeOffset? start = IsParameterBound(nameof(Start)) ? TrafficPeriod.Of(Start) : (DateTimeOffset?)null;
            DateTimeOffset? end = IsParameterBound(nameof(End)) ? TrafficPeriod.Of(End) : (DateTimeOffset?)null;
            Run(ConnectTrafficCommands.UsageNoun, host => ConnectTrafficCommands.GetUsageAsync(host, connection, start, end), null);
        }
    }
}
