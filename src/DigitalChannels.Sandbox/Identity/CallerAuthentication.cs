using DigitalChannels.Sandbox.Errors;
using DigitalChannels.Sandbox.Storage;
using DigitalChannels.Sandbox.Tenancy;

namespace DigitalChannels.Sandbox.Identity;

/// <summary>
/// Turns the request's bearer token into a <see cref="Caller"/>: token checks (401), route organization (403/404),
/// acting user's current role. Runs once per request; later filters reuse the result.
/// </summary>
public static class CallerAuthentication
{
    public const string OrganizationRouteValue = "orgId";

    public static async Task<ApiError?> AuthenticateAsync(HttpContext context)
    {
        if (Caller.Find(context) is not null) return null;

        var header = context.Request.Headers.Authorization.ToString();
        if (string.IsNullOrWhiteSpace(header))
            return InvalidToken(ErrorKeys.TokenMissing, "The request has no Authorization header. Send 'Authorization: Bearer <access token>'.");
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            // Never echo the header: without a space, its "scheme" is the credential itself. Only a known scheme is named.
            var scheme = header.Split(' ', 2)[0];
            var named = KnownSchemes.FirstOrDefault(s => s.Equals(scheme, StringComparison.OrdinalIgnoreCase));
            return InvalidToken(ErrorKeys.TokenInvalid, named is null
                ? "The Authorization header does not use the Bearer scheme; this API takes 'Bearer <access token>'."
                : $"The Authorization header uses the scheme '{named}'; this API takes 'Bearer <access token>'.");
        }
        var token = header["Bearer ".Length..].Trim();
        if (token.Length == 0) return InvalidToken(ErrorKeys.TokenMissing, "The Authorization header has the Bearer scheme but no token.");

        var services = context.RequestServices;
        var (principal, failure) = await services.GetRequiredService<AccessTokenValidator>().ValidateAsync(token, IssuerUrls.Issuer(context.Request));
        if (principal is null) return InvalidToken(ErrorKeys.TokenInvalid, failure!);

        var routeOrganization = context.GetRouteValue(OrganizationRouteValue) as string;
        if (routeOrganization is not null && !string.Equals(routeOrganization, principal.OrganizationId, StringComparison.OrdinalIgnoreCase))
            return ApiError.Forbidden(ErrorKeys.OrganizationMismatch,
                $"The access token belongs to organization '{principal.OrganizationId}', not to organization '{routeOrganization}' named in the path.");

        var database = services.GetRequiredService<SandboxDatabase>();
        var (organization, user, application, authorization) = database.Read(session => (
            new OrganizationRepository(session).Find(principal.OrganizationId),
            new UserRepository(session).Find(principal.OrganizationId, principal.UserId),
            new ServiceApplicationRepository(session).Find(principal.ClientId),
            new ServiceAppAuthorizationRepository(session).Find(principal.ClientId, principal.OrganizationId)));
        if (organization is null)
            return ApiError.NotFound(ErrorKeys.OrganizationNotFound, $"The organization '{routeOrganization ?? principal.OrganizationId}' does not exist in this sandbox.");
        // A removed app's tokens die with it, before they expire: that is how one app's tokens are revoked. A service
        // app acts in another organization only while a Full Admin of it keeps the app authorized (its machine account).
        var authorizedServiceApp = authorization is not null && authorization.MachineUserId == principal.UserId;
        if (application is null)
            return InvalidToken(ErrorKeys.TokenInvalid, $"The app '{principal.ClientId}' that the access token was issued to has been removed; its tokens are revoked.");
        if (!authorizedServiceApp && !string.Equals(application.OrganizationId, principal.OrganizationId, StringComparison.OrdinalIgnoreCase))
            return InvalidToken(ErrorKeys.TokenInvalid,
                $"The service app '{principal.ClientId}' is no longer authorized for organization '{principal.OrganizationId}'; its tokens there are revoked.");
        if (user is null)
            return InvalidToken(ErrorKeys.TokenInvalid, $"The user '{principal.UserId}' that the access token acts for no longer exists.");

        // Connect and Engage: provisioned tenant and a joined teammate (one gate for both areas). Elsewhere (Control Hub,
        // Contact Center, People, outbox) the tenant's administrator acts whatever its teammate status.
        if (Provisioning.DigitalChannelsGate.Covers(context.Request.Path) && Provisioning.DigitalChannelsGate.Check(context, user) is { } refused)
            return refused.Status == StatusCodes.Status401Unauthorized ? InvalidToken(refused.Key, refused.Detail) : refused;

        new Caller(organization.Id, principal.ClientId, user.Id, user.Role, principal.Scopes) { Container = user.Container }.AttachTo(context);
        return null;
    }

    private static ApiError InvalidToken(string key, string detail) =>
        ApiError.Unauthorized(key, detail) with
        {
            Headers = new Dictionary<string, string>
            {
                ["WWW-Authenticate"] = $"Bearer error=\"invalid_token\", error_description=\"{detail.Replace("\"", "'")}\"",
            },
        };

    private static readonly string[] KnownSchemes = ["Basic", "Digest", "Negotiate", "NTLM", "Token", "Bearer"];
}
