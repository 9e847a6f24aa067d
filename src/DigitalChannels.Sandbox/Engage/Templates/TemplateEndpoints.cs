using System.Text.Json.Serialization;
using DigitalChannels.Client.Auth;
using DigitalChannels.Sandbox.Errors;
using DigitalChannels.Sandbox.Http;
using DigitalChannels.Sandbox.Identity;
using DigitalChannels.Sandbox.Storage;

namespace DigitalChannels.Sandbox.Engage.Templates;

public sealed record TemplateResource(
    string Id, string OrganizationId, string Name, IReadOnlyList<string> Channels, string Text,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Category,
    long Version, string CreatedTime, string LastUpdatedTime)
{
    public static TemplateResource From(EngageTemplate t) => new(t.Id, t.OrganizationId, t.Name, t.Channels, t.Text, t.Category, t.Version, t.CreatedTime, t.LastUpdatedTime);
}

/// <summary>
/// Templates: quick replies agents pick in their console (Engage → Admin → Assets → Templates). The Customer Care
/// portal shows the same templates (Settings → Manage → Template, lab 12.3 rule 23): <c>/customer-care/templates</c>
/// reads the same rows, read-only, filtered by the channel an agent is on.
/// </summary>
public static class TemplateEndpoints
{
    public const int MaximumNameLength = 100;
    public const int MaximumTextLength = 2000;
    public const int MaximumCategoryLength = 50;

    public static void MapTemplateEndpoints(this RouteGroupBuilder engage)
    {
        engage.MapGet("/templates", List).RequireScope(Scopes.EngageConfigRead).RequirePermission(EngagePermissions.ReadSettings);
        engage.MapPost("/templates", CreateAsync).RequireScope(Scopes.EngageConfigWrite).RequirePermission(EngagePermissions.ChangeSettings);
        engage.MapGet("/templates/{templateId}", Get).RequireScope(Scopes.EngageConfigRead).RequirePermission(EngagePermissions.ReadSettings);
        engage.MapMethods("/templates/{templateId}", [HttpMethods.Patch], PatchAsync).RequireScope(Scopes.EngageConfigWrite).RequirePermission(EngagePermissions.ChangeSettings);
        engage.MapDelete("/templates/{templateId}", Delete).RequireScope(Scopes.EngageConfigWrite).RequirePermission(EngagePermissions.ChangeSettings);
        engage.MapGet("/customer-care/templates", ListForCustomerCare).RequireScope(Scopes.EngageConfigRead).RequirePermission(EngagePermissions.ReadSettings);
    }

    private static IResult List(HttpContext context, SandboxDatabase database)
    {
        var request = context.Request;
        var search = request.Query["search"].ToString();
        var name = request.Query.ContainsKey("name") ? request.Query["name"].ToString().Trim() : null;
        var filter = new TemplateListFilter(string.IsNullOrEmpty(search) ? null : search, name, EngageText.ChannelFilter(request));
        return Page(context, database, "templates", filter);
    }

    private static IResult ListForCustomerCare(HttpContext context, SandboxDatabase database) =>
        Page(context, database, "customer-care/templates", new TemplateListFilter(null, null, EngageText.ChannelFilter(context.Request)));

    private static IResult Page(HttpContext context, SandboxDatabase database, string relativePath, TemplateListFilter filter)
    {
        var caller = Caller.Of(context);
        var page = PageRequest.FromQuery(context.Request);
        var (total, rows) = database.Read(session =>
        {
            var repository = new TemplateRepository(session);
            return (repository.Count(caller.OrganizationId, filter), repository.List(caller.OrganizationId, filter, page.Offset, page.PageSize));
        });
        var list = PagedList<TemplateResource>.Create(caller.OrganizationId, $"/engage/v1/organization/{caller.OrganizationId}/{relativePath}", page, total,
            rows.Select(TemplateResource.From).ToList(),
            new Dictionary<string, string?> { ["search"] = filter.Search, ["name"] = filter.ExactName, ["channel"] = filter.Channel });
        return SandboxJson.Ok(list);
    }

    private static async Task<IResult> CreateAsync(HttpContext context, SandboxDatabase database, TimeProvider time)
    {
        var caller = Caller.Of(context);
        var body = await JsonBody.ReadObjectAsync(context.Request);
        var name = EngageText.ValidName(body.RequiredString("name"), "name", MaximumNameLength);
        var channels = EngageText.ValidChannels(body, "channels");
        var text = ValidText(body.RequiredString("text"));
        var category = ValidCategory(body.OptionalString("category"));
        var now = Timestamps.Format(time.GetUtcNow());
        var template = new EngageTemplate(Guid.NewGuid().ToString("D"), caller.OrganizationId, name, channels, text, category, 0, now, now);
        database.Write(session =>
        {
            var repository = new TemplateRepository(session);
            EnsureNameFree(repository, caller.OrganizationId, name, null);
            repository.Insert(template);
        });
        Preconditions.SetEntityTag(context.Response, template.Version);
        context.Response.Headers.Location = $"/engage/v1/organization/{caller.OrganizationId}/templates/{template.Id}";
        return SandboxJson.Ok(TemplateResource.From(template), StatusCodes.Status201Created);
    }

    private static IResult Get(HttpContext context, SandboxDatabase database, string templateId)
    {
        var caller = Caller.Of(context);
        var template = database.Read(session => FindOrThrow(new TemplateRepository(session), caller.OrganizationId, templateId));
        Preconditions.SetEntityTag(context.Response, template.Version);
        return SandboxJson.Ok(TemplateResource.From(template));
    }

    /// <summary>Merge patch of name, channels, text and category ("category": null clears it).</summary>
    private static async Task<IResult> PatchAsync(HttpContext context, SandboxDatabase database, TimeProvider time, string templateId)
    {
        var caller = Caller.Of(context);
        var body = await JsonBody.ReadObjectAsync(context.Request);
        var name = body.Has("name") ? EngageText.ValidName(body.RequiredString("name"), "name", MaximumNameLength) : null;
        var channels = body.Has("channels") ? EngageText.ValidChannels(body, "channels") : null;
        var text = body.Has("text") ? ValidText(body.RequiredString("text")) : null;
        var setsCategory = body.Has("category");
        var category = ValidCategory(body.OptionalString("category"));

        var template = database.Write(session =>
        {
            var repository = new TemplateRepository(session);
            var current = FindOrThrow(repository, caller.OrganizationId, templateId);
            Preconditions.CheckIfMatch(context.Request, current.Version, $"template '{current.Name}' (id {current.Id})");
            var updated = current with
            {
                Name = name ?? current.Name,
                Channels = channels ?? current.Channels,
                Text = text ?? current.Text,
                Category = setsCategory ? category : current.Category,
            };
            if (updated.Name == current.Name && updated.Channels.SequenceEqual(current.Channels) && updated.Text == current.Text && updated.Category == current.Category)
                return current;
            if (!string.Equals(updated.Name, current.Name, StringComparison.Ordinal)) EnsureNameFree(repository, caller.OrganizationId, updated.Name, current.Id);
            updated = updated with { Version = current.Version + 1, LastUpdatedTime = Timestamps.Format(time.GetUtcNow()) };
            repository.Update(updated);
            return updated;
        });
        Preconditions.SetEntityTag(context.Response, template.Version);
        return SandboxJson.Ok(TemplateResource.From(template));
    }

    private static IResult Delete(HttpContext context, SandboxDatabase database, string templateId)
    {
        var caller = Caller.Of(context);
        database.Write(session =>
        {
            var repository = new TemplateRepository(session);
            var current = FindOrThrow(repository, caller.OrganizationId, templateId);
            Preconditions.CheckIfMatch(context.Request, current.Version, $"template '{current.Name}' (id {current.Id})");
            repository.Delete(caller.OrganizationId, current.Id);
        });
        return Results.NoContent();
    }

    private static EngageTemplate FindOrThrow(TemplateRepository repository, string organizationId, string templateId)
    {
        var normalized = ResourceIds.Normalize(templateId);
        return (normalized is null ? null : repository.Find(organizationId, normalized))
            ?? throw ApiError.NotFound(ErrorKeys.TemplateNotFound, $"No template with id '{templateId}' exists in organization '{organizationId}'.").ToException();
    }

    private static void EnsureNameFree(TemplateRepository repository, string organizationId, string name, string? exceptId)
    {
        var existing = repository.FindByName(organizationId, name);
        if (existing is not null && existing.Id != exceptId)
            throw ApiError.Conflict(ErrorKeys.TemplateDuplicateName,
                $"A template named '{existing.Name}' already exists in this organization (id {existing.Id}); names are unique regardless of case, so '{name}' cannot be used.").About(name).ToException();
    }

    private static string ValidText(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) throw EngageJson.Invalid($"The field 'text' must not be empty or blank (got '{text}').");
        if (text.Length > MaximumTextLength)
            throw EngageJson.Invalid($"The field 'text' has {text.Length} characters; at most {MaximumTextLength} are allowed ('{text[..40]}…').");
        return text;
    }

    private static string? ValidCategory(string? category)
    {
        if (category is null) return null;
        var trimmed = category.Trim();
        if (trimmed.Length == 0) return null;
        return EngageText.ValidName(trimmed, "category", MaximumCategoryLength);
    }
}
