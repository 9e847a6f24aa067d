using System.Net;
using DigitalChannels.IntegrationTests.Infrastructure;
using Xunit;

namespace DigitalChannels.IntegrationTests.Teammates;

/// <summary>
/// Tenant > group > team (lab rule 31): a teammate sees and changes only its own container and below, for services
/// (through ConnectServiceRepository, which every Connect feature uses), teammates, groups and teams.
/// </summary>
[Collection(SharedSandboxCollection.Name)]
public sealed class GroupsAndTeamsTests : IDisposable
{
    private readonly SandboxApi api;

    public GroupsAndTeamsTests(SandboxProcess sandbox) => api = new SandboxApi(sandbox);

    [Fact]
    public async Task Teammates_see_and_change_only_their_container_and_below()
    {
        var owner = await api.OwnerTokenAsync();
        var groupA = await api.CreateGroupAsync(owner, SandboxApi.UniqueName("Group A"));
        var groupB = await api.CreateGroupAsync(owner, SandboxApi.UniqueName("Group B"));
        var teamA1 = await api.CreateTeamAsync(owner, SandboxApi.UniqueName("Team A1"), groupA);

        var groupEmail = TeammateApi.UniqueEmail("group-a");
        var teamEmail = TeammateApi.UniqueEmail("team-a1");
        await api.JoinedTeammateAsync(owner, groupEmail, "FullAccess", groupId: groupA);
        await api.JoinedTeammateAsync(owner, teamEmail, "FullAccess", teamId: teamA1);
        var inGroup = await api.TokenForTeammateAsync(groupEmail);
        var inTeam = await api.TokenForTeammateAsync(teamEmail);

        var tenantService = await api.CreateServiceAsync(owner, SandboxApi.UniqueName("Tenant service"));
        var groupService = await api.CreateServiceAsync(inGroup, SandboxApi.UniqueName("Group A service"));
        var teamService = await api.CreateServiceAsync(inTeam, SandboxApi.UniqueName("Team A1 service"));
        string Name(System.Text.Json.JsonElement s) => s.GetProperty("name").GetString()!;
        string Id(System.Text.Json.JsonElement s) => s.GetProperty("id").GetString()!;

        var ownerSees = await api.ListNamesAsync(api.ServicesPath + "?pageSize=100&search=service", owner);
        Assert.Contains(Name(tenantService), ownerSees);
        Assert.Contains(Name(groupService), ownerSees);
        Assert.Contains(Name(teamService), ownerSees);

        var groupSees = await api.ListNamesAsync(api.ServicesPath, inGroup);
        Assert.Equal(new[] { Name(groupService), Name(teamService) }.Order(), groupSees.Order());
        Assert.Equal([Name(teamService)], await api.ListNamesAsync(api.ServicesPath, inTeam));

        // Above: not found, for reading and for changing, as the portal does not show it.
        using (var up = await api.SendAsync(HttpMethod.Get, $"{api.ServicesPath}/{Id(tenantService)}", inGroup))
            await SandboxApi.ExpectProblemAsync(up, HttpStatusCode.NotFound, "service.not_found", $"'{Id(tenantService)}'", "in your group or below it");
        using (var sideways = await api.SendAsync(HttpMethod.Patch, $"{api.ServicesPath}/{Id(groupService)}", inTeam, new { description = "no" }))
            await SandboxApi.ExpectProblemAsync(sideways, HttpStatusCode.NotFound, "service.not_found", "in your team or below it");
        using (var delete = await api.SendAsync(HttpMethod.Delete, $"{api.ServicesPath}/{Id(groupService)}", inTeam))
            await SandboxApi.ExpectProblemAsync(delete, HttpStatusCode.NotFound, "service.not_found");
        // Below: the group teammate changes the team's service.
        using (var down = await api.SendAsync(HttpMethod.Patch, $"{api.ServicesPath}/{Id(teamService)}", inGroup, new { description = "from the group" }))
            await SandboxApi.ExpectJsonAsync(down, HttpStatusCode.OK);

        // Teammates: the group sees itself and its team; the team only itself; the tenant everyone.
        var groupTeammates = await api.ListNamesAsync(api.TeammatesPath(), inGroup, "email");
        Assert.Equal(new[] { groupEmail, teamEmail }.Order(), groupTeammates.Order());
        Assert.Equal([teamEmail], await api.ListNamesAsync(api.TeammatesPath(), inTeam, "email"));
        Assert.Contains("owner@sandbox.digitalchannels.test", await api.ListNamesAsync(api.TeammatesPath(), owner, "email"));

        // Inviting: into its own container by default, below it on request, never beside or above.
        var invitedByGroup = await api.InviteAsync(inGroup, TeammateApi.UniqueEmail("by-group"), "ReadOnly");
        Assert.Equal("Group", invitedByGroup.GetProperty("containerLevel").GetString());
        Assert.Equal(groupA, invitedByGroup.GetProperty("groupId").GetString());
        var intoTeam = await api.InviteAsync(inGroup, TeammateApi.UniqueEmail("into-team"), "ReadOnly", teamId: teamA1);
        Assert.Equal(teamA1, intoTeam.GetProperty("teamId").GetString());
        using (var beside = await api.SendAsync(HttpMethod.Post, api.TeammatesPath(), inGroup, new { email = TeammateApi.UniqueEmail("beside"), role = "ReadOnly", groupId = groupB }))
            await SandboxApi.ExpectProblemAsync(beside, HttpStatusCode.Forbidden, "container.out_of_reach",
                "A teammate in a group cannot act on group 'Group B", "never those above or beside it");
        using (var above = await api.SendAsync(HttpMethod.Post, api.TeammatesPath(), inTeam, new { email = TeammateApi.UniqueEmail("above"), role = "ReadOnly", groupId = groupA }))
            await SandboxApi.ExpectProblemAsync(above, HttpStatusCode.Forbidden, "container.out_of_reach", "A teammate in a team cannot act on group 'Group A");

        // Groups and teams: each sees its own.
        Assert.Single(await api.ListNamesAsync(api.GroupsPath(), inGroup));
        Assert.Single(await api.ListNamesAsync(api.TeamsPath(), inTeam));
        using (var otherGroup = await api.SendAsync(HttpMethod.Get, $"{api.GroupsPath()}/{groupB}", inGroup))
            await SandboxApi.ExpectProblemAsync(otherGroup, HttpStatusCode.NotFound, "group.not_found", groupB);
    }

    [Fact]
    public async Task Only_the_owner_manages_groups_and_a_group_in_use_cannot_be_deleted()
    {
        var owner = await api.OwnerTokenAsync();
        var full = await api.TokenForNewApplicationAsync("FullAccess", TeammateApi.ConnectScopes);
        using (var refused = await api.SendAsync(HttpMethod.Post, api.GroupsPath(), full, new { name = SandboxApi.UniqueName("Not mine") }))
            await SandboxApi.ExpectProblemAsync(refused, HttpStatusCode.Forbidden, "role.forbidden",
                "The role 'FullAccess' may not manage Groups and Teams (only the tenant Owner can).");

        var name = SandboxApi.UniqueName("Busy group");
        var group = await api.CreateGroupAsync(owner, name);
        using (var duplicate = await api.SendAsync(HttpMethod.Post, api.GroupsPath(), owner, new { name = name.ToUpperInvariant() }))
            await SandboxApi.ExpectProblemAsync(duplicate, HttpStatusCode.Conflict, "group.duplicate_name", $"'{name}'", group);
        var team = await api.CreateTeamAsync(owner, SandboxApi.UniqueName("Busy team"), group);
        await api.InviteAsync(owner, TeammateApi.UniqueEmail("member"), "ReadOnly", teamId: team);

        using (var busyGroup = await api.SendAsync(HttpMethod.Delete, $"{api.GroupsPath()}/{group}", owner))
            await SandboxApi.ExpectProblemAsync(busyGroup, HttpStatusCode.Conflict, "group.not_empty", "1 team(s), 1 teammate(s) and 0 service(s)");
        using (var busyTeam = await api.SendAsync(HttpMethod.Delete, $"{api.TeamsPath()}/{team}", owner))
            await SandboxApi.ExpectProblemAsync(busyTeam, HttpStatusCode.Conflict, "team.not_empty", "0 team(s), 1 teammate(s) and 0 service(s)");
        using (var noGroup = await api.SendAsync(HttpMethod.Post, api.TeamsPath(), owner, new { name = SandboxApi.UniqueName("Orphan"), groupId = Guid.NewGuid() }))
            await SandboxApi.ExpectProblemAsync(noGroup, HttpStatusCode.NotFound, "group.not_found");
    }

    [Fact]
    public async Task A_group_teammate_cannot_list_read_or_import_flows_of_a_tenant_level_service()
    {
        var owner = await api.OwnerTokenAsync();
        var group = await api.CreateGroupAsync(owner, SandboxApi.UniqueName("Flow group"));
        var email = TeammateApi.UniqueEmail("flow-group");
        await api.JoinedTeammateAsync(owner, email, "FullAccess", groupId: group);
        var inGroup = await api.TokenForTeammateAsync(email);
        var payload = new string('e', 512);

        var tenantServiceId = (await api.CreateServiceAsync(owner, SandboxApi.UniqueName("Tenant flows"))).GetProperty("id").GetString()!;
        var flowsPath = $"{api.ServicesPath}/{tenantServiceId}/flows";
        using var created = await api.SendAsync(HttpMethod.Post, flowsPath, owner, new { name = "Tenant chat", kind = "LiveChat" });
        var tenantFlowId = (await SandboxApi.ExpectJsonAsync(created, HttpStatusCode.Created)).GetProperty("id").GetString()!;

        // The same calls succeed on the group's own service, so the refusals below are about the container, not the calls.
        var groupServiceId = (await api.CreateServiceAsync(inGroup, SandboxApi.UniqueName("Group flows"))).GetProperty("id").GetString()!;
        using (var own = await api.SendAsync(HttpMethod.Post, $"{api.ServicesPath}/{groupServiceId}/flows/import", inGroup,
                   new { name = "Group chat", kind = "LiveChat", payload }))
            await SandboxApi.ExpectJsonAsync(own, HttpStatusCode.Created);
        Assert.Equal(["Group chat"], await api.ListNamesAsync($"{api.ServicesPath}/{groupServiceId}/flows", inGroup));

        // Above the group: the tenant's service does not exist for the teammate, nor do its flows, and nothing is imported into it.
        var attempts = new (HttpMethod Method, string Path, object? Body)[]
        {
            (HttpMethod.Get, flowsPath, null),
            (HttpMethod.Get, $"{flowsPath}/{tenantFlowId}", null),
            (HttpMethod.Post, flowsPath + "/import", new { name = "Tenant chat", kind = "LiveChat", payload }),
            (HttpMethod.Post, flowsPath + "/import", new { name = "Smuggled", kind = "LiveChat", payload }),
            (HttpMethod.Get, $"{api.ServicesPath}/{tenantServiceId}/rules", null),
        };
        foreach (var (method, path, body) in attempts)
        {
            using var response = await api.SendAsync(method, path, inGroup, body);
            await SandboxApi.ExpectProblemAsync(response, HttpStatusCode.NotFound, "service.not_found", $"'{tenantServiceId}'", "in your group or below it");
        }

        using var ownerView = await api.SendAsync(HttpMethod.Get, flowsPath, owner);
        var flows = (await SandboxApi.ExpectJsonAsync(ownerView, HttpStatusCode.OK)).GetProperty("data").EnumerateArray().ToList();
        var flow = Assert.Single(flows);
        Assert.Equal("Tenant chat", flow.GetProperty("name").GetString());
        Assert.Equal(1, flow.GetProperty("version").GetInt32());
    }

    public void Dispose() => api.Dispose();
}
