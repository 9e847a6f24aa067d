using System.Net;
using DigitalChannels.Client.Auth;
using DigitalChannels.IntegrationTests.Infrastructure;

namespace DigitalChannels.IntegrationTests.Engage;

/// <summary>
/// The sandbox's Engage API as curl sees it: the server, not only the client, refuses bad values with problem
/// documents that name the field and the value, and enforces the PCI rule on raw uploads.
/// </summary>
[Collection(SharedSandboxCollection.Name)]
public sealed class EngageSandboxApiTests : IDisposable
{
    private readonly SandboxApi api;

    public EngageSandboxApiTests(SandboxProcess sandbox) => api = new SandboxApi(sandbox);

    public void Dispose() => api.Dispose();

    private string Engage(string relative) => $"/engage/v1/organization/{api.Sandbox.OrgId}/{relative}";

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string relative, object? body = null) =>
        await api.SendAsync(method, Engage(relative), await api.OwnerTokenAsync(), body);

    [Theory]
    [InlineData("{\"maxFileSizeMb\":26}", "The field 'maxFileSizeMb' must be from 1 to 25 MB (got 26).")]
    [InlineData("{\"maxFiles\":0}", "The field 'maxFiles' must be from 1 to 10 files (got 0).")]
    [InlineData("{\"maxFiles\":\"3\"}", "The field 'maxFiles' must be a whole number, not string \"3\".")]
    [InlineData("{\"allowedExtensions\":[\"pdf\",\"jpg\"]}", "'jpg' is an image format; Engage accepts only text-based files (PCI)")]
    [InlineData("{\"allowedExtensions\":[\"exe\"]}", "'exe' is not a text-based document format Engage accepts")]
    [InlineData("{\"allowedExtensions\":[]}", "The field 'allowedExtensions' of channel 'email' must list at least one format")]
    public async Task Channel_limits_out_of_range_are_refused_naming_field_and_value(string body, string detail)
    {
        using var response = await SendAsync(HttpMethod.Patch, "settings/attachments/channels/email", body);
        await SandboxApi.ExpectProblemAsync(response, HttpStatusCode.BadRequest, "request.invalid_field", detail);
    }

    [Fact]
    public async Task An_unknown_channel_is_404_and_a_null_switch_is_400()
    {
        using var channel = await SendAsync(HttpMethod.Get, "settings/attachments/channels/fax");
        await SandboxApi.ExpectProblemAsync(channel, HttpStatusCode.NotFound, "engage.channel_not_found", "Engage has no channel 'fax'", "chat, email, sms, messenger, whatsapp");
        using var toggle = await SendAsync(HttpMethod.Patch, "settings/attachments", "{\"enabled\":null}");
        await SandboxApi.ExpectProblemAsync(toggle, HttpStatusCode.BadRequest, "request.invalid_field", "'enabled' must be true or false");
    }

    [Fact]
    public async Task The_check_refuses_images_the_client_never_saw_and_names_bad_uploads()
    {
        using var images = await SendAsync(HttpMethod.Post, "attachments/check", new
        {
            channel = "email",
            files = new[] { EngageFiles.Upload("logo.txt", EngageFiles.Png), EngageFiles.Upload("letter.pdf", EngageFiles.PdfWithImage()) },
        });
        var verdict = await SandboxApi.ExpectJsonAsync(images, HttpStatusCode.OK);
        Assert.False(verdict.GetProperty("accepted").GetBoolean());
        var files = verdict.GetProperty("files");
        Assert.Equal("ContainsImages", files[0].GetProperty("reason").GetString());
        Assert.Equal("PNG image", files[0].GetProperty("detectedFormat").GetString());
        Assert.Equal("ContainsImages", files[1].GetProperty("reason").GetString());

        using var base64 = await SendAsync(HttpMethod.Post, "attachments/check", "{\"channel\":\"chat\",\"files\":[{\"fileName\":\"a.txt\",\"contentBase64\":\"not base64!\"}]}");
        await SandboxApi.ExpectProblemAsync(base64, HttpStatusCode.BadRequest, "request.invalid_field", "'files[0].contentBase64' of 'a.txt' is not valid base64");
        using var channel = await SendAsync(HttpMethod.Post, "attachments/check", new { channel = "pigeon", files = new[] { EngageFiles.Upload("a.txt", [1]) } });
        await SandboxApi.ExpectProblemAsync(channel, HttpStatusCode.BadRequest, "request.invalid_field", "'pigeon', which is not an Engage channel");
        using var none = await SendAsync(HttpMethod.Post, "attachments/check", new { channel = "chat", files = Array.Empty<object>() });
        await SandboxApi.ExpectProblemAsync(none, HttpStatusCode.BadRequest, "request.invalid_field", "'files' must list at least one file");
    }

    [Theory]
    [InlineData("{\"word\":\"   \"}", "The field 'word' must not be empty or blank (got '   ').")]
    [InlineData("{\"word\":\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"}", "The field 'word' has 51 characters; at most 50 are allowed")]
    [InlineData("{\"word\":\"bad\\u0007word\"}", "The field 'word' must not contain control characters")]
    [InlineData("{}", "The field 'word' is required.")]
    public async Task Blocked_words_are_validated_by_the_server(string body, string detail)
    {
        using var response = await SendAsync(HttpMethod.Post, "blocklist", body);
        await SandboxApi.ExpectProblemAsync(response, HttpStatusCode.BadRequest, "request.invalid_field", detail);
    }

    [Fact]
    public async Task A_duplicate_word_is_409_naming_the_blocked_entry()
    {
        var word = "Phish" + Guid.NewGuid().ToString("N")[..6];
        using var first = await SendAsync(HttpMethod.Post, "blocklist", new { word });
        await SandboxApi.ExpectJsonAsync(first, HttpStatusCode.Created);
        using var second = await SendAsync(HttpMethod.Post, "blocklist", new { word = word.ToLowerInvariant() });
        await SandboxApi.ExpectProblemAsync(second, HttpStatusCode.Conflict, "blocked_word.duplicate", $"The word '{word}' is already on the blocklist", $"'{word.ToLowerInvariant()}'");
    }

    [Fact]
    public async Task Words_with_spaces_and_slashes_are_addressed_by_themselves_in_the_path()
    {
        var word = "and/or " + Guid.NewGuid().ToString("N")[..6];
        using var added = await SendAsync(HttpMethod.Post, "blocklist", new { word });
        await SandboxApi.ExpectJsonAsync(added, HttpStatusCode.Created);
        using var removed = await SendAsync(HttpMethod.Delete, "blocklist/" + Uri.EscapeDataString(word.ToUpperInvariant()));
        await SandboxApi.ExpectJsonAsync(removed, HttpStatusCode.NoContent);
        using var again = await SendAsync(HttpMethod.Delete, "blocklist/" + Uri.EscapeDataString(word));
        await SandboxApi.ExpectProblemAsync(again, HttpStatusCode.NotFound, "blocked_word.not_found", $"The word '{word}' is not on the blocklist");
    }

    [Theory]
    [InlineData("{\"name\":\"T\",\"channels\":[\"chat\",\"fax\"],\"text\":\"x\"}", "The field 'channels' has 'fax', which is not an Engage channel")]
    [InlineData("{\"name\":\"T\",\"channels\":[],\"text\":\"x\"}", "The field 'channels' must list at least one channel")]
    [InlineData("{\"name\":\"T\",\"channels\":[\"chat\"],\"text\":\"  \"}", "The field 'text' must not be empty or blank")]
    [InlineData("{\"name\":\"\",\"channels\":[\"chat\"],\"text\":\"x\"}", "The field 'name' must not be empty or blank")]
    public async Task Templates_are_validated_by_the_server(string body, string detail)
    {
        using var response = await SendAsync(HttpMethod.Post, "templates", body);
        await SandboxApi.ExpectProblemAsync(response, HttpStatusCode.BadRequest, "request.invalid_field", detail);
    }

    [Theory]
    [InlineData("[{\"day\":\"Monday\",\"start\":\"25:00\",\"end\":\"26:00\"}]", "The field 'weeklyHours[0].start' has '25:00', which is not a time of day HH:mm from 00:00 to 23:59.")]
    [InlineData("[{\"day\":\"Funday\",\"start\":\"09:00\",\"end\":\"17:00\"}]", "The field 'weeklyHours[0].day' has 'Funday', which is not a day")]
    [InlineData("[{\"day\":\"Monday\",\"start\":\"17:00\",\"end\":\"09:00\"}]", "The range 'weeklyHours[0]' (Monday 17:00-09:00) ends before it starts")]
    [InlineData("[]", "The field 'weeklyHours' must list at least one time range")]
    [InlineData("\"Mon-Fri\"", "The field 'weeklyHours' must be an array of objects, not string \"Mon-Fri\".")]
    public async Task Working_hours_are_validated_by_the_server(string weeklyHours, string detail)
    {
        using var response = await SendAsync(HttpMethod.Post, "working-hours", $"{{\"name\":\"WH\",\"timeZone\":\"Europe/Rome\",\"weeklyHours\":{weeklyHours}}}");
        await SandboxApi.ExpectProblemAsync(response, HttpStatusCode.BadRequest, "request.invalid_field", detail);
    }

    [Fact]
    public async Task Windows_and_IANA_time_zone_ids_are_both_accepted()
    {
        foreach (var zone in new[] { "W. Europe Standard Time", "America/New_York" })
        {
            using var response = await SendAsync(HttpMethod.Post, "working-hours",
                new { name = SandboxApi.UniqueName("Zone"), timeZone = zone, weeklyHours = new[] { new { day = "Monday", start = "09:00", end = "17:00" } } });
            var created = await SandboxApi.ExpectJsonAsync(response, HttpStatusCode.Created);
            Assert.Equal(zone, created.GetProperty("timeZone").GetString());
        }
    }

    [Fact]
    public async Task Recording_conversations_is_the_Owners_sandbox_management_and_ids_are_unique()
    {
        var path = $"/sandbox/v1/organization/{api.Sandbox.OrgId}/engage/conversations";
        var id = "c-" + Guid.NewGuid().ToString("N");
        var body = new { conversationId = id, channel = "whatsapp", messages = new[] { new { sender = "customer", text = "Hi" } } };
        using var created = await api.SendAsync(HttpMethod.Post, path, await api.OwnerTokenAsync(), body);
        var transcript = await SandboxApi.ExpectJsonAsync(created, HttpStatusCode.Created);
        Assert.Equal("Customer", transcript.GetProperty("messages")[0].GetProperty("sender").GetString());

        using var again = await api.SendAsync(HttpMethod.Post, path, await api.OwnerTokenAsync(), body);
        await SandboxApi.ExpectProblemAsync(again, HttpStatusCode.Conflict, "conversation.duplicate_id", $"'{id}'");
        using var badSender = await api.SendAsync(HttpMethod.Post, path, await api.OwnerTokenAsync(),
            new { channel = "chat", messages = new[] { new { sender = "Robot", text = "Hi" } } });
        await SandboxApi.ExpectProblemAsync(badSender, HttpStatusCode.BadRequest, "request.invalid_field", "The field 'messages[0].sender' has 'Robot'");

        var fullAccess = await api.TokenForNewApplicationAsync("FullAccess", Scopes.SandboxAdmin, Scopes.EngageConfigRead);
        using var refused = await api.SendAsync(HttpMethod.Post, path, fullAccess, body);
        await SandboxApi.ExpectProblemAsync(refused, HttpStatusCode.Forbidden, "role.forbidden", "The role 'FullAccess' may not manage sandbox applications");
        using var read = await api.SendAsync(HttpMethod.Get, Engage($"conversations/{id}/transcript"), fullAccess);
        Assert.Equal(id, (await SandboxApi.ExpectJsonAsync(read, HttpStatusCode.OK)).GetProperty("conversationId").GetString());
    }

    [Fact]
    public async Task An_unknown_conversation_is_404_naming_its_id()
    {
        using var response = await SendAsync(HttpMethod.Get, "conversations/does-not-exist/transcript");
        await SandboxApi.ExpectProblemAsync(response, HttpStatusCode.NotFound, "conversation.not_found", "No conversation with id 'does-not-exist' exists");
    }
}
