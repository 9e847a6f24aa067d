using System;
using Newtonsoft.Json;

namespace DigitalChannels.Client.Connect.Assets
{
    /// <summary>
    /// An asset (Assets > Numbers, Apps): a Number (SMS, provided by Cisco, read-only) or an App (the trigger of every other
    /// channel). <see cref="FlowName"/> is the flow it triggers, from the rules, if any.
    /// </summary>
    public sealed class ConnectAsset
    {
        public const string NumberType = "Number";
        public const string AppType = "App";

        [JsonProperty("id")] public string Id { get; set; }
        [JsonProperty("type")] public string Type { get; set; }
        [JsonProperty("channel")] public string Channel { get; set; }
        [JsonProperty("name")] public string Name { get; set; }
        [JsonProperty("readOnly")] public bool ReadOnly { get; set; }
        [JsonProperty("flowId")] public string FlowId { get; set; }
        [JsonProperty("flowName")] public string FlowName { get; set; }
        [JsonProperty("serviceId")] public string ServiceId { get; set; }
        [JsonProperty("createdTime")] public DateTimeOffset? CreatedTime { get; set; }

        public override string ToString() => Name;
    }
}
