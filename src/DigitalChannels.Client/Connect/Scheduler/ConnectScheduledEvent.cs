using System;
using Newtonsoft.Json;

namespace DigitalChannels.Client.Connect.Scheduler
{
    /// <summary>How often a scheduled event runs: once, or every N minutes, hours, days or weeks from its start time (UTC).</summary>
    public enum ConnectScheduleRecurrence
    {
        Once,
        Minutes,
        Hourly,
        Daily,
        Weekly,
    }

    /// <summary>
    /// An App Tray > Event Scheduler event: it raises the custom event of a flow at <see cref="StartTime"/>, or on a
    /// recurrence. Each run is a transaction of the traffic store (Debug, Reports, Export Logs); the event keeps its last
    /// run's time, outcome and transaction id, and its next run (none once it will not run again).
    /// </summary>
    public sealed class ConnectScheduledEvent
    {
        public const string ScheduledStatus = "Scheduled";
        public const string CompletedStatus = "Completed";
        public const string DisabledStatus = "Disabled";

        [JsonProperty("id")] public string Id { get; set; }
        [JsonProperty("name")] public string Name { get; set; }
        [JsonProperty("serviceId")] public string ServiceId { get; set; }
        [JsonProperty("serviceName")] public string ServiceName { get; set; }
        [JsonProperty("flowId")] public string FlowId { get; set; }
        [JsonProperty("flowName")] public string FlowName { get; set; }
        [JsonProperty("startTime")] public DateTimeOffset StartTime { get; set; }
        [JsonProperty("recurrence")] public string Recurrence { get; set; }
        [JsonProperty("interval")] public int Interval { get; set; }
        [JsonProperty("endTime")] public DateTimeOffset? EndTime { get; set; }
        [JsonProperty("enabled")] public bool Enabled { get; set; }

        /// <summary>Scheduled, Completed (no run left) or Disabled.</summary>
        [JsonProperty("status")] public string Status { get; set; }

        [JsonProperty("nextRunTime")] public DateTimeOffset? NextRunTime { get; set; }
        [JsonProperty("lastRunTime")] public DateTimeOffset? LastRunTime { get; set; }
        [JsonProperty("lastOutcome")] public string LastOutcome { get; set; }
        [JsonProperty("lastTransactionId")] public string LastTransactionId { get; set; }
        [JsonProperty("runCount")] public long RunCount { get; set; }
        [JsonProperty("skippedRuns")] public long SkippedRuns { get; set; }
        [JsonProperty("version")] public int Version { get; set; }
        [JsonProperty("createdTime")] public DateTimeOffset? CreatedTime { get; set; }
        [JsonProperty("lastUpdatedTime")] public DateTimeOffset? LastUpdatedTime { get; set; }

        /// <summary>"Once", "Every 15 minutes", "Daily", "Every 2 weeks".</summary>
        public string Schedule
        {
            get
            {
                if (Recurrence == nameof(ConnectScheduleRecurrence.Once)) return "Once";
                var unit = Recurrence == nameof(ConnectScheduleRecurrence.Minutes) ? "minute" : Recurrence == nameof(ConnectScheduleRecurrence.Hourly) ? "hour"
                    : Recurrence == nameof(ConnectScheduleRecurrence.Daily) ? "day" : Recurrence == nameof(ConnectScheduleRecurrence.Weekly) ? "week" : Recurrence;
                return Interval == 1 ? $"Every {unit}" : $"Every {Interval} {unit}s";
            }
        }

        public override string ToString() => Name;
    }

    /// <summary>Names one scheduled event by object, id, exact name or a wildcard pattern that matches one name.</summary>
    public sealed class ConnectScheduledEventIdentity
    {
        public ConnectScheduledEventIdentity(ConnectScheduledEvent scheduledEvent)
        {
            Event = scheduledEvent ?? throw new ArgumentNullException(nameof(scheduledEvent));
            Id = scheduledEvent.Id;
        }

        public ConnectScheduledEventIdentity(string idOrName)
        {
            if (string.IsNullOrWhiteSpace(idOrName)) throw new ArgumentException("A scheduled event id or name is empty.", nameof(idOrName));
            var text = idOrName.Trim();
            if (Guid.TryParse(text, out var id)) Id = id.ToString("D");
            else Name = text;
        }

        public ConnectScheduledEvent Event { get; }
        public string Id { get; }
        public string Name { get; }

        public override string ToString() => Event?.Name ?? Name ?? Id;
    }
}
