namespace DigitalChannels.PowerShell.Tests;

/// <summary>Paths in the repository, found by walking up from the test assembly to the folder that holds DigitalChannels.sln.</summary>
internal static class Repository
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

    public static string PathOf(params string[] parts) => Path.Combine(new[] { Root }.Concat(parts).ToArray());

    public static string ReadText(params string[] parts)
    {
        var path = PathOf(parts);
        Assert.True(File.Exists(path), $"Expected the file {path} in the repository.");
        return File.ReadAllText(path);
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "DigitalChannels.sln"))) return directory.FullName;
        }
        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} contains DigitalChannels.sln.");
    }
}
