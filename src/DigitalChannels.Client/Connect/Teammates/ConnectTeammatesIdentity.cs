using System;
using System.Threading;
using System.Threading.Tasks;
using DigitalChannels.Client.Commands;

namespace DigitalChannels.Client.Connect.Teammates
{
    /// <summary>Names one teammate by object, id or email, so that <c>Get-ConnectTeammate | Grant-DecryptLogs</c> and <c>Grant-DecryptLogs ada@example.com</c> both work.</summary>
    public sealed class ConnectTeammateIdentity
    {
        public ConnectTeammateIdentity(ConnectTeammate teammate)
        {
            Teammate = teammate ?? throw new ArgumentNullException(nameof(teammate));
            Id = teammate.Id;
        }

        public ConnectTeammateIdentity(string idOrEmail)
        {
            if (string.IsNullOrWhiteSpace(idOrEmail)) throw new ArgumentException("A Connect teammate id or email is empty.", nameof(idOrEmail));
            var text = idOrEmail.Trim();
            if (Guid.TryParse(text, out _)) Id = text.ToLowerInvariant();
            else Email = text;
        }

        public ConnectTeammate Teammate { get; }
        public string Id { get; }
        public string Email { get; }

        /// <summary>The teammate as it is now.</summary>
        public async Task<ConnectTeammate> ResolveAsync(ConnectTeammatesClient teammates, CancellationToken cancellationToken)
        {
            if (Id != null)
                return await teammates.GetAsync(Id, cancellationToken) ?? throw new IdentityNotFoundException($"No Connect teammate has the id '{Id}'.", this);
            if (WildcardLookup.IsPattern(Email))
                return await WildcardLookup.SingleAsync(teammates.ListAsync(cancellationToken), Email, t => t.Email, "Connect teammate", this, cancellationToken);
            return await teammates.FindByEmailAsync(Email, cancellationToken) ?? throw new IdentityNotFoundException($"No Connect teammate has the email '{Email}'.", this);
        }

        public override string ToString() => Teammate?.Email ?? Email ?? Id;
    }

    /// <summary>Names one group by object, id or exact name.</summary>
    public sealed class ConnectGroupIdentity
    {
        public ConnectGroupIdentity(ConnectGroup group)
        {
            Group = group ?? throw new ArgumentNullException(nameof(group));
            Id = group.Id;
        }

        public ConnectGroupIdentity(string idOrName)
        {
            if (string.IsNullOrWhiteSpace(idOrName)) throw new ArgumentException("A Connect group id or name is empty.", nameof(idOrName));
            var text = idOrName.Trim();
            if (Guid.TryParse(text, out _)) Id = text.ToLowerInvariant();
            else Name = text;
        }

        public ConnectGroup Group { get; }
        public string Id { get; }
        public string Name { get; }

        public async Task<ConnectGroup> ResolveAsync(ConnectTeammatesClient client, CancellationToken cancellationToken)
        {
            if (Id != null)
                return await client.GetGroupAsync(Id, cancellationToken) ?? throw new IdentityNotFoundException($"No Connect group has the id '{Id}'.", this);
            if (WildcardLookup.IsPattern(Name))
                return await WildcardLookup.SingleAsync(client.ListGroupsAsync(cancellationToken), Name, g => g.Name, "Connect group", this, cancellationToken);
            return await client.FindGroupByNameAsync(Name, cancellationToken) ?? throw new IdentityNotFoundException($"No Connect group is named '{Name}'.", this);
        }

        public override string ToString() => Group?.Name ?? Name ?? Id;
    }

    /// <summary>Names one team by object, id or exact name (team names are unique in a tenant).</summary>
    public sealed class ConnectTeamIdentity
    {
        public ConnectTeamIdentity(ConnectTeam team)
        {
            Team = team ?? throw new ArgumentNullException(nameof(team));
            Id = team.Id;
        }

        public ConnectTeamIdentity(string idOrName)
        {
            if (string.IsNullOrWhiteSpace(idOrName)) throw new ArgumentException("A Connect team id or name is empty.", nameof(idOrName));
            var text = idOrName.Trim();
            if (Guid.TryParse(text, out _)) Id = text.ToLowerInvariant();
            else Name = text;
        }

        public ConnectTeam Team { get; }
        public string Id { get; }
        public string Name { get; }

        public async Task<ConnectTeam> ResolveAsync(ConnectTeammatesClient client, CancellationToken cancellationToken)
        {
            if (Id != null)
                return await client.GetTeamAsync(Id, cancellationToken) ?? throw new IdentityNotFoundException($"No Connect team has the id '{Id}'.", this);
            if (WildcardLookup.IsPattern(Name))
                return await WildcardLookup.SingleAsync(client.ListTeamsAsync(null, cancellationToken), Name, t => t.Name, "Connect team", this, cancellationToken);
            return await client.FindTeamByNameAsync(Name, cancellationToken) ?? throw new IdentityNotFoundException($"No Connect team is named '{Name}'.", this);
        }

        public override string ToString() => Team?.Name ?? Name ?? Id;
    }
}
