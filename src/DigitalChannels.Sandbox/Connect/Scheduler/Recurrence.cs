using DigitalChannels.Sandbox.Storage;

namespace DigitalChannels.Sandbox.Connect.Scheduler;

/// <summary>
/// When a scheduled event runs: once at its start time, or from it every N minutes, hours, days or weeks (in UTC), until
/// its end time if it has one. Every occurrence is start + k × step, so the schedule never drifts, however late a
/// run is evaluated.
/// </summary>
public static class Recurrence
{
    public const string Once = "Once";
    public const string Minutes = "Minutes";
    public const string Hourly = "Hourly";
    public const string Daily = "Daily";
    public const string Weekly = "Weekly";

    public static readonly IReadOnlyList<string> All = [Once, Minutes, Hourly, Daily, Weekly];

    public const int MaximumInterval = 999;

    public static TimeSpan? Step(string recurrence, int interval) => recurrence switch
    {
        Minutes => TimeSpan.FromMinutes(interval),
        Hourly => TimeSpan.FromHours(interval),
        Daily => TimeSpan.FromDays(interval),
        Weekly => TimeSpan.FromDays(7 * interval),
        _ => null,
    };

    /// <summary>The first occurrence at or after <paramref name="from"/>; null when there is none (a past one-off, or past the end).</summary>
    public static DateTimeOffset? AtOrAfter(ScheduledEvent schedule, DateTimeOffset from)
    {
        var start = Timestamps.Parse(schedule.StartTime);
        DateTimeOffset candidate;
        if (Step(schedule.Recurrence, schedule.Interval) is not { } step)
            candidate = start;
        else if (from <= start)
            candidate = start;
        else
        {
            var steps = (from - start).Ticks / step.Ticks;
            candidate = start + TimeSpan.FromTicks(step.Ticks * steps);
            if (candidate < from) candidate += step;
        }
        if (candidate < from) return null;
        if (schedule.EndTime is { } end && candidate > Timestamps.Parse(end)) return null;
        return candidate;
    }

    /// <summary>The occurrence after the one at <paramref name="run"/>.</summary>
    public static DateTimeOffset? After(ScheduledEvent schedule, DateTimeOffset run) => AtOrAfter(schedule, run + TimeSpan.FromMilliseconds(1));

    /// <summary>How many occurrences lie in [<paramref name="from"/>, <paramref name="until"/>).</summary>
    public static long CountBetween(ScheduledEvent schedule, DateTimeOffset from, DateTimeOffset until) =>
        Step(schedule.Recurrence, schedule.Interval) is { } step && until > from ? (until - from).Ticks / step.Ticks + ((until - from).Ticks % step.Ticks == 0 ? 0 : 1) : 0;
}
