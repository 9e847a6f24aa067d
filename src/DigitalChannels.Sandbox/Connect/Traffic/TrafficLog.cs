// The sandbox's simulated Webex Connect traffic: the one store behind Debug, Reports, Usage and Export Logs.
//
// Table connect_traffic (TrafficSchema, schema step 11), one row per transaction:
//   id (the transaction id), organization_id, direction (Inbound | Outbound), trigger (Message | Reply | TaskEvent |
//   CustomEvent | InboundWebhook, or the label a caller gives, e.g. EventScheduler), channel (a FlowKinds value: Sms,
//   LiveChat…, TaskRouted…, CustomEvent, InboundWebhook), service_id/_name, flow_id/_name, flow_version (the version
//   that handled it), asset_id/_name, source, destination (inbound: the asset; outbound: the customer), conversation_id
//   (where the flow would create or append to one), outcome (Submitted | Rejected | Delivered | Read | Failed), reason,
//   text, created_time (sandbox clock, Timestamps format), group_id/team_id (the service's container).
//
// To record traffic, call TrafficLog.Deliver(session, organizationId, trigger, now) inside database.Write(...) with a
// TrafficTrigger (Message, Reply, TaskEvent, ServiceEvent or Flow): it routes by the rules to the flow's live version (the
// previous live one while a newer version publishes), records the transaction (rejected ones too, with the reason) and
// returns it. To read: Find, Query/Count (TrafficFilter), Report (the portal's counts) and Usage.

using DigitalChannels.Sandbox.Connect.Assets;
using DigitalChannels.Sandbox.Connect.Flows;
using DigitalChannels.Sandbox.Errors;
using DigitalChannels.Sandbox.Http;
using DigitalChannels.Sandbox.Storage;
using DigitalChannels.Sandbox.Tenancy;
using Microsoft.Data.Sqlite;

namespace DigitalChannels.Sandbox.Connect.Traffic;

public static class TrafficDirections
{
    public const string Inbound = "Inbound";
    public const string Outbound = "Outbound";
    public static readonly IReadOnlyList<string> All = [Inbound, Outbound];
}

/// <summary>
/// The outcomes the portal's reports count (lab rule 15). A transaction has one: Rejected (no flow took it), Delivered (an
/// inbound message reached a flow version; an outbound one reached the customer), Read, Failed, or Submitted (accepted,
/// no receipt yet). The report counts every accepted transaction as Submitted and a Read one as Delivered too.
/// </summary>
public static class TrafficOutcomes
{
    public const string Submitted = "Submitted";
    public const string Rejected = "Rejected";
    public const string Delivered = "Delivered";
    public const string Read = "Read";
    public const string Failed = "Failed";
    public static readonly IReadOnlyList<string> All = [Submitted, Rejected, Delivered, Read, Failed];

    /// <summary>What a sender may say became of an outbound message.</summary>
    public static readonly IReadOnlyList<string> Outbound = [Submitted, Delivered, Read, Failed];
}

public static class TrafficTriggers
{
    public const string Message = "Message";
    public const string Reply = "Reply";
    public const string TaskEvent = "TaskEvent";
}

/// <summary>What arrives (or, for <see cref="Reply"/>, what a flow sends). Build one with the factory methods.</summary>
public sealed record TrafficTrigger(string Trigger, string Direction)
{
    public string? AssetId { get; init; }
    /// <summary>TaskRouted, TaskModified or TaskClose (<see cref="TaskEvent"/>); CustomEvent or InboundWebhook (<see cref="ServiceEvent"/>).</summary>
    public string? Event { get; init; }
    public string? ServiceId { get; init; }
    public string? FlowId { get; init; }
    /// <summary>The customer's address: the sender of an inbound message, the destination of an outbound one.</summary>
    public string? Customer { get; init; }
    public string? Text { get; init; }
    /// <summary>Outbound only: one of <see cref="TrafficOutcomes.Outbound"/>; Delivered when null.</summary>
    public string? Outcome { get; init; }

    /// <summary>A customer's message on an asset (a number or an app).</summary>
    public static TrafficTrigger Message(string assetId, string? from, string? text) =>
        new(TrafficTriggers.Message, TrafficDirections.Inbound) { AssetId = assetId, Customer = from, Text = text };

    /// <summary>A reply the flow of the asset's rule sends to a customer (a destination).</summary>
    public static TrafficTrigger Reply(string assetId, string to, string? text, string? outcome) =>
        new(TrafficTriggers.Reply, TrafficDirections.Outbound) { AssetId = assetId, Customer = to, Text = text, Outcome = outcome };

    /// <summary>A Webex CC Task event for the tenant's channel-agnostic flow of that kind.</summary>
    public static TrafficTrigger TaskEvent(string kind) => new(TrafficTriggers.TaskEvent, TrafficDirections.Inbound) { Event = kind };

    /// <summary>A custom event or inbound webhook call to a service: its flow of that kind (the given one, or its only one).</summary>
    public static TrafficTrigger ServiceEvent(string kind, string serviceId, string? flowId, string? text) =>
        new(kind, TrafficDirections.Inbound) { Event = kind, ServiceId = serviceId, FlowId = flowId, Text = text };

    /// <summary>Something that starts one given flow (e.g. the Event Scheduler firing), recorded under <paramref name="trigger"/>.</summary>
    public static TrafficTrigger Flow(string flowId, string trigger, string? text) =>
        new(trigger, TrafficDirections.Inbound) { FlowId = flowId, Text = text };
}

/// <summary>One recorded transaction (a row of connect_traffic).</summary>
public sealed record TrafficTransaction(
    string Id, string OrganizationId, string Direction, string Trigger, string Channel,
    string? ServiceId, string? ServiceName, string? FlowId, string? FlowName, int? FlowVersion,
    string? AssetId, string? AssetName, string? Source, string? Destination, string? ConversationId,
    string Outcome, string? Reason, string? Text, string CreatedTime)
{
    public ConnectContainer Container { get; init; } = ConnectContainer.Tenant;
}

/// <summary>Filters of <see cref="TrafficLog.Query"/>; every one optional. Times are inclusive Timestamps strings.</summary>
public sealed record TrafficFilter
{
    public string? Destination { get; init; }
    public string? Channel { get; init; }
    public string? ServiceId { get; init; }
    public string? FlowId { get; init; }
    public string? Direction { get; init; }
    public string? Start { get; init; }
    public string? End { get; init; }
}

/// <summary>The portal's report figures (lab rule 15).</summary>
public sealed record TrafficCounts(long Submitted, long Rejected, long Delivered, long Read, long Failed)
{
    public long Total => Submitted + Rejected;
}

/// <summary>One channel's line of Settings > Usage.</summary>
public sealed record TrafficUsage(string Channel, long Inbound, long Outbound, long Rejected, long Total);

public static class TrafficLog
{
    public const int MaximumTextLength = 2000;
    public const int MaximumAddressLength = 320;

    private const string Columns =
        "id, organization_id, direction, trigger, channel, service_id, service_name, flow_id, flow_name, flow_version, asset_id, asset_name, " +
        "source, destination, conversation_id, outcome, reason, text, created_time, group_id, team_id";

    /// <summary>
    /// Routes <paramref name="trigger"/> as the platform would and records the transaction, rejected or not. Throws an
    /// <see cref="ApiException"/> only for a trigger that names nothing (an unknown asset, service or kind): such a
    /// message never reaches the tenant, so there is nothing to log.
    /// </summary>
    public static TrafficTransaction Deliver(DbSession session, string organizationId, TrafficTrigger trigger, DateTimeOffset now)
    {
        var draft = Route(session, organizationId, trigger, now);
        var transaction = draft with { Id = Guid.NewGuid().ToString("D"), OrganizationId = organizationId, CreatedTime = Timestamps.Format(now) };
        Insert(session, transaction);
        return transaction;
    }

    public static TrafficTransaction? Find(DbSession session, string organizationId, ConnectContainer visibleFrom, string transactionId)
    {
        var (visible, parameters) = visibleFrom.VisibilityFilter();
        return session.QuerySingleOrDefault($"SELECT {Columns} FROM connect_traffic WHERE organization_id = $org AND id = $id AND {visible};", Map,
            [("$org", organizationId), ("$id", transactionId), .. parameters]);
    }

    /// <summary>Transactions matching <paramref name="filter"/>, oldest first.</summary>
    public static List<TrafficTransaction> Query(DbSession session, string organizationId, ConnectContainer visibleFrom, TrafficFilter filter, int offset, int limit)
    {
        var (where, parameters) = Where(organizationId, visibleFrom, filter);
        return session.Query($"SELECT {Columns} FROM connect_traffic WHERE {where} ORDER BY created_time, rowid LIMIT $limit OFFSET $offset;", Map,
            [.. parameters, ("$limit", limit), ("$offset", offset)]);
    }

    public static long Count(DbSession session, string organizationId, ConnectContainer visibleFrom, TrafficFilter filter)
    {
        var (where, parameters) = Where(organizationId, visibleFrom, filter);
        return session.Scalar<long>($"SELECT COUNT(*) FROM connect_traffic WHERE {where};", parameters);
    }

    public static TrafficCounts Report(DbSession session, string organizationId, ConnectContainer visibleFrom, TrafficFilter filter)
    {
        var (where, parameters) = Where(organizationId, visibleFrom, filter);
        return session.QuerySingleOrDefault($"""
            SELECT COALESCE(SUM(outcome <> 'Rejected'), 0), COALESCE(SUM(outcome = 'Rejected'), 0),
                   COALESCE(SUM(outcome IN ('Delivered', 'Read')), 0), COALESCE(SUM(outcome = 'Read'), 0), COALESCE(SUM(outcome = 'Failed'), 0)
            FROM connect_traffic WHERE {where};
            """, r => new TrafficCounts(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4)), parameters)!;
    }

    /// <summary>Per channel with traffic in the period: inbound and outbound transactions, and how many were rejected.</summary>
    public static List<TrafficUsage> Usage(DbSession session, string organizationId, ConnectContainer visibleFrom, string? start, string? end)
    {
        var (where, parameters) = Where(organizationId, visibleFrom, new TrafficFilter { Start = start, End = end });
        return session.Query($"""
            SELECT channel, SUM(direction = 'Inbound'), SUM(direction = 'Outbound'), SUM(outcome = 'Rejected'), COUNT(*)
            FROM connect_traffic WHERE {where} GROUP BY channel ORDER BY channel;
            """, r => new TrafficUsage(r.GetString(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4)), parameters);
    }

    private static (string, (string, object?)[]) Where(string organizationId, ConnectContainer visibleFrom, TrafficFilter filter)
    {
        var (visible, visibleParameters) = visibleFrom.VisibilityFilter();
        var clauses = new List<string> { "organization_id = $org", visible };
        var parameters = new List<(string, object?)> { ("$org", organizationId) };
        parameters.AddRange(visibleParameters);
        void Add(string clause, string name, object? value)
        {
            if (value is null) return;
            clauses.Add(clause);
            parameters.Add((name, value));
        }
        Add("destination = $destination", "$destination", filter.Destination);
        Add("channel = $channel", "$channel", filter.Channel);
        Add("service_id = $service", "$service", filter.ServiceId);
        Add("flow_id = $flow", "$flow", filter.FlowId);
        Add("direction = $direction", "$direction", filter.Direction);
        Add("created_time >= $start", "$start", filter.Start);
        Add("created_time <= $end", "$end", filter.End);
        return (string.Join(" AND ", clauses), parameters.ToArray());
    }

    // --- routing ---------------------------------------------------------------------------------------------------

    /// <summary>The transaction without id, organization and time: which flow version took it, or why none did.</summary>
    private static TrafficTransaction Route(DbSession session, string organizationId, TrafficTrigger trigger, DateTimeOffset now)
    {
        var text = Bounded(trigger.Text, MaximumTextLength, "text");
        var customer = Bounded(trigger.Customer?.Trim(), MaximumAddressLength, trigger.Direction == TrafficDirections.Inbound ? "from" : "to");
        // Checked before routing, so that a bad value is refused whether or not a flow would take the message.
        var outcome = trigger.Direction == TrafficDirections.Outbound ? OutboundOutcome(trigger.Outcome) : TrafficOutcomes.Delivered;
        var blank = new TrafficTransaction("", organizationId, trigger.Direction, trigger.Trigger, "", null, null, null, null, null,
            null, null, null, null, null, TrafficOutcomes.Rejected, null, text, "");
        var flows = new FlowRepository(session);

        if (trigger.AssetId is not null)
        {
            var asset = AssetEndpoints.FindOrThrow(new AssetRepository(session), organizationId, trigger.AssetId);
            var inbound = trigger.Direction == TrafficDirections.Inbound;
            if (!inbound && customer is null)
                throw ApiError.BadRequest(ErrorKeys.InvalidField, "An outbound message needs 'to': the customer's address (a number, an email address, a chat user).").ToException();
            var onAsset = blank with
            {
                Channel = asset.Channel, AssetId = asset.Id, AssetName = asset.Name,
                Source = inbound ? customer : asset.Name, Destination = inbound ? asset.Name : customer,
            };
            var rule = new RuleRepository(session).FindByAsset(organizationId, asset.Id);
            var flow = rule is null ? null : flows.FindAnywhere(organizationId, rule.FlowId);
            if (flow is null)
                return onAsset with
                {
                    Reason = inbound
                        ? $"No rule makes the {asset.Type.ToLowerInvariant()} '{asset.Name}' (id {asset.Id}) trigger a flow, so the message was rejected."
                        : $"No flow sends on the {asset.Type.ToLowerInvariant()} '{asset.Name}' (id {asset.Id}): no rule makes it trigger one.",
                };
            var routed = ToFlow(session, flows, onAsset, flow, now);
            if (routed.Outcome == TrafficOutcomes.Rejected) return routed;
            return routed with
            {
                ConversationId = Conversation(session, organizationId, asset.Id, customer) ?? (inbound ? Guid.NewGuid().ToString("D") : null),
                Outcome = outcome,
            };
        }

        if (trigger.Trigger == TrafficTriggers.TaskEvent)
        {
            var kind = FlowKinds.ChannelAgnostic.FirstOrDefault(k => string.Equals(k, trigger.Event, StringComparison.OrdinalIgnoreCase))
                ?? throw ApiError.BadRequest(ErrorKeys.InvalidField, $"The field 'event' is '{trigger.Event}'; use one of {string.Join(", ", EventKinds)}.").ToException();
            var onEvent = blank with { Channel = kind };
            var flow = flows.FindAgnostic(organizationId, kind);
            return flow is null
                ? onEvent with { Reason = $"The tenant has no {FlowKinds.DisplayName(kind)} flow, so the event was rejected." }
                : Delivered(ToFlow(session, flows, onEvent, flow, now));
        }

        if (trigger.ServiceId is not null)
        {
            var kind = trigger.Event is FlowKinds.CustomEvent or FlowKinds.InboundWebhook ? trigger.Event
                : throw ApiError.BadRequest(ErrorKeys.InvalidField, $"A service takes a CustomEvent or an InboundWebhook, not '{trigger.Event}'.").ToException();
            var service = new ConnectServiceRepository(session).FindAnywhereInTenant(organizationId, trigger.ServiceId)
                ?? throw ApiError.NotFound(ErrorKeys.ServiceNotFound, $"No service with id '{trigger.ServiceId}' exists in organization '{organizationId}'.").ToException();
            var onService = blank with { Channel = kind, ServiceId = service.Id, ServiceName = service.Name };
            onService = onService with { Container = service.Container };
            var candidates = flows.List(organizationId, service.Id, null, 0, int.MaxValue).Where(f => f.Kind == kind).ToList();
            if (trigger.FlowId is not null)
            {
                var given = candidates.FirstOrDefault(f => f.Id == ResourceIds.Normalize(trigger.FlowId))
                    ?? throw ApiError.NotFound(ErrorKeys.FlowNotFound,
                        $"Service '{service.Name}' has no {FlowKinds.DisplayName(kind)} flow with id '{trigger.FlowId}'.").ToException();
                candidates = [given];
            }
            if (candidates.Count > 1)
                throw ApiError.BadRequest(ErrorKeys.InvalidField,
                    $"Service '{service.Name}' has {candidates.Count} {FlowKinds.DisplayName(kind)} flows ({string.Join(", ", candidates.Select(f => $"'{f.Name}' ({f.Id})"))}); give 'flowId'.").ToException();
            return candidates.Count == 0
                ? onService with { Reason = $"Service '{service.Name}' (id {service.Id}) has no {FlowKinds.DisplayName(kind)} flow, so the {(kind == FlowKinds.InboundWebhook ? "webhook call" : "event")} was rejected." }
                : Delivered(ToFlow(session, flows, onService, candidates[0], now));
        }

        if (trigger.FlowId is not null)
        {
            var flow = flows.FindAnywhere(organizationId, trigger.FlowId);
            return flow is null
                ? blank with { Channel = FlowKinds.CustomEvent, FlowId = trigger.FlowId, Reason = $"The flow (id {trigger.FlowId}) no longer exists, so nothing handled the trigger." }
                : Delivered(ToFlow(session, flows, blank with { Channel = flow.Kind }, flow, now));
        }

        throw ApiError.BadRequest(ErrorKeys.InvalidField,
            "Give one of 'assetId' (a message on an asset, or with 'to' a reply to a customer) and 'event' (a Webex CC Task event, or CustomEvent/InboundWebhook with 'serviceId').").ToException();
    }

    /// <summary>Every value 'event' takes.</summary>
    public static readonly IReadOnlyList<string> EventKinds = [.. FlowKinds.ChannelAgnostic, FlowKinds.CustomEvent, FlowKinds.InboundWebhook];

    /// <summary>The flow's live version takes it (lab rule 55); with none, the transaction is rejected, saying why.</summary>
    private static TrafficTransaction ToFlow(DbSession session, FlowRepository flows, TrafficTransaction draft, ConnectFlow flow, DateTimeOffset now)
    {
        var service = new ConnectServiceRepository(session).FindAnywhereInTenant(flow.OrganizationId, flow.ServiceId);
        var routed = draft with
        {
            ServiceId = flow.ServiceId, ServiceName = service?.Name, FlowId = flow.Id, FlowName = flow.Name,
            Container = service?.Container ?? ConnectContainer.Tenant,
        };
        var versions = flows.Versions(flow.Id);
        var live = FlowLifecycle.LiveVersion(versions, now);
        var latest = versions.MaxBy(v => v.Number)!;
        if (live is null)
        {
            var state = latest.LiveTime is null
                ? $"version {latest.Number} is a Working Draft that was never made live"
                : $"version {latest.Number} is Publishing until {latest.LiveTime}";
            return routed with { Reason = $"Flow '{flow.Name}' (id {flow.Id}) has no live version yet ({state}), so the message was rejected." };
        }
        var publishing = versions.Where(v => v.Number > live.Number && v.LiveTime is not null && string.CompareOrdinal(v.LiveTime, Timestamps.Format(now)) > 0)
            .MaxBy(v => v.Number);
        return routed with
        {
            FlowVersion = live.Number,
            Outcome = TrafficOutcomes.Delivered,
            Reason = publishing is null ? null : $"Version {publishing.Number} is Publishing until {publishing.LiveTime}; the live version {live.Number} handled it.",
        };
    }

    private static TrafficTransaction Delivered(TrafficTransaction routed) =>
        routed.Outcome == TrafficOutcomes.Rejected ? routed : routed with { Outcome = TrafficOutcomes.Delivered };

    private static string OutboundOutcome(string? outcome)
    {
        if (outcome is null) return TrafficOutcomes.Delivered;
        return TrafficOutcomes.Outbound.FirstOrDefault(o => string.Equals(o, outcome.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw ApiError.BadRequest(ErrorKeys.InvalidField, $"The field 'outcome' is '{outcome}'; use one of {string.Join(", ", TrafficOutcomes.Outbound)}.").ToException();
    }

    /// <summary>
    /// The customer's conversation on this asset, if any (lab rule 52: Search Conversation, then Append); a new inbound
    /// message without one creates one, an outbound one without one stays outside any.
    /// </summary>
    private static string? Conversation(DbSession session, string organizationId, string assetId, string? customer) =>
        customer is null ? null : session.Scalar<string>("""
            SELECT conversation_id FROM connect_traffic
            WHERE organization_id = $org AND asset_id = $asset AND conversation_id IS NOT NULL
              AND ((direction = 'Inbound' AND source = $customer) OR (direction = 'Outbound' AND destination = $customer))
            ORDER BY created_time DESC, rowid DESC LIMIT 1;
            """, ("$org", organizationId), ("$asset", assetId), ("$customer", customer));

    private static string? Bounded(string? value, int maximum, string field)
    {
        if (string.IsNullOrEmpty(value)) return null;
        if (value.Length > maximum || (field != "text" && value.Any(char.IsControl)))
            throw ApiError.BadRequest(ErrorKeys.InvalidField, $"The field '{field}' must have at most {maximum} characters{(field == "text" ? "" : " and no control characters")} (got {value.Length}).").ToException();
        return value;
    }

    private static void Insert(DbSession session, TrafficTransaction t) =>
        session.Execute($"""
            INSERT INTO connect_traffic ({Columns})
            VALUES ($id, $org, $direction, $trigger, $channel, $service, $serviceName, $flow, $flowName, $version, $asset, $assetName,
                    $source, $destination, $conversation, $outcome, $reason, $text, $time, $group, $team);
            """,
            ("$id", t.Id), ("$org", t.OrganizationId), ("$direction", t.Direction), ("$trigger", t.Trigger), ("$channel", t.Channel),
            ("$service", t.ServiceId), ("$serviceName", t.ServiceName), ("$flow", t.FlowId), ("$flowName", t.FlowName), ("$version", t.FlowVersion),
            ("$asset", t.AssetId), ("$assetName", t.AssetName), ("$source", t.Source), ("$destination", t.Destination),
            ("$conversation", t.ConversationId), ("$outcome", t.Outcome), ("$reason", t.Reason), ("$text", t.Text), ("$time", t.CreatedTime),
            ("$group", t.Container.GroupId), ("$team", t.Container.TeamId));

    private static TrafficTransaction Map(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetNullableString(5), r.GetNullableString(6),
        r.GetNullableString(7), r.GetNullableString(8), r.IsDBNull(9) ? null : r.GetInt32(9), r.GetNullableString(10), r.GetNullableString(11),
        r.GetNullableString(12), r.GetNullableString(13), r.GetNullableString(14), r.GetString(15), r.GetNullableString(16), r.GetNullableString(17),
        r.GetString(18))
    {
        Container = new ConnectContainer(r.GetNullableString(19), r.GetNullableString(20)),
    };
}
