using System.Management.Automation;
using DigitalChannels.Client.Connect.Settings;
using DigitalChannels.PowerShell.Base;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>Gets the signed-in teammate's own profile (Settings > Profile Settings): account details and notifications.</summary>
    [Cmdlet(VerbsCommon.Get, "ConnectProfile", HelpUri = HelpLinks.Docs + "Get-ConnectProfile.md")]
    [OutputType(typeof(ConnectProfile))]
    public sealed class GetConnectProfileCommand : DigitalChannelsConnectedCmdlet
    {
        protected override void Execute()
        {
            var connection = CurrentConnection;
            Run(ConnectSettingCommands.ProfileNoun, host => ConnectSettingCommands.GetProfileAsync(host, connection), connection.OrganizationId);
        }
    }
}
