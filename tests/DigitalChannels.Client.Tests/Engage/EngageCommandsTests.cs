using System.Net;
using DigitalChannels.Client.Commands;
using DigitalChannels.Client.Engage;
using DigitalChannels.Client.Engage.Attachments;
using DigitalChannels.Client.Engage.Blocklist;
using DigitalChannels.Client.Engage.Templates;
using DigitalChannels.Client.Engage.Transcripts;
using DigitalChannels.Client.Engage.WorkingHours;
using DigitalChannels.Client.Environments;
using DigitalChannels.Client.Tests.Infrastructure;

namespace DigitalChannels.Client.Tests.Engage;

/// <summary>The command logic of the Engage cmdlets against a scripted server: what is asked, what is sent, what is written.</summary>
public sealed class EngageCommandsTests : IDisposable
{
    private const string Org = "org-1";
    private const string TemplateId = "0f8fad5b-d9cb-469f-a165-70867728950e";
    private const string HoursId = "6ba7b810-9dad-11d1-80b4-00c04fd430c8";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dc-engage-" + Guid.NewGuid().ToString("N"));

    public EngageCommandsTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private const string Settings = """
        {"enabled":true,"version":2,"channels":[
          {"channel":"chat","maxFileSizeMb":10,"maxFiles":5,"allowedExtensions":["pdf","txt"]},
          {"channel":"email","maxFileSizeMb":20,"maxFiles":10,"allowedExtensions":["pdf","docx"]}]}
        """;
    private static string Template(string name = "Greeting") =>
        $"{{\"id\":\"{TemplateId}\",\"organizationId\":\"{Org}\",\"name\":\"{name}\",\"channels\":[\"chat\"],\"text\":\"Hello\",\"version\":0}}";
    private static string Page(params string[] items) =>
        $"{{\"meta\":{{\"page\":0,\"pageSize\":100,\"totalPages\":{(items.Length == 0 ? 0 : 1)},\"totalRecords\":{items.Length}}},\"data\":[{string.Join(",", items)}]}}";
    private const string Hours = $$"""{"id":"{{HoursId}}","name":"Office","timeZone":"Europe/Rome","weeklyHours":[{"day":"Monday","start":"09:00","end":"17:00"}],"holidays":[],"openNow":true,"version":0}""";
    private const string Transcript = """
        {"conversationId":"conv-1","organizationId":"org-1","channel":"chat","customerName":"Jane Doe","startedTime":"2026-01-05T09:00:00.000Z",
         "messages":[{"sequence":1,"time":"2026-01-05T09:00:05.000Z","sender":"Customer","senderName":"Jane Doe","text":"Hello\nI need help"},
                     {"sequence":2,"time":"2026-01-05T09:00:30.000Z","sender":"Agent","senderName":"Ann","text":"Hi Jane"}]}
        """;

    private static StubHandler Server() => new((request, body, _) =>
    {
        var path = request.RequestUri!.AbsolutePath;
        var query = request.RequestUri.Query;
        var method = request.Method.Method;
        if (path.EndsWith("/settings/attachments") && method == "GET") return StubHandler.Json(HttpStatusCode.OK, Settings);
        if (path.EndsWith("/settings/attachments") && method == "PATCH") return StubHandler.Json(HttpStatusCode.OK, Settings.Replace("\"enabled\":true", "\"enabled\":false"));
        if (path.Contains("/settings/attachments/channels/") && method == "PATCH")
            return StubHandler.Json(HttpStatusCode.OK, "{\"channel\":\"chat\",\"maxFileSizeMb\":5,\"maxFiles\":3,\"allowedExtensions\":[\"pdf\",\"txt\",\"csv\"]}");
        if (path.EndsWith("/attachments/check"))
            return StubHandler.Json(HttpStatusCode.OK, "{\"channel\":\"chat\",\"accepted\":true,\"message\":\"ok\",\"files\":[{\"fileName\":\"notes.txt\",\"sizeBytes\":5,\"accepted\":true,\"message\":\"fine\",\"detectedFormat\":\"plain text\"}]}");
        if (path.EndsWith("/templates") && method == "GET") return StubHandler.Json(HttpStatusCode.OK, query.Contains("name=Greeting") || !query.Contains("name=") ? Page(Template()) : Page());
        if (path.EndsWith("/templates/" + TemplateId) && method == "GET") return StubHandler.Json(HttpStatusCode.OK, Template());
        if (path.EndsWith("/templates") && method == "POST") return StubHandler.Json(HttpStatusCode.Created, Template());
        if (path.EndsWith("/blocklist") && method == "POST") return StubHandler.Json(HttpStatusCode.Created, body!.Contains("scam") ? "{\"word\":\"scam\"}" : "{\"word\":\"x\"}");
        if (path.Contains("/blocklist/") && method == "DELETE")
            return path.EndsWith("/fraud") ? StubHandler.Status(HttpStatusCode.NoContent)
                : StubHandler.Json(HttpStatusCode.NotFound, "{\"title\":\"Not Found\",\"detail\":\"The word 'unknown' is not on the blocklist.\",\"errorKey\":\"blocked_word.not_found\"}");
        if (path.EndsWith("/working-hours") && method == "POST") return StubHandler.Json(HttpStatusCode.Created, Hours);
        if (path.EndsWith("/working-hours") && method == "GET") return StubHandler.Json(HttpStatusCode.OK, Page(Hours));
        if (path.EndsWith("/conversations/conv-1/transcript")) return StubHandler.Json(HttpStatusCode.OK, Transcript);
        return StubHandler.Json(HttpStatusCode.NotFound, "{\"title\":\"Not Found\",\"detail\":\"No such thing.\"}");
    });

    private static Task<DigitalChannelsConnection> Connect(StubHandler handler, WebexEnvironment? environment = null) =>
        DigitalChannelsConnection.ConnectAsync(new ConnectionOptions
        {
            Environment = environment ?? WebexEnvironment.ForSandbox("http://sandbox.test"),
            OrganizationId = Org,
            AccessToken = "test-token-value",
            HttpMessageHandler = handler,
            RetryPolicy = DigitalChannels.Client.Http.RetryPolicy.None,
        }, CancellationToken.None);

    private static bool IsWrite(RecordedRequest r) => r.Method != HttpMethod.Get && !r.Uri.AbsolutePath.EndsWith("/attachments/check");

    public static TheoryData<string, string> LiveTenantCases => new()
    {
        { EngageAttachmentCommands.SettingNoun, EngagePortalPages.Attachments },
        { EngageAttachmentCommands.CheckNoun, EngagePortalPages.Attachments },
        { EngageTemplateCommands.Noun, EngagePortalPages.Templates },
        { EngageBlockedWordCommands.Noun, EngagePortalPages.Blocklist },
        { EngageWorkingHoursCommands.Noun, EngagePortalPages.WorkingHours },
        { EngageTranscriptCommands.Noun, EngagePortalPages.Transcripts },
    };

    [Theory]
    [MemberData(nameof(LiveTenantCases))]
    public async Task Against_a_live_tenant_every_Engage_command_stops_with_NoPublicApi_naming_the_Engage_page(string noun, string page)
    {
        var handler = Server();
        using var connection = await Connect(handler, WebexEnvironment.ForRegion("eu1"));
        var file = Path.Combine(_folder, "a.txt");
        File.WriteAllText(file, "text");
        Func<ICommandHost, Task> command = noun switch
        {
            EngageAttachmentCommands.SettingNoun => h => EngageAttachmentCommands.SetAsync(h, connection, false, null, null, false),
            EngageAttachmentCommands.CheckNoun => h => EngageAttachmentCommands.TestAsync(h, connection, [file], "chat", offline: false),
            EngageTemplateCommands.Noun => h => EngageTemplateCommands.NewAsync(h, connection, "Greeting", ["chat"], "Hello", null),
            EngageBlockedWordCommands.Noun => h => EngageBlockedWordCommands.AddAsync(h, connection, ["scam"], false),
            EngageWorkingHoursCommands.Noun => h => EngageWorkingHoursCommands.GetAsync(h, connection, null, null),
            _ => h => EngageTranscriptCommands.GetAsync(h, connection, "conv-1", null, EngageTranscriptFormat.Auto, false),
        };

        var ex = Assert.Throws<CommandTerminatedException>(() => CommandRunner.Run(new RecordingHost(), noun, command));

        Assert.Equal(noun + "NoPublicApi", ex.Error.ErrorId);
        Assert.Equal(CommandErrorCategory.NotImplemented, ex.Error.Category);
        Assert.Contains(page, ex.Error.Message);
        Assert.Contains("has no public Webex API", ex.Error.Message);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Offline_check_needs_no_connection_and_judges_content_only()
    {
        File.WriteAllText(Path.Combine(_folder, "notes.txt"), "Order shipped");
        File.WriteAllBytes(Path.Combine(_folder, "Quote.docx"), SyntheticFiles.Docx(("word/media/image1.png", SyntheticFiles.Png)));
        var host = new RecordingHost();

        CommandRunner.Run(host, EngageAttachmentCommands.CheckNoun, h => EngageAttachmentCommands.TestAsync(h, null,
            [Path.Combine(_folder, "notes.txt"), Path.Combine(_folder, "Quote.docx"), Path.Combine(_folder, "missing.pdf")], null, offline: true));

        var results = host.Objects.Cast<EngageAttachmentCheck>().ToList();
        Assert.Equal(["notes.txt", "Quote.docx"], results.Select(r => r.FileName));
        Assert.True(results[0].Accepted);
        Assert.False(results[1].Accepted);
        Assert.Equal(AttachmentRefusals.ContainsImages, results[1].Reason);
        Assert.Contains("word/media/image1.png", results[1].Message);
        Assert.All(results, r => Assert.Equal("Client", r.CheckedBy));
        var missing = Assert.Single(host.Errors);
        Assert.Equal("EngageAttachmentFileNotFound", missing.ErrorId);
        Assert.Contains(Path.Combine(_folder, "missing.pdf"), missing.Message);
    }

    [Fact]
    public async Task A_file_with_images_is_refused_before_upload_and_only_the_others_are_sent()
    {
        var handler = Server();
        using var connection = await Connect(handler);
        File.WriteAllText(Path.Combine(_folder, "notes.txt"), "hello");
        File.WriteAllBytes(Path.Combine(_folder, "photo.pdf"), SyntheticFiles.Png);
        var host = new RecordingHost();

        CommandRunner.Run(host, EngageAttachmentCommands.CheckNoun, h => EngageAttachmentCommands.TestAsync(h, connection,
            [Path.Combine(_folder, "photo.pdf"), Path.Combine(_folder, "notes.txt")], "Chat", offline: false));

        var check = Assert.Single(handler.Requests);
        Assert.Equal($"/engage/v1/organization/{Org}/attachments/check", check.Uri.AbsolutePath);
        Assert.Contains("\"channel\":\"chat\"", check.Body);
        Assert.Contains("notes.txt", check.Body);
        Assert.DoesNotContain("photo.pdf", check.Body);
        var results = host.Objects.Cast<EngageAttachmentCheck>().ToList();
        Assert.Equal(["photo.pdf", "notes.txt"], results.Select(r => r.FileName));
        Assert.Equal(("Client", false, AttachmentRefusals.ContainsImages), (results[0].CheckedBy, results[0].Accepted, results[0].Reason));
        Assert.Equal(("Tenant", true), (results[1].CheckedBy, results[1].Accepted));
        Assert.Contains(host.Verbose, v => v.StartsWith("Not uploaded: 'photo.pdf' contains images"));
    }

    [Fact]
    public async Task WhatIf_sends_no_change_and_writes_no_file()
    {
        var handler = Server();
        using var connection = await Connect(handler);
        var host = new RecordingHost { Answer = false };
        var outFile = Path.Combine(_folder, "t.txt");

        CommandRunner.Run(host, "X", h => EngageAttachmentCommands.SetAsync(h, connection, false, ["chat"], new EngageAttachmentChannelChanges { MaxFiles = 3 }, true));
        CommandRunner.Run(host, "X", h => EngageTemplateCommands.NewAsync(h, connection, "Greeting", ["chat"], "Hello", null));
        CommandRunner.Run(host, "X", h => EngageTemplateCommands.SetAsync(h, connection, new EngageTemplateIdentity("Greeting"), new EngageTemplateChanges { Text = "Hi" }, true));
        CommandRunner.Run(host, "X", h => EngageTemplateCommands.RemoveAsync(h, connection, new EngageTemplateIdentity(TemplateId)));
        CommandRunner.Run(host, "X", h => EngageBlockedWordCommands.AddAsync(h, connection, ["scam", "fraud"], true));
        CommandRunner.Run(host, "X", h => EngageBlockedWordCommands.RemoveAsync(h, connection, ["fraud"]));
        CommandRunner.Run(host, "X", h => EngageWorkingHoursCommands.NewAsync(h, connection, "Office", "Europe/Rome", ["Mon-Fri 09:00-17:00"], null));
        CommandRunner.Run(host, "X", h => EngageWorkingHoursCommands.RemoveAsync(h, connection, new EngageWorkingHoursIdentity("Office")));
        CommandRunner.Run(host, "X", h => EngageTranscriptCommands.GetAsync(h, connection, "conv-1", outFile, EngageTranscriptFormat.Auto, false));

        Assert.Equal(11, host.ShouldProcessCalls.Count);
        Assert.Contains(host.ShouldProcessCalls, c => c.Action == "Disable attachments for every channel");
        Assert.Contains(host.ShouldProcessCalls, c => c.Target == "Engage attachment settings of channel 'chat'" && c.Action == "Set maximum 3 files");
        Assert.Contains(host.ShouldProcessCalls, c => c.Target == outFile && c.Action.StartsWith("Save the transcript of conversation conv-1"));
        Assert.DoesNotContain(handler.Requests, IsWrite);
        Assert.Empty(host.Objects);
        Assert.Empty(host.Errors);
        Assert.False(File.Exists(outFile));
    }

    [Fact]
    public async Task Adding_an_extension_sends_the_current_formats_plus_the_new_one()
    {
        var handler = Server();
        using var connection = await Connect(handler);
        var host = new RecordingHost();

        CommandRunner.Run(host, EngageAttachmentCommands.SettingNoun, h => EngageAttachmentCommands.SetAsync(h, connection, null, ["CHAT"],
            new EngageAttachmentChannelChanges { AddExtensions = [".CSV"], RemoveExtensions = ["txt"], MaxFileSizeMB = 5 }, false));

        Assert.Empty(host.Errors);
        var patch = Assert.Single(handler.Requests, r => r.Method.Method == "PATCH");
        Assert.Equal($"/engage/v1/organization/{Org}/settings/attachments/channels/chat", patch.Uri.AbsolutePath);
        Assert.Equal("{\"maxFileSizeMb\":5,\"allowedExtensions\":[\"pdf\",\"csv\"]}", patch.Body);
    }

    [Fact]
    public async Task Setting_channel_values_without_a_channel_is_refused_before_any_call()
    {
        var handler = Server();
        using var connection = await Connect(handler);
        var host = new RecordingHost();

        CommandRunner.Run(host, EngageAttachmentCommands.SettingNoun, h => EngageAttachmentCommands.SetAsync(h, connection, null, null,
            new EngageAttachmentChannelChanges { MaxFiles = 2 }, false));
        CommandRunner.Run(host, EngageAttachmentCommands.SettingNoun, h => EngageAttachmentCommands.SetAsync(h, connection, null, ["fax"],
            new EngageAttachmentChannelChanges { MaxFiles = 2 }, false));

        Assert.Equal(["EngageAttachmentSettingInvalidArgument", "EngageAttachmentSettingInvalidArgument"], host.Errors.Select(e => e.ErrorId));
        Assert.Contains("give -Channel", host.Errors[0].Message);
        Assert.Contains("'fax' is not an Engage channel", host.Errors[1].Message);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Each_blocked_word_fails_on_its_own()
    {
        var handler = Server();
        using var connection = await Connect(handler);
        var host = new RecordingHost();

        CommandRunner.Run(host, EngageBlockedWordCommands.Noun, h => EngageBlockedWordCommands.RemoveAsync(h, connection, ["unknown", "  ", "fraud"]));

        Assert.Equal(["EngageBlockedWordNotFound", "EngageBlockedWordInvalidArgument"], host.Errors.Select(e => e.ErrorId));
        Assert.Contains("'unknown'", host.Errors[0].Message);
        Assert.Contains("got '  '", host.Errors[1].Message);
        Assert.Contains(handler.Requests, r => r.Method == HttpMethod.Delete && r.Uri.AbsolutePath.EndsWith("/blocklist/fraud"));
    }

    [Fact]
    public async Task Working_hours_are_sent_as_parsed_ranges()
    {
        var handler = Server();
        using var connection = await Connect(handler);
        var host = new RecordingHost();

        CommandRunner.Run(host, EngageWorkingHoursCommands.Noun, h => EngageWorkingHoursCommands.NewAsync(h, connection, " Office ", "Europe/Rome",
            ["Sat 9:00-12:00", "Mon-Tue 08:00-12:00,13:00-17:00"], ["2026-12-25 Christmas Day"]));

        Assert.Empty(host.Errors);
        var post = Assert.Single(handler.Requests, r => r.Method == HttpMethod.Post);
        Assert.Equal("{\"name\":\"Office\",\"timeZone\":\"Europe/Rome\",\"weeklyHours\":[" +
            "{\"day\":\"Monday\",\"start\":\"08:00\",\"end\":\"12:00\"},{\"day\":\"Monday\",\"start\":\"13:00\",\"end\":\"17:00\"}," +
            "{\"day\":\"Tuesday\",\"start\":\"08:00\",\"end\":\"12:00\"},{\"day\":\"Tuesday\",\"start\":\"13:00\",\"end\":\"17:00\"}," +
            "{\"day\":\"Saturday\",\"start\":\"09:00\",\"end\":\"12:00\"}],\"holidays\":[{\"date\":\"2026-12-25\",\"name\":\"Christmas Day\"}]}", post.Body);
    }

    [Theory]
    [InlineData("Mon-Fri", "'Mon-Fri' is not a weekly time range")]
    [InlineData("Fri-Mon 09:00-17:00", "The days 'Fri-Mon' in 'Fri-Mon 09:00-17:00' run backwards")]
    [InlineData("Moon 09:00-17:00", "'Moon' in 'Moon 09:00-17:00' is not a day of the week")]
    public void Unreadable_weekly_hours_are_refused_naming_the_text(string line, string message)
    {
        var ex = Assert.Throws<ArgumentException>(() => EngageScheduleText.ParseWeeklyHours([line]));
        Assert.StartsWith(message, ex.Message);
    }

    [Fact]
    public void Unreadable_holidays_are_refused_naming_the_text()
    {
        var ex = Assert.Throws<ArgumentException>(() => EngageScheduleText.ParseHolidays(["2026-02-30 Nope"]));
        Assert.StartsWith("'2026-02-30 Nope' is not a holiday", ex.Message);
    }

    [Fact]
    public async Task A_transcript_is_saved_as_text_never_over_an_existing_file_without_force()
    {
        var handler = Server();
        using var connection = await Connect(handler);
        var outFile = Path.Combine(_folder, "conv.txt");
        File.WriteAllText(outFile, "keep me");
        var host = new RecordingHost();

        CommandRunner.Run(host, EngageTranscriptCommands.Noun, h => EngageTranscriptCommands.GetAsync(h, connection, "conv-1", outFile, EngageTranscriptFormat.Auto, force: false));

        var error = Assert.Single(host.Errors);
        Assert.Equal("EngageTranscriptInvalidArgument", error.ErrorId);
        Assert.Contains($"The file '{outFile}' already exists; use -Force to overwrite it.", error.Message);
        Assert.Equal("keep me", File.ReadAllText(outFile));

        host = new RecordingHost();
        CommandRunner.Run(host, EngageTranscriptCommands.Noun, h => EngageTranscriptCommands.GetAsync(h, connection, "conv-1", outFile, EngageTranscriptFormat.Auto, force: true));
        Assert.Empty(host.Errors);
        var saved = Assert.IsType<EngageTranscriptFile>(Assert.Single(host.Objects));
        Assert.Equal((outFile, EngageTranscriptFormat.Text, 2), (saved.Path, saved.Format, saved.MessageCount));
        var lines = File.ReadAllLines(outFile);
        Assert.Equal("Conversation conv-1 (chat)", lines[0]);
        Assert.Equal("Customer: Jane Doe", lines[1]);
        Assert.Contains("[2026-01-05 09:00:05Z] Customer (Jane Doe): Hello", lines);
        Assert.Contains("    I need help", lines);
        Assert.Contains("[2026-01-05 09:00:30Z] Agent (Ann): Hi Jane", lines);
    }

    [Fact]
    public async Task A_folder_target_gets_a_file_named_after_the_conversation_and_json_when_asked()
    {
        var handler = Server();
        using var connection = await Connect(handler);
        var host = new RecordingHost();

        CommandRunner.Run(host, EngageTranscriptCommands.Noun, h => EngageTranscriptCommands.GetAsync(h, connection, "conv-1", _folder, EngageTranscriptFormat.Json, false));

        var saved = Assert.IsType<EngageTranscriptFile>(Assert.Single(host.Objects));
        Assert.Equal(Path.Combine(_folder, "conv-1.json"), saved.Path);
        var json = Newtonsoft.Json.Linq.JObject.Parse(File.ReadAllText(saved.Path));
        Assert.Equal("conv-1", (string?)json["conversationId"]);
        Assert.Equal("Hi Jane", (string?)json["messages"]![1]!["text"]);
    }

    [Fact]
    public async Task A_missing_folder_is_refused_naming_the_path_before_any_call()
    {
        var handler = Server();
        using var connection = await Connect(handler);
        var host = new RecordingHost();
        var target = Path.Combine(_folder, "no-such-folder", "t.txt");

        CommandRunner.Run(host, EngageTranscriptCommands.Noun, h => EngageTranscriptCommands.GetAsync(h, connection, "conv-1", target, EngageTranscriptFormat.Auto, false));

        var error = Assert.Single(host.Errors);
        Assert.Equal("EngageTranscriptInvalidArgument", error.ErrorId);
        Assert.Contains(Path.Combine(_folder, "no-such-folder"), error.Message);
        Assert.Empty(handler.Requests);
    }
}
