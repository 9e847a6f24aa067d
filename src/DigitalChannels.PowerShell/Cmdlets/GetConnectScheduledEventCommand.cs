using System.Management.Automation;
using DigitalChannels.Client.Connect.Scheduler;
using DigitalChannels.PowerShell.Base;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>Lists the Event Scheduler's events (wildcards select by name), with their next and last run.</summary>
    [Cmdlet(VerbsCommon.Get, "ConnectScheduledEvent", HelpUri = HelpLinks.Docs + "Get-ConnectScheduledEvent.md")]
    [OutputType(typeof(ConnectScheduledEvent))]
    public sealed class GetConnectScheduledEventCommand : DigitalChannelsConnectedCmdlet
    {
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, HelpMessage = "The event's name (wildcards select several) or id.")]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        public string Name { get; set; }

        protected override void Execute()
        {
            var connection = CurrentConnection;
            var name = Name;
            Run(ConnectScheduledEventCommands.Noun, host => ConnectScheduledEventCommands.GetAsync(host, connection, name), name);
        }
    }
}
