using DigitalChannels.Client.Auth;
using DigitalChannels.Sandbox.Connect.Flows;
using DigitalChannels.Sandbox.Connect.LogExports;
using DigitalChannels.Sandbox.Errors;
using DigitalChannels.Sandbox.Http;
using DigitalChannels.Sandbox.Identity;
using DigitalChannels.Sandbox.Storage;

namespace DigitalChannels.Sandbox.Connect.Scheduler;

public sealed record ScheduledEventResource(string Id, string Name, string ServiceId, string ServiceName, string FlowId, string FlowName,
    string StartTime, string Recurrence, int Interval, string? EndTime, bool Enabled, string Status, string? NextRunTime, string? LastRunTime,
    string? LastOutcome, string? LastTransactionId, long RunCount, long SkippedRuns, int Version, string CreatedTime, string LastUpdatedTime)
{
    public static ScheduledEventResource From(ScheduledEvent e, ConnectService service, ConnectFlow flow) =>
        new(e.Id, e.Name, service.Id, service.Name, flow.Id, flow.Name, e.StartTime, e.Recurrence, e.Interval, e.EndTime, e.Enabled, e.Status,
            e.NextRunTime, e.LastRunTime, e.LastOutcome, e.LastTransactionId, e.RunCount, e.SkippedCount, e.Version, e.CreatedTime, e.LastUpdatedTime);
}

/// <summary>
/// App Tray > Event Scheduler (lab 12.2 §7): events that trigger a custom-event flow at a time or on a recurrence,
/// "commonly used for outbound campaigns". Each run goes through the traffic store as the flow's custom event, so it
/// shows in Debug, Reports and Export Logs. The caller sees the events of the services it sees (its container and below).
/// </summary>
public static class ScheduledEventEndpoints
{
    public const string GroupPath = "/connect/v1/organization/{orgId}/scheduled-events";
    public const int MaximumNameLength = 100;

    public static void MapScheduledEventEndpoints(this IEndpointRouteBuilder app)
    {
        var events = app.MapGroup(GroupPath).RequireSandboxToken().WithErrorBodyStyle(ErrorBodyStyle.Problem);
        events.MapGet("", List).RequireScope(Scopes.ConnectConfigRead).RequirePermission(ConnectPermissions.ReadConfiguration);
        events.MapPost("", CreateAsync).RequireScope(Scopes.ConnectConfigWrite).RequirePermission(ConnectPermissions.ChangeConfiguration);
        events.MapGet("/{eventId}", Get).RequireScope(Scopes.ConnectConfigRead).RequirePermission(ConnectPermissions.ReadConfiguration);
        events.MapPatch("/{eventId}", PatchAsync).RequireScope(Scopes.ConnectConfigWrite).RequirePermission(ConnectPermissions.ChangeConfiguration);
        events.MapDelete("/{eventId}", Delete).RequireScope(Scopes.ConnectConfigWrite).RequirePermission(ConnectPermissions.ChangeConfiguration);
    }

    private static IResult List(HttpContext context, SandboxDatabase database, TimeProvider time)
    {
        var caller = Caller.Of(context);
        ScheduledEventRunner.RunDue(database, time, caller.OrganizationId);
        return SandboxJson.Ok(new
        {
            data = database.Read(session => new ScheduledEventRepository(session).List(caller.OrganizationId)
                .Select(e => Visible(session, caller, e)).OfType<ScheduledEventResource>().ToList()),
        });
    }

    private static IResult Get(HttpContext context, SandboxDatabase database, TimeProvider time, string eventId)
    {
        var caller = Caller.Of(context);
        ScheduledEventRunner.RunDue(database, time, caller.OrganizationId);
        return SandboxJson.Ok(database.Read(session => ToResource(session, caller, FindOrThrow(session, caller, eventId))));
    }

    private static async Task<IResult> CreateAsync(HttpContext context, SandboxDatabase database, TimeProvider time)
    {
        var caller = Caller.Of(context);
        var body = await JsonBody.ReadObjectAsync(context.Request);
        var name = ValidName(body.RequiredString("name"));
        var serviceId = body.RequiredString("serviceId");
        var flowId = body.RequiredString("flowId");
        var start = LogExportEndpoints.Time(body.RequiredString("startTime"), "startTime");
        var recurrence = body.OptionalString("recurrence") is { } r ? LogExportEndpoints.OneOf(r, "recurrence", Recurrence.All) : Recurrence.Once;
        var interval = body.OptionalInt("interval") ?? 1;
        var end = body.OptionalString("endTime") is { } e ? LogExportEndpoints.Time(e, "endTime") : (DateTimeOffset?)null;
        var enabled = body.OptionalBoolean("enabled") ?? true;
        var now = time.GetUtcNow();
        var stamp = Timestamps.Format(now);

        var created = database.Write(session =>
        {
            var (service, flow) = TargetOrThrow(session, caller, serviceId, flowId);
            var events = new ScheduledEventRepository(session);
            ThrowIfNameTaken(events, caller.OrganizationId, name, exceptId: null);
            var draft = new ScheduledEvent(Guid.NewGuid().ToString("D"), caller.OrganizationId, name, service.Id, flow.Id, Timestamps.Format(start),
                recurrence, interval, end is { } x ? Timestamps.Format(x) : null, enabled, null, null, null, null, 0, 0, 0, stamp, stamp);
            draft = WithNextRun(Validated(draft), now);
            events.Insert(draft);
            return ScheduledEventResource.From(draft, service, flow);
        });
        context.Response.Headers.Location = $"/connect/v1/organization/{caller.OrganizationId}/scheduled-events/{created.Id}";
        return SandboxJson.Ok(created, StatusCodes.Status201Created);
    }

    /// <summary>JSON merge patch of name, serviceId with flowId, startTime, recurrence, interval, endTime (null clears it) and enabled.</summary>
    private static async Task<IResult> PatchAsync(HttpContext context, SandboxDatabase database, TimeProvider time, string eventId)
    {
        var caller = Caller.Of(context);
        var body = await JsonBody.ReadObjectAsync(context.Request);
        var name = body.OptionalString("name") is { } n ? ValidName(n) : null;
        var serviceId = body.OptionalString("serviceId");
        var flowId = body.OptionalString("flowId");
        var start = body.OptionalString("startTime") is { } s ? LogExportEndpoints.Time(s, "startTime") : (DateTimeOffset?)null;
        var recurrence = body.OptionalString("recurrence") is { } r ? LogExportEndpoints.OneOf(r, "recurrence", Recurrence.All) : null;
        var interval = body.OptionalInt("interval");
        var clearsEnd = body.Raw("endTime") is { ValueKind: System.Text.Json.JsonValueKind.Null };
        var end = !clearsEnd && body.OptionalString("endTime") is { } e ? LogExportEndpoints.Time(e, "endTime") : (DateTimeOffset?)null;
        var enabled = body.OptionalBoolean("enabled");
        ScheduledEventRunner.RunDue(database, time, caller.OrganizationId);
        var now = time.GetUtcNow();

        return SandboxJson.Ok(database.Write(session =>
        {
            var current = FindOrThrow(session, caller, eventId);
            var (service, flow) = TargetOrThrow(session, caller, serviceId ?? current.ServiceId, flowId ?? current.FlowId);
            var events = new ScheduledEventRepository(session);
            if (name is not null) ThrowIfNameTaken(events, caller.OrganizationId, name, exceptId: current.Id);
            var changed = current with
            {
                Name = name ?? current.Name,
                ServiceId = service.Id,
                FlowId = flow.Id,
                StartTime = start is { } x ? Timestamps.Format(x) : current.StartTime,
                Recurrence = recurrence ?? current.Recurrence,
                Interval = interval ?? current.Interval,
                EndTime = clearsEnd ? null : end is { } y ? Timestamps.Format(y) : current.EndTime,
                Enabled = enabled ?? current.Enabled,
                LastUpdatedTime = Timestamps.Format(now),
            };
            var schedule = start is not null || recurrence is not null || interval is not null || clearsEnd || end is not null || enabled == true;
            if (schedule) changed = WithNextRun(Validated(changed), now);
            events.Update(changed);
            return ScheduledEventResource.From(changed with { Version = current.Version + 1 }, service, flow);
        }));
    }

    private static IResult Delete(HttpContext context, SandboxDatabase database, string eventId)
    {
        var caller = Caller.Of(context);
        database.Write(session =>
        {
            var found = FindOrThrow(session, caller, eventId);
            new ScheduledEventRepository(session).Delete(caller.OrganizationId, found.Id);
        });
        return Results.NoContent();
    }

    /// <summary>The next run from now on (never one already made); a one-off whose time has passed is refused rather than never run.</summary>
    private static ScheduledEvent WithNextRun(ScheduledEvent e, DateTimeOffset now)
    {
        var from = now;
        if (e.LastRunTime is { } last && Timestamps.Parse(last) >= from) from = Timestamps.Parse(last) + TimeSpan.FromMilliseconds(1);
        var next = Recurrence.AtOrAfter(e, from);
        if (next is null && e.Enabled)
            throw ApiError.BadRequest(ErrorKeys.InvalidField, e.Recurrence == Recurrence.Once
                ? $"The event '{e.Name}' would never run: its start time {e.StartTime} has passed (sandbox time {Timestamps.Format(now)}). Give a later 'startTime'."
                : $"The event '{e.Name}' would never run again: its end time {e.EndTime} has passed (sandbox time {Timestamps.Format(now)}). Give a later 'endTime' or none.").ToException();
        return e with { NextRunTime = next is { } n ? Timestamps.Format(n) : null };
    }

    private static ScheduledEvent Validated(ScheduledEvent e)
    {
        if (e.Interval < 1 || e.Interval > Recurrence.MaximumInterval)
            throw ApiError.BadRequest(ErrorKeys.InvalidField, $"The field 'interval' must be from 1 to {Recurrence.MaximumInterval} (got {e.Interval}).").ToException();
        if (e.Recurrence == Recurrence.Once && e.Interval != 1)
            throw ApiError.BadRequest(ErrorKeys.InvalidField, $"The field 'interval' ({e.Interval}) needs a recurrence; a 'Once' event runs once.").ToException();
        if (e.EndTime is { } end && string.CompareOrdinal(end, e.StartTime) < 0)
            throw ApiError.BadRequest(ErrorKeys.InvalidField, $"The field 'endTime' ({end}) is before 'startTime' ({e.StartTime}).").ToException();
        return e;
    }

    /// <summary>The service (one the caller sees) and its flow, which must start on a custom event: that is what the Scheduler raises.</summary>
    private static (ConnectService Service, ConnectFlow Flow) TargetOrThrow(DbSession session, Caller caller, string serviceId, string flowId)
    {
        var service = ServiceEndpoints.FindOrThrow(new ConnectServiceRepository(session), caller, serviceId);
        var normalized = ResourceIds.Normalize(flowId);
        var flow = (normalized is null ? null : new FlowRepository(session).Find(caller.OrganizationId, service.Id, normalized))
            ?? throw ApiError.NotFound(ErrorKeys.ReferenceNotFound, $"No flow with id '{flowId}' exists in service '{service.Name}' (id {service.Id}).").About(flowId).ToException();
        if (flow.Kind != FlowKinds.CustomEvent)
            throw ApiError.BadRequest(ErrorKeys.ScheduledEventWrongFlowKind,
                $"The flow '{flow.Name}' starts on {FlowKinds.DisplayName(flow.Kind)}, not on a custom event: the Event Scheduler triggers custom-event flows only.").About(flow.Name).ToException();
        return (service, flow);
    }

    private static string ValidName(string text)
    {
        var name = text.Trim();
        if (name.Length is 0 or > MaximumNameLength || name.Any(char.IsControl))
            throw ApiError.BadRequest(ErrorKeys.InvalidField, $"The field 'name' must have 1 to {MaximumNameLength} characters and no control characters (got '{name}').").ToException();
        return name;
    }

    private static void ThrowIfNameTaken(ScheduledEventRepository events, string organizationId, string name, string? exceptId)
    {
        if (events.FindByName(organizationId, name) is { } existing && existing.Id != exceptId)
            throw ApiError.Conflict(ErrorKeys.ScheduledEventDuplicateName,
                $"A scheduled event named '{existing.Name}' already exists (id {existing.Id}); names are unique regardless of case.").About(name).ToException();
    }

    /// <summary>The event, when the caller sees its service; otherwise it does not exist for this caller.</summary>
    private static ScheduledEvent FindOrThrow(DbSession session, Caller caller, string eventId)
    {
        var normalized = ResourceIds.Normalize(eventId);
        var found = normalized is null ? null : new ScheduledEventRepository(session).Find(caller.OrganizationId, normalized);
        if (found is null || Visible(session, caller, found) is null)
            throw ApiError.NotFound(ErrorKeys.ScheduledEventNotFound, $"No scheduled event with id '{eventId}' exists in organization '{caller.OrganizationId}'.").ToException();
        return found;
    }

    private static ScheduledEventResource? Visible(DbSession session, Caller caller, ScheduledEvent e)
    {
        var service = new ConnectServiceRepository(session).Find(caller, e.ServiceId);
        var flow = service is null ? null : new FlowRepository(session).Find(caller.OrganizationId, service.Id, e.FlowId);
        return service is null || flow is null ? null : ScheduledEventResource.From(e, service, flow);
    }

    private static ScheduledEventResource ToResource(DbSession session, Caller caller, ScheduledEvent e) => Visible(session, caller, e)!;
}
