using System;
using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using DigitalChannels.Client.Http;

namespace DigitalChannels.Client.Commands
{
    /// <summary>
    /// Runs asynchronous command logic to its end on the calling thread, which for a cmdlet is the pipeline thread:
    /// every continuation is posted back to it, so WriteObject, ShouldProcess and the rest are always called where
    /// PowerShell requires. Failures become error records here, once, for every command.
    /// </summary>
    public static class CommandRunner
    {
        /// <param name="host">The cmdlet (or a test's fake).</param>
        /// <param name="noun">The error id prefix, e.g. "ConnectService" → "ConnectServiceNotFound".</param>
        /// <param name="command">The command logic.</param>
        /// <param name="target">The object the errors are about (the item piped in), when there is one.</param>
        public static void Run(ICommandHost host, string noun, Func<ICommandHost, Task> command, object target = null)
        {
            if (host == null) throw new ArgumentNullException(nameof(host));
            var previous = SynchronizationContext.Current;
            var pump = new PumpContext();
            SynchronizationContext.SetSynchronizationContext(pump);
            try
            {
                var threadBound = new ThreadBoundHost(host, pump);
                Task work;
                // Asked here, on the pipeline thread; the sinks themselves may be called from any thread (ThreadBoundHost).
                var debug = host is IDebugHost debugHost && debugHost.IsDebugEnabled ? threadBound.WriteDebug : (Action<string>)null;
                using (PipelineDiagnostics.Use(threadBound.WriteVerbose, debug))
                {
                    work = ExecuteAsync(threadBound, noun, command, target);
                }
                work.ContinueWith(_ => pump.Complete(), TaskScheduler.Default);
                pump.RunUntilComplete();
                try
                {
                    work.GetAwaiter().GetResult();
                }
                catch (HostCallFailedException ex)
                {
                    // The host's own exception (PowerShell's PipelineStoppedException after Select-Object -First, say) goes
                    // back to the host as it was thrown.
                    ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
                }
            }
            finally
            {
                SynchronizationContext.SetSynchronizationContext(previous);
            }
        }

        private static async Task ExecuteAsync(ICommandHost host, string noun, Func<ICommandHost, Task> command, object target)
        {
            try
            {
                await command(host);
            }
            catch (OperationCanceledException) when (host.CancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex) when (!(ex is CommandTerminatedException) && !(ex is HostCallFailedException))
            {
                var error = CommandErrors.From(noun, ex, target);
                if (CommandErrors.EndsCommand(ex)) throw new CommandTerminatedException(error);
                host.WriteError(error);
            }
        }

        /// <summary>A single-thread message loop: the pipeline thread works the queue until the command's task ends.</summary>
        private sealed class PumpContext : SynchronizationContext
        {
            private readonly BlockingCollection<Action> _queue = new BlockingCollection<Action>();

            public int ThreadId { get; } = Thread.CurrentThread.ManagedThreadId;

            public override void Post(SendOrPostCallback d, object state)
            {
                try { _queue.Add(() => d(state)); }
                catch (InvalidOperationException) { ThreadPool.QueueUserWorkItem(_ => d(state)); } // after completion: run anywhere
            }

            public override void Send(SendOrPostCallback d, object state)
            {
                if (Thread.CurrentThread.ManagedThreadId == ThreadId) { d(state); return; }
                using (var done = new ManualResetEventSlim())
                {
                    Exception failure = null;
                    Post(_ => { try { d(state); } catch (Exception ex) { failure = ex; } finally { done.Set(); } }, null);
                    done.Wait();
                    if (failure != null) throw failure;
                }
            }

            public void Complete() => _queue.CompleteAdding();

            public void RunUntilComplete()
            {
                foreach (var action in _queue.GetConsumingEnumerable()) action();
            }
        }

        /// <summary>Sends host calls made from another thread (a library continuation) back to the pipeline thread.</summary>
        private sealed class ThreadBoundHost : ICommandHost, IInformationHost, IDebugHost
        {
            private readonly ICommandHost _inner;
            private readonly PumpContext _pump;

            public ThreadBoundHost(ICommandHost inner, PumpContext pump)
            {
                _inner = inner;
                _pump = pump;
            }

            public CancellationToken CancellationToken => _inner.CancellationToken;

            public bool ShouldProcess(string target, string action)
            {
                var answer = false;
                OnPipelineThread(() => answer = _inner.ShouldProcess(target, action));
                return answer;
            }

            public void WriteObject(object item) => OnPipelineThread(() => _inner.WriteObject(item));
            public void WriteVerbose(string message) => OnPipelineThread(() => _inner.WriteVerbose(message));
            public void WriteWarning(string message) => OnPipelineThread(() => _inner.WriteWarning(message));
            public void WriteProgress(ProgressUpdate progress) => OnPipelineThread(() => _inner.WriteProgress(progress));
            public void WriteError(CommandError error) => OnPipelineThread(() => _inner.WriteError(error));
            public void WriteInformation(string message) => OnPipelineThread(() => _inner.WriteInformation(message));
            public bool IsDebugEnabled => _inner is IDebugHost debug && debug.IsDebugEnabled;
            public void WriteDebug(string message)
            {
                if (_inner is IDebugHost debug) OnPipelineThread(() => debug.WriteDebug(message));
            }

            private void OnPipelineThread(Action action)
            {
                Action guarded = () =>
                {
                    try { action(); }
                    catch (Exception ex) { throw new HostCallFailedException(ex); }
                };
                if (Thread.CurrentThread.ManagedThreadId == _pump.ThreadId) guarded();
                else _pump.Send(_ => guarded(), null);
            }
        }

        /// <summary>Carries an exception thrown by the host, so that it is never mistaken for a failure of the item.</summary>
        private sealed class HostCallFailedException : Exception
        {
            public HostCallFailedException(Exception inner) : base(inner.Message, inner) { }
        }
    }
}
