using System;
using System.Management.Automation;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using DigitalChannels.Client.Commands;

namespace DigitalChannels.PowerShell.Base
{
    /// <summary>
    /// The base of every DigitalChannels cmdlet (powershell-practices §1.6). A template method: <see cref="ProcessRecord"/>
    /// calls <see cref="Execute"/>, which binds nothing itself and makes one call into the client library through
    /// <see cref="Run"/>. The cmdlet is the library's <see cref="ICommandHost"/>: output, ShouldProcess, progress and
    /// errors go to PowerShell on the pipeline thread, and Ctrl+C (StopProcessing) cancels the running call.
    /// The engine applies -ErrorAction; this class never reads $ErrorActionPreference.
    /// </summary>
    public abstract class DigitalChannelsCmdlet : PSCmdlet, ICommandHost, IInformationHost, IDebugHost, IDisposable
    {
        private readonly object _cancellationLock = new object();
        private CancellationTokenSource _cancellation;
        private bool _disposed;

        /// <summary>The cmdlet's work for one pipeline item (or the one call when nothing is piped).</summary>
        protected abstract void Execute();

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            EnsureCancellation();
        }

        protected override void ProcessRecord()
        {
            try
            {
                Execute();
            }
            catch (CommandTerminatedException terminated)
            {
                // Raised outside Run (e.g. by CurrentConnection): still a terminating error record, never a raw exception.
                ThrowTerminatingError(ToErrorRecord(terminated.Error));
            }
        }

        protected override void EndProcessing()
        {
            try
            {
                Finish();
            }
            catch (CommandTerminatedException terminated)
            {
                ThrowTerminatingError(ToErrorRecord(terminated.Error));
            }
            base.EndProcessing();
            DisposeCancellation();
        }

        /// <summary>
        /// Work after the last pipeline item, for cmdlets that collect what is piped in and act on all of it at once (the
        /// wait cmdlets, as Wait-Job). Nothing by default.
        /// </summary>
        protected virtual void Finish()
        {
        }

        /// <summary>Ctrl+C or a stopped pipeline: cancels the call in flight. Called on another thread than the pipeline's.</summary>
        protected override void StopProcessing()
        {
            lock (_cancellationLock)
            {
                if (_cancellation != null && !_disposed) _cancellation.Cancel();
            }
            base.StopProcessing();
        }

        /// <summary>
        /// The finalizing path: PowerShell disposes commands that implement IDisposable when the pipeline ends, also
        /// when EndProcessing never ran (a terminating error or a stop).
        /// </summary>
        public void Dispose()
        {
            DisposeCancellation();
        }

        /// <summary>
        /// Runs the command logic to its end on the pipeline thread (<see cref="CommandRunner.Run"/>) and maps the outcome
        /// to PowerShell: per-item failures were already written as non-terminating errors; a failure that ends the
        /// command becomes ThrowTerminatingError; a cancellation caused by a stop becomes PipelineStoppedException.
        /// </summary>
        /// <param name="noun">The error id prefix, e.g. "ConnectService".</param>
        /// <param name="command">The library call.</param>
        /// <param name="target">The pipeline item the errors are about.</param>
        protected void Run(string noun, Func<ICommandHost, Task> command, object target = null)
        {
            if (command == null) throw new ArgumentNullException(nameof(command));
            EnsureCancellation();
            Exception failure = null;
            try
            {
                CommandRunner.Run(this, noun, command, target);
            }
            catch (Exception ex)
            {
                failure = ex;
            }

            switch (failure)
            {
                case null:
                    return;
                case PipelineStoppedException _:
                case FlowControlException _:
                    ExceptionDispatchInfo.Capture(failure).Throw();
                    return;
                case CommandTerminatedException terminated:
                    ThrowTerminatingError(ToErrorRecord(terminated.Error));
                    return;
                case OperationCanceledException _ when Stopping || ((ICommandHost)this).CancellationToken.IsCancellationRequested:
                    throw new PipelineStoppedException();
                default:
                    ExceptionDispatchInfo.Capture(failure).Throw();
                    return;
            }
        }

        /// <summary>A library error as PowerShell's error record: FullyQualifiedErrorId becomes "{ErrorId},{cmdlet type}".</summary>
        protected internal static ErrorRecord ToErrorRecord(CommandError error)
        {
            if (error == null) throw new ArgumentNullException(nameof(error));
            var category = ToErrorCategory(error.Category);
            var exception = error.Exception ?? NewException(category, error.Message);
            var record = new ErrorRecord(exception, error.ErrorId, category, error.TargetObject)
            {
                ErrorDetails = new ErrorDetails(error.Message) { RecommendedAction = error.RecommendedAction },
            };
            return record;
        }

        /// <summary>By name: CommandErrorCategory's names are ErrorCategory's (a test holds them equal).</summary>
        protected internal static ErrorCategory ToErrorCategory(CommandErrorCategory category) =>
            Enum.TryParse(category.ToString(), false, out ErrorCategory parsed) ? parsed : ErrorCategory.NotSpecified;

        /// <summary>The record's WriteProgress form; a Completed update removes the bar.</summary>
        protected internal static ProgressRecord ToProgressRecord(ProgressUpdate progress)
        {
            if (progress == null) throw new ArgumentNullException(nameof(progress));
            var activity = string.IsNullOrEmpty(progress.Activity) ? "DigitalChannels" : progress.Activity;
            var status = string.IsNullOrEmpty(progress.Status) ? (progress.Completed ? "Completed" : "Working") : progress.Status;
            return new ProgressRecord(progress.ActivityId, activity, status)
            {
                ParentActivityId = progress.ParentActivityId,
                PercentComplete = progress.PercentComplete,
                SecondsRemaining = progress.SecondsRemaining,
                CurrentOperation = progress.CurrentOperation,
                RecordType = progress.Completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
            };
        }

        /// <summary>True when a switch (such as -Debug) was given and not as -Switch:$false.</summary>
        private bool IsSwitchOn(string name) =>
            MyInvocation != null && MyInvocation.BoundParameters.TryGetValue(name, out var given) &&
            (given is SwitchParameter value ? value.IsPresent : LanguagePrimitives.IsTrue(given));

        /// <summary>True when the parameter was given on the command line or bound from the pipeline.</summary>
        protected bool IsParameterBound(string parameterName) => MyInvocation.BoundParameters.ContainsKey(parameterName);

        CancellationToken ICommandHost.CancellationToken
        {
            get
            {
                lock (_cancellationLock)
                {
                    return _cancellation != null && !_disposed ? _cancellation.Token : CancellationToken.None;
                }
            }
        }

        // A stop the engine signals through one of these (Ctrl+C, Select-Object -First) comes back out of
        // CommandRunner.Run unchanged, and Run below rethrows it.
        bool ICommandHost.ShouldProcess(string target, string action) => ShouldProcess(target, action);

        void ICommandHost.WriteObject(object item) => WriteObject(item);

        // PowerShell turns every Write-Verbose of a compiled cmdlet into a Continue? prompt when -Debug is given without
        // -Verbose (MshCommandRuntime.VerbosePreference). Under -Debug the verbose lines go to the debug stream instead,
        // which -Debug shows without prompting.
        void ICommandHost.WriteVerbose(string message)
        {
            if (IsSwitchOn("Debug") && !IsParameterBound("Verbose")) WriteDebug(message);
            else WriteVerbose(message);
        }

        void ICommandHost.WriteWarning(string message) => WriteWarning(message);

        void ICommandHost.WriteProgress(ProgressUpdate progress) => WriteProgress(ToProgressRecord(progress));

        void ICommandHost.WriteError(CommandError error) => WriteError(ToErrorRecord(error));

        // -Debug (or -Debug:$false) wins; otherwise $DebugPreference as the caller's scope sees it. Read on the pipeline thread.
        bool IDebugHost.IsDebugEnabled
        {
            get
            {
                if (MyInvocation == null) return false; // not running in a pipeline (a unit test's instance)
                if (MyInvocation.BoundParameters.ContainsKey("Debug")) return IsSwitchOn("Debug");
                var preference = GetVariableValue("DebugPreference");
                if (preference == null) return false;
                return !(LanguagePrimitives.TryConvertTo(preference, out ActionPreference value) &&
                         (value == ActionPreference.SilentlyContinue || value == ActionPreference.Ignore));
            }
        }

        void IDebugHost.WriteDebug(string message) => WriteDebug(message);

        // The PSHOST tag is what Write-Host uses: shown by default, and still capturable with -InformationVariable / 6>.
        void IInformationHost.WriteInformation(string message) =>
            WriteInformation(new HostInformationMessage { Message = message }, new[] { "PSHOST" });

        private void EnsureCancellation()
        {
            lock (_cancellationLock)
            {
                if (_cancellation == null && !_disposed) _cancellation = new CancellationTokenSource();
            }
        }

        private void DisposeCancellation()
        {
            lock (_cancellationLock)
            {
                if (_disposed) return;
                _disposed = true;
                _cancellation?.Dispose();
                _cancellation = null;
            }
        }

        private static Exception NewException(ErrorCategory category, string message)
        {
            switch (category)
            {
                case ErrorCategory.ObjectNotFound: return new ItemNotFoundException(message);
                case ErrorCategory.InvalidArgument: return new ArgumentException(message);
                case ErrorCategory.NotImplemented: return new NotSupportedException(message);
                case ErrorCategory.OperationTimeout: return new TimeoutException(message);
                default: return new InvalidOperationException(message);
            }
        }
    }
}
