using System.Management.Automation;
using DigitalChannels.Client.Engage.Attachments;
using DigitalChannels.PowerShell.Base;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>Gets the Engage attachment settings (Admin → Settings): the tenant switch and each channel's limits.</summary>
    [Cmdlet(VerbsCommon.Get, "EngageAttachmentSetting", HelpUri = HelpLinks.Docs + "Get-EngageAttachmentSetting.md")]
    [OutputType(typeof(EngageAttachmentSettings), typeof(EngageAttachmentChannelSetting))]
    public sealed class GetEngageAttachmentSettingCommand : DigitalChannelsConnectedCmdlet
    {
        /// <summary>Only these channels' rows; omitted, the whole settings page.</summary>
        [Parameter(Position = 0, HelpMessage = "The channels whose limits to get. Omit it to get the whole settings page.")]
        [ValidateSet("chat", "email", "sms", "messenger", "whatsapp", IgnoreCase = true)]
        public string[] Channel { get; set; }

        protected override void Execute()
        {
            var connection = CurrentConnection;
            var channels = Channel;
            Run(EngageAttachmentCommands.SettingNoun, host => EngageAttachmentCommands.GetAsync(host, connection, channels));
        }
    }
}
