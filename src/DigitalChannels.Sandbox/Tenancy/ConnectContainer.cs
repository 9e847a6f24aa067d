namespace DigitalChannels.Sandbox.Tenancy;

/// <summary>
/// Where a teammate or a piece of configuration lives (lab rule 31): the tenant, a group, or a team inside a group.
/// Everything in a team also carries its group's id, so "a group and its teams" is one equality on <see cref="GroupId"/>.
/// A caller sees and changes only its own container and those below it, never those above.
/// </summary>
public sealed record ConnectContainer(string? GroupId, string? TeamId)
{
    public static ConnectContainer Tenant { get; } = new(null, null);

    public static ConnectContainer Group(string groupId) => new(groupId, null);

    public static ConnectContainer Team(string groupId, string teamId) => new(groupId, teamId);

    /// <summary>"Tenant", "Group" or "Team".</summary>
    public string Level => TeamId is not null ? "Team" : GroupId is not null ? "Group" : "Tenant";

    /// <summary>True when <paramref name="other"/> is this container or below it.</summary>
    public bool Contains(ConnectContainer other) =>
        TeamId is not null ? other.TeamId == TeamId
        : GroupId is not null ? other.GroupId == GroupId
        : true;

    /// <summary>
    /// The SQL condition (over columns group_id and team_id) that keeps the rows this container may see, and its
    /// parameters. The tenant sees everything.
    /// </summary>
    public (string Clause, (string Name, object? Value)[] Parameters) VisibilityFilter() =>
        TeamId is not null ? ("team_id = $visibleTeam", [("$visibleTeam", TeamId)])
        : GroupId is not null ? ("group_id = $visibleGroup", [("$visibleGroup", GroupId)])
        : ("1 = 1", []);
}
