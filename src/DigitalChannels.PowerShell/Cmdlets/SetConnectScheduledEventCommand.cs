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
    /// Changes a scheduled event: name, flow, start, recurrence, end, or switches it off and on. A changed schedule (or
    /// switching it on) makes the next run the first one from now on; a run already made is never repeated.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "ConnectScheduledEvent", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.Docs + "Set-ConnectScheduledEvent.md")]
    [OutputType(typeof(ConnectScheduledEvent))]
    public sealed class SetConnectScheduledEventCommand : DigitalChannelsConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true,
            HelpMessage = "The event: an object from Get-ConnectScheduledEvent, its id or its name.")]
        [ValidateNotNull]
        [Alias("Name")]
        [SupportsWildcards]
        public ConnectScheduledEventIdentity Identity { get; set; }

        [Parameter(HelpMessage = "The new name of the event.")]
        [ValidateNotNullOrEmpty]
        public string NewName { get; set; }

        [Parameter(HelpMessage = "Another custom-event flow to trigger: an object from Get-ConnectFlow, or its name or id.")]
        [ArgumentCompleter(typeof(ConnectFlowNameCompleter))]
        [SupportsWildcards]
        public ConnectFlowIdentity Flow { get; set; }

        [Parameter(HelpMessage = "The service of a flow given by name or id (default: the event's service).")]
        [ArgumentCompleter(typeof(ConnectServiceNameCompleter))]
        [SupportsWildcards]
        public ConnectServiceIdentity Service { get; set; }

        [Parameter]
        public DateTime StartTime { get; set; }

        [Parameter]
        [EnumWords(typeof(ConnectScheduleRecurrence))]
        public ConnectScheduleRecurrence Recurrence { get; set; }

        [Parameter]
        [ValidateRange(1, 999)]
        public int Interval { get; set; }

        [Parameter]
        public DateTime EndTime { get; set; }

        /// <summary>Remove the end time: the event recurs without end.</summary>
        [Parameter]
        public SwitchParameter NoEndTime { get; set; }

        /// <summary>-Enabled switches the event on, -Enabled:$false off; omitted, it stays as it is.</summary>
        [Parameter]
        public SwitchParameter Enabled { get; set; }

        /// <summary>Write the changed event to the pipeline.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void Execute()
        {
            var connection = CurrentConnection;
            var identity = Identity;
            DateTimeOffset? start = IsParameterBound(nameof(StartTime)) ? TrafficPeriod.Of(StartTime) : (DateTimeOffset?)null;
            DateTimeOffset? end = IsParameterBound(nameof(EndTime)) ? TrafficPeriod.Of(EndTime) : (DateTimeOffset?)null;
            ConnectScheduleRecurrence? recurrence = IsParameterBound(nameof(Recurrence)) ? Recurrence : (ConnectScheduleRecurrence?)null;
            int? interval = IsParameterBound(nameof(Interval)) ? Interval : (int?)null;
            bool? enabled = IsParameterBound(nameof(Enabled)) ? Enabled.IsPresent : (bool?)null;
            Run(ConnectScheduledEventCommands.Noun, host => ConnectScheduledEventCommands.SetAsync(host, connection, identity, NewName, Service, Flow, start,
                recurrence, interval, end, NoEndTime.IsPresent, enabled, PassThru.IsPresent), identity);
        }
    }
}
