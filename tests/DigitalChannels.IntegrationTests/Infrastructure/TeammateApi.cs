using System.Net;
using System.Text.Json;
using Xunit;

namespace DigitalChannels.IntegrationTests.Infrastructure;

/// <summary>Curl-like helpers for teammates, invitations, Groups and Teams, over <see cref="SandboxApi"/>.</summary>
public static class TeammateApi
{
    public const string Password = "Join-the-team-2026";

    public static string TeammatesPath(this SandboxApi api) => $"/connect/v1/organization/{api.Sandbox.OrgId}/teammates";
    public static string GroupsPath(this SandboxApi api) => $"/connect/v1/organization/{api.Sandbox.OrgId}/groups";
    public static string TeamsPath(this SandboxApi api) => $"/connect/v1/organization/{api.Sandbox.OrgId}/teams";

    /// <summary>An address no other test uses.</summary>
    public static string UniqueEmail(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..10]}@example.com";

    public static async Task<JsonElement> InviteAsync(this SandboxApi api, string token, string email, string role, string? groupId = null, string? teamId = null)
    {
        using var response = await api.SendAsync(HttpMethod.Post, api.TeammatesPath(), token, new { email, role, groupId, teamId });
        return await SandboxApi.ExpectJsonAsync(response, HttpStatusCode.Created);
    }

    /// <summary>The newest mail of a kind to an address, from the outbox (read with the Owner's token).</summary>
    public static async Task<JsonElement> LatestMailAsync(this SandboxApi api, string to, string kind = "TeammateInvitation")
    {
        using var response = await api.SendAsync(HttpMethod.Get,
            $"/sandbox/v1/organization/{api.Sandbox.OrgId}/outbox?to={Uri.EscapeDataString(to)}&kind={kind}", await api.OwnerTokenAsync());
        var body = await SandboxApi.ExpectJsonAsync(response, HttpStatusCode.OK);
        return body.GetProperty("items").EnumerateArray().First();
    }

    /// <summary>The path of the join link in the newest invitation mail to <paramref name="email"/>.</summary>
    public static async Task<string> InvitationPathAsync(this SandboxApi api, string email) =>
        new Uri((await api.LatestMailAsync(email)).GetProperty("link").GetString()!).AbsolutePath;

    public static Task<HttpResponseMessage> AcceptAsync(this SandboxApi api, string invitationPath, string name, string password = Password) =>
        api.SendAsync(HttpMethod.Post, invitationPath + "/accept", token: null, new { name, password });

    /// <summary>Invites, accepts, and returns the teammate's id.</summary>
    public static async Task<string> JoinedTeammateAsync(this SandboxApi api, string ownerToken, string email, string role, string? groupId = null, string? teamId = null)
    {
        var teammate = await api.InviteAsync(ownerToken, email, role, groupId, teamId);
        using var accepted = await api.AcceptAsync(await api.InvitationPathAsync(email), "Teammate " + email.Split('@')[0]);
        await SandboxApi.ExpectJsonAsync(accepted, HttpStatusCode.OK);
        return teammate.GetProperty("id").GetString()!;
    }

    /// <summary>A token of a new app acting as an existing teammate (the management API's userEmail).</summary>
    public static async Task<string> TokenForTeammateAsync(this SandboxApi api, string email, params string[] scopes)
    {
        var application = await api.CreateApplicationForTeammateAsync(email, scopes);
        return await api.TokenAsync(application.ClientId, application.ClientSecret);
    }

    public static async Task<SandboxApplication> CreateApplicationForTeammateAsync(this SandboxApi api, string email, params string[] scopes)
    {
        using var response = await api.SendAsync(HttpMethod.Post, api.ApplicationsPath, await api.OwnerTokenAsync(),
            new { name = "App for " + email, userEmail = email, scopes = scopes.Length == 0 ? ConnectScopes : scopes });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Creating an app for {email} failed: {(int)response.StatusCode} {body}");
        return JsonSerializer.Deserialize<SandboxApplication>(body, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }

    public static readonly string[] ConnectScopes = ["connect:config_read", "connect:config_write"];

    public static async Task<string> CreateGroupAsync(this SandboxApi api, string token, string name)
    {
        using var response = await api.SendAsync(HttpMethod.Post, api.GroupsPath(), token, new { name });
        return (await SandboxApi.ExpectJsonAsync(response, HttpStatusCode.Created)).GetProperty("id").GetString()!;
    }

    public static async Task<string> CreateTeamAsync(this SandboxApi api, string token, string name, string groupId)
    {
        using var response = await api.SendAsync(HttpMethod.Post, api.TeamsPath(), token, new { name, groupId });
        return (await SandboxApi.ExpectJsonAsync(response, HttpStatusCode.Created)).GetProperty("id").GetString()!;
    }

    public static async Task<JsonElement> GetTeammateAsync(this SandboxApi api, string token, string id)
    {
        using var response = await api.SendAsync(HttpMethod.Get, $"{api.TeammatesPath()}/{id}", token);
        return await SandboxApi.ExpectJsonAsync(response, HttpStatusCode.OK);
    }

    public static async Task<List<string>> ListNamesAsync(this SandboxApi api, string path, string token, string property = "name")
    {
        using var response = await api.SendAsync(HttpMethod.Get, path, token);
        var body = await SandboxApi.ExpectJsonAsync(response, HttpStatusCode.OK);
        return body.GetProperty("data").EnumerateArray().Select(item => item.GetProperty(property).GetString()!).ToList();
    }
}
