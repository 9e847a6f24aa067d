using System.Management.Automation;
using DigitalChannels.Client.Connect.Settings;
using DigitalChannels.PowerShell.Base;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>Gets the Connect tenant's time zone and date format (Settings > Tenant Settings).</summary>
    [Cmdlet(VerbsCommon.Get, "ConnectTenantSetting", HelpUri = HelpLinks.Docs + "Get-ConnectTenantSetting.md")]
    [OutputType(typeof(ConnectTenantSetting))]
    public sealed class GetConnectTenantSettingCommand : DigitalChannelsConnectedCmdlet
    {
        protected override void Execute()
        {
            var connection = CurrentConnection;
            Run(ConnectSettingCommands.TenantSettingNoun, host => ConnectSettingCommands.GetTenantSettingAsync(host, connection), connection.OrganizationId);
        }
    }
}
