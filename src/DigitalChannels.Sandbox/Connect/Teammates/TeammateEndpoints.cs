using DigitalChannels.Client.Auth;
using DigitalChannels.Sandbox.Errors;
using DigitalChannels.Sandbox.Http;
using DigitalChannels.Sandbox.Identity;
using DigitalChannels.Sandbox.Mail;
using DigitalChannels.Sandbox.Storage;
using DigitalChannels.Sandbox.Tenancy;

namespace DigitalChannels.Sandbox.Connect.Teammates;

/// <summary>
/// Settings → Teammates (lab 12.4): list, invite (a join link valid 24 hours, sent to the outbox), change the role,
/// remove, grant and revoke Decrypt Logs, send a new invitation. The role matrix is in <see cref="ConnectPermissions"/>;
/// the Owner and container rules in <see cref="TeammateRules"/>.
/// </summary>
public static class TeammateEndpoints
{
    public const string GroupPath = "/connect/v1/organization/{orgId}/teammates";
    public const string InvitationMailKind = "TeammateInvitation";

    public static void MapTeammateEndpoints(this IEndpointRouteBuilder app)
    {
        var teammates = app.MapGroup(GroupPath).RequireSandboxToken().WithErrorBodyStyle(ErrorBodyStyle.Problem);

        teammates.MapGet("", List).RequireScope(Scopes.ConnectConfigRead).RequirePermission(ConnectPermissions.ReadTeammates);
        teammates.MapPost("", InviteAsync).RequireScope(Scopes.ConnectConfigWrite).RequirePermission(ConnectPermissions.ManageTeammates);
        teammates.MapGet("/{teammateId}", Get).RequireScope(Scopes.ConnectConfigRead).RequirePermission(ConnectPermissions.ReadTeammates);
        teammates.MapMethods("/{teammateId}", [HttpMethods.Patch], PatchAsync)
            .RequireScope(Scopes.ConnectConfigWrite).RequirePermission(ConnectPermissions.ManageTeammates);
        teammates.MapDelete("/{teammateId}", Delete).RequireScope(Scopes.ConnectConfigWrite).RequirePermission(ConnectPermissions.ManageTeammates);
        teammates.MapPost("/{teammateId}/invitation", Reinvite).RequireScope(Scopes.ConnectConfigWrite).RequirePermission(ConnectPermissions.ManageTeammates);
        teammates.MapPut("/{teammateId}/decrypt-logs", (HttpContext context, SandboxDatabase database, TimeProvider time, string teammateId) =>
                SetDecryptLogs(context, database, time, teammateId, grant: true))
            .RequireScope(Scopes.ConnectConfigWrite).RequirePermission(ConnectPermissions.GrantDecryptLogs);
        teammates.MapDelete("/{teammateId}/decrypt-logs", (HttpContext context, SandboxDatabase database, TimeProvider time, string teammateId) =>
                SetDecryptLogs(context, database, time, teammateId, grant: false))
            .RequireScope(Scopes.ConnectConfigWrite).RequirePermission(ConnectPermissions.GrantDecryptLogs);
    }

    public static string ItemPath(string organizationId, string teammateId) => $"/connect/v1/organization/{organizationId}/teammates/{teammateId}";

    /// <summary>The teammates of the caller's container and below, by email; <c>email</c> filters on the whole address, ignoring case.</summary>
    private static IResult List(HttpContext context, SandboxDatabase database, TimeProvider time)
    {
        var caller = Caller.Of(context);
        var page = PageRequest.FromQuery(context.Request);
        var email = context.Request.Query.ContainsKey("email") ? context.Request.Query["email"].ToString().Trim() : null;
        var now = time.GetUtcNow();
        var all = database.Read(session =>
        {
            var invitations = new InvitationRepository(session);
            return new UserRepository(session).List(caller.OrganizationId, caller.Container)
                .Where(user => user.Status != TeammateStatus.ControlHubOnly)
                .Where(user => email is null || string.Equals(user.Email, email, StringComparison.OrdinalIgnoreCase))
                .Select(user => TeammateResource.From(user, invitations.Latest(user.OrganizationId, user.Id), now))
                .ToList();
        });
        var rows = all.Skip(page.Offset).Take(page.PageSize).ToList();
        return SandboxJson.Ok(PagedList<TeammateResource>.Create(caller.OrganizationId, $"/connect/v1/organization/{caller.OrganizationId}/teammates",
            page, all.Count, rows, new Dictionary<string, string?> { ["email"] = email }));
    }

    private static IResult Get(HttpContext context, SandboxDatabase database, TimeProvider time, string teammateId)
    {
        var caller = Caller.Of(context);
        return SandboxJson.Ok(database.Read(session => Describe(session, FindOrThrow(session, caller, teammateId), time)));
    }

    /// <summary>
    /// Invites a teammate: <c>{email, role, groupId?, teamId?}</c>. Without a group or team the teammate joins the
    /// caller's own container. The teammate is Invited until the join link is used.
    /// </summary>
    private static async Task<IResult> InviteAsync(HttpContext context, SandboxDatabase database, TimeProvider time)
    {
        var caller = Caller.Of(context);
        var body = await JsonBody.ReadObjectAsync(context.Request);
        var email = TeammateRules.ValidEmail(body.RequiredString("email"));
        var role = TeammateRules.ParseRole(body.RequiredString("role"));
        TeammateRules.EnsureNotOwnerRole(role, "invite a teammate");
        var groupId = body.OptionalString("groupId");
        var teamId = body.OptionalString("teamId");

        var now = time.GetUtcNow();
        var teammate = database.Write(session =>
        {
            var container = ResolveContainer(new ContainerRepository(session), caller, groupId, teamId);
            var users = new UserRepository(session);
            var controlHubOnly = users.FindByEmail(caller.OrganizationId, email) is { Status: TeammateStatus.ControlHubOnly } administrator ? administrator : null;
            if (controlHubOnly is null && users.FindByEmail(caller.OrganizationId, email) is { } existing)
                throw ApiError.Conflict(ErrorKeys.TeammateDuplicateEmail,
                    $"A teammate with the email '{existing.Email}' already exists (id {existing.Id}, status {existing.Status}). " +
                    (existing.Status == TeammateStatus.Invited ? "To send the join link again, request a new invitation for that teammate." : "Change that teammate instead.")).ToException();

            var user = new SandboxUser(Guid.NewGuid().ToString("D"), caller.OrganizationId, email, DisplayName: string.Empty, role, Timestamps.Format(now))
            {
                Status = TeammateStatus.Invited,
                Container = container,
            };
            // A Control Hub administrator the tenant's apps act as becomes the invited teammate (one user per email).
            if (controlHubOnly is not null) users.Update(user = user with { Id = controlHubOnly.Id, CreatedTime = controlHubOnly.CreatedTime });
            else users.Insert(user);
            var invitation = SendInvitation(session, context.Request, caller, user, now);
            return TeammateResource.From(user, invitation, now);
        });

        context.Response.Headers.Location = ItemPath(caller.OrganizationId, teammate.Id);
        return SandboxJson.Ok(teammate, StatusCodes.Status201Created);
    }

    /// <summary>A new join link for a teammate who has not joined (the old links stop working).</summary>
    private static IResult Reinvite(HttpContext context, SandboxDatabase database, TimeProvider time, string teammateId)
    {
        var caller = Caller.Of(context);
        var now = time.GetUtcNow();
        return SandboxJson.Ok(database.Write(session =>
        {
            var user = FindOrThrow(session, caller, teammateId);
            if (user.Status == TeammateStatus.Active)
                throw ApiError.Conflict(ErrorKeys.TeammateAlreadyActive,
                    $"'{user.Email}' has already joined the team; an invitation is only for teammates who have not.").About(user.Email).ToException();
            return TeammateResource.From(user, SendInvitation(session, context.Request, caller, user, now), now);
        }));
    }

    /// <summary><c>{role}</c>: Owner and Full Access change roles; nobody gives or takes away the Owner role here.</summary>
    private static async Task<IResult> PatchAsync(HttpContext context, SandboxDatabase database, TimeProvider time, string teammateId)
    {
        var caller = Caller.Of(context);
        var body = await JsonBody.ReadObjectAsync(context.Request);
        var role = TeammateRules.ParseRole(body.RequiredString("role"));
        return SandboxJson.Ok(database.Write(session =>
        {
            var user = FindOrThrow(session, caller, teammateId);
            TeammateRules.EnsureNotTheOwner(user, "given another role");
            TeammateRules.EnsureNotOwnerRole(role, "change a teammate's role");
            var users = new UserRepository(session);
            if (user.Role != role) users.Update(user = user with { Role = role });
            return Describe(session, user, time);
        }));
    }

    /// <summary>Removes the teammate, its invitations and the sandbox apps that act as it.</summary>
    private static IResult Delete(HttpContext context, SandboxDatabase database, string teammateId)
    {
        var caller = Caller.Of(context);
        database.Write(session =>
        {
            var user = FindOrThrow(session, caller, teammateId);
            TeammateRules.EnsureNotTheOwner(user, "removed");
            new InvitationRepository(session).DeleteForUser(caller.OrganizationId, user.Id);
            new ServiceApplicationRepository(session).DeleteActingFor(caller.OrganizationId, user.Id);
            new UserRepository(session).Delete(caller.OrganizationId, user.Id);
        });
        return Results.NoContent();
    }

    /// <summary>
    /// Lab rule 33: the Owner ticks Decrypt Logs for a teammate who has joined. The flag is independent of the role:
    /// the Owner does not have it either until granted.
    /// </summary>
    private static IResult SetDecryptLogs(HttpContext context, SandboxDatabase database, TimeProvider time, string teammateId, bool grant)
    {
        var caller = Caller.Of(context);
        return SandboxJson.Ok(database.Write(session =>
        {
            var user = FindOrThrow(session, caller, teammateId);
            if (grant && user.Status != TeammateStatus.Active)
                throw ApiError.Conflict(ErrorKeys.TeammateNotActive,
                    $"'{user.Email}' has not accepted the invitation yet; Decrypt Logs can be granted once the teammate has joined the team.").About(user.Email).ToException();
            if (user.DecryptLogs != grant) new UserRepository(session).Update(user = user with { DecryptLogs = grant });
            return Describe(session, user, time);
        }));
    }

    /// <summary>A teammate of the caller's organization in the caller's container or below, else 404 naming the id.</summary>
    public static SandboxUser FindOrThrow(DbSession session, Caller caller, string teammateId)
    {
        var normalized = ResourceIds.Normalize(teammateId);
        var user = normalized is null ? null : new UserRepository(session).Find(caller.OrganizationId, normalized);
        if (user is null || user.Status == TeammateStatus.ControlHubOnly || !caller.Container.Contains(user.Container))
            throw ApiError.NotFound(ErrorKeys.TeammateNotFound,
                $"No teammate with id '{teammateId}' exists in organization '{caller.OrganizationId}'" +
                (caller.Container.Level == "Tenant" ? "." : $" within your {caller.Container.Level.ToLowerInvariant()}.")).ToException();
        return user;
    }

    private static TeammateResource Describe(DbSession session, SandboxUser user, TimeProvider time) =>
        TeammateResource.From(user, new InvitationRepository(session).Latest(user.OrganizationId, user.Id), time.GetUtcNow());

    /// <summary>The container named by groupId/teamId (a team implies its group), or the caller's own when neither is given.</summary>
    private static ConnectContainer ResolveContainer(ContainerRepository containers, Caller caller, string? groupId, string? teamId)
    {
        ConnectContainer target;
        string targetName;
        if (teamId is not null)
        {
            var team = ContainerEndpoints.FindTeamOrThrow(containers, caller.OrganizationId, teamId);
            if (groupId is not null && !string.Equals(groupId, team.GroupId, StringComparison.OrdinalIgnoreCase))
                throw ApiError.BadRequest(ErrorKeys.InvalidField,
                    $"The team '{team.Name}' (id {team.Id}) belongs to group {team.GroupId}, not to the group '{groupId}' given in 'groupId'; give only 'teamId'.").ToException();
            (target, targetName) = (team.Container, $"team '{team.Name}'");
        }
        else if (groupId is not null)
        {
            var group = ContainerEndpoints.FindGroupOrThrow(containers, caller.OrganizationId, groupId);
            (target, targetName) = (group.Container, $"group '{group.Name}'");
        }
        else
        {
            return caller.Container;
        }
        TeammateRules.EnsureWithinReach(caller, target, targetName);
        return target;
    }

    /// <summary>Stores a join link valid 24 hours (sandbox clock) and puts the "JOIN THE TEAM" mail in the outbox, in the same transaction.</summary>
    private static TeammateInvitation SendInvitation(DbSession session, HttpRequest request, Caller caller, SandboxUser user, DateTimeOffset now)
    {
        var token = TeammateInvitation.NewToken();
        var invitation = new TeammateInvitation(Guid.NewGuid().ToString("D"), caller.OrganizationId, user.Id, Timestamps.Format(now),
            Timestamps.Format(now + TeammateInvitation.Validity), AcceptedTime: null, Superseded: false);
        new InvitationRepository(session).Insert(invitation, token);

        var inviter = new UserRepository(session).Find(caller.OrganizationId, caller.UserId);
        var link = IssuerUrls.BaseUrl(request) + InvitationEndpoints.InvitationPath(token);
        new OutboxRepository(session).Add(new OutboxMail(Guid.NewGuid().ToString("D"), caller.OrganizationId, InvitationMailKind, user.Email,
            "Join the team on Webex Connect",
            $"{inviter?.DisplayName ?? "Your administrator"} invited you to Webex Connect with the role {user.Role}.\n" +
            $"JOIN THE TEAM: {link}\n" +
            $"Open the link to set your name and password. It is valid for 24 hours, until {invitation.ExpiresTime}; after that, ask for a new invitation.",
            link, invitation.ExpiresTime, invitation.CreatedTime));
        return invitation;
    }
}
