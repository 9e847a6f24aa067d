using System;
using System.Collections.Generic;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace DigitalChannels.Client.Connect.Teammates
{
    /// <summary>The Connect roles of Settings → Teammates (platform facts §3.3).</summary>
    [JsonConverter(typeof(StringEnumConverter))]
    public enum ConnectTeammateRole
    {
        Owner,
        FullAccess,
        LimitedAccess,
        ReadOnly,
        Restricted,
    }

    /// <summary>The roles an invitation or an edit may give: every role but the Owner's (one per tenant, never self-service).</summary>
    public static class ConnectTeammateRoles
    {
        public static readonly IReadOnlyList<ConnectTeammateRole> Settable = new[]
        {
            ConnectTeammateRole.FullAccess, ConnectTeammateRole.LimitedAccess, ConnectTeammateRole.ReadOnly, ConnectTeammateRole.Restricted,
        };
    }

    /// <summary>A Webex Connect teammate (a local Connect user), as Settings → Teammates lists it.</summary>
    public sealed class ConnectTeammate
    {
        [JsonProperty("id")] public string Id { get; set; }
        [JsonProperty("organizationId")] public string OrganizationId { get; set; }
        [JsonProperty("email")] public string Email { get; set; }

        /// <summary>Set by the teammate when joining; empty while invited.</summary>
        [JsonProperty("name")] public string Name { get; set; }

        [JsonProperty("role")] public ConnectTeammateRole Role { get; set; }

        /// <summary>Active, Invited, or InvitationExpired (the join link is older than 24 hours).</summary>
        [JsonProperty("status")] public string Status { get; set; }

        /// <summary>The Owner-granted Decrypt Logs permission; independent of the role.</summary>
        [JsonProperty("decryptLogs")] public bool DecryptLogs { get; set; }

        /// <summary>Tenant, Group or Team: where the teammate sits, and so what it sees.</summary>
        [JsonProperty("containerLevel")] public string ContainerLevel { get; set; }

        [JsonProperty("groupId")] public string GroupId { get; set; }
        [JsonProperty("teamId")] public string TeamId { get; set; }

        /// <summary>Until when the join link works, while the teammate is invited.</summary>
        [JsonProperty("invitationExpiresTime")] public DateTimeOffset? InvitationExpiresTime { get; set; }

        [JsonProperty("createdTime")] public DateTimeOffset? CreatedTime { get; set; }

        public override string ToString() => Email;
    }

    /// <summary>A Connect group (Settings → Groups/Teams): holds teammates and teams.</summary>
    public sealed class ConnectGroup
    {
        [JsonProperty("id")] public string Id { get; set; }
        [JsonProperty("organizationId")] public string OrganizationId { get; set; }
        [JsonProperty("name")] public string Name { get; set; }
        [JsonProperty("createdTime")] public DateTimeOffset? CreatedTime { get; set; }

        public override string ToString() => Name;
    }

    /// <summary>A Connect team inside a group (not a Contact Center team, which is a WxccTeam).</summary>
    public sealed class ConnectTeam
    {
        [JsonProperty("id")] public string Id { get; set; }
        [JsonProperty("organizationId")] public string OrganizationId { get; set; }
        [JsonProperty("groupId")] public string GroupId { get; set; }
        [JsonProperty("name")] public string Name { get; set; }
        [JsonProperty("createdTime")] public DateTimeOffset? CreatedTime { get; set; }

        /// <summary>The group's name, filled by the commands that write teams (never sent).</summary>
        [JsonIgnore] public string GroupName { get; set; }

        public override string ToString() => Name;
    }
}
