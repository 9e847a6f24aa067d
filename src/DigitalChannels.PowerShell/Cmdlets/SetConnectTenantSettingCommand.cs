using System.Management.Automation;
using DigitalChannels.Client.Connect.Settings;
using DigitalChannels.PowerShell.Base;
using DigitalChannels.PowerShell.Base.Completion;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>Sets the Connect tenant's time zone or date format (Settings > Tenant Settings); only the tenant's Owner may.</summary>
    [Cmdlet(VerbsCommon.Set, "ConnectTenantSetting", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.Docs + "Set-ConnectTenantSetting.md")]
    [OutputType(typeof(ConnectTenantSetting))]
    public sealed class SetConnectTenantSettingCommand : DigitalChannelsConnectedCmdlet
    {
        /// <summary>An IANA id (Europe/London) or a Windows id (GMT Standard Time), stored as its IANA id.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(TimeZoneCompleter))]
        public string TimeZone { get; set; }

        /// <summary>One of the portal's formats, e.g. 'YYYY-MM-DD HH:mm:ss' (the default); anything else is refused with the list.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(DateFormatCompleter))]
        public string DateFormat { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void Execute()
        {
            var connection = CurrentConnection;
            var timeZone = IsParameterBound(nameof(TimeZone)) ? TimeZone : null;
            var dateFormat = IsParameterBound(nameof(DateFormat)) ? DateFormat : null;
            Run(ConnectSettingCommands.TenantSettingNoun, host => ConnectSettingCommands.SetTenantSettingAsync(host, connection, timeZone, dateFormat, PassThru.IsPresent), (object)timeZone ?? dateFormat);
        }
    }
}
