using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using DigitalChannels.Client.Http;
using Newtonsoft.Json.Linq;

namespace DigitalChannels.Client.Connect.Teammates
{
    /// <summary>
    /// Teammates, Decrypt Logs, Groups and Teams over the sandbox's Connect administration API. Webex offers no public
    /// API for them, so against a live tenant every call stops naming the portal page (Settings → Teammates, Groups/Teams).
    /// </summary>
    public sealed class ConnectTeammatesClient
    {
        public const int MaxPageSize = 100;
        public const string PortalTeammates = "Webex Connect → Settings → Teammates";
        public const string PortalGroupsTeams = "Webex Connect → Settings → Groups/Teams";

        private readonly DigitalChannelsConnection _connection;

        internal ConnectTeammatesClient(DigitalChannelsConnection connection)
        {
            _connection = connection;
        }

        private WebexHttpPipeline Http => _connection.Pipeline;

        private Uri Connect(string relative, string operation, string portalPage) =>
            new Uri(_connection.RequireConnectAdministration(operation, portalPage),
                $"organization/{Uri.EscapeDataString(_connection.OrganizationId)}/{relative}");

        private static string Escape(string id) => Uri.EscapeDataString(id);

        // Teammates

        public IAsyncEnumerable<ConnectTeammate> ListAsync(CancellationToken cancellationToken = default(CancellationToken)) =>
            Http.StreamAsync<ConnectTeammate>(Connect("teammates", "Listing Connect teammates", PortalTeammates), null, MaxPageSize, cancellationToken);

        public async Task<ConnectTeammate> GetAsync(string id, CancellationToken cancellationToken)
        {
            try
            {
                return await Http.SendAsync<ConnectTeammate>(HttpMethod.Get, Connect("teammates/" + Escape(id), "Reading a Connect teammate", PortalTeammates), null, cancellationToken);
            }
            catch (WebexApiException ex) when (ex.StatusCode == 404)
            {
                return null;
            }
        }

        /// <summary>The teammate with this email (ignoring case), or null.</summary>
        public async Task<ConnectTeammate> FindByEmailAsync(string email, CancellationToken cancellationToken)
        {
            var uri = Connect("teammates", "Finding a Connect teammate", PortalTeammates);
            var page = await Http.GetPageAsync<ConnectTeammate>(uri, new[] { new KeyValuePair<string, string>("email", email) }, 0, MaxPageSize, cancellationToken);
            return page?.Data?.FirstOrDefault(t => string.Equals(t.Email, email, StringComparison.OrdinalIgnoreCase));
        }

        /// <summary>Invites a teammate: the server sends the join link (valid 24 hours) and the teammate stays Invited until it is used.</summary>
        public Task<ConnectTeammate> InviteAsync(string email, ConnectTeammateRole role, string groupId, string teamId, CancellationToken cancellationToken)
        {
            var body = new JObject { ["email"] = email, ["role"] = role.ToString() };
            if (groupId != null) body["groupId"] = groupId;
            if (teamId != null) body["teamId"] = teamId;
            return Http.SendAsync<ConnectTeammate>(HttpMethod.Post, Connect("teammates", "Inviting a Connect teammate", PortalTeammates + " > Invite user"),
                body.ToString(Newtonsoft.Json.Formatting.None), cancellationToken);
        }

        /// <summary>A new join link for a teammate who has not joined; the older links stop working.</summary>
        public Task<ConnectTeammate> ResendInvitationAsync(string id, CancellationToken cancellationToken) =>
            Http.SendAsync<ConnectTeammate>(HttpMethod.Post, Connect("teammates/" + Escape(id) + "/invitation", "Sending a new invitation", PortalTeammates), null, cancellationToken);

        public Task<ConnectTeammate> SetRoleAsync(string id, ConnectTeammateRole role, CancellationToken cancellationToken) =>
            Http.SendAsync<ConnectTeammate>(new HttpMethod("PATCH"), Connect("teammates/" + Escape(id), "Changing a Connect teammate's role", PortalTeammates + " > Edit"),
                new JObject { ["role"] = role.ToString() }.ToString(Newtonsoft.Json.Formatting.None), cancellationToken);

        public Task RemoveAsync(string id, CancellationToken cancellationToken) =>
            Http.SendAsync(HttpMethod.Delete, Connect("teammates/" + Escape(id), "Removing a Connect teammate", PortalTeammates + " > Delete"), null, cancellationToken);

        /// <summary>Ticks (grant) or clears Decrypt Logs; only the Owner may, and the server says so to anyone else.</summary>
        public Task<ConnectTeammate> SetDecryptLogsAsync(string id, bool grant, CancellationToken cancellationToken) =>
            Http.SendAsync<ConnectTeammate>(grant ? HttpMethod.Put : HttpMethod.Delete,
                Connect("teammates/" + Escape(id) + "/decrypt-logs", grant ? "Granting Decrypt Logs" : "Revoking Decrypt Logs", PortalTeammates + " > Edit > Decrypt Logs"),
                null, cancellationToken);

        /// <summary>
        /// The invitee's "JOIN THE TEAM" step: sets name and password with the token of the join link. A sandbox-only
        /// route; the password is registered with the redactor, so that it never reaches a log or an error message.
        /// </summary>
        public Task<ConnectTeammate> AcceptInvitationAsync(string token, string name, string password, CancellationToken cancellationToken)
        {
            var sandbox = _connection.RequireSandbox("Accepting a Connect invitation", "the JOIN THE TEAM link in the invitation mail");
            Http.Redactor.Add(token);
            Http.Redactor.Add(password);
            var uri = new Uri(sandbox, "sandbox/v1/teammate-invitations/" + Escape(token) + "/accept");
            var body = new JObject { ["name"] = name, ["password"] = password }.ToString(Newtonsoft.Json.Formatting.None);
            return Http.SendAsync<ConnectTeammate>(HttpMethod.Post, uri, body, cancellationToken);
        }

        // Groups

        public IAsyncEnumerable<ConnectGroup> ListGroupsAsync(CancellationToken cancellationToken = default(CancellationToken)) =>
            Http.StreamAsync<ConnectGroup>(Connect("groups", "Listing Connect groups", PortalGroupsTeams), null, MaxPageSize, cancellationToken);

        public async Task<ConnectGroup> GetGroupAsync(string id, CancellationToken cancellationToken)
        {
            try
            {
                return await Http.SendAsync<ConnectGroup>(HttpMethod.Get, Connect("groups/" + Escape(id), "Reading a Connect group", PortalGroupsTeams), null, cancellationToken);
            }
            catch (WebexApiException ex) when (ex.StatusCode == 404)
            {
                return null;
            }
        }

        public async Task<ConnectGroup> FindGroupByNameAsync(string name, CancellationToken cancellationToken)
        {
            await foreach (var group in ListGroupsAsync(cancellationToken))
                if (string.Equals(group.Name, name, StringComparison.OrdinalIgnoreCase)) return group;
            return null;
        }

        public Task<ConnectGroup> CreateGroupAsync(string name, CancellationToken cancellationToken) =>
            Http.SendAsync<ConnectGroup>(HttpMethod.Post, Connect("groups", "Creating a Connect group", PortalGroupsTeams + " > Add group"), new { name }, cancellationToken);

        public Task DeleteGroupAsync(string id, CancellationToken cancellationToken) =>
            Http.SendAsync(HttpMethod.Delete, Connect("groups/" + Escape(id), "Deleting a Connect group", PortalGroupsTeams), null, cancellationToken);

        // Teams

        public IAsyncEnumerable<ConnectTeam> ListTeamsAsync(string groupId = null, CancellationToken cancellationToken = default(CancellationToken))
        {
            var query = groupId == null ? null : new[] { new KeyValuePair<string, string>("groupId", groupId) };
            return Http.StreamAsync<ConnectTeam>(Connect("teams", "Listing Connect teams", PortalGroupsTeams), query, MaxPageSize, cancellationToken);
        }

        public async Task<ConnectTeam> GetTeamAsync(string id, CancellationToken cancellationToken)
        {
            try
            {
                return await Http.SendAsync<ConnectTeam>(HttpMethod.Get, Connect("teams/" + Escape(id), "Reading a Connect team", PortalGroupsTeams), null, cancellationToken);
            }
            catch (WebexApiException ex) when (ex.StatusCode == 404)
            {
                return null;
            }
        }

        public async Task<ConnectTeam> FindTeamByNameAsync(string name, CancellationToken cancellationToken)
        {
            await foreach (var team in ListTeamsAsync(null, cancellationToken))
                if (string.Equals(team.Name, name, StringComparison.OrdinalIgnoreCase)) return team;
            return null;
        }

        public Task<ConnectTeam> CreateTeamAsync(string name, string groupId, CancellationToken cancellationToken) =>
            Http.SendAsync<ConnectTeam>(HttpMethod.Post, Connect("teams", "Creating a Connect team", PortalGroupsTeams + " > Add team"), new { name, groupId }, cancellationToken);

        public Task DeleteTeamAsync(string id, CancellationToken cancellationToken) =>
            Http.SendAsync(HttpMethod.Delete, Connect("teams/" + Escape(id), "Deleting a Connect team", PortalGroupsTeams), null, cancellationToken);
    }
}
