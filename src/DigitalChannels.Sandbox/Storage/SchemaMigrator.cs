using System.Globalization;

namespace DigitalChannels.Sandbox.Storage;

/// <summary>Applies the pending steps of an ordered migration list, each in its own transaction.</summary>
public sealed class SchemaMigrator
{
    private readonly SandboxDatabase database;

    public SchemaMigrator(SandboxDatabase database) => this.database = database;

    public void Apply(IReadOnlyList<SchemaMigration> migrations)
    {
        CheckOrder(migrations);
        database.Write(session => session.Execute(
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_time TEXT NOT NULL);"));

        var current = CurrentVersion();
        var latest = migrations.Count == 0 ? 0 : migrations[^1].Version;
        if (current > latest)
            throw new InvalidOperationException(
                $"The sandbox database '{database.FilePath}' has schema version {current}, newer than this sandbox knows ({latest}). Use a newer sandbox or another data folder.");

        foreach (var migration in migrations.Where(m => m.Version > current))
        {
            database.Write(session =>
            {
                session.Execute(migration.Sql);
                session.Execute("INSERT INTO schema_version (version, name, applied_time) VALUES ($version, $name, $time);",
                    ("$version", migration.Version), ("$name", migration.Name),
                    ("$time", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture)));
            });
        }
    }

    public int CurrentVersion() => database.Read(session => session.Scalar<int>("SELECT COALESCE(MAX(version), 0) FROM schema_version;"));

    private static void CheckOrder(IReadOnlyList<SchemaMigration> migrations)
    {
        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
                throw new InvalidOperationException(
                    $"Schema migration '{migrations[i].Name}' has version {migrations[i].Version}, expected {i + 1}: versions must run 1, 2, 3… in list order.");
        }
    }
}
