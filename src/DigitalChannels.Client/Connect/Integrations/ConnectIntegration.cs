using System;
using System.Collections.Generic;
using Newtonsoft.Json;

namespace DigitalChannels.Client.Connect.Integrations
{
    /// <summary>
    /// A pre-built integration (Assets > Integrations): Webex CC Task or Webex CC Engage. <see cref="Status"/> is
    /// AuthorizationPending until a node authorization is added, then Authorized (lab rule 34).
    /// </summary>
    public sealed class ConnectIntegration
    {
        public const string AuthorizedStatus = "Authorized";
        public const string PendingStatus = "AuthorizationPending";

        [JsonProperty("id")] public string Id { get; set; }

        /// <summary>WebexCCTask or WebexCCEngage.</summary>
        [JsonProperty("kind")] public string Kind { get; set; }

        [JsonProperty("name")] public string Name { get; set; }

        /// <summary>The authorization row the lab adds to: "WxCC Authorisation" or "WxCC Engage Authorisation".</summary>
        [JsonProperty("authorizationLabel")] public string AuthorizationLabel { get; set; }

        [JsonProperty("status")] public string Status { get; set; }
        [JsonProperty("authorizations")] public List<ConnectNodeAuthorization> Authorizations { get; set; } = new List<ConnectNodeAuthorization>();
        [JsonProperty("createdTime")] public DateTimeOffset? CreatedTime { get; set; }

        public override string ToString() => Name;
    }

    /// <summary>A node authorization of an integration; one per integration is the default for every node instance.</summary>
    public sealed class ConnectNodeAuthorization
    {
        [JsonProperty("id")] public string Id { get; set; }
        [JsonProperty("name")] public string Name { get; set; }
        [JsonProperty("authType")] public string AuthType { get; set; }
        [JsonProperty("isDefault")] public bool IsDefault { get; set; }
        [JsonProperty("account")] public string Account { get; set; }
        [JsonProperty("status")] public string Status { get; set; }
        [JsonProperty("createdTime")] public DateTimeOffset? CreatedTime { get; set; }

        public override string ToString() => Name;
    }
}
