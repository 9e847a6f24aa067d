using System.Text.Json.Serialization;
using DigitalChannels.Client.Auth;
using DigitalChannels.Client.Connect.Templates;
using DigitalChannels.Sandbox.Errors;
using DigitalChannels.Sandbox.Http;
using DigitalChannels.Sandbox.Identity;
using DigitalChannels.Sandbox.Storage;

namespace DigitalChannels.Sandbox.Connect.Templates;

/// <summary>The template as the API returns it; <see cref="Variables"/> is derived from the subject and body on every read.</summary>
public sealed record ConnectTemplateResource(
    string Id, string OrganizationId, string Name, string Channel, string ContentType,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Subject,
    string Body, IReadOnlyList<string> Variables, long Version, string CreatedTime, string LastUpdatedTime)
{
    public static ConnectTemplateResource From(ConnectTemplate t) =>
        new(t.Id, t.OrganizationId, t.Name, t.Channel, t.ContentType, t.Subject, t.Body, ConnectTemplateContent.Variables(t.Subject, t.Body), t.Version, t.CreatedTime, t.LastUpdatedTime);
}

/// <summary>
/// Tools > Templates of the Connect portal: message templates per channel that flows send. The rules (channels, content
/// types per channel, the email subject, SMS's GSM alphabet, $(variable) placeholders) are the client library's
/// <see cref="ConnectTemplateContent"/>, so both sides refuse the same values with the same words.
/// </summary>
public static class ConnectTemplateEndpoints
{
    public const string GroupPath = "/connect/v1/organization/{orgId}/templates";

    public static void MapConnectTemplateEndpoints(this IEndpointRouteBuilder app)
    {
        var templates = app.MapGroup(GroupPath).RequireSandboxToken().WithErrorBodyStyle(ErrorBodyStyle.Problem);
        templates.MapGet("", List).RequireScope(Scopes.ConnectConfigRead).RequirePermission(ConnectPermissions.ReadConfiguration);
        templates.MapPost("", CreateAsync).RequireScope(Scopes.ConnectConfigWrite).RequirePermission(ConnectPermissions.ChangeConfiguration);
        templates.MapGet("/{templateId}", Get).RequireScope(Scopes.ConnectConfigRead).RequirePermission(ConnectPermissions.ReadConfiguration);
        templates.MapMethods("/{templateId}", [HttpMethods.Patch], PatchAsync).RequireScope(Scopes.ConnectConfigWrite).RequirePermission(ConnectPermissions.ChangeConfiguration);
        templates.MapDelete("/{templateId}", Delete).RequireScope(Scopes.ConnectConfigWrite).RequirePermission(ConnectPermissions.ChangeConfiguration);
    }

    private static IResult List(HttpContext context, SandboxDatabase database)
    {
        var caller = Caller.Of(context);
        var request = context.Request;
        var page = PageRequest.FromQuery(request);
        var search = request.Query["search"].ToString();
        var name = request.Query.ContainsKey("name") ? request.Query["name"].ToString().Trim() : null;
        var channelText = request.Query["channel"].ToString();
        string? channel = null;
        if (!string.IsNullOrEmpty(channelText))
            channel = ConnectTemplateContent.NormalizeChannel(channelText)
                ?? throw ApiError.BadRequest(ErrorKeys.InvalidParameter, $"The query parameter 'channel': {ConnectTemplateContent.ChannelProblem(channelText)}").About(channelText).ToException();
        var filter = new ConnectTemplateListFilter(string.IsNullOrEmpty(search) ? null : search, name, channel);
        var (total, rows) = database.Read(session =>
        {
            var repository = new ConnectTemplateRepository(session);
            return (repository.Count(caller.OrganizationId, filter), repository.List(caller.OrganizationId, filter, page.Offset, page.PageSize));
        });
        var list = PagedList<ConnectTemplateResource>.Create(caller.OrganizationId, $"/connect/v1/organization/{caller.OrganizationId}/templates", page, total,
            rows.Select(ConnectTemplateResource.From).ToList(),
            new Dictionary<string, string?> { ["search"] = filter.Search, ["name"] = filter.ExactName, ["channel"] = filter.Channel });
        return SandboxJson.Ok(list);
    }

    private static async Task<IResult> CreateAsync(HttpContext context, SandboxDatabase database, TimeProvider time)
    {
        var caller = Caller.Of(context);
        var body = await JsonBody.ReadObjectAsync(context.Request);
        var name = ValidName(body.RequiredString("name"));
        var channelText = body.RequiredString("channel");
        var channel = ConnectTemplateContent.NormalizeChannel(channelText) ?? throw Invalid(ConnectTemplateContent.ChannelProblem(channelText)!, channelText);
        var contentType = ValidContentType(channel, body.OptionalString("contentType"));
        var subject = ValidSubject(channel, body.OptionalString("subject"));
        var text = ValidBody(channel, contentType, body.RequiredString("body"));

        var now = Timestamps.Format(time.GetUtcNow());
        var template = new ConnectTemplate(Guid.NewGuid().ToString("D"), caller.OrganizationId, name, channel, contentType, subject, text, 0, now, now);
        database.Write(session =>
        {
            var repository = new ConnectTemplateRepository(session);
            EnsureNameFree(repository, caller.OrganizationId, name, null);
            repository.Insert(template);
        });
        Preconditions.SetEntityTag(context.Response, template.Version);
        context.Response.Headers.Location = $"/connect/v1/organization/{caller.OrganizationId}/templates/{template.Id}";
        return SandboxJson.Ok(ConnectTemplateResource.From(template), StatusCodes.Status201Created);
    }

    private static IResult Get(HttpContext context, SandboxDatabase database, string templateId)
    {
        var caller = Caller.Of(context);
        var template = database.Read(session => FindOrThrow(new ConnectTemplateRepository(session), caller.OrganizationId, templateId));
        Preconditions.SetEntityTag(context.Response, template.Version);
        return SandboxJson.Ok(ConnectTemplateResource.From(template));
    }

    /// <summary>Merge patch of name, contentType, subject and body. The channel is fixed once created, as in the portal.</summary>
    private static async Task<IResult> PatchAsync(HttpContext context, SandboxDatabase database, TimeProvider time, string templateId)
    {
        var caller = Caller.Of(context);
        var body = await JsonBody.ReadObjectAsync(context.Request);
        if (body.Has("channel"))
            throw ApiError.BadRequest(ErrorKeys.InvalidField, "The field 'channel' cannot change once a template is created; create a template for the other channel instead.").ToException();
        var name = body.Has("name") ? ValidName(body.RequiredString("name")) : null;
        var contentTypeText = body.Has("contentType") ? body.RequiredString("contentType") : null;
        var subjectText = body.OptionalString("subject");
        var setsSubject = body.Has("subject");
        var text = body.Has("body") ? body.RequiredString("body") : null;

        var template = database.Write(session =>
        {
            var repository = new ConnectTemplateRepository(session);
            var current = FindOrThrow(repository, caller.OrganizationId, templateId);
            Preconditions.CheckIfMatch(context.Request, current.Version, $"template '{current.Name}' (id {current.Id})");
            var contentType = contentTypeText is null ? current.ContentType : ValidContentType(current.Channel, contentTypeText);
            var updated = current with
            {
                Name = name ?? current.Name,
                ContentType = contentType,
                Subject = setsSubject ? ValidSubject(current.Channel, subjectText) : current.Subject,
                Body = ValidBody(current.Channel, contentType, text ?? current.Body),
            };
            if (updated == current) return current;
            if (!string.Equals(updated.Name, current.Name, StringComparison.Ordinal)) EnsureNameFree(repository, caller.OrganizationId, updated.Name, current.Id);
            updated = updated with { Version = current.Version + 1, LastUpdatedTime = Timestamps.Format(time.GetUtcNow()) };
            repository.Update(updated);
            return updated;
        });
        Preconditions.SetEntityTag(context.Response, template.Version);
        return SandboxJson.Ok(ConnectTemplateResource.From(template));
    }

    private static IResult Delete(HttpContext context, SandboxDatabase database, string templateId)
    {
        var caller = Caller.Of(context);
        database.Write(session =>
        {
            var repository = new ConnectTemplateRepository(session);
            var current = FindOrThrow(repository, caller.OrganizationId, templateId);
            Preconditions.CheckIfMatch(context.Request, current.Version, $"template '{current.Name}' (id {current.Id})");
            repository.Delete(caller.OrganizationId, current.Id);
        });
        return Results.NoContent();
    }

    private static ConnectTemplate FindOrThrow(ConnectTemplateRepository repository, string organizationId, string templateId)
    {
        var normalized = ResourceIds.Normalize(templateId);
        return (normalized is null ? null : repository.Find(organizationId, normalized))
            ?? throw ApiError.NotFound(ErrorKeys.ConnectTemplateNotFound, $"No Connect template with id '{templateId}' exists in organization '{organizationId}'.").ToException();
    }

    private static void EnsureNameFree(ConnectTemplateRepository repository, string organizationId, string name, string? exceptId)
    {
        var existing = repository.FindByName(organizationId, name);
        if (existing is not null && existing.Id != exceptId)
            throw ApiError.Conflict(ErrorKeys.ConnectTemplateDuplicateName,
                $"A Connect template named '{existing.Name}' already exists in this organization (id {existing.Id}); names are unique regardless of case, so '{name}' cannot be used.").About(name).ToException();
    }

    private static string ValidName(string raw) =>
        ConnectTemplateContent.NameProblem(raw) is { } problem
            ? throw ApiError.BadRequest(ErrorKeys.InvalidField, $"The field 'name': {problem}").ToException()
            : raw.Trim();

    /// <summary>Absent: the channel's first content type.</summary>
    private static string ValidContentType(string channel, string? contentType)
    {
        if (contentType is null) return ConnectTemplateContent.ContentTypesOf(channel)[0];
        return ConnectTemplateContent.NormalizeContentType(channel, contentType) ?? throw Invalid(ConnectTemplateContent.ContentTypeProblem(channel, contentType)!, contentType);
    }

    private static string? ValidSubject(string channel, string? subject) =>
        ConnectTemplateContent.SubjectProblem(channel, subject) is { } problem ? throw Invalid(problem, subject) : subject;

    private static string ValidBody(string channel, string contentType, string body) =>
        ConnectTemplateContent.BodyProblem(channel, contentType, body) is { } problem ? throw Invalid(problem, null) : body;

    private static ApiException Invalid(string problem, string? value) =>
        ApiError.BadRequest(ErrorKeys.ConnectTemplateInvalidContent, problem).About(value).ToException();
}
