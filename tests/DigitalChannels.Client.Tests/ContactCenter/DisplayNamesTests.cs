using System.Net;
using DigitalChannels.Client.Commands;
using DigitalChannels.Client.ContactCenter;
using DigitalChannels.Client.Tests.Infrastructure;
using Newtonsoft.Json.Linq;
using static DigitalChannels.Client.Tests.ContactCenter.FakeContactCenter;

namespace DigitalChannels.Client.Tests.ContactCenter;

/// <summary>The names the default views show instead of ids: filled by the Get- commands from one list per kind, never one request per row.</summary>
public class DisplayNamesTests
{
    private static string AssignedUser(int i) =>
        new JObject(JObject.Parse(User(Guid.NewGuid().ToString(), $"agent{i}@example.com")))
        {
            ["siteId"] = SiteId, ["teamIds"] = new JArray(Team1Id, Team2Id), ["agentProfileId"] = AgentProfileId, ["multimediaProfileId"] = MmpId,
        }.ToString(Newtonsoft.Json.Formatting.None);

    private static IEnumerable<RecordedRequest> NameLists(FakeContactCenter server) =>
        server.Requests.Where(r => Query(r)["attributes"] == "id,name");

    private static System.Collections.Specialized.NameValueCollection Query(RecordedRequest r) => System.Web.HttpUtility.ParseQueryString(r.Uri.Query);

    [Fact]
    public async Task Get_WxccUser_fills_site_team_and_profile_names_with_one_list_per_kind_whatever_the_number_of_users()
    {
        var server = new FakeContactCenter().WithLabObjects().List("v2/user", Enumerable.Range(0, 130).Select(AssignedUser).ToArray());
        using var connection = await ConnectAsync(server.Handler);
        var host = new RecordingHost();

        CommandRunner.Run(host, WxccUserCommands.Noun, h => WxccUserCommands.GetAsync(h, connection, null, null));

        Assert.Empty(host.Errors);
        Assert.Equal(130, host.Objects.Count);
        Assert.All(host.Objects.Cast<ContactCenterUser>(), u =>
        {
            Assert.Equal("Site", u.SiteName);
            Assert.Equal(new[] { "Team1", "Team2" }, u.TeamNames);
            Assert.Equal("Agent Profile", u.DesktopProfileName);
            Assert.Equal("MMP", u.MultimediaProfileName);
            Assert.Equal("Premium Agent User Profile", u.UserProfileName);
        });
        // Five kinds named, five lists of ids and names: never a request per user.
        Assert.Equal(new[] { "v2/agent-profile", "v2/multimedia-profile", "v2/site", "v2/team", "v3/user-profile" },
            NameLists(server).Select(r => r.Uri.AbsolutePath.Substring(Base.Length)).OrderBy(p => p, StringComparer.Ordinal));
        Assert.Equal(2, server.Requests.Count(r => r.Uri.AbsolutePath == Base + "v2/user")); // the users' own two pages
    }

    [Fact]
    public async Task Get_WxccTeam_and_Get_WxccSite_show_the_site_and_profile_names()
    {
        var server = new FakeContactCenter().WithLabObjects();
        using var connection = await ConnectAsync(server.Handler);
        var host = new RecordingHost();

        CommandRunner.Run(host, TeamCommands.Noun, h => TeamCommands.GetAsync(h, connection, null, "Team*"));
        CommandRunner.Run(host, SiteCommands.Noun, h => SiteCommands.GetAsync(h, connection, null, "Site"));

        Assert.Empty(host.Errors);
        var teams = host.Objects.OfType<Team>().ToList();
        Assert.Equal(2, teams.Count);
        Assert.All(teams, t => Assert.Equal(("Site", "MMP"), (t.SiteName, t.MultimediaProfileName)));
        Assert.Equal("MMP", Assert.Single(host.Objects.OfType<Site>()).MultimediaProfileName);
    }

    [Fact]
    public async Task Names_that_cannot_be_read_leave_the_ids_and_the_objects_are_still_written()
    {
        var server = new FakeContactCenter().WithLabObjects().List("v2/user", AssignedUser(1))
            .On("GET", "v2/site", HttpStatusCode.Forbidden, CcError(403, "Not allowed to read sites."));
        using var connection = await ConnectAsync(server.Handler);
        var host = new RecordingHost();

        CommandRunner.Run(host, WxccUserCommands.Noun, h => WxccUserCommands.GetAsync(h, connection, null, null));

        Assert.Empty(host.Errors);
        var user = Assert.IsType<ContactCenterUser>(Assert.Single(host.Objects));
        Assert.Null(user.SiteName);
        Assert.Equal(SiteId, user.SiteId);
        Assert.Equal(new[] { "Team1", "Team2" }, user.TeamNames);
        Assert.Contains(host.Verbose, v => v.StartsWith("The site names could not be read, so ids are shown:", StringComparison.Ordinal));
    }

    [Fact]
    public void Display_names_are_never_sent_to_the_server()
    {
        var team = new Team { Id = Team1Id, Name = "Team1", SiteId = SiteId, SiteName = "Site", MultimediaProfileName = "MMP" };
        var sent = JObject.Parse(Newtonsoft.Json.JsonConvert.SerializeObject(team));
        Assert.Equal(new[] { "id", "name", "siteId" }, sent.Properties().Where(p => p.Value.Type != JTokenType.Null).Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal));
    }
}
