using System.Net;
using System.Text.Json.Nodes;
using DigitalChannels.IntegrationTests.Infrastructure;
using Xunit;
using static DigitalChannels.IntegrationTests.ContactCenter.ContactCenterApi;

namespace DigitalChannels.IntegrationTests.ContactCenter;

/// <summary>The Contact Center configuration API over HTTP, as platform facts §1 describes it.</summary>
[Collection(SharedSandboxCollection.Name)]
public sealed class ConfigurationTests : IDisposable
{
    private readonly ContactCenterApi cc;

    public ConfigurationTests(SandboxProcess sandbox) => cc = new ContactCenterApi(sandbox);

    public void Dispose() => cc.Dispose();

    private async Task<(JsonObject Profile, JsonObject Site)> SiteWithProfileAsync()
    {
        var profile = await cc.CreateAsync("multimedia-profile", MultimediaProfile(Unique("MMP")), HttpStatusCode.OK);
        var site = await cc.CreateAsync("site", Site(Unique("Site"), profile["id"]!.ToString()));
        return (profile, site);
    }

    [Fact]
    public async Task Every_tenant_has_the_built_in_layout_user_profiles_and_desktop_profile()
    {
        using var layouts = await cc.SendAsync(HttpMethod.Get, "v2/desktop-layout?filter=name==\"Global Layout\"");
        var layout = Assert.Single((await cc.ExpectObjectAsync(layouts, HttpStatusCode.OK))["data"]!.AsArray())!;
        Assert.True(layout["systemDefault"]!.GetValue<bool>());

        using var profiles = await cc.SendAsync(HttpMethod.Get, "v3/user-profile?pageSize=100");
        var data = (await cc.ExpectObjectAsync(profiles, HttpStatusCode.OK))["data"]!.AsArray();
        foreach (var (name, type) in new[] { ("Premium Agent User Profile", "PREMIUM_AGENT"), ("Supervisor User Profile", "SUPERVISOR"), ("Administrator User Profile", "ADMINISTRATOR") })
            Assert.Contains(data, p => p!["name"]!.ToString() == name && p["profileType"]!.ToString() == type && p["systemDefault"]!.GetValue<bool>());

        using var desktop = await cc.SendAsync(HttpMethod.Get, "agent-profile?filter=name==\"Agent Profile\"");
        var agentProfile = Assert.Single((await cc.ExpectNodeAsync(desktop, HttpStatusCode.OK)).AsArray())!;
        Assert.True(agentProfile["systemDefault"]!.GetValue<bool>());

        using var delete = await cc.SendAsync(HttpMethod.Delete, $"desktop-layout/{layout["id"]}");
        await ExpectErrorAsync(delete, HttpStatusCode.BadRequest, "Global Layout", "system default");
    }

    [Fact]
    public async Task Multimedia_profile_and_site_crud_with_the_platform_status_codes()
    {
        var name = Unique("MMP");
        var profile = await cc.CreateAsync("multimedia-profile", MultimediaProfile(name), HttpStatusCode.OK); // POST → 200 (§1.2)
        Assert.Equal(0, profile["version"]!.GetValue<int>());
        Assert.Equal(cc.Org, profile["organizationId"]!.ToString());
        var id = profile["id"]!.ToString();

        using (var get = await cc.SendAsync(HttpMethod.Get, $"multimedia-profile/{id}"))
            Assert.Equal(name, (await cc.ExpectObjectAsync(get, HttpStatusCode.OK))["name"]!.ToString());

        profile["chat"] = 5;
        using (var put = await cc.SendAsync(HttpMethod.Put, $"multimedia-profile/{id}", profile))
        {
            var updated = await cc.ExpectObjectAsync(put, HttpStatusCode.OK);
            Assert.Equal(5, updated["chat"]!.GetValue<int>());
            Assert.Equal(1, updated["version"]!.GetValue<int>());
        }

        var site = await cc.CreateAsync("site", Site(Unique("Site"), id));
        var siteId = site["id"]!.ToString();
        site["active"] = false;
        using (var put = await cc.SendAsync(HttpMethod.Put, $"site/{siteId}", site))
            Assert.False((await cc.ExpectObjectAsync(put, HttpStatusCode.OK))["active"]!.GetValue<bool>());

        using (var delete = await cc.SendAsync(HttpMethod.Delete, $"site/{siteId}"))
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        using (var delete = await cc.SendAsync(HttpMethod.Delete, $"multimedia-profile/{id}"))
            Assert.Equal(HttpStatusCode.OK, delete.StatusCode); // DELETE → 200 (§1.2)
        using (var gone = await cc.SendAsync(HttpMethod.Get, $"multimedia-profile/{id}"))
            await ExpectErrorAsync(gone, HttpStatusCode.NotFound, id);
    }

    [Fact]
    public async Task Get_by_name_with_rsql_filter_and_search_on_v1_and_v2_lists()
    {
        var (profile, site) = await SiteWithProfileAsync();
        var name = site["name"]!.ToString();

        using (var v1 = await cc.SendAsync(HttpMethod.Get, $"site?filter=name==\"{name.ToUpperInvariant()}\""))
            Assert.Equal(site["id"]!.ToString(), Assert.Single((await cc.ExpectNodeAsync(v1, HttpStatusCode.OK)).AsArray())!["id"]!.ToString());
        using (var v2 = await cc.SendAsync(HttpMethod.Get, $"v2/site?filter=id=in=(\"{site["id"]}\",\"00000000-0000-0000-0000-000000000000\")"))
            Assert.Single((await cc.ExpectObjectAsync(v2, HttpStatusCode.OK))["data"]!.AsArray());
        using (var search = await cc.SendAsync(HttpMethod.Get, $"v2/multimedia-profile?search={Uri.EscapeDataString(profile["name"]!.ToString()[4..])}"))
            Assert.Single((await cc.ExpectObjectAsync(search, HttpStatusCode.OK))["data"]!.AsArray());
        using (var none = await cc.SendAsync(HttpMethod.Get, "site?filter=name==\"no such site\""))
            Assert.Empty((await cc.ExpectNodeAsync(none, HttpStatusCode.OK)).AsArray());
        using (var bad = await cc.SendAsync(HttpMethod.Get, "site?filter=name~~x"))
            await ExpectErrorAsync(bad, HttpStatusCode.BadRequest, "'filter'", "name~~x");
    }

    [Fact]
    public async Task V1_lists_are_bare_arrays_paged_and_v2_lists_carry_meta_with_rebuildable_links()
    {
        var prefix = Unique("Page");
        for (var i = 0; i < 5; i++) await cc.CreateAsync("multimedia-profile", MultimediaProfile($"{prefix} {i}"), HttpStatusCode.OK);
        var filter = Uri.EscapeDataString($"name==\"{prefix}*\"");

        var seen = new List<string>();
        for (var page = 0; ; page++)
        {
            using var response = await cc.SendAsync(HttpMethod.Get, $"multimedia-profile?filter={filter}&page={page}&pageSize=2");
            var items = (await cc.ExpectNodeAsync(response, HttpStatusCode.OK)).AsArray();
            if (items.Count == 0) break;
            seen.AddRange(items.Select(i => i!["name"]!.ToString()));
        }
        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"{prefix} {i}"), seen);

        using var v2 = await cc.SendAsync(HttpMethod.Get, $"v2/multimedia-profile?filter={filter}&page=1&pageSize=2");
        var list = await cc.ExpectObjectAsync(v2, HttpStatusCode.OK);
        var meta = list["meta"]!;
        Assert.Equal(cc.Org, meta["orgid"]!.ToString());
        Assert.Equal(1, meta["page"]!.GetValue<int>());
        Assert.Equal(2, meta["pageSize"]!.GetValue<int>());
        Assert.Equal(3, meta["totalPages"]!.GetValue<int>());
        Assert.Equal(5, meta["totalRecords"]!.GetValue<int>());
        Assert.Equal($"{prefix} 2", list["data"]![0]!["name"]!.ToString());
        var next = meta["links"]!["next"]!.ToString();
        Assert.Contains("page=2", next);
        using var followed = await cc.SendAsync(HttpMethod.Get, next);
        Assert.Single((await cc.ExpectObjectAsync(followed, HttpStatusCode.OK))["data"]!.AsArray());

        using var projected = await cc.SendAsync(HttpMethod.Get, $"multimedia-profile?filter={filter}&attributes=name");
        var first = (await cc.ExpectNodeAsync(projected, HttpStatusCode.OK))[0]!.AsObject();
        Assert.Equal(["id", "name"], first.Select(p => p.Key).Order());
    }

    [Fact]
    public async Task Duplicate_names_are_409_and_team_names_are_unique_per_site()
    {
        var (profile, site) = await SiteWithProfileAsync();
        using (var duplicate = await cc.SendAsync(HttpMethod.Post, "site", Site(site["name"]!.ToString().ToLowerInvariant(), profile["id"]!.ToString())))
            await ExpectErrorAsync(duplicate, HttpStatusCode.Conflict, site["name"]!.ToString(), "already exists");

        var other = await cc.CreateAsync("site", Site(Unique("Site"), profile["id"]!.ToString()));
        var teamName = Unique("Team");
        await cc.CreateAsync("team", Team(teamName, site["id"]!.ToString(), profile["id"]!.ToString()));
        await cc.CreateAsync("team", Team(teamName, other["id"]!.ToString())); // same name, other site: allowed
        using var again = await cc.SendAsync(HttpMethod.Post, "team", Team(teamName, site["id"]!.ToString()));
        await ExpectErrorAsync(again, HttpStatusCode.Conflict, teamName, "unique per site");
    }

    [Fact]
    public async Task A_referenced_object_cannot_be_deleted_and_incoming_references_list_who_refers()
    {
        var (profile, site) = await SiteWithProfileAsync();
        var team = await cc.CreateAsync("team", Team(Unique("Team"), site["id"]!.ToString(), profile["id"]!.ToString()));
        Assert.Equal(site["name"]!.ToString(), team["siteName"]!.ToString());

        using (var delete = await cc.SendAsync(HttpMethod.Delete, $"site/{site["id"]}"))
            await ExpectErrorAsync(delete, HttpStatusCode.PreconditionFailed, site["name"]!.ToString(), team["name"]!.ToString(), "incoming-references");

        using (var references = await cc.SendAsync(HttpMethod.Get, $"multimedia-profile/{profile["id"]}/incoming-references"))
        {
            var body = await cc.ExpectObjectAsync(references, HttpStatusCode.OK);
            var ids = body["data"]!.AsArray().Select(e => e!["id"]!.ToString()).Order().ToArray();
            Assert.Equal(new[] { site["id"]!.ToString(), team["id"]!.ToString() }.Order(), ids);
            Assert.Equal(2, body["meta"]!["totalRecords"]!.GetValue<int>());
            Assert.Equal("multimedia-profile", body["meta"]!["currentEntity"]!.ToString());
        }
        using (var onlyTeams = await cc.SendAsync(HttpMethod.Get, $"multimedia-profile/{profile["id"]}/incoming-references?type=team"))
            Assert.Equal(team["id"]!.ToString(), Assert.Single((await cc.ExpectObjectAsync(onlyTeams, HttpStatusCode.OK))["data"]!.AsArray())!["id"]!.ToString());

        using (var deleteTeam = await cc.SendAsync(HttpMethod.Delete, $"team/{team["id"]}"))
            Assert.Equal(HttpStatusCode.NoContent, deleteTeam.StatusCode);
        using (var deleteSite = await cc.SendAsync(HttpMethod.Delete, $"site/{site["id"]}"))
            Assert.Equal(HttpStatusCode.NoContent, deleteSite.StatusCode);
    }

    [Fact]
    public async Task A_stale_version_is_refused_with_409_naming_both_versions()
    {
        var profile = await cc.CreateAsync("multimedia-profile", MultimediaProfile(Unique("MMP")), HttpStatusCode.OK);
        var id = profile["id"]!.ToString();
        using (var first = await cc.SendAsync(HttpMethod.Put, $"multimedia-profile/{id}", profile)) await cc.ExpectObjectAsync(first, HttpStatusCode.OK);
        using var stale = await cc.SendAsync(HttpMethod.Put, $"multimedia-profile/{id}", profile); // still version 0
        await ExpectErrorAsync(stale, HttpStatusCode.Conflict, "version 1", "version 0");
    }

    [Theory]
    [InlineData("BLENDED", 2, 3, 3, 3, "The field 'telephony' must be from 0 to 1 in BLENDED mode (got 2).")]
    [InlineData("BLENDED", 1, 6, 3, 3, "The field 'chat' must be from 0 to 5 in BLENDED mode (got 6).")]
    [InlineData("BLENDED_REALTIME", 0, 1, 0, 0, "The field 'telephony' must be from 1 to 1 in BLENDED_REALTIME mode (got 0).")]
    [InlineData("BLENDED_REALTIME", 1, 0, 0, 0, "The field 'chat' must be from 1 to 5 in BLENDED_REALTIME mode (got 0).")]
    [InlineData("EXCLUSIVE", 1, 2, 0, 0, "The field 'chat' must be from 0 to 1 in EXCLUSIVE mode (got 2).")]
    [InlineData("MIXED", 1, 1, 1, 1, "The field 'blendingMode' must be BLENDED, BLENDED_REALTIME or EXCLUSIVE (got 'MIXED').")]
    public async Task Multimedia_profile_blending_limits_are_enforced(string mode, int telephony, int chat, int email, int social, string message)
    {
        using var response = await cc.SendAsync(HttpMethod.Post, "multimedia-profile", MultimediaProfile(Unique("MMP"), mode, telephony, chat, email, social));
        Assert.Equal(message, await ExpectErrorAsync(response, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Schema_violations_name_the_field_and_value()
    {
        var (profile, _) = await SiteWithProfileAsync();
        var cases = new (string Segment, JsonObject Body, string Message)[]
        {
            ("site", new JsonObject { ["name"] = "S", ["active"] = true }, "The field 'multimediaProfileId' is required."),
            ("site", Site("Bad!name", profile["id"]!.ToString()), "The field 'name' must match the pattern ^[a-zA-Z\\d-_\\s]+$ (got 'Bad!name')."),
            ("site", Site(new string('a', 81), profile["id"]!.ToString()), "The field 'name' must have at most 80 characters (got 81"),
            ("site", new JsonObject { ["name"] = "S", ["active"] = "yes", ["multimediaProfileId"] = profile["id"]!.ToString() }, "The field 'active' must be true or false, not string \"yes\"."),
            ("site", Site(Unique("Site"), "no-such-profile"), "The field 'multimediaProfileId' names multimedia profile 'no-such-profile', which does not exist"),
            ("agent-profile", With(DesktopProfile(Unique("DP")), "timeoutDesktopInactivityMins", 2), "The field 'timeoutDesktopInactivityMins' must be at least 3 (got 2)."),
            ("agent-profile", With(DesktopProfile(Unique("DP")), "accessQueue", "SOME"), "The field 'accessQueue' must be one of SPECIFIC, ALL, PROVISIONED_VALUE, NONE (got 'SOME')."),
            ("agent-profile", With(DesktopProfile(Unique("DP")), "accessQueue", "SPECIFIC"), "The field 'queues' must list at least one id when 'accessQueue' is SPECIFIC."),
            ("entry-point", With(EntryPoint(Unique("EP")), "overflowNumber", "12a"), "The field 'overflowNumber' must match the pattern ^[0-9]*$ (got '12a')."),
            ("entry-point", With(With(EntryPoint(Unique("EP")), "entryPointType", "OUTBOUND"), "channelType", "EMAIL"), "The field 'channelType' must be TELEPHONY for an OUTBOUND entry point (got 'EMAIL')."),
            ("v3/user-profile", With(UserProfile(Unique("UP")), "profileType", "BOSS"), "The field 'profileType' must be one of ADMINISTRATOR"),
        };
        foreach (var (segment, body, message) in cases)
        {
            using var response = await cc.SendAsync(HttpMethod.Post, segment, body);
            await ExpectErrorAsync(response, HttpStatusCode.BadRequest, message);
        }
    }

    private static JsonObject With(JsonObject body, string field, JsonNode value)
    {
        body[field] = value;
        return body;
    }

    [Fact]
    public async Task Team_rules_type_and_site_are_fixed_and_capacity_teams_take_no_profile_or_users()
    {
        var (profile, site) = await SiteWithProfileAsync();
        var (_, otherSite) = await SiteWithProfileAsync();
        var team = await cc.CreateAsync("team", Team(Unique("Team"), site["id"]!.ToString(), profile["id"]!.ToString()));
        var id = team["id"]!.ToString();

        var changedType = team.DeepClone().AsObject();
        changedType["teamType"] = "CAPACITY";
        using (var response = await cc.SendAsync(HttpMethod.Put, $"team/{id}", changedType))
            await ExpectErrorAsync(response, HttpStatusCode.BadRequest, "The field 'teamType' cannot change after the team is created (it is AGENT, the request says CAPACITY).");

        var changedSite = team.DeepClone().AsObject();
        changedSite["siteId"] = otherSite["id"]!.ToString();
        using (var response = await cc.SendAsync(HttpMethod.Put, $"team/{id}", changedSite))
            await ExpectErrorAsync(response, HttpStatusCode.BadRequest, "The field 'siteId' cannot change after the team is created");

        using (var response = await cc.SendAsync(HttpMethod.Post, "team", Team(Unique("Cap"), site["id"]!.ToString(), profile["id"]!.ToString(), "CAPACITY")))
            await ExpectErrorAsync(response, HttpStatusCode.BadRequest, "The field 'multiMediaProfileId' must not be set for a CAPACITY team");

        var rankings = Team(Unique("Rank"), site["id"]!.ToString());
        rankings["queueRankings"] = new JsonArray(new JsonObject { ["queueId"] = "q", ["rank"] = 51 });
        using (var response = await cc.SendAsync(HttpMethod.Post, "team", rankings))
            await ExpectErrorAsync(response, HttpStatusCode.BadRequest, "The field 'queueRankings[0].rank' must be at most 50 (got 51).");

        using (var response = await cc.SendAsync(HttpMethod.Post, "team", Team(Unique("Cap"), site["id"]!.ToString(), type: "CAPACITY")))
            await cc.ExpectObjectAsync(response, HttpStatusCode.Created);
    }

    [Fact]
    public async Task Desktop_profile_entry_point_queue_and_user_profile_crud()
    {
        var (profile, site) = await SiteWithProfileAsync();
        var team = await cc.CreateAsync("team", Team(Unique("Team"), site["id"]!.ToString(), profile["id"]!.ToString()));

        foreach (var (segment, body, itemPath, deletePath) in new (string, JsonObject, string, string)[]
                 {
                     ("agent-profile", DesktopProfile(Unique("DP")), "agent-profile", "agent-profile"),
                     ("entry-point", EntryPoint(Unique("EP")), "entry-point", "entry-point"),
                     ("contact-service-queue", Queue(Unique("Q"), team["id"]!.ToString()), "contact-service-queue", "contact-service-queue"),
                     ("v2/contact-service-queue", Queue(Unique("Q2"), team["id"]!.ToString()), "v2/contact-service-queue", "contact-service-queue"),
                     ("v3/user-profile", UserProfile(Unique("UP")), "v3/user-profile", "v3/user-profile"),
                 })
        {
            var created = await cc.CreateAsync(segment, body);
            var id = created["id"]!.ToString();
            created["description"] = "changed";
            using (var put = await cc.SendAsync(HttpMethod.Put, $"{itemPath}/{id}", created))
                Assert.Equal("changed", (await cc.ExpectObjectAsync(put, HttpStatusCode.OK))["description"]!.ToString());
            using (var get = await cc.SendAsync(HttpMethod.Get, $"{itemPath}/{id}"))
                Assert.Equal(1, (await cc.ExpectObjectAsync(get, HttpStatusCode.OK))["version"]!.GetValue<int>());
            using (var delete = await cc.SendAsync(HttpMethod.Delete, $"{deletePath}/{id}"))
                Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        }

        // The queue names the team: the team is referenced while the queue exists.
        var queue = await cc.CreateAsync("contact-service-queue", Queue(Unique("Q"), team["id"]!.ToString()));
        using (var delete = await cc.SendAsync(HttpMethod.Delete, $"team/{team["id"]}"))
            await ExpectErrorAsync(delete, HttpStatusCode.PreconditionFailed, queue["name"]!.ToString());
        using (var v3 = await cc.SendAsync(HttpMethod.Get, $"v3/contact-service-queue?filter=id==\"{queue["id"]}\""))
            Assert.Single((await cc.ExpectObjectAsync(v3, HttpStatusCode.OK))["data"]!.AsArray());
    }

    [Fact]
    public async Task Bulk_saves_and_deletes_report_each_item_with_207()
    {
        var existing = await cc.CreateAsync("multimedia-profile", MultimediaProfile(Unique("MMP")), HttpStatusCode.OK);
        var renamed = existing.DeepClone().AsObject();
        renamed["name"] = Unique("Renamed");
        var newName = Unique("Bulk");
        var body = new JsonObject
        {
            ["items"] = new JsonArray(
                new JsonObject { ["itemIdentifier"] = 1, ["requestAction"] = "SAVE", ["item"] = With(MultimediaProfile(newName), "organizationId", cc.Org) },
                new JsonObject { ["itemIdentifier"] = 2, ["requestAction"] = "SAVE", ["item"] = renamed },
                new JsonObject { ["itemIdentifier"] = 3, ["requestAction"] = "SAVE", ["item"] = With(MultimediaProfile(Unique("Bad"), telephony: 7), "organizationId", cc.Org) },
                new JsonObject { ["itemIdentifier"] = 4, ["requestAction"] = "DELETE", ["item"] = new JsonObject { ["id"] = "00000000-0000-0000-0000-000000000000" } },
                new JsonObject { ["itemIdentifier"] = 5, ["requestAction"] = "SAVE", ["item"] = MultimediaProfile(Unique("NoOrg")) }),
        };
        using var response = await cc.SendAsync(HttpMethod.Post, "multimedia-profile/bulk", body);
        var items = (await cc.ExpectObjectAsync(response, HttpStatusCode.MultiStatus))["items"]!.AsArray();
        Assert.Equal([1, 2, 3, 4, 5], items.Select(i => i!["itemIdentifier"]!.GetValue<int>()));
        Assert.Equal([200, 200, 400, 404, 400], items.Select(i => i!["status"]!.GetValue<int>()));
        Assert.Equal(["CREATE", "UPDATE", "CREATE", "DELETE", "CREATE"], items.Select(i => i!["operationType"]!.ToString()));
        Assert.StartsWith($"/organization/{cc.Org}/multimedia-profile/", items[0]!["href"]!.ToString());
        Assert.Contains("The field 'telephony' must be from 0 to 1", items[2]!["apiError"]!["error"]!["message"]![0]!["description"]!.ToString());
        Assert.Equal("400", items[2]!["apiError"]!["error"]!["key"]!.ToString());
        Assert.Contains("'organizationId' is required in bulk saves", items[4]!["apiError"]!["error"]!["message"]![0]!["description"]!.ToString());

        using var created = await cc.SendAsync(HttpMethod.Get, $"multimedia-profile?filter=name==\"{newName}\"");
        Assert.Single((await cc.ExpectNodeAsync(created, HttpStatusCode.OK)).AsArray());
        using var updated = await cc.SendAsync(HttpMethod.Get, $"multimedia-profile/{existing["id"]}");
        Assert.Equal(renamed["name"]!.ToString(), (await cc.ExpectObjectAsync(updated, HttpStatusCode.OK))["name"]!.ToString());
    }

    [Fact]
    public async Task Reads_need_a_config_scope_and_writes_need_config_write()
    {
        var readOnly = await cc.Api.OwnerTokenAsync("cjp:config_read");
        using (var read = await cc.SendAsync(HttpMethod.Get, "site", withToken: readOnly)) Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        using (var write = await cc.SendAsync(HttpMethod.Post, "multimedia-profile", MultimediaProfile(Unique("MMP")), readOnly))
            await ExpectErrorAsync(write, HttpStatusCode.Forbidden, "'cjp:config_write'");

        var writeOnly = await cc.Api.OwnerTokenAsync("cjp:config_write");
        using (var read = await cc.SendAsync(HttpMethod.Get, "v2/team", withToken: writeOnly)) Assert.Equal(HttpStatusCode.OK, read.StatusCode);

        var connectOnly = await cc.Api.OwnerTokenAsync("connect:config_read");
        using (var read = await cc.SendAsync(HttpMethod.Get, "site", withToken: connectOnly))
            await ExpectErrorAsync(read, HttpStatusCode.Forbidden, "'cjp:config_read' or 'cjp:config_write'");
        using (var anonymous = await cc.Api.SendAsync(HttpMethod.Get, cc.Path("site"), token: null))
            await ExpectErrorAsync(anonymous, HttpStatusCode.Unauthorized, "Authorization");
    }

    [Fact]
    public async Task There_is_no_post_user_users_come_from_control_hub()
    {
        using var response = await cc.SendAsync(HttpMethod.Post, "user", new JsonObject { ["email"] = "x@example.test" });
        await ExpectErrorAsync(response, HttpStatusCode.MethodNotAllowed, "Synchronize Users");
        using var unknown = await cc.SendAsync(HttpMethod.Get, "no-such-resource");
        await ExpectErrorAsync(unknown, HttpStatusCode.NotFound, "no-such-resource");
    }
}
