using Microsoft.Data.Sqlite;

namespace DigitalChannels.Sandbox.Storage;

/// <summary>
/// The sandbox's one SQLite file. Every write runs in its own <c>BEGIN IMMEDIATE</c> transaction that is committed
/// before the handler returns, and <c>synchronous=FULL</c> makes the commit durable, so a SIGKILL after a response
/// never loses the acknowledged write.
/// </summary>
public sealed class SandboxDatabase
{
    public const string FileName = "sandbox.db";

    private readonly string connectionString;

    public SandboxDatabase(string dataDirectory)
    {
        FilePath = Path.Combine(Path.GetFullPath(dataDirectory), FileName);
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string FilePath { get; }

    /// <summary>Creates the folder and the file, switches to WAL and brings the schema up to date.</summary>
    public void Initialize(IReadOnlyList<SchemaMigration> migrations)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        using (var connection = Open())
        {
            // journal_mode is stored in the file, so setting it once is enough; the other pragmas are per connection.
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL;";
            var mode = command.ExecuteScalar() as string;
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
                throw new InvalidOperationException($"The sandbox database '{FilePath}' could not switch to WAL journaling (it reports '{mode}').");
        }
        new SchemaMigrator(this).Apply(migrations);
    }

    /// <summary>Runs <paramref name="work"/> in a read transaction, so that several queries see one snapshot.</summary>
    public T Read<T>(Func<DbSession, T> work)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction(deferred: true);
        var result = work(new DbSession(connection, transaction));
        transaction.Commit();
        return result;
    }

    /// <summary>
    /// Runs <paramref name="work"/> in a write transaction and commits it; an exception rolls everything back.
    /// IMMEDIATE takes the write lock up front, so check-then-insert sequences (duplicate names) cannot race.
    /// </summary>
    public T Write<T>(Func<DbSession, T> work)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction(deferred: false);
        var result = work(new DbSession(connection, transaction));
        transaction.Commit();
        return result;
    }

    public void Write(Action<DbSession> work) => Write<object?>(session => { work(session); return null; });

    internal SqliteConnection Open()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout=10000; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;";
        command.ExecuteNonQuery();
        return connection;
    }
}
