using DigitalChannels.Client.Auth;
using DigitalChannels.Sandbox.Errors;
using DigitalChannels.Sandbox.Hosting;
using DigitalChannels.Sandbox.Http;
using DigitalChannels.Sandbox.Identity;

namespace DigitalChannels.Sandbox.Administration;

/// <summary>
/// Time travel for tests and demos: see <see cref="SandboxClock"/>. The clock is the whole sandbox's, for every tenant,
/// so only the sandbox operator moves it; every tenant may read it.
/// </summary>
public static class ClockEndpoints
{
    public const string Path = "/sandbox/v1/clock";
    public const int MaximumAdvanceSeconds = 366 * 24 * 3600;

    public static void MapClockEndpoints(this IEndpointRouteBuilder app)
    {
        var clock = app.MapGroup(Path).RequireSandboxToken().WithErrorBodyStyle(ErrorBodyStyle.Problem).RequireScope(Scopes.SandboxAdmin);
        clock.MapGet("", (SandboxClock time) => SandboxJson.Ok(Describe(time)));
        clock.MapPost("/advance", async (HttpContext context, SandboxClock time, Storage.SandboxDatabase database) =>
        {
            var body = await JsonBody.ReadObjectAsync(context.Request);
            var seconds = body.RequiredInt("seconds");
            if (seconds < 1 || seconds > MaximumAdvanceSeconds)
                throw ApiError.BadRequest(ErrorKeys.InvalidField,
                    $"The field 'seconds' must be from 1 to {MaximumAdvanceSeconds} (got {seconds}); the clock only moves forward.").ToException();
            time.Advance(TimeSpan.FromSeconds(seconds));
            // What became due fires now, so the caller sees its runs as soon as the clock has moved.
            Connect.Scheduler.ScheduledEventRunner.RunDue(database, time, null);
            return SandboxJson.Ok(Describe(time));
        }).RequirePermission(ConnectPermissions.ManageSandbox).RequireSandboxOperator("moves the sandbox clock");
    }

    private static object Describe(SandboxClock time) => new
    {
        now = Storage.Timestamps.Format(time.GetUtcNow()),
        offsetSeconds = (long)time.Offset.TotalSeconds,
    };
}
