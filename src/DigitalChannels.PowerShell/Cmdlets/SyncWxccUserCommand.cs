using System.Management.Automation;
using DigitalChannels.Client.ControlHub;
using DigitalChannels.PowerShell.Base;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>Control Hub's Synchronize Users: licensed people become Contact Center users, unlicensed ones are deactivated. Sandbox only.</summary>
    [Cmdlet(VerbsData.Sync, "WxccUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.Docs + "Sync-WxccUser.md")]
    [OutputType(typeof(UserSynchronizationResult))]
    public sealed class SyncWxccUserCommand : DigitalChannelsConnectedCmdlet
    {
        protected override void Execute()
        {
            var connection = CurrentConnection;
            Run(UserSynchronizationCommands.Noun, host => UserSynchronizationCommands.SyncAsync(host, connection));
        }
    }
}
