using System.IO.Compression;
using System.Text;
using DigitalChannels.Client.Connect.Flows;
using DigitalChannels.Client.Tests.Infrastructure;

namespace DigitalChannels.Client.Tests.Connect.Flows;

/// <summary>The structural checks of flow exports (platform facts §4) on Cisco's real files and on synthetic bad ones.</summary>
public sealed class WorkflowFileTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dc-workflow-tests", Guid.NewGuid().ToString("N"));

    public WorkflowFileTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>A valid payload of <paramref name="blocks"/> 256-byte blocks.</summary>
    private static string Hex(int blocks, char digit = 'a') => new(digit, blocks * 256 * 2);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text, Encoding.ASCII);
        return path;
    }

    private string Zip(string name, params (string Entry, string Content)[] entries)
    {
        var path = Path.Combine(_folder, name);
        using var archive = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (entry, content) in entries)
        {
            if (entry.EndsWith('/')) { archive.CreateEntry(entry); continue; }
            using var writer = new StreamWriter(archive.CreateEntry(entry).Open(), Encoding.ASCII);
            writer.Write(content);
        }
        return path;
    }

    private static string Refusal(string path) => Assert.Throws<InvalidDataException>(() => WorkflowFile.Read(path)).Message;

    [Theory]
    [InlineData("10fb2a3c-0000-4000-8000-000000000000")]
    [InlineData("3fb27a90c1d2e4f5a6b7c8d9e0f1a2b3")]
    public void A_generated_folder_name_tells_no_kind_though_its_letters_spell_one(string generated)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_folder, "WhatsApp", generated, "orders")).FullName;
        var path = Path.Combine(folder, "Orders.workflow");
        File.WriteAllText(path, Hex(1), Encoding.ASCII);

        var hints = WorkflowFile.Read(path).KindHints;

        Assert.Equal(new[] { "Orders.workflow", "orders", "WhatsApp" }, hints);
        Assert.True(FlowKindInference.TryInfer(hints, out var kind, out var source));
        Assert.Equal((ConnectFlowKind.WhatsApp, "WhatsApp"), (kind, source));
    }

    [Fact]
    public void Every_published_fixture_reads_with_its_name_kind_and_hash()
    {
        var files = SharedFixtures.AllWorkflowFiles();
        Assert.True(files.Count >= 23, $"Expected Cisco's v2.1 and v3.5 exports, found {files.Count} files in {SharedFixtures.WorkflowsFolder}.");
        foreach (var path in files)
        {
            var file = WorkflowFile.Read(path);
            Assert.Null(WorkflowPayload.FindProblem(file.Payload));
            Assert.Equal(0, file.DecodedLength % 256);
            Assert.True(file.DecodedLength > 40_000, $"{path}: {file.DecodedLength} bytes");
            Assert.Matches("^[0-9a-f]{64}$", file.Sha256);
            Assert.True(FlowKindInference.TryInfer(file.FileName, out _), $"No kind for {file.FileName}");
        }
    }

    [Theory]
    [InlineData("v2.1/Task Routed Flow.workflow", "Task Routed Flow", ConnectFlowKind.TaskRouted, null)]
    [InlineData("v2.1/Task Modified Flow.workflow.zip", "Task Modified Flow", ConnectFlowKind.TaskModified, "Task Modified Flow.workflow")]
    [InlineData("v2.1/Task Close Flow.workflow.zip", "Task Close Flow", ConnectFlowKind.TaskClose, "Task Close Flow.workflow")]
    [InlineData("v2.1/Live Chat Close Flow.workflow", "Live Chat Close Flow", ConnectFlowKind.LiveChat, null)]
    [InlineData("v2.1/WAB Inbound Flow.workflow.zip", "WAB Inbound Flow", ConnectFlowKind.WhatsApp, "WAB Inbound Flow.workflow")]
    [InlineData("v2.1/Facebook Inbound Flow.workflow", "Facebook Inbound Flow", ConnectFlowKind.FacebookMessenger, null)]
    [InlineData("v2.1/SMS Inbound Flow.workflow", "SMS Inbound Flow", ConnectFlowKind.Sms, null)]
    [InlineData("v2.1/Email Inbound Flow.workflow.zip", "Email Inbound Flow", ConnectFlowKind.Email, "Email Inbound Flow.workflow")]
    [InlineData("v3.5/LivechatInbound flow.workflow.zip", "LivechatInbound flow", ConnectFlowKind.LiveChat, "LivechatInbound flow.workflow")]
    [InlineData("v3.5/Livechat Inbound flow with proactive chat changes.zip", "Livechat Inbound flow with proactive chat changes", ConnectFlowKind.LiveChat,
        "Livechat Inbound flow with proactive chat changes/Livechat Inbound flow with proactive chat changes.workflow")]
    public void Fixture_names_give_the_flow_name_and_kind(string relative, string name, ConnectFlowKind kind, string? entry)
    {
        var file = WorkflowFile.Read(SharedFixtures.Workflow(relative.Split('/')));
        Assert.Equal(name, file.SuggestedName);
        Assert.Equal(entry, file.EntryName);
        Assert.Equal(kind, FlowKindInference.Infer(file.FileName));
    }

    [Fact]
    public void A_zip_holds_the_same_payload_as_the_plain_file()
    {
        var plain = WorkflowFile.Read(SharedFixtures.Workflow("v2.1", "Task Routed Flow.workflow"));
        var zipped = WorkflowFile.Read(SharedFixtures.Workflow("v2.1", "Task Routed Flow.workflow.zip"));
        Assert.Equal(plain.Sha256, zipped.Sha256);
        Assert.Equal(plain.Payload, zipped.Payload);
        Assert.Equal(WorkflowPayload.Sha256(File.ReadAllText(SharedFixtures.Workflow("v2.1", "Task Routed Flow.workflow"))), plain.Sha256);
    }

    [Fact]
    public void Upper_case_hex_is_refused_naming_the_file_and_the_character()
    {
        var message = Refusal(Write("Upper.workflow", "ab" + Hex(1).Substring(4) + "Cd"));
        Assert.Equal("'Upper.workflow' is not a Webex Connect flow export (.workflow): character 511 is 'C', an upper-case hex digit; exports are lower-case hex.", message);
    }

    [Fact]
    public void A_character_that_is_not_hex_is_refused()
    {
        Assert.Equal("'Json.workflow' is not a Webex Connect flow export (.workflow): character 1 is '{', not a hex digit (0-9, a-f).",
            Refusal(Write("Json.workflow", "{\"nodes\":[]}")));
        Assert.Contains("character 3 is U+0020, not a hex digit", Refusal(Write("Space.workflow", "ab cd")));
    }

    [Fact]
    public void An_odd_number_of_digits_is_refused()
    {
        Assert.Equal("'Odd.workflow' is not a Webex Connect flow export (.workflow): it has an odd number of hex digits (513), so it is not whole bytes.",
            Refusal(Write("Odd.workflow", Hex(2).Substring(0, 513))));
    }

    [Fact]
    public void A_length_that_is_not_whole_256_byte_blocks_is_refused()
    {
        Assert.Equal("'Short.workflow' is not a Webex Connect flow export (.workflow): it decodes to 300 bytes, which is not a multiple of 256.",
            Refusal(Write("Short.workflow", new string('0', 600))));
    }

    [Fact]
    public void An_empty_file_is_refused()
    {
        Assert.Equal("'Empty.workflow' is not a Webex Connect flow export (.workflow): it is empty.", Refusal(Write("Empty.workflow", "")));
    }

    [Fact]
    public void One_trailing_line_ending_is_allowed_and_not_part_of_the_payload()
    {
        Assert.Equal(Hex(2), WorkflowFile.Read(Write("Lf.workflow", Hex(2) + "\n")).Payload);
        Assert.Equal(Hex(2), WorkflowFile.Read(Write("Crlf.workflow", Hex(2) + "\r\n")).Payload);
        Assert.Contains("U+000A", Refusal(Write("Two.workflow", Hex(2) + "\n\n")));
    }

    [Fact]
    public void A_zip_with_two_workflows_is_a_bundle_Read_refuses_naming_both_and_ReadAll_reads_both()
    {
        var path = Zip("Two.zip", ("A.workflow", Hex(1)), ("B/B.workflow", Hex(2)));
        Assert.Equal("'Two.zip' is a bundle of 2 .workflow files (A.workflow, B/B.workflow); one flow is read from exactly one. Import-ConnectFlow imports each flow of a bundle.",
            Refusal(path));
        var all = WorkflowFile.ReadAll(path);
        Assert.Equal(new[] { "A", "B" }, all.Select(f => f.SuggestedName));
        Assert.Equal(new[] { 256, 512 }, all.Select(f => f.DecodedLength));
        Assert.All(all, f => Assert.True(f.InBundle));
    }

    [Fact]
    public void A_zip_without_a_workflow_is_refused_listing_what_it_holds()
    {
        Assert.Equal("'None.zip' holds no .workflow file (it holds: readme.txt, flow.json).",
            Refusal(Zip("None.zip", ("readme.txt", "hello"), ("flow.json", "{}"))));
    }

    [Fact]
    public void A_zip_with_only_macOS_metadata_is_refused()
    {
        Assert.Equal("'Mac.zip' holds no .workflow file (it holds only macOS metadata: __MACOSX/._A.workflow, .DS_Store).",
            Refusal(Zip("Mac.zip", ("__MACOSX/._A.workflow", Hex(1)), (".DS_Store", "x"))));
    }

    [Fact]
    public void An_empty_zip_is_refused()
    {
        Assert.Equal("'Nothing.zip' holds no .workflow file (it is empty).", Refusal(Zip("Nothing.zip")));
    }

    [Fact]
    public void A_zip_skips_folders_AppleDouble_and_DS_Store_and_needs_no_workflow_in_its_name()
    {
        var file = WorkflowFile.Read(Zip("Bundle.zip",
            ("Flow X/", ""), ("Flow X/Flow X.workflow", Hex(3)), ("Flow X/.DS_Store", "junk"),
            ("__MACOSX/Flow X/._Flow X.workflow", "not hex"), ("Flow X/._Flow X.workflow", "not hex either")));
        Assert.Equal("Flow X/Flow X.workflow", file.EntryName);
        Assert.Equal("Flow X", file.SuggestedName);
        Assert.Equal(768, file.DecodedLength);
        Assert.Equal("Bundle.zip (Flow X/Flow X.workflow)", file.DisplayName);
    }

    [Fact]
    public void A_bad_payload_inside_a_zip_names_the_zip_and_the_entry()
    {
        Assert.Equal("'Bad.zip (X/Bad.workflow)' is not a Webex Connect flow export (.workflow): it decodes to 2 bytes, which is not a multiple of 256.",
            Refusal(Zip("Bad.zip", ("X/Bad.workflow", "abcd"))));
    }

    [Fact]
    public void A_missing_file_is_FileNotFound_naming_it()
    {
        var path = Path.Combine(_folder, "Nope.workflow");
        var ex = Assert.Throws<FileNotFoundException>(() => WorkflowFile.Read(path));
        Assert.Contains(path, ex.Message);
    }

    [Fact]
    public void A_folder_is_refused_saying_how_to_give_its_files()
    {
        var ex = Assert.Throws<ArgumentException>(() => WorkflowFile.ReadAll(_folder));
        Assert.StartsWith($"'{_folder}' is a folder, not a flow file; give its files, e.g. '{Path.Combine(_folder, "*")}'.", ex.Message);
    }

    [Theory]
    [InlineData("Task Routed Flow", ConnectFlowKind.TaskRouted)]
    [InlineData("task-modified", ConnectFlowKind.TaskModified)]
    [InlineData("Close Task v3", ConnectFlowKind.TaskClose)]
    [InlineData("My WhatsApp bot", ConnectFlowKind.WhatsApp)]
    [InlineData("AMB Inbound", ConnectFlowKind.AppleMessagesForBusiness)]
    [InlineData("Orders webhook", ConnectFlowKind.InboundWebhook)]
    public void Kind_inference_reads_the_words_of_a_name(string name, ConnectFlowKind kind) => Assert.Equal(kind, FlowKindInference.Infer(name));

    [Fact]
    public void A_name_that_tells_no_kind_is_refused_with_the_way_out()
    {
        var ex = Assert.Throws<ArgumentException>(() => FlowKindInference.Infer("Orders.workflow", "Orders"));
        Assert.StartsWith("The flow kind cannot be told from 'Orders.workflow' or 'Orders': the payload is encrypted, so the kind comes from -Kind or the name. Pass -Kind (one of TaskRouted, TaskModified, TaskClose, Email, Sms,", ex.Message);
        Assert.False(FlowKindInference.TryInfer("Smsish flow", out _)); // "sms" must be a word of its own
    }
}

/// <summary>The size a zip header declares is a claim: reading stops at the most a payload can have, whatever it said.</summary>
public class WorkflowZipBoundTests
{
    /// <summary>64 MB of hex digits, counted as they are read, never held in memory.</summary>
    private sealed class EndlessHex : Stream
    {
        public long Served { get; private set; }
        public long Total { get; init; } = 64L * 1024 * 1024;
        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, Total - Served);
            for (var i = 0; i < n; i++) buffer[offset + i] = (byte)'0';
            Served += n;
            return n;
        }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => Served; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Fact]
    public void An_entry_that_inflates_past_its_declared_size_is_refused_without_reading_it_all()
    {
        var stream = new EndlessHex();
        var error = Assert.Throws<InvalidDataException>(() => DigitalChannels.Client.Connect.Flows.WorkflowFile.ReadPayload(stream, "bomb.workflow.zip (bomb.workflow)",
            DigitalChannels.Client.Connect.Flows.WorkflowPayload.MaximumHexLength));
        Assert.Contains("hex digits are accepted", error.Message);
        Assert.True(stream.Served <= DigitalChannels.Client.Connect.Flows.WorkflowPayload.MaximumHexLength + 3 * 64 * 1024,
            $"{stream.Served} bytes were read for a payload of at most {DigitalChannels.Client.Connect.Flows.WorkflowPayload.MaximumHexLength}.");
    }
}
