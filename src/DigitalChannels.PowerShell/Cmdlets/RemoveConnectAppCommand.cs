using System.Management.Automation;
using DigitalChannels.Client.Connect.Assets;
using DigitalChannels.PowerShell.Base;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>Deletes an app. Owner and Full Access only; numbers are read-only; an app that triggers a flow must lose its rule first.</summary>
    [Cmdlet(VerbsCommon.Remove, "ConnectApp", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = ByNameSet, HelpUri = HelpLinks.Docs + "Remove-ConnectApp.md")]
    [OutputType(typeof(void))]
    public sealed class RemoveConnectAppCommand : DigitalChannelsConnectedCmdlet
    {
        public const string ByNameSet = "ByName";
        public const string ByObjectSet = "ByObject";

        [Parameter(ParameterSetName = ByNameSet, Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, HelpMessage = "The app's name or id.")]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; }

        [Parameter(ParameterSetName = ByObjectSet, Mandatory = true, ValueFromPipeline = true, HelpMessage = "An app from Get-ConnectAsset or New-ConnectApp.")]
        [ValidateNotNull]
        public ConnectAsset App { get; set; }

        protected override void Execute()
        {
            var connection = CurrentConnection;
            var app = ParameterSetName == ByObjectSet ? App : null;
            var name = ParameterSetName == ByNameSet ? Name : null;
            Run(ConnectAssetCommands.AppNoun, host => ConnectAssetCommands.RemoveAppAsync(host, connection, app, name), (object)app ?? name);
        }
    }
}
