using DigitalChannels.Client.Commands;

namespace DigitalChannels.Client.Tests.Commands;

/// <summary>-OutFile of the downloading cmdlets (Get-EngageTranscript, Save-ConnectLogExport): one rule for both.</summary>
public sealed class OutFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "dc-outfile-" + Guid.NewGuid().ToString("N"))).FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_folder_gets_the_file_under_its_own_name_and_a_server_name_never_leaves_the_folder()
    {
        Assert.Equal(Path.Combine(_folder, "inbound-logs-1.csv"), OutFile.Resolve(_folder, "inbound-logs-1.csv"));
        var escaped = OutFile.Resolve(_folder, "../../escape.csv");
        Assert.Equal(_folder, Path.GetDirectoryName(escaped));
    }

    [Fact]
    public void A_file_in_a_missing_folder_is_refused_naming_the_folder()
    {
        var missing = Path.Combine(_folder, "nowhere", "log.csv");
        var error = Assert.Throws<ArgumentException>(() => OutFile.Resolve(missing, "x.csv"));
        Assert.Contains(Path.Combine(_folder, "nowhere"), error.Message);
    }

    [Fact]
    public void An_existing_file_is_replaced_only_with_Force()
    {
        var path = Path.Combine(_folder, "log.csv");
        OutFile.Write(path, "first", force: false, "log");
        var error = Assert.Throws<ArgumentException>(() => OutFile.Write(path, "second", force: false, "log"));
        Assert.Contains("use -Force", error.Message);
        Assert.Equal("first", File.ReadAllText(path));
        Assert.Equal(6, OutFile.Write(path, "second", force: true, "log").Length);
        Assert.Equal("second", File.ReadAllText(path));
    }
}
