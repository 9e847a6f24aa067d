using System.Text;
using DigitalChannels.Client.Auth;
using DigitalChannels.Sandbox.Errors;
using DigitalChannels.Sandbox.Http;
using DigitalChannels.Sandbox.Identity;
using DigitalChannels.Sandbox.Storage;
using DigitalChannels.Sandbox.Tenancy;

namespace DigitalChannels.Sandbox.Administration;

/// <param name="ApplicationId">Webex's application id of the app, for the service-app token route (<see cref="ServiceAppEndpoints"/>).</param>
public sealed record CreatedApplication(string ClientId, string ClientSecret, string Name, string Role, IReadOnlyList<string> Scopes, string UserId, string ApplicationId);

/// <summary>
/// The sandbox's own management API: creates principals (a local user with a Connect role and a service app acting
/// as that user) so that tests and demos can exercise every role and scope combination.
/// </summary>
public static class ApplicationEndpoints
{
    public const string GroupPath = "/sandbox/v1/organization/{orgId}";
    public const string UserEmailDomain = "sandbox.digitalchannels.test";
    public const int MaximumNameLength = 100;

    public static void MapApplicationEndpoints(this IEndpointRouteBuilder app)
    {
        var organization = app.MapGroup(GroupPath).RequireSandboxToken().WithErrorBodyStyle(ErrorBodyStyle.Problem);
        organization.MapPost("/applications", CreateAsync).RequireScope(Scopes.SandboxAdmin).RequirePermission(ConnectPermissions.ManageSandbox);
        organization.MapDelete("/applications/{clientId}", Delete).RequireScope(Scopes.SandboxAdmin).RequirePermission(ConnectPermissions.ManageSandbox);
    }

    private static async Task<IResult> CreateAsync(HttpContext context, SandboxDatabase database, TimeProvider time)
    {
        var caller = Caller.Of(context);
        var body = await JsonBody.ReadObjectAsync(context.Request);

        var name = body.RequiredString("name").Trim();
        if (name.Length is 0 or > MaximumNameLength)
            throw ApiError.BadRequest(ErrorKeys.InvalidField, $"The field 'name' must have 1 to {MaximumNameLength} characters (got {name.Length}).").ToException();

        // Either a role (a new user with that role) or userEmail (act as an existing, joined teammate), not both.
        var userEmail = body.OptionalString("userEmail")?.Trim();
        var roleText = body.OptionalString("role");
        if ((userEmail is null) == (roleText is null))
            throw ApiError.BadRequest(ErrorKeys.InvalidField,
                "Give exactly one of the fields 'role' (create a user with that role) and 'userEmail' (act as an existing teammate).").ToException();
        var role = ConnectRole.Owner;
        if (roleText is not null && !ConnectRoles.TryParse(roleText, out role))
            throw ApiError.BadRequest(ErrorKeys.InvalidField,
                $"The role '{roleText}' is not a Connect role; use one of {string.Join(", ", ConnectRoles.Names)}.").ToException();

        var scopes = body.RequiredStringArray("scopes").Distinct(StringComparer.Ordinal).ToList();
        var unknown = scopes.Where(scope => !Scopes.IsKnown(scope)).ToList();
        if (unknown.Count > 0)
            throw ApiError.BadRequest(ErrorKeys.InvalidField,
                $"The scope(s) '{string.Join("', '", unknown)}' are not known to the sandbox; use any of {string.Join(", ", Scopes.All)}.").ToException();

        var clientId = ClientCredentials.NewClientId();
        var clientSecret = ClientCredentials.NewClientSecret();
        var now = Timestamps.Format(time.GetUtcNow());
        // A tenant has exactly one Owner (lab rule 26): an app with the Owner role acts as that Owner, the caller,
        // instead of creating a second one.
        var userId = role == ConnectRole.Owner ? caller.UserId : Guid.NewGuid().ToString("D");

        database.Write(session =>
        {
            var users = new UserRepository(session);
            if (userEmail is not null)
            {
                var existing = users.FindByEmail(caller.OrganizationId, userEmail)
                    ?? throw ApiError.BadRequest(ErrorKeys.ReferenceNotFound, $"No teammate has the email '{userEmail}' (field 'userEmail').").About(userEmail).ToException();
                if (existing.Status != TeammateStatus.Active)
                    throw ApiError.BadRequest(ErrorKeys.TeammateNotActive,
                        $"The teammate '{existing.Email}' (field 'userEmail') has not accepted the invitation yet; an app can act only for a teammate who has joined.").About(existing.Email).ToException();
                (userId, role) = (existing.Id, existing.Role);
            }
            else if (role != ConnectRole.Owner)
                users.Insert(new SandboxUser(userId, caller.OrganizationId, UniqueEmail(users, caller.OrganizationId, Slug(name)), name, role, now));
            new ServiceApplicationRepository(session).Insert(new ServiceApplication(
                clientId, caller.OrganizationId, name, ClientCredentials.HashSecret(clientSecret), userId, scopes, now));
        });

        // The secret is shown once, here; only its hash is stored.
        return SandboxJson.Ok(new CreatedApplication(clientId, clientSecret, name, role.ToString(), scopes, userId, ServiceAppEndpoints.ApplicationIdOf(clientId)),
            StatusCodes.Status201Created);
    }

    /// <summary>
    /// Removes one app of the caller's organization: its secret stops working and every token it was given is refused
    /// from the next request on (revocation). An app cannot remove itself, so the Owner is never locked out by mistake.
    /// </summary>
    private static IResult Delete(HttpContext context, SandboxDatabase database, string clientId)
    {
        var caller = Caller.Of(context);
        if (string.Equals(clientId, caller.ClientId, StringComparison.Ordinal))
            throw ApiError.Conflict(ErrorKeys.InvalidField, $"The app '{clientId}' is the one making this request; remove it with another app's token.").ToException();
        var removed = database.Write(session => new ServiceApplicationRepository(session).Delete(caller.OrganizationId, clientId));
        if (!removed)
            throw ApiError.NotFound(ErrorKeys.ApplicationNotFound, $"Organization '{caller.OrganizationId}' has no app with the client id '{clientId}'.").ToException();
        return Results.NoContent();
    }

    private static string UniqueEmail(UserRepository users, string organizationId, string slug)
    {
        var candidate = $"{slug}@{UserEmailDomain}";
        for (var n = 2; users.EmailExists(organizationId, candidate); n++) candidate = $"{slug}-{n}@{UserEmailDomain}";
        return candidate;
    }

    /// <summary>Lower-case ASCII letters and digits joined by single dashes: "Read-only bot #2" → "read-only-bot-2".</summary>
    private static string Slug(string name)
    {
        var builder = new StringBuilder();
        foreach (var c in name.ToLowerInvariant())
        {
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9')) builder.Append(c);
            else if (builder.Length > 0 && builder[^1] != '-') builder.Append('-');
        }
        var slug = builder.ToString().Trim('-');
        if (slug.Length > 40) slug = slug[..40].TrimEnd('-');
        return slug.Length == 0 ? "app" : slug;
    }
}
