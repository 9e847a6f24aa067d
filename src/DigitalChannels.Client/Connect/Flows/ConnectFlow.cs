using System;
using System.Collections.Generic;
using Newtonsoft.Json;

namespace DigitalChannels.Client.Connect.Flows
{
    /// <summary>
    /// What starts a flow. Channel-agnostic: <see cref="TaskRouted"/>, <see cref="TaskModified"/>, <see cref="TaskClose"/>
    /// (Webex CC Task events; once per tenant). Channel flows: started by an asset of their channel. Then custom events and
    /// inbound webhooks.
    /// </summary>
    public enum ConnectFlowKind
    {
        TaskRouted,
        TaskModified,
        TaskClose,
        Email,
        Sms,
        LiveChat,
        FacebookMessenger,
        WhatsApp,
        AppleMessagesForBusiness,
        GoogleBusinessMessages,
        Rcs,
        InAppMessaging,
        CustomEvent,
        InboundWebhook,
    }

    /// <summary>
    /// The channels that have assets (apps, or numbers for SMS). Google Business Messages is here because Cisco publishes
    /// flows for it (v3.4); Google ended the service on 31 July 2024 and Webex Connect with it, so no app of it can be created.
    /// </summary>
    public enum ConnectChannel
    {
        Email,
        Sms,
        LiveChat,
        FacebookMessenger,
        WhatsApp,
        AppleMessagesForBusiness,
        GoogleBusinessMessages,
        Rcs,
        InAppMessaging,
    }

    /// <summary>Facts about channels that hold for the client, the cmdlets and the sandbox alike.</summary>
    public static class ConnectChannels
    {
        /// <summary>
        /// Why no asset of <paramref name="channel"/> (a <see cref="ConnectChannel"/> name) can be created any more; null when it can.
        /// Flows of such a channel still import (Cisco's releases hold them), but nothing can trigger them.
        /// </summary>
        public static string DiscontinuedReason(string channel) =>
            string.Equals(channel, nameof(ConnectChannel.GoogleBusinessMessages), StringComparison.OrdinalIgnoreCase)
                ? "Google ended Business Messages on 31 July 2024 and Webex Connect discontinued the channel with it (help.webexconnect.io, Google Business Messages)"
                : null;

        /// <summary>
        /// The <c>channel</c> query value of the Digital Channel Onboarding API (<c>POST /v2/digital/app?channel=…</c>) that
        /// creates an app of <paramref name="channel"/>; null when that API cannot create one (SMS has numbers, not apps;
        /// Apple Messages for Business has no shared create operation; Google Business Messages is discontinued). Live Chat
        /// and In-App Messaging are both <c>app</c> (the Mobile &amp; Web app channel).
        /// </summary>
        public static string OnboardingChannel(ConnectChannel channel)
        {
            switch (channel)
            {
                case ConnectChannel.Email: return "email";
                case ConnectChannel.LiveChat:
                case ConnectChannel.InAppMessaging: return "app";
                case ConnectChannel.FacebookMessenger: return "fb";
                case ConnectChannel.WhatsApp: return "wa";
                case ConnectChannel.Rcs: return "rcs";
                default: return null;
            }
        }
    }

    /// <summary>
    /// A Webex Connect flow (a service's FLOWS tab). <see cref="Status"/> is the portal toolbar's: WorkingDraft, Publishing or
    /// Live, for the latest <see cref="Version"/>; <see cref="LiveVersion"/> is the version that handles messages now.
    /// </summary>
    public sealed class ConnectFlow
    {
        public const string WorkingDraftStatus = "WorkingDraft";
        public const string PublishingStatus = "Publishing";
        public const string LiveStatus = "Live";

        [JsonProperty("id")] public string Id { get; set; }
        [JsonProperty("organizationId")] public string OrganizationId { get; set; }
        [JsonProperty("serviceId")] public string ServiceId { get; set; }
        [JsonProperty("serviceName")] public string ServiceName { get; set; }
        [JsonProperty("name")] public string Name { get; set; }

        /// <summary>One of the <see cref="ConnectFlowKind"/> names.</summary>
        [JsonProperty("kind")] public string Kind { get; set; }

        /// <summary>ChannelAgnostic, Channel, Event or Webhook.</summary>
        [JsonProperty("category")] public string Category { get; set; }

        [JsonProperty("type")] public string Type { get; set; }

        /// <summary>NewFlow (created empty) or Upload.</summary>
        [JsonProperty("method")] public string Method { get; set; }

        [JsonProperty("status")] public string Status { get; set; }
        [JsonProperty("version")] public int Version { get; set; }
        [JsonProperty("liveVersion")] public int? LiveVersion { get; set; }

        /// <summary>While Publishing: when the flow becomes Live.</summary>
        [JsonProperty("publishingUntil")] public DateTimeOffset? PublishingUntil { get; set; }

        /// <summary>What the last Save found missing or wrong in the latest version; empty when nothing; null before the first Save.</summary>
        [JsonProperty("findings")] public List<string> Findings { get; set; }

        [JsonProperty("createdTime")] public DateTimeOffset? CreatedTime { get; set; }
        [JsonProperty("lastUpdatedTime")] public DateTimeOffset? LastUpdatedTime { get; set; }
        [JsonProperty("versions")] public List<ConnectFlowVersion> Versions { get; set; } = new List<ConnectFlowVersion>();

        /// <summary>Set by Import-ConnectFlow: Created, NewVersion or Unchanged (the same payload was imported before).</summary>
        [JsonProperty("importResult")] public string ImportResult { get; set; }

        public bool IsLive => Status == LiveStatus;

        public override string ToString() => Name;
    }

    /// <summary>One version of a flow. Status: WorkingDraft, Superseded, Publishing, Live or Retired.</summary>
    public sealed class ConnectFlowVersion
    {
        [JsonProperty("number")] public int Number { get; set; }
        [JsonProperty("status")] public string Status { get; set; }

        /// <summary>SHA-256 of the payload as uploaded (lower-case hex text); null for an empty New Flow.</summary>
        [JsonProperty("sha256")] public string Sha256 { get; set; }

        [JsonProperty("decodedLength")] public long DecodedLength { get; set; }
        [JsonProperty("fileName")] public string FileName { get; set; }
        [JsonProperty("createdTime")] public DateTimeOffset? CreatedTime { get; set; }
        [JsonProperty("savedTime")] public DateTimeOffset? SavedTime { get; set; }
        [JsonProperty("findings")] public List<string> Findings { get; set; }
        [JsonProperty("publishedTime")] public DateTimeOffset? PublishedTime { get; set; }
        [JsonProperty("liveTime")] public DateTimeOffset? LiveTime { get; set; }
        [JsonProperty("comment")] public string Comment { get; set; }
        [JsonProperty("assetId")] public string AssetId { get; set; }

        public override string ToString() => $"{Number} ({Status})";
    }

    /// <summary>A row of a service's RULES tab: this asset triggers this flow.</summary>
    public sealed class ConnectRule
    {
        [JsonProperty("id")] public string Id { get; set; }
        [JsonProperty("serviceId")] public string ServiceId { get; set; }
        [JsonProperty("flowId")] public string FlowId { get; set; }
        [JsonProperty("flowName")] public string FlowName { get; set; }
        [JsonProperty("assetId")] public string AssetId { get; set; }
        [JsonProperty("assetName")] public string AssetName { get; set; }
        [JsonProperty("assetType")] public string AssetType { get; set; }
        [JsonProperty("channel")] public string Channel { get; set; }
        [JsonProperty("createdTime")] public DateTimeOffset? CreatedTime { get; set; }

        public override string ToString() => $"{AssetName} -> {FlowName}";
    }

    /// <summary>One version's payload: the content of the .workflow file it was uploaded from.</summary>
    public sealed class ConnectFlowPayload
    {
        [JsonProperty("number")] public int Number { get; set; }
        [JsonProperty("fileName")] public string FileName { get; set; }
        [JsonProperty("sha256")] public string Sha256 { get; set; }

        /// <summary>Hex digits, exactly as in the .workflow file.</summary>
        [JsonProperty("payload")] public string Payload { get; set; }
    }
}
