using System.Threading;

namespace DigitalChannels.Client.Commands
{
    /// <summary>
    /// What command logic may ask of whoever runs it. The cmdlet base class implements it over PowerShell;
    /// tests implement it with a recording fake. Calls arrive on the thread that created the host.
    /// </summary>
    public interface ICommandHost
    {
        /// <summary>Cancelled when the user presses Ctrl+C (StopProcessing).</summary>
        CancellationToken CancellationToken { get; }

        /// <summary>PowerShell's ShouldProcess: false under -WhatIf or when the user declines -Confirm.</summary>
        bool ShouldProcess(string target, string action);

        void WriteObject(object item);

        void WriteVerbose(string message);

        void WriteWarning(string message);

        void WriteProgress(ProgressUpdate progress);

        /// <summary>A non-terminating error: this item failed, the pipeline goes on.</summary>
        void WriteError(CommandError error);
    }
}
