using System.Net;
using DigitalChannels.Client.Commands;
using DigitalChannels.Client.ContactCenter;
using DigitalChannels.Client.Environments;
using DigitalChannels.Client.Http;
using DigitalChannels.Client.Tests.Infrastructure;
using Newtonsoft.Json.Linq;
using static DigitalChannels.Client.Tests.ContactCenter.FakeContactCenter;

namespace DigitalChannels.Client.Tests.ContactCenter;

/// <summary>The command logic of the Wxcc configuration cmdlets against a scripted Contact Center.</summary>
public class ContactCenterCommandsTests
{
    [Fact]
    public async Task New_multimedia_profile_with_the_lab_values_posts_a_blended_profile_and_writes_it()
    {
        var server = new FakeContactCenter().On("POST", "multimedia-profile", HttpStatusCode.OK, Mmp());
        using var connection = await ConnectAsync(server.Handler);
        var host = new RecordingHost();

        CommandRunner.Run(host, MultimediaProfileCommands.Noun, h => MultimediaProfileCommands.NewAsync(h, connection,
            new MultimediaProfileSettings { Name = "MMP", BlendingMode = BlendingMode.Blended, Telephony = 1, Chat = 3, Email = 3, Social = 3 }));

        Assert.Empty(host.Errors);
        var (target, action) = Assert.Single(host.ShouldProcessCalls);
        Assert.Contains("'MMP' (BLENDED: telephony 1, chat 3, email 3, social 3)", target);
        Assert.Equal("Create", action);
        Assert.Equal(JObject.Parse("{\"name\":\"MMP\",\"active\":true,\"blendingMode\":\"BLENDED\",\"blendingModeEnabled\":true,\"telephony\":1,\"chat\":3,\"email\":3,\"social\":3}"),
            Body(server.Requests.Single()), JToken.EqualityComparer);
        Assert.Equal(MmpId, Assert.IsType<MultimediaProfile>(Assert.Single(host.Objects)).Id);
    }

    [Theory]
    [InlineData(BlendingMode.Blended, 1, 7, 0, 0, "The Chat count 7 is out of range for blending mode BLENDED: it must be 0–5.")]
    [InlineData(BlendingMode.Blended, 2, 1, 0, 0, "The Telephony count 2 is out of range for blending mode BLENDED: it must be 0–1.")]
    [InlineData(BlendingMode.BlendedRealtime, 0, 1, 0, 0, "The Telephony count 0 is out of range for blending mode BLENDED_REALTIME: it must be 1.")]
    [InlineData(BlendingMode.BlendedRealtime, 1, 0, 0, 0, "The Chat count 0 is out of range for blending mode BLENDED_REALTIME: it must be 1–5.")]
    [InlineData(BlendingMode.Exclusive, 1, 1, 6, 0, "The Email count 6 is out of range for blending mode EXCLUSIVE: it must be 0–5.")]
    [InlineData(BlendingMode.Blended, 1, 1, 1, -1, "The Social count -1 is out of range for blending mode BLENDED: it must be 0–5.")]
    public async Task Counts_out_of_the_mode_range_are_refused_naming_value_and_range_before_any_request(BlendingMode mode, int voice, int chat, int email, int social, string message)
    {
        var server = new FakeContactCenter();
        using var connection = await ConnectAsync(server.Handler);
        var host = new RecordingHost();

        CommandRunner.Run(host, MultimediaProfileCommands.Noun, h => MultimediaProfileCommands.NewAsync(h, connection,
            new MultimediaProfileSettings { Name = "MMP", BlendingMode = mode, Telephony = voice, Chat = chat, Email = email, Social = social }));

        var error = Assert.Single(host.Errors);
        Assert.Equal("WxccMultimediaProfileInvalidArgument", error.ErrorId);
        Assert.Equal(CommandErrorCategory.InvalidArgument, error.Category);
        Assert.StartsWith(message, error.Message);
        Assert.Empty(server.Requests);
        Assert.Empty(host.ShouldProcessCalls);
    }

    [Theory]
    [InlineData("", "The multimedia profile name is empty.")]
    [InlineData("MMP/1", "The multimedia profile name 'MMP/1' may hold only letters, digits, '.', '_', '-' and spaces.")]
    public async Task Bad_names_are_refused_naming_the_name(string name, string message)
    {
        var server = new FakeContactCenter();
        using var connection = await ConnectAsync(server.Handler);
        var host = new RecordingHost();

        CommandRunner.Run(host, MultimediaProfileCommands.Noun, h => MultimediaProfileCommands.NewAsync(h, connection, new MultimediaProfileSettings { Name = name }));

        Assert.StartsWith(message, Assert.Single(host.Errors).Message);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Set_multimedia_profile_checks_the_whole_result_against_the_new_mode()
    {
        // Stored: BLENDED with telephony 1, chat 3. Switching to EXCLUSIVE keeps them (fine); BLENDED_REALTIME with chat 0 is not.
        var server = new FakeContactCenter().WithLabObjects();
        using var connection = await ConnectAsync(server.Handler);
        var host = new RecordingHost();

        CommandRunner.Run(host, MultimediaProfileCommands.Noun, h => MultimediaProfileCommands.SetAsync(h, connection, new MultimediaProfileIdentity("MMP"),
            new MultimediaProfileSettings { BlendingMode = BlendingMode.BlendedRealtime, Chat = 0 }, false));

        Assert.StartsWith("The Chat count 0 is out of range for blending mode BLENDED_REALTIME: it must be 1–5.", Assert.Single(host.Errors).Message);
        Assert.Empty(server.Writes);
    }

    [Fact]
    public async Task New_site_resolves_the_multimedia_profile_by_name_and_a_duplicate_is_AlreadyExists()
    {
        var server = new FakeContactCenter().WithLabObjects().On("POST", "site", HttpStatusCode.Conflict, CcError(409, "Similar entity is already present."));
        using var connection = await ConnectAsync(server.Handler);
        var host = new RecordingHost();

        CommandRunner.Run(host, SiteCommands.Noun, h => SiteCommands.NewAsync(h, connection, new SiteSettings { Name = "Site", MultimediaProfile = "MMP" }));

        var post = server.Writes.Single();
        Assert.Equal(JObject.Parse($"{{\"name\":\"Site\",\"active\":true,\"multimediaProfileId\":\"{MmpId}\"}}"), Body(post), JToken.EqualityComparer);
        var error = Assert.Single(host.Errors);
        Assert.Equal("WxccSiteAlreadyExists", error.ErrorId);
        Assert.Equal(CommandErrorCategory.ResourceExists, error.Category);
        Assert.Contains("Similar entity is already present", error.Message);
    }

    [Fact]
    public async Task New_site_with_an_unknown_multimedia_profile_names_it_and_creates_nothing()
    {
        var server = new FakeContactCenter().WithLabObjects();
        using var connection = await ConnectAsync(server.Handler);
        var host = new RecordingHost();

        CommandRunner.Run(host, SiteCommands.Noun, h => SiteCommands.NewAsync(h, connection, new SiteSettings { Name = "Site", MultimediaProfile = "Nope" }));

        var error = Assert.Single(host.Errors);
        Assert.Equal("WxccSiteReferenceNotFound", error.ErrorId);
        Assert.Equal(CommandErrorCategory.ObjectNotFound, error.Category);
        Assert.Equal("Nope", error.TargetObject);
        Assert.Equal("No multimedia profile is named 'Nope'.", error.Message);
        Assert.Empty(server.Writes);
    }

    [Fact]
    public async Task New_team_is_agent_based_with_the_lab_names_and_Global_Layout_by_default()
    {
        var server = new FakeContactCenter().WithLabObjects().On("POST", "team", HttpStatusCode.Created, Team(Team1Id, "Team1"));
        using var connection = await ConnectAsync(server.Handler);
        var host = new RecordingHost();

        CommandRunner.Run(host, TeamCommands.Noun, h => TeamCommands.NewAsync(h, connection, new TeamSettings { Name = "Team1", Site = "Site", MultimediaProfile = "MMP" }));

        Assert.Empty(host.Errors);
        var post = server.Writes.Single();
        Assert.Equal(JObject.Parse($"{{\"name\":\"Team1\",\"teamType\":\"AGENT\",\"teamStatus\":\"IN_SERVICE\",\"active\":true,\"rankQueuesForTeam\":false,\"siteId\":\"{SiteId}\",\"multiMediaProfileId\":\"{MmpId}\",\"desktopLayoutId\":\"{LayoutId}\"}}"),
            Body(post), JToken.EqualityComparer);
        Assert.Contains(server.Requests, r => r.Uri.AbsolutePath == Base + "v2/desktop-layout" && Query(r)["filter"] == "name==\"Global Layout\"");
        Assert.IsType<Team>(Assert.Single(host.Objects));
    }

    [Fact]
    public async Task A_capacity_team_refuses_a_multimedia_profile_before_any_request()
    {
        var server = new FakeContactCenter().WithLabObjects();
        using var connection = await ConnectAsync(server.Handler);
        var host = new RecordingHost();

        CommandRunner.Run(host, TeamCommands.Noun, h => TeamCommands.NewAsync(h, connection, new TeamSettings { Name = "Cap", Site = "Site", TeamType = TeamType.CapacityBased, MultimediaProfile = "MMP" }));

        Assert.StartsWith("The team 'Cap' is capacity based: it takes no multimedia profile.", Assert.Single(host.Errors).Message);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task WhatIf_sends_no_change_for_new_set_and_remove()
    {
        var server = new FakeContactCenter().WithLabObjects().On("GET", "team/" + Team1Id, HttpStatusCode.OK, Team(Team1Id, "Team1"));
        using var connection = await ConnectAsync(server.Handler);
        var host = new RecordingHost { Answer = false };

        CommandRunner.Run(host, MultimediaProfileCommands.Noun, h => MultimediaProfileCommands.NewAsync(h, connection, new MultimediaProfileSettings { Name = "MMP2", Telephony = 1 }));
        CommandRunner.Run(host, SiteCommands.Noun, h => SiteCommands.NewAsync(h, connection, new SiteSettings { Name = "Site2", MultimediaProfile = "MMP" }));
        CommandRunner.Run(host, TeamCommands.Noun, h => TeamCommands.NewAsync(h, connection, new TeamSettings { Name = "Team3", Site = "Site", MultimediaProfile = "MMP" }));
        CommandRunner.Run(host, DesktopProfileCommands.Noun, h => DesktopProfileCommands.NewAsync(h, connection, new DesktopProfileSettings { Name = "DP" }));
        CommandRunner.Run(host, SiteCommands.Noun, h => SiteCommands.SetAsync(h, connection, new SiteIdentity("Site"), new SiteSettings { Description = "x" }, true));
        CommandRunner.Run(host, TeamCommands.Noun, h => TeamCommands.SetAsync(h, connection, new TeamIdentity(Team1Id), new TeamSettings { InService = false }, true));
        CommandRunner.Run(host, TeamCommands.Noun, h => TeamCommands.RemoveAsync(h, connection, new TeamIdentity("Team1")));
        CommandRunner.Run(host, MultimediaProfileCommands.Noun, h => MultimediaProfileCommands.RemoveAsync(h, connection, new MultimediaProfileIdentity("MMP")));

        Assert.Equal(8, host.ShouldProcessCalls.Count);
        Assert.Empty(server.Writes);
        Assert.Empty(host.Objects);
        Assert.Empty(host.Errors);
    }

    [Fact]
    public async Task Set_site_reads_then_puts_the_whole_site_with_its_version_and_unknown_fields()
    {
        var stored = Site(version: 3, extra: ",\"futureField\":\"keep me\"");
        var server = new FakeContactCenter().WithLabObjects()
            .List("v2/site", stored)
            .On("PUT", "site/" + SiteId, (_, body) => StubHandler.Json(HttpStatusCode.OK, body!.Replace("\"version\":3", "\"version\":4")));
        using var connection = await ConnectAsync(server.Handler);
        var host = new RecordingHost();

        CommandRunner.Run(host, SiteCommands.Noun, h => SiteCommands.SetAsync(h, connection, new SiteIdentity("Site"), new SiteSettings { Name = "Main Site" }, passThru: true));

        Assert.Empty(host.Errors);
        Assert.Equal(("Site 'Site' (id " + SiteId + ")", "Rename to 'Main Site'"), Assert.Single(host.ShouldProcessCalls));
        var body = Body(server.Writes.Single());
        Assert.Equal("Main Site", (string?)body["name"]);
        Assert.Equal(3, (int)body["version"]!);
        Assert.Equal(SiteId, (string?)body["id"]);
        Assert.Equal("keep me", (string?)body["futureField"]);
        Assert.Equal(4, Assert.IsType<Site>(Assert.Single(host.Objects)).Version);
    }

    [Theory]
    [InlineData(409)]
    [InlineData(412)]
    public async Task A_stale_version_becomes_PreconditionFailed_naming_both_versions(int status)
    {
        var reads = 0;
        var server = new FakeContactCenter().WithLabObjects()
            .On("GET", "site/" + SiteId, (_, _) => StubHandler.Json(HttpStatusCode.OK, Site(version: reads++ == 0 ? 3 : 4)))
            .On("PUT", "site/" + SiteId, (HttpStatusCode)status, CcError(status, "Version mismatch."));
        using var connection = await ConnectAsync(server.Handler);
        var host = new RecordingHost();

        CommandRunner.Run(host, SiteCommands.Noun, h => SiteCommands.SetAsync(h, connection, new SiteIdentity(SiteId), new SiteSettings { Description = "x" }, false));

        var error = Assert.Single(host.Errors);
        Assert.Equal("WxccSitePreconditionFailed", error.ErrorId);
        Assert.Equal(CommandErrorCategory.InvalidOperation, error.Category);
        Assert.Contains("changed by someone else meanwhile (version 3 was read, version 4 is stored)", error.Message);
    }

    [Fact]
    public async Task A_409_on_update_without_a_concurrent_change_stays_AlreadyExists()
    {
        var server = new FakeContactCenter().WithLabObjects()
            .On("PUT", "site/" + SiteId, HttpStatusCode.Conflict, CcError(409, "Similar entity is already present."));
        using var connection = await ConnectAsync(server.Handler);
        var host = new RecordingHost();

        CommandRunner.Run(host, SiteCommands.Noun, h => SiteCommands.SetAsync(h, connection, new SiteIdentity(SiteId), new SiteSettings { Name = "Other" }, false));

        Assert.Equal("WxccSiteAlreadyExists", Assert.Single(host.Errors).ErrorId);
    }

    [Fact]
    public async Task Remove_of_a_referenced_object_is_InUse_naming_the_references()
    {
        var server = new FakeContactCenter().WithLabObjects()
            .On("DELETE", "multimedia-profile/" + MmpId, HttpStatusCode.PreconditionFailed, CcError(412, "Resource referred in other entity(s)."))
            .On("GET", $"multimedia-profile/{MmpId}/incoming-references", HttpStatusCode.OK,
                $"{{\"meta\":{{\"totalRecords\":3}},\"data\":[{{\"id\":\"{SiteId}\",\"name\":\"Site\",\"additionalAttributes\":{{\"type\":\"site\"}}}},{{\"id\":\"{Team1Id}\",\"name\":\"Team1\",\"additionalAttributes\":{{\"type\":\"team\"}}}}]}}");
        using var connection = await ConnectAsync(server.Handler);
        var host = new RecordingHost();

        CommandRunner.Run(host, MultimediaProfileCommands.Noun, h => MultimediaProfileCommands.RemoveAsync(h, connection, new MultimediaProfileIdentity("MMP")));

        var error = Assert.Single(host.Errors);
        Assert.Equal("WxccMultimediaProfileInUse", error.ErrorId);
        Assert.Equal(CommandErrorCategory.InvalidOperation, error.Category);
        Assert.Equal($"The multimedia profile 'MMP' is in use and cannot be removed: it is referred to by site 'Site' ({SiteId}), team 'Team1' ({Team1Id}) and 1 more.", error.Message);
    }

    [Fact]
    public async Task Remove_deletes_after_should_process()
    {
        var server = new FakeContactCenter().WithLabObjects().On("DELETE", "site/" + SiteId, HttpStatusCode.NoContent, "");
        using var connection = await ConnectAsync(server.Handler);
        var host = new RecordingHost();

        CommandRunner.Run(host, SiteCommands.Noun, h => SiteCommands.RemoveAsync(h, connection, new SiteIdentity("Site")));

        Assert.Empty(host.Errors);
        Assert.Equal(("Site 'Site' (id " + SiteId + ")", "Remove"), Assert.Single(host.ShouldProcessCalls));
        Assert.Equal("DELETE " + Base + "site/" + SiteId, server.Writes.Select(r => r.Method + " " + r.Uri.AbsolutePath).Single());
    }

    [Fact]
    public async Task Get_with_a_pattern_streams_every_page_and_filters_and_a_plain_missing_name_is_NotFound()
    {
        var teams = Enumerable.Range(0, 150).Select(i => Team(Guid.NewGuid().ToString(), i % 2 == 0 ? "Lab " + i : "Other " + i)).ToArray();
        var server = new FakeContactCenter().List("v2/team", teams);
        using var connection = await ConnectAsync(server.Handler);
        var host = new RecordingHost();

        CommandRunner.Run(host, TeamCommands.Noun, h => TeamCommands.GetAsync(h, connection, null, "lab*"));
        CommandRunner.Run(host, TeamCommands.Noun, h => TeamCommands.GetAsync(h, connection, null, "Missing"));

        Assert.Equal(75, host.Objects.Count);
        Assert.All(host.Objects, o => Assert.StartsWith("Lab ", ((Team)o).Name));
        // The team pages themselves (the site and profile names are read beside them, once).
        Assert.Equal(new[] { "0", "1" }, server.Requests.Where(r => r.Uri.AbsolutePath == Base + "v2/team" && Query(r)["attributes"] == null).Take(2).Select(r => Query(r)["page"]));
        var error = Assert.Single(host.Errors);
        Assert.Equal("WxccTeamNotFound", error.ErrorId);
        Assert.Equal("No team is named 'Missing'.", error.Message);
    }

    [Fact]
    public async Task Rate_limit_exhaustion_is_RateLimited_with_the_wait()
    {
        var server = new FakeContactCenter().On("GET", "v2/site", (_, _) =>
            StubHandler.Json((HttpStatusCode)429, CcError(429, "Too many requests."), r => r.Headers.Add("Retry-After", "0")));
        using var connection = await ConnectAsync(server.Handler, retry: new RetryPolicy { MaxAttempts = 2 });
        var host = new RecordingHost();

        CommandRunner.Run(host, SiteCommands.Noun, h => SiteCommands.GetAsync(h, connection, null, null));

        var error = Assert.Single(host.Errors);
        Assert.Equal("WxccSiteRateLimited", error.ErrorId);
        Assert.Equal(CommandErrorCategory.LimitsExceeded, error.Category);
        Assert.Equal("Wait 0 s and try again.", error.RecommendedAction);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task New_desktop_profile_sends_the_required_fields_and_checks_the_inactivity_range()
    {
        var server = new FakeContactCenter().On("POST", "agent-profile", HttpStatusCode.Created, AgentProfile());
        using var connection = await ConnectAsync(server.Handler);
        var host = new RecordingHost();

        CommandRunner.Run(host, DesktopProfileCommands.Noun, h => DesktopProfileCommands.NewAsync(h, connection, new DesktopProfileSettings { Name = "DP (lab)", AutoAnswer = true, InactivityTimeoutMinutes = 2 }));
        CommandRunner.Run(host, DesktopProfileCommands.Noun, h => DesktopProfileCommands.NewAsync(h, connection, new DesktopProfileSettings { Name = "DP (lab)", AutoAnswer = true }));

        Assert.StartsWith("The desktop inactivity timeout 2 min is out of range: it must be 3–10000 minutes.", Assert.Single(host.Errors).Message);
        var body = Body(server.Writes.Single());
        foreach (var required in new[] { "name", "parentType", "active", "accessWrapUpCode", "accessIdleCode", "accessQueue", "accessEntryPoint", "accessBuddyTeam", "agentDNValidation", "viewableStatistics" })
            Assert.True(body[required] != null, $"missing {required}");
        Assert.Equal("ALL", (string?)body["viewableStatistics"]!["accessQueueStats"]);
        Assert.True((bool)body["autoAnswer"]!);
    }
}
