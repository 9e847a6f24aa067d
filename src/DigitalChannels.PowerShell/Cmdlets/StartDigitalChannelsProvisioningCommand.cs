using System;
using System.Management.Automation;
using DigitalChannels.Client.Provisioning;
using DigitalChannels.PowerShell.Base;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>Provision Digital Channels with one administrator as the Connect tenant's Owner (lab 12.1); -Wait waits for the activation mail.</summary>
    [Cmdlet(VerbsLifecycle.Start, "DigitalChannelsProvisioning", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = HelpLinks.Docs + "Start-DigitalChannelsProvisioning.md")]
    [OutputType(typeof(DigitalChannelsProvisioning))]
    public sealed class StartDigitalChannelsProvisioningCommand : DigitalChannelsConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, HelpMessage = "The email of the administrator who becomes the Connect tenant's Owner.")]
        [ValidateNotNullOrEmpty]
        public string Owner { get; set; }

        [Parameter(HelpMessage = "Wait until provisioning is done and the activation mail is sent, showing progress.")]
        public SwitchParameter Wait { get; set; }

        [Parameter(HelpMessage = "With -Wait: how long to wait, in seconds, before giving up (default 900).")]
        [ValidateRange(1, 86400)]
        public int TimeoutSeconds { get; set; } = (int)ProvisioningCommands.DefaultWaitTimeout.TotalSeconds;

        protected override void Execute()
        {
            var connection = CurrentConnection;
            var (owner, wait, timeout) = (Owner, Wait.IsPresent, TimeSpan.FromSeconds(TimeoutSeconds));
            Run(ProvisioningCommands.Noun, host => ProvisioningCommands.StartAsync(host, connection, owner, wait, timeout, ProvisioningCommands.DefaultPollInterval), owner);
        }
    }
}
