using System.Security.Cryptography;
using System.Text;
using DigitalChannels.Sandbox.Storage;
using Microsoft.Data.Sqlite;

namespace DigitalChannels.Sandbox.Connect.Teammates;

/// <summary>
/// A join link sent to an invited teammate. Only the SHA-256 of its token is stored; the token itself exists only in
/// the link of the mail. A newer invitation to the same teammate supersedes the older ones.
/// </summary>
public sealed record TeammateInvitation(string Id, string OrganizationId, string UserId, string CreatedTime, string ExpiresTime,
    string? AcceptedTime, bool Superseded)
{
    public const string TeammatePurpose = "Teammate";

    /// <summary>The Owner's activation link sent when Digital Channels provisioning finishes (lab rules 7–8).</summary>
    public const string ActivationPurpose = "Activation";

    /// <summary>Teammate (an invitation from Settings → Teammates) or Activation (the provisioned tenant's Owner).</summary>
    public string Purpose { get; init; } = TeammatePurpose;

    /// <summary>Lab rule 8: a join link is valid for 24 hours.</summary>
    public static readonly TimeSpan Validity = TimeSpan.FromHours(24);

    /// <summary>Computed against the sandbox clock on every read: nothing runs when the time passes.</summary>
    public bool IsExpired(DateTimeOffset now) => now >= Timestamps.Parse(ExpiresTime);

    /// <summary>32 random bytes, base64url: unguessable, and safe in a URL path.</summary>
    public static string NewToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static byte[] HashToken(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}

public sealed class InvitationRepository
{
    private const string Columns = "id, organization_id, user_id, created_time, expires_time, accepted_time, superseded, purpose";
    private readonly DbSession session;

    public InvitationRepository(DbSession session) => this.session = session;

    public TeammateInvitation? FindByToken(string token) =>
        session.QuerySingleOrDefault($"SELECT {Columns} FROM teammate_invitations WHERE token_sha256 = $hash;", Map,
            ("$hash", TeammateInvitation.HashToken(token)));

    /// <summary>The newest invitation of a teammate, or null (users created by the management API were never invited).</summary>
    public TeammateInvitation? Latest(string organizationId, string userId) =>
        session.QuerySingleOrDefault($"""
            SELECT {Columns} FROM teammate_invitations WHERE organization_id = $org AND user_id = $user
            ORDER BY created_time DESC, rowid DESC LIMIT 1;
            """, Map, ("$org", organizationId), ("$user", userId));

    /// <summary>Stores a new invitation and supersedes the teammate's older ones, in the caller's transaction.</summary>
    public void Insert(TeammateInvitation invitation, string token)
    {
        session.Execute("UPDATE teammate_invitations SET superseded = 1 WHERE organization_id = $org AND user_id = $user;",
            ("$org", invitation.OrganizationId), ("$user", invitation.UserId));
        session.Execute($"INSERT INTO teammate_invitations ({Columns}, token_sha256) VALUES ($id, $org, $user, $created, $expires, NULL, 0, $purpose, $hash);",
            ("$id", invitation.Id), ("$org", invitation.OrganizationId), ("$user", invitation.UserId), ("$created", invitation.CreatedTime),
            ("$expires", invitation.ExpiresTime), ("$purpose", invitation.Purpose), ("$hash", TeammateInvitation.HashToken(token)));
    }

    public void MarkAccepted(string invitationId, string acceptedTime) =>
        session.Execute("UPDATE teammate_invitations SET accepted_time = $time WHERE id = $id;", ("$id", invitationId), ("$time", acceptedTime));

    public void DeleteForUser(string organizationId, string userId) =>
        session.Execute("DELETE FROM teammate_invitations WHERE organization_id = $org AND user_id = $user;", ("$org", organizationId), ("$user", userId));

    private static TeammateInvitation Map(SqliteDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetNullableString(5), r.GetInt64(6) != 0) { Purpose = r.GetString(7) };
}
