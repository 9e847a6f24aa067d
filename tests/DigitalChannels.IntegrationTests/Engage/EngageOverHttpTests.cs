using DigitalChannels.Client;
using DigitalChannels.Client.Auth;
using DigitalChannels.Client.Commands;
using DigitalChannels.Client.Engage.Attachments;
using DigitalChannels.Client.Engage.Blocklist;
using DigitalChannels.Client.Engage.Templates;
using DigitalChannels.Client.Engage.Transcripts;
using DigitalChannels.Client.Engage.WorkingHours;
using DigitalChannels.Client.Environments;
using DigitalChannels.IntegrationTests.Infrastructure;

namespace DigitalChannels.IntegrationTests.Engage;

/// <summary>
/// Lab 12.3 (Engage GUI overview) through the command logic the cmdlets call, the client and HTTP, against the real
/// sandbox: attachments, templates and their Customer Care view, the blocklist, working hours and transcripts, with
/// the error paths the lab names (an attachment with images, an unknown conversation ID) and role and scope refusals.
/// </summary>
[Collection(SharedSandboxCollection.Name)]
public sealed class EngageOverHttpTests : IDisposable
{
    private readonly SandboxProcess sandbox;
    private readonly SandboxApi api;
    private readonly string folder = Path.Combine(Path.GetTempPath(), "dc-engage-it-" + Guid.NewGuid().ToString("N"));

    public EngageOverHttpTests(SandboxProcess sandbox)
    {
        this.sandbox = sandbox;
        api = new SandboxApi(sandbox);
        Directory.CreateDirectory(folder);
    }

    public void Dispose()
    {
        api.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    private Task<DigitalChannelsConnection> ConnectAsync(string? clientId = null, string? secret = null, IReadOnlyList<string>? scopes = null) =>
        DigitalChannelsConnection.ConnectAsync(new ConnectionOptions
        {
            Environment = WebexEnvironment.ForSandbox(sandbox.BaseUrl),
            ClientId = clientId ?? sandbox.ClientId,
            ClientSecret = secret ?? sandbox.ClientSecret,
            Scopes = scopes,
        }, CancellationToken.None);

    private sealed class Host : ICommandHost
    {
        public CancellationToken CancellationToken => CancellationToken.None;
        public List<object> Objects { get; } = new();
        public List<CommandError> Errors { get; } = new();
        public bool ShouldProcess(string target, string action) => true;
        public void WriteObject(object item) => Objects.Add(item);
        public void WriteVerbose(string message) { }
        public void WriteWarning(string message) { }
        public void WriteProgress(ProgressUpdate progress) { }
        public void WriteError(CommandError error) => Errors.Add(error);
    }

    private static Host Run(string noun, Func<ICommandHost, Task> command)
    {
        var host = new Host();
        CommandRunner.Run(host, noun, command);
        return host;
    }

    private string Write(string name, byte[] content)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    private static List<EngageAttachmentCheck> Checks(Host host) => host.Objects.Cast<EngageAttachmentCheck>().ToList();

    [Fact]
    public async Task Attachments_per_channel_limits_and_the_PCI_rule_are_enforced_by_the_tenant()
    {
        using var connection = await ConnectAsync();
        const string noun = EngageAttachmentCommands.SettingNoun;
        Assert.Empty(Run(noun, h => EngageAttachmentCommands.SetAsync(h, connection, true, ["chat"],
            new EngageAttachmentChannelChanges { MaxFileSizeMB = 1, MaxFiles = 3, AllowedExtensions = ["PDF", ".txt", "docx"] }, false)).Errors);

        var chat = Assert.IsType<EngageAttachmentChannelSetting>(Assert.Single(Run(noun, h => EngageAttachmentCommands.GetAsync(h, connection, ["chat"])).Objects));
        Assert.Equal((1, 3, true), (chat.MaxFileSizeMB, chat.MaxFiles, chat.AttachmentsEnabled));
        Assert.Equal(["pdf", "txt", "docx"], chat.AllowedExtensions);

        // Text files within the limits pass the tenant's check.
        var accepted = Checks(Run(EngageAttachmentCommands.CheckNoun, h => EngageAttachmentCommands.TestAsync(h, connection,
            [Write("notes.txt", EngageFiles.Text("Order 1234")), Write("quote.docx", EngageFiles.Docx(withImage: false))], "chat", offline: false)));
        Assert.All(accepted, c => Assert.True(c.Accepted, c.Message));
        Assert.All(accepted, c => Assert.Equal("Tenant", c.CheckedBy));

        // The error path of the lab: a document with images. The client refuses it before upload; the tenant refuses it too.
        var withImage = EngageFiles.Docx(withImage: true);
        var local = Assert.Single(Checks(Run(EngageAttachmentCommands.CheckNoun, h => EngageAttachmentCommands.TestAsync(h, connection,
            [Write("Q3.docx", withImage)], "chat", offline: false))));
        Assert.Equal(("Client", false, AttachmentRefusals.ContainsImages), (local.CheckedBy, local.Accepted, local.Reason));
        var server = await connection.Engage.Attachments.CheckAsync("chat",
            [new AttachmentUpload("Q3.docx", withImage), new AttachmentUpload("scan.pdf", EngageFiles.PdfWithImage())], CancellationToken.None);
        Assert.False(server.Accepted);
        Assert.Equal("2 of 2 file(s) are refused on channel 'chat'.", server.Message);
        Assert.Equal(AttachmentRefusals.ContainsImages, server.Files[0].Reason);
        Assert.Equal("'Q3.docx' contains images (Word document (Office Open XML): the image part word/media/image1.png); only text-based files are accepted (PCI).", server.Files[0].Message);
        Assert.Equal("'scan.pdf' contains images (PDF document: an image XObject (/Subtype /Image)); only text-based files are accepted (PCI).", server.Files[1].Message);

        // Format, size and number of files come from the channel's settings.
        var refused = Checks(Run(EngageAttachmentCommands.CheckNoun, h => EngageAttachmentCommands.TestAsync(h, connection,
            [Write("orders.csv", EngageFiles.Text("id\n1")), Write("big.txt", new byte[1024 * 1024 + 1].Select(_ => (byte)'a').ToArray())], "chat", offline: false)));
        Assert.Equal(AttachmentRefusals.ExtensionNotAllowed, refused[0].Reason);
        Assert.Equal("'orders.csv' has the extension 'csv', which channel 'chat' does not accept; its supported formats are: pdf, txt, docx.", refused[0].Message);
        Assert.Equal(AttachmentRefusals.TooLarge, refused[1].Reason);
        Assert.Equal("'big.txt' is 1 MB (1048577 bytes); channel 'chat' accepts files of at most 1 MB.", refused[1].Message);

        var many = Checks(Run(EngageAttachmentCommands.CheckNoun, h => EngageAttachmentCommands.TestAsync(h, connection,
            Enumerable.Range(1, 4).Select(i => Write($"n{i}.txt", EngageFiles.Text("x"))).ToList(), "chat", offline: false)));
        Assert.All(many, c => Assert.Equal(AttachmentRefusals.TooManyFiles, c.Reason));
        Assert.Equal("4 files were sent together, but channel 'chat' accepts at most 3.", many[0].Message);

        // "Enable Attachment" off, then Submit: no file on any channel.
        Assert.Empty(Run(noun, h => EngageAttachmentCommands.SetAsync(h, connection, false, null, null, false)).Errors);
        try
        {
            var disabled = Assert.Single(Checks(Run(EngageAttachmentCommands.CheckNoun, h => EngageAttachmentCommands.TestAsync(h, connection,
                [Write("ok.txt", EngageFiles.Text("fine"))], "email", offline: false))));
            Assert.Equal(AttachmentRefusals.AttachmentsDisabled, disabled.Reason);
            Assert.Contains("Attachments are disabled for this tenant", disabled.Message);
            Assert.False(Assert.IsType<EngageAttachmentSettings>(Assert.Single(Run(noun, h => EngageAttachmentCommands.GetAsync(h, connection, null)).Objects)).Enabled);
        }
        finally
        {
            Assert.Empty(Run(noun, h => EngageAttachmentCommands.SetAsync(h, connection, true, null, null, false)).Errors);
        }
    }

    [Fact]
    public async Task An_image_format_cannot_be_allowed_and_the_error_names_it()
    {
        using var connection = await ConnectAsync();
        var host = Run(EngageAttachmentCommands.SettingNoun, h => EngageAttachmentCommands.SetAsync(h, connection, null, ["email"],
            new EngageAttachmentChannelChanges { AddExtensions = ["png"] }, false));
        var error = Assert.Single(host.Errors);
        Assert.Equal("EngageAttachmentSettingInvalidValue", error.ErrorId);
        Assert.Contains("'png' is an image format; Engage accepts only text-based files (PCI)", error.Message);
    }

    [Fact]
    public async Task Templates_are_managed_in_Admin_and_seen_from_Customer_Care()
    {
        using var connection = await ConnectAsync();
        const string noun = EngageTemplateCommands.Noun;
        var name = SandboxApi.UniqueName("Greeting");
        var created = Assert.IsType<EngageTemplate>(Assert.Single(Run(noun, h => EngageTemplateCommands.NewAsync(h, connection, name, ["email", "chat"], "Hello, how can I help?", "Openers")).Objects));
        Assert.Equal(["chat", "email"], created.Channels);

        var duplicate = Assert.Single(Run(noun, h => EngageTemplateCommands.NewAsync(h, connection, name.ToUpperInvariant(), ["chat"], "x", null)).Errors);
        Assert.Equal("EngageTemplateAlreadyExists", duplicate.ErrorId);
        Assert.Contains(created.Id, duplicate.Message);

        // Customer Care → Settings → Manage → Template shows what Admin created, per channel.
        var email = Run(noun, h => EngageTemplateCommands.GetAsync(h, connection, null, name, "email", customerCare: true));
        Assert.Equal(created.Id, Assert.IsType<EngageTemplate>(Assert.Single(email.Objects)).Id);
        var sms = Run(noun, h => EngageTemplateCommands.GetAsync(h, connection, null, name, "sms", customerCare: true));
        Assert.Empty(sms.Objects);
        Assert.Equal("EngageTemplateNotFound", Assert.Single(sms.Errors).ErrorId);

        var changed = Assert.IsType<EngageTemplate>(Assert.Single(Run(noun, h => EngageTemplateCommands.SetAsync(h, connection, new EngageTemplateIdentity(name),
            new EngageTemplateChanges { Text = "Hi! How can I help?", Category = "", Channels = ["whatsapp"] }, true)).Objects));
        Assert.Equal(("Hi! How can I help?", null, 1), (changed.Text, changed.Category, changed.Version));
        Assert.Equal(["whatsapp"], changed.Channels);

        Assert.Empty(Run(noun, h => EngageTemplateCommands.RemoveAsync(h, connection, new EngageTemplateIdentity(created))).Errors);
        var gone = Assert.Single(Run(noun, h => EngageTemplateCommands.GetAsync(h, connection, null, name, null, false)).Errors);
        Assert.Equal("EngageTemplateNotFound", gone.ErrorId);
        Assert.Contains($"'{name}'", gone.Message);
    }

    [Fact]
    public async Task The_blocklist_adds_lists_and_removes_words_regardless_of_case()
    {
        using var connection = await ConnectAsync();
        const string noun = EngageBlockedWordCommands.Noun;
        var word = "scam" + Guid.NewGuid().ToString("N")[..6];

        var added = Run(noun, h => EngageBlockedWordCommands.AddAsync(h, connection, [word, " " + word.ToUpperInvariant() + " ", ""], passThru: true));
        Assert.Equal(word, Assert.IsType<EngageBlockedWord>(Assert.Single(added.Objects)).Word);
        Assert.Equal(["EngageBlockedWordAlreadyExists", "EngageBlockedWordInvalidArgument"], added.Errors.Select(e => e.ErrorId));
        Assert.Contains($"The word '{word}' is already on the blocklist", added.Errors[0].Message);

        var listed = Run(noun, h => EngageBlockedWordCommands.GetAsync(h, connection, word[..6] + "*"));
        Assert.Contains(listed.Objects.Cast<EngageBlockedWord>(), w => w.Word == word);

        Assert.Empty(Run(noun, h => EngageBlockedWordCommands.RemoveAsync(h, connection, [word.ToUpperInvariant()])).Errors);
        var again = Assert.Single(Run(noun, h => EngageBlockedWordCommands.RemoveAsync(h, connection, [word])).Errors);
        Assert.Equal("EngageBlockedWordNotFound", again.ErrorId);
        Assert.Contains($"The word '{word}' is not on the blocklist", again.Message);
    }

    [Fact]
    public async Task Working_hours_are_named_validated_and_say_whether_the_chat_widget_is_open()
    {
        using var connection = await ConnectAsync();
        const string noun = EngageWorkingHoursCommands.Noun;
        var name = SandboxApi.UniqueName("Office hours");
        var created = Assert.IsType<EngageWorkingHours>(Assert.Single(Run(noun, h => EngageWorkingHoursCommands.NewAsync(h, connection, name, "Europe/Rome",
            ["Mon-Fri 09:00-13:00,14:00-18:00", "Sat 09:00-12:00"], ["2026-12-25 Christmas Day"])).Objects));
        Assert.Equal(11, created.WeeklyHours.Count);
        Assert.Equal("Monday 09:00-13:00; Monday 14:00-18:00", string.Join("; ", created.WeeklyHours.Take(2)));
        Assert.Equal("Christmas Day", Assert.Single(created.Holidays).Name);

        var badZone = Assert.Single(Run(noun, h => EngageWorkingHoursCommands.SetAsync(h, connection, new EngageWorkingHoursIdentity(created), null, "Mars/Olympus", null, null, false)).Errors);
        Assert.Equal("EngageWorkingHoursInvalidValue", badZone.ErrorId);
        Assert.Contains("The field 'timeZone' has 'Mars/Olympus', which is not a time zone id", badZone.Message);

        var overlap = Assert.Single(Run(noun, h => EngageWorkingHoursCommands.SetAsync(h, connection, new EngageWorkingHoursIdentity(name), null, null,
            ["Mon 09:00-17:00", "Mon 16:00-18:00"], null, false)).Errors);
        Assert.Contains("overlaps Monday 09:00-17:00", overlap.Message);

        // Open around the clock, in a Windows time zone id: the widget shows its chat form; a holiday today closes it.
        var always = Assert.IsType<EngageWorkingHours>(Assert.Single(Run(noun, h => EngageWorkingHoursCommands.SetAsync(h, connection, new EngageWorkingHoursIdentity(name), null,
            "UTC", ["Mon-Sun 00:00-24:00"], [], true)).Objects));
        Assert.True(always.OpenNow);
        Assert.Empty(always.Holidays);
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd");
        var holiday = Assert.IsType<EngageWorkingHours>(Assert.Single(Run(noun, h => EngageWorkingHoursCommands.SetAsync(h, connection, new EngageWorkingHoursIdentity(name), null,
            null, null, [today + " Closing day"], true)).Objects));
        Assert.False(holiday.OpenNow);

        Assert.Empty(Run(noun, h => EngageWorkingHoursCommands.RemoveAsync(h, connection, new EngageWorkingHoursIdentity(name))).Errors);
        Assert.Equal("EngageWorkingHoursNotFound", Assert.Single(Run(noun, h => EngageWorkingHoursCommands.GetAsync(h, connection, null, name)).Errors).ErrorId);
    }

    [Fact]
    public async Task A_transcript_is_found_by_conversation_ID_and_downloaded_to_a_file()
    {
        using var connection = await ConnectAsync(scopes: Scopes.All); // recording a conversation is sandbox management (sandbox:admin)
        const string noun = EngageTranscriptCommands.Noun;
        var id = "conv-" + Guid.NewGuid().ToString("N");
        await connection.Engage.Transcripts.RecordSandboxConversationAsync(new SandboxConversation
        {
            ConversationId = id, Channel = "chat", CustomerName = "Jane Doe", StartedTime = DateTimeOffset.Parse("2026-01-05T09:00:00Z"),
            Messages =
            {
                new EngageTranscriptMessage { Sender = "Customer", SenderName = "Jane Doe", Text = "Hello, my order is late." },
                new EngageTranscriptMessage { Sender = "Agent", SenderName = "cl1agent1", Text = "Let me check.", Time = DateTimeOffset.Parse("2026-01-05T09:01:00Z") },
            },
        }, CancellationToken.None);

        var transcript = Assert.IsType<EngageTranscript>(Assert.Single(Run(noun, h => EngageTranscriptCommands.GetAsync(h, connection, id, null, EngageTranscriptFormat.Auto, false)).Objects));
        Assert.Equal((id, "chat", 2), (transcript.ConversationId, transcript.Channel, transcript.Messages.Count));

        var file = Path.Combine(folder, "transcript.txt");
        var saved = Assert.IsType<EngageTranscriptFile>(Assert.Single(Run(noun, h => EngageTranscriptCommands.GetAsync(h, connection, id, file, EngageTranscriptFormat.Auto, false)).Objects));
        Assert.Equal(file, saved.Path);
        var text = File.ReadAllText(file);
        Assert.StartsWith($"Conversation {id} (chat)", text);
        Assert.Contains("[2026-01-05 09:00:00Z] Customer (Jane Doe): Hello, my order is late.", text);
        Assert.Contains("[2026-01-05 09:01:00Z] Agent (cl1agent1): Let me check.", text);

        var exists = Assert.Single(Run(noun, h => EngageTranscriptCommands.GetAsync(h, connection, id, file, EngageTranscriptFormat.Json, false)).Errors);
        Assert.Equal("EngageTranscriptInvalidArgument", exists.ErrorId);
        Assert.Contains(file, exists.Message);
        Assert.Equal(text, File.ReadAllText(file));

        // The other error path of the lab: an unknown conversation ID.
        var unknown = Assert.Single(Run(noun, h => EngageTranscriptCommands.GetAsync(h, connection, "no-such-conversation", null, EngageTranscriptFormat.Auto, false)).Errors);
        Assert.Equal("EngageTranscriptNotFound", unknown.ErrorId);
        Assert.Equal(CommandErrorCategory.ObjectNotFound, unknown.Category);
        Assert.Contains("No conversation with id 'no-such-conversation' exists", unknown.Message);
    }

    [Fact]
    public async Task A_token_without_the_Engage_scope_is_refused_naming_it()
    {
        using var connection = await ConnectAsync(scopes: [Scopes.ConnectConfigRead, Scopes.ConnectConfigWrite]);
        var error = Assert.Single(Run(EngageAttachmentCommands.SettingNoun, h => EngageAttachmentCommands.GetAsync(h, connection, null)).Errors);
        Assert.Equal("EngageAttachmentSettingScopeMissing", error.ErrorId);
        Assert.Contains("lacks the scope 'engage:config_read'", error.Message);

        using var reader = await ConnectAsync(scopes: [Scopes.EngageConfigRead]);
        var write = Assert.Single(Run(EngageBlockedWordCommands.Noun, h => EngageBlockedWordCommands.AddAsync(h, reader, ["nope"], false)).Errors);
        Assert.Equal("EngageBlockedWordScopeMissing", write.ErrorId);
        Assert.Contains("'engage:config_write'", write.Message);
    }

    [Fact]
    public async Task A_read_only_user_reads_but_cannot_change_and_a_restricted_user_cannot_read()
    {
        var readOnly = await api.CreateApplicationAsync("ReadOnly", Scopes.EngageConfigRead, Scopes.EngageConfigWrite);
        using var reader = await ConnectAsync(readOnly.ClientId, readOnly.ClientSecret, [Scopes.EngageConfigRead, Scopes.EngageConfigWrite]);
        Assert.Empty(Run(EngageTemplateCommands.Noun, h => EngageTemplateCommands.GetAsync(h, reader, null, null, null, false)).Errors);
        var refused = Assert.Single(Run(EngageTemplateCommands.Noun, h => EngageTemplateCommands.NewAsync(h, reader, SandboxApi.UniqueName("RO"), ["chat"], "x", null)).Errors);
        Assert.Equal("EngageTemplateForbidden", refused.ErrorId);
        Assert.Contains("The role 'ReadOnly' may not change the Engage settings", refused.Message);

        var restricted = await api.CreateApplicationAsync("Restricted", Scopes.EngageConfigRead);
        using var outsider = await ConnectAsync(restricted.ClientId, restricted.ClientSecret, [Scopes.EngageConfigRead]);
        var transcript = Assert.Single(Run(EngageTranscriptCommands.Noun, h => EngageTranscriptCommands.GetAsync(h, outsider, "any", null, EngageTranscriptFormat.Auto, false)).Errors);
        Assert.Equal("EngageTranscriptForbidden", transcript.ErrorId);
        Assert.Contains("The role 'Restricted' may not read conversation transcripts", transcript.Message);
    }
}
