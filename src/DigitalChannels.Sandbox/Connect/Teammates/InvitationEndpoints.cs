using DigitalChannels.Sandbox.Errors;
using DigitalChannels.Sandbox.Http;
using DigitalChannels.Sandbox.Identity;
using DigitalChannels.Sandbox.Storage;
using DigitalChannels.Sandbox.Tenancy;

namespace DigitalChannels.Sandbox.Connect.Teammates;

public sealed record InvitationResource(string OrganizationId, string Email, string Role, string State, string ExpiresTime);

/// <summary>
/// The invitee's side of an invitation, which the portal offers as the "JOIN THE TEAM" page: no bearer token (the
/// invitee has none), the token in the mail's link is the credential. Sandbox-only routes.
/// </summary>
public static class InvitationEndpoints
{
    public const string BasePath = "/sandbox/v1/teammate-invitations";

    public static string InvitationPath(string token) => $"{BasePath}/{token}";

    public static void MapInvitationEndpoints(this IEndpointRouteBuilder app)
    {
        var invitations = app.MapGroup(BasePath).WithErrorBodyStyle(ErrorBodyStyle.Problem);
        invitations.MapGet("/{token}", Get);
        invitations.MapPost("/{token}/accept", AcceptAsync);
    }

    /// <summary>What the join page shows: who is invited, with which role, until when; State is Pending, Accepted, Expired or Superseded.</summary>
    private static IResult Get(SandboxDatabase database, TimeProvider time, string token)
    {
        var now = time.GetUtcNow();
        return SandboxJson.Ok(database.Read(session =>
        {
            var invitation = FindOrThrow(session, token);
            var user = new UserRepository(session).Find(invitation.OrganizationId, invitation.UserId)!;
            var state = invitation.AcceptedTime is not null ? "Accepted" : invitation.Superseded ? "Superseded" : invitation.IsExpired(now) ? "Expired" : "Pending";
            return new InvitationResource(invitation.OrganizationId, user.Email, user.Role.ToString(), state, invitation.ExpiresTime);
        }));
    }

    /// <summary><c>{name, password}</c>: sets the teammate's name and password (PBKDF2) and makes it Active.</summary>
    private static async Task<IResult> AcceptAsync(HttpContext context, SandboxDatabase database, TimeProvider time, string token)
    {
        var body = await JsonBody.ReadObjectAsync(context.Request);
        var name = TeammateRules.ValidName("name", body.RequiredString("name"));
        var password = TeammateRules.ValidPassword(body.RequiredString("password"));
        var now = time.GetUtcNow();
        // Anyone can call this route: the link is looked up and checked (cheap reads) before the password is hashed
        // (PBKDF2, deliberately expensive), so made-up links cost the server nothing but a lookup.
        database.Read(session => CheckAcceptable(FindOrThrow(session, token), now));
        var passwordHash = PasswordHasher.Hash(password);

        var teammate = database.Write(session =>
        {
            var invitation = CheckAcceptable(FindOrThrow(session, token), now);
            var users = new UserRepository(session);
            var user = users.Find(invitation.OrganizationId, invitation.UserId)!;
            user = user with { DisplayName = name, Status = TeammateStatus.Active, PasswordHash = passwordHash };
            users.Update(user);
            var invitations = new InvitationRepository(session);
            invitations.MarkAccepted(invitation.Id, Timestamps.Format(now));
            // Activating the Owner completes Digital Channels provisioning (lab rule 9), in the same transaction.
            if (invitation.Purpose == TeammateInvitation.ActivationPurpose)
                Provisioning.ProvisioningProgress.CatchUp(session, invitation.OrganizationId, now, IssuerUrls.BaseUrl(context.Request));
            return TeammateResource.From(user, invitation, now);
        });
        return SandboxJson.Ok(teammate);
    }

    /// <summary>The invitation when it can still be accepted; 409 accepted already, 410 replaced or expired.</summary>
    private static TeammateInvitation CheckAcceptable(TeammateInvitation invitation, DateTimeOffset now)
    {
        if (invitation.AcceptedTime is not null)
            throw ApiError.Conflict(ErrorKeys.InvitationAlreadyAccepted,
                $"This invitation was already accepted at {invitation.AcceptedTime}; the teammate has joined and signs in with its password.").ToException();
        if (invitation.Superseded)
            throw ApiError.Gone(ErrorKeys.InvitationSuperseded,
                "This invitation was replaced by a newer one; use the link in the newest invitation mail.").ToException();
        if (invitation.IsExpired(now) && invitation.Purpose == TeammateInvitation.ActivationPurpose)
            throw ApiError.Gone(ErrorKeys.InvitationExpired,
                $"This Digital Channels activation link expired at {invitation.ExpiresTime}: activation links are valid for 24 hours. Cisco support is needed to activate the tenant now (lab rule 8); the Owner cannot ask for a new link.").ToException();
        if (invitation.IsExpired(now))
            throw ApiError.Gone(ErrorKeys.InvitationExpired,
                $"This invitation expired at {invitation.ExpiresTime}: join links are valid for 24 hours. Ask the Owner or a Full Access teammate for a new invitation.").ToException();
        return invitation;
    }

    private static TeammateInvitation FindOrThrow(DbSession session, string token) =>
        new InvitationRepository(session).FindByToken(token)
        ?? throw ApiError.NotFound(ErrorKeys.InvitationNotFound,
            "No invitation matches this link: check that the whole link from the mail was used, or ask for a new invitation.").ToException();
}
