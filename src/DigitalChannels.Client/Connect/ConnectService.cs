using System;
using Newtonsoft.Json;

namespace DigitalChannels.Client.Connect
{
    /// <summary>A Webex Connect service: the container of flows (lab 12.2, "1. Services").</summary>
    public sealed class ConnectService
    {
        /// <summary>The Service ID of the portal's API tab.</summary>
        [JsonProperty("id")] public string Id { get; set; }
        [JsonProperty("organizationId")] public string OrganizationId { get; set; }
        [JsonProperty("name")] public string Name { get; set; }
        [JsonProperty("description")] public string Description { get; set; }

        /// <summary>Service Locking: a locked service refuses changes to itself and to its flows until unlocked.</summary>
        [JsonProperty("locked")] public bool Locked { get; set; }

        [JsonProperty("version")] public int Version { get; set; }
        [JsonProperty("createdTime")] public DateTimeOffset? CreatedTime { get; set; }
        [JsonProperty("lastUpdatedTime")] public DateTimeOffset? LastUpdatedTime { get; set; }

        /// <summary>The Service Secret of the API tab; filled only when asked for (-IncludeSecret).</summary>
        [JsonIgnore] public string ServiceSecret { get; set; }

        public override string ToString() => Name;
    }

    /// <summary>What Set-ConnectService changes; null means "leave as it is".</summary>
    public sealed class ConnectServiceChanges
    {
        public string Name { get; set; }
        public string Description { get; set; }
        public bool? Locked { get; set; }

        public bool IsEmpty => Name == null && Description == null && Locked == null;

        /// <summary>Words for ShouldProcess: "rename to 'X', lock".</summary>
        public string Describe()
        {
            var parts = new System.Collections.Generic.List<string>();
            if (Locked == false) parts.Add("unlock");
            if (Name != null) parts.Add($"rename to '{Name}'");
            if (Description != null) parts.Add("set the description");
            if (Locked == true) parts.Add("lock");
            return string.Join(", ", parts);
        }
    }

    internal sealed class ConnectServiceCredentials
    {
        [JsonProperty("serviceId")] public string ServiceId { get; set; }
        [JsonProperty("serviceSecret")] public string ServiceSecret { get; set; }
    }
}
