using DigitalChannels.Sandbox.Storage;

namespace DigitalChannels.Sandbox.Tenancy;

/// <summary>
/// Invited: a teammate whose join link has not been used yet (no name, no password). Active: joined.
/// ControlHubOnly: a Control Hub administrator the tenant's apps act as, who is not a Connect teammate (a new tenant's
/// administrator before provisioning makes it the Owner); Connect and Engage refuse it, Control Hub accepts it.
/// </summary>
public enum TeammateStatus
{
    Active,
    Invited,
    ControlHubOnly,
}

/// <summary>
/// A local Connect user, i.e. a teammate (lab rule 3: Connect's users are local). <see cref="PasswordHash"/> is a PBKDF2
/// hash (never the password); <see cref="DecryptLogs"/> is the Owner-granted Decrypt Logs permission, independent of the role.
/// </summary>
public sealed record SandboxUser(string Id, string OrganizationId, string Email, string DisplayName, ConnectRole Role, string CreatedTime)
{
    public TeammateStatus Status { get; init; } = TeammateStatus.Active;
    public ConnectContainer Container { get; init; } = ConnectContainer.Tenant;
    public bool DecryptLogs { get; init; }
    public string? PasswordHash { get; init; }
}

public sealed class UserRepository
{
    private const string Columns = "id, organization_id, email, display_name, connect_role, created_time, status, group_id, team_id, decrypt_logs, password_hash";
    private readonly DbSession session;

    public UserRepository(DbSession session) => this.session = session;

    public SandboxUser? Find(string organizationId, string userId) =>
        session.QuerySingleOrDefault($"SELECT {Columns} FROM users WHERE organization_id = $org AND id = $id;", Map,
            ("$org", organizationId), ("$id", userId));

    public SandboxUser? FindByEmail(string organizationId, string email) =>
        session.QuerySingleOrDefault($"SELECT {Columns} FROM users WHERE organization_id = $org AND lower(email) = lower($email);", Map,
            ("$org", organizationId), ("$email", email));

    public bool EmailExists(string organizationId, string email) =>
        session.Scalar<long>("SELECT COUNT(*) FROM users WHERE organization_id = $org AND lower(email) = lower($email);",
            ("$org", organizationId), ("$email", email)) > 0;

    /// <summary>The users <paramref name="visibleFrom"/> may see (its container and below), ordered by email.</summary>
    public List<SandboxUser> List(string organizationId, ConnectContainer visibleFrom)
    {
        var (clause, parameters) = visibleFrom.VisibilityFilter();
        return session.Query($"SELECT {Columns} FROM users WHERE organization_id = $org AND {clause} ORDER BY lower(email), id;", Map,
            [("$org", organizationId), .. parameters]);
    }

    public long CountIn(string organizationId, ConnectContainer container)
    {
        var (clause, parameters) = container.VisibilityFilter();
        return session.Scalar<long>($"SELECT COUNT(*) FROM users WHERE organization_id = $org AND {clause};", [("$org", organizationId), .. parameters]);
    }

    public void Insert(SandboxUser user) =>
        session.Execute($"INSERT INTO users ({Columns}) VALUES ($id, $org, $email, $name, $role, $time, $status, $group, $team, $decrypt, $hash);",
            Parameters(user));

    public void Update(SandboxUser user) =>
        session.Execute("""
            UPDATE users SET display_name = $name, connect_role = $role, status = $status, group_id = $group, team_id = $team,
                decrypt_logs = $decrypt, password_hash = $hash
            WHERE organization_id = $org AND id = $id;
            """, Parameters(user));

    public void Delete(string organizationId, string userId) =>
        session.Execute("DELETE FROM users WHERE organization_id = $org AND id = $id;", ("$org", organizationId), ("$id", userId));

    private static (string, object?)[] Parameters(SandboxUser user) =>
    [
        ("$id", user.Id), ("$org", user.OrganizationId), ("$email", user.Email), ("$name", user.DisplayName), ("$role", user.Role.ToString()),
        ("$time", user.CreatedTime), ("$status", user.Status.ToString()), ("$group", user.Container.GroupId), ("$team", user.Container.TeamId),
        ("$decrypt", user.DecryptLogs ? 1 : 0), ("$hash", user.PasswordHash),
    ];

    private static SandboxUser Map(Microsoft.Data.Sqlite.SqliteDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), Enum.Parse<ConnectRole>(r.GetString(4)), r.GetString(5))
        {
            Status = Enum.Parse<TeammateStatus>(r.GetString(6)),
            Container = new ConnectContainer(r.GetNullableString(7), r.GetNullableString(8)),
            DecryptLogs = r.GetInt64(9) != 0,
            PasswordHash = r.GetNullableString(10),
        };
}
