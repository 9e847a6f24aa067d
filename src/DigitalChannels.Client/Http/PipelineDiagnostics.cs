using System;
using System.Threading;

namespace DigitalChannels.Client.Http
{
    /// <summary>
    /// Where the pipeline reports what it does for the current command: a short line per request and every retry to
    /// the verbose sink (Write-Verbose), and each request and response in full (URL, status, time, tracking id, bodies)
    /// to the debug sink (Write-Debug) when there is one. Ambient, because it belongs to the invocation, not to the
    /// connection that many invocations share. Everything reported is redacted first.
    /// </summary>
    public static class PipelineDiagnostics
    {
        private static readonly AsyncLocal<Sinks> Current = new AsyncLocal<Sinks>();

        public static IDisposable Use(Action<string> verbose) => Use(verbose, null);

        /// <param name="verbose">The short lines; null for none.</param>
        /// <param name="debug">The full request and response; null when debug output is off (then nothing is built for it).</param>
        public static IDisposable Use(Action<string> verbose, Action<string> debug)
        {
            var previous = Current.Value;
            Current.Value = verbose == null && debug == null ? null : new Sinks(verbose, debug);
            return new Restore(previous);
        }

        internal static void Report(string message) => Current.Value?.Verbose?.Invoke(message);

        /// <summary>True when a debug sink listens: the caller builds the message only then.</summary>
        internal static bool IsDebugging => Current.Value?.Debug != null;

        internal static void Debug(string message) => Current.Value?.Debug?.Invoke(message);

        private sealed class Sinks
        {
            public Sinks(Action<string> verbose, Action<string> debug)
            {
                Verbose = verbose;
                Debug = debug;
            }

            public Action<string> Verbose { get; }
            public Action<string> Debug { get; }
        }

        private sealed class Restore : IDisposable
        {
            private readonly Sinks _previous;
            public Restore(Sinks previous) { _previous = previous; }
            public void Dispose() => Current.Value = _previous;
        }
    }
}
