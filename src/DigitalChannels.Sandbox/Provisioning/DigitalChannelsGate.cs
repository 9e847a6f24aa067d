using DigitalChannels.Sandbox.Errors;
using DigitalChannels.Sandbox.Identity;
using DigitalChannels.Sandbox.Storage;
using DigitalChannels.Sandbox.Tenancy;

namespace DigitalChannels.Sandbox.Provisioning;

/// <summary>
/// The one check that keeps Connect and Engage closed until Digital Channels are provisioned, and open only to
/// Connect teammates who have joined. <see cref="CallerAuthentication"/> runs it for every route of those areas:
/// <c>/connect/v1/organization/…</c>, <c>/engage/v1/organization/…</c> and the sandbox routes that act in them
/// (<c>/sandbox/v1/organization/{orgId}/connect|engage|applications…</c>). Control Hub, Contact Center, People and the
/// outbox stay open to the tenant's administrator at every state.
/// </summary>
public static class DigitalChannelsGate
{
    public static bool Covers(PathString path)
    {
        if (path.StartsWithSegments("/connect/v1/organization") || path.StartsWithSegments("/engage/v1/organization")) return true;
        if (path.StartsWithSegments(Connect.Assets.OnboardingEndpoints.BasePath)) return true;
        if (!path.StartsWithSegments("/sandbox/v1/organization", out var rest)) return false;
        var segments = rest.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries) ?? [];
        return segments.Length >= 2 && segments[1] is "connect" or "engage" or "applications";
    }

    /// <summary>Null when the caller may go on; else the refusal (409 while not provisioned, then 401/403 for a non-teammate).</summary>
    public static ApiError? Check(HttpContext context, SandboxUser user)
    {
        var services = context.RequestServices;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var database = services.GetRequiredService<SandboxDatabase>();
        var organizationId = user.OrganizationId;
        var record = database.Read(session => new ProvisioningRepository(session).Find(organizationId));
        var state = record?.StateAt(now) ?? ProvisioningState.NotProvisioned;
        if (state == ProvisioningState.AwaitingActivation)
            (state, record) = database.Write(session => ProvisioningProgress.CatchUp(session, organizationId, now, IssuerUrls.BaseUrl(context.Request)));
        if (state != ProvisioningState.Provisioned) return NotProvisioned(organizationId, state, record);
        // Re-read: catching up may have changed the user (activation).
        var current = database.Read(session => new UserRepository(session).Find(organizationId, user.Id)) ?? user;
        return current.Status switch
        {
            TeammateStatus.Active => null,
            TeammateStatus.ControlHubOnly => ApiError.Forbidden(ErrorKeys.NotATeammate,
                $"The user '{current.Email}' that the access token acts for is a Control Hub administrator but not a Webex Connect teammate: Connect's users are local (lab rule 3). Ask the Owner to invite '{current.Email}' in Settings → Teammates."),
            _ => ApiError.Unauthorized(ErrorKeys.TokenInvalid, $"The user '{current.Email}' that the access token acts for has not accepted the invitation yet."),
        };
    }

    public static ApiError NotProvisioned(string organizationId, ProvisioningState state, ProvisioningRecord? record) =>
        ApiError.Conflict(ErrorKeys.DigitalChannelsNotProvisioned, state switch
        {
            ProvisioningState.Provisioning =>
                $"Digital Channels are not provisioned for organization '{organizationId}' yet: provisioning is in progress (state Provisioning, until {record!.FinishTime}). Wait for it with Wait-DigitalChannelsProvisioning, then activate the Owner '{record.OwnerEmail}'.",
            ProvisioningState.AwaitingActivation =>
                $"Digital Channels are not provisioned for organization '{organizationId}' yet: the Connect tenant exists, but its Owner '{record!.OwnerEmail}' has not activated it (state AwaitingActivation). Open the JOIN THE TEAM link of the activation mail (Get-DigitalChannelsSandboxMail -Kind {ProvisioningProgress.ActivationMailKind} | Complete-ConnectTeammateInvitation).",
            _ =>
                $"Digital Channels are not provisioned for organization '{organizationId}' (state NotProvisioned): run Start-DigitalChannelsProvisioning -Owner <administrator email> ({ProvisioningProgress.ProvisionPage}).",
        });
}
