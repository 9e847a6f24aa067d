using System.Management.Automation;
using DigitalChannels.Client.ControlHub;
using DigitalChannels.PowerShell.Base;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>Gets the tenant's RONA timeouts per channel. No public API: sandbox only.</summary>
    [Cmdlet(VerbsCommon.Get, "WxccRonaTimeout", HelpUri = HelpLinks.Docs + "Get-WxccRonaTimeout.md")]
    [OutputType(typeof(RonaTimeouts))]
    public sealed class GetWxccRonaTimeoutCommand : DigitalChannelsConnectedCmdlet
    {
        protected override void Execute()
        {
            var connection = CurrentConnection;
            Run(RonaTimeoutCommands.Noun, host => RonaTimeoutCommands.GetAsync(host, connection));
        }
    }
}
