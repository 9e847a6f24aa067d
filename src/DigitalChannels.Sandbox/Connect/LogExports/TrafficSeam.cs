using DigitalChannels.Sandbox.Connect.Flows;
using DigitalChannels.Sandbox.Connect.Traffic;
using DigitalChannels.Sandbox.Storage;
using DigitalChannels.Sandbox.Tenancy;

namespace DigitalChannels.Sandbox.Connect.LogExports;

/// <summary>
/// Where Export Logs and the Event Scheduler meet the traffic store (<see cref="TrafficLog"/>, its one recorder): reading
/// the transactions of an export and recording a flow triggered by a scheduled event.
/// </summary>
public static class TrafficSeam
{
    /// <summary>The trigger a scheduled run is recorded under (Debug shows it).</summary>
    public const string EventSchedulerTrigger = "EventScheduler";

    /// <summary>The most rows one export holds; the platform's own limit is 10 million per download.</summary>
    public const int MaximumRows = 100_000;

    /// <summary>The transactions of the job's service (and channel) in its direction and period that <paramref name="visibleFrom"/> sees, oldest first.</summary>
    public static IReadOnlyList<TrafficTransaction> Query(DbSession session, LogExport job, ConnectContainer visibleFrom) =>
        TrafficLog.Query(session, job.OrganizationId, visibleFrom, Filter(job), 0, MaximumRows);

    public static long Count(DbSession session, LogExport job, ConnectContainer visibleFrom) =>
        Math.Min(MaximumRows, TrafficLog.Count(session, job.OrganizationId, visibleFrom, Filter(job)));

    private static TrafficFilter Filter(LogExport job) => new()
    {
        ServiceId = job.ServiceId,
        Channel = job.Channel,
        Direction = job.Direction,
        Start = job.FromTime,
        End = job.CutOff,
    };

    /// <summary>
    /// A scheduled event raises its flow's custom event at <paramref name="at"/>: the flow's live version handles it, or it
    /// is rejected; either way it is a transaction of the traffic store, with the event's name as its content.
    /// </summary>
    public static TrafficTransaction TriggerFlow(DbSession session, ConnectFlow flow, string eventName, DateTimeOffset at) =>
        TrafficLog.Deliver(session, flow.OrganizationId, TrafficTrigger.Flow(flow.Id, EventSchedulerTrigger, $"Scheduled event '{eventName}'"), at);
}
