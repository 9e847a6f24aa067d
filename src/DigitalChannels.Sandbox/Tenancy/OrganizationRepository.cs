using DigitalChannels.Sandbox.Storage;

namespace DigitalChannels.Sandbox.Tenancy;

public sealed record Organization(string Id, string Name, string CreatedTime);

public sealed class OrganizationRepository
{
    private readonly DbSession session;

    public OrganizationRepository(DbSession session) => this.session = session;

    public Organization? Find(string organizationId) =>
        session.QuerySingleOrDefault("SELECT id, name, created_time FROM organizations WHERE id = $id;",
            r => new Organization(r.GetString(0), r.GetString(1), r.GetString(2)), ("$id", organizationId));

    public bool Any() => session.Scalar<long>("SELECT COUNT(*) FROM organizations;") > 0;

    public void Insert(Organization organization) =>
        session.Execute("INSERT INTO organizations (id, name, created_time) VALUES ($id, $name, $time);",
            ("$id", organization.Id), ("$name", organization.Name), ("$time", organization.CreatedTime));
}
