using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using DigitalChannels.IntegrationTests.Infrastructure;
using Xunit;
using static DigitalChannels.IntegrationTests.ContactCenter.ContactCenterApi;

namespace DigitalChannels.IntegrationTests.ContactCenter;

/// <summary>
/// People with Contact Center licences (People API) and Control Hub's Synchronize Users, on a sandbox of their own so
/// that the synchronization counts are exact.
/// </summary>
public sealed class PeopleAndSynchronizationTests : IClassFixture<SandboxProcess>, IDisposable
{
    private static readonly string FullAdministratorRole = Convert.ToBase64String(Encoding.UTF8.GetBytes("ciscospark://us/ROLE/id_full_admin")).TrimEnd('=');
    private readonly ContactCenterApi cc;

    public PeopleAndSynchronizationTests(SandboxProcess sandbox) => cc = new ContactCenterApi(sandbox);

    public void Dispose() => cc.Dispose();

    private string SyncPath => $"/controlhub/v1/organization/{cc.Org}/contact-center/synchronize-users";

    private async Task<Dictionary<string, JsonObject>> LicensesAsync()
    {
        using var response = await cc.SendAsync(HttpMethod.Get, "/v1/licenses");
        return (await cc.ExpectObjectAsync(response, HttpStatusCode.OK))["items"]!.AsArray().ToDictionary(l => l!["name"]!.ToString(), l => l!.AsObject());
    }

    private async Task<JsonObject> CreatePersonAsync(string email, params string[] licenses) =>
        await CreatePersonAsync(email, licenses, []);

    private async Task<JsonObject> CreatePersonAsync(string email, string[] licenses, string[] roles)
    {
        using var response = await cc.SendAsync(HttpMethod.Post, "/v1/people", new JsonObject
        {
            ["emails"] = new JsonArray(email), ["displayName"] = "Ada Agent", ["firstName"] = "Ada", ["lastName"] = "Agent",
            ["licenses"] = new JsonArray(licenses.Select(l => (JsonNode)l).ToArray()), ["roles"] = new JsonArray(roles.Select(r => (JsonNode)r).ToArray()),
        });
        return await cc.ExpectObjectAsync(response, HttpStatusCode.OK);
    }

    private async Task<JsonObject> SynchronizeAsync()
    {
        using var response = await cc.SendAsync(HttpMethod.Post, SyncPath);
        return await cc.ExpectObjectAsync(response, HttpStatusCode.OK);
    }

    private static string CiUserId(JsonObject person) =>
        Encoding.UTF8.GetString(Convert.FromBase64String(person["id"]!.ToString().PadRight((person["id"]!.ToString().Length + 3) / 4 * 4, '=')))
            .Replace("ciscospark://us/PEOPLE/", "");

    private async Task<JsonObject> UserAsync(JsonObject person)
    {
        using var response = await cc.SendAsync(HttpMethod.Get, $"user/by-ci-user-id/{CiUserId(person)}");
        return await cc.ExpectObjectAsync(response, HttpStatusCode.OK);
    }

    private static async Task ExpectPeopleErrorAsync(HttpResponseMessage response, HttpStatusCode status, string contains)
    {
        var body = await SandboxApi.ExpectJsonAsync(response, status);
        Assert.Contains(contains, body.GetProperty("message").GetString());
        Assert.Contains(contains, body.GetProperty("errors")[0].GetProperty("description").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("trackingId").GetString()));
    }

    [Fact]
    public async Task Licensed_people_become_users_on_synchronize_and_losing_the_licence_deactivates_them()
    {
        var licenses = await LicensesAsync();
        var premium = licenses["Contact Center Premium Agent"];
        Assert.Contains("Contact Center Standard Agent", licenses.Keys);
        var premiumId = premium["id"]!.ToString();
        Assert.StartsWith("ciscospark://us/LICENSE/", Encoding.UTF8.GetString(Convert.FromBase64String(premiumId.PadRight((premiumId.Length + 3) / 4 * 4, '='))));

        var agent = await CreatePersonAsync($"agent-{Guid.NewGuid():N}@example.test", premiumId);
        var admin = await CreatePersonAsync($"admin-{Guid.NewGuid():N}@example.test", [premiumId], [FullAdministratorRole]);
        var unlicensed = await CreatePersonAsync($"nobody-{Guid.NewGuid():N}@example.test");
        Assert.Equal(2, (await LicensesAsync())["Contact Center Premium Agent"]["consumedUnits"]!.GetValue<int>() - premium["consumedUnits"]!.GetValue<int>());

        using (var before = await cc.SendAsync(HttpMethod.Get, $"user/by-ci-user-id/{CiUserId(agent)}"))
            await ExpectErrorAsync(before, HttpStatusCode.NotFound, "Synchronize Users");

        var first = await SynchronizeAsync();
        Assert.Equal(2, first["activated"]!.GetValue<int>());
        Assert.Equal(0, first["deactivated"]!.GetValue<int>());

        var agentUser = await UserAsync(agent);
        Assert.True(agentUser["active"]!.GetValue<bool>());
        Assert.False(agentUser["contactCenterEnabled"]!.GetValue<bool>());
        Assert.Equal(agent["emails"]![0]!.ToString(), agentUser["email"]!.ToString());
        Assert.Equal("PREMIUM_AGENT", agentUser["userProfileType"]!.ToString());
        Assert.Equal("ADMINISTRATOR", (await UserAsync(admin))["userProfileType"]!.ToString());
        using (var v2 = await cc.SendAsync(HttpMethod.Get, $"v2/user/by-ci-user-id/{CiUserId(admin)}")) await cc.ExpectObjectAsync(v2, HttpStatusCode.OK);
        using (var none = await cc.SendAsync(HttpMethod.Get, $"user/by-ci-user-id/{CiUserId(unlicensed)}")) Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);

        // Remove the licence → synchronize → inactive; re-add → synchronize → active again (lab rule 22).
        using (var remove = await cc.SendAsync(HttpMethod.Patch, "/v1/licenses/users", new JsonObject
               {
                   ["email"] = agent["emails"]![0]!.ToString(), ["licenses"] = new JsonArray(new JsonObject { ["id"] = premiumId, ["operation"] = "remove" }),
               }))
            Assert.Empty((await cc.ExpectObjectAsync(remove, HttpStatusCode.OK))["licenses"]!.AsArray());
        var second = await SynchronizeAsync();
        Assert.Equal((0, 1), (second["activated"]!.GetValue<int>(), second["deactivated"]!.GetValue<int>()));
        Assert.False((await UserAsync(agent))["active"]!.GetValue<bool>());

        using (var add = await cc.SendAsync(HttpMethod.Patch, "/v1/licenses/users", new JsonObject
               {
                   ["personId"] = agent["id"]!.ToString(), ["licenses"] = new JsonArray(new JsonObject { ["id"] = premiumId, ["operation"] = "add" }),
               }))
            Assert.Equal(premiumId, Assert.Single((await cc.ExpectObjectAsync(add, HttpStatusCode.OK))["licenses"]!.AsArray())!.ToString());
        var third = await SynchronizeAsync();
        Assert.Equal(1, third["activated"]!.GetValue<int>());
        Assert.True((await UserAsync(agent))["active"]!.GetValue<bool>());

        // Deleting the person deactivates the user on the next synchronization.
        using (var delete = await cc.SendAsync(HttpMethod.Delete, $"/v1/people/{admin["id"]}")) Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Equal(1, (await SynchronizeAsync())["deactivated"]!.GetValue<int>());
        Assert.False((await UserAsync(admin))["active"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Agent_settings_change_through_put_and_patch_but_control_hub_fields_do_not()
    {
        var premiumId = (await LicensesAsync())["Contact Center Premium Agent"]["id"]!.ToString();
        var person = await CreatePersonAsync($"settings-{Guid.NewGuid():N}@example.test", premiumId);
        await SynchronizeAsync();
        var user = await UserAsync(person);
        var id = user["id"]!.ToString();

        var profile = await cc.CreateAsync("multimedia-profile", MultimediaProfile(Unique("MMP")), HttpStatusCode.OK);
        var site = await cc.CreateAsync("site", Site(Unique("Site"), profile["id"]!.ToString()));
        var team = await cc.CreateAsync("team", Team(Unique("Team"), site["id"]!.ToString(), profile["id"]!.ToString()));
        var capacity = await cc.CreateAsync("team", Team(Unique("Cap"), site["id"]!.ToString(), type: "CAPACITY"));
        using var desktopProfiles = await cc.SendAsync(HttpMethod.Get, "agent-profile?filter=name==\"Agent Profile\"");
        var agentProfileId = (await cc.ExpectNodeAsync(desktopProfiles, HttpStatusCode.OK))[0]!["id"]!.ToString();

        var withoutEnabling = user.DeepClone().AsObject();
        withoutEnabling["siteId"] = site["id"]!.ToString();
        using (var response = await cc.SendAsync(HttpMethod.Put, $"user/{id}", withoutEnabling))
            await ExpectErrorAsync(response, HttpStatusCode.BadRequest, "The field 'siteId' is an agent setting and needs 'contactCenterEnabled' true");

        var renamed = user.DeepClone().AsObject();
        renamed["email"] = "other@example.test";
        using (var response = await cc.SendAsync(HttpMethod.Put, $"user/{id}", renamed))
            await ExpectErrorAsync(response, HttpStatusCode.BadRequest, "The field 'email' is managed in Control Hub", "other@example.test");

        var enabled = user.DeepClone().AsObject();
        enabled["contactCenterEnabled"] = true;
        enabled["siteId"] = site["id"]!.ToString();
        enabled["teamIds"] = new JsonArray(team["id"]!.ToString());
        enabled["agentProfileId"] = agentProfileId;
        enabled["multimediaProfileId"] = profile["id"]!.ToString();
        using (var response = await cc.SendAsync(HttpMethod.Put, $"user/{id}", enabled))
        {
            var saved = await cc.ExpectObjectAsync(response, HttpStatusCode.OK);
            Assert.True(saved["contactCenterEnabled"]!.GetValue<bool>());
            Assert.Equal(site["name"]!.ToString(), saved["siteName"]!.ToString());
        }

        using (var response = await cc.SendAsync(HttpMethod.Patch, $"user/{id}", new JsonObject { ["teamIds"] = new JsonArray(capacity["id"]!.ToString()) }))
            await ExpectErrorAsync(response, HttpStatusCode.BadRequest, "CAPACITY team", capacity["name"]!.ToString());
        using (var response = await cc.SendAsync(HttpMethod.Patch, $"user/{id}", new JsonObject { ["externalIdentifier"] = "ext-1" }))
            Assert.Equal("ext-1", (await cc.ExpectObjectAsync(response, HttpStatusCode.OK))["externalIdentifier"]!.ToString());
        using (var response = await cc.SendAsync(HttpMethod.Patch, $"user/{id}", new JsonObject { ["userProfileId"] = "x" }))
            await ExpectErrorAsync(response, HttpStatusCode.BadRequest, "The field 'userProfileId' is managed in Control Hub");

        using (var delete = await cc.SendAsync(HttpMethod.Delete, $"team/{team["id"]}"))
            await ExpectErrorAsync(delete, HttpStatusCode.PreconditionFailed, person["emails"]![0]!.ToString());

        using var bulk = await cc.SendAsync(HttpMethod.Patch, "user/bulk", new JsonObject
        {
            ["items"] = new JsonArray(
                new JsonObject { ["itemIdentifier"] = 1, ["requestAction"] = "SAVE", ["item"] = new JsonObject { ["id"] = id, ["organizationId"] = cc.Org, ["externalIdentifier"] = "ext-2" } },
                new JsonObject { ["itemIdentifier"] = 2, ["requestAction"] = "SAVE", ["item"] = new JsonObject { ["organizationId"] = cc.Org, ["email"] = "new@example.test" } },
                // The spec's PATCH bulk: only 'id' is mandatory, requestAction defaults to SAVE (its own example has neither organizationId nor more).
                new JsonObject { ["itemIdentifier"] = 3, ["item"] = new JsonObject { ["id"] = id, ["externalIdentifier"] = "ext-3" } },
                new JsonObject { ["itemIdentifier"] = 4, ["requestAction"] = "DELETE", ["item"] = new JsonObject { ["id"] = id } }),
        });
        var items = (await cc.ExpectObjectAsync(bulk, HttpStatusCode.MultiStatus))["items"]!.AsArray();
        Assert.Equal([200, 400, 200, 400], items.Select(i => i!["status"]!.GetValue<int>()));
        Assert.Contains("users cannot be created", items[1]!["apiError"]!["error"]!["message"]![0]!["description"]!.ToString());
        Assert.Contains("'requestAction' must be SAVE on a partial (PATCH) bulk update (got 'DELETE')", items[3]!["apiError"]!["error"]!["message"]![0]!["description"]!.ToString());
        using (var read = await cc.SendAsync(HttpMethod.Get, $"user/{id}"))
            Assert.Equal("ext-3", (await cc.ExpectObjectAsync(read, HttpStatusCode.OK))["externalIdentifier"]!.ToString());
    }

    [Fact]
    public async Task People_api_validates_and_answers_in_the_webex_error_body()
    {
        var email = $"p-{Guid.NewGuid():N}@example.test";
        var person = await CreatePersonAsync(email);
        Assert.Equal("person", person["type"]!.ToString());

        using (var list = await cc.SendAsync(HttpMethod.Get, $"/v1/people?email={Uri.EscapeDataString(email.ToUpperInvariant())}"))
            Assert.Equal(person["id"]!.ToString(), Assert.Single((await cc.ExpectObjectAsync(list, HttpStatusCode.OK))["items"]!.AsArray())!["id"]!.ToString());
        using (var duplicate = await cc.SendAsync(HttpMethod.Post, "/v1/people", new JsonObject { ["emails"] = new JsonArray(email), ["displayName"] = "Twin" }))
            await ExpectPeopleErrorAsync(duplicate, HttpStatusCode.Conflict, email);
        using (var twoEmails = await cc.SendAsync(HttpMethod.Post, "/v1/people", new JsonObject { ["emails"] = new JsonArray("a@x.test", "b@x.test"), ["displayName"] = "Two" }))
            await ExpectPeopleErrorAsync(twoEmails, HttpStatusCode.BadRequest, "exactly one email");
        using (var noName = await cc.SendAsync(HttpMethod.Post, "/v1/people", new JsonObject { ["emails"] = new JsonArray($"n-{Guid.NewGuid():N}@x.test") }))
            await ExpectPeopleErrorAsync(noName, HttpStatusCode.BadRequest, "'displayName', 'firstName' or 'lastName'");
        using (var badLicense = await cc.SendAsync(HttpMethod.Post, "/v1/people", new JsonObject
               { ["emails"] = new JsonArray($"l-{Guid.NewGuid():N}@x.test"), ["displayName"] = "L", ["licenses"] = new JsonArray("not-a-licence") }))
            await ExpectPeopleErrorAsync(badLicense, HttpStatusCode.BadRequest, "not-a-licence");

        var replaced = person.DeepClone().AsObject();
        replaced["displayName"] = "Renamed Person";
        using (var put = await cc.SendAsync(HttpMethod.Put, $"/v1/people/{person["id"]}", replaced))
            Assert.Equal("Renamed Person", (await cc.ExpectObjectAsync(put, HttpStatusCode.OK))["displayName"]!.ToString());
        using (var missing = await cc.SendAsync(HttpMethod.Get, "/v1/people/bm9ib2R5"))
            await ExpectPeopleErrorAsync(missing, HttpStatusCode.NotFound, "bm9ib2R5");

        var readOnly = await cc.Api.OwnerTokenAsync("spark-admin:people_read");
        using (var write = await cc.SendAsync(HttpMethod.Post, "/v1/people", new JsonObject { ["emails"] = new JsonArray("r@x.test"), ["displayName"] = "R" }, readOnly))
            await ExpectPeopleErrorAsync(write, HttpStatusCode.Forbidden, "spark-admin:people_write");
    }
}
