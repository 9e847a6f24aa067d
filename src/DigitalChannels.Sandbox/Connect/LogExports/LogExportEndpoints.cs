using System.Globalization;
using DigitalChannels.Client.Auth;
using DigitalChannels.Sandbox.Connect.Flows;
using DigitalChannels.Sandbox.Connect.Scheduler;
using DigitalChannels.Sandbox.Connect.Traffic;
using DigitalChannels.Sandbox.Errors;
using DigitalChannels.Sandbox.Hosting;
using DigitalChannels.Sandbox.Http;
using DigitalChannels.Sandbox.Identity;
using DigitalChannels.Sandbox.Storage;

namespace DigitalChannels.Sandbox.Connect.LogExports;

public sealed record LogExportResource(string Id, string Direction, string ServiceId, string ServiceName, string? Channel, string From, string To,
    string Status, string RequestedTime, string ReadyTime, int? RecordCount, string? FileName)
{
    public static LogExportResource Of(LogExport job, DateTimeOffset now, int? recordCount)
    {
        var status = job.StatusAt(now);
        return new LogExportResource(job.Id, job.Direction, job.ServiceId, job.ServiceName, job.Channel, job.FromTime, job.ToTime, status,
            job.RequestedTime, job.ReadyTime, status == LogExport.ReadyForDownload ? recordCount : null,
            status == LogExport.ReadyForDownload ? LogExportEndpoints.FileName(job) : null);
    }
}

/// <summary>
/// Tools > Export Logs (lab 12.2 §4): the inbound or outbound log of a service and channel for a period. A download
/// request becomes a job that is "In progress" for a few seconds of sandbox time, then "Ready for download"; the file is
/// a CSV of the transactions the traffic store holds. Exporting is reading: every role that reads the configuration may.
/// </summary>
public static class LogExportEndpoints
{
    public const string GroupPath = "/connect/v1/organization/{orgId}/log-exports";

    /// <summary>The longest period one export covers (the portal offers ranges up to three months [U]).</summary>
    public static readonly TimeSpan MaximumPeriod = TimeSpan.FromDays(92);

    public static void MapLogExportEndpoints(this IEndpointRouteBuilder app)
    {
        var exports = app.MapGroup(GroupPath).RequireSandboxToken().WithErrorBodyStyle(ErrorBodyStyle.Problem)
            .RequireScope(Scopes.ConnectConfigRead).RequirePermission(ConnectPermissions.ExportLogs);
        exports.MapPost("", CreateAsync);
        exports.MapGet("", List);
        exports.MapGet("/{exportId}", Get);
        exports.MapGet("/{exportId}/download", Download);
    }

    private static async Task<IResult> CreateAsync(HttpContext context, SandboxDatabase database, TimeProvider time, SandboxOptions options)
    {
        var caller = Caller.Of(context);
        var body = await JsonBody.ReadObjectAsync(context.Request);
        var direction = OneOf(body.RequiredString("direction"), "direction", LogExport.Directions);
        var serviceId = body.RequiredString("serviceId");
        var channelText = body.OptionalString("channel");
        // The traffic store's channels: the asset channels, the Task events, custom events and inbound webhooks.
        var channel = channelText is null ? null : OneOf(channelText, "channel", FlowKinds.All);
        // Without a period: the last day up to now, on the sandbox clock (the portal's default "Today" is close to it).
        var requested = time.GetUtcNow();
        var to = body.OptionalString("to") is { } toText ? Time(toText, "to") : Time(Timestamps.Format(requested), "to");
        var from = body.OptionalString("from") is { } fromText ? Time(fromText, "from") : to - TimeSpan.FromDays(1);
        if (to <= from)
            throw ApiError.BadRequest(ErrorKeys.InvalidField, $"The period is empty: 'to' ({Timestamps.Format(to)}) must be after 'from' ({Timestamps.Format(from)}).").ToException();
        if (to - from > MaximumPeriod)
            throw ApiError.BadRequest(ErrorKeys.InvalidField,
                $"The period from {Timestamps.Format(from)} to {Timestamps.Format(to)} is longer than {MaximumPeriod.TotalDays:0} days; export it in parts.").ToException();

        // Events that were due before now have fired, so that the log holds everything up to this moment.
        ScheduledEventRunner.RunDue(database, time, caller.OrganizationId);
        var now = time.GetUtcNow();
        var job = database.Write(session =>
        {
            var service = ServiceEndpoints.FindOrThrow(new ConnectServiceRepository(session), caller, serviceId);
            var created = new LogExport(Guid.NewGuid().ToString("D"), caller.OrganizationId, direction, service.Id, service.Name, channel,
                Timestamps.Format(from), Timestamps.Format(to), caller.UserId, Timestamps.Format(now), Timestamps.Format(now + options.LogExportDuration));
            new LogExportRepository(session).Insert(created);
            return created;
        });
        context.Response.Headers.Location = $"/connect/v1/organization/{caller.OrganizationId}/log-exports/{job.Id}";
        return SandboxJson.Ok(LogExportResource.Of(job, now, null), StatusCodes.Status201Created);
    }

    /// <summary>The recent jobs, newest first (the portal's Recent Downloads).</summary>
    private static IResult List(HttpContext context, SandboxDatabase database, TimeProvider time)
    {
        var caller = Caller.Of(context);
        var now = time.GetUtcNow();
        return SandboxJson.Ok(new
        {
            data = database.Read(session => new LogExportRepository(session).ListRecent(caller.OrganizationId)
                .Select(job => LogExportResource.Of(job, now, (int)TrafficSeam.Count(session, job, caller.Container))).ToList()),
        });
    }

    private static IResult Get(HttpContext context, SandboxDatabase database, TimeProvider time, string exportId)
    {
        var caller = Caller.Of(context);
        var now = time.GetUtcNow();
        return SandboxJson.Ok(database.Read(session =>
        {
            var job = FindOrThrow(session, caller.OrganizationId, exportId);
            return LogExportResource.Of(job, now, (int)TrafficSeam.Count(session, job, caller.Container));
        }));
    }

    private static IResult Download(HttpContext context, SandboxDatabase database, TimeProvider time, string exportId)
    {
        var caller = Caller.Of(context);
        var now = time.GetUtcNow();
        var (job, csv) = database.Read(session =>
        {
            var found = FindOrThrow(session, caller.OrganizationId, exportId);
            if (found.StatusAt(now) != LogExport.ReadyForDownload)
                throw ApiError.Conflict(ErrorKeys.LogExportNotReady,
                    $"The log export {found.Id} is In progress until {found.ReadyTime} (sandbox time); download it once it is Ready for download.").About(found.Id).ToException();
            return (found, LogExportCsv.Write(TrafficSeam.Query(session, found, caller.Container), TrafficEndpoints.CanDecrypt(session, caller)));
        });
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{FileName(job)}\"";
        return Results.Text(csv, "text/csv; charset=utf-8");
    }

    /// <summary>inbound-logs-20250131T0000Z-20250201T0000Z.csv: what the portal's download would be called, safe on every file system.</summary>
    public static string FileName(LogExport job) =>
        $"{job.Direction.ToLowerInvariant()}-logs-{Compact(job.FromTime)}-{Compact(job.ToTime)}.csv";

    private static string Compact(string time) => Timestamps.Parse(time).UtcDateTime.ToString("yyyyMMdd'T'HHmm'Z'", CultureInfo.InvariantCulture);

    private static LogExport FindOrThrow(DbSession session, string organizationId, string exportId)
    {
        var normalized = ResourceIds.Normalize(exportId);
        return (normalized is null ? null : new LogExportRepository(session).Find(organizationId, normalized))
            ?? throw ApiError.NotFound(ErrorKeys.LogExportNotFound, $"No log export with id '{exportId}' exists in organization '{organizationId}'.").ToException();
    }

    internal static string OneOf(string text, string field, IReadOnlyList<string> allowed) =>
        allowed.FirstOrDefault(a => string.Equals(a, text.Trim(), StringComparison.OrdinalIgnoreCase))
        ?? throw ApiError.BadRequest(ErrorKeys.InvalidField, $"The field '{field}' is '{text}'; use one of {string.Join(", ", allowed)}.").ToException();

    /// <summary>An ISO 8601 time; one without an offset is UTC.</summary>
    internal static DateTimeOffset Time(string text, string field)
    {
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            || value.Year < 2000 || value.Year > 9000)
            throw ApiError.BadRequest(ErrorKeys.InvalidField, $"The field '{field}' is '{text}', not an ISO 8601 time such as 2025-01-31T09:00:00Z.").ToException();
        // Stored times have milliseconds; finer parts would make a time differ from its own stored form.
        return new DateTimeOffset(value.UtcTicks - value.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
    }
}
