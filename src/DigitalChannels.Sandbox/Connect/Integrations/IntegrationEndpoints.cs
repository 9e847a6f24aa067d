using DigitalChannels.Client.Auth;
using DigitalChannels.Sandbox.Errors;
using DigitalChannels.Sandbox.Http;
using DigitalChannels.Sandbox.Identity;
using DigitalChannels.Sandbox.Storage;

namespace DigitalChannels.Sandbox.Connect.Integrations;

public sealed record NodeAuthorizationResource(string Id, string Name, string AuthType, bool IsDefault, string? Account, string Status, string CreatedTime);

public sealed record IntegrationResource(string Id, string Kind, string Name, string AuthorizationLabel, string Status,
    IReadOnlyList<NodeAuthorizationResource> Authorizations, string CreatedTime)
{
    public static IntegrationResource From(ConnectIntegration integration, IReadOnlyList<NodeAuthorization> authorizations) =>
        new(integration.Id, integration.Kind, integration.Name, integration.AuthorizationLabel, IntegrationKinds.StatusOf(authorizations),
            authorizations.Select(a => new NodeAuthorizationResource(a.Id, a.Name, a.AuthType, a.IsDefault, a.Account, "Authorized", a.CreatedTime)).ToList(),
            integration.CreatedTime);
}

/// <summary>
/// Assets > Integrations (lab 12.5 step 1): the pre-built Webex CC Task and Webex CC Engage of every tenant, and their node
/// authorizations. The sandbox has no OAuth pop-up to show: adding an authorization is the successful Authorize.
/// </summary>
public static class IntegrationEndpoints
{
    public const string GroupPath = "/connect/v1/organization/{orgId}/integrations";
    public const string OAuth2 = "oauth2";
    public const int MaximumNameLength = 100;

    public static void MapIntegrationEndpoints(this IEndpointRouteBuilder app)
    {
        var integrations = app.MapGroup(GroupPath).RequireSandboxToken().WithErrorBodyStyle(ErrorBodyStyle.Problem);
        integrations.MapGet("", List).RequireScope(Scopes.ConnectConfigRead).RequirePermission(ConnectPermissions.ReadConfiguration);
        integrations.MapGet("/{integrationId}", Get).RequireScope(Scopes.ConnectConfigRead).RequirePermission(ConnectPermissions.ReadConfiguration);
        integrations.MapPost("/{integrationId}/authorizations", AddAuthorizationAsync)
            .RequireScope(Scopes.ConnectConfigWrite).RequirePermission(ConnectPermissions.ChangeConfiguration);
    }

    private static IResult List(HttpContext context, SandboxDatabase database)
    {
        var caller = Caller.Of(context);
        return SandboxJson.Ok(new { data = database.Read(session =>
        {
            var repository = new IntegrationRepository(session);
            return repository.List(caller.OrganizationId).Select(i => IntegrationResource.From(i, repository.Authorizations(i.Id))).ToList();
        }) });
    }

    private static IResult Get(HttpContext context, SandboxDatabase database, string integrationId)
    {
        var caller = Caller.Of(context);
        return SandboxJson.Ok(database.Read(session =>
        {
            var repository = new IntegrationRepository(session);
            var integration = FindOrThrow(repository, caller.OrganizationId, integrationId);
            return IntegrationResource.From(integration, repository.Authorizations(integration.Id));
        }));
    }

    /// <summary>Add Authorization → name → Authorize. The first authorization of an integration is its default; isDefault moves the mark.</summary>
    private static async Task<IResult> AddAuthorizationAsync(HttpContext context, SandboxDatabase database, TimeProvider time, string integrationId)
    {
        var caller = Caller.Of(context);
        var body = await JsonBody.ReadObjectAsync(context.Request);
        var name = body.RequiredString("name").Trim();
        if (name.Length is 0 or > MaximumNameLength || name.Any(char.IsControl))
            throw ApiError.BadRequest(ErrorKeys.InvalidField, $"The field 'name' must have 1 to {MaximumNameLength} characters and no control characters (got '{name}').").ToException();
        var authType = body.OptionalString("authType") ?? OAuth2;
        if (!string.Equals(authType, OAuth2, StringComparison.OrdinalIgnoreCase))
            throw ApiError.BadRequest(ErrorKeys.InvalidField, $"The field 'authType' is '{authType}'; the pre-built integrations authorize with 'oauth2' only.").ToException();
        var makeDefault = body.OptionalBoolean("isDefault");
        var account = body.OptionalString("account")?.Trim();

        var result = database.Write(session =>
        {
            var repository = new IntegrationRepository(session);
            var integration = FindOrThrow(repository, caller.OrganizationId, integrationId);
            var existing = repository.Authorizations(integration.Id);
            if (existing.FirstOrDefault(a => NodeAuthorization.NameKey(a.Name) == NodeAuthorization.NameKey(name)) is { } clash)
                throw ApiError.Conflict(ErrorKeys.AuthorizationDuplicateName,
                    $"The integration '{integration.Name}' already has a node authorization named '{clash.Name}' (id {clash.Id}).").ToException();
            repository.AddAuthorization(new NodeAuthorization(Guid.NewGuid().ToString("D"), integration.Id, name, OAuth2,
                makeDefault ?? existing.Count == 0, string.IsNullOrEmpty(account) ? null : account, Timestamps.Format(time.GetUtcNow())));
            return IntegrationResource.From(integration, repository.Authorizations(integration.Id));
        });
        return SandboxJson.Ok(result, StatusCodes.Status201Created);
    }

    private static ConnectIntegration FindOrThrow(IntegrationRepository repository, string organizationId, string integrationId)
    {
        var normalized = ResourceIds.Normalize(integrationId);
        return (normalized is null ? null : repository.Find(organizationId, normalized))
            ?? throw ApiError.NotFound(ErrorKeys.IntegrationNotFound, $"No integration with id '{integrationId}' exists in organization '{organizationId}'.").ToException();
    }
}
