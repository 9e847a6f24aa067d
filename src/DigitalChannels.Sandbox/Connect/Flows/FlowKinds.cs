using DigitalChannels.Sandbox.Connect.Integrations;

namespace DigitalChannels.Sandbox.Connect.Flows;

/// <summary>
/// What starts a flow (Flow Builder §1; lab rule 47–49). Channel-agnostic flows run on Webex CC Task events and exist at
/// most once per tenant; channel flows are started by an asset of their channel; event and webhook flows by a custom event
/// or an inbound webhook. The names are the API's values; parsing ignores case.
/// </summary>
public static class FlowKinds
{
    public const string ChannelAgnosticCategory = "ChannelAgnostic";
    public const string ChannelCategory = "Channel";
    public const string EventCategory = "Event";
    public const string WebhookCategory = "Webhook";

    public static readonly IReadOnlyList<string> ChannelAgnostic = ["TaskRouted", "TaskModified", "TaskClose"];
    public static readonly IReadOnlyList<string> Channels = ["Email", "Sms", "LiveChat", "FacebookMessenger", "WhatsApp", "AppleMessagesForBusiness", "GoogleBusinessMessages", "Rcs", "InAppMessaging"];
    public const string CustomEvent = "CustomEvent";
    public const string InboundWebhook = "InboundWebhook";

    public static readonly IReadOnlyList<string> All = [.. ChannelAgnostic, .. Channels, CustomEvent, InboundWebhook];

    public static bool TryParse(string? text, out string kind)
    {
        kind = All.FirstOrDefault(k => string.Equals(k, text?.Trim(), StringComparison.OrdinalIgnoreCase)) ?? "";
        return kind.Length > 0;
    }

    public static bool IsChannelAgnostic(string kind) => ChannelAgnostic.Contains(kind);

    public static bool IsChannel(string kind) => Channels.Contains(kind);

    public static string CategoryOf(string kind) =>
        IsChannelAgnostic(kind) ? ChannelAgnosticCategory : IsChannel(kind) ? ChannelCategory : kind == InboundWebhook ? WebhookCategory : EventCategory;

    /// <summary>"TaskRouted" → "Task Routed", as the lab names them.</summary>
    public static string DisplayName(string kind) =>
        string.Concat(kind.Select((c, i) => i > 0 && char.IsUpper(c) && !char.IsUpper(kind[i - 1]) ? " " + c : c.ToString()));

    /// <summary>The integration whose authorization the flow's nodes run under (lab rule 37), if any.</summary>
    public static string? RequiredIntegration(string kind) =>
        IsChannelAgnostic(kind) ? IntegrationKinds.WebexCCTask : IsChannel(kind) ? IntegrationKinds.WebexCCEngage : null;
}
