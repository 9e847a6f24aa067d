using System;
using System.Management.Automation;
using DigitalChannels.Client.Connect;
using DigitalChannels.Client.Connect.Flows;
using DigitalChannels.Client.Connect.Scheduler;
using DigitalChannels.PowerShell.Base;
using DigitalChannels.PowerShell.Base.Completion;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>
    /// App Tray > Event Scheduler: schedules a custom-event flow at a time, or on a recurrence (every N minutes, hours, days or
    /// weeks). Each run is a transaction of the flow, seen in Debug, Reports and Export Logs.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "ConnectScheduledEvent", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.Docs + "New-ConnectScheduledEvent.md")]
    [OutputType(typeof(ConnectScheduledEvent))]
    public sealed class NewConnectScheduledEventCommand : DigitalChannelsConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, HelpMessage = "The event's name, unique in the tenant.")]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; }

        [Parameter(Mandatory = true, ValueFromPipeline = true, HelpMessage = "The custom-event flow to trigger: an object from Get-ConnectFlow, or its name or id with -Service.")]
        [ValidateNotNull]
        [ArgumentCompleter(typeof(ConnectFlowNameCompleter))]
        [SupportsWildcards]
        public ConnectFlowIdentity Flow { get; set; }

        [Parameter(HelpMessage = "The service of a flow given by name or id.")]
        [ArgumentCompleter(typeof(ConnectServiceNameCompleter))]
        [SupportsWildcards]
        public ConnectServiceIdentity Service { get; set; }

        /// <summary>The first (or only) run; a time without a zone is local.</summary>
        [Parameter(Mandatory = true, HelpMessage = "When it runs (first), e.g. (Get-Date).AddHours(1).")]
        public DateTime StartTime { get; set; }

        [Parameter]
        [EnumWords(typeof(ConnectScheduleRecurrence))]
        public ConnectScheduleRecurrence Recurrence { get; set; } = ConnectScheduleRecurrence.Once;

        /// <summary>Every N minutes, hours, days or weeks (with -Recurrence).</summary>
        [Parameter]
        [ValidateRange(1, 999)]
        public int Interval { get; set; } = 1;

        /// <summary>No run after this time.</summary>
        [Parameter]
        public DateTime EndTime { get; set; }

        /// <summary>Create it switched off: it runs once enabled with Set-ConnectScheduledEvent -Enabled.</summary>
        [Parameter]
        public SwitchParameter Disabled { get; set; }

        protected override void Execute()
        {
            var connection = CurrentConnection;
            var flow = Flow;
            DateTimeOffset? end = IsParameterBound(nameof(EndTime)) ? TrafficPeriod.Of(EndTime) : (DateTimeOffset?)null;
            Run(ConnectScheduledEventCommands.Noun, host => ConnectScheduledEventCommands.NewAsync(host, connection, Name, Service, flow, TrafficPeriod.Of(StartTime),
                Recurrence, Interval, end, Disabled.IsPresent), Name);
        }
    }
}
