using System.Management.Automation;
using DigitalChannels.Client.Connect.Settings;
using DigitalChannels.PowerShell.Base;
using DigitalChannels.PowerShell.Base.Completion;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>Changes the signed-in teammate's own name or email notifications (Settings > Profile Settings).</summary>
    [Cmdlet(VerbsCommon.Set, "ConnectProfile", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, HelpUri = HelpLinks.Docs + "Set-ConnectProfile.md")]
    [OutputType(typeof(ConnectProfile))]
    public sealed class SetConnectProfileCommand : DigitalChannelsConnectedCmdlet
    {
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; }

        /// <summary>Notifications to turn on: ProfileKeyRegenerated, ServiceKeyUpdates, RuleExpiry, ServiceStatusUpdate.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ProfileNotificationCompleter))]
        public string[] EnableNotification { get; set; }

        /// <summary>Notifications to turn off.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ProfileNotificationCompleter))]
        public string[] DisableNotification { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void Execute()
        {
            var connection = CurrentConnection;
            var changes = new ConnectProfileChanges
            {
                Name = IsParameterBound(nameof(Name)) ? Name : null,
                Enable = EnableNotification ?? new string[0],
                Disable = DisableNotification ?? new string[0],
            };
            Run(ConnectSettingCommands.ProfileNoun, host => ConnectSettingCommands.SetProfileAsync(host, connection, changes, PassThru.IsPresent), Name);
        }
    }
}
