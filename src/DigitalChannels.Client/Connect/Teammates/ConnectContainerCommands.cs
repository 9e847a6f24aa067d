using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using DigitalChannels.Client.Commands;

namespace DigitalChannels.Client.Connect.Teammates
{
    /// <summary>What Get/New/Remove-ConnectGroup and Get/New/Remove-ConnectTeam do (Settings → Groups/Teams; Owner only for changes).</summary>
    public static class ConnectContainerCommands
    {
        public const string GroupNoun = "ConnectGroup";
        public const string TeamNoun = "ConnectTeam";

        public static async Task GetGroupAsync(ICommandHost host, DigitalChannelsConnection connection, string name)
        {
            var client = connection.ConnectTeammates;
            if (!string.IsNullOrEmpty(name) && !Wildcard.ContainsWildcard(name))
            {
                host.WriteObject(await new ConnectGroupIdentity(name).ResolveAsync(client, host.CancellationToken));
                return;
            }
            var pattern = string.IsNullOrEmpty(name) ? null : new Wildcard(name);
            await foreach (var group in client.ListGroupsAsync(host.CancellationToken))
                if (pattern == null || pattern.IsMatch(group.Name)) host.WriteObject(group);
        }

        public static async Task NewGroupAsync(ICommandHost host, DigitalChannelsConnection connection, string name)
        {
            if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("The group name is empty.", nameof(name));
            name = name.Trim();
            if (!host.ShouldProcess($"Connect group '{name}' in organization {connection.OrganizationId}", "Create")) return;
            var created = await connection.ConnectTeammates.CreateGroupAsync(name, host.CancellationToken);
            host.WriteVerbose($"Created Connect group '{created.Name}' (id {created.Id}).");
            host.WriteObject(created);
        }

        public static async Task RemoveGroupAsync(ICommandHost host, DigitalChannelsConnection connection, ConnectGroupIdentity identity)
        {
            if (identity == null) throw new ArgumentNullException(nameof(identity));
            var group = await identity.ResolveAsync(connection.ConnectTeammates, host.CancellationToken);
            if (!host.ShouldProcess($"Connect group '{group.Name}' (id {group.Id})", "Remove")) return;
            await connection.ConnectTeammates.DeleteGroupAsync(group.Id, host.CancellationToken);
            host.WriteVerbose($"Removed Connect group '{group.Name}' (id {group.Id}).");
        }

        public static async Task GetTeamAsync(ICommandHost host, DigitalChannelsConnection connection, string name, ConnectGroupIdentity group)
        {
            var client = connection.ConnectTeammates;
            var parent = group == null ? null : await ReferenceNotFoundException.Resolve(group.ResolveAsync(client, host.CancellationToken));
            // The groups' names for the view: the one given, or every group read once for the whole listing.
            Dictionary<string, string> groupNames = null;
            async Task WriteAsync(ConnectTeam team)
            {
                if (parent != null) team.GroupName = parent.Name;
                else if (team.GroupId != null)
                {
                    if (groupNames == null)
                    {
                        groupNames = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                        await foreach (var g in client.ListGroupsAsync(host.CancellationToken)) groupNames[g.Id] = g.Name;
                    }
                    team.GroupName = groupNames.TryGetValue(team.GroupId, out var groupName) ? groupName : null;
                }
                host.WriteObject(team);
            }

            if (!string.IsNullOrEmpty(name) && !Wildcard.ContainsWildcard(name))
            {
                var team = await new ConnectTeamIdentity(name).ResolveAsync(client, host.CancellationToken);
                if (parent != null && team.GroupId != parent.Id) throw new IdentityNotFoundException($"No Connect team is named '{name}' in group '{group}'.", name);
                await WriteAsync(team);
                return;
            }
            var pattern = string.IsNullOrEmpty(name) ? null : new Wildcard(name);
            await foreach (var team in client.ListTeamsAsync(parent?.Id, host.CancellationToken))
                if (pattern == null || pattern.IsMatch(team.Name)) await WriteAsync(team);
        }

        public static async Task NewTeamAsync(ICommandHost host, DigitalChannelsConnection connection, string name, ConnectGroupIdentity group)
        {
            if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("The team name is empty.", nameof(name));
            if (group == null) throw new ArgumentException("A team sits in a group: give -Group.", nameof(group));
            name = name.Trim();
            var parent = await ReferenceNotFoundException.Resolve(group.ResolveAsync(connection.ConnectTeammates, host.CancellationToken));
            if (!host.ShouldProcess($"Connect team '{name}' in group '{parent.Name}'", "Create")) return;
            var created = await connection.ConnectTeammates.CreateTeamAsync(name, parent.Id, host.CancellationToken);
            host.WriteVerbose($"Created Connect team '{created.Name}' (id {created.Id}) in group '{parent.Name}'.");
            created.GroupName = parent.Name;
            host.WriteObject(created);
        }

        public static async Task RemoveTeamAsync(ICommandHost host, DigitalChannelsConnection connection, ConnectTeamIdentity identity)
        {
            if (identity == null) throw new ArgumentNullException(nameof(identity));
            var team = await identity.ResolveAsync(connection.ConnectTeammates, host.CancellationToken);
            if (!host.ShouldProcess($"Connect team '{team.Name}' (id {team.Id})", "Remove")) return;
            await connection.ConnectTeammates.DeleteTeamAsync(team.Id, host.CancellationToken);
            host.WriteVerbose($"Removed Connect team '{team.Name}' (id {team.Id}).");
        }
    }
}
