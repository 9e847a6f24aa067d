using DigitalChannels.Sandbox.Storage;

namespace DigitalChannels.Sandbox.Identity;

/// <summary>A registered client-credentials app. Only the SHA-256 of its secret is kept.</summary>
public sealed record ServiceApplication(
    string ClientId, string OrganizationId, string Name, byte[] SecretSha256, string ActingUserId, IReadOnlyList<string> Scopes, string CreatedTime);

public sealed class ServiceApplicationRepository
{
    private const string Columns = "client_id, organization_id, name, secret_sha256, acting_user_id, scopes, created_time";
    private readonly DbSession session;

    public ServiceApplicationRepository(DbSession session) => this.session = session;

    public ServiceApplication? Find(string clientId) =>
        session.QuerySingleOrDefault($"SELECT {Columns} FROM service_applications WHERE client_id = $id;", r => new ServiceApplication(
            r.GetString(0), r.GetString(1), r.GetString(2), (byte[])r.GetValue(3), r.GetString(4), ScopeText.Split(r.GetString(5)), r.GetString(6)),
            ("$id", clientId));

    public void Insert(ServiceApplication application) =>
        session.Execute($"INSERT INTO service_applications ({Columns}) VALUES ($id, $org, $name, $hash, $user, $scopes, $time);",
            ("$id", application.ClientId), ("$org", application.OrganizationId), ("$name", application.Name),
            ("$hash", application.SecretSha256), ("$user", application.ActingUserId), ("$scopes", ScopeText.Join(application.Scopes)),
            ("$time", application.CreatedTime));

    /// <summary>Removes one app: its secret no longer signs in and its tokens are refused (CallerAuthentication checks the app exists).</summary>
    public bool Delete(string organizationId, string clientId) =>
        session.Execute("DELETE FROM service_applications WHERE organization_id = $org AND client_id = $id;", ("$org", organizationId), ("$id", clientId)) > 0;

    /// <summary>Removes the apps that act as a user (when the teammate is removed), so no token can act for it again.</summary>
    public void DeleteActingFor(string organizationId, string userId) =>
        session.Execute("DELETE FROM service_applications WHERE organization_id = $org AND acting_user_id = $user;", ("$org", organizationId), ("$user", userId));
}
