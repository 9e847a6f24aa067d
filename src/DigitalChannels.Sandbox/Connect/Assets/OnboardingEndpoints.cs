using DigitalChannels.Client.Auth;
using DigitalChannels.Client.Connect.Flows;
using DigitalChannels.Sandbox.Errors;
using DigitalChannels.Sandbox.Http;
using DigitalChannels.Sandbox.Identity;
using DigitalChannels.Sandbox.Storage;

namespace DigitalChannels.Sandbox.Connect.Assets;

/// <summary>
/// Webex Connect's public Digital Channel Onboarding API (live at assetmanagement.{region}.webexconnect.io/connectapi),
/// served on the sandbox at the same paths: create an app (<c>POST /v2/digital/app?channel=…</c>), read and update one.
/// The organization comes from the <c>x-organization-id</c> header, which must name the token's organization. The apps
/// are the same as those of Assets > Apps (<see cref="AssetEndpoints"/>), under the same rules.
/// </summary>
public static class OnboardingEndpoints
{
    public const string BasePath = "/connectapi";
    public const string AppPath = BasePath + "/v2/digital/app";
    public const string OrganizationHeader = "x-organization-id";

    /// <summary>The API's <c>channel</c> values that name no creatable app, with the channel they stand for.</summary>
    private static readonly IReadOnlyDictionary<string, string> OtherChannels = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["applebusinesschat"] = nameof(ConnectChannel.AppleMessagesForBusiness),
        ["gbm"] = nameof(ConnectChannel.GoogleBusinessMessages),
        ["sms"] = nameof(ConnectChannel.Sms),
    };

    /// <summary>Every <c>channel</c> value this API knows.</summary>
    public static IReadOnlyList<string> ChannelValues { get; } =
        Enum.GetValues<ConnectChannel>().Select(ConnectChannels.OnboardingChannel).OfType<string>().Concat(OtherChannels.Keys).Distinct().ToList();

    /// <summary>The two channels behind <c>channel=app</c>; the body's <c>appType</c> picks one.</summary>
    public static readonly IReadOnlyList<string> AppTypes = [nameof(ConnectChannel.LiveChat), nameof(ConnectChannel.InAppMessaging)];

    public static void MapOnboardingEndpoints(this IEndpointRouteBuilder app)
    {
        var apps = app.MapGroup(AppPath).RequireSandboxToken().AddEndpointFilter(RequireOrganizationHeaderAsync)
            .WithErrorBodyStyle(ErrorBodyStyle.Problem);
        apps.MapPost("", CreateAsync).RequireScope(Scopes.ConnectConfigWrite).RequirePermission(ConnectPermissions.ChangeConfiguration);
        apps.MapGet("/{appId}", Get).RequireScope(Scopes.ConnectConfigRead).RequirePermission(ConnectPermissions.ReadConfiguration);
        apps.MapPut("/{appId}", UpdateAsync).RequireScope(Scopes.ConnectConfigWrite).RequirePermission(ConnectPermissions.ChangeConfiguration);
    }

    /// <summary>The header must be present and name the token's organization: a token never reaches another tenant.</summary>
    private static async ValueTask<object?> RequireOrganizationHeaderAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (await CallerAuthentication.AuthenticateAsync(context.HttpContext) is { } error) return error.ToResult();
        var caller = Caller.Of(context.HttpContext);
        var header = context.HttpContext.Request.Headers[OrganizationHeader].ToString().Trim();
        if (header.Length == 0)
            return ApiError.BadRequest(ErrorKeys.OrganizationHeaderMissing,
                $"The request has no '{OrganizationHeader}' header; send the organization id of the access token.").ToResult();
        if (!string.Equals(header, caller.OrganizationId, StringComparison.OrdinalIgnoreCase))
            return ApiError.Forbidden(ErrorKeys.OrganizationMismatch,
                $"The access token belongs to organization '{caller.OrganizationId}', not to organization '{header}' named in '{OrganizationHeader}'.").ToResult();
        return await next(context);
    }

    private static async Task<IResult> CreateAsync(HttpContext context, SandboxDatabase database, TimeProvider time)
    {
        var caller = Caller.Of(context);
        var query = ChannelQuery(context);
        var body = await JsonBody.ReadObjectAsync(context.Request);
        string channel;
        if (string.Equals(query, "app", StringComparison.OrdinalIgnoreCase))
        {
            var appType = body.RequiredString("appType");
            channel = AppTypes.FirstOrDefault(t => string.Equals(t, appType.Trim(), StringComparison.OrdinalIgnoreCase))
                ?? throw ApiError.BadRequest(ErrorKeys.InvalidField, $"The field 'appType' is '{appType}'; use one of {string.Join(", ", AppTypes)}.").ToException();
        }
        else if (OtherChannels.TryGetValue(query, out var other))
        {
            if (other == nameof(ConnectChannel.AppleMessagesForBusiness))
                throw ApiError.BadRequest(ErrorKeys.InvalidParameter,
                    "Apple Messages for Business assets have no create operation in this API (read, update and delete only); onboard them in Control Hub.").ToException();
            channel = other; // SMS and discontinued channels: AssetEndpoints.CreateApp refuses them with the reason
        }
        else
        {
            channel = Enum.GetValues<ConnectChannel>().First(c => string.Equals(ConnectChannels.OnboardingChannel(c), query, StringComparison.OrdinalIgnoreCase)).ToString();
        }
        var asset = AssetEndpoints.CreateApp(database, caller.OrganizationId, body.RequiredString("name"), channel, time);
        context.Response.Headers.Location = $"{AppPath}/{asset.Id}?channel={query.ToLowerInvariant()}";
        return SandboxJson.Ok(AssetEndpoints.ToNewResource(asset), StatusCodes.Status201Created);
    }

    private static IResult Get(HttpContext context, SandboxDatabase database, string appId)
    {
        var caller = Caller.Of(context);
        var query = ChannelQuery(context);
        return SandboxJson.Ok(database.Read(session =>
            AssetEndpoints.ToResource(session, FindApp(new AssetRepository(session), caller.OrganizationId, appId, query))));
    }

    private static async Task<IResult> UpdateAsync(HttpContext context, SandboxDatabase database, string appId)
    {
        var caller = Caller.Of(context);
        var query = ChannelQuery(context);
        var body = await JsonBody.ReadObjectAsync(context.Request);
        var name = body.RequiredString("name");
        return SandboxJson.Ok(database.Write(session =>
        {
            var asset = FindApp(new AssetRepository(session), caller.OrganizationId, appId, query);
            return AssetEndpoints.ToResource(session, AssetEndpoints.RenameApp(session, asset, name));
        }));
    }

    /// <summary>An app of the organization whose channel is the one the query names; numbers are not this API's.</summary>
    private static ConnectAsset FindApp(AssetRepository assets, string organizationId, string appId, string query)
    {
        var asset = AssetEndpoints.FindOrThrow(assets, organizationId, appId);
        if (asset.Type != ConnectAsset.AppType || !string.Equals(ChannelValueOf(asset.Channel), query, StringComparison.OrdinalIgnoreCase))
            throw ApiError.NotFound(ErrorKeys.AssetNotFound, $"No app with id '{appId}' and channel '{query}' exists in organization '{organizationId}'.").ToException();
        return asset;
    }

    private static string? ChannelValueOf(string channel) =>
        Enum.TryParse<ConnectChannel>(channel, out var known) && ConnectChannels.OnboardingChannel(known) is { } value
            ? value
            : OtherChannels.FirstOrDefault(pair => pair.Value == channel).Key;

    private static string ChannelQuery(HttpContext context)
    {
        var text = context.Request.Query["channel"].ToString().Trim();
        if (text.Length == 0)
            throw ApiError.BadRequest(ErrorKeys.InvalidParameter, $"The query parameter 'channel' is missing; use one of {string.Join(", ", ChannelValues)}.").ToException();
        return ChannelValues.FirstOrDefault(v => string.Equals(v, text, StringComparison.OrdinalIgnoreCase))
            ?? throw ApiError.BadRequest(ErrorKeys.InvalidParameter, $"The query parameter 'channel' is '{text}'; use one of {string.Join(", ", ChannelValues)}.").ToException();
    }
}
