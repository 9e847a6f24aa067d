using System.Management.Automation;
using DigitalChannels.Client.Connect.Integrations;
using DigitalChannels.PowerShell.Base;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>Gets the pre-built integrations (Webex CC Task, Webex CC Engage) with their status and node authorizations.</summary>
    [Cmdlet(VerbsCommon.Get, "ConnectIntegration", HelpUri = HelpLinks.Docs + "Get-ConnectIntegration.md")]
    [OutputType(typeof(ConnectIntegration))]
    public sealed class GetConnectIntegrationCommand : DigitalChannelsConnectedCmdlet
    {
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, HelpMessage = "The integration's name or kind, or a wildcard pattern. Omit it to get all.")]
        [SupportsWildcards]
        public string Name { get; set; }

        protected override void Execute()
        {
            var connection = CurrentConnection;
            Run(ConnectIntegrationCommands.Noun, host => ConnectIntegrationCommands.GetAsync(host, connection, Name), Name);
        }
    }
}
