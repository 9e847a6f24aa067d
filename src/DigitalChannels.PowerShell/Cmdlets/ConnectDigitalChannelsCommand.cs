using System;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Net;
using System.Security;
using DigitalChannels.Client;
using DigitalChannels.Client.Commands;
using DigitalChannels.PowerShell.Base;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>
    /// Signs in to a DigitalChannels sandbox or a Webex Contact Center region and makes the connection current.
    /// Not a change on any server, so no ShouldProcess: the connection lives in this runspace only.
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "DigitalChannels", DefaultParameterSetName = SandboxFileSet, HelpUri = HelpLinks.Docs + "Connect-DigitalChannels.md")]
    [OutputType(typeof(DigitalChannelsConnection))]
    public sealed class ConnectDigitalChannelsCommand : DigitalChannelsCmdlet
    {
        public const string SandboxFileSet = "SandboxFile";
        public const string SandboxUrlSet = "SandboxUrl";
        public const string SandboxUrlCredentialSet = "SandboxUrlCredential";
        public const string SandboxUrlTokenSet = "SandboxUrlToken";
        public const string RegionSet = "Region";

        /// <summary>A sandbox's connection.json or its data folder; the default sandbox's file when omitted.</summary>
        [Parameter(ParameterSetName = SandboxFileSet, Position = 0,
            HelpMessage = "Path to a sandbox's connection.json, or to its data folder. Omit it to use the default sandbox.")]
        [ValidateNotNullOrEmpty]
        public string ConnectionFile { get; set; }

        [Parameter(ParameterSetName = SandboxUrlSet, Mandatory = true, HelpMessage = "The sandbox's base URL, e.g. http://127.0.0.1:7800.")]
        [Parameter(ParameterSetName = SandboxUrlCredentialSet, Mandatory = true, HelpMessage = "The sandbox's base URL, e.g. http://127.0.0.1:7800.")]
        [Parameter(ParameterSetName = SandboxUrlTokenSet, Mandatory = true, HelpMessage = "The sandbox's base URL, e.g. http://127.0.0.1:7800.")]
        [ValidateNotNull]
        public Uri SandboxUrl { get; set; }

        [Parameter(ParameterSetName = SandboxUrlSet, Mandatory = true, HelpMessage = "The client id of a service application.")]
        [ValidateNotNullOrEmpty]
        public string ClientId { get; set; }

        [Parameter(ParameterSetName = SandboxUrlSet, Mandatory = true, HelpMessage = "The client secret of the service application.")]
        [ValidateNotNull]
        public SecureString ClientSecret { get; set; }

        /// <summary>Client id as user name and secret as password: what runbooks get from Get-AutomationPSCredential or SecretManagement.</summary>
        [Parameter(ParameterSetName = SandboxUrlCredentialSet, Mandatory = true,
            HelpMessage = "A credential whose user name is the client id and whose password is the client secret.")]
        [ValidateNotNull]
        [Credential]
        public PSCredential Credential { get; set; }

        [Parameter(ParameterSetName = SandboxUrlTokenSet, Mandatory = true, HelpMessage = "A bearer access token.")]
        [Parameter(ParameterSetName = RegionSet, Mandatory = true, HelpMessage = "A Webex access token, e.g. a Contact Center service app's token.")]
        [ValidateNotNull]
        public SecureString AccessToken { get; set; }

        /// <summary>The Webex Contact Center data centre; the values are WebexEnvironment.Regions (a test holds them equal).</summary>
        [Parameter(ParameterSetName = RegionSet, Mandatory = true, HelpMessage = "The Webex Contact Center region: us1, eu1, eu2, anz1, ca1, jp1, sg1 or in1.")]
        [ValidateSet("us1", "eu1", "eu2", "anz1", "ca1", "jp1", "sg1", "in1")]
        public string Region { get; set; }

        [Parameter(ParameterSetName = RegionSet, Mandatory = true, HelpMessage = "The organization id of the tenant.")]
        [Parameter(ParameterSetName = SandboxUrlSet)]
        [Parameter(ParameterSetName = SandboxUrlCredentialSet)]
        [Parameter(ParameterSetName = SandboxUrlTokenSet)]
        [ValidateNotNullOrEmpty]
        public string OrganizationId { get; set; }

        /// <summary>Scopes to ask for with client credentials; an access token carries its own.</summary>
        [Parameter(ParameterSetName = SandboxFileSet)]
        [Parameter(ParameterSetName = SandboxUrlSet)]
        [Parameter(ParameterSetName = SandboxUrlCredentialSet)]
        [ValidateNotNullOrEmpty]
        public string[] Scope { get; set; }

        /// <summary>Also write the connection to the pipeline.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Only return the connection, for -Connection; the session's current connection stays as it is.</summary>
        [Parameter]
        public SwitchParameter ReturnConnection { get; set; }

        protected override void Execute()
        {
            var request = new ConnectRequest
            {
                ConnectionFile = ConnectionFile,
                SandboxUrl = SandboxUrl,
                Region = Region,
                OrganizationId = OrganizationId,
                ClientId = Credential?.UserName ?? ClientId,
                // Plain text only at the call, never in a field of the cmdlet.
                ClientSecret = Credential != null ? Credential.GetNetworkCredential().Password
                    : ClientSecret == null ? null : new NetworkCredential(string.Empty, ClientSecret).Password,
                AccessToken = AccessToken == null ? null : new NetworkCredential(string.Empty, AccessToken).Password,
                Scopes = Scope?.ToList(),
                PassThru = PassThru.IsPresent,
                NotCurrent = ReturnConnection.IsPresent,
            };
            Run(ConnectionCommands.Noun, host => ConnectionCommands.ConnectAsync(host, Runspace.DefaultRunspace, request));
        }
    }
}
