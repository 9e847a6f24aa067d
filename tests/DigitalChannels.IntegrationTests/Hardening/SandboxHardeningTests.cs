using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using DigitalChannels.IntegrationTests.Infrastructure;
using DigitalChannels.Sandbox.Connect.Teammates;
using DigitalChannels.Sandbox.Hosting;

namespace DigitalChannels.IntegrationTests.Hardening;

/// <summary>
/// Secrets at rest and in transit, and bounded cost per request: the data folder is the owner's alone, tokens are only
/// issued for the sandbox's own URLs, Authorization headers are never echoed, one app's tokens can be revoked, dot
/// segments never reach another resource, bodies are capped, and cheap checks come before expensive work.
/// </summary>
public sealed class SandboxHardeningTests : IClassFixture<SandboxProcess>
{
    private readonly SandboxProcess sandbox;

    public SandboxHardeningTests(SandboxProcess sandbox) => this.sandbox = sandbox;

    [Fact]
    public void The_data_folder_and_its_files_are_readable_by_their_owner_only()
    {
        Assert.False(OperatingSystem.IsWindows(), "This check is for Unix file modes; Windows keeps the folder in the user's own profile.");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(sandbox.DataDirectory));
        var files = Directory.GetFiles(sandbox.DataDirectory);
        Assert.Contains(files, f => f.EndsWith("sandbox.db", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith("connection.json", StringComparison.Ordinal));
        foreach (var file in files)
            Assert.True(File.GetUnixFileMode(file) == (UnixFileMode.UserRead | UnixFileMode.UserWrite), $"{file} has mode {File.GetUnixFileMode(file)}.");
    }

    [Fact]
    public async Task A_request_naming_a_foreign_host_gets_no_token_and_no_answer_from_the_api()
    {
        using var api = new SandboxApi(sandbox);
        var port = new Uri(sandbox.BaseUrl).Port;
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = sandbox.ClientId, ["client_secret"] = sandbox.ClientSecret };

        // DNS rebinding: a page on rebind.attacker.example:PORT whose name now resolves to 127.0.0.1.
        using var foreign = new HttpRequestMessage(HttpMethod.Post, "/v1/access_token") { Content = new FormUrlEncodedContent(form) };
        foreign.Headers.Host = $"rebind.attacker.example:{port}";
        using var refused = await api.Http.SendAsync(foreign);
        var body = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("request.host_not_allowed", body);
        Assert.DoesNotContain("access_token", body);

        var token = await api.OwnerTokenAsync();
        using var call = new HttpRequestMessage(HttpMethod.Get, api.ServicesPath);
        call.Headers.Host = $"rebind.attacker.example:{port}";
        call.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var apiRefused = await api.Http.SendAsync(call);
        Assert.Equal(HttpStatusCode.BadRequest, apiRefused.StatusCode);

        // The sandbox's own names keep working: its loopback aliases on its port.
        using var local = new HttpRequestMessage(HttpMethod.Post, "/v1/access_token") { Content = new FormUrlEncodedContent(form) };
        local.Headers.Host = $"localhost:{port}";
        using var issued = await api.Http.SendAsync(local);
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
    }

    [Fact]
    public async Task An_authorization_header_is_never_echoed_back()
    {
        using var api = new SandboxApi(sandbox);
        var secretish = "eyJhbGciOiJSUzI1NiJ9SECRETVALUE0123456789";
        foreach (var header in new[] { secretish, "Token" + secretish, "Bearer " + secretish, "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("idSECRETVALUE:pwSECRETVALUE")) })
        {
            foreach (var path in new[] { api.ServicesPath, "/v1/people", $"/organization/{sandbox.OrgId}/site", "/sandbox/v1/clock" })
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, path);
                request.Headers.TryAddWithoutValidation("Authorization", header);
                using var response = await api.Http.SendAsync(request);
                var everything = await response.Content.ReadAsStringAsync() + string.Join("\n", response.Headers.Select(h => h.Key + ": " + string.Join(",", h.Value)));
                Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
                Assert.DoesNotContain("SECRETVALUE", everything);
                Assert.DoesNotContain("eyJhbGciOi", everything);
            }
        }
        // The token endpoint with Basic credentials that disagree with the form.
        using var token = new HttpRequestMessage(HttpMethod.Post, "/v1/access_token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = "other" }),
        };
        token.Headers.TryAddWithoutValidation("Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("idSECRETVALUE:pwSECRETVALUE")));
        using var answer = await api.Http.SendAsync(token);
        Assert.DoesNotContain("SECRETVALUE", await answer.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Removing_an_app_revokes_its_tokens_at_once_and_an_app_cannot_remove_itself()
    {
        using var api = new SandboxApi(sandbox);
        var owner = await api.OwnerTokenAsync();
        var app = await api.CreateApplicationAsync("FullAccess", "connect:config_read");
        var token = await api.TokenAsync(app.ClientId, app.ClientSecret);
        using (var before = await api.SendAsync(HttpMethod.Get, api.ServicesPath, token))
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        using (var removed = await api.SendAsync(HttpMethod.Delete, $"{api.ApplicationsPath}/{app.ClientId}", owner))
            Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        using (var after = await api.SendAsync(HttpMethod.Get, api.ServicesPath, token))
            await SandboxApi.ExpectProblemAsync(after, HttpStatusCode.Unauthorized, "token.invalid", "has been removed; its tokens are revoked");
        using (var signIn = await api.RequestTokenAsync(app.ClientId, app.ClientSecret))
            Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
        using (var again = await api.SendAsync(HttpMethod.Delete, $"{api.ApplicationsPath}/{app.ClientId}", owner))
            await SandboxApi.ExpectProblemAsync(again, HttpStatusCode.NotFound, "application.not_found");
        using (var itself = await api.SendAsync(HttpMethod.Delete, $"{api.ApplicationsPath}/{sandbox.ClientId}", owner))
            await SandboxApi.ExpectProblemAsync(itself, HttpStatusCode.Conflict, "request.invalid_field", "is the one making this request");
        // Other apps' tokens are untouched.
        using (var others = await api.SendAsync(HttpMethod.Get, api.ServicesPath, owner))
            Assert.Equal(HttpStatusCode.OK, others.StatusCode);
    }

    [Fact]
    public async Task A_path_with_dot_segments_never_resolves_to_another_resource()
    {
        using var api = new SandboxApi(sandbox);
        var token = await api.OwnerTokenAsync();
        var service = await api.CreateServiceAsync(token, SandboxApi.UniqueName("Dots"));
        var servicePath = $"{api.ServicesPath}/{service.GetProperty("id").GetString()}";

        foreach (var tail in new[] { "/flows/..", "/flows/%2e%2E", "/flows/../", "/./flows/x/../..", "/flows/.%2e" })
        {
            // HttpClient would resolve the dots itself; the attacker's raw request line keeps them.
            var (status, body) = await RawAsync(new Uri(sandbox.BaseUrl), "DELETE", servicePath + tail, token);
            Assert.True(status == 400 && body.Contains("request.dot_segment"), $"DELETE {tail}: {status} {body}");
        }
        using var still = await api.SendAsync(HttpMethod.Get, servicePath, token);
        Assert.Equal(HttpStatusCode.OK, still.StatusCode);
    }

    [Fact]
    public async Task A_write_sent_again_with_the_same_idempotency_key_is_replayed_not_carried_out_twice()
    {
        using var api = new SandboxApi(sandbox);
        var token = await api.OwnerTokenAsync();
        var name = SandboxApi.UniqueName("Once");
        var key = new Dictionary<string, string> { ["Idempotency-Key"] = Guid.NewGuid().ToString("N") };
        using var first = await api.SendAsync(HttpMethod.Post, api.ServicesPath, token, new { name }, key);
        var created = await SandboxApi.ExpectJsonAsync(first, HttpStatusCode.Created);
        using var again = await api.SendAsync(HttpMethod.Post, api.ServicesPath, token, new { name }, key);
        var replayed = await SandboxApi.ExpectJsonAsync(again, HttpStatusCode.Created);
        Assert.Equal(created.GetProperty("id").GetString(), replayed.GetProperty("id").GetString());
        Assert.Equal("true", Assert.Single(again.Headers.GetValues("Idempotent-Replayed")));

        // Another caller with the same key is not given the first caller's answer; without a key it is a real duplicate.
        var other = await api.TokenForNewApplicationAsync("FullAccess", "connect:config_read", "connect:config_write");
        using (var foreign = await api.SendAsync(HttpMethod.Post, api.ServicesPath, other, new { name }, key))
            Assert.Equal(HttpStatusCode.Conflict, foreign.StatusCode);
        using (var duplicate = await api.SendAsync(HttpMethod.Post, api.ServicesPath, token, new { name }))
            Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
    }

    [Fact]
    public async Task Request_bodies_are_capped()
    {
        using var api = new SandboxApi(sandbox);
        var huge = "{\"name\":\"" + new string('x', 9 * 1024 * 1024) + "\"}";
        try
        {
            using var response = await api.SendAsync(HttpMethod.Post, api.ServicesPath, await api.OwnerTokenAsync(), huge);
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        }
        catch (HttpRequestException)
        {
            // Kestrel may answer 413 and close before the client has sent everything; the server must still be alive.
        }
        using var health = await api.Http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task An_attachment_check_decides_count_and_size_before_decoding_or_inspecting_any_file()
    {
        using var api = new SandboxApi(sandbox);
        var token = await api.OwnerTokenAsync();
        var checkPath = $"/engage/v1/organization/{sandbox.OrgId}/attachments/check";
        var png = Convert.ToBase64String(DigitalChannels.IntegrationTests.Engage.EngageFiles.Png);

        // More files than the channel takes: every verdict is "too many", none names a format read from content.
        var eleven = Enumerable.Range(0, 11).Select(i => new { fileName = $"f{i}.txt", contentBase64 = png }).ToArray();
        using (var many = await api.SendAsync(HttpMethod.Post, checkPath, token, new { channel = "chat", files = eleven }))
        {
            var verdict = await SandboxApi.ExpectJsonAsync(many, HttpStatusCode.OK);
            Assert.Equal("TooManyFiles", verdict.GetProperty("reason").GetString());
            Assert.All(verdict.GetProperty("files").EnumerateArray(), f => Assert.False(f.TryGetProperty("detectedFormat", out _)));
        }

        // A file over the size limit is refused from its base64 length: its bytes are never decoded (they are not even
        // valid base64 past the first characters) nor inspected.
        var oversized = png[..8] + new string('*', 26 * 1024 * 1024 / 3 * 4);
        var body = "{\"channel\":\"chat\",\"files\":[{\"fileName\":\"big.txt\",\"contentBase64\":\"" + oversized + "\"}]}";
        using (var big = await api.SendAsync(HttpMethod.Post, checkPath, token, body))
        {
            var verdict = await SandboxApi.ExpectJsonAsync(big, HttpStatusCode.OK);
            var file = verdict.GetProperty("files")[0];
            Assert.Equal("TooLarge", file.GetProperty("reason").GetString());
            Assert.False(file.TryGetProperty("detectedFormat", out _));
        }

        // Within the limits the content is inspected as before.
        using (var one = await api.SendAsync(HttpMethod.Post, checkPath, token, new { channel = "chat", files = new[] { new { fileName = "logo.txt", contentBase64 = png } } }))
            Assert.Equal("PNG image", (await SandboxApi.ExpectJsonAsync(one, HttpStatusCode.OK)).GetProperty("files")[0].GetProperty("detectedFormat").GetString());
    }

    [Fact]
    public async Task Made_up_invitation_links_and_oversized_secrets_cost_no_hashing()
    {
        // In this process, so that the hashing counter can be read.
        var data = Directory.CreateTempSubdirectory("dc-hashing-").FullName;
        var app = DigitalChannels.Sandbox.Hosting.SandboxApplication.Build(new SandboxOptions("http://127.0.0.1:0", data));
        await app.StartAsync();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
            var before = PasswordHasher.HashesComputed;
            for (var i = 0; i < 20; i++)
            {
                using var response = await http.PostAsync($"/sandbox/v1/teammate-invitations/{Guid.NewGuid():N}/accept",
                    new StringContent("{\"name\":\"Eve\",\"password\":\"Guess1234\"}", Encoding.UTF8, "application/json"));
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            }
            Assert.Equal(before, PasswordHasher.HashesComputed);

            using var token = await http.PostAsync("/v1/access_token", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials", ["client_id"] = "C" + new string('0', 64), ["client_secret"] = new string('s', 100_000),
            }));
            Assert.Equal(HttpStatusCode.Unauthorized, token.StatusCode);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>One HTTP/1.1 request written as is, dots and all, over a socket.</summary>
    internal static async Task<(int Status, string Body)> RawAsync(Uri baseUri, string method, string rawPath, string token)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(baseUri.Host, baseUri.Port);
        using var stream = client.GetStream();
        var request = $"{method} {rawPath} HTTP/1.1\r\nHost: {baseUri.Authority}\r\nAuthorization: Bearer {token}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var text = await reader.ReadToEndAsync();
        var status = int.Parse(text.Split(' ', 3)[1]);
        return (status, text[(text.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..]);
    }
}
