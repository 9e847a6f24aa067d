using System;
using System.Net;
using System.Security;
using System.Threading.Tasks;
using DigitalChannels.Client.Commands;

namespace DigitalChannels.Client.Connect.Teammates
{
    /// <summary>
    /// What the teammate cmdlets do (lab 12.4): Get/New/Set/Remove-ConnectTeammate, Grant/Revoke-DecryptLogs and
    /// Complete-ConnectTeammateInvitation. The cmdlets bind parameters and call these; the sandbox enforces the rules.
    /// </summary>
    public static class ConnectTeammateCommands
    {
        public const string Noun = "ConnectTeammate";
        public const string DecryptLogsNoun = "DecryptLogs";
        public const string InvitationNoun = "ConnectTeammateInvitation";

        /// <summary>By id; by email, where wildcards filter and a plain email that matches nothing is an error; or all.</summary>
        public static async Task GetAsync(ICommandHost host, DigitalChannelsConnection connection, string id, string email)
        {
            var teammates = connection.ConnectTeammates;
            if (!string.IsNullOrWhiteSpace(id))
            {
                host.WriteObject(await new ConnectTeammateIdentity(id).ResolveAsync(teammates, host.CancellationToken));
                return;
            }
            if (!string.IsNullOrEmpty(email) && !Wildcard.ContainsWildcard(email))
            {
                host.WriteObject(await new ConnectTeammateIdentity(email).ResolveAsync(teammates, host.CancellationToken));
                return;
            }
            var pattern = string.IsNullOrEmpty(email) ? null : new Wildcard(email);
            await foreach (var teammate in teammates.ListAsync(host.CancellationToken))
            {
                if (pattern == null || pattern.IsMatch(teammate.Email)) host.WriteObject(teammate);
            }
        }

        /// <summary>Invites a teammate into the caller's container, or into <paramref name="group"/> or <paramref name="team"/>.</summary>
        public static async Task NewAsync(ICommandHost host, DigitalChannelsConnection connection, string email, ConnectTeammateRole role,
            ConnectGroupIdentity group, ConnectTeamIdentity team)
        {
            if (string.IsNullOrWhiteSpace(email)) throw new ArgumentException("The teammate's email is empty.", nameof(email));
            if (group != null && team != null) throw new ArgumentException("Give -Group or -Team, not both: a team already names its group.", nameof(team));
            email = email.Trim();
            var client = connection.ConnectTeammates;
            string groupId = null, teamId = null, where = "your own container";
            if (team != null)
            {
                var resolved = await ReferenceNotFoundException.Resolve(team.ResolveAsync(client, host.CancellationToken));
                (teamId, where) = (resolved.Id, $"team '{resolved.Name}'");
            }
            else if (group != null)
            {
                var resolved = await ReferenceNotFoundException.Resolve(group.ResolveAsync(client, host.CancellationToken));
                (groupId, where) = (resolved.Id, $"group '{resolved.Name}'");
            }
            if (!host.ShouldProcess($"Connect teammate '{email}' with the role {role} in {where}", "Invite")) return;
            var invited = await client.InviteAsync(email, role, groupId, teamId, host.CancellationToken);
            host.WriteVerbose($"Invited '{invited.Email}' (id {invited.Id}); the join link is valid until {invited.InvitationExpiresTime:u}.");
            host.WriteObject(invited);
        }

        public static async Task SetAsync(ICommandHost host, DigitalChannelsConnection connection, ConnectTeammateIdentity identity, ConnectTeammateRole role, bool passThru)
        {
            if (identity == null) throw new ArgumentNullException(nameof(identity));
            var teammate = await identity.ResolveAsync(connection.ConnectTeammates, host.CancellationToken);
            if (!host.ShouldProcess($"Connect teammate '{teammate.Email}' (id {teammate.Id})", $"Change the role from {teammate.Role} to {role}")) return;
            var updated = await connection.ConnectTeammates.SetRoleAsync(teammate.Id, role, host.CancellationToken);
            host.WriteVerbose($"'{updated.Email}' now has the role {updated.Role}.");
            if (passThru) host.WriteObject(updated);
        }

        public static async Task RemoveAsync(ICommandHost host, DigitalChannelsConnection connection, ConnectTeammateIdentity identity)
        {
            if (identity == null) throw new ArgumentNullException(nameof(identity));
            var teammate = await identity.ResolveAsync(connection.ConnectTeammates, host.CancellationToken);
            if (!host.ShouldProcess($"Connect teammate '{teammate.Email}' (id {teammate.Id})", "Remove")) return;
            await connection.ConnectTeammates.RemoveAsync(teammate.Id, host.CancellationToken);
            host.WriteVerbose($"Removed Connect teammate '{teammate.Email}' (id {teammate.Id}).");
        }

        /// <summary>Grant-DecryptLogs (<paramref name="grant"/> true) and Revoke-DecryptLogs: only the Owner may.</summary>
        public static async Task SetDecryptLogsAsync(ICommandHost host, DigitalChannelsConnection connection, ConnectTeammateIdentity identity, bool grant, bool passThru)
        {
            if (identity == null) throw new ArgumentNullException(nameof(identity));
            var teammate = await identity.ResolveAsync(connection.ConnectTeammates, host.CancellationToken);
            if (!host.ShouldProcess($"Connect teammate '{teammate.Email}' (id {teammate.Id})", grant ? "Grant Decrypt Logs" : "Revoke Decrypt Logs")) return;
            var updated = await connection.ConnectTeammates.SetDecryptLogsAsync(teammate.Id, grant, host.CancellationToken);
            host.WriteVerbose($"Decrypt Logs is now {(updated.DecryptLogs ? "granted to" : "revoked from")} '{updated.Email}'.");
            if (passThru) host.WriteObject(updated);
        }

        /// <summary>
        /// The invitee's "JOIN THE TEAM" (sandbox only): <paramref name="linkOrToken"/> is the mail's link or its token.
        /// The password goes from SecureString to the request body only, and the redactor hides it everywhere else.
        /// </summary>
        public static async Task CompleteInvitationAsync(ICommandHost host, DigitalChannelsConnection connection, string linkOrToken, string name, SecureString password)
        {
            if (string.IsNullOrWhiteSpace(linkOrToken)) throw new ArgumentException("The invitation link is empty.", nameof(linkOrToken));
            if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("The name is empty.", nameof(name));
            if (password == null || password.Length == 0) throw new ArgumentException("The password is empty.", nameof(password));
            var token = TokenOf(linkOrToken);
            if (!host.ShouldProcess($"Connect teammate invitation in organization {connection.OrganizationId}", $"Join the team as '{name.Trim()}'")) return;
            var plain = new NetworkCredential(string.Empty, password).Password;
            var joined = await connection.ConnectTeammates.AcceptInvitationAsync(token, name.Trim(), plain, host.CancellationToken);
            host.WriteVerbose($"'{joined.Email}' joined the team with the role {joined.Role}.");
            host.WriteObject(joined);
        }

        /// <summary>The token of a join link (its last path segment), or the text itself when it is not a URL.</summary>
        public static string TokenOf(string linkOrToken)
        {
            var text = linkOrToken.Trim();
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)) return text;
            var segments = uri.AbsolutePath.TrimEnd('/').Split('/');
            if (segments.Length < 2 || segments[segments.Length - 2] != "teammate-invitations")
                throw new ArgumentException($"'{uri.GetLeftPart(UriPartial.Path).Replace(segments[segments.Length - 1], "…")}' is not a teammate invitation link (…/teammate-invitations/<token>).", nameof(linkOrToken));
            return Uri.UnescapeDataString(segments[segments.Length - 1]);
        }
    }
}
