using DigitalChannels.Sandbox.Connect.Scheduler;
using Xunit;

namespace DigitalChannels.IntegrationTests.Tools;

/// <summary>When a scheduled event runs: start + k × step, the first at or after a time, never past the end.</summary>
public sealed class RecurrenceTests
{
    private static ScheduledEvent Event(string recurrence, int interval, string start = "2026-01-05T09:00:00.000Z", string? end = null) =>
        new("id", "org", "name", "service", "flow", start, recurrence, interval, end, true, null, null, null, null, 0, 0, 0, start, start);

    private static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("Once", 1, "2026-01-01T00:00:00Z", "2026-01-05T09:00:00Z")]
    [InlineData("Once", 1, "2026-01-05T09:00:00Z", "2026-01-05T09:00:00Z")]
    [InlineData("Once", 1, "2026-01-05T09:00:00.001Z", null)]
    [InlineData("Minutes", 15, "2026-01-05T09:00:00.001Z", "2026-01-05T09:15:00Z")]
    [InlineData("Minutes", 15, "2026-01-05T10:14:59Z", "2026-01-05T10:15:00Z")]
    [InlineData("Hourly", 2, "2026-01-05T10:00:00Z", "2026-01-05T11:00:00Z")]
    [InlineData("Daily", 1, "2026-01-07T09:00:00Z", "2026-01-07T09:00:00Z")]
    [InlineData("Daily", 1, "2026-01-07T09:00:01Z", "2026-01-08T09:00:00Z")]
    [InlineData("Weekly", 1, "2026-01-06T00:00:00Z", "2026-01-12T09:00:00Z")]
    [InlineData("Weekly", 2, "2026-01-13T00:00:00Z", "2026-01-19T09:00:00Z")]
    public void The_next_run_is_the_first_occurrence_at_or_after_a_time(string recurrence, int interval, string from, string? expected) =>
        Assert.Equal(expected is null ? null : At(expected), Recurrence.AtOrAfter(Event(recurrence, interval), At(from)));

    [Fact]
    public void Nothing_runs_after_the_end_and_the_run_after_one_is_a_step_later()
    {
        var daily = Event("Daily", 1, end: "2026-01-07T09:00:00.000Z");
        Assert.Equal(At("2026-01-07T09:00:00Z"), Recurrence.After(daily, At("2026-01-06T09:00:00Z")));
        Assert.Null(Recurrence.After(daily, At("2026-01-07T09:00:00Z")));
        Assert.Null(Recurrence.After(Event("Once", 1), At("2026-01-05T09:00:00Z")));
        Assert.Equal(4, Recurrence.CountBetween(Event("Minutes", 15), At("2026-01-05T09:00:00Z"), At("2026-01-05T10:00:00Z")));
        Assert.Equal(0, Recurrence.CountBetween(Event("Once", 1), At("2026-01-05T09:00:00Z"), At("2026-01-05T10:00:00Z")));
    }
}
