using DigitalChannels.Sandbox.Storage;

namespace DigitalChannels.Sandbox.Tenancy;

public sealed record SandboxUser(string Id, string OrganizationId, string Email, string DisplayName, ConnectRole Role, string CreatedTime);

public sealed class UserRepository
{
    private const string Columns = "id, organization_id, email, display_name, connect_role, created_time";
    private readonly DbSession session;

    public UserRepository(DbSession session) => this.session = session;

    public SandboxUser? Find(string organizationId, string userId) =>
        session.QuerySingleOrDefault($"SELECT {Columns} FROM users WHERE organization_id = $org AND id = $id;", Map,
            ("$org", organizationId), ("$id", userId));

    public bool EmailExists(string organizationId, string email) =>
        session.Scalar<long>("SELECT COUNT(*) FROM users WHERE organization_id = $org AND lower(email) = lower($email);",
            ("$org", organizationId), ("$email", email)) > 0;

    public void Insert(SandboxUser user) =>
        session.Execute($"INSERT INTO users ({Columns}) VALUES ($id, $org, $email, $name, $role, $time);",
            ("$id", user.Id), ("$org", user.OrganizationId), ("$email", user.Email), ("$name", user.DisplayName),
            ("$role", user.Role.ToString()), ("$time", user.CreatedTime));

    private static SandboxUser Map(Microsoft.Data.Sqlite.SqliteDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), Enum.Parse<ConnectRole>(r.GetString(4)), r.GetString(5));
}
