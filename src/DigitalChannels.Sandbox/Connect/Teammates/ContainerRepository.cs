using DigitalChannels.Sandbox.Storage;
using DigitalChannels.Sandbox.Tenancy;
using Microsoft.Data.Sqlite;

namespace DigitalChannels.Sandbox.Connect.Teammates;

/// <summary>A Connect group: holds users and teams (lab rule 31).</summary>
public sealed record ConnectGroup(string Id, string OrganizationId, string Name, string CreatedTime)
{
    public ConnectContainer Container => ConnectContainer.Group(Id);
}

/// <summary>A Connect team inside a group: holds users only. Not a Contact Center team.</summary>
public sealed record ConnectTeam(string Id, string OrganizationId, string GroupId, string Name, string CreatedTime)
{
    public ConnectContainer Container => ConnectContainer.Team(GroupId, Id);
}

/// <summary>Groups and teams. Names are unique per tenant regardless of case, so a name names one container.</summary>
public sealed class ContainerRepository
{
    private readonly DbSession session;

    public ContainerRepository(DbSession session) => this.session = session;

    public ConnectGroup? FindGroup(string organizationId, string groupId) =>
        session.QuerySingleOrDefault("SELECT id, organization_id, name, created_time FROM connect_groups WHERE organization_id = $org AND id = $id;",
            MapGroup, ("$org", organizationId), ("$id", groupId));

    public ConnectGroup? FindGroupByName(string organizationId, string name) =>
        session.QuerySingleOrDefault("SELECT id, organization_id, name, created_time FROM connect_groups WHERE organization_id = $org AND name_key = $key;",
            MapGroup, ("$org", organizationId), ("$key", name.ToLowerInvariant()));

    /// <summary>The groups <paramref name="visibleFrom"/> may see: all from the tenant, its own from a group or a team.</summary>
    public List<ConnectGroup> ListGroups(string organizationId, ConnectContainer visibleFrom) =>
        session.Query("""
            SELECT id, organization_id, name, created_time FROM connect_groups
            WHERE organization_id = $org AND ($group IS NULL OR id = $group) ORDER BY name_key, id;
            """, MapGroup, ("$org", organizationId), ("$group", visibleFrom.GroupId));

    public void InsertGroup(ConnectGroup group) =>
        session.Execute("INSERT INTO connect_groups (id, organization_id, name, name_key, created_time) VALUES ($id, $org, $name, $key, $time);",
            ("$id", group.Id), ("$org", group.OrganizationId), ("$name", group.Name), ("$key", group.Name.ToLowerInvariant()), ("$time", group.CreatedTime));

    public void DeleteGroup(string organizationId, string groupId) =>
        session.Execute("DELETE FROM connect_groups WHERE organization_id = $org AND id = $id;", ("$org", organizationId), ("$id", groupId));

    public ConnectTeam? FindTeam(string organizationId, string teamId) =>
        session.QuerySingleOrDefault("SELECT id, organization_id, group_id, name, created_time FROM connect_teams WHERE organization_id = $org AND id = $id;",
            MapTeam, ("$org", organizationId), ("$id", teamId));

    public ConnectTeam? FindTeamByName(string organizationId, string name) =>
        session.QuerySingleOrDefault("SELECT id, organization_id, group_id, name, created_time FROM connect_teams WHERE organization_id = $org AND name_key = $key;",
            MapTeam, ("$org", organizationId), ("$key", name.ToLowerInvariant()));

    /// <summary>The teams <paramref name="visibleFrom"/> may see, optionally only those of one group.</summary>
    public List<ConnectTeam> ListTeams(string organizationId, ConnectContainer visibleFrom, string? groupId) =>
        session.Query("""
            SELECT id, organization_id, group_id, name, created_time FROM connect_teams
            WHERE organization_id = $org AND ($visibleGroup IS NULL OR group_id = $visibleGroup) AND ($visibleTeam IS NULL OR id = $visibleTeam)
              AND ($group IS NULL OR group_id = $group)
            ORDER BY name_key, id;
            """, MapTeam, ("$org", organizationId), ("$visibleGroup", visibleFrom.GroupId), ("$visibleTeam", visibleFrom.TeamId), ("$group", groupId));

    public long CountTeams(string organizationId, string groupId) =>
        session.Scalar<long>("SELECT COUNT(*) FROM connect_teams WHERE organization_id = $org AND group_id = $group;", ("$org", organizationId), ("$group", groupId));

    public void InsertTeam(ConnectTeam team) =>
        session.Execute("INSERT INTO connect_teams (id, organization_id, group_id, name, name_key, created_time) VALUES ($id, $org, $group, $name, $key, $time);",
            ("$id", team.Id), ("$org", team.OrganizationId), ("$group", team.GroupId), ("$name", team.Name), ("$key", team.Name.ToLowerInvariant()),
            ("$time", team.CreatedTime));

    public void DeleteTeam(string organizationId, string teamId) =>
        session.Execute("DELETE FROM connect_teams WHERE organization_id = $org AND id = $id;", ("$org", organizationId), ("$id", teamId));

    /// <summary>Services kept in exactly this container or below (the checks before deleting a group or team).</summary>
    public long CountServicesIn(string organizationId, ConnectContainer container)
    {
        var (clause, parameters) = container.VisibilityFilter();
        return session.Scalar<long>($"SELECT COUNT(*) FROM connect_services WHERE organization_id = $org AND {clause};", [("$org", organizationId), .. parameters]);
    }

    private static ConnectGroup MapGroup(SqliteDataReader r) => new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3));

    private static ConnectTeam MapTeam(SqliteDataReader r) => new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4));
}
