using DigitalChannels.Client.Auth;
using DigitalChannels.Sandbox.Connect.Flows;
using DigitalChannels.Sandbox.Errors;
using DigitalChannels.Sandbox.Http;
using DigitalChannels.Sandbox.Identity;
using DigitalChannels.Sandbox.Storage;

namespace DigitalChannels.Sandbox.Connect.Assets;

/// <summary>An asset and the flow it triggers (from the RULES of its service), if any.</summary>
public sealed record AssetResource(string Id, string Type, string Channel, string Name, bool ReadOnly, string? FlowId, string? FlowName,
    string? ServiceId, string CreatedTime);

/// <summary>
/// Assets > Numbers and Apps (lab 12.2 §3). Numbers are Cisco's, seeded for every tenant and read-only; apps are the
/// triggers of every other channel. What arrives on them is played by the traffic simulator (Traffic/TrafficEndpoints).
/// </summary>
public static class AssetEndpoints
{
    public const string GroupPath = "/connect/v1/organization/{orgId}/assets";
    public const int MaximumNameLength = 100;

    public static void MapAssetEndpoints(this IEndpointRouteBuilder app)
    {
        var assets = app.MapGroup(GroupPath).RequireSandboxToken().WithErrorBodyStyle(ErrorBodyStyle.Problem);
        assets.MapGet("", List).RequireScope(Scopes.ConnectConfigRead).RequirePermission(ConnectPermissions.ReadConfiguration);
        assets.MapPost("/apps", CreateAppAsync).RequireScope(Scopes.ConnectConfigWrite).RequirePermission(ConnectPermissions.ChangeConfiguration);
        assets.MapDelete("/{assetId}", Delete).RequireScope(Scopes.ConnectConfigWrite).RequirePermission(ConnectPermissions.DeleteAssets);
    }

    private static IResult List(HttpContext context, SandboxDatabase database)
    {
        var caller = Caller.Of(context);
        var type = Optional(context, "type", [ConnectAsset.NumberType, ConnectAsset.AppType]);
        var channel = Optional(context, "channel", FlowKinds.Channels);
        return SandboxJson.Ok(new { data = database.Read(session =>
            new AssetRepository(session).List(caller.OrganizationId, type, channel).Select(asset => ToResource(session, asset)).ToList()) });
    }

    private static async Task<IResult> CreateAppAsync(HttpContext context, SandboxDatabase database, TimeProvider time)
    {
        var caller = Caller.Of(context);
        var body = await JsonBody.ReadObjectAsync(context.Request);
        var name = body.RequiredString("name");
        var channelText = body.RequiredString("channel");
        var channel = FlowKinds.Channels.FirstOrDefault(c => string.Equals(c, channelText.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw ApiError.BadRequest(ErrorKeys.InvalidField, $"The field 'channel' is '{channelText}'; use one of {string.Join(", ", FlowKinds.Channels.Where(c => c != "Sms"))}.").ToException();
        var asset = CreateApp(database, caller.OrganizationId, name, channel, time);
        context.Response.Headers.Location = $"/connect/v1/organization/{caller.OrganizationId}/assets/{asset.Id}";
        return SandboxJson.Ok(ToNewResource(asset), StatusCodes.Status201Created);
    }

    /// <summary>
    /// The portal's rules for a new app, shared by this route and the Digital Channel Onboarding route: a valid name,
    /// a channel that has apps (not SMS, not a discontinued one), a name unique in the tenant regardless of case.
    /// </summary>
    internal static ConnectAsset CreateApp(SandboxDatabase database, string organizationId, string nameText, string channel, TimeProvider time)
    {
        var name = ValidName(nameText);
        if (channel == "Sms")
            throw ApiError.BadRequest(ErrorKeys.InvalidField,
                "SMS has no apps: SMS numbers are provided by Cisco and listed under Assets > Numbers (lab 12.2 §3).").ToException();
        if (Client.Connect.Flows.ConnectChannels.DiscontinuedReason(channel) is { } discontinued)
            throw ApiError.BadRequest(ErrorKeys.InvalidField,
                $"No {channel} app can be created: {discontinued}. Its flows still import, but nothing can trigger them.").ToException();

        var asset = new ConnectAsset(Guid.NewGuid().ToString("D"), organizationId, ConnectAsset.AppType, channel, name, Timestamps.Format(time.GetUtcNow()));
        database.Write(session =>
        {
            var assets = new AssetRepository(session);
            ThrowIfNameTaken(assets, organizationId, name, exceptId: null);
            assets.Insert(asset);
        });
        return asset;
    }

    /// <summary>Renames an app under the same rules as <see cref="CreateApp"/>; numbers are Cisco's and read-only.</summary>
    internal static ConnectAsset RenameApp(DbSession session, ConnectAsset asset, string nameText)
    {
        var name = ValidName(nameText);
        var assets = new AssetRepository(session);
        ThrowIfNameTaken(assets, asset.OrganizationId, name, exceptId: asset.Id);
        assets.Rename(asset.OrganizationId, asset.Id, name);
        return asset with { Name = name };
    }

    private static string ValidName(string text)
    {
        var name = text.Trim();
        if (name.Length is 0 or > MaximumNameLength || name.Any(char.IsControl))
            throw ApiError.BadRequest(ErrorKeys.InvalidField, $"The field 'name' must have 1 to {MaximumNameLength} characters and no control characters (got '{name}').").ToException();
        return name;
    }

    private static void ThrowIfNameTaken(AssetRepository assets, string organizationId, string name, string? exceptId)
    {
        if (assets.FindByName(organizationId, ConnectAsset.AppType, name) is { } existing && existing.Id != exceptId)
            throw ApiError.Conflict(ErrorKeys.AssetDuplicateName,
                $"An app named '{existing.Name}' already exists (id {existing.Id}, {existing.Channel}); app names are unique regardless of case.").ToException();
    }

    internal static AssetResource ToNewResource(ConnectAsset asset) =>
        new(asset.Id, asset.Type, asset.Channel, asset.Name, false, null, null, null, asset.CreatedTime);

    private static IResult Delete(HttpContext context, SandboxDatabase database, string assetId)
    {
        var caller = Caller.Of(context);
        database.Write(session =>
        {
            var assets = new AssetRepository(session);
            var asset = FindOrThrow(assets, caller.OrganizationId, assetId);
            if (asset.Type == ConnectAsset.NumberType)
                throw ApiError.Conflict(ErrorKeys.AssetReadOnly,
                    $"The number '{asset.Name}' (id {asset.Id}) is provided by Cisco and read-only; it cannot be deleted.").ToException();
            if (new RuleRepository(session).FindByAsset(caller.OrganizationId, asset.Id) is { } rule)
            {
                var flow = new FlowRepository(session).FindAnywhere(caller.OrganizationId, rule.FlowId);
                throw ApiError.Conflict(ErrorKeys.AssetInUse,
                    $"The app '{asset.Name}' (id {asset.Id}) triggers flow '{flow?.Name}' (id {rule.FlowId}); remove that rule (service RULES tab) before deleting the app.").ToException();
            }
            assets.Delete(caller.OrganizationId, asset.Id);
        });
        return Results.NoContent();
    }

    internal static ConnectAsset FindOrThrow(AssetRepository assets, string organizationId, string assetId)
    {
        var normalized = ResourceIds.Normalize(assetId);
        return (normalized is null ? null : assets.Find(organizationId, normalized))
            ?? throw ApiError.NotFound(ErrorKeys.AssetNotFound, $"No asset with id '{assetId}' exists in organization '{organizationId}'.").ToException();
    }

    internal static AssetResource ToResource(DbSession session, ConnectAsset asset)
    {
        var rule = new RuleRepository(session).FindByAsset(asset.OrganizationId, asset.Id);
        var flow = rule is null ? null : new FlowRepository(session).FindAnywhere(asset.OrganizationId, rule.FlowId);
        return new AssetResource(asset.Id, asset.Type, asset.Channel, asset.Name, asset.Type == ConnectAsset.NumberType, flow?.Id, flow?.Name, flow?.ServiceId, asset.CreatedTime);
    }

    private static string? Optional(HttpContext context, string parameter, IReadOnlyList<string> allowed)
    {
        if (!context.Request.Query.TryGetValue(parameter, out var values) || string.IsNullOrEmpty(values.ToString())) return null;
        var text = values.ToString();
        return allowed.FirstOrDefault(a => string.Equals(a, text, StringComparison.OrdinalIgnoreCase))
            ?? throw ApiError.BadRequest(ErrorKeys.InvalidParameter, $"The query parameter '{parameter}' is '{text}'; use one of {string.Join(", ", allowed)}.").ToException();
    }
}
