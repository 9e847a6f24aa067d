using Xunit;

namespace DigitalChannels.IntegrationTests.Infrastructure;

/// <summary>
/// Cisco's published flow exports in <c>../shared/fixtures/workflows</c> beside the repository. A test that needs them
/// fails with a message that says where they were looked for.
/// </summary>
public static class SharedFixtures
{
    public static string WorkflowsFolder
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
            {
                if (!File.Exists(Path.Combine(directory.FullName, "DigitalChannels.sln"))) continue;
                var folder = Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "fixtures", "workflows"));
                Assert.True(Directory.Exists(folder), $"The lab fixtures are absent: expected Cisco's flow exports in {folder} (../shared beside the repository).");
                return folder;
            }
            throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} contains DigitalChannels.sln.");
        }
    }

    public static string Workflow(params string[] parts) => Path.Combine(new[] { WorkflowsFolder }.Concat(parts).ToArray());

    public static IReadOnlyList<string> AllWorkflowFiles() =>
        Directory.EnumerateFiles(WorkflowsFolder, "*", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal).ToList();

    /// <summary>The payload text of a plain .workflow fixture.</summary>
    public static string Payload(params string[] parts) => File.ReadAllText(Workflow(parts));
}
