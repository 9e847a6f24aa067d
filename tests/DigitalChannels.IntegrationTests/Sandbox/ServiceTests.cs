using System.Net;
using System.Text.Json;
using DigitalChannels.IntegrationTests.Infrastructure;
using Xunit;

namespace DigitalChannels.IntegrationTests.Sandbox;

/// <summary>Connect services: create, read, change, lock, delete, credentials, and the errors of each.</summary>
[Collection(SharedSandboxCollection.Name)]
public sealed class ServiceTests : IAsyncLifetime, IDisposable
{
    private readonly SandboxProcess sandbox;
    private readonly SandboxApi api;
    private string token = "";

    public ServiceTests(SandboxProcess sandbox)
    {
        this.sandbox = sandbox;
        api = new SandboxApi(sandbox);
    }

    public async Task InitializeAsync() => token = await api.OwnerTokenAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Create_returns_201_with_location_etag_and_the_service()
    {
        var name = SandboxApi.UniqueName("Lab A");
        using var response = await api.SendAsync(HttpMethod.Post, api.ServicesPath, token, new { name = "  " + name + " ", description = "Lab service" });
        var service = await SandboxApi.ExpectJsonAsync(response, HttpStatusCode.Created);

        var id = service.GetProperty("id").GetString()!;
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", id);
        Assert.Equal(sandbox.OrgId, service.GetProperty("organizationId").GetString());
        Assert.Equal(name, service.GetProperty("name").GetString());
        Assert.Equal("Lab service", service.GetProperty("description").GetString());
        Assert.False(service.GetProperty("locked").GetBoolean());
        Assert.Equal(0, service.GetProperty("version").GetInt64());
        var created = service.GetProperty("createdTime").GetString()!;
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$", created);
        Assert.Equal(created, service.GetProperty("lastUpdatedTime").GetString());
        Assert.Equal($"{api.ServicesPath}/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("\"0\"", response.Headers.ETag?.Tag);

        using var get = await api.SendAsync(HttpMethod.Get, $"{api.ServicesPath}/{id}", token);
        var fetched = await SandboxApi.ExpectJsonAsync(get, HttpStatusCode.OK);
        Assert.Equal(service.GetRawText(), fetched.GetRawText());
        Assert.Equal("\"0\"", get.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task Duplicate_name_is_409_regardless_of_case_naming_the_existing_service()
    {
        var name = SandboxApi.UniqueName("Duplicate");
        var existing = await api.CreateServiceAsync(token, name);

        using var response = await api.SendAsync(HttpMethod.Post, api.ServicesPath, token, new { name = name.ToUpperInvariant() });
        await SandboxApi.ExpectProblemAsync(response, HttpStatusCode.Conflict, "service.duplicate_name",
            $"'{name}'", existing.GetProperty("id").GetString()!);
    }

    [Fact]
    public async Task Rename_to_an_existing_name_is_409_but_changing_only_the_case_of_its_own_name_works()
    {
        var first = await api.CreateServiceAsync(token, SandboxApi.UniqueName("First"));
        var second = await api.CreateServiceAsync(token, SandboxApi.UniqueName("Second"));
        var secondPath = $"{api.ServicesPath}/{second.GetProperty("id").GetString()}";

        using (var clash = await api.SendAsync(HttpMethod.Patch, secondPath, token, new { name = first.GetProperty("name").GetString()!.ToLowerInvariant() }))
            await SandboxApi.ExpectProblemAsync(clash, HttpStatusCode.Conflict, "service.duplicate_name", first.GetProperty("id").GetString()!);

        var upper = second.GetProperty("name").GetString()!.ToUpperInvariant();
        using var recase = await api.SendAsync(HttpMethod.Patch, secondPath, token, new { name = upper });
        var renamed = await SandboxApi.ExpectJsonAsync(recase, HttpStatusCode.OK);
        Assert.Equal(upper, renamed.GetProperty("name").GetString());
        Assert.Equal(1, renamed.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Patch_changes_only_the_given_fields_and_bumps_the_version()
    {
        var service = await api.CreateServiceAsync(token, SandboxApi.UniqueName("Patch"), "before");
        var path = $"{api.ServicesPath}/{service.GetProperty("id").GetString()}";

        using var response = await api.SendAsync(HttpMethod.Patch, path, token, """{"description":"after","unknownField":42}""");
        var patched = await SandboxApi.ExpectJsonAsync(response, HttpStatusCode.OK);
        Assert.Equal(service.GetProperty("name").GetString(), patched.GetProperty("name").GetString());
        Assert.Equal("after", patched.GetProperty("description").GetString());
        Assert.Equal(1, patched.GetProperty("version").GetInt64());
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        Assert.Equal(service.GetProperty("createdTime").GetString(), patched.GetProperty("createdTime").GetString());

        using var clear = await api.SendAsync(HttpMethod.Patch, path, token, """{"description":null}""");
        var cleared = await SandboxApi.ExpectJsonAsync(clear, HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, cleared.GetProperty("description").ValueKind);
        Assert.Equal(2, cleared.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Patch_that_changes_nothing_returns_the_service_without_a_new_version()
    {
        var service = await api.CreateServiceAsync(token, SandboxApi.UniqueName("Unchanged"), "same");
        var path = $"{api.ServicesPath}/{service.GetProperty("id").GetString()}";

        using var response = await api.SendAsync(HttpMethod.Patch, path, token,
            new { name = service.GetProperty("name").GetString(), description = "same", locked = false });
        var unchanged = await SandboxApi.ExpectJsonAsync(response, HttpStatusCode.OK);
        Assert.Equal(service.GetRawText(), unchanged.GetRawText());
    }

    [Fact]
    public async Task Locked_service_refuses_patch_and_delete_with_423_until_unlocked()
    {
        var name = SandboxApi.UniqueName("Locked");
        var service = await api.CreateServiceAsync(token, name);
        var id = service.GetProperty("id").GetString()!;
        var path = $"{api.ServicesPath}/{id}";

        using (var lockIt = await api.SendAsync(HttpMethod.Patch, path, token, new { locked = true }))
            Assert.True((await SandboxApi.ExpectJsonAsync(lockIt, HttpStatusCode.OK)).GetProperty("locked").GetBoolean());

        using (var patch = await api.SendAsync(HttpMethod.Patch, path, token, new { description = "nope" }))
        {
            var problem = await SandboxApi.ExpectProblemAsync(patch, (HttpStatusCode)423, "service.locked");
            Assert.Equal($"Service '{name}' (id {id}) is locked. Unlock it before changing it.", problem.GetProperty("detail").GetString());
        }
        using (var delete = await api.SendAsync(HttpMethod.Delete, path, token))
            await SandboxApi.ExpectProblemAsync(delete, (HttpStatusCode)423, "service.locked", id);

        // Locking it again changes nothing, so it is not refused.
        using (var relock = await api.SendAsync(HttpMethod.Patch, path, token, new { locked = true }))
            Assert.Equal(1, (await SandboxApi.ExpectJsonAsync(relock, HttpStatusCode.OK)).GetProperty("version").GetInt64());

        // Unlocking and changing in one patch: one transaction, one new version.
        using (var unlock = await api.SendAsync(HttpMethod.Patch, path, token, new { locked = false, description = "unlocked" }))
        {
            var unlocked = await SandboxApi.ExpectJsonAsync(unlock, HttpStatusCode.OK);
            Assert.False(unlocked.GetProperty("locked").GetBoolean());
            Assert.Equal("unlocked", unlocked.GetProperty("description").GetString());
            Assert.Equal(2, unlocked.GetProperty("version").GetInt64());
        }

        using (var delete = await api.SendAsync(HttpMethod.Delete, path, token)) await SandboxApi.ExpectJsonAsync(delete, HttpStatusCode.NoContent);
        using (var gone = await api.SendAsync(HttpMethod.Get, path, token))
            await SandboxApi.ExpectProblemAsync(gone, HttpStatusCode.NotFound, "service.not_found", id);
    }

    [Fact]
    public async Task Stale_if_match_is_412_naming_the_current_version()
    {
        var service = await api.CreateServiceAsync(token, SandboxApi.UniqueName("Concurrency"));
        var path = $"{api.ServicesPath}/{service.GetProperty("id").GetString()}";

        using (var first = await api.SendAsync(HttpMethod.Patch, path, token, new { description = "v1" },
                   new Dictionary<string, string> { ["If-Match"] = "\"0\"" }))
            await SandboxApi.ExpectJsonAsync(first, HttpStatusCode.OK);

        using (var stale = await api.SendAsync(HttpMethod.Patch, path, token, new { description = "lost update" },
                   new Dictionary<string, string> { ["If-Match"] = "\"0\"" }))
            await SandboxApi.ExpectProblemAsync(stale, HttpStatusCode.PreconditionFailed, "resource.version_mismatch", "version 0", "current version is 1");

        using (var staleDelete = await api.SendAsync(HttpMethod.Delete, path, token, headers: new Dictionary<string, string> { ["If-Match"] = "\"0\"" }))
            await SandboxApi.ExpectProblemAsync(staleDelete, HttpStatusCode.PreconditionFailed, "resource.version_mismatch", "current version is 1");

        using (var bad = await api.SendAsync(HttpMethod.Patch, path, token, new { description = "x" }, new Dictionary<string, string> { ["If-Match"] = "\"abc\"" }))
            await SandboxApi.ExpectProblemAsync(bad, HttpStatusCode.BadRequest, "request.invalid_precondition", "\"abc\"");

        using var get = await api.SendAsync(HttpMethod.Get, path, token);
        Assert.Equal("v1", (await SandboxApi.ExpectJsonAsync(get, HttpStatusCode.OK)).GetProperty("description").GetString());
    }

    [Fact]
    public async Task Credentials_return_the_service_id_and_a_32_byte_secret_that_stays_the_same()
    {
        var service = await api.CreateServiceAsync(token, SandboxApi.UniqueName("Credentials"));
        var id = service.GetProperty("id").GetString()!;

        using var first = await api.SendAsync(HttpMethod.Get, $"{api.ServicesPath}/{id}/credentials", token);
        var credentials = await SandboxApi.ExpectJsonAsync(first, HttpStatusCode.OK);
        Assert.Equal(id, credentials.GetProperty("serviceId").GetString());
        var secret = credentials.GetProperty("serviceSecret").GetString()!;
        Assert.Equal(32, Convert.FromBase64String(secret).Length);
        Assert.False(service.TryGetProperty("serviceSecret", out _), "The service itself must not expose the secret.");

        using var second = await api.SendAsync(HttpMethod.Get, $"{api.ServicesPath}/{id}/credentials", token);
        Assert.Equal(secret, (await SandboxApi.ExpectJsonAsync(second, HttpStatusCode.OK)).GetProperty("serviceSecret").GetString());
    }

    [Theory]
    [InlineData("not-a-uuid")]
    [InlineData("00000000-0000-0000-0000-000000000001")]
    public async Task Unknown_service_is_404_naming_the_id(string id)
    {
        foreach (var (method, suffix) in new[] { (HttpMethod.Get, ""), (HttpMethod.Patch, ""), (HttpMethod.Delete, ""), (HttpMethod.Get, "/credentials") })
        {
            using var response = await api.SendAsync(method, $"{api.ServicesPath}/{id}{suffix}", token, method == HttpMethod.Patch ? new { description = "x" } : null);
            await SandboxApi.ExpectProblemAsync(response, HttpStatusCode.NotFound, "service.not_found", $"'{id}'");
        }
    }

    [Theory]
    [InlineData("""{"name":"   "}""", "'name'")]
    [InlineData("""{"description":"no name"}""", "'name'")]
    [InlineData("""{"name":42}""", "'name'")]
    [InlineData("""{"name":"ok","description":["x"]}""", "'description'")]
    [InlineData("[1,2]", "JSON object")]
    public async Task Invalid_create_bodies_are_400_naming_the_field(string body, string named)
    {
        using var response = await api.SendAsync(HttpMethod.Post, api.ServicesPath, token, body);
        var key = body.StartsWith('[') ? "request.invalid_json" : "request.invalid_field";
        await SandboxApi.ExpectProblemAsync(response, HttpStatusCode.BadRequest, key, named);
    }

    [Fact]
    public async Task Name_and_description_lengths_are_limited()
    {
        using (var exactly100 = await api.SendAsync(HttpMethod.Post, api.ServicesPath, token, new { name = Guid.NewGuid().ToString("N").PadRight(100, 'n') }))
            await SandboxApi.ExpectJsonAsync(exactly100, HttpStatusCode.Created);
        using (var tooLong = await api.SendAsync(HttpMethod.Post, api.ServicesPath, token, new { name = new string('n', 101) }))
            await SandboxApi.ExpectProblemAsync(tooLong, HttpStatusCode.BadRequest, "request.invalid_field", "'name'", "101");
        using (var longDescription = await api.SendAsync(HttpMethod.Post, api.ServicesPath, token,
                   new { name = SandboxApi.UniqueName("Long description"), description = new string('d', 501) }))
            await SandboxApi.ExpectProblemAsync(longDescription, HttpStatusCode.BadRequest, "request.invalid_field", "'description'", "501");
    }

    [Fact]
    public async Task Malformed_json_is_400()
    {
        using var response = await api.SendAsync(HttpMethod.Post, api.ServicesPath, token, """{"name": "x" """);
        await SandboxApi.ExpectProblemAsync(response, HttpStatusCode.BadRequest, "request.invalid_json", "not valid JSON");
    }

    [Fact]
    public async Task Patch_with_locked_null_or_a_non_boolean_is_400()
    {
        var service = await api.CreateServiceAsync(token, SandboxApi.UniqueName("Bad patch"));
        var path = $"{api.ServicesPath}/{service.GetProperty("id").GetString()}";
        using (var nullLocked = await api.SendAsync(HttpMethod.Patch, path, token, """{"locked":null}"""))
            await SandboxApi.ExpectProblemAsync(nullLocked, HttpStatusCode.BadRequest, "request.invalid_field", "'locked'");
        using (var textLocked = await api.SendAsync(HttpMethod.Patch, path, token, """{"locked":"yes"}"""))
            await SandboxApi.ExpectProblemAsync(textLocked, HttpStatusCode.BadRequest, "request.invalid_field", "'locked'", "\"yes\"");
    }

    [Fact]
    public async Task Every_response_carries_a_tracking_id_and_unknown_routes_and_methods_get_problem_bodies()
    {
        using (var ok = await api.SendAsync(HttpMethod.Get, api.ServicesPath, token))
            Assert.Matches("^sandbox_", Assert.Single(ok.Headers.GetValues("TrackingID")));
        using (var unknown = await api.SendAsync(HttpMethod.Get, "/connect/v1/nothing-here", token))
            await SandboxApi.ExpectProblemAsync(unknown, HttpStatusCode.NotFound, "route.not_found", "/connect/v1/nothing-here");
        using (var put = await api.SendAsync(HttpMethod.Put, $"{api.ServicesPath}/{Guid.NewGuid()}", token, new { name = "x" }))
            await SandboxApi.ExpectProblemAsync(put, HttpStatusCode.MethodNotAllowed, "route.method_not_allowed", "PUT");
    }

    public void Dispose() => api.Dispose();
}
