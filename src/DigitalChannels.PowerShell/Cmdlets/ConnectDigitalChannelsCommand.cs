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
    /// Not a change on any server, so no ShouldProcess: the connection lives in this runspace only (-Save writes only
    /// what the user asked to keep, in their own folder).
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
        public const string InteractiveSet = "Interactive";
        public const string DeviceCodeSet = "DeviceCode";
        public const string RefreshTokenSet = "RefreshToken";
        public const string RefreshTokenCredentialSet = "RefreshTokenCredential";
        public const string SavedSet = "Saved";
        public const string ServiceAppSet = "ServiceApp";

        /// <summary>A sandbox's connection.json or its data folder; the default sandbox's file when omitted.</summary>
        [Parameter(ParameterSetName = SandboxFileSet, Position = 0,
            HelpMessage = "Path to a sandbox's connection.json, or to its data folder. Omit it to use the default sandbox.")]
        [Parameter(ParameterSetName = InteractiveSet)]
        [Parameter(ParameterSetName = DeviceCodeSet)]
        [Parameter(ParameterSetName = RefreshTokenSet)]
        [Parameter(ParameterSetName = RefreshTokenCredentialSet)]
        [ValidateNotNullOrEmpty]
        public string ConnectionFile { get; set; }

        [Parameter(ParameterSetName = SandboxUrlSet, Mandatory = true, HelpMessage = "The sandbox's base URL, e.g. http://127.0.0.1:7800.")]
        [Parameter(ParameterSetName = SandboxUrlCredentialSet, Mandatory = true, HelpMessage = "The sandbox's base URL, e.g. http://127.0.0.1:7800.")]
        [Parameter(ParameterSetName = SandboxUrlTokenSet, Mandatory = true, HelpMessage = "The sandbox's base URL, e.g. http://127.0.0.1:7800.")]
        [Parameter(ParameterSetName = InteractiveSet)]
        [Parameter(ParameterSetName = DeviceCodeSet)]
        [Parameter(ParameterSetName = RefreshTokenSet)]
        [Parameter(ParameterSetName = RefreshTokenCredentialSet)]
        [ValidateNotNull]
        public Uri SandboxUrl { get; set; }

        [Parameter(ParameterSetName = SandboxUrlSet, Mandatory = true, HelpMessage = "The client id of a service application.")]
        [Parameter(ParameterSetName = InteractiveSet)]
        [Parameter(ParameterSetName = DeviceCodeSet)]
        [Parameter(ParameterSetName = RefreshTokenSet)]
        [ValidateNotNullOrEmpty]
        public string ClientId { get; set; }

        [Parameter(ParameterSetName = SandboxUrlSet, Mandatory = true, HelpMessage = "The client secret of the service application.")]
        [Parameter(ParameterSetName = InteractiveSet)]
        [Parameter(ParameterSetName = DeviceCodeSet)]
        [Parameter(ParameterSetName = RefreshTokenSet)]
        [Parameter(ParameterSetName = RefreshTokenCredentialSet, HelpMessage = "The integration's client secret (Webex needs it for every refresh).")]
        [ValidateNotNull]
        public SecureString ClientSecret { get; set; }

        /// <summary>Client id as user name and secret as password: what runbooks get from Get-AutomationPSCredential or SecretManagement.</summary>
        [Parameter(ParameterSetName = SandboxUrlCredentialSet, Mandatory = true,
            HelpMessage = "A credential whose user name is the client id and whose password is the client secret.")]
        [Parameter(ParameterSetName = InteractiveSet)]
        [Parameter(ParameterSetName = DeviceCodeSet)]
        [Parameter(ParameterSetName = RefreshTokenSet)]
        [Parameter(ParameterSetName = ServiceAppSet, Mandatory = true)]
        [ValidateNotNull]
        [Credential]
        public PSCredential Credential { get; set; }

        [Parameter(ParameterSetName = SandboxUrlTokenSet, Mandatory = true, HelpMessage = "A bearer access token.")]
        [Parameter(ParameterSetName = RegionSet, Mandatory = true, HelpMessage = "A Webex access token, e.g. a Contact Center service app's token.")]
        [ValidateNotNull]
        public SecureString AccessToken { get; set; }

        /// <summary>The Webex Contact Center data centre; the values are WebexEnvironment.Regions (a test holds them equal).</summary>
        [Parameter(ParameterSetName = RegionSet, Mandatory = true, HelpMessage = "The Webex Contact Center region: us1, eu1, eu2, anz1, ca1, jp1, sg1 or in1.")]
        [Parameter(ParameterSetName = InteractiveSet)]
        [Parameter(ParameterSetName = DeviceCodeSet)]
        [Parameter(ParameterSetName = RefreshTokenSet)]
        [Parameter(ParameterSetName = RefreshTokenCredentialSet)]
        [ValidateSet("us1", "eu1", "eu2", "anz1", "ca1", "jp1", "sg1", "in1")]
        public string Region { get; set; }

        [Parameter(ParameterSetName = RegionSet, Mandatory = true, HelpMessage = "The organization id of the tenant.")]
        [Parameter(ParameterSetName = SandboxUrlSet)]
        [Parameter(ParameterSetName = SandboxUrlCredentialSet)]
        [Parameter(ParameterSetName = SandboxUrlTokenSet)]
        [Parameter(ParameterSetName = InteractiveSet)]
        [Parameter(ParameterSetName = DeviceCodeSet)]
        [Parameter(ParameterSetName = RefreshTokenSet)]
        [Parameter(ParameterSetName = RefreshTokenCredentialSet)]
        [Parameter(ParameterSetName = ServiceAppSet, Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string OrganizationId { get; set; }

        /// <summary>Scopes to ask for with client credentials; an access token carries its own.</summary>
        [Parameter(ParameterSetName = SandboxFileSet)]
        [Parameter(ParameterSetName = SandboxUrlSet)]
        [Parameter(ParameterSetName = SandboxUrlCredentialSet)]
        [Parameter(ParameterSetName = InteractiveSet)]
        [Parameter(ParameterSetName = DeviceCodeSet)]
        [ValidateNotNullOrEmpty]
        public string[] Scope { get; set; }

        /// <summary>Authorization code with PKCE in the system browser (the administrator's own integration).</summary>
        [Parameter(ParameterSetName = InteractiveSet, Mandatory = true, HelpMessage = "Sign in as an administrator in the system browser.")]
        public SwitchParameter Interactive { get; set; }

        /// <summary>The redirect URI's port: http://127.0.0.1:PORT/digitalchannels/ must be registered on the integration; 0 = any free port.</summary>
        [Parameter(ParameterSetName = InteractiveSet)]
        [ValidateRange(0, 65535)]
        public int RedirectPort { get; set; } = DigitalChannels.Client.Auth.InteractiveSignIn.DefaultRedirectPort;

        /// <summary>prompt=login: the sign-in page asks for the account even when the browser is signed in (to another tenant, say).</summary>
        [Parameter(ParameterSetName = InteractiveSet)]
        public SwitchParameter ForceAccountChooser { get; set; }

        /// <summary>Device grant: shows a code to approve in any browser; for consoles without one.</summary>
        [Parameter(ParameterSetName = DeviceCodeSet, Mandatory = true, HelpMessage = "Sign in as an administrator by approving a code in any browser.")]
        public SwitchParameter DeviceCode { get; set; }

        /// <summary>A refresh token kept from an earlier sign-in: what a runbook gets from SecretManagement.</summary>
        [Parameter(ParameterSetName = RefreshTokenSet, Mandatory = true, HelpMessage = "A refresh token from an earlier administrator sign-in.")]
        [ValidateNotNull]
        public SecureString RefreshToken { get; set; }

        /// <summary>
        /// A refresh token as an Automation credential holds it: the user name is the integration's client id, the
        /// password the refresh token. The client secret comes with -ClientSecret (or a sandbox's connection file).
        /// </summary>
        [Parameter(ParameterSetName = RefreshTokenCredentialSet, Mandatory = true,
            HelpMessage = "A credential whose user name is the client id and whose password is a refresh token.")]
        [ValidateNotNull]
        [Credential]
        public PSCredential RefreshTokenCredential { get; set; }

        /// <summary>The connection's name in this session, for -Connection NAME and Select-DigitalChannelsConnection; also the saved sign-in's name.</summary>
        [Parameter(ParameterSetName = SandboxFileSet)]
        [Parameter(ParameterSetName = SandboxUrlSet)]
        [Parameter(ParameterSetName = SandboxUrlCredentialSet)]
        [Parameter(ParameterSetName = SandboxUrlTokenSet)]
        [Parameter(ParameterSetName = RegionSet)]
        [Parameter(ParameterSetName = InteractiveSet)]
        [Parameter(ParameterSetName = DeviceCodeSet)]
        [Parameter(ParameterSetName = RefreshTokenSet)]
        [Parameter(ParameterSetName = RefreshTokenCredentialSet)]
        [Parameter(ParameterSetName = ServiceAppSet)]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; }

        /// <summary>Keep the sign-in, encrypted for this user, so that a new session reconnects with -Saved and no browser.</summary>
        [Parameter(ParameterSetName = InteractiveSet)]
        [Parameter(ParameterSetName = DeviceCodeSet)]
        [Parameter(ParameterSetName = RefreshTokenSet)]
        [Parameter(ParameterSetName = RefreshTokenCredentialSet)]
        public SwitchParameter Save { get; set; }

        /// <summary>With -Save, where no keyring or DPAPI exists: accept a file only this user can read, unencrypted.</summary>
        [Parameter(ParameterSetName = InteractiveSet)]
        [Parameter(ParameterSetName = DeviceCodeSet)]
        [Parameter(ParameterSetName = RefreshTokenSet)]
        [Parameter(ParameterSetName = RefreshTokenCredentialSet)]
        public SwitchParameter AllowUnencryptedStorage { get; set; }

        /// <summary>Reconnects from a saved sign-in (Connect-DigitalChannels ... -Save): no browser, no secret to pass.</summary>
        [Parameter(ParameterSetName = SavedSet, Mandatory = true, HelpMessage = "The name of a saved sign-in (Get-DigitalChannelsConnection -ListAvailable lists them).")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Base.Completion.SavedSignInNameCompleter))]
        public string Saved { get; set; }
        /// A Webex Service App (a machine account, as an Azure service principal): with -Credential (its client id and
        /// secret) and -OrganizationId (where a Full Admin authorized it), the administrator's connection asks once for its
        /// token pair; the new connection then refreshes with the app's own credentials.
        /// </summary>
        [Parameter(ParameterSetName = ServiceAppSet, Mandatory = true,
            HelpMessage = "The service app's application id (developer portal > the service app).")]
        [ValidateNotNullOrEmpty]
        public string ServiceApplicationId { get; set; }

        /// <summary>The administrator's connection that asks for the service app's tokens; the current connection when omitted.</summary>
        [Parameter(ParameterSetName = ServiceAppSet)]
        [ValidateNotNull]
        [Base.ConnectionArgument]
        [ArgumentCompleter(typeof(Base.Completion.ConnectionNameCompleter))]
        public DigitalChannelsConnection Connection { get; set; }

        /// <summary>Also write the connection to the pipeline.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Only return the connection, for -Connection; the session's current connection stays as it is.</summary>
        [Parameter]
        public SwitchParameter ReturnConnection { get; set; }

        protected override void Execute()
        {
            if (ParameterSetName == ServiceAppSet)
            {
                var serviceApp = new ServiceAppConnectRequest
                {
                    Administrator = Connection,
                    ApplicationId = ServiceApplicationId,
                    ClientId = Credential.UserName,
                    ClientSecret = Credential.GetNetworkCredential().Password,
                    OrganizationId = OrganizationId,
                    Name = Name,
                    PassThru = PassThru.IsPresent,
                    NotCurrent = ReturnConnection.IsPresent,
                };
                Run(ConnectionCommands.Noun, host => ServiceAppConnectionCommands.ConnectAsync(host, Runspace.DefaultRunspace, serviceApp));
                return;
            }
            var request = new ConnectRequest
            {
                ConnectionFile = ConnectionFile,
                SandboxUrl = SandboxUrl,
                Region = Region,
                OrganizationId = OrganizationId,
                ClientId = Credential?.UserName ?? RefreshTokenCredential?.UserName ?? ClientId,
                // Plain text only at the call, never in a field of the cmdlet.
                ClientSecret = Credential != null ? Credential.GetNetworkCredential().Password
                    : ClientSecret == null ? null : new NetworkCredential(string.Empty, ClientSecret).Password,
                AccessToken = AccessToken == null ? null : new NetworkCredential(string.Empty, AccessToken).Password,
                Scopes = Scope?.ToList(),
                SignIn = Interactive.IsPresent ? SignInFlow.Interactive : DeviceCode.IsPresent ? SignInFlow.DeviceCode
                    : RefreshToken != null || RefreshTokenCredential != null ? SignInFlow.RefreshToken : SignInFlow.None,
                RefreshToken = RefreshTokenCredential != null ? RefreshTokenCredential.GetNetworkCredential().Password
                    : RefreshToken == null ? null : new NetworkCredential(string.Empty, RefreshToken).Password,
                RedirectPort = RedirectPort,
                ForceLogin = ForceAccountChooser.IsPresent,
                PassThru = PassThru.IsPresent,
                NotCurrent = ReturnConnection.IsPresent,
                Name = Name,
                Save = Save.IsPresent,
                AllowUnencryptedStorage = AllowUnencryptedStorage.IsPresent,
                Saved = Saved,
            };
            Run(ConnectionCommands.Noun, host => ConnectionCommands.ConnectAsync(host, Runspace.DefaultRunspace, request));
        }
    }
}
