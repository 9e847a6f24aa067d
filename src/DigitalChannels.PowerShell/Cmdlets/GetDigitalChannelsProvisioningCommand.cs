using System.Management.Automation;
using DigitalChannels.Client.Provisioning;
using DigitalChannels.PowerShell.Base;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>Shows the tenant's Digital Channels provisioning: state, Owner, times, the Digital Channel setting.</summary>
    [Cmdlet(VerbsCommon.Get, "DigitalChannelsProvisioning", HelpUri = HelpLinks.Docs + "Get-DigitalChannelsProvisioning.md")]
    [OutputType(typeof(DigitalChannelsProvisioning))]
    public sealed class GetDigitalChannelsProvisioningCommand : DigitalChannelsConnectedCmdlet
    {
        protected override void Execute()
        {
            var connection = CurrentConnection;
            Run(ProvisioningCommands.Noun, host => ProvisioningCommands.GetAsync(host, connection));
        }
    }
}
