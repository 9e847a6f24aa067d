namespace DigitalChannels.Sandbox.Storage;

/// <summary>
/// The data folder holds the token-signing key (in sandbox.db) and the connection file: on Unix the folder is 0700 and
/// its files 0600, for folders created now and for ones left by an older sandbox alike. The database file is created
/// here, owner-only, before SQLite opens it, because SQLite gives its -wal and -shm files the database file's mode.
/// Windows: the per-user profile folder (LOCALAPPDATA) is already private to its user.
/// </summary>
public static class DataFolder
{
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static void Prepare(string directory, string databaseFileName)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
            return;
        }
        if (!Directory.Exists(directory)) Directory.CreateDirectory(directory, FolderMode);
        File.SetUnixFileMode(directory, FolderMode);

        var database = Path.Combine(directory, databaseFileName);
        if (!File.Exists(database))
            using (new FileStream(database, new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = FileMode })) { }
        foreach (var file in Directory.EnumerateFiles(directory)) Protect(file);
    }

    /// <summary>Owner-only, for a file written into the folder later (connection.json).</summary>
    public static void Protect(string file)
    {
        if (!OperatingSystem.IsWindows() && File.Exists(file)) File.SetUnixFileMode(file, FileMode);
    }
}
