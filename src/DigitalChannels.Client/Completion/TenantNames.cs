using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DigitalChannels.Client.Connect;
using DigitalChannels.Client.Connect.Teammates;
using DigitalChannels.Client.ContactCenter;

namespace DigitalChannels.Client.Completion
{
    /// <summary>
    /// The names of a tenant's objects of one kind, as a user types them (the name, or the email of a teammate or user):
    /// what argument completion offers. One listing call per kind; sorted, without duplicates.
    /// </summary>
    public static class TenantNames
    {
        /// <summary>At most this many names per kind: completion is for choosing, not for exporting.</summary>
        public const int MaxNames = 500;

        /// <summary>The names of one kind. The scope narrows: for flows, a service (name, id or wildcard pattern); for Connect teams, a group; null for all.</summary>
        public static async Task<IReadOnlyList<string>> ListAsync(DigitalChannelsConnection connection, TenantObjectKind kind, string scope, CancellationToken cancellationToken)
        {
            if (connection == null) throw new ArgumentNullException(nameof(connection));
            var names = new List<string>();
            switch (kind)
            {
                case TenantObjectKind.ConnectService:
                    await AddAsync(names, connection.ConnectServices.ListAsync(null, ConnectServicesClient.MaxPageSize, cancellationToken), s => s.Name);
                    break;
                case TenantObjectKind.ConnectFlow:
                    var services = string.IsNullOrWhiteSpace(scope)
                        ? await ToListAsync(connection.ConnectServices.ListAsync(null, ConnectServicesClient.MaxPageSize, cancellationToken))
                        : await new ConnectServiceIdentity(scope).ResolveAllAsync(connection.ConnectServices, cancellationToken);
                    foreach (var service in services)
                    {
                        await AddAsync(names, connection.ConnectFlows.ListAsync(service.Id, null, cancellationToken), f => f.Name);
                        if (names.Count >= MaxNames) break;
                    }
                    break;
                case TenantObjectKind.ConnectTeammate:
                    await AddAsync(names, connection.ConnectTeammates.ListAsync(cancellationToken), t => t.Email);
                    break;
                case TenantObjectKind.ConnectGroup:
                    await AddAsync(names, connection.ConnectTeammates.ListGroupsAsync(cancellationToken), g => g.Name);
                    break;
                case TenantObjectKind.ConnectTeam:
                    var groupId = string.IsNullOrWhiteSpace(scope)
                        ? null
                        : (await new ConnectGroupIdentity(scope).ResolveAsync(connection.ConnectTeammates, cancellationToken)).Id;
                    await AddAsync(names, connection.ConnectTeammates.ListTeamsAsync(groupId, cancellationToken), t => t.Name);
                    break;
                case TenantObjectKind.WxccSite:
                    await AddAsync(names, connection.ContactCenter.Sites, cancellationToken);
                    break;
                case TenantObjectKind.WxccTeam:
                    await AddAsync(names, connection.ContactCenter.Teams, cancellationToken);
                    break;
                case TenantObjectKind.WxccMultimediaProfile:
                    await AddAsync(names, connection.ContactCenter.MultimediaProfiles, cancellationToken);
                    break;
                case TenantObjectKind.WxccDesktopProfile:
                    await AddAsync(names, connection.ContactCenter.DesktopProfiles, cancellationToken);
                    break;
                case TenantObjectKind.WxccUser:
                    await AddAsync(names, connection.ContactCenter.Users, cancellationToken);
                    break;
                case TenantObjectKind.ConnectTemplate:
                    await AddAsync(names, connection.ConnectTemplates.ListAsync(null, null, cancellationToken), t => t.Name);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(kind), kind, $"'{kind}' is not a kind of tenant object.");
            }
            return names.Where(n => !string.IsNullOrWhiteSpace(n)).Distinct(StringComparer.OrdinalIgnoreCase)
                .OrderBy(n => n, StringComparer.OrdinalIgnoreCase).ToList();
        }

        private static Task AddAsync<T>(List<string> names, ContactCenterResourceClient<T> client, CancellationToken cancellationToken) where T : ContactCenterObject =>
            AddAsync(names, client.ListAsync(null, ContactCenterResourceClient<T>.DefaultPageSize, cancellationToken), ContactCenterResourceClient<T>.NameOf);

        private static async Task AddAsync<T>(List<string> names, IAsyncEnumerable<T> items, Func<T, string> nameOf)
        {
            var enumerator = items.GetAsyncEnumerator();
            try
            {
                while (names.Count < MaxNames && await enumerator.MoveNextAsync().ConfigureAwait(false)) names.Add(nameOf(enumerator.Current));
            }
            finally
            {
                await enumerator.DisposeAsync().ConfigureAwait(false);
            }
        }

        private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
        {
            var list = new List<T>();
            await foreach (var item in items.ConfigureAwait(false)) list.Add(item);
            return list;
        }
    }
}
