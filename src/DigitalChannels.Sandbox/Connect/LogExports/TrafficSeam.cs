using DigitalChannels.Sandbox.Connect.Flows;
using DigitalChannels.Sandbox.Storage;

namespace DigitalChannels.Sandbox.Connect.LogExports;

/// <summary>One transaction as a row of an exported log.</summary>
public sealed record LogRecord(string TransactionId, string Time, string Direction, string ServiceId, string ServiceName, string Channel,
    string? Source, string? Destination, string? FlowId, string? FlowName, int? FlowVersion, string Outcome, string? Reason, string? ConversationId);

/// <summary>What triggering a flow did: the transaction it was recorded as and its outcome.</summary>
public sealed record TriggerResult(string TransactionId, string Outcome, string? Reason);

/// <summary>
/// Where Export Logs and the Event Scheduler meet the traffic store (the simulated messages): reading its transactions
/// and recording a flow triggered by a scheduled event. The one place to wire to that store.
/// </summary>
public static class TrafficSeam
{
    /// <summary>The transactions of a service (and channel) in the direction and period, oldest first.</summary>
    public static IReadOnlyList<LogRecord> Query(DbSession session, string organizationId, string direction, string serviceId, string? channel,
        string fromTime, string toTime) => [];

    /// <summary>A scheduled event raises its custom event at <paramref name="at"/>: the flow's live version handles it, or it is rejected.</summary>
    public static TriggerResult TriggerFlow(DbSession session, ConnectFlow flow, string eventName, DateTimeOffset at)
    {
        var live = FlowLifecycle.LiveVersion(new FlowRepository(session).Versions(flow.Id), at);
        return live is null
            ? new TriggerResult(Guid.NewGuid().ToString("D"), "Rejected", $"flow '{flow.Name}' has no live version")
            : new TriggerResult(Guid.NewGuid().ToString("D"), "Delivered", null);
    }
}
