using System.Text.Json.Serialization;
using DigitalChannels.Sandbox.Tenancy;

namespace DigitalChannels.Sandbox.Connect.Teammates;

/// <summary>
/// A teammate as the API returns it. <see cref="Status"/> is Active, Invited, or InvitationExpired (computed against
/// the sandbox clock when read). The password hash is never part of it.
/// </summary>
public sealed record TeammateResource(
    string Id, string OrganizationId, string Email,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Name,
    string Role, string Status, bool DecryptLogs, string ContainerLevel,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? GroupId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? TeamId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? InvitationExpiresTime,
    string CreatedTime)
{
    public const string InvitationExpiredStatus = "InvitationExpired";

    public static TeammateResource From(SandboxUser user, TeammateInvitation? invitation, DateTimeOffset now)
    {
        var status = user.Status == TeammateStatus.Active ? "Active"
            : invitation is not null && invitation.IsExpired(now) ? InvitationExpiredStatus
            : "Invited";
        return new TeammateResource(user.Id, user.OrganizationId, user.Email, user.DisplayName.Length == 0 ? null : user.DisplayName,
            user.Role.ToString(), status, user.DecryptLogs, user.Container.Level, user.Container.GroupId, user.Container.TeamId,
            user.Status == TeammateStatus.Invited ? invitation?.ExpiresTime : null, user.CreatedTime);
    }
}
