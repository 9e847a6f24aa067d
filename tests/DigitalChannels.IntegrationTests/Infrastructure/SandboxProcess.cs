using System.Diagnostics;
using System.Reflection;
using System.Text;
using DigitalChannels.Client.Environments;
using Xunit;

namespace DigitalChannels.IntegrationTests.Infrastructure;

/// <summary>
/// The real sandbox as a separate process (<c>dotnet DigitalChannels.Sandbox.dll</c>) on a loopback port with its own
/// temporary data folder. Usable as an xUnit class or collection fixture (see <see cref="SharedSandboxCollection"/>)
/// or created by a test that needs to kill and restart it. Everything the process prints is kept for failure messages.
/// </summary>
public class SandboxProcess : IAsyncLifetime, IDisposable
{
    public const string AssemblyFileName = "DigitalChannels.Sandbox.dll";

    /// <summary>Environment variable that names the sandbox assembly explicitly, e.g. for a published build.</summary>
    public const string AssemblyPathVariable = "DIGITALCHANNELS_SANDBOX_ASSEMBLY";

    private readonly StringBuilder output = new();
    private Process? process;
    private string? boundUrl;
    private bool disposed;

    // One public constructor (xUnit fixtures require it); start options are init properties.

    /// <summary>--urls for the first start; port 0 lets the OS pick a free port. Restarts reuse the URL actually bound.</summary>
    public string Urls { get; init; } = "http://127.0.0.1:0";

    /// <summary>--token-lifetime, or null for the sandbox's default (3600).</summary>
    public int? TokenLifetimeSeconds { get; init; }

    /// <summary>
    /// --rate-limit: high by default so that the shared sandbox never throttles the suite; a test of throttling starts
    /// its own sandbox with a low value.
    /// </summary>
    public int RateLimitPerMinute { get; init; } = 1_000_000;

    /// <summary>More command-line options, e.g. <c>["--flow-publish-seconds", "1"]</c>.</summary>
    public IReadOnlyList<string> ExtraArguments { get; init; } = [];

    /// <summary>How long to wait for connection.json after starting.</summary>
    public TimeSpan StartupTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A new temporary folder per instance, deleted on dispose.</summary>
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "digitalchannels-sandbox-tests", Guid.NewGuid().ToString("N"));

    private SandboxConnectionFile? connection;

    /// <summary>The connection file the sandbox wrote on its last start; throws before the first start.</summary>
    public SandboxConnectionFile Connection =>
        connection ?? throw new InvalidOperationException("The sandbox has not been started: call StartAsync() or use it as an xUnit fixture.");

    public string BaseUrl => Connection.BaseUrl;
    public string OrgId => Connection.OrgId;
    public string ClientId => Connection.ClientId;
    public string ClientSecret => Connection.ClientSecret;
    public string ConnectionFilePath => Path.Combine(DataDirectory, SandboxConnectionFile.FileName);
    public string DatabasePath => Path.Combine(DataDirectory, "sandbox.db");

    public bool IsRunning => process is { HasExited: false };

    /// <summary>Everything the sandbox printed so far (stdout and stderr, in arrival order).</summary>
    public string Output
    {
        get { lock (output) return output.ToString(); }
    }

    public Task InitializeAsync() => StartAsync();

    /// <summary>Starts the sandbox and waits until it has written connection.json, i.e. until it accepts requests.</summary>
    public async Task StartAsync()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (IsRunning) throw new InvalidOperationException("The sandbox is already running; Kill() or Restart() it first.");
        Directory.CreateDirectory(DataDirectory);
        if (File.Exists(ConnectionFilePath)) File.Delete(ConnectionFilePath);

        var arguments = new List<string> { LocateSandboxAssembly(), "--urls", boundUrl ?? Urls, "--data", DataDirectory };
        if (TokenLifetimeSeconds is { } lifetime) arguments.AddRange(["--token-lifetime", lifetime.ToString()]);
        arguments.AddRange(["--rate-limit", RateLimitPerMinute.ToString()]);
        arguments.AddRange(ExtraArguments);
        process = StartDotnet(arguments, output);

        var deadline = DateTime.UtcNow + StartupTimeout;
        while (!File.Exists(ConnectionFilePath))
        {
            if (process.HasExited)
                throw new InvalidOperationException($"The sandbox exited with code {process.ExitCode} before it was ready.{Describe(arguments)}");
            if (DateTime.UtcNow > deadline)
            {
                Kill();
                throw new TimeoutException($"The sandbox did not write {ConnectionFilePath} within {StartupTimeout.TotalSeconds:0} s.{Describe(arguments)}");
            }
            await Task.Delay(50);
        }
        connection = SandboxConnectionFile.Read(ConnectionFilePath);
        // A restart must come back on the same URL: clients keep it, and tokens name it in their issuer.
        boundUrl = connection.BaseUrl;
    }

    /// <summary>SIGKILL on Linux: no shutdown code runs, as after a crash or power loss.</summary>
    public void Kill()
    {
        if (process is null) return;
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
        process.Dispose();
        process = null;
    }

    /// <summary>Kills the process (if running) and starts it again on the same data folder and URL.</summary>
    public async Task RestartAsync()
    {
        Kill();
        await StartAsync();
    }

    public void Restart() => RestartAsync().GetAwaiter().GetResult();

    public HttpClient CreateHttpClient() => new() { BaseAddress = new Uri(BaseUrl + "/"), Timeout = TimeSpan.FromSeconds(30) };

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        Kill();
        try
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(DataDirectory)) Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind must not fail the test run.
        }
        GC.SuppressFinalize(this);
    }

    /// <summary>Runs the sandbox with <paramref name="arguments"/> until it exits (for command-line tests).</summary>
    public static (int ExitCode, string Output) RunToExit(params string[] arguments) =>
        RunAssemblyToExit(LocateSandboxAssembly(), TimeSpan.FromSeconds(30), arguments);

    /// <summary>Runs <c>dotnet ASSEMBLY ARGS</c> to its end and returns its exit code and everything it printed.</summary>
    public static (int ExitCode, string Output) RunAssemblyToExit(string assembly, TimeSpan timeout, params string[] arguments)
    {
        var captured = new StringBuilder();
        using var run = StartDotnet([assembly, .. arguments], captured);
        if (!run.WaitForExit(timeout))
        {
            run.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{Path.GetFileName(assembly)}' did not exit within {timeout.TotalSeconds:0} s with arguments: {string.Join(' ', arguments)}");
        }
        run.WaitForExit(); // flushes the asynchronous output readers
        lock (captured) return (run.ExitCode, captured.ToString());
    }

    /// <summary>
    /// Finds the built sandbox: <see cref="AssemblyPathVariable"/>, else next to the test assembly (the project reference
    /// copies it there with its runtimeconfig), else the sandbox project's own bin folder for this configuration.
    /// </summary>
    public static string LocateSandboxAssembly()
    {
        var tried = new List<string>();
        var fromEnvironment = Environment.GetEnvironmentVariable(AssemblyPathVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            if (File.Exists(fromEnvironment)) return Path.GetFullPath(fromEnvironment);
            throw new FileNotFoundException($"{AssemblyPathVariable} names '{fromEnvironment}', which does not exist.");
        }

        var besideTests = Path.Combine(AppContext.BaseDirectory, AssemblyFileName);
        tried.Add(besideTests);
        if (File.Exists(besideTests) && File.Exists(Path.ChangeExtension(besideTests, ".runtimeconfig.json"))) return besideTests;

        var configuration = typeof(SandboxProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "src", "DigitalChannels.Sandbox", "bin", configuration, "net10.0", AssemblyFileName);
            tried.Add(candidate);
            if (File.Exists(candidate)) return candidate;
        }

        throw new FileNotFoundException(
            $"The sandbox assembly {AssemblyFileName} was not found. Build it first (dotnet build src/DigitalChannels.Sandbox -c {configuration}) " +
            $"or set {AssemblyPathVariable}. Looked in:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", tried)}");
    }

    private static Process StartDotnet(IEnumerable<string> arguments, StringBuilder sink)
    {
        // The SDK tells child processes which dotnet runs it; fall back to the one on PATH.
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (string.IsNullOrEmpty(dotnet) || !File.Exists(dotnet)) dotnet = "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment.Remove(SandboxConnectionFile.DataDirectoryVariable);
        start.Environment.Remove("ASPNETCORE_URLS");

        var started = new Process { StartInfo = start };
        started.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (sink) sink.AppendLine(e.Data); };
        started.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (sink) sink.AppendLine("[stderr] " + e.Data); };
        started.Start();
        started.BeginOutputReadLine();
        started.BeginErrorReadLine();
        return started;
    }

    private string Describe(IEnumerable<string> arguments) =>
        $"{Environment.NewLine}Command: dotnet {string.Join(' ', arguments)}{Environment.NewLine}Output:{Environment.NewLine}{Output}";
}
