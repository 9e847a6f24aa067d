using DigitalChannels.Client.Auth;
using DigitalChannels.Sandbox.ContactCenter;
using DigitalChannels.Sandbox.ControlHub;
using DigitalChannels.Sandbox.Errors;
using DigitalChannels.Sandbox.Http;
using DigitalChannels.Sandbox.Identity;
using DigitalChannels.Sandbox.People;
using DigitalChannels.Sandbox.Storage;
using DigitalChannels.Sandbox.Tenancy;

namespace DigitalChannels.Sandbox.Provisioning;

public sealed record ContactCenterSettings(string OrganizationId, string DigitalChannel, string DigitalChannelsProvisioning);

/// <summary>What Settings → Digital shows (lab rule 10): the state, the Owner, the times and the Connect tenant URL.</summary>
public sealed record ProvisioningStatus(string OrganizationId, string DigitalChannel, string State, string? OwnerEmail, string? StartedTime,
    string? FinishTime, string? ActivationSentTime, string? ActivationExpiresTime, string? ActivatedTime, string? ConnectTenantUrl)
{
    public static ProvisioningStatus From(string organizationId, string digitalChannel, ProvisioningState state, ProvisioningRecord? record) =>
        new(organizationId, digitalChannel, state.ToString(), record?.OwnerEmail, record?.StartedTime, record?.FinishTime, record?.ActivationSentTime,
            record?.ActivationSentTime is null ? null : Timestamps.Format(Timestamps.Parse(record.FinishTime) + Connect.Teammates.TeammateInvitation.Validity),
            record?.ActivatedTime, record?.ConnectTenantUrl);
}

/// <summary>
/// Control Hub → Contact Center → Settings: the Digital Channel value of Service Details (lab rule 5) and Digital →
/// Provision Digital Channels (lab rules 6–8). RFC 7807 errors; documented at /controlhub/v1/openapi.json.
/// </summary>
public static class ProvisioningEndpoints
{
    public static void MapProvisioningEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(ControlHubEndpoints.GroupPath).RequireSandboxToken().WithErrorBodyStyle(ErrorBodyStyle.Problem);
        TenantSeed.RequireSeededTenant(group);
        group.MapGet("/settings", Settings).RequireAnyScope(Scopes.ContactCenterConfigRead, Scopes.ContactCenterConfigWrite);
        group.MapGet("/digital-channels", Status).RequireAnyScope(Scopes.ContactCenterConfigRead, Scopes.ContactCenterConfigWrite);
        group.MapPost("/digital-channels/provisioning", StartAsync).RequireScope(Scopes.ContactCenterConfigWrite);
    }

    private static IResult Settings(HttpContext context, SandboxDatabase database, TimeProvider time) =>
        SandboxJson.Ok(database.Write(session =>
        {
            var status = Current(session, context, time.GetUtcNow());
            return new ContactCenterSettings(status.OrganizationId, status.DigitalChannel, status.State);
        }));

    private static IResult Status(HttpContext context, SandboxDatabase database, TimeProvider time) =>
        SandboxJson.Ok(database.Write(session => Current(session, context, time.GetUtcNow())));

    /// <summary>
    /// <c>{ownerEmail}</c>: 202 and the status, Provisioning until now + --provisioning-seconds. Again with the same
    /// Owner while provisioning or awaiting activation: 200, nothing new (never a second Connect tenant). Refusals:
    /// Digital Channel not 'IMI Digital' (409), already provisioned or another Owner (409), not an administrator (400).
    /// </summary>
    private static async Task<IResult> StartAsync(HttpContext context, SandboxDatabase database, TimeProvider time, Hosting.SandboxOptions options)
    {
        var caller = Caller.Of(context);
        var body = await JsonBody.ReadObjectAsync(context.Request);
        var ownerEmail = body.RequiredString("ownerEmail").Trim();
        var now = time.GetUtcNow();
        var (status, started) = database.Write(session =>
        {
            var current = Current(session, context, now);
            if (!string.Equals(current.DigitalChannel, ProvisioningProgress.ImiDigital, StringComparison.Ordinal))
                throw ApiError.Conflict(ErrorKeys.DigitalChannelNotImiDigital,
                    $"Digital Channels cannot be provisioned: the Contact Center setting 'Digital Channel' (Control Hub → Contact Center → Settings → General → Service Details) is '{current.DigitalChannel}', not '{ProvisioningProgress.ImiDigital}'. Only Cisco support can change it (lab rule 5).").ToException();
            if (current.State != nameof(ProvisioningState.NotProvisioned))
            {
                var sameOwner = string.Equals(current.OwnerEmail, ownerEmail, StringComparison.OrdinalIgnoreCase);
                if (sameOwner && current.State != nameof(ProvisioningState.Provisioned)) return (current, false);
                throw ApiError.Conflict(ErrorKeys.DigitalChannelsAlreadyStarted,
                    $"Digital Channels provisioning of organization '{caller.OrganizationId}' was already started with the Owner '{current.OwnerEmail}' (state {current.State}); a tenant has one Connect tenant and one Owner, so it cannot be provisioned again" +
                    (sameOwner ? "." : $" with '{ownerEmail}'. Changing the Owner needs Cisco's Partner Success team.")).ToException();
            }
            var ownerName = AdministratorNameOrThrow(session, caller.OrganizationId, ownerEmail, now);
            var startedTime = Timestamps.Format(now);
            new ProvisioningRepository(session).Insert(new ProvisioningRecord(caller.OrganizationId, ownerEmail, ownerName, startedTime,
                Timestamps.Format(now + options.ProvisioningDuration), ProvisioningProgress.ConnectTenantUrl(caller.OrganizationId), null, null, null));
            return (Current(session, context, now), true);
        });
        return SandboxJson.Ok(status, started ? StatusCodes.Status202Accepted : StatusCodes.Status200OK);
    }

    /// <summary>The status after catching up with the clock (the activation mail is materialized here when due).</summary>
    public static ProvisioningStatus Current(DbSession session, HttpContext context, DateTimeOffset now)
    {
        var organizationId = Caller.Of(context).OrganizationId;
        var (state, record) = ProvisioningProgress.CatchUp(session, organizationId, now, IssuerUrls.BaseUrl(context.Request));
        var digitalChannel = new ProvisioningRepository(session).DigitalChannel(organizationId)!;
        return ProvisioningStatus.From(organizationId, digitalChannel, state, record);
    }

    /// <summary>
    /// The Owner must be an administrator of the tenant (lab rule 6): a Webex person with the Full administrator role,
    /// or a Contact Center user with the Administrator user profile. Returns the name to greet in the mail.
    /// </summary>
    private static string AdministratorNameOrThrow(DbSession session, string organizationId, string email, DateTimeOffset now)
    {
        var person = new PersonRepository(session, organizationId).FindByEmail(email);
        if (person is not null && person.Roles.Contains(WebexIds.FullAdministratorRoleId))
            return person.Body["displayName"]?.GetValue<string>() ?? email;

        var service = new ConfigurationService(session, organizationId, now);
        var administratorProfiles = service.Store.All(ConfigurationKinds.UserProfile.Name)
            .Where(p => p.Body["profileType"]?.GetValue<string>() == "ADMINISTRATOR").Select(p => p.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var user = service.Store.All(ConfigurationKinds.User.Name).FirstOrDefault(u =>
            string.Equals(u.Body["email"]?.GetValue<string>(), email, StringComparison.OrdinalIgnoreCase));
        if (user is not null && user.Body["userProfileId"]?.GetValue<string>() is { } profileId && administratorProfiles.Contains(profileId))
            return $"{user.Body["firstName"]?.GetValue<string>()} {user.Body["lastName"]?.GetValue<string>()}".Trim();

        var who = person is not null ? "is a Webex person without the Full administrator role"
            : user is not null ? "is a Contact Center user without the Administrator user profile"
            : "is neither a Webex person nor a Contact Center user of this organization";
        throw ApiError.BadRequest(ErrorKeys.OwnerNotAdministrator,
            $"'{email}' (field 'ownerEmail') {who}: the Owner chosen at provisioning must be an administrator of the tenant (a Full administrator in Control Hub, or a Contact Center user with the Administrator user profile).").ToException();
    }
}
