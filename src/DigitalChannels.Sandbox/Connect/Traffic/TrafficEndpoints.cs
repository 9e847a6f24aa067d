using System.Globalization;
using DigitalChannels.Client.Auth;
using DigitalChannels.Sandbox.Connect.Flows;
using DigitalChannels.Sandbox.Errors;
using DigitalChannels.Sandbox.Http;
using DigitalChannels.Sandbox.Identity;
using DigitalChannels.Sandbox.Storage;
using DigitalChannels.Sandbox.Tenancy;

namespace DigitalChannels.Sandbox.Connect.Traffic;

/// <summary>
/// A transaction as the API returns it. <see cref="Text"/> is the message content: Connect's logs keep it encrypted, so
/// the debug routes show it only to a teammate with Decrypt Logs (lab rule 28) and say <see cref="Encrypted"/> otherwise.
/// </summary>
public sealed record TransactionResource(
    string TransactionId, string? ConversationId, string Direction, string Trigger, string Channel,
    string? ServiceId, string? ServiceName, string? FlowId, string? FlowName, int? FlowVersion,
    string? AssetId, string? AssetName, string? Source, string? Destination, string Outcome, string? Reason,
    string? Text, bool Encrypted, string CreatedTime)
{
    public static TransactionResource From(TrafficTransaction t, bool decrypt) => new(
        t.Id, t.ConversationId, t.Direction, t.Trigger, t.Channel, t.ServiceId, t.ServiceName, t.FlowId, t.FlowName, t.FlowVersion,
        t.AssetId, t.AssetName, t.Source, t.Destination, t.Outcome, t.Reason, decrypt ? t.Text : null, !decrypt && t.Text is not null, t.CreatedTime);
}

public sealed record ReportResource(string ServiceId, string ServiceName, string? Channel, string? FlowId, string? FlowName,
    string Start, string End, long Submitted, long Rejected, long Delivered, long Read, long Failed, long Total);

public sealed record UsageResource(string? Start, string? End, long Inbound, long Outbound, long Rejected, long Total, IReadOnlyList<TrafficUsage> Channels);

/// <summary>
/// The traffic simulator and what the portal shows of traffic: the sandbox tool that plays a customer (or a Task event,
/// a custom event, an inbound webhook, a flow's reply) and Debug (lab 12.2 §5), Reports (§2) and Settings > Usage (§8).
/// All of them read and write <see cref="TrafficLog"/>.
/// </summary>
public static class TrafficEndpoints
{
    /// <summary>The sandbox tool: plays a message arriving (or a reply leaving) and returns the recorded transaction.</summary>
    public const string InboundPath = "/sandbox/v1/organization/{orgId}/connect/inbound";
    public const string DebugPath = "/connect/v1/organization/{orgId}/debug";
    public const string ReportsPath = "/connect/v1/organization/{orgId}/reports";
    public const string UsagePath = "/connect/v1/organization/{orgId}/usage";

    public static void MapTrafficEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(InboundPath, DeliverAsync).RequireSandboxToken().WithErrorBodyStyle(ErrorBodyStyle.Problem)
            .RequireScope(Scopes.SandboxAdmin).RequirePermission(ConnectPermissions.ManageSandbox);

        var debug = app.MapGroup(DebugPath).RequireSandboxToken().WithErrorBodyStyle(ErrorBodyStyle.Problem);
        debug.MapGet("/transactions/{transactionId}", GetTransaction).RequireScope(Scopes.ConnectConfigRead).RequirePermission(ConnectPermissions.ReadTraffic);
        debug.MapGet("/logs", ListLogs).RequireScope(Scopes.ConnectConfigRead).RequirePermission(ConnectPermissions.ReadTraffic);

        app.MapGet(ReportsPath, GetReport).RequireSandboxToken().WithErrorBodyStyle(ErrorBodyStyle.Problem)
            .RequireScope(Scopes.ConnectConfigRead).RequirePermission(ConnectPermissions.ReadTraffic);
        app.MapGet(UsagePath, GetUsage).RequireSandboxToken().WithErrorBodyStyle(ErrorBodyStyle.Problem)
            .RequireScope(Scopes.ConnectConfigRead).RequirePermission(ConnectPermissions.ReadTraffic);
    }

    /// <summary>
    /// Body: <c>assetId</c> (a message on that asset; with <c>direction</c> Outbound and <c>to</c>, the reply of its flow to
    /// a customer, with an <c>outcome</c>), or <c>event</c>: TaskRouted/TaskModified/TaskClose, or CustomEvent/InboundWebhook
    /// with <c>serviceId</c> (and <c>flowId</c> when the service has several). Optional <c>from</c>, <c>text</c>.
    /// A message no flow takes is recorded as Rejected, with the reason, and still answered 200.
    /// </summary>
    private static async Task<IResult> DeliverAsync(HttpContext context, SandboxDatabase database, TimeProvider time)
    {
        var caller = Caller.Of(context);
        var body = await JsonBody.ReadObjectAsync(context.Request);
        var assetId = body.OptionalString("assetId")?.Trim();
        var eventName = body.OptionalString("event")?.Trim();
        var directionText = body.OptionalString("direction")?.Trim();
        var direction = directionText is null ? TrafficDirections.Inbound
            : TrafficDirections.All.FirstOrDefault(d => string.Equals(d, directionText, StringComparison.OrdinalIgnoreCase))
              ?? throw ApiError.BadRequest(ErrorKeys.InvalidField, $"The field 'direction' is '{directionText}'; use Inbound or Outbound.").ToException();
        var text = body.OptionalString("text");
        if ((assetId is null) == (eventName is null))
            throw ApiError.BadRequest(ErrorKeys.InvalidField,
                "Give exactly one of 'assetId' (a message on an asset) and 'event' (a Webex CC Task event, CustomEvent or InboundWebhook).").ToException();

        TrafficTrigger trigger;
        if (direction == TrafficDirections.Outbound)
        {
            if (assetId is null)
                throw ApiError.BadRequest(ErrorKeys.InvalidField, "An outbound message is sent on an asset: give 'assetId' and 'to'.").ToException();
            trigger = TrafficTrigger.Reply(assetId, body.OptionalString("to") ?? "", text, body.OptionalString("outcome"));
        }
        else if (assetId is not null)
        {
            trigger = TrafficTrigger.Message(assetId, body.OptionalString("from"), text);
        }
        else
        {
            var kind = TrafficLog.EventKinds.FirstOrDefault(k => string.Equals(k, eventName, StringComparison.OrdinalIgnoreCase))
                ?? throw ApiError.BadRequest(ErrorKeys.InvalidField, $"The field 'event' is '{eventName}'; use one of {string.Join(", ", TrafficLog.EventKinds)}.").ToException();
            if (FlowKinds.IsChannelAgnostic(kind))
            {
                trigger = TrafficTrigger.TaskEvent(kind);
            }
            else
            {
                var serviceText = body.OptionalString("serviceId")
                    ?? throw ApiError.BadRequest(ErrorKeys.InvalidField, $"A {FlowKinds.DisplayName(kind)} goes to a service: give 'serviceId'.").ToException();
                var service = ResourceIds.Normalize(serviceText) is { } serviceId ? database.Read(s => new ConnectServiceRepository(s).Find(caller, serviceId)) : null;
                if (service is null)
                    throw ApiError.NotFound(ErrorKeys.ServiceNotFound, $"No service with id '{serviceText}' exists in organization '{caller.OrganizationId}'.").ToException();
                trigger = TrafficTrigger.ServiceEvent(kind, service.Id, body.OptionalString("flowId")?.Trim(), text);
            }
        }

        var transaction = database.Write(session => TrafficLog.Deliver(session, caller.OrganizationId, trigger, time.GetUtcNow()));
        // The sender wrote the text, so it sees it back; the logs show it only with Decrypt Logs.
        return SandboxJson.Ok(TransactionResource.From(transaction, decrypt: true));
    }

    private static IResult GetTransaction(HttpContext context, SandboxDatabase database, string transactionId)
    {
        var caller = Caller.Of(context);
        var (transaction, decrypt) = database.Read(session =>
        {
            var id = ResourceIds.Normalize(transactionId);
            return (id is null ? null : TrafficLog.Find(session, caller.OrganizationId, caller.Container, id), CanDecrypt(session, caller));
        });
        if (transaction is null)
            throw ApiError.NotFound(ErrorKeys.TransactionNotFound,
                $"No transaction with id '{transactionId}' is in the logs of organization '{caller.OrganizationId}' (No records found).").About(transactionId).ToException();
        return SandboxJson.Ok(TransactionResource.From(transaction, decrypt));
    }

    /// <summary>Query by Destination ID (<c>destination</c>) or the Historical Log (<c>channel</c>), each with an optional period.</summary>
    private static IResult ListLogs(HttpContext context, SandboxDatabase database)
    {
        var caller = Caller.Of(context);
        var request = context.Request;
        var page = PageRequest.FromQuery(request);
        var destination = NonEmpty(request, "destination");
        var channel = Channel(request);
        if ((destination is null) == (channel is null))
            throw ApiError.BadRequest(ErrorKeys.InvalidParameter,
                "Give exactly one of the query parameters 'destination' (Query by Destination ID) and 'channel' (Historical Log).").ToException();
        var (start, end) = Period(request, required: false);
        var filter = new TrafficFilter { Destination = destination, Channel = channel, Start = start, End = end };

        var (total, rows, decrypt) = database.Read(session => (
            TrafficLog.Count(session, caller.OrganizationId, caller.Container, filter),
            TrafficLog.Query(session, caller.OrganizationId, caller.Container, filter, page.Offset, page.PageSize),
            CanDecrypt(session, caller)));
        var path = $"/connect/v1/organization/{caller.OrganizationId}/debug/logs";
        return SandboxJson.Ok(PagedList<TransactionResource>.Create(caller.OrganizationId, path, page, total,
            rows.Select(t => TransactionResource.From(t, decrypt)).ToList(),
            new Dictionary<string, string?> { ["destination"] = destination, ["channel"] = channel, ["start"] = start, ["end"] = end }));
    }

    /// <summary>The Reports page: a service, then one channel (every flow of that kind) or one flow, and a period.</summary>
    private static IResult GetReport(HttpContext context, SandboxDatabase database)
    {
        var caller = Caller.Of(context);
        var request = context.Request;
        var serviceText = NonEmpty(request, "serviceId")
            ?? throw ApiError.BadRequest(ErrorKeys.InvalidParameter, "The query parameter 'serviceId' is required: a report is of one service (ENTITY).").ToException();
        var channel = Channel(request);
        var flowText = NonEmpty(request, "flowId");
        if (channel is not null && flowText is not null)
            throw ApiError.BadRequest(ErrorKeys.InvalidParameter, "Give at most one of the query parameters 'channel' and 'flowId': a report is of one channel or one flow.").ToException();
        var (start, end) = Period(request, required: true);

        return database.Read(session =>
        {
            var service = (ResourceIds.Normalize(serviceText) is { } serviceId ? new ConnectServiceRepository(session).Find(caller, serviceId) : null)
                ?? throw ApiError.NotFound(ErrorKeys.ServiceNotFound, $"No service with id '{serviceText}' exists in organization '{caller.OrganizationId}'.").About(serviceText).ToException();
            ConnectFlow? flow = null;
            if (flowText is not null)
                flow = (ResourceIds.Normalize(flowText) is { } flowId ? new FlowRepository(session).Find(caller.OrganizationId, service.Id, flowId) : null)
                    ?? throw ApiError.NotFound(ErrorKeys.FlowNotFound, $"Service '{service.Name}' has no flow with id '{flowText}'.").About(flowText).ToException();
            var counts = TrafficLog.Report(session, caller.OrganizationId, caller.Container,
                new TrafficFilter { ServiceId = service.Id, Channel = channel, FlowId = flow?.Id, Start = start, End = end });
            return SandboxJson.Ok(new ReportResource(service.Id, service.Name, channel, flow?.Id, flow?.Name, start!, end!,
                counts.Submitted, counts.Rejected, counts.Delivered, counts.Read, counts.Failed, counts.Total));
        });
    }

    private static IResult GetUsage(HttpContext context, SandboxDatabase database)
    {
        var caller = Caller.Of(context);
        var (start, end) = Period(context.Request, required: false);
        var channels = database.Read(session => TrafficLog.Usage(session, caller.OrganizationId, caller.Container, start, end));
        return SandboxJson.Ok(new UsageResource(start, end, channels.Sum(c => c.Inbound), channels.Sum(c => c.Outbound),
            channels.Sum(c => c.Rejected), channels.Sum(c => c.Total), channels));
    }

    /// <summary>Decrypt Logs is granted per teammate by the Owner (lab rule 28), independent of the role.</summary>
    internal static bool CanDecrypt(DbSession session, Caller caller) =>
        new UserRepository(session).Find(caller.OrganizationId, caller.UserId)?.DecryptLogs == true;

    private static string? NonEmpty(HttpRequest request, string name)
    {
        var text = request.Query[name].ToString().Trim();
        return text.Length == 0 ? null : text;
    }

    /// <summary>The query parameter 'channel': a channel or another trigger kind (TaskRouted, CustomEvent…), any case.</summary>
    private static string? Channel(HttpRequest request)
    {
        var text = NonEmpty(request, "channel");
        if (text is null) return null;
        return FlowKinds.All.FirstOrDefault(k => string.Equals(k, text, StringComparison.OrdinalIgnoreCase))
            ?? throw ApiError.BadRequest(ErrorKeys.InvalidParameter, $"The query parameter 'channel' is '{text}'; use one of {string.Join(", ", FlowKinds.All)}.").About(text).ToException();
    }

    /// <summary>'start' and 'end' as ISO-8601 times (inclusive), in the stored form.</summary>
    private static (string? Start, string? End) Period(HttpRequest request, bool required)
    {
        var start = Time(request, "start", required);
        var end = Time(request, "end", required);
        if (start is not null && end is not null && string.CompareOrdinal(start, end) > 0)
            throw ApiError.BadRequest(ErrorKeys.InvalidParameter, $"The period starts ({start}) after it ends ({end}).").ToException();
        return (start, end);
    }

    private static string? Time(HttpRequest request, string name, bool required)
    {
        var text = NonEmpty(request, name);
        if (text is null)
            return required ? throw ApiError.BadRequest(ErrorKeys.InvalidParameter, $"The query parameter '{name}' is required: a report covers a period.").ToException() : null;
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
            throw ApiError.BadRequest(ErrorKeys.InvalidParameter, $"The query parameter '{name}' is '{text}', not an ISO-8601 time such as 2026-01-31T09:00:00Z.").About(text).ToException();
        return Timestamps.Format(value);
    }
}
