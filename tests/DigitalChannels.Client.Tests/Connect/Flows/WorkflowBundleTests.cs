using System.IO.Compression;
using System.Text;
using DigitalChannels.Client.Connect.Flows;
using DigitalChannels.Client.Tests.Infrastructure;

namespace DigitalChannels.Client.Tests.Connect.Flows;

/// <summary>
/// Bundles (every flow of a release in one zip, with __MACOSX and .DS_Store beside them), zips whose .workflow is named by a
/// number, and folder names that tell the kind: built at test time from the payloads of Cisco's fixtures.
/// </summary>
public sealed class WorkflowBundleTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dc-bundle-tests", Guid.NewGuid().ToString("N"));

    public WorkflowBundleTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Payload(string fixture) => File.ReadAllText(SharedFixtures.Workflow("v2.1", fixture + ".workflow"));

    private string Zip(string relative, params (string Entry, string Content)[] entries)
    {
        var path = Path.Combine(_folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var archive = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (entry, content) in entries)
        {
            using var writer = new StreamWriter(archive.CreateEntry(entry).Open(), Encoding.ASCII);
            writer.Write(content);
        }
        return path;
    }

    /// <summary>Cisco's v2.0 shape: one folder with every flow, macOS metadata beside it.</summary>
    private string Release()
    {
        var names = new[] { "Email Inbound Flow", "Facebook Inbound Flow", "Live Chat Close Flow", "Live Chat Inbound Flow", "SMS Inbound Flow",
            "Task Close Flow", "Task Modified Flow", "Task Routed Flow", "WAB Inbound Flow" };
        var entries = names.Select(n => ($"Webex-Connect-Flows-v2.0/{n}.workflow", Payload(n)))
            .Append(("Webex-Connect-Flows-v2.0/.DS_Store", "\0\0\0\u0001Bud1"))
            .Append(("__MACOSX/Webex-Connect-Flows-v2.0/._Task Routed Flow.workflow", "\0\u0005\u0016\u0007 AppleDouble"))
            .Append(("__MACOSX/._Webex-Connect-Flows-v2.0", "junk"));
        return Zip("Webex-Connect-Flows-v2.0.zip", entries.ToArray());
    }

    [Fact]
    public void A_bundle_reads_as_one_file_per_flow_named_from_its_file_with_the_fixture_payloads_and_kinds()
    {
        var files = WorkflowFile.ReadAll(Release());

        Assert.Equal(new[] { "Email Inbound Flow", "Facebook Inbound Flow", "Live Chat Close Flow", "Live Chat Inbound Flow", "SMS Inbound Flow",
            "Task Close Flow", "Task Modified Flow", "Task Routed Flow", "WAB Inbound Flow" }, files.Select(f => f.SuggestedName));
        Assert.All(files, f => Assert.Equal(WorkflowPayload.Sha256(Payload(f.SuggestedName)), f.Sha256));
        Assert.All(files, f => Assert.True(f.InBundle));
        Assert.Equal(new[] { ConnectFlowKind.Email, ConnectFlowKind.FacebookMessenger, ConnectFlowKind.LiveChat, ConnectFlowKind.LiveChat, ConnectFlowKind.Sms,
            ConnectFlowKind.TaskClose, ConnectFlowKind.TaskModified, ConnectFlowKind.TaskRouted, ConnectFlowKind.WhatsApp },
            files.Select(f => FlowKindInference.Infer(f.KindHints.ToArray())));
        Assert.Equal("Webex-Connect-Flows-v2.0.zip (Webex-Connect-Flows-v2.0/Task Routed Flow.workflow)", files[7].DisplayName);
    }

    [Fact]
    public void Read_refuses_a_bundle_so_one_flow_is_never_taken_from_many()
    {
        var ex = Assert.Throws<InvalidDataException>(() => WorkflowFile.Read(Release()));
        Assert.StartsWith("'Webex-Connect-Flows-v2.0.zip' is a bundle of 9 .workflow files (", ex.Message);
    }

    [Fact]
    public void A_bad_entry_refuses_the_whole_bundle_naming_it()
    {
        var path = Zip("Mixed.zip", ("Flows/Task Routed Flow.workflow", Payload("Task Routed Flow")), ("Flows/Task Close Flow.workflow", "ABCD"));
        var ex = Assert.Throws<InvalidDataException>(() => WorkflowFile.ReadAll(path));
        Assert.StartsWith("'Mixed.zip (Flows/Task Close Flow.workflow)' is not a Webex Connect flow export", ex.Message);
    }

    [Fact]
    public void Two_flows_of_one_name_in_a_bundle_are_refused()
    {
        var path = Zip("Twice.zip", ("v1/Task Routed Flow.workflow", Payload("Task Routed Flow")), ("v2/task routed flow.workflow", Payload("Task Routed Flow")));
        var ex = Assert.Throws<InvalidDataException>(() => WorkflowFile.ReadAll(path));
        Assert.Equal("'Twice.zip' holds 2 flows named 'Task Routed Flow' (v1/Task Routed Flow.workflow, v2/task routed flow.workflow); " +
                     "each flow of a bundle is named after its file, so the names must differ.", ex.Message);
    }

    [Fact]
    public void A_zip_with_a_telling_name_and_a_numbered_workflow_is_named_and_kinded_by_the_zip()
    {
        var file = WorkflowFile.Read(Zip("SMS Inbound Flow.workflow.zip", ("1680000000.workflow", Payload("SMS Inbound Flow")), ("__MACOSX/._1680000000.workflow", "x")));
        Assert.Equal("SMS Inbound Flow", file.SuggestedName);
        Assert.True(FlowKindInference.TryInfer(file.KindHints, out var kind, out var source));
        Assert.Equal(ConnectFlowKind.Sms, kind);
        Assert.Equal("SMS Inbound Flow.workflow.zip", source);
    }

    [Theory]
    [InlineData("Apple Messages for Business/Unsubscribe Flow.workflow.zip", ConnectFlowKind.AppleMessagesForBusiness, "Apple Messages for Business")]
    [InlineData("Apple Business Messages/Rich message response flows/Time Picker and List Picker Response Flow.workflow.zip", ConnectFlowKind.AppleMessagesForBusiness, "Apple Business Messages")]
    [InlineData("Google Business Messages/Basic Inbound Flow.workflow.zip", ConnectFlowKind.GoogleBusinessMessages, "Google Business Messages")]
    public void Folders_on_disk_tell_the_kind_when_the_names_of_the_file_and_zip_do_not(string relative, ConnectFlowKind kind, string folder)
    {
        var file = WorkflowFile.Read(Zip(relative, ("Flow/" + Path.GetFileName(relative).Replace(".zip", ""), Payload("Live Chat Inbound Flow"))));
        Assert.True(FlowKindInference.TryInfer(file.KindHints, out var inferred, out var source), string.Join(" | ", file.KindHints));
        Assert.Equal(kind, inferred);
        Assert.Equal(folder, source);
    }

    [Fact]
    public void A_folder_inside_the_zip_tells_before_the_folders_on_disk()
    {
        var file = Assert.Single(WorkflowFile.ReadAll(Zip(Path.Combine("SMS", "Flows.zip"), ("Google Business Messages/Inbound flow with suggestions.workflow", Payload("SMS Inbound Flow")))));
        Assert.Equal(new[] { "Inbound flow with suggestions.workflow", "Flows.zip", "Google Business Messages", "SMS" }, file.KindHints.Take(4));
        Assert.Equal(ConnectFlowKind.GoogleBusinessMessages, FlowKindInference.Infer(file.KindHints.ToArray()));
    }

    [Fact]
    public void An_entry_larger_than_a_flow_is_refused_after_reading_no_more_than_the_limit()
    {
        // 9 MiB of hex compresses to a few KB: the reader counts what it decompresses, whatever the header says.
        var path = Path.Combine(_folder, "Bomb.zip");
        using (var archive = ZipFile.Open(path, ZipArchiveMode.Create))
        using (var stream = archive.CreateEntry("Task Routed Flow.workflow", CompressionLevel.Optimal).Open())
        {
            var block = Encoding.ASCII.GetBytes(new string('a', 1024 * 1024));
            for (var i = 0; i < 9; i++) stream.Write(block, 0, block.Length);
        }
        Assert.True(new FileInfo(path).Length < 100_000);
        var ex = Assert.Throws<InvalidDataException>(() => WorkflowFile.ReadAll(path));
        Assert.Equal($"'Bomb.zip (Task Routed Flow.workflow)' is not a Webex Connect flow export (.workflow): it has more than {WorkflowPayload.MaximumHexLength + 2} characters; " +
                     $"at most {WorkflowPayload.MaximumHexLength} hex digits are accepted.", ex.Message);
    }
}
