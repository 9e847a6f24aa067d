using System.Text;
using DigitalChannels.Client.Auth;
using DigitalChannels.Sandbox.Errors;
using DigitalChannels.Sandbox.Http;
using DigitalChannels.Sandbox.People;
using DigitalChannels.Sandbox.Storage;
using DigitalChannels.Sandbox.Tenancy;

namespace DigitalChannels.Sandbox.Identity;

/// <summary>
/// Webex Service Apps, offline. <c>POST /v1/applications/{applicationId}/token</c> as Webex serves it (body clientId,
/// clientSecret, targetOrgId; a bearer token holding spark:applications_token) answers a token pair of the app's machine
/// account in the target organization, refreshed later with the ordinary refresh_token grant. The Full Admin's
/// "Authorize" in Control Hub has no public API; the sandbox models it with its management route
/// <c>PUT/DELETE /sandbox/v1/organization/{orgId}/service-apps/{applicationId}/authorization</c> (the tenant's Owner).
/// </summary>
public static class ServiceAppEndpoints
{
    public const string TokenPath = "/v1/applications/{applicationId}/token";
    public const string AuthorizationPath = "/sandbox/v1/organization/{orgId}/service-apps/{applicationId}/authorization";
    public const string ApplicationIdType = "APPLICATION";
    public const string MachineAccountDomain = "serviceapp.sandbox.digitalchannels.test";

    /// <summary>Webex's application id: base64 of "ciscospark://us/APPLICATION/{clientId}".</summary>
    public static string ApplicationIdOf(string clientId) => WebexIds.Encode(ApplicationIdType, clientId);

    public static void MapServiceAppEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(TokenPath, IssueAsync).RequireSandboxToken().RequireScope(Scopes.ApplicationsToken).WithErrorBodyStyle(ErrorBodyStyle.Problem);
        var authorization = app.MapGroup(AuthorizationPath).RequireSandboxToken().WithErrorBodyStyle(ErrorBodyStyle.Problem);
        authorization.MapPut("", Authorize).RequireScope(Scopes.SandboxAdmin).RequirePermission(ConnectPermissions.ManageSandbox);
        authorization.MapDelete("", Deauthorize).RequireScope(Scopes.SandboxAdmin).RequirePermission(ConnectPermissions.ManageSandbox);
    }

    private static async Task<IResult> IssueAsync(HttpContext context, SandboxDatabase database, AccessTokenIssuer issuer, TimeProvider time, string applicationId)
    {
        context.Response.Headers.CacheControl = "no-store";
        var body = await JsonBody.ReadObjectAsync(context.Request);
        var clientId = body.RequiredString("clientId").Trim();
        var clientSecret = body.RequiredString("clientSecret");
        var targetOrgId = body.RequiredString("targetOrgId").Trim();

        var application = FindApplication(database, applicationId);
        // Same answer for a client id of another app and a wrong secret, and a hash comparison in both cases.
        var secretMatches = clientSecret.Length <= IdentityEndpoints.MaximumSecretLength && ClientCredentials.SecretMatches(clientSecret, application.SecretSha256);
        if (!string.Equals(clientId, application.ClientId, StringComparison.Ordinal) || !secretMatches)
            throw ApiError.Unauthorized(ErrorKeys.ServiceAppInvalidClient,
                $"The clientId or clientSecret is not that of service app '{applicationId}'; use the app's own client id and its current secret.").About(applicationId).ToException();

        var organizationId = WebexIds.Decode(WebexIds.Organization, targetOrgId) ?? targetOrgId;
        var now = time.GetUtcNow();
        var (authorization, organization) = database.Read(session => (
            new ServiceAppAuthorizationRepository(session).Find(application.ClientId, organizationId),
            new OrganizationRepository(session).Find(organizationId)));
        if (organization is null)
            throw ApiError.NotFound(ErrorKeys.OrganizationNotFound, $"The organization '{targetOrgId}' (field 'targetOrgId') does not exist in this sandbox.").About(targetOrgId).ToException();
        if (authorization is null)
            throw ApiError.Forbidden(ErrorKeys.ServiceAppNotAuthorized,
                $"The service app '{application.Name}' is not authorized for organization '{organizationId}': a Full Admin of that organization authorizes it in Control Hub (Apps > Service Apps; in the sandbox PUT {AuthorizationPath.Replace("{orgId}", organizationId).Replace("{applicationId}", applicationId)}).")
                .About(organizationId).ToException();

        var family = ServiceAppLifetimes.FamilyPrefix + OpaqueSecret.New();
        return database.Write(session => SignInGrants.Tokens(new SignInStore(session), application.ClientId, organizationId, authorization.MachineUserId,
            application.Scopes, family, now, IssuerUrls.Issuer(context.Request), issuer, includeScope: false));
    }

    /// <summary>The Full Admin's "Authorize" in Control Hub: provisions the app's machine account in the caller's organization.</summary>
    private static IResult Authorize(HttpContext context, SandboxDatabase database, TimeProvider time, string applicationId)
    {
        var caller = Caller.Of(context);
        var application = FindApplication(database, applicationId);
        var now = Timestamps.Format(time.GetUtcNow());
        var (authorization, machine, created) = database.Write(session =>
        {
            var authorizations = new ServiceAppAuthorizationRepository(session);
            var users = new UserRepository(session);
            if (authorizations.Find(application.ClientId, caller.OrganizationId) is { } existing)
                return (existing, users.Find(caller.OrganizationId, existing.MachineUserId)!, false);
            // A machine account, not a person: it acts with Full Access, like the org-wide permission a Full Admin grants.
            var user = new SandboxUser(Guid.NewGuid().ToString("D"), caller.OrganizationId, MachineEmail(users, caller.OrganizationId, application.Name),
                $"{application.Name} (service app)", ConnectRole.FullAccess, now);
            users.Insert(user);
            var added = new ServiceAppAuthorization(application.ClientId, caller.OrganizationId, user.Id, caller.UserId, now);
            authorizations.Insert(added);
            return (added, user, true);
        });
        return SandboxJson.Ok(new
        {
            applicationId = ApplicationIdOf(application.ClientId),
            clientId = application.ClientId,
            name = application.Name,
            organizationId = authorization.OrganizationId,
            machineAccountEmail = machine.Email,
            authorizedTime = authorization.AuthorizedTime,
        }, created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    /// <summary>Removes the authorization and its machine account: every token of the app for this organization dies with it.</summary>
    private static IResult Deauthorize(HttpContext context, SandboxDatabase database, string applicationId)
    {
        var caller = Caller.Of(context);
        var application = FindApplication(database, applicationId);
        var removed = database.Write(session =>
        {
            var authorizations = new ServiceAppAuthorizationRepository(session);
            if (authorizations.Find(application.ClientId, caller.OrganizationId) is not { } existing) return false;
            authorizations.Delete(application.ClientId, caller.OrganizationId);
            new UserRepository(session).Delete(caller.OrganizationId, existing.MachineUserId);
            return true;
        });
        if (!removed)
            throw ApiError.NotFound(ErrorKeys.ServiceAppNotAuthorized,
                $"The service app '{application.Name}' is not authorized for organization '{caller.OrganizationId}'.").About(applicationId).ToException();
        return Results.NoContent();
    }

    /// <summary>The app of a Webex application id (or, leniently, of its bare client id), else 404 naming it.</summary>
    private static ServiceApplication FindApplication(SandboxDatabase database, string applicationId)
    {
        var clientId = WebexIds.Decode(ApplicationIdType, applicationId) ?? applicationId;
        return (clientId.Length <= IdentityEndpoints.MaximumSecretLength ? database.Read(session => new ServiceApplicationRepository(session).Find(clientId)) : null)
            ?? throw ApiError.NotFound(ErrorKeys.ApplicationNotFound, $"No service app has the application id '{applicationId}'.").About(applicationId).ToException();
    }

    private static string MachineEmail(UserRepository users, string organizationId, string name)
    {
        var slug = new StringBuilder();
        foreach (var c in name.ToLowerInvariant())
        {
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9')) slug.Append(c);
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
        }
        var stem = slug.ToString().Trim('-') is { Length: > 0 } s ? (s.Length > 40 ? s[..40].TrimEnd('-') : s) : "service-app";
        var candidate = $"{stem}@{MachineAccountDomain}";
        for (var n = 2; users.EmailExists(organizationId, candidate); n++) candidate = $"{stem}-{n}@{MachineAccountDomain}";
        return candidate;
    }
}
