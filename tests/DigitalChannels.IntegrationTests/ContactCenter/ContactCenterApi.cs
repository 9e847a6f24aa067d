using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using DigitalChannels.IntegrationTests.Infrastructure;
using Xunit;

namespace DigitalChannels.IntegrationTests.ContactCenter;

/// <summary>
/// HTTP helpers for the Contact Center configuration API as a client written for the real API would call it:
/// paths under /organization/{orgid}/, JSON bodies, ApiErrorResponse bodies asserted field by field.
/// </summary>
public sealed class ContactCenterApi : IDisposable
{
    public ContactCenterApi(SandboxProcess sandbox)
    {
        Api = new SandboxApi(sandbox);
    }

    public SandboxApi Api { get; }
    public string Org => Api.Sandbox.OrgId;
    public string Path(string relative) => $"/organization/{Org}/{relative.TrimStart('/')}";

    private string? token;
    public async Task<string> TokenAsync() => token ??= await Api.OwnerTokenAsync();

    /// <summary>Sends to <c>/organization/{org}/{relative}</c> with the owner's token (or <paramref name="withToken"/>).</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string relative, object? body = null, string? withToken = null) =>
        await Api.SendAsync(method, relative.StartsWith('/') ? relative : Path(relative), withToken ?? await TokenAsync(),
            body is JsonNode node ? node.ToJsonString() : body);

    public async Task<JsonObject> ExpectObjectAsync(HttpResponseMessage response, HttpStatusCode status) =>
        JsonNode.Parse((await SandboxApi.ExpectJsonAsync(response, status)).GetRawText())!.AsObject();

    public async Task<JsonNode> ExpectNodeAsync(HttpResponseMessage response, HttpStatusCode status) =>
        JsonNode.Parse((await SandboxApi.ExpectJsonAsync(response, status)).GetRawText())!;

    public async Task<JsonObject> CreateAsync(string segment, JsonObject body, HttpStatusCode status = HttpStatusCode.Created)
    {
        using var response = await SendAsync(HttpMethod.Post, segment, body);
        return await ExpectObjectAsync(response, status);
    }

    /// <summary>
    /// Asserts an ApiErrorResponse: {"trackingId":"ccconfig_…","error":{"key":"&lt;status&gt;","reason",message:[{description}]}},
    /// the TrackingID header equal to the body's, and a description containing each of <paramref name="contains"/>.
    /// </summary>
    public static async Task<string> ExpectErrorAsync(HttpResponseMessage response, HttpStatusCode status, params string[] contains)
    {
        var body = await SandboxApi.ExpectJsonAsync(response, status);
        var trackingId = body.GetProperty("trackingId").GetString()!;
        Assert.Matches("^ccconfig_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", trackingId);
        Assert.Equal(trackingId, Assert.Single(response.Headers.GetValues("TrackingID")));
        var error = body.GetProperty("error");
        Assert.Equal(((int)status).ToString(), error.GetProperty("key").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("reason").GetString()));
        var description = Assert.Single(error.GetProperty("message").EnumerateArray()).GetProperty("description").GetString()!;
        foreach (var expected in contains) Assert.Contains(expected, description);
        return description;
    }

    public static string Unique(string prefix) => $"{prefix} {Guid.NewGuid().ToString("N")[..10]}";

    // Valid bodies, each with every field the spec marks required.

    public static JsonObject MultimediaProfile(string name, string mode = "BLENDED", int telephony = 1, int chat = 3, int email = 3, int social = 3) => new()
    {
        ["name"] = name, ["description"] = "test", ["active"] = true, ["blendingModeEnabled"] = mode != "EXCLUSIVE", ["blendingMode"] = mode,
        ["telephony"] = telephony, ["chat"] = chat, ["email"] = email, ["social"] = social,
    };

    public static JsonObject Site(string name, string multimediaProfileId) => new()
    {
        ["name"] = name, ["active"] = true, ["multimediaProfileId"] = multimediaProfileId,
    };

    public static JsonObject Team(string name, string siteId, string? multimediaProfileId = null, string type = "AGENT", string? desktopLayoutId = null)
    {
        var team = new JsonObject
        {
            ["name"] = name, ["siteId"] = siteId, ["teamType"] = type, ["teamStatus"] = "IN_SERVICE", ["active"] = true, ["rankQueuesForTeam"] = false,
        };
        if (multimediaProfileId is not null) team["multiMediaProfileId"] = multimediaProfileId;
        if (desktopLayoutId is not null) team["desktopLayoutId"] = desktopLayoutId;
        return team;
    }

    public static JsonObject DesktopProfile(string name) => new()
    {
        ["name"] = name, ["parentType"] = "ORGANIZATION", ["active"] = true, ["accessWrapUpCode"] = "ALL", ["accessIdleCode"] = "ALL",
        ["accessQueue"] = "ALL", ["accessEntryPoint"] = "ALL", ["accessBuddyTeam"] = "ALL", ["agentDNValidation"] = "PROVISIONED_VALUE",
        ["viewableStatistics"] = new JsonObject { ["accessQueueStats"] = "ALL", ["accessTeamStats"] = "ALL" },
        ["timeoutDesktopInactivityMins"] = 15,
    };

    public static JsonObject EntryPoint(string name, string channel = "CHAT") => new()
    {
        ["name"] = name, ["active"] = true, ["entryPointType"] = "INBOUND", ["channelType"] = channel, ["socialChannelType"] = "MESSENGER",
        ["serviceLevelThreshold"] = 30, ["maximumActiveContacts"] = 100, ["controlFlowScriptUrl"] = "https://flows.example.test/ep",
        ["overflowNumber"] = "", ["imiOrgType"] = "IMI", ["assetId"] = "asset-1",
    };

    public static JsonObject Queue(string name, string teamId) => new()
    {
        ["name"] = name, ["queueType"] = "INBOUND", ["channelType"] = "CHAT", ["routingType"] = "LONGEST_AVAILABLE_AGENT",
        ["queueRoutingType"] = "TEAM_BASED", ["checkAgentAvailability"] = false, ["maxActiveContacts"] = 50, ["maxTimeInQueue"] = 600,
        ["serviceLevelThreshold"] = 30, ["active"] = true,
        ["callDistributionGroups"] = new JsonArray(new JsonObject
        {
            ["agentGroups"] = new JsonArray(new JsonObject { ["teamId"] = teamId }), ["order"] = 1, ["duration"] = 0,
        }),
    };

    public static JsonObject UserProfile(string name) => new()
    {
        ["name"] = name, ["profileType"] = "SUPERVISOR", ["active"] = true, ["permissionAccessLevel"] = "ALL", ["resourceAccessLevel"] = "ALL",
    };

    public void Dispose() => Api.Dispose();
}
