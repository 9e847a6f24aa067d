using System.Management.Automation;
using DigitalChannels.Client.Engage.Attachments;
using DigitalChannels.PowerShell.Base;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>Turns Engage attachments on or off, or changes a channel's size, number of files and supported formats.</summary>
    [Cmdlet(VerbsCommon.Set, "EngageAttachmentSetting", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.Docs + "Set-EngageAttachmentSetting.md")]
    [OutputType(typeof(EngageAttachmentSettings))]
    public sealed class SetEngageAttachmentSettingCommand : DigitalChannelsConnectedCmdlet
    {
        /// <summary>-Enabled turns attachments on, -Enabled:$false off for every channel; omitted, the switch stays.</summary>
        [Parameter]
        public SwitchParameter Enabled { get; set; }

        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true, HelpMessage = "The channels whose limits change.")]
        [ValidateSet("chat", "email", "sms", "messenger", "whatsapp", IgnoreCase = true)]
        public string[] Channel { get; set; }

        [Parameter]
        [ValidateRange(1, 25)]
        public int MaxFileSizeMB { get; set; }

        [Parameter]
        [ValidateRange(1, 10)]
        public int MaxFiles { get; set; }

        /// <summary>Replaces the supported formats.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[] AllowedExtension { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[] AddExtension { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[] RemoveExtension { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void Execute()
        {
            var connection = CurrentConnection;
            var enabled = IsParameterBound(nameof(Enabled)) ? Enabled.IsPresent : (bool?)null;
            var changes = new EngageAttachmentChannelChanges
            {
                MaxFileSizeMB = IsParameterBound(nameof(MaxFileSizeMB)) ? MaxFileSizeMB : (int?)null,
                MaxFiles = IsParameterBound(nameof(MaxFiles)) ? MaxFiles : (int?)null,
                AllowedExtensions = AllowedExtension,
                AddExtensions = AddExtension,
                RemoveExtensions = RemoveExtension,
            };
            var channels = Channel;
            Run(EngageAttachmentCommands.SettingNoun,
                host => EngageAttachmentCommands.SetAsync(host, connection, enabled, channels, changes, PassThru.IsPresent));
        }
    }
}
