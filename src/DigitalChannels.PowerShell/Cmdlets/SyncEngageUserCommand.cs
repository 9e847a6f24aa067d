using System.Management.Automation;
using DigitalChannels.Client.Engage.Users;
using DigitalChannels.PowerShell.Base;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>Synchronizes the Engage users with the Contact Center administrators and premium agents.</summary>
    [Cmdlet(VerbsData.Sync, "EngageUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.Docs + "Sync-EngageUser.md")]
    [OutputType(typeof(EngageUserSynchronizationResult))]
    public sealed class SyncEngageUserCommand : DigitalChannelsConnectedCmdlet
    {
        protected override void Execute()
        {
            var connection = CurrentConnection;
            Run(EngageUserCommands.Noun, host => EngageUserCommands.SyncAsync(host, connection));
        }
    }
}
