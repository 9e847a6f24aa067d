using System.Management.Automation;
using DigitalChannels.Client.Connect.Assets;
using DigitalChannels.Client.Connect.Flows;
using DigitalChannels.PowerShell.Base;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>Creates an app, the trigger of a channel flow (Assets > Apps); SMS has numbers instead.</summary>
    [Cmdlet(VerbsCommon.New, "ConnectApp", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.Docs + "New-ConnectApp.md")]
    [OutputType(typeof(ConnectAsset))]
    public sealed class NewConnectAppCommand : DigitalChannelsConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, HelpMessage = "The app's name; unique in the tenant.")]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; }

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, HelpMessage = "The channel: LiveChat, Email, FacebookMessenger, WhatsApp, AppleMessagesForBusiness, Rcs or InAppMessaging (GoogleBusinessMessages is discontinued).")]
        [EnumWords(typeof(ConnectChannel))]
        public ConnectChannel Channel { get; set; }

        protected override void Execute()
        {
            var connection = CurrentConnection;
            Run(ConnectAssetCommands.AppNoun, host => ConnectAssetCommands.NewAppAsync(host, connection, Name, Channel), Name);
        }
    }
}
