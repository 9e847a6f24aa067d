using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using DigitalChannels.Client.Auth;
using DigitalChannels.Sandbox.Connect.Assets;
using DigitalChannels.Sandbox.Engage.WorkingHours;
using DigitalChannels.Sandbox.Errors;
using DigitalChannels.Sandbox.Http;
using DigitalChannels.Sandbox.Identity;
using DigitalChannels.Sandbox.Storage;
using Microsoft.Data.Sqlite;

namespace DigitalChannels.Sandbox.Engage.ChannelAssets;

/// <summary>The chat widget of a Live Chat app (lab rule 23). Absent values are the defaults: the app's name, the default colour, no working hours.</summary>
public sealed record ChatWidget(string Title, string Color,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? WorkingHoursId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? WorkingHoursName,
    long Version,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? LastUpdatedTime)
{
    public const string DefaultColor = "#0A78CC";
}

/// <summary>
/// A Connect asset as Engage's Admin → Assets → Channel Assets shows it: the same id, name, type and Connect channel,
/// the Engage channel it maps to (null for channels Engage does not serve), and the chat widget of Live Chat apps.
/// </summary>
public sealed record ChannelAsset(string Id, string Name, string Type, string ConnectChannel,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Channel,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] ChatWidget? ChatWidget);

public sealed record StoredWidget(string AssetId, string? Title, string? Color, string? WorkingHoursId, long Version, string LastUpdatedTime);

/// <summary>
/// Channel Assets mirror the Connect assets (lab rule 23): they are read from Connect's assets on every request, so an
/// app created or deleted in Connect appears or disappears at once; only the widget settings are Engage's own.
/// </summary>
public static partial class ChannelAssetEndpoints
{
    public const string LiveChat = "LiveChat";
    public const int MaximumTitleLength = 60;

    private static readonly IReadOnlyDictionary<string, string> EngageChannelOf = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["LiveChat"] = "chat", ["Email"] = "email", ["Sms"] = "sms", ["FacebookMessenger"] = "messenger", ["WhatsApp"] = "whatsapp",
    };

    public static void MapChannelAssetEndpoints(this RouteGroupBuilder engage)
    {
        engage.MapGet("/channel-assets", List).RequireScope(Scopes.EngageConfigRead).RequirePermission(EngagePermissions.ReadSettings);
        engage.MapGet("/channel-assets/{assetId}", Get).RequireScope(Scopes.EngageConfigRead).RequirePermission(EngagePermissions.ReadSettings);
        engage.MapMethods("/channel-assets/{assetId}/chat-widget", [HttpMethods.Patch], PatchWidgetAsync)
            .RequireScope(Scopes.EngageConfigWrite).RequirePermission(EngagePermissions.ChangeSettings);
    }

    private static IResult List(HttpContext context, SandboxDatabase database)
    {
        var caller = Caller.Of(context);
        var channel = context.Request.Query["channel"].ToString();
        if (channel.Length > 0 && !EngageChannelOf.Values.Contains(channel))
            throw ApiError.BadRequest(ErrorKeys.InvalidParameter,
                $"The query parameter 'channel' must be one of {string.Join(", ", EngageChannelOf.Values)}, not '{channel}'.").ToException();
        var page = PageRequest.FromQuery(context.Request);
        var assets = database.Read(session => new AssetRepository(session).List(caller.OrganizationId, null, null)
            .Select(a => Describe(session, a)).Where(a => channel.Length == 0 || a.Channel == channel).ToList());
        return SandboxJson.Ok(PagedList<ChannelAsset>.Create(caller.OrganizationId, $"/engage/v1/organization/{caller.OrganizationId}/channel-assets", page,
            assets.Count, assets.Skip(page.Offset).Take(page.PageSize).ToList(), new Dictionary<string, string?> { ["channel"] = channel.Length == 0 ? null : channel }));
    }

    private static IResult Get(HttpContext context, SandboxDatabase database, string assetId)
    {
        var caller = Caller.Of(context);
        return SandboxJson.Ok(database.Read(session => Describe(session, FindOrThrow(session, caller.OrganizationId, assetId))));
    }

    /// <summary><c>{title?, color?, workingHoursId?}</c>; <c>null</c> returns a value to its default. Live Chat apps only.</summary>
    private static async Task<IResult> PatchWidgetAsync(HttpContext context, SandboxDatabase database, TimeProvider time, string assetId)
    {
        var caller = Caller.Of(context);
        var body = await JsonBody.ReadObjectAsync(context.Request);
        var now = Timestamps.Format(time.GetUtcNow());
        return SandboxJson.Ok(database.Write(session =>
        {
            var asset = FindOrThrow(session, caller.OrganizationId, assetId);
            if (asset.Channel != LiveChat || asset.Type != ConnectAsset.AppType)
                throw ApiError.Conflict(ErrorKeys.ChannelAssetNotLiveChat,
                    $"The asset '{asset.Name}' (id {asset.Id}) is a {asset.Channel} {asset.Type.ToLowerInvariant()}; only Live Chat apps have a chat widget.").ToException();
            var stored = FindWidget(session, caller.OrganizationId, asset.Id);
            var title = stored?.Title;
            var color = stored?.Color;
            var workingHoursId = stored?.WorkingHoursId;
            if (body.Has("title"))
            {
                title = body.OptionalString("title")?.Trim();
                if (title is not null && (title.Length is 0 or > MaximumTitleLength || title.Any(char.IsControl)))
                    throw ApiError.BadRequest(ErrorKeys.InvalidField, $"The field 'title' must have 1 to {MaximumTitleLength} characters without control characters (got '{title}').").ToException();
            }
            if (body.Has("color"))
            {
                color = body.OptionalString("color")?.Trim();
                if (color is not null && !ColorPattern().IsMatch(color))
                    throw ApiError.BadRequest(ErrorKeys.InvalidField, $"The field 'color' must be a colour like '#0A78CC' (# and six hex digits), not '{color}'.").ToException();
                color = color?.ToUpperInvariant();
            }
            if (body.Has("workingHoursId"))
            {
                workingHoursId = body.OptionalString("workingHoursId");
                if (workingHoursId is not null && new WorkingHoursRepository(session).Find(caller.OrganizationId, workingHoursId) is null)
                    throw ApiError.BadRequest(ErrorKeys.InvalidField,
                        $"The field 'workingHoursId' names working hours '{workingHoursId}' that do not exist in Engage (Customer Care → Settings → Configure → Working Hours).").ToException();
            }
            if (stored is null || stored.Title != title || stored.Color != color || stored.WorkingHoursId != workingHoursId)
                session.Execute("""
                    INSERT INTO engage_chat_widgets (organization_id, asset_id, title, color, working_hours_id, version, last_updated_time)
                    VALUES ($org, $asset, $title, $color, $hours, 1, $time)
                    ON CONFLICT (organization_id, asset_id) DO UPDATE SET title = $title, color = $color, working_hours_id = $hours,
                        version = version + 1, last_updated_time = $time;
                    """, ("$org", caller.OrganizationId), ("$asset", asset.Id), ("$title", title), ("$color", color), ("$hours", workingHoursId), ("$time", now));
            return Describe(session, asset);
        }));
    }

    private static ConnectAsset FindOrThrow(DbSession session, string organizationId, string assetId) =>
        new AssetRepository(session).Find(organizationId, assetId)
        ?? throw ApiError.NotFound(ErrorKeys.AssetNotFound, $"No Connect asset with id '{assetId}' exists in organization '{organizationId}'; Channel Assets mirror Connect's assets.").ToException();

    private static StoredWidget? FindWidget(DbSession session, string organizationId, string assetId) =>
        session.QuerySingleOrDefault("SELECT asset_id, title, color, working_hours_id, version, last_updated_time FROM engage_chat_widgets WHERE organization_id = $org AND asset_id = $asset;",
            (SqliteDataReader r) => new StoredWidget(r.GetString(0), r.GetNullableString(1), r.GetNullableString(2), r.GetNullableString(3), r.GetInt64(4), r.GetString(5)),
            ("$org", organizationId), ("$asset", assetId));

    private static ChannelAsset Describe(DbSession session, ConnectAsset asset)
    {
        ChatWidget? widget = null;
        if (asset.Channel == LiveChat && asset.Type == ConnectAsset.AppType)
        {
            var stored = FindWidget(session, asset.OrganizationId, asset.Id);
            // Working hours deleted since are shown as none: the widget then has no schedule.
            var hours = stored?.WorkingHoursId is { } id ? new WorkingHoursRepository(session).Find(asset.OrganizationId, id) : null;
            widget = new ChatWidget(stored?.Title ?? asset.Name, stored?.Color ?? ChatWidget.DefaultColor, hours?.Id, hours?.Name, stored?.Version ?? 0, stored?.LastUpdatedTime);
        }
        return new ChannelAsset(asset.Id, asset.Name, asset.Type, asset.Channel, EngageChannelOf.GetValueOrDefault(asset.Channel), widget);
    }

    [GeneratedRegex("^#[0-9A-Fa-f]{6}$")]
    private static partial Regex ColorPattern();
}
