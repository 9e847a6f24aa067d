using DigitalChannels.Client;
using DigitalChannels.Client.Commands;
using DigitalChannels.Client.Environments;
using DigitalChannels.Lab;
using DigitalChannels.Lab.MainJob;
using DigitalChannels.Lab.Scenarios;
using DigitalChannels.Sandbox.Hosting;

const string usage = """
    DigitalChannels lab runner: applies and verifies labs 12.1-12.5 with the engine the cmdlets use (Invoke- and
    Test-DigitalChannelsLab), against a sandbox it starts itself. Needs only the .NET SDK.

    Usage: dotnet run --project src/DigitalChannels.Lab -c Release -- [apply | verify | plan | drift | export | services] [options]

    Commands (each starts a sandbox unless --connection-file is given; the pods are the tenants saved in the data
    folder's lab-pods.json by an earlier run with the same --data, or else new tenants, which are saved there):
      apply                    The main job (default; also "lab"): apply the lab definition to every pod, verify
                               every pod, apply again (it must change nothing) and print the verification table and
                               the time. Exit code 0 when every pod passes, 1 otherwise.
      verify                   Verify every pod and change nothing. Exit code 0 when every pod passes, 1 otherwise.
      plan                     Show what apply would change on every pod and change nothing. Exit code 0 when
                               nothing would change, 2 when something would, 1 when a pod cannot be read.
      drift                    Compare every pod with the definition and list each difference: object, property,
                               expected, actual, and the objects not in the definition. Changes nothing. Exit code 0
                               when nothing differs, 2 when something does, 1 when a pod cannot be read.
      export --out FILE        Read a pod's tenant (--pod ID; default the first pod) into a lab definition, .psd1 or
                               .json by FILE's extension, with its flows in a "flows" folder beside it. No secret is
                               written. An existing file is kept unless --force is given. Exit code 0 when written.
      services                 The Connect services walk-through (lab 12.2 "1. Services"), one command at a time.
    Exit code 64: the arguments or the definition were refused (nothing was started).

    Options (apply, verify, plan, drift):
      --report DIR             Write report.html (one self-contained page: pods x lab steps), report.json and
                               junit.xml (for CI test tabs) into DIR.
      --pods N                 How many pods (sandbox tenants) to apply the lab to (default 1).
      --throttle N             At most N HTTP requests in flight to the sandbox, for all pods together (default
                               8). Every pod starts at once; a pod waiting for provisioning or Make Live holds none.
      --definition PATH        The lab definition (.psd1 or .json; default module/Labs/Lab12.psd1).
      --flows DIR              The folder of the .workflow files (default ../shared/fixtures/workflows/v2.1).
      --break-and-repair       (apply) Then break pod 1 on purpose (a flow not Live, a wrong RONA value, a missing team),
                               show the failing checks with expected and actual values, apply again and verify.
      --flow-publish-seconds N How long Make Live takes in the started sandbox (default 2; the platform: about 120).
      --provisioning-seconds N How long provisioning takes in the started sandbox (default 2; the platform: about 300).
    Options (export):
      --pod ID                 The pod to export.
      --out FILE               The definition file to write.
      --placeholder            Write the pod's id as {Pod} wherever a value carries it (choose ids that occur in
                               no other value: the runner's 1, 2, ... also occur in Team1, Team2).
      --force                  Replace files that exist.
    Options (all):
      --connection-file PATH   Use a sandbox that is already running (its connection.json or data folder).
      --data DIR               Data folder for the sandbox the runner starts (default: a new temporary folder,
                               removed afterwards).
      --verbose                Show every HTTP request.
      --help                   Show this text.
    """;

string scenario = LabMainJob.Apply;
string? connectionFile = null, data = null, definition = null, flows = null, report = null, exportPath = null, podId = null;
var force = false;
var placeholder = false;
var verbose = false;
var breakAndRepair = false;
int pods = 1, throttle = 8, publishSeconds = 2, provisioningSeconds = 2;
for (var i = 0; i < args.Length; i++)
{
    bool Number(out int value, int minimum, int maximum)
    {
        value = 0;
        if (i + 1 >= args.Length || !int.TryParse(args[i + 1], out value) || value < minimum || value > maximum)
        {
            Console.Error.WriteLine($"{args[i]} needs a whole number from {minimum} to {maximum}" + (i + 1 < args.Length ? $", not '{args[i + 1]}'." : "."));
            return false;
        }
        i++;
        return true;
    }
    switch (args[i])
    {
        case "--help" or "-h": Console.WriteLine(usage); return 0;
        case "--verbose": verbose = true; break;
        case "--force": force = true; break;
        case "--out" when i + 1 < args.Length: exportPath = Path.GetFullPath(args[++i]); break;
        case "--pod" when i + 1 < args.Length: podId = args[++i]; break;
        case "--placeholder": placeholder = true; break;
        case "--break-and-repair": breakAndRepair = true; break;
        case "--connection-file" when i + 1 < args.Length: connectionFile = args[++i]; break;
        case "--data" when i + 1 < args.Length: data = args[++i]; break;
        case "--definition" when i + 1 < args.Length: definition = args[++i]; break;
        case "--flows" when i + 1 < args.Length: flows = args[++i]; break;
        case "--report" when i + 1 < args.Length: report = Path.GetFullPath(args[++i]); break;
        case "--pods": if (!Number(out pods, 1, 200)) return LabMainJob.ExitUsage; break;
        case "--throttle": if (!Number(out throttle, 1, 64)) return LabMainJob.ExitUsage; break;
        case "--flow-publish-seconds": if (!Number(out publishSeconds, 1, 600)) return LabMainJob.ExitUsage; break;
        case "--provisioning-seconds": if (!Number(out provisioningSeconds, 1, 3600)) return LabMainJob.ExitUsage; break;
        case "lab" or "apply": scenario = LabMainJob.Apply; break;
        case "verify" or "plan" or "services" or LabMainJob.Drift or LabMainJob.Export: scenario = args[i]; break;
        default:
            Console.Error.WriteLine($"Unknown argument '{args[i]}'. Run with --help for the options.");
            return LabMainJob.ExitUsage;
    }
}

var isLab = scenario != "services";
if (breakAndRepair && scenario != LabMainJob.Apply)
{
    Console.Error.WriteLine($"--break-and-repair belongs to apply, not {scenario}.");
    return LabMainJob.ExitUsage;
}
if ((scenario == LabMainJob.Export) != (exportPath is not null))
{
    Console.Error.WriteLine(scenario == LabMainJob.Export ? "export needs --out FILE (.psd1 or .json)." : $"--out belongs to export, not {scenario}.");
    return LabMainJob.ExitUsage;
}
if ((podId is not null || placeholder || force) && scenario != LabMainJob.Export)
{
    Console.Error.WriteLine($"--pod, --placeholder and --force belong to export, not {scenario}.");
    return LabMainJob.ExitUsage;
}
// The floor: a pod must wait for provisioning, then (after its services) for Make Live. Known only for the sandbox started here.
TimeSpan? floor = connectionFile is null ? TimeSpan.FromSeconds(provisioningSeconds + publishSeconds) : null;
var mainJob = new LabMainJobOptions(pods, throttle, definition, flows, breakAndRepair, scenario, report, floor, exportPath, podId, force, placeholder);
var labDefinition = isLab ? LabMainJob.LoadDefinition(mainJob) : null;
if (isLab && labDefinition is null) return LabMainJob.ExitUsage; // refused before anything starts

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancellation.Cancel(); };

Microsoft.AspNetCore.Builder.WebApplication? sandbox = null;
var temporaryData = connectionFile is null && data is null;
try
{
    if (connectionFile is null)
    {
        data ??= Directory.CreateTempSubdirectory("digitalchannels-lab-").FullName;
        Console.WriteLine($"Starting the sandbox (data folder {data}; Make Live {publishSeconds} s, provisioning {provisioningSeconds} s) ...");
        sandbox = SandboxApplication.Build(new SandboxOptions("http://127.0.0.1:0", data)
        {
            FlowPublishDuration = TimeSpan.FromSeconds(publishSeconds),
            ProvisioningDuration = TimeSpan.FromSeconds(provisioningSeconds),
        });
        await sandbox.StartAsync(cancellation.Token);
        connectionFile = Path.Combine(data, SandboxConnectionFile.FileName);
    }

    var host = new ConsoleHost(Console.Out, verbose, cancellation.Token);
    if (isLab)
        return LabMainJob.Run(host, connectionFile, labDefinition!, mainJob);

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
    ServicesScenario.Run(run, connection);
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
catch (Exception ex)
{
    // Never an unhandled exception: one line naming what failed (the errors say why; secrets are redacted by the client).
    Console.Error.WriteLine($"The lab runner failed: {ex.Message}");
    return 1;
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
