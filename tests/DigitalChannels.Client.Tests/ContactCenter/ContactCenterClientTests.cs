using System.Net;
using DigitalChannels.Client.ContactCenter;
using DigitalChannels.Client.Http;
using DigitalChannels.Client.Tests.Infrastructure;
using Newtonsoft.Json.Linq;
using static DigitalChannels.Client.Tests.ContactCenter.FakeContactCenter;

namespace DigitalChannels.Client.Tests.ContactCenter;

/// <summary>Every client operation: the exact request (method, path with orgid, query, JSON field names) and the parsing of CC-SPEC's example answers.</summary>
public class ContactCenterClientTests
{
    [Fact]
    public async Task Multimedia_profile_create_posts_the_spec_field_names_and_reads_the_stored_profile()
    {
        var server = new FakeContactCenter().On("POST", "multimedia-profile", HttpStatusCode.OK, Mmp());
        using var connection = await ConnectAsync(server.Handler);

        var created = await connection.ContactCenter.MultimediaProfiles.CreateAsync(new MultimediaProfile
        {
            Name = "MMP", BlendingMode = "BLENDED", BlendingModeEnabled = true, Active = true, Telephony = 1, Chat = 3, Email = 3, Social = 3,
        }, CancellationToken.None);

        var post = Assert.Single(server.Requests);
        Assert.Equal(HttpMethod.Post, post.Method);
        Assert.Equal($"http://sandbox.test/organization/{Org}/multimedia-profile", post.Uri.ToString());
        Assert.Equal(JObject.Parse("{\"name\":\"MMP\",\"blendingMode\":\"BLENDED\",\"blendingModeEnabled\":true,\"active\":true,\"telephony\":1,\"chat\":3,\"email\":3,\"social\":3}"), Body(post), JToken.EqualityComparer);
        Assert.Equal(MmpId, created.Id);
        Assert.Equal(0, created.Version);
        Assert.Equal(1617536244000, created.CreatedTime);
        Assert.Equal(3, created.Social);
    }

    [Fact]
    public async Task Team_create_sends_a_json_body_with_multiMediaProfileId_and_no_teamDTO_query_parameter()
    {
        var server = new FakeContactCenter().On("POST", "team", HttpStatusCode.Created, Team(Team1Id, "Team1"));
        using var connection = await ConnectAsync(server.Handler);

        var created = await connection.ContactCenter.Teams.CreateAsync(new Team
        {
            Name = "Team1", SiteId = SiteId, TeamType = "AGENT", TeamStatus = "IN_SERVICE", Active = true, RankQueuesForTeam = false,
            MultiMediaProfileId = MmpId, DesktopLayoutId = LayoutId,
        }, CancellationToken.None);

        var post = Assert.Single(server.Requests);
        Assert.Equal(string.Empty, post.Uri.Query);
        var body = Body(post);
        Assert.Equal(MmpId, (string?)body["multiMediaProfileId"]);
        Assert.Null(body["multimediaProfileId"]);
        Assert.Equal(new[] { "name", "teamType", "teamStatus", "active", "siteId", "multiMediaProfileId", "desktopLayoutId", "rankQueuesForTeam" }.OrderBy(n => n),
            body.Properties().Select(p => p.Name).OrderBy(n => n));
        // The spec's own example has "createdTime": "string": read as unknown, not a failure.
        Assert.Null(created.CreatedTime);
        Assert.Equal(MmpId, created.MultiMediaProfileId);
    }

    [Fact]
    public async Task Sites_and_users_spell_multimediaProfileId_with_a_lower_case_m()
    {
        var site = JObject.Parse(Newtonsoft.Json.JsonConvert.SerializeObject(new Site { Name = "Site", MultimediaProfileId = MmpId }));
        var user = JObject.Parse(Newtonsoft.Json.JsonConvert.SerializeObject(new ContactCenterUser { MultimediaProfileId = MmpId, DefaultDialledNumber = "1000" }));
        Assert.Equal(MmpId, (string?)site["multimediaProfileId"]);
        Assert.Equal(MmpId, (string?)user["multimediaProfileId"]);
        Assert.Equal("1000", (string?)user["deafultDialledNumber"]);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Get_by_id_reads_the_item_path_and_a_404_is_null()
    {
        var server = new FakeContactCenter().On("GET", "site/" + SiteId, HttpStatusCode.OK, Site());
        using var connection = await ConnectAsync(server.Handler);

        var site = await connection.ContactCenter.Sites.GetAsync(SiteId, CancellationToken.None);
        var missing = await connection.ContactCenter.Sites.GetAsync("00000000-0000-0000-0000-000000000000", CancellationToken.None);

        Assert.Equal("Site", site!.Name);
        Assert.Null(missing);
        Assert.Equal($"/organization/{Org}/site/{SiteId}", server.Requests[0].Uri.AbsolutePath);
    }

    [Fact]
    public async Task Find_by_name_asks_the_v2_list_with_an_rsql_filter_and_checks_the_name_itself()
    {
        // The server here ignores nothing, but the client must not trust it: a near name is not the name.
        var server = new FakeContactCenter().On("GET", "v2/site", HttpStatusCode.OK,
            $"{{\"meta\":{{\"page\":0,\"pageSize\":100,\"totalPages\":1,\"totalRecords\":2}},\"data\":[{Site("11111111-1111-1111-1111-111111111111", "Site 2")},{Site()}]}}");
        using var connection = await ConnectAsync(server.Handler);

        var site = await connection.ContactCenter.Sites.FindByNameAsync("Site", CancellationToken.None);

        Assert.Equal(SiteId, site!.Id);
        var get = Assert.Single(server.Requests);
        Assert.Equal($"/organization/{Org}/v2/site", get.Uri.AbsolutePath);
        Assert.Equal("name==\"Site\"", Query(get)["filter"]);
        Assert.Equal("0", Query(get)["page"]);
        Assert.Equal("100", Query(get)["pageSize"]);
    }

    [Fact]
    public async Task Rsql_values_escape_quotes_and_backslashes()
    {
        Assert.Equal("name==\"a\\\"b\\\\c\"", Rsql.Equal("name", "a\"b\\c"));
        Assert.Equal("id=in=(\"1\",\"2\")", Rsql.In("id", new[] { "1", "2" }));
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Update_puts_the_whole_object_back_with_id_version_and_the_fields_the_library_does_not_model()
    {
        var stored = Site(version: 4, extra: ",\"siteName\":\"read-only\",\"futureField\":{\"a\":[1,2]}");
        var server = new FakeContactCenter()
            .On("GET", "site/" + SiteId, HttpStatusCode.OK, stored)
            .On("PUT", "site/" + SiteId, (_, body) => StubHandler.Json(HttpStatusCode.OK, body!.Replace("\"version\":4", "\"version\":5")));
        using var connection = await ConnectAsync(server.Handler);
        var sites = connection.ContactCenter.Sites;

        var site = (await sites.GetAsync(SiteId, CancellationToken.None))!;
        site.Description = "changed";
        var updated = await sites.UpdateAsync(site, CancellationToken.None);

        var put = server.Requests.Single(r => r.Method == HttpMethod.Put);
        var expected = JObject.Parse(stored);
        expected["description"] = "changed";
        Assert.Equal(expected, Body(put), JToken.EqualityComparer);
        Assert.Equal(5, updated.Version);
    }

    [Fact]
    public async Task Update_without_a_version_is_refused_before_any_request()
    {
        var server = new FakeContactCenter();
        using var connection = await ConnectAsync(server.Handler);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => connection.ContactCenter.Sites.UpdateAsync(new Site { Id = SiteId, Name = "Site" }, CancellationToken.None));

        Assert.Contains("no version", error.Message);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Delete_and_incoming_references_use_the_item_paths_and_user_profiles_drop_v3_for_references()
    {
        var references = $"{{\"description\":\"refs\",\"meta\":{{\"totalRecords\":1}},\"data\":[{{\"id\":\"{Team1Id}\",\"name\":\"Team1\",\"additionalAttributes\":{{\"type\":\"team\"}},\"version\":0}}]}}";
        var server = new FakeContactCenter()
            .On("DELETE", "site/" + SiteId, HttpStatusCode.NoContent, "")
            .On("GET", $"site/{SiteId}/incoming-references", HttpStatusCode.OK, references)
            .On("GET", $"user-profile/{PremiumProfileId}/incoming-references", HttpStatusCode.OK, references)
            .On("POST", "v3/user-profile", HttpStatusCode.Created, PremiumProfile());
        using var connection = await ConnectAsync(server.Handler);
        var cc = connection.ContactCenter;

        await cc.Sites.DeleteAsync(SiteId, CancellationToken.None);
        var siteReferences = await cc.Sites.GetIncomingReferencesAsync(SiteId, CancellationToken.None);
        await cc.UserProfiles.GetIncomingReferencesAsync(PremiumProfileId, CancellationToken.None);
        await cc.UserProfiles.CreateAsync(new UserProfile { Name = "Lab Profile", ProfileType = "PREMIUM_AGENT", Active = true, PermissionAccessLevel = "ALL", ResourceAccessLevel = "ALL" }, CancellationToken.None);

        Assert.Equal(new[]
        {
            $"DELETE /organization/{Org}/site/{SiteId}",
            $"GET /organization/{Org}/site/{SiteId}/incoming-references",
            $"GET /organization/{Org}/user-profile/{PremiumProfileId}/incoming-references",
            $"POST /organization/{Org}/v3/user-profile",
        }, server.Requests.Select(r => r.Method + " " + r.Uri.AbsolutePath));
        Assert.Equal("team 'Team1' (" + Team1Id + ")", siteReferences.Data.Single().ToString());
    }

    [Fact]
    public async Task The_other_resources_live_where_the_spec_puts_them()
    {
        var server = new FakeContactCenter();
        foreach (var path in new[] { "v2/agent-profile", "v2/desktop-layout", "v2/entry-point", "v2/contact-service-queue", "v2/user", "v3/user-profile", "v2/team", "v2/multimedia-profile" })
            server.List(path);
        using var connection = await ConnectAsync(server.Handler);
        var cc = connection.ContactCenter;

        await cc.DesktopProfiles.ListAsync().ToListAsync();
        await cc.DesktopLayouts.ListAsync().ToListAsync();
        await cc.EntryPoints.ListAsync().ToListAsync();
        await cc.Queues.ListAsync().ToListAsync();
        await cc.Users.ListAsync().ToListAsync();
        await cc.UserProfiles.ListAsync().ToListAsync();
        await cc.Teams.ListAsync().ToListAsync();
        await cc.MultimediaProfiles.ListAsync().ToListAsync();

        Assert.Equal(new[] { "v2/agent-profile", "v2/desktop-layout", "v2/entry-point", "v2/contact-service-queue", "v2/user", "v3/user-profile", "v2/team", "v2/multimedia-profile" }.Select(p => Base + p),
            server.Requests.Select(r => r.Uri.AbsolutePath));
    }

    [Fact]
    public async Task A_v2_list_is_streamed_across_pages_rebuilt_from_page_numbers_never_from_links()
    {
        var teams = Enumerable.Range(0, 5).Select(i => Team($"00000000-0000-0000-0000-00000000000{i}", "T" + i)).ToArray();
        var server = new FakeContactCenter().List("v2/team", teams);
        using var connection = await ConnectAsync(server.Handler);

        var names = await connection.ContactCenter.Teams.ListAsync(pageSize: 2).Select(t => t.Name).ToListAsync();

        Assert.Equal(new[] { "T0", "T1", "T2", "T3", "T4" }, names);
        Assert.Equal(new[] { "0", "1", "2" }, server.Requests.Select(r => Query(r)["page"]));
        Assert.All(server.Requests, r => Assert.Equal(Base + "v2/team", r.Uri.AbsolutePath));
    }

    [Fact]
    public async Task A_v1_list_is_a_bare_array_paged_until_a_short_page()
    {
        var server = new FakeContactCenter().On("GET", "team", (request, _) =>
        {
            var page = int.Parse(System.Web.HttpUtility.ParseQueryString(request.RequestUri!.Query)["page"]!);
            var items = Enumerable.Range(page * 2, page < 2 ? 2 : 1).Select(i => Team($"00000000-0000-0000-0000-00000000000{i}", "T" + i));
            return StubHandler.Json(HttpStatusCode.OK, "[" + string.Join(",", items) + "]");
        });
        using var connection = await ConnectAsync(server.Handler);

        var names = await connection.ContactCenter.Teams.ListV1Async(pageSize: 2).Select(t => t.Name).ToListAsync();

        Assert.Equal(new[] { "T0", "T1", "T2", "T3", "T4" }, names);
        Assert.Equal(new[] { "page=0&pageSize=2", "page=1&pageSize=2", "page=2&pageSize=2" }, server.Requests.Select(r => r.Uri.Query.TrimStart('?')));
    }

    [Fact]
    public async Task A_v1_list_that_ignores_page_ends_instead_of_looping()
    {
        var server = new FakeContactCenter().On("GET", "site", HttpStatusCode.OK, $"[{Site()},{Site("11111111-1111-1111-1111-111111111111", "Site 2")}]");
        using var connection = await ConnectAsync(server.Handler);

        var sites = await connection.ContactCenter.Sites.ListV1Async(pageSize: 2).ToListAsync();

        Assert.Equal(2, sites.Count);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task The_spec_example_of_the_v2_user_list_parses_and_keeps_unmodelled_fields_for_the_round_trip()
    {
        const string example = "{\"data\":[{\"imiUserCreated\":false,\"lastName\":\"Wick\",\"userLevelSummariesInclusion\":\"INCLUDED\",\"timezone\":\"America/New_York\",\"preferredSupervisorTeamId\":\"2f9eecc5-0472-4549-9a83-2afdae0d4ba1\",\"organizationId\":\"f53c8b54-46ca-43f6-ba05-08426a46e23d\",\"broadCloudUserId\":\"1dq21e23-1234-5578-9a83-2afdae0d4ba1\",\"externalIdentifier\":\"121212\",\"createdTime\":1679393400000,\"lastUpdatedTime\":1679393400000,\"id\":\"93912f11-6017-404b-bf14-5331890b1797\",\"contactCenterEnabled\":true,\"email\":\"johnwick@company.com\",\"ciUserId\":\"1dq21e23-1234-5578-9a83-2afdae0d4ba1\",\"xspVersion\":\"xsp-24.0\",\"userLevelAutoCSATInclusion\":\"INCLUDED\",\"mobile\":1234567890,\"active\":true,\"version\":1,\"skillProfileId\":\"f53c8b54-46ca-43f6-ba05-08426a46e23d\",\"firstName\":\"John\",\"userLevelWellnessBreakReminders\":\"DISABLED\",\"agentProfileId\":\"8e6bb6da-2a78-4768-bef9-7e229f92af22\",\"siteId\":\"8e6bb6da-2a78-4768-bef9-7e229f92af22\",\"userLevelBurnoutInclusion\":\"INCLUDED\",\"workPhone\":1234567890,\"userProfileId\":\"1dq21e23-1234-5578-9a83-2afdae0d4ba1\",\"multimediaProfileId\":\"f53c8b54-46ca-43f6-ba05-08426a46e23d\",\"subscriptionId\":\"04d0bdf6-6d6a-4aae-8a8a-71c9152e6478\",\"deafultDialledNumber\":1234567890}],\"meta\":{\"additionalProp1\":\"string\",\"additionalProp2\":\"string\",\"additionalProp3\":\"string\"}}";
        var server = new FakeContactCenter().On("GET", "v2/user", HttpStatusCode.OK, example);
        using var connection = await ConnectAsync(server.Handler);

        var user = Assert.Single(await connection.ContactCenter.Users.ListAsync().ToListAsync());

        Assert.Equal("johnwick@company.com", user.Email);
        Assert.Equal("1234567890", user.DefaultDialledNumber);
        Assert.Equal("f53c8b54-46ca-43f6-ba05-08426a46e23d", user.MultimediaProfileId);
        Assert.Equal("8e6bb6da-2a78-4768-bef9-7e229f92af22", user.AgentProfileId);
        Assert.Equal(1, user.Version);
        Assert.Equal("America/New_York", (string?)user.AdditionalFields["timezone"]);
        var written = JObject.Parse(Newtonsoft.Json.JsonConvert.SerializeObject(user, WebexHttpPipeline.JsonSettings));
        Assert.Equal("INCLUDED", (string?)written["userLevelBurnoutInclusion"]);
        Assert.Equal(1234567890, (long)written["mobile"]!);
        Assert.Single(server.Requests); // meta without totalPages: one page, no loop
    }

    [Fact]
    public async Task Users_are_found_by_email_filter_and_by_ci_user_id_and_patched_partially()
    {
        const string id = "93912f11-6017-404b-bf14-5331890b1797";
        var server = new FakeContactCenter()
            .List("v2/user", User(id, "cl1agent1@example.com"))
            .On("GET", "user/by-ci-user-id/1dq21e23-1234-5578-9a83-5331890b1797", HttpStatusCode.OK, User(id, "cl1agent1@example.com"))
            .On("PATCH", "user/" + id, HttpStatusCode.OK, User(id, "cl1agent1@example.com", version: 2, enabled: true));
        using var connection = await ConnectAsync(server.Handler);
        var users = connection.ContactCenter.Users;

        var byEmail = await users.FindByEmailAsync("CL1AGENT1@example.com", CancellationToken.None);
        var byCi = await users.GetByCiUserIdAsync("1dq21e23-1234-5578-9a83-5331890b1797", CancellationToken.None);
        var patched = await users.PatchAsync(id, new JObject { ["contactCenterEnabled"] = true }, CancellationToken.None);

        Assert.Equal(id, byEmail!.Id);
        Assert.Equal(id, byCi!.Id);
        Assert.True(patched.ContactCenterEnabled);
        Assert.Equal("email==\"CL1AGENT1@example.com\"", Query(server.Requests[0])["filter"]);
        Assert.Equal("{\"contactCenterEnabled\":true}", server.Requests[2].Body);
        Assert.Equal("PATCH", server.Requests[2].Method.Method);
    }

    [Fact]
    public async Task User_bulk_is_a_patch_of_items_and_its_207_outcomes_are_read_item_by_item()
    {
        const string answer = "{\"items\":[" +
            "{\"itemIdentifier\":0,\"status\":200,\"operationType\":\"UPDATE\",\"href\":\"/api/organization/x/user/1\"}," +
            "{\"itemIdentifier\":1,\"status\":400,\"operationType\":\"UPDATE\",\"apiError\":{\"trackingId\":\"ccconfig_1\",\"error\":{\"key\":\"400\",\"reason\":\"Bad Request\",\"message\":[{\"description\":\"teamIds: team 'x' does not exist.\"}]}}}]}";
        var server = new FakeContactCenter().On("PATCH", "user/bulk", (HttpStatusCode)207, answer);
        using var connection = await ConnectAsync(server.Handler);

        var request = new BulkRequest();
        request.Items.Add(new BulkRequestItem { ItemIdentifier = 0, Item = new JObject { ["id"] = "u1", ["siteId"] = SiteId } });
        request.Items.Add(new BulkRequestItem { ItemIdentifier = 1, Item = new JObject { ["id"] = "u2", ["teamIds"] = new JArray("x") } });
        var response = await connection.ContactCenter.Users.BulkAsync(request, CancellationToken.None);

        var sent = Assert.Single(server.Requests);
        Assert.Equal("PATCH", sent.Method.Method);
        Assert.Equal(Base + "user/bulk", sent.Uri.AbsolutePath);
        Assert.Equal(JObject.Parse("{\"items\":[{\"itemIdentifier\":0,\"item\":{\"id\":\"u1\",\"siteId\":\"" + SiteId + "\"},\"requestAction\":\"SAVE\"},{\"itemIdentifier\":1,\"item\":{\"id\":\"u2\",\"teamIds\":[\"x\"]},\"requestAction\":\"SAVE\"}]}"), Body(sent), JToken.EqualityComparer);
        Assert.True(response.Items[0].Succeeded);
        Assert.False(response.Items[1].Succeeded);
        Assert.Equal("teamIds: team 'x' does not exist. (tracking id ccconfig_1)", response.Items[1].ApiError!.Describe());
    }

    [Fact]
    public async Task Other_bulk_endpoints_are_posts_and_duplicate_item_identifiers_are_refused()
    {
        var server = new FakeContactCenter().On("POST", "team/bulk", (HttpStatusCode)207, "{\"items\":[{\"itemIdentifier\":7,\"status\":201,\"operationType\":\"CREATE\"}]}");
        using var connection = await ConnectAsync(server.Handler);
        var request = new BulkRequest();
        request.Items.Add(new BulkRequestItem { ItemIdentifier = 7, Item = JObject.Parse(Team(Team1Id, "T")) });

        var response = await connection.ContactCenter.Teams.BulkAsync(request, CancellationToken.None);
        request.Items.Add(new BulkRequestItem { ItemIdentifier = 7, Item = new JObject() });
        var duplicate = await Assert.ThrowsAsync<ArgumentException>(() => connection.ContactCenter.Teams.BulkAsync(request, CancellationToken.None));

        Assert.Equal("POST", server.Requests.Single().Method.Method);
        Assert.Equal("CREATE", response.Items.Single().OperationType);
        Assert.Contains("identifier 7", duplicate.Message);
    }

    [Fact]
    public async Task A_409_carries_the_description_and_the_tracking_id()
    {
        var server = new FakeContactCenter().On("POST", "site", HttpStatusCode.Conflict, CcError(409, "Similar entity is already present."));
        using var connection = await ConnectAsync(server.Handler);

        var error = await Assert.ThrowsAsync<WebexApiException>(() => connection.ContactCenter.Sites.CreateAsync(new Site { Name = "Site", Active = true, MultimediaProfileId = MmpId }, CancellationToken.None));

        Assert.Equal(409, error.StatusCode);
        Assert.Equal("409", error.ErrorKey);
        Assert.Equal("ccconfig_af9eecc5-0472-4549-9a83-2afdae0d4ba0", error.TrackingId);
        Assert.Contains("Similar entity is already present", error.Message);
    }

    [Fact]
    public async Task A_400_surfaces_the_server_message()
    {
        var server = new FakeContactCenter().On("POST", "team", HttpStatusCode.BadRequest, CcError(400, "siteId: must not be blank."));
        using var connection = await ConnectAsync(server.Handler);

        var error = await Assert.ThrowsAsync<WebexApiException>(() => connection.ContactCenter.Teams.CreateAsync(new Team { Name = "T" }, CancellationToken.None));

        Assert.Equal(400, error.StatusCode);
        Assert.Equal("POST /organization/" + Org + "/team failed: 400 Bad Request. siteId: must not be blank. (tracking id ccconfig_af9eecc5-0472-4549-9a83-2afdae0d4ba0)", error.Message);
    }

    [Fact]
    public async Task A_429_is_retried_after_Retry_After_and_fails_with_the_wait_when_the_retries_run_out()
    {
        var server = new FakeContactCenter().On("GET", "v2/site", (_, _) =>
            StubHandler.Json((HttpStatusCode)429, CcError(429, "Too many requests."), r => r.Headers.Add("Retry-After", "0")));
        using var connection = await ConnectAsync(server.Handler, retry: new RetryPolicy { MaxAttempts = 3 });

        var error = await Assert.ThrowsAsync<WebexApiException>(() => connection.ContactCenter.Sites.ListAsync().ToListAsync().AsTask());

        Assert.Equal(429, error.StatusCode);
        Assert.Equal(3, server.Requests.Count);
        Assert.Equal(TimeSpan.Zero, error.RetryAfter);
    }
}
