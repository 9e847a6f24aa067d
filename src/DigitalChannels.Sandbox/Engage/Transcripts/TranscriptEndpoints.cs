using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using DigitalChannels.Client.Auth;
using DigitalChannels.Sandbox.Errors;
using DigitalChannels.Sandbox.Http;
using DigitalChannels.Sandbox.Identity;
using DigitalChannels.Sandbox.Storage;

namespace DigitalChannels.Sandbox.Engage.Transcripts;

public sealed record TranscriptMessage(int Sequence, string Time, string Sender, string? SenderName, string Text);

public sealed record Conversation(
    string Id, string OrganizationId, string Channel, string? CustomerName, string StartedTime, string? EndedTime, string CreatedTime,
    IReadOnlyList<TranscriptMessage> Messages);

public sealed record TranscriptResource(
    string ConversationId, string OrganizationId, string Channel, string? CustomerName, string StartedTime, string? EndedTime,
    IReadOnlyList<TranscriptMessage> Messages)
{
    public static TranscriptResource From(Conversation c) => new(c.Id, c.OrganizationId, c.Channel, c.CustomerName, c.StartedTime, c.EndedTime, c.Messages);
}

public sealed class ConversationRepository
{
    private readonly DbSession session;

    public ConversationRepository(DbSession session) => this.session = session;

    public Conversation? Find(string organizationId, string id)
    {
        var head = session.QuerySingleOrDefault("""
            SELECT id, channel, customer_name, started_time, ended_time, created_time FROM engage_conversations WHERE organization_id = $org AND id = $id;
            """, r => new { Id = r.GetString(0), Channel = r.GetString(1), Customer = r.GetNullableString(2), Started = r.GetString(3), Ended = r.GetNullableString(4), Created = r.GetString(5) },
            ("$org", organizationId), ("$id", id));
        if (head is null) return null;
        var messages = session.Query("""
            SELECT sequence, sent_time, sender, sender_name, text FROM engage_conversation_messages
            WHERE organization_id = $org AND conversation_id = $id ORDER BY sequence;
            """, r => new TranscriptMessage(r.GetInt32(0), r.GetString(1), r.GetString(2), r.GetNullableString(3), r.GetString(4)),
            ("$org", organizationId), ("$id", id));
        return new Conversation(head.Id, organizationId, head.Channel, head.Customer, head.Started, head.Ended, head.Created, messages);
    }

    public void Insert(Conversation c)
    {
        session.Execute("""
            INSERT INTO engage_conversations (organization_id, id, channel, customer_name, started_time, ended_time, created_time)
            VALUES ($org, $id, $channel, $customer, $started, $ended, $created);
            """, ("$org", c.OrganizationId), ("$id", c.Id), ("$channel", c.Channel), ("$customer", c.CustomerName), ("$started", c.StartedTime),
            ("$ended", c.EndedTime), ("$created", c.CreatedTime));
        foreach (var m in c.Messages)
        {
            session.Execute("""
                INSERT INTO engage_conversation_messages (organization_id, conversation_id, sequence, sent_time, sender, sender_name, text)
                VALUES ($org, $id, $sequence, $time, $sender, $name, $text);
                """, ("$org", c.OrganizationId), ("$id", c.Id), ("$sequence", m.Sequence), ("$time", m.Time), ("$sender", m.Sender), ("$name", m.SenderName), ("$text", m.Text));
        }
    }
}

/// <summary>
/// Transcripts (Customer Care → Dashboard: search a conversation ID, download the transcript). Conversations come
/// from customers on a real tenant; in the sandbox a management route records them, for tests and demos.
/// </summary>
public static class TranscriptEndpoints
{
    public const int MaximumMessages = 1000;
    public const int MaximumTextLength = 10_000;
    public static readonly IReadOnlyList<string> Senders = ["Customer", "Agent", "Bot", "System"];
    private static readonly Regex ConversationIdShape = new("^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$", RegexOptions.CultureInvariant);

    public static void MapTranscriptEndpoints(this RouteGroupBuilder engage)
    {
        engage.MapGet("/conversations/{conversationId}/transcript", Get).RequireScope(Scopes.EngageConfigRead).RequirePermission(EngagePermissions.ReadTranscripts);
    }

    /// <summary><c>POST /sandbox/v1/organization/{orgId}/engage/conversations</c> (scope sandbox:admin, role Owner).</summary>
    public static void MapSandboxConversationEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/sandbox/v1/organization/{orgId}/engage").RequireSandboxToken().WithErrorBodyStyle(ErrorBodyStyle.Problem)
            .MapPost("/conversations", RecordAsync).RequireScope(Scopes.SandboxAdmin).RequirePermission(ConnectPermissions.ManageSandbox);
    }

    private static IResult Get(HttpContext context, SandboxDatabase database, string conversationId)
    {
        var caller = Caller.Of(context);
        var conversation = database.Read(session => new ConversationRepository(session).Find(caller.OrganizationId, conversationId.Trim()))
            ?? throw ApiError.NotFound(ErrorKeys.ConversationNotFound,
                $"No conversation with id '{conversationId}' exists in organization '{caller.OrganizationId}'; check the conversation ID in Connect.").ToException();
        return SandboxJson.Ok(TranscriptResource.From(conversation));
    }

    private static async Task<IResult> RecordAsync(HttpContext context, SandboxDatabase database, TimeProvider time)
    {
        var caller = Caller.Of(context);
        var body = await JsonBody.ReadObjectAsync(context.Request);
        var now = time.GetUtcNow();
        var id = body.OptionalString("conversationId")?.Trim();
        if (id is not null && !ConversationIdShape.IsMatch(id))
            throw EngageJson.Invalid($"The field 'conversationId' has '{id}'; use 1 to 128 letters, digits, '.', '_', ':' or '-', starting with a letter or digit.");
        id ??= Guid.NewGuid().ToString("N");
        var channel = Settings.AttachmentSettingsEndpoints.KnownChannelField(body.RequiredString("channel"));
        var customer = body.OptionalString("customerName") is { } name && !string.IsNullOrWhiteSpace(name) ? EngageText.ValidName(name, "customerName", 100) : null;
        var started = Time(body.OptionalString("startedTime"), "startedTime") ?? now;
        var ended = Time(body.OptionalString("endedTime"), "endedTime");
        if (ended < started) throw EngageJson.Invalid($"The field 'endedTime' ({Timestamps.Format(ended.Value)}) is before 'startedTime' ({Timestamps.Format(started)}).");

        var items = EngageJson.ObjectArray(body.Raw("messages"), "messages", required: true);
        if (items.Count == 0) throw EngageJson.Invalid("The field 'messages' must list at least one message.");
        if (items.Count > MaximumMessages) throw EngageJson.Invalid($"The field 'messages' has {items.Count} messages; at most {MaximumMessages} are allowed.");
        var messages = new List<TranscriptMessage>();
        var previous = started;
        for (var i = 0; i < items.Count; i++)
        {
            var path = $"messages[{i}]";
            var senderText = EngageJson.RequiredString(items[i], path, "sender");
            var sender = Senders.FirstOrDefault(s => string.Equals(s, senderText.Trim(), StringComparison.OrdinalIgnoreCase))
                ?? throw EngageJson.Invalid($"The field '{path}.sender' has '{senderText}'; use one of: {string.Join(", ", Senders)}.");
            var senderName = EngageJson.OptionalString(items[i], path, "senderName") is { } n && !string.IsNullOrWhiteSpace(n) ? EngageText.ValidName(n, $"{path}.senderName", 100) : null;
            var text = EngageJson.RequiredString(items[i], path, "text");
            if (string.IsNullOrWhiteSpace(text)) throw EngageJson.Invalid($"The field '{path}.text' must not be empty or blank.");
            if (text.Length > MaximumTextLength) throw EngageJson.Invalid($"The field '{path}.text' has {text.Length} characters; at most {MaximumTextLength} are allowed.");
            var sent = Time(EngageJson.OptionalString(items[i], path, "time"), $"{path}.time") ?? previous;
            if (sent < previous)
                throw EngageJson.Invalid($"The field '{path}.time' ({Timestamps.Format(sent)}) is before the message or start before it ({Timestamps.Format(previous)}); list messages in time order.");
            previous = sent;
            messages.Add(new TranscriptMessage(i + 1, Timestamps.Format(sent), sender, senderName, text));
        }

        var conversation = new Conversation(id, caller.OrganizationId, channel, customer, Timestamps.Format(started), ended is null ? null : Timestamps.Format(ended.Value),
            Timestamps.Format(now), messages);
        database.Write(session =>
        {
            var repository = new ConversationRepository(session);
            if (repository.Find(caller.OrganizationId, id) is not null)
                throw ApiError.Conflict(ErrorKeys.ConversationDuplicateId, $"A conversation with id '{id}' already exists in this organization.").ToException();
            repository.Insert(conversation);
        });
        context.Response.Headers.Location = $"/engage/v1/organization/{caller.OrganizationId}/conversations/{Uri.EscapeDataString(id)}/transcript";
        return SandboxJson.Ok(TranscriptResource.From(conversation), StatusCodes.Status201Created);
    }

    private static DateTimeOffset? Time(string? text, string field)
    {
        if (text is null) return null;
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
            throw EngageJson.Invalid($"The field '{field}' has '{text}', which is not an ISO 8601 time such as 2026-01-31T09:15:00Z.");
        return value;
    }
}
