using System.Management.Automation;
using DigitalChannels.Client.Connect.Scheduler;
using DigitalChannels.PowerShell.Base;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>Removes a scheduled event; the transactions of its past runs stay in Debug, Reports and Export Logs.</summary>
    [Cmdlet(VerbsCommon.Remove, "ConnectScheduledEvent", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = HelpLinks.Docs + "Remove-ConnectScheduledEvent.md")]
    [OutputType(typeof(void))]
    public sealed class RemoveConnectScheduledEventCommand : DigitalChannelsConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true,
            HelpMessage = "The event: an object from Get-ConnectScheduledEvent, its id or its name.")]
        [ValidateNotNull]
        [Alias("Name")]
        [SupportsWildcards]
        public ConnectScheduledEventIdentity Identity { get; set; }

        protected override void Execute()
        {
            var connection = CurrentConnection;
            var identity = Identity;
            Run(ConnectScheduledEventCommands.Noun, host => ConnectScheduledEventCommands.RemoveAsync(host, connection, identity), identity);
        }
    }
}
