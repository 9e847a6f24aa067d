using System.Management.Automation;
using DigitalChannels.Client.Connect.Logs;
using DigitalChannels.PowerShell.Base;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>
    /// Downloads an exported log that is Ready for download to a CSV file. Supports -WhatIf and never replaces a file
    /// without -Force. A job still In progress is refused: wait for it first (Wait-ConnectLogExport).
    /// </summary>
    [Cmdlet(VerbsData.Save, "ConnectLogExport", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, HelpUri = HelpLinks.Docs + "Save-ConnectLogExport.md")]
    [OutputType(typeof(ConnectLogExportFile))]
    public sealed class SaveConnectLogExportCommand : DigitalChannelsConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, HelpMessage = "The export job: an object from Wait-ConnectLogExport or Get-ConnectLogExport, or its id.")]
        [ValidateNotNull]
        [Alias("Id")]
        public ConnectLogExportIdentity Export { get; set; }

        /// <summary>The file to write, or an existing folder (the file then gets the export's own name).</summary>
        [Parameter(Mandatory = true, HelpMessage = "The CSV file (or existing folder) to save the log in.")]
        [ValidateNotNullOrEmpty]
        public string OutFile { get; set; }

        /// <summary>Replace an existing file.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void Execute()
        {
            var connection = CurrentConnection;
            var export = Export;
            var outFile = GetUnresolvedProviderPathFromPSPath(OutFile);
            var force = Force.IsPresent;
            Run(ConnectLogExportCommands.Noun, host => ConnectLogExportCommands.SaveAsync(host, connection, export, outFile, force), export);
        }
    }
}
