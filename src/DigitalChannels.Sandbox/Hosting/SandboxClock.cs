namespace DigitalChannels.Sandbox.Hosting;

/// <summary>
/// The sandbox's one clock: system time plus an offset that only moves forward. Tests and demos advance it
/// (<c>POST /sandbox/v1/clock/advance</c>) to see what the platform does after 24 hours or 5 minutes without waiting.
/// Every time-based state (invitation and activation links, Publishing → Live, provisioning, tokens) is computed
/// from stored timestamps against this clock, never by a background timer, so it survives restarts and time travel alike.
/// The offset is not stored: a restarted sandbox is back on system time.
/// </summary>
public sealed class SandboxClock : TimeProvider
{
    private long offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;

    public void Advance(TimeSpan by)
    {
        if (by < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(by), by, "The sandbox clock only moves forward.");
        Interlocked.Add(ref offsetTicks, by.Ticks);
    }
}
