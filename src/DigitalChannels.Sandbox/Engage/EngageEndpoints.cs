using DigitalChannels.Sandbox.Engage.Blocklist;
using DigitalChannels.Sandbox.Engage.ChannelAssets;
using DigitalChannels.Sandbox.Engage.Users;
using DigitalChannels.Sandbox.Engage.Settings;
using DigitalChannels.Sandbox.Engage.Templates;
using DigitalChannels.Sandbox.Engage.Transcripts;
using DigitalChannels.Sandbox.Engage.WorkingHours;
using DigitalChannels.Sandbox.Errors;
using DigitalChannels.Sandbox.Identity;

namespace DigitalChannels.Sandbox.Engage;

/// <summary>
/// The sandbox's Engage API, <c>/engage/v1/organization/{orgId}/…</c>: the sandbox's own REST design for what the
/// Engage portal does by hand (platform facts §3.2), one file per part of the portal. Users/ and ChannelAssets/
/// (synchronized from Contact Center and Connect) sit beside them.
/// </summary>
public static class EngageEndpoints
{
    public const string GroupPath = "/engage/v1/organization/{orgId}";

    public static void MapEngageEndpoints(this IEndpointRouteBuilder app)
    {
        var engage = app.MapGroup(GroupPath).RequireSandboxToken().WithErrorBodyStyle(ErrorBodyStyle.Problem);
        engage.MapAttachmentSettingsEndpoints();
        engage.MapTemplateEndpoints();
        engage.MapBlocklistEndpoints();
        engage.MapWorkingHoursEndpoints();
        engage.MapTranscriptEndpoints();
        engage.MapEngageUserEndpoints();
        engage.MapChannelAssetEndpoints();
        app.MapSandboxConversationEndpoints();
        app.MapSandboxEngageUserEndpoints();
    }
}
