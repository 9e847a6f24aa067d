using System;
using System.Collections.Generic;
using System.Management.Automation;
using DigitalChannels.Client.Connect.Logs;
using DigitalChannels.PowerShell.Base;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>
    /// Waits until Export Logs jobs are Ready for download, with one progress bar; Ctrl+C stops the wait. Like Wait-Job, it
    /// collects every job piped in and waits for all of them at once, writing each as soon as it is ready.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Wait, "ConnectLogExport", HelpUri = HelpLinks.Docs + "Wait-ConnectLogExport.md")]
    [OutputType(typeof(ConnectLogExport))]
    public sealed class WaitConnectLogExportCommand : DigitalChannelsConnectedCmdlet
    {
        private readonly List<ConnectLogExportIdentity> _exports = new List<ConnectLogExportIdentity>();

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, HelpMessage = "Export jobs: objects from Start-ConnectLogExport or Get-ConnectLogExport, or their ids.")]
        [ValidateNotNullOrEmpty]
        [Alias("Id")]
        public ConnectLogExportIdentity[] Export { get; set; }

        [Parameter(HelpMessage = "How long to wait for all of them, in seconds, before giving up (default 600).")]
        [ValidateRange(1, 86400)]
        public int TimeoutSeconds { get; set; } = (int)ConnectLogExportCommands.DefaultWaitTimeout.TotalSeconds;

        /// <summary>Collects: the wait starts when the last job has arrived.</summary>
        protected override void Execute() => _exports.AddRange(Export);

        protected override void Finish()
        {
            if (_exports.Count == 0) return;
            var connection = CurrentConnection;
            var exports = _exports.ToArray();
            var timeout = TimeSpan.FromSeconds(TimeoutSeconds);
            Run(ConnectLogExportCommands.Noun, host => ConnectLogExportCommands.WaitAsync(host, connection, exports, timeout, ConnectLogExportCommands.DefaultPollInterval));
        }
    }
}
