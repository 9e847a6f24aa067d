using DigitalChannels.Client.Commands;

namespace DigitalChannels.Lab;

/// <summary>
/// ICommandHost for the console: objects and errors are printed and kept, so a scenario can check them;
/// ShouldProcess always agrees (the runner is unattended, and never prompts).
/// </summary>
public sealed class ConsoleHost : ICommandHost
{
    private readonly TextWriter _out;
    private readonly bool _verbose;

    public ConsoleHost(TextWriter output, bool verbose, CancellationToken cancellationToken)
    {
        _out = output;
        _verbose = verbose;
        CancellationToken = cancellationToken;
    }

    public CancellationToken CancellationToken { get; }
    public List<object> Objects { get; } = new();
    public List<CommandError> Errors { get; } = new();

    /// <summary>Forgets what the previous step wrote.</summary>
    public void Reset()
    {
        Objects.Clear();
        Errors.Clear();
    }

    public bool ShouldProcess(string target, string action)
    {
        _out.WriteLine($"    {action}: {target}");
        return true;
    }

    public void WriteObject(object item)
    {
        Objects.Add(item);
        _out.WriteLine("    " + Describe(item));
    }

    public void WriteVerbose(string message)
    {
        if (_verbose) _out.WriteLine("    VERBOSE: " + message);
    }

    public void WriteWarning(string message) => _out.WriteLine("    WARNING: " + message);

    public void WriteProgress(ProgressUpdate progress)
    {
        if (!progress.Completed) _out.WriteLine($"    ... {progress.Activity}: {progress.Status}");
    }

    public void WriteError(CommandError error)
    {
        Errors.Add(error);
        _out.WriteLine($"    error {error.ErrorId} ({error.Category}): {error.Message}");
    }

    private static string Describe(object item) => item switch
    {
        Client.Connect.ConnectService s =>
            $"service '{s.Name}'  id {s.Id}  locked {s.Locked}{(s.Description is null ? "" : $"  description '{s.Description}'")}{(s.ServiceSecret is null ? "" : $"  secret ({s.ServiceSecret.Length} characters, not shown)")}",
        Client.DigitalChannelsConnection c => $"connected: {c}",
        _ => item.ToString() ?? string.Empty,
    };
}
