using DigitalChannels.Client.Commands;

namespace DigitalChannels.Client.Tests.Infrastructure;

/// <summary>An ICommandHost that records what command logic wrote, answers ShouldProcess as told, and notes threads.</summary>
public sealed class RecordingHost : ICommandHost, IDebugHost
{
    private readonly CancellationTokenSource _cancellation = new();

    public bool Answer { get; set; } = true;
    public List<object> Objects { get; } = new();
    public List<string> Verbose { get; } = new();
    public List<string> Warnings { get; } = new();
    public List<CommandError> Errors { get; } = new();
    public List<ProgressUpdate> Progress { get; } = new();
    public List<string> Debug { get; } = new();

    /// <summary>As -Debug: off unless a test turns it on.</summary>
    public bool IsDebugEnabled { get; set; }
    public List<(string Target, string Action)> ShouldProcessCalls { get; } = new();
    public HashSet<int> ThreadsUsed { get; } = new();

    public CancellationToken CancellationToken => _cancellation.Token;
    public void Cancel() => _cancellation.Cancel();

    public bool ShouldProcess(string target, string action)
    {
        Note();
        ShouldProcessCalls.Add((target, action));
        return Answer;
    }

    public void WriteObject(object item) { Note(); Objects.Add(item); }
    public void WriteVerbose(string message) { Note(); Verbose.Add(message); }
    public void WriteWarning(string message) { Note(); Warnings.Add(message); }
    public void WriteProgress(ProgressUpdate progress) { Note(); Progress.Add(progress); }
    public void WriteError(CommandError error) { Note(); Errors.Add(error); }
    public void WriteDebug(string message) { Note(); Debug.Add(message); }

    private void Note() { lock (ThreadsUsed) ThreadsUsed.Add(Environment.CurrentManagedThreadId); }
}
