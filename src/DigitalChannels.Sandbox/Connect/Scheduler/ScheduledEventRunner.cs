using DigitalChannels.Sandbox.Connect.Flows;
using DigitalChannels.Sandbox.Connect.LogExports;
using DigitalChannels.Sandbox.Storage;

namespace DigitalChannels.Sandbox.Connect.Scheduler;

/// <summary>
/// Fires the scheduled events whose time has come on the sandbox clock. It runs when the clock is advanced, before the
/// scheduler's and the export's reads, and every second in the background (<see cref="ScheduledEventTicker"/>), so a
/// test that moves the clock sees the runs at once and a sandbox left running fires them as time passes. Each run is
/// recorded at its scheduled time, not at the moment it was noticed, so a restart or a jump of the clock changes nothing.
/// Everything happens in one write transaction per call: two callers at once cannot fire a run twice.
/// </summary>
public static class ScheduledEventRunner
{
    /// <summary>
    /// Runs fired per event in one call at most; the rest of a backlog (an every-minute event after the clock jumped a
    /// month) is skipped and counted, as a scheduler does with misfires, rather than flooding the traffic store.
    /// </summary>
    public const int MaximumRunsPerCatchUp = 100;

    /// <summary>Fires what is due in <paramref name="organizationId"/>, or in every organization when null; returns the runs fired.</summary>
    public static int RunDue(SandboxDatabase database, TimeProvider time, string? organizationId)
    {
        var now = time.GetUtcNow();
        var instant = Timestamps.Format(now);
        if (!database.Read(session => new ScheduledEventRepository(session).AnyDue(organizationId, instant))) return 0;
        return database.Write(session =>
        {
            var events = new ScheduledEventRepository(session);
            var flows = new FlowRepository(session);
            var fired = 0;
            foreach (var schedule in events.ListDue(organizationId, instant))
            {
                var flow = flows.FindAnywhere(schedule.OrganizationId, schedule.FlowId);
                if (flow is null) continue; // removed with its flow (cascade); nothing to fire
                DateTimeOffset? next = Timestamps.Parse(schedule.NextRunTime!);
                DateTimeOffset last = default;
                Traffic.TrafficTransaction? result = null;
                var runs = 0;
                while (next is { } run && run <= now && runs < MaximumRunsPerCatchUp)
                {
                    result = TrafficSeam.TriggerFlow(session, flow, schedule.Name, run);
                    last = run;
                    runs++;
                    next = Recurrence.After(schedule, run);
                }
                long skipped = 0;
                if (next is { } missed && missed <= now)
                {
                    var resumed = Recurrence.AtOrAfter(schedule, now + TimeSpan.FromMilliseconds(1));
                    skipped = Recurrence.CountBetween(schedule, missed, resumed ?? now + TimeSpan.FromMilliseconds(1));
                    next = resumed;
                }
                events.RecordRuns(schedule.Id, next is { } n ? Timestamps.Format(n) : null, Timestamps.Format(last), result!.Outcome, result.Id, runs, skipped);
                fired += runs;
            }
            return fired;
        });
    }
}

/// <summary>Fires due events as real time passes, for a sandbox that nobody moves the clock of.</summary>
public sealed class ScheduledEventTicker(SandboxDatabase database, TimeProvider time, ILogger<ScheduledEventTicker> logger) : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                ScheduledEventRunner.RunDue(database, time, null);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The next tick tries again; a locked database or a bad row must not stop the scheduler for good.
                logger.LogWarning("The Event Scheduler could not fire due events: {Message}", ex.Message);
            }
        }
    }
}
