using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DigitalChannels.Client.Commands;
using DigitalChannels.Client.Http;

namespace DigitalChannels.Client.ContactCenter
{
    /// <summary>
    /// Fills the display names of the objects a command writes (a team's SiteName, a user's TeamNames, …), so that the
    /// default views show names where the API gives ids. One instance per command: each kind of object is listed at
    /// most once (ids and names only), and only when an object refers to one, so a thousand users in three teams cost
    /// one request for the teams, never one per user. Names already known to the command (the ones it resolved from
    /// the command line) are used first; without lookups (New-/Set-, which must not add requests) a name it does not
    /// know stays empty and the view shows the id.
    /// </summary>
    public sealed class ContactCenterDisplayNames
    {
        private readonly ContactCenterClient _client;
        private readonly ContactCenterNames _known;
        private readonly bool _lookUp;
        private readonly Dictionary<ContactCenterResource, Dictionary<string, string>> _lists = new Dictionary<ContactCenterResource, Dictionary<string, string>>();

        /// <param name="client">The connection's Contact Center client.</param>
        /// <param name="known">The names the command resolved itself, if any.</param>
        /// <param name="lookUp">False: never ask the server, use only <paramref name="known"/>.</param>
        public ContactCenterDisplayNames(ContactCenterClient client, ContactCenterNames known = null, bool lookUp = true)
        {
            _client = client ?? throw new ArgumentNullException(nameof(client));
            _known = known;
            _lookUp = lookUp;
        }

        /// <summary>How many lists were read (for tests: at most one per kind of object, whatever the number of rows).</summary>
        public int Lookups { get; private set; }

        /// <summary>Fills the name properties of <paramref name="item"/>; an object of another type is left as it is.</summary>
        public async Task FillAsync(ICommandHost host, ContactCenterObject item)
        {
            var token = host.CancellationToken;
            switch (item)
            {
                case Site site:
                    site.MultimediaProfileName = await NameAsync(host, _client.MultimediaProfiles, site.MultimediaProfileId, token);
                    break;
                case Team team:
                    team.SiteName = await NameAsync(host, _client.Sites, team.SiteId, token);
                    team.MultimediaProfileName = await NameAsync(host, _client.MultimediaProfiles, team.MultiMediaProfileId, token);
                    break;
                case DesktopProfile profile:
                    profile.SiteName = await NameAsync(host, _client.Sites, profile.SiteId, token);
                    break;
                case ContactCenterUser user:
                    user.SiteName = await NameAsync(host, _client.Sites, user.SiteId, token);
                    if (user.TeamIds != null)
                    {
                        var teams = new List<string>();
                        foreach (var teamId in user.TeamIds) teams.Add(await NameAsync(host, _client.Teams, teamId, token) ?? teamId);
                        user.TeamNames = teams;
                    }
                    user.UserProfileName = await NameAsync(host, _client.UserProfiles, user.UserProfileId, token);
                    user.DesktopProfileName = await NameAsync(host, _client.DesktopProfiles, user.AgentProfileId, token);
                    user.MultimediaProfileName = await NameAsync(host, _client.MultimediaProfiles, user.MultimediaProfileId, token);
                    break;
            }
        }

        private async Task<string> NameAsync<T>(ICommandHost host, ContactCenterResourceClient<T> client, string id, CancellationToken token)
            where T : ContactCenterObject
        {
            if (string.IsNullOrEmpty(id)) return null;
            if (_known != null && _known.TryGetName(client.Resource, id, out var known)) return known;
            if (!_lookUp) return null;
            if (!_lists.TryGetValue(client.Resource, out var names))
            {
                Lookups++;
                try
                {
                    names = await client.NamesAsync(token);
                }
                catch (WebexApiException ex)
                {
                    // Names are a convenience: a caller who may read users but not sites still gets the users, with ids.
                    host.WriteVerbose($"The {client.Resource.DisplayName} names could not be read, so ids are shown: {ex.Message}");
                    names = new Dictionary<string, string>();
                }
                _lists[client.Resource] = names;
            }
            return names.TryGetValue(id, out var name) ? name : null;
        }
    }
}
