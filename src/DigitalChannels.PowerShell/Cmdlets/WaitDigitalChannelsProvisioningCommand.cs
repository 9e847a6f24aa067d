using System;
using System.Management.Automation;
using DigitalChannels.Client.Provisioning;
using DigitalChannels.PowerShell.Base;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>Waits until provisioning is done and the activation mail is sent, showing progress; Ctrl+C stops the wait.</summary>
    [Cmdlet(VerbsLifecycle.Wait, "DigitalChannelsProvisioning", HelpUri = HelpLinks.Docs + "Wait-DigitalChannelsProvisioning.md")]
    [OutputType(typeof(DigitalChannelsProvisioning))]
    public sealed class WaitDigitalChannelsProvisioningCommand : DigitalChannelsConnectedCmdlet
    {
        [Parameter(HelpMessage = "How long to wait, in seconds, before giving up (default 900).")]
        [ValidateRange(1, 86400)]
        public int TimeoutSeconds { get; set; } = (int)ProvisioningCommands.DefaultWaitTimeout.TotalSeconds;

        protected override void Execute()
        {
            var connection = CurrentConnection;
            var timeout = TimeSpan.FromSeconds(TimeoutSeconds);
            Run(ProvisioningCommands.Noun, host => ProvisioningCommands.WaitAsync(host, connection, timeout, ProvisioningCommands.DefaultPollInterval));
        }
    }
}
