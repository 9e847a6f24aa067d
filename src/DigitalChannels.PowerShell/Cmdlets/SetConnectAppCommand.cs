using System.Management.Automation;
using DigitalChannels.Client.Connect.Assets;
using DigitalChannels.Client.Connect.Flows;
using DigitalChannels.PowerShell.Base;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>
    /// Renames an app through the Digital Channel Onboarding API (live and sandbox). By -Id and -Channel it needs no list
    /// of apps, which a live tenant has no public API for; by name it reads Assets > Apps first (the sandbox).
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "ConnectApp", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByNameSet, HelpUri = HelpLinks.Docs + "Set-ConnectApp.md")]
    [OutputType(typeof(ConnectAsset))]
    public sealed class SetConnectAppCommand : DigitalChannelsConnectedCmdlet
    {
        public const string ByNameSet = "ByName";
        public const string ByIdSet = "ById";
        public const string ByObjectSet = "ByObject";

        [Parameter(ParameterSetName = ByNameSet, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, HelpMessage = "The app's name or id (read from Assets > Apps).")]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        public string Name { get; set; }

        /// <summary>The app id, as New-ConnectApp returned it: with -Channel, the Onboarding API's own way to name an app.</summary>
        [Parameter(ParameterSetName = ByIdSet, Mandatory = true, HelpMessage = "The app id (New-ConnectApp's Id).")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; }

        [Parameter(ParameterSetName = ByIdSet, Mandatory = true, HelpMessage = "The app's channel: LiveChat, Email, FacebookMessenger, WhatsApp, AppleMessagesForBusiness, Rcs or InAppMessaging.")]
        [EnumWords(typeof(ConnectChannel))]
        public ConnectChannel Channel { get; set; }

        [Parameter(ParameterSetName = ByObjectSet, Mandatory = true, ValueFromPipeline = true, HelpMessage = "An app from Get-ConnectAsset or New-ConnectApp.")]
        [ValidateNotNull]
        public ConnectAsset App { get; set; }

        [Parameter(Mandatory = true, HelpMessage = "The app's new name; unique in the tenant.")]
        [ValidateNotNullOrEmpty]
        public string NewName { get; set; }

        /// <summary>Write the renamed app to the pipeline.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void Execute()
        {
            var connection = CurrentConnection;
            var app = ParameterSetName == ByObjectSet ? App : null;
            var name = ParameterSetName == ByNameSet ? Name : null;
            var id = ParameterSetName == ByIdSet ? Id : null;
            ConnectChannel? channel = ParameterSetName == ByIdSet ? Channel : (ConnectChannel?)null;
            Run(ConnectAssetCommands.AppNoun, host => ConnectAssetCommands.SetAppAsync(host, connection, app, name, id, channel, NewName, PassThru.IsPresent),
                (object)app ?? name ?? id);
        }
    }
}
