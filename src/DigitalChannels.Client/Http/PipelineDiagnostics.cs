using System;
using System.Threading;

namespace DigitalChannels.Client.Http
{
    /// <summary>
    /// Where the pipeline reports what it does (requests, retries) for the current command: a cmdlet routes it to
    /// Write-Verbose. Ambient, because it belongs to the invocation, not to the connection that many invocations share.
    /// Everything reported is redacted first.
    /// </summary>
    public static class PipelineDiagnostics
    {
        private static readonly AsyncLocal<Action<string>> Current = new AsyncLocal<Action<string>>();

        public static IDisposable Use(Action<string> sink)
        {
            var previous = Current.Value;
            Current.Value = sink;
            return new Restore(previous);
        }

        internal static void Report(string message) => Current.Value?.Invoke(message);

        private sealed class Restore : IDisposable
        {
            private readonly Action<string> _previous;
            public Restore(Action<string> previous) { _previous = previous; }
            public void Dispose() => Current.Value = _previous;
        }
    }
}
