using DigitalChannels.Sandbox.Connect.Teammates;
using DigitalChannels.Sandbox.Engage.Users;
using DigitalChannels.Sandbox.Mail;
using DigitalChannels.Sandbox.Storage;
using DigitalChannels.Sandbox.Tenancy;
using Microsoft.Data.Sqlite;

namespace DigitalChannels.Sandbox.Provisioning;

/// <summary>
/// NotProvisioned → Provisioning (until its finish time) → AwaitingActivation (the Connect side exists, the Owner is
/// Invited and has the activation mail) → Provisioned (the Owner activated). Names are those of the API.
/// </summary>
public enum ProvisioningState
{
    NotProvisioned,
    Provisioning,
    AwaitingActivation,
    Provisioned,
}

/// <summary>One tenant's provisioning as stored: times only; the state is computed from them against the sandbox clock.</summary>
public sealed record ProvisioningRecord(string OrganizationId, string OwnerEmail, string OwnerName, string StartedTime, string FinishTime,
    string ConnectTenantUrl, string? ActivationSentTime, string? OwnerUserId, string? ActivatedTime)
{
    public ProvisioningState StateAt(DateTimeOffset now) =>
        ActivatedTime is not null ? ProvisioningState.Provisioned
        : now < Timestamps.Parse(FinishTime) ? ProvisioningState.Provisioning
        : ProvisioningState.AwaitingActivation;
}

public sealed class ProvisioningRepository
{
    private const string Columns = "organization_id, owner_email, owner_name, started_time, finish_time, connect_tenant_url, activation_sent_time, owner_user_id, activated_time";
    private readonly DbSession session;

    public ProvisioningRepository(DbSession session) => this.session = session;

    public ProvisioningRecord? Find(string organizationId) =>
        session.QuerySingleOrDefault($"SELECT {Columns} FROM digital_channels_provisioning WHERE organization_id = $org;", Map, ("$org", organizationId));

    public void Insert(ProvisioningRecord record) =>
        session.Execute($"INSERT INTO digital_channels_provisioning ({Columns}) VALUES ($org, $email, $name, $started, $finish, $url, $sent, $user, $activated);",
            ("$org", record.OrganizationId), ("$email", record.OwnerEmail), ("$name", record.OwnerName), ("$started", record.StartedTime),
            ("$finish", record.FinishTime), ("$url", record.ConnectTenantUrl), ("$sent", record.ActivationSentTime), ("$user", record.OwnerUserId),
            ("$activated", record.ActivatedTime));

    public void MarkActivationSent(string organizationId, string time, string ownerUserId) =>
        session.Execute("UPDATE digital_channels_provisioning SET activation_sent_time = $time, owner_user_id = $user WHERE organization_id = $org;",
            ("$org", organizationId), ("$time", time), ("$user", ownerUserId));

    public void MarkActivated(string organizationId, string time) =>
        session.Execute("UPDATE digital_channels_provisioning SET activated_time = $time WHERE organization_id = $org;", ("$org", organizationId), ("$time", time));

    /// <summary>The Digital Channel value of the tenant's Contact Center settings (Service Details), or null for an unknown organization.</summary>
    public string? DigitalChannel(string organizationId) =>
        session.QuerySingleOrDefault("SELECT digital_channel FROM organizations WHERE id = $org;", r => r.GetString(0), ("$org", organizationId));

    public void SetDigitalChannel(string organizationId, string value) =>
        session.Execute("UPDATE organizations SET digital_channel = $value WHERE id = $org;", ("$org", organizationId), ("$value", value));

    private static ProvisioningRecord Map(SqliteDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetNullableString(6),
            r.GetNullableString(7), r.GetNullableString(8));
}

/// <summary>
/// The one place that moves provisioning forward. Nothing runs when time passes: every route that reads or depends on
/// the state calls <see cref="CatchUp"/>, which materializes what the platform would have done by now, idempotently:
/// once the finish time has passed, the Connect tenant's Owner teammate (Invited) and its activation mail ("JOIN THE
/// TEAM", valid 24 hours from the finish time); once the Owner has accepted it, Provisioned, with a first
/// synchronization of the Engage users.
/// </summary>
public static class ProvisioningProgress
{
    public const string ImiDigital = "IMI Digital";
    public const string ActivationMailKind = "DigitalChannelsActivation";
    public const string ProvisionPage = "Control Hub → Contact Center → Settings → Digital → Provision Digital Channels";

    public static string ConnectTenantUrl(string organizationId) => $"https://cl1pod{organizationId.Replace("-", "")[..8]}.imiconnect.io/";

    /// <summary>The state now, after materializing what is due. <paramref name="baseUrl"/> is the sandbox's, for the activation link.</summary>
    public static (ProvisioningState State, ProvisioningRecord? Record) CatchUp(DbSession session, string organizationId, DateTimeOffset now, string baseUrl)
    {
        var repository = new ProvisioningRepository(session);
        var record = repository.Find(organizationId);
        if (record is null) return (ProvisioningState.NotProvisioned, null);
        var state = record.StateAt(now);
        if (state != ProvisioningState.AwaitingActivation) return (state, record);

        var users = new UserRepository(session);
        if (record.ActivationSentTime is null)
        {
            var owner = SendActivation(session, record, baseUrl);
            repository.MarkActivationSent(organizationId, record.FinishTime, owner.Id);
            return (ProvisioningState.AwaitingActivation, repository.Find(organizationId));
        }

        var ownerUser = record.OwnerUserId is null ? null : users.Find(organizationId, record.OwnerUserId);
        if (ownerUser is { Status: TeammateStatus.Active })
        {
            var accepted = new InvitationRepository(session).Latest(organizationId, ownerUser.Id)?.AcceptedTime ?? Timestamps.Format(now);
            repository.MarkActivated(organizationId, accepted);
            EngageUserSynchronization.Run(session, organizationId, now);
            return (ProvisioningState.Provisioned, repository.Find(organizationId));
        }
        return (ProvisioningState.AwaitingActivation, record);
    }

    /// <summary>
    /// The Connect tenant's one Owner (lab rules 6, 26): the chosen administrator's user becomes Owner, Invited, and gets
    /// the activation link through the teammate invitation mechanism (purpose Activation), sent at the finish time.
    /// </summary>
    private static SandboxUser SendActivation(DbSession session, ProvisioningRecord record, string baseUrl)
    {
        var users = new UserRepository(session);
        var existing = users.FindByEmail(record.OrganizationId, record.OwnerEmail);
        SandboxUser owner;
        if (existing is not null)
        {
            owner = existing with { Role = ConnectRole.Owner, Status = TeammateStatus.Invited, Container = ConnectContainer.Tenant };
            users.Update(owner);
        }
        else
        {
            owner = new SandboxUser(Guid.NewGuid().ToString("D"), record.OrganizationId, record.OwnerEmail, DisplayName: string.Empty,
                ConnectRole.Owner, record.FinishTime) { Status = TeammateStatus.Invited };
            users.Insert(owner);
        }

        var sent = Timestamps.Parse(record.FinishTime);
        var token = TeammateInvitation.NewToken();
        var invitation = new TeammateInvitation(Guid.NewGuid().ToString("D"), record.OrganizationId, owner.Id, record.FinishTime,
            Timestamps.Format(sent + TeammateInvitation.Validity), AcceptedTime: null, Superseded: false) { Purpose = TeammateInvitation.ActivationPurpose };
        new InvitationRepository(session).Insert(invitation, token);
        var link = baseUrl + InvitationEndpoints.InvitationPath(token);
        new OutboxRepository(session).Add(new OutboxMail(Guid.NewGuid().ToString("D"), record.OrganizationId, ActivationMailKind, owner.Email,
            "Webex Connect: JOIN THE TEAM to activate your Digital Channels",
            $"Hello {record.OwnerName},\nDigital Channels are provisioned for your organization; you are the Owner of the Webex Connect tenant {record.ConnectTenantUrl}.\n" +
            $"JOIN THE TEAM: {link}\n" +
            $"Open the link to set your name and local password. It is valid for 24 hours, until {invitation.ExpiresTime}; after that, Cisco support is needed to activate the tenant.",
            link, invitation.ExpiresTime, record.FinishTime));
        return owner;
    }
}
