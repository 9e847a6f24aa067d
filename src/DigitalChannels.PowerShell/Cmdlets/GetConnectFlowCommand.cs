using System.Management.Automation;
using DigitalChannels.Client.Connect;
using DigitalChannels.Client.Connect.Flows;
using DigitalChannels.PowerShell.Base;
using DigitalChannels.PowerShell.Base.Completion;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>Gets the flows of a service (or of every service) with their status (Working Draft, Publishing, Live) and versions.</summary>
    [Cmdlet(VerbsCommon.Get, "ConnectFlow", HelpUri = HelpLinks.Docs + "Get-ConnectFlow.md")]
    [OutputType(typeof(ConnectFlow))]
    public sealed class GetConnectFlowCommand : DigitalChannelsConnectedCmdlet
    {
        [Parameter(Position = 0, ValueFromPipeline = true, HelpMessage = "The service: an object from Get-ConnectService, its Service ID, its name, or a wildcard pattern (every service it matches). Omit it to get the flows of every service.")]
        [ValidateNotNull]
        [ArgumentCompleter(typeof(ConnectServiceNameCompleter))]
        [SupportsWildcards]
        public ConnectServiceIdentity Service { get; set; }

        [Parameter(Position = 1, HelpMessage = "The flow name, or a wildcard pattern. Omit it to get every flow.")]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(ConnectFlowNameCompleter))]
        public string Name { get; set; }

        protected override void Execute()
        {
            var connection = CurrentConnection;
            var service = Service;
            Run(ConnectFlowCommands.Noun, host => ConnectFlowCommands.GetAsync(host, connection, service, Name), service);
        }
    }
}
