using System.Net;
using DigitalChannels.Client.Commands;
using DigitalChannels.Client.ContactCenter;
using DigitalChannels.Client.Environments;
using DigitalChannels.Client.Tests.Infrastructure;
using Newtonsoft.Json.Linq;
using static DigitalChannels.Client.Tests.ContactCenter.FakeContactCenter;

namespace DigitalChannels.Client.Tests.ContactCenter;

/// <summary>Set-WxccUser: names resolved once per pipeline, one user by PUT, many by bulk in chunks with one outcome each.</summary>
public class WxccUserCommandsTests
{
    private static string UserId(int i) => $"00000000-0000-4000-8000-{i:D12}";
    private static string Email(int i) => $"agent{i}@example.com";

    private static WxccUserSettings LabSettings => new()
    {
        ContactCenterEnabled = true, UserProfile = "Premium Agent User Profile", Site = "Site", Teams = new[] { "Team1", "Team2" },
        DesktopProfile = "Agent Profile", MultimediaProfile = "MMP",
    };

    /// <summary>A tenant with <paramref name="count"/> users; the bulk endpoint fails the items whose user number is in <paramref name="failing"/>.</summary>
    private static FakeContactCenter Tenant(int count, params int[] failing)
    {
        var server = new FakeContactCenter().WithLabObjects();
        server.List("v2/user", Enumerable.Range(0, count).Select(i => User(UserId(i), Email(i))).ToArray());
        for (var i = 0; i < count; i++)
        {
            var id = UserId(i);
            server.On("GET", "user/" + id, HttpStatusCode.OK, User(id, Email(i)));
        }
        server.On("PATCH", "user/bulk", (_, body) =>
        {
            var items = (JArray)JObject.Parse(body!)["items"]!;
            var outcomes = items.Select(item =>
            {
                var number = int.Parse(((string)item["item"]!["id"]!).Substring(24));
                return failing.Contains(number)
                    ? $"{{\"itemIdentifier\":{item["itemIdentifier"]},\"status\":400,\"operationType\":\"UPDATE\",\"apiError\":{CcError(400, $"User {number} has no Contact Center licence.")}}}"
                    : $"{{\"itemIdentifier\":{item["itemIdentifier"]},\"status\":200,\"operationType\":\"UPDATE\",\"href\":\"/api/organization/{Org}/user/{item["item"]!["id"]}\"}}";
            });
            return StubHandler.Json((HttpStatusCode)207, "{\"items\":[" + string.Join(",", outcomes) + "]}");
        });
        return server;
    }

    private static int Lookups(FakeContactCenter server, string listPath) =>
        server.Requests.Count(r => r.Method == HttpMethod.Get && r.Uri.AbsolutePath == Base + listPath);

    [Fact]
    public async Task One_user_is_read_and_put_whole_with_its_version_and_the_lab_settings()
    {
        var server = Tenant(1).On("PUT", "user/" + UserId(0), (_, body) => StubHandler.Json(HttpStatusCode.OK, body!));
        using var connection = await ConnectAsync(server.Handler);
        var host = new RecordingHost();

        CommandRunner.Run(host, WxccUserCommands.Noun, h => WxccUserCommands.SetAsync(h, connection, new[] { new WxccUserIdentity(Email(0)) }, LabSettings, passThru: true));

        Assert.Empty(host.Errors);
        var put = server.Writes.Single();
        Assert.Equal("PUT " + Base + "user/" + UserId(0), put.Method + " " + put.Uri.AbsolutePath);
        var body = Body(put);
        Assert.True((bool)body["contactCenterEnabled"]!);
        Assert.Equal(SiteId, (string?)body["siteId"]);
        Assert.Equal(new[] { Team1Id, Team2Id }, body["teamIds"]!.Select(t => (string)t!));
        Assert.Equal(AgentProfileId, (string?)body["agentProfileId"]);
        Assert.Equal(MmpId, (string?)body["multimediaProfileId"]);
        Assert.Equal(PremiumProfileId, (string?)body["userProfileId"]);
        Assert.Equal(1, (int)body["version"]!);
        Assert.Equal("America/New_York", (string?)body["timezone"]); // fields not modelled survive the PUT
        Assert.Equal(1234567890, (long)body["mobile"]!);
        Assert.IsType<ContactCenterUser>(Assert.Single(host.Objects));
    }

    [Fact]
    public async Task Many_users_go_in_bulk_chunks_of_50_with_each_name_resolved_once()
    {
        var server = Tenant(120);
        using var connection = await ConnectAsync(server.Handler);
        var host = new RecordingHost();
        var identities = Enumerable.Range(0, 120).Select(i => new WxccUserIdentity(Email(i))).ToArray();

        CommandRunner.Run(host, WxccUserCommands.Noun, h => WxccUserCommands.SetAsync(h, connection, identities, LabSettings, passThru: false));

        Assert.Empty(host.Errors);
        var bulks = server.Writes.ToList();
        Assert.All(bulks, b => Assert.Equal("PATCH " + Base + "user/bulk", b.Method + " " + b.Uri.AbsolutePath));
        Assert.Equal(new[] { 50, 50, 20 }, bulks.Select(b => ((JArray)Body(b)["items"]!).Count));
        var first = (JObject)Body(bulks[0])["items"]![0]!;
        Assert.Equal(JObject.Parse($"{{\"itemIdentifier\":0,\"item\":{{\"id\":\"{UserId(0)}\",\"contactCenterEnabled\":true,\"userProfileId\":\"{PremiumProfileId}\",\"siteId\":\"{SiteId}\",\"teamIds\":[\"{Team1Id}\",\"{Team2Id}\"],\"agentProfileId\":\"{AgentProfileId}\",\"multimediaProfileId\":\"{MmpId}\"}},\"requestAction\":\"SAVE\"}}"),
            first, JToken.EqualityComparer);
        Assert.Equal(1, Lookups(server, "v2/site"));
        Assert.Equal(2, Lookups(server, "v2/team")); // Team1 and Team2, once each for 120 users
        Assert.Equal(1, Lookups(server, "v2/multimedia-profile"));
        Assert.Equal(1, Lookups(server, "v2/agent-profile"));
        Assert.Equal(1, Lookups(server, "v3/user-profile"));
        Assert.Equal(120, host.ShouldProcessCalls.Count);
        Assert.Equal(120, host.Verbose.Count(v => v.StartsWith("Changed Contact Center user", StringComparison.Ordinal)));
        Assert.Contains(host.Progress, p => p.Completed);
    }

    [Fact]
    public async Task Each_failed_bulk_item_is_a_non_terminating_error_naming_the_user_and_the_api_error()
    {
        var server = Tenant(4, failing: new[] { 1, 3 });
        using var connection = await ConnectAsync(server.Handler);
        var host = new RecordingHost();
        var identities = Enumerable.Range(0, 4).Select(i => new WxccUserIdentity(Email(i))).ToArray();

        CommandRunner.Run(host, WxccUserCommands.Noun, h => WxccUserCommands.SetAsync(h, connection, identities, new WxccUserSettings { Site = "Site" }, passThru: true));

        Assert.Equal(2, host.Errors.Count);
        Assert.All(host.Errors, e => Assert.Equal("WxccUserInvalidRequest", e.ErrorId));
        Assert.Equal("Contact Center user 'agent1@example.com' was not changed: 400 User 1 has no Contact Center licence. (tracking id ccconfig_af9eecc5-0472-4549-9a83-2afdae0d4ba0)", host.Errors[0].Message);
        Assert.Contains("'agent3@example.com'", host.Errors[1].Message);
        Assert.Equal(new[] { Email(0), Email(2) }, host.Objects.Cast<ContactCenterUser>().Select(u => u.Email));
        Assert.Equal(JObject.Parse($"{{\"id\":\"{UserId(0)}\",\"siteId\":\"{SiteId}\"}}"), Body(server.Writes.Single())["items"]![0]!["item"]!, JToken.EqualityComparer);
    }

    [Fact]
    public async Task A_user_that_does_not_exist_fails_alone_and_the_others_still_go()
    {
        var server = Tenant(2);
        using var connection = await ConnectAsync(server.Handler);
        var host = new RecordingHost();
        var identities = new[] { new WxccUserIdentity(Email(0)), new WxccUserIdentity("ghost@example.com"), new WxccUserIdentity(Email(1)) };

        CommandRunner.Run(host, WxccUserCommands.Noun, h => WxccUserCommands.SetAsync(h, connection, identities, new WxccUserSettings { ContactCenterEnabled = false }, false));

        var error = Assert.Single(host.Errors);
        Assert.Equal("WxccUserNotFound", error.ErrorId);
        Assert.Equal("No Contact Center user has the email 'ghost@example.com'.", error.Message);
        Assert.Equal(2, ((JArray)Body(server.Writes.Single())["items"]!).Count);
    }

    [Fact]
    public async Task A_whole_bulk_request_that_fails_reports_every_user_of_it()
    {
        var server = Tenant(3).On("PATCH", "user/bulk", HttpStatusCode.BadRequest, CcError(400, "items: must not be empty."));
        using var connection = await ConnectAsync(server.Handler);
        var host = new RecordingHost();

        CommandRunner.Run(host, WxccUserCommands.Noun, h => WxccUserCommands.SetAsync(h, connection, Enumerable.Range(0, 3).Select(i => new WxccUserIdentity(Email(i))).ToArray(), new WxccUserSettings { Site = "Site" }, false));

        Assert.Equal(3, host.Errors.Count);
        Assert.All(host.Errors, e => Assert.Equal("WxccUserInvalidRequest", e.ErrorId));
        Assert.Contains("'agent2@example.com' was not changed", host.Errors[2].Message);
        Assert.Contains("items: must not be empty.", host.Errors[2].Message);
    }

    [Fact]
    public async Task Users_piped_as_objects_need_no_lookup()
    {
        var server = Tenant(2);
        using var connection = await ConnectAsync(server.Handler);
        var users = await connection.ContactCenter.Users.ListAsync().ToListAsync();
        server.Requests.Clear();
        var host = new RecordingHost();

        CommandRunner.Run(host, WxccUserCommands.Noun, h => WxccUserCommands.SetAsync(h, connection, users.Select(u => new WxccUserIdentity(u)).ToArray(), new WxccUserSettings { ContactCenterEnabled = true }, false));

        Assert.Empty(host.Errors);
        Assert.Equal(new[] { "PATCH" }, server.Requests.Select(r => r.Method.Method));
    }

    [Fact]
    public async Task WhatIf_sends_no_bulk_and_no_put()
    {
        var server = Tenant(3);
        using var connection = await ConnectAsync(server.Handler);
        var host = new RecordingHost { Answer = false };

        CommandRunner.Run(host, WxccUserCommands.Noun, h => WxccUserCommands.SetAsync(h, connection, Enumerable.Range(0, 3).Select(i => new WxccUserIdentity(Email(i))).ToArray(), LabSettings, false));
        CommandRunner.Run(host, WxccUserCommands.Noun, h => WxccUserCommands.SetAsync(h, connection, new[] { new WxccUserIdentity(Email(0)) }, LabSettings, false));

        Assert.Equal(4, host.ShouldProcessCalls.Count);
        Assert.Equal("Enable Contact Center, user profile 'Premium Agent User Profile', site 'Site', teams 'Team1', 'Team2', desktop profile 'Agent Profile', multimedia profile 'MMP'", host.ShouldProcessCalls[0].Action);
        Assert.Empty(server.Writes);
        Assert.Empty(host.Errors);
    }

    [Fact]
    public async Task An_unknown_team_stops_the_command_before_any_user_is_read_or_changed()
    {
        var server = Tenant(3);
        using var connection = await ConnectAsync(server.Handler);
        var host = new RecordingHost();

        var stopped = Assert.Throws<CommandTerminatedException>(() =>
            CommandRunner.Run(host, WxccUserCommands.Noun, h => WxccUserCommands.SetAsync(h, connection, Enumerable.Range(0, 3).Select(i => new WxccUserIdentity(Email(i))).ToArray(), new WxccUserSettings { Teams = new[] { "Team9" } }, false)));

        Assert.Equal("WxccUserReferenceNotFound", stopped.Error.ErrorId);
        Assert.Equal("Team9", stopped.Error.TargetObject);
        Assert.Equal("No team is named 'Team9'.", stopped.Error.Message);
        Assert.Empty(server.Writes);
        Assert.DoesNotContain(server.Requests, r => r.Uri.AbsolutePath == Base + "v2/user");
    }

    [Fact]
    public async Task Nothing_to_change_is_a_terminating_InvalidArgument()
    {
        var server = Tenant(1);
        using var connection = await ConnectAsync(server.Handler);

        var stopped = Assert.Throws<CommandTerminatedException>(() =>
            CommandRunner.Run(new RecordingHost(), WxccUserCommands.Noun, h => WxccUserCommands.SetAsync(h, connection, new[] { new WxccUserIdentity(Email(0)) }, new WxccUserSettings(), false)));

        Assert.Equal("WxccUserInvalidArgument", stopped.Error.ErrorId);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Changing_the_user_profile_of_a_live_tenant_is_NoPublicApi_naming_Control_Hub_and_sends_nothing()
    {
        var server = Tenant(1);
        using var connection = await ConnectAsync(server.Handler, WebexEnvironment.ForRegion("us1"));

        var stopped = Assert.Throws<CommandTerminatedException>(() =>
            CommandRunner.Run(new RecordingHost(), WxccUserCommands.Noun, h => WxccUserCommands.SetAsync(h, connection, new[] { new WxccUserIdentity(Email(0)) }, LabSettings, false)));

        Assert.Equal("WxccUserNoPublicApi", stopped.Error.ErrorId);
        Assert.Contains("Control Hub → Users → (user) → Contact Center → User Profile", stopped.Error.Message);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Against_a_live_tenant_the_public_api_is_used_at_the_regional_host()
    {
        var server = Tenant(1).On("PUT", "user/" + UserId(0), (_, body) => StubHandler.Json(HttpStatusCode.OK, body!));
        using var connection = await ConnectAsync(server.Handler, WebexEnvironment.ForRegion("eu1"));
        var host = new RecordingHost();

        CommandRunner.Run(host, WxccUserCommands.Noun, h => WxccUserCommands.SetAsync(h, connection, new[] { new WxccUserIdentity(Email(0)) }, new WxccUserSettings { Site = "Site", ContactCenterEnabled = true }, false));

        Assert.Empty(host.Errors);
        Assert.All(server.Requests, r => Assert.Equal("api.wxcc-eu1.cisco.com", r.Uri.Host));
        Assert.Single(server.Writes);
    }

    [Fact]
    public async Task Get_by_email_pattern_matches_emails()
    {
        var server = Tenant(3);
        using var connection = await ConnectAsync(server.Handler);
        var host = new RecordingHost();

        CommandRunner.Run(host, WxccUserCommands.Noun, h => WxccUserCommands.GetAsync(h, connection, null, "agent[02]@*"));
        CommandRunner.Run(host, WxccUserCommands.Noun, h => WxccUserCommands.GetAsync(h, connection, null, Email(1)));

        Assert.Equal(new[] { Email(0), Email(2), Email(1) }, host.Objects.Cast<ContactCenterUser>().Select(u => u.Email));
    }
}
