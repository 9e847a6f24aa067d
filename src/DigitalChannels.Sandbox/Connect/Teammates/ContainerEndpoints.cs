using DigitalChannels.Client.Auth;
using DigitalChannels.Sandbox.Errors;
using DigitalChannels.Sandbox.Http;
using DigitalChannels.Sandbox.Identity;
using DigitalChannels.Sandbox.Storage;
using DigitalChannels.Sandbox.Tenancy;

namespace DigitalChannels.Sandbox.Connect.Teammates;

public sealed record GroupResource(string Id, string OrganizationId, string Name, string CreatedTime)
{
    public static GroupResource From(ConnectGroup group) => new(group.Id, group.OrganizationId, group.Name, group.CreatedTime);
}

public sealed record TeamResource(string Id, string OrganizationId, string GroupId, string Name, string CreatedTime)
{
    public static TeamResource From(ConnectTeam team) => new(team.Id, team.OrganizationId, team.GroupId, team.Name, team.CreatedTime);
}

/// <summary>
/// Settings → Groups/Teams: tenant > group > team (lab rule 31). Only the Owner creates and deletes them; everyone
/// who reads configuration sees the groups and teams of its own container and below.
/// </summary>
public static class ContainerEndpoints
{
    public const string GroupsPath = "/connect/v1/organization/{orgId}/groups";
    public const string TeamsPath = "/connect/v1/organization/{orgId}/teams";

    public static void MapContainerEndpoints(this IEndpointRouteBuilder app)
    {
        var groups = app.MapGroup(GroupsPath).RequireSandboxToken().WithErrorBodyStyle(ErrorBodyStyle.Problem);
        groups.MapGet("", ListGroups).RequireScope(Scopes.ConnectConfigRead).RequirePermission(ConnectPermissions.ReadConfiguration);
        groups.MapPost("", CreateGroupAsync).RequireScope(Scopes.ConnectConfigWrite).RequirePermission(ConnectPermissions.ManageGroupsAndTeams);
        groups.MapGet("/{groupId}", GetGroup).RequireScope(Scopes.ConnectConfigRead).RequirePermission(ConnectPermissions.ReadConfiguration);
        groups.MapDelete("/{groupId}", DeleteGroup).RequireScope(Scopes.ConnectConfigWrite).RequirePermission(ConnectPermissions.ManageGroupsAndTeams);

        var teams = app.MapGroup(TeamsPath).RequireSandboxToken().WithErrorBodyStyle(ErrorBodyStyle.Problem);
        teams.MapGet("", ListTeams).RequireScope(Scopes.ConnectConfigRead).RequirePermission(ConnectPermissions.ReadConfiguration);
        teams.MapPost("", CreateTeamAsync).RequireScope(Scopes.ConnectConfigWrite).RequirePermission(ConnectPermissions.ManageGroupsAndTeams);
        teams.MapGet("/{teamId}", GetTeam).RequireScope(Scopes.ConnectConfigRead).RequirePermission(ConnectPermissions.ReadConfiguration);
        teams.MapDelete("/{teamId}", DeleteTeam).RequireScope(Scopes.ConnectConfigWrite).RequirePermission(ConnectPermissions.ManageGroupsAndTeams);
    }

    private static IResult ListGroups(HttpContext context, SandboxDatabase database)
    {
        var caller = Caller.Of(context);
        var page = PageRequest.FromQuery(context.Request);
        var all = database.Read(session => new ContainerRepository(session).ListGroups(caller.OrganizationId, caller.Container));
        return SandboxJson.Ok(PagedList<GroupResource>.Create(caller.OrganizationId, $"/connect/v1/organization/{caller.OrganizationId}/groups", page,
            all.Count, all.Skip(page.Offset).Take(page.PageSize).Select(GroupResource.From).ToList()));
    }

    private static async Task<IResult> CreateGroupAsync(HttpContext context, SandboxDatabase database, TimeProvider time)
    {
        var caller = Caller.Of(context);
        var body = await JsonBody.ReadObjectAsync(context.Request);
        var name = TeammateRules.ValidName("name", body.RequiredString("name"));
        var group = new ConnectGroup(Guid.NewGuid().ToString("D"), caller.OrganizationId, name, Timestamps.Format(time.GetUtcNow()));
        database.Write(session =>
        {
            var containers = new ContainerRepository(session);
            if (containers.FindGroupByName(caller.OrganizationId, name) is { } existing)
                throw ApiError.Conflict(ErrorKeys.GroupDuplicateName,
                    $"A group named '{existing.Name}' already exists (id {existing.Id}); group names are unique regardless of case.").ToException();
            containers.InsertGroup(group);
        });
        context.Response.Headers.Location = $"/connect/v1/organization/{caller.OrganizationId}/groups/{group.Id}";
        return SandboxJson.Ok(GroupResource.From(group), StatusCodes.Status201Created);
    }

    private static IResult GetGroup(HttpContext context, SandboxDatabase database, string groupId)
    {
        var caller = Caller.Of(context);
        var group = database.Read(session => FindGroupOrThrow(new ContainerRepository(session), caller.OrganizationId, groupId));
        EnsureVisible(caller, group.Container, $"group '{group.Name}'", ErrorKeys.GroupNotFound, groupId);
        return SandboxJson.Ok(GroupResource.From(group));
    }

    /// <summary>Only an empty group goes: its teams, teammates and services would otherwise lose their container.</summary>
    private static IResult DeleteGroup(HttpContext context, SandboxDatabase database, string groupId)
    {
        var caller = Caller.Of(context);
        database.Write(session =>
        {
            var containers = new ContainerRepository(session);
            var group = FindGroupOrThrow(containers, caller.OrganizationId, groupId);
            EnsureEmpty(session, containers, caller.OrganizationId, group.Container, $"group '{group.Name}'", ErrorKeys.GroupNotEmpty,
                containers.CountTeams(caller.OrganizationId, group.Id));
            containers.DeleteGroup(caller.OrganizationId, group.Id);
        });
        return Results.NoContent();
    }

    private static IResult ListTeams(HttpContext context, SandboxDatabase database)
    {
        var caller = Caller.Of(context);
        var page = PageRequest.FromQuery(context.Request);
        var groupId = context.Request.Query.ContainsKey("groupId") ? context.Request.Query["groupId"].ToString().Trim().ToLowerInvariant() : null;
        var all = database.Read(session => new ContainerRepository(session).ListTeams(caller.OrganizationId, caller.Container, groupId));
        return SandboxJson.Ok(PagedList<TeamResource>.Create(caller.OrganizationId, $"/connect/v1/organization/{caller.OrganizationId}/teams", page,
            all.Count, all.Skip(page.Offset).Take(page.PageSize).Select(TeamResource.From).ToList(),
            new Dictionary<string, string?> { ["groupId"] = groupId }));
    }

    /// <summary><c>{name, groupId}</c>: a team always sits in a group.</summary>
    private static async Task<IResult> CreateTeamAsync(HttpContext context, SandboxDatabase database, TimeProvider time)
    {
        var caller = Caller.Of(context);
        var body = await JsonBody.ReadObjectAsync(context.Request);
        var name = TeammateRules.ValidName("name", body.RequiredString("name"));
        var groupId = body.RequiredString("groupId");
        var team = database.Write(session =>
        {
            var containers = new ContainerRepository(session);
            var group = FindGroupOrThrow(containers, caller.OrganizationId, groupId);
            if (containers.FindTeamByName(caller.OrganizationId, name) is { } existing)
                throw ApiError.Conflict(ErrorKeys.TeamDuplicateName,
                    $"A team named '{existing.Name}' already exists (id {existing.Id}); team names are unique in the tenant regardless of case.").ToException();
            var created = new ConnectTeam(Guid.NewGuid().ToString("D"), caller.OrganizationId, group.Id, name, Timestamps.Format(time.GetUtcNow()));
            containers.InsertTeam(created);
            return created;
        });
        context.Response.Headers.Location = $"/connect/v1/organization/{caller.OrganizationId}/teams/{team.Id}";
        return SandboxJson.Ok(TeamResource.From(team), StatusCodes.Status201Created);
    }

    private static IResult GetTeam(HttpContext context, SandboxDatabase database, string teamId)
    {
        var caller = Caller.Of(context);
        var team = database.Read(session => FindTeamOrThrow(new ContainerRepository(session), caller.OrganizationId, teamId));
        EnsureVisible(caller, team.Container, $"team '{team.Name}'", ErrorKeys.TeamNotFound, teamId);
        return SandboxJson.Ok(TeamResource.From(team));
    }

    private static IResult DeleteTeam(HttpContext context, SandboxDatabase database, string teamId)
    {
        var caller = Caller.Of(context);
        database.Write(session =>
        {
            var containers = new ContainerRepository(session);
            var team = FindTeamOrThrow(containers, caller.OrganizationId, teamId);
            EnsureEmpty(session, containers, caller.OrganizationId, team.Container, $"team '{team.Name}'", ErrorKeys.TeamNotEmpty, teams: 0);
            containers.DeleteTeam(caller.OrganizationId, team.Id);
        });
        return Results.NoContent();
    }

    public static ConnectGroup FindGroupOrThrow(ContainerRepository containers, string organizationId, string groupId)
    {
        var normalized = ResourceIds.Normalize(groupId);
        return (normalized is null ? null : containers.FindGroup(organizationId, normalized))
            ?? throw ApiError.NotFound(ErrorKeys.GroupNotFound, $"No group with id '{groupId}' exists in organization '{organizationId}'.").ToException();
    }

    public static ConnectTeam FindTeamOrThrow(ContainerRepository containers, string organizationId, string teamId)
    {
        var normalized = ResourceIds.Normalize(teamId);
        return (normalized is null ? null : containers.FindTeam(organizationId, normalized))
            ?? throw ApiError.NotFound(ErrorKeys.TeamNotFound, $"No team with id '{teamId}' exists in organization '{organizationId}'.").ToException();
    }

    /// <summary>A group or team above or beside the caller's container is not shown, as in the portal.</summary>
    private static void EnsureVisible(Caller caller, ConnectContainer container, string name, string key, string id)
    {
        // A caller in a team may still read its own group (the container it sits in); nothing beside or above that.
        var visible = caller.Container.Contains(container) || (caller.Container.TeamId is not null && container.TeamId is null && container.GroupId == caller.Container.GroupId);
        if (!visible)
            throw ApiError.NotFound(key, $"No {name.Split(' ')[0]} with id '{id}' exists within your {caller.Container.Level.ToLowerInvariant()}.").ToException();
    }

    private static void EnsureEmpty(DbSession session, ContainerRepository containers, string organizationId, ConnectContainer container, string name,
        string key, long teams)
    {
        var users = new UserRepository(session).CountIn(organizationId, container);
        var services = containers.CountServicesIn(organizationId, container);
        if (teams + users + services > 0)
            throw ApiError.Conflict(key,
                $"The {name} still holds {teams} team(s), {users} teammate(s) and {services} service(s); move or remove them first.").ToException();
    }
}
