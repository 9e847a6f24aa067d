using System.Management.Automation;
using DigitalChannels.Client.Connect;
using DigitalChannels.Client.Connect.Flows;
using DigitalChannels.PowerShell.Base;
using DigitalChannels.PowerShell.Base.Completion;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>Gets a service's rules (the RULES tab): which asset triggers which flow.</summary>
    [Cmdlet(VerbsCommon.Get, "ConnectRule", HelpUri = HelpLinks.Docs + "Get-ConnectRule.md")]
    [OutputType(typeof(ConnectRule))]
    public sealed class GetConnectRuleCommand : DigitalChannelsConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, HelpMessage = "The service: an object from Get-ConnectService, its Service ID or its exact name.")]
        [ValidateNotNull]
        [ArgumentCompleter(typeof(ConnectServiceNameCompleter))]
        [SupportsWildcards]
        public ConnectServiceIdentity Service { get; set; }

        protected override void Execute()
        {
            var connection = CurrentConnection;
            var service = Service;
            Run(ConnectRuleCommands.Noun, host => ConnectRuleCommands.GetAsync(host, connection, service), service);
        }
    }
}
