using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using DigitalChannels.Client.Commands;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace DigitalChannels.Client.Engage.Users
{
    /// <summary>An Engage user replicated from Contact Center: RoleType 'Administrative' or 'Customer Care', Status Active or Inactive.</summary>
    public sealed class EngageUser
    {
        public const string Administrative = "Administrative", CustomerCare = "Customer Care";

        [JsonProperty("id")] public string Id { get; set; }
        [JsonProperty("ciUserId")] public string CiUserId { get; set; }
        [JsonProperty("email")] public string Email { get; set; }
        [JsonProperty("name")] public string Name { get; set; }
        [JsonProperty("roleType")] public string RoleType { get; set; }
        [JsonProperty("status")] public string Status { get; set; }
        [JsonProperty("loggedIn")] public bool LoggedIn { get; set; }
        [JsonProperty("synchronizedTime")] public DateTimeOffset? SynchronizedTime { get; set; }

        public override string ToString() => $"{Name} <{Email}> ({RoleType}, {Status})";
    }

    /// <summary>What the user synchronization did.</summary>
    public sealed class EngageUserSynchronizationResult
    {
        [JsonProperty("added")] public int Added { get; set; }
        [JsonProperty("updated")] public int Updated { get; set; }
        [JsonProperty("deactivated")] public int Deactivated { get; set; }
        [JsonProperty("unchanged")] public int Unchanged { get; set; }

        public override string ToString() => $"{Added} added, {Updated} updated, {Deactivated} deactivated, {Unchanged} unchanged";
    }

    /// <summary>Engage → Admin → Users: the replicated Contact Center administrators and agents, and their synchronization.</summary>
    public sealed class EngageUsersClient
    {
        public const int MaxPageSize = 100;
        private readonly EngageClient _engage;

        internal EngageUsersClient(EngageClient engage) => _engage = engage;

        /// <summary>The users except the signed-in one (lab rule 12); each filter applies when given.</summary>
        public IAsyncEnumerable<EngageUser> ListAsync(string roleType = null, string status = null, string search = null, CancellationToken cancellationToken = default(CancellationToken))
        {
            var query = new List<KeyValuePair<string, string>>();
            if (!string.IsNullOrEmpty(roleType)) query.Add(new KeyValuePair<string, string>("roleType", roleType));
            if (!string.IsNullOrEmpty(status)) query.Add(new KeyValuePair<string, string>("status", status));
            if (!string.IsNullOrEmpty(search)) query.Add(new KeyValuePair<string, string>("search", search));
            return _engage.Http.StreamAsync<EngageUser>(_engage.Organization("users", "Listing the Engage users", EngagePortalPages.Users), query, MaxPageSize, cancellationToken);
        }

        public Task<EngageUserSynchronizationResult> SynchronizeAsync(CancellationToken cancellationToken) =>
            _engage.Http.SendAsync<EngageUserSynchronizationResult>(HttpMethod.Post,
                _engage.Organization("users/synchronize", "Synchronizing the Engage users", EngagePortalPages.Users), null, cancellationToken);

        /// <summary>Sandbox only: signs a user in or out of Engage (for tests and demos of the LoggedIn column).</summary>
        public Task<EngageUser> SetLoggedInAsync(string userId, bool loggedIn, CancellationToken cancellationToken) =>
            _engage.Http.SendAsync<EngageUser>(HttpMethod.Put,
                _engage.SandboxOrganization("engage/users/" + Uri.EscapeDataString(userId) + "/session", "Signing a user in to Engage", "none: a user signs in to Engage in the browser"),
                new JObject { ["loggedIn"] = loggedIn }.ToString(Formatting.None), cancellationToken);
    }

    /// <summary>What Get-EngageUser and Sync-EngageUser do.</summary>
    public static class EngageUserCommands
    {
        public const string Noun = "EngageUser";

        public static async Task GetAsync(ICommandHost host, DigitalChannelsConnection connection, string roleType, string status, string search)
        {
            await foreach (var user in connection.Engage.Users.ListAsync(roleType, status, search, host.CancellationToken))
                host.WriteObject(user);
        }

        /// <summary>Replicates Contact Center's administrators and premium agents into Engage (lab rule 22's second Synchronize Users).</summary>
        public static async Task SyncAsync(ICommandHost host, DigitalChannelsConnection connection)
        {
            connection.Engage.Organization("users/synchronize", "Synchronizing the Engage users", EngagePortalPages.Users);
            if (!host.ShouldProcess($"Engage users of organization {connection.OrganizationId}", "Synchronize with the Contact Center users")) return;
            var result = await connection.Engage.Users.SynchronizeAsync(host.CancellationToken);
            host.WriteVerbose($"Engage user synchronization: {result}.");
            host.WriteObject(result);
        }
    }
}
