using DigitalChannels.Client;
using DigitalChannels.Client.Commands;
using DigitalChannels.Client.Environments;
using DigitalChannels.Lab;
using DigitalChannels.Lab.Scenarios;
using DigitalChannels.Sandbox.Hosting;

const string usage = """
    DigitalChannels lab runner: runs a lab scenario end to end with the engine the cmdlets use.

    Usage: dotnet run --project src/DigitalChannels.Lab -- [scenario] [options]

    Scenarios:
      services                 Connect services (lab 12.2 "1. Services", lab 12.5 step 2's service). The default.

    Options:
      --connection-file PATH   Use a sandbox that is already running (its connection.json or data folder)
                               instead of starting one.
      --data DIR               Data folder for the sandbox the runner starts (default: a new temporary folder,
                               removed afterwards).
      --verbose                Show every HTTP request.
      --help                   Show this text.
    """;

string scenario = "services", connectionFile = null!, data = null!;
var verbose = false;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--help" or "-h": Console.WriteLine(usage); return 0;
        case "--verbose": verbose = true; break;
        case "--connection-file" when i + 1 < args.Length: connectionFile = args[++i]; break;
        case "--data" when i + 1 < args.Length: data = args[++i]; break;
        case "services": scenario = args[i]; break;
        default:
            Console.Error.WriteLine($"Unknown argument '{args[i]}'. Run with --help for the options.");
            return 2;
    }
}

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancellation.Cancel(); };

Microsoft.AspNetCore.Builder.WebApplication? sandbox = null;
var temporaryData = connectionFile is null && data is null;
try
{
    if (connectionFile is null)
    {
        data ??= Directory.CreateTempSubdirectory("digitalchannels-lab-").FullName;
        Console.WriteLine($"Starting the sandbox (data folder {data}) ...");
        sandbox = SandboxApplication.Build(new SandboxOptions("http://127.0.0.1:0", data));
        await sandbox.StartAsync(cancellation.Token);
        connectionFile = Path.Combine(data, SandboxConnectionFile.FileName);
    }

    var host = new ConsoleHost(Console.Out, verbose, cancellation.Token);
    var run = new ScenarioRun(Console.Out, host);
    var scope = new object();
    run.Run($"Connect-DigitalChannels -ConnectionFile '{connectionFile}'", ConnectionCommands.Noun,
        h => ConnectionCommands.ConnectAsync(h, scope, new ConnectRequest { ConnectionFile = connectionFile }));
    using var connection = ConnectionRegistry.GetCurrent(scope);
    if (connection is null)
    {
        Console.Error.WriteLine("Could not connect to the sandbox; see the error above.");
        return 1;
    }

    switch (scenario)
    {
        case "services": ServicesScenario.Run(run, connection); break;
    }

    Console.WriteLine();
    Console.WriteLine($"Requests sent: {connection.Pipeline.RequestCount}, retries: {connection.Pipeline.RetryCount}, 429s met: {connection.Pipeline.ThrottledCount}.");
    run.PrintTable();
    return run.Checks.All(c => c.Passed) ? 0 : 1;
}
catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
{
    Console.Error.WriteLine("Stopped.");
    return 130;
}
finally
{
    if (sandbox is not null)
    {
        await sandbox.StopAsync();
        await sandbox.DisposeAsync();
        // SQLite keeps pooled handles open; release them before the folder goes.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
    if (temporaryData && data is not null)
    {
        try { Directory.Delete(data, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
