using System.Management.Automation;
using DigitalChannels.Client.Connect.Integrations;
using DigitalChannels.PowerShell.Base;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>Adds an oauth2 node authorization to an integration (Manage > Node Authorizations > Add Authorization > Authorize).</summary>
    [Cmdlet(VerbsCommon.Add, "ConnectNodeAuthorization", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByNameSet, HelpUri = HelpLinks.Docs + "Add-ConnectNodeAuthorization.md")]
    [OutputType(typeof(ConnectIntegration))]
    public sealed class AddConnectNodeAuthorizationCommand : DigitalChannelsConnectedCmdlet
    {
        public const string ByNameSet = "ByName";
        public const string ByObjectSet = "ByObject";

        [Parameter(ParameterSetName = ByNameSet, Mandatory = true, Position = 0, HelpMessage = "The integration: 'Webex CC Task', 'Webex CC Engage', its kind or its id.")]
        [ValidateNotNullOrEmpty]
        public string IntegrationName { get; set; }

        [Parameter(ParameterSetName = ByObjectSet, Mandatory = true, ValueFromPipeline = true, HelpMessage = "An integration from Get-ConnectIntegration.")]
        [ValidateNotNull]
        public ConnectIntegration Integration { get; set; }

        [Parameter(Mandatory = true, HelpMessage = "The authorization's name, e.g. 'WxCC Authorisation'.")]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; }

        /// <summary>Marks it the default for every node instance; the first authorization of an integration is the default anyway.</summary>
        [Parameter]
        public SwitchParameter Default { get; set; }

        /// <summary>The account that signs in (for Webex CC Task, the Contact Center administrator's email).</summary>
        [Parameter]
        public string Account { get; set; }

        protected override void Execute()
        {
            var connection = CurrentConnection;
            var integration = ParameterSetName == ByObjectSet ? Integration : null;
            var integrationName = ParameterSetName == ByNameSet ? IntegrationName : null;
            Run(ConnectIntegrationCommands.AuthorizationNoun, host => ConnectIntegrationCommands.AddAuthorizationAsync(
                host, connection, integration, integrationName, Name, Default.IsPresent, Account), (object)integration ?? integrationName);
        }
    }
}
