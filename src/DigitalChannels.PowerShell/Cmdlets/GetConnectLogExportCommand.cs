using System.Management.Automation;
using DigitalChannels.Client.Connect.Logs;
using DigitalChannels.PowerShell.Base;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>Lists the recent Export Logs jobs (newest first) with their status, or the jobs given.</summary>
    [Cmdlet(VerbsCommon.Get, "ConnectLogExport", HelpUri = HelpLinks.Docs + "Get-ConnectLogExport.md")]
    [OutputType(typeof(ConnectLogExport))]
    public sealed class GetConnectLogExportCommand : DigitalChannelsConnectedCmdlet
    {
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, HelpMessage = "Export jobs: objects from Start-ConnectLogExport, or their ids.")]
        [ValidateNotNullOrEmpty]
        public ConnectLogExportIdentity[] Id { get; set; }

        protected override void Execute()
        {
            var connection = CurrentConnection;
            var ids = Id;
            Run(ConnectLogExportCommands.Noun, host => ConnectLogExportCommands.GetAsync(host, connection, ids));
        }
    }
}
