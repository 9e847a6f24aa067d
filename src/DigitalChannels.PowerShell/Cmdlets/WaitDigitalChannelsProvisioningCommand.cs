using System;
using System.Collections.Generic;
using System.Management.Automation;
using DigitalChannels.Client;
using DigitalChannels.Client.Lab;
using DigitalChannels.Client.Provisioning;
using DigitalChannels.PowerShell.Base;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>
    /// Waits until provisioning is done and the activation mail is sent, showing one progress bar; Ctrl+C stops the wait.
    /// Tenants piped in (lab pods, connections) are collected and waited for all at once at the end, as Wait-Job does.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Wait, "DigitalChannelsProvisioning", HelpUri = HelpLinks.Docs + "Wait-DigitalChannelsProvisioning.md")]
    [OutputType(typeof(DigitalChannelsProvisioning))]
    public sealed class WaitDigitalChannelsProvisioningCommand : DigitalChannelsConnectedCmdlet
    {
        private readonly List<DigitalChannelsConnection> _tenants = new List<DigitalChannelsConnection>();

        [Parameter(ValueFromPipeline = true,
            HelpMessage = "The tenants to wait for: lab pods (New-DigitalChannelsLabPod), connections (Connect-DigitalChannels -ReturnConnection), or what Start-DigitalChannelsProvisioning returned (the -Connection's tenant).")]
        [ValidateNotNull]
        public object[] InputObject { get; set; }

        [Parameter(HelpMessage = "How long to wait for all of them, in seconds, before giving up (default 900).")]
        [ValidateRange(1, 86400)]
        public int TimeoutSeconds { get; set; } = (int)ProvisioningCommands.DefaultWaitTimeout.TotalSeconds;

        /// <summary>Collects each tenant once: the wait starts when the last one has arrived.</summary>
        protected override void Execute()
        {
            if (InputObject == null) return;
            foreach (var item in InputObject)
            {
                var tenant = TenantOf(LabDefinitionArgument.Unwrap(item));
                if (!_tenants.Contains(tenant)) _tenants.Add(tenant);
            }
        }

        protected override void Finish()
        {
            if (_tenants.Count == 0) _tenants.Add(CurrentConnection);
            var tenants = _tenants.ToArray();
            var timeout = TimeSpan.FromSeconds(TimeoutSeconds);
            Run(ProvisioningCommands.Noun, host => ProvisioningCommands.WaitAsync(host, tenants, timeout, ProvisioningCommands.DefaultPollInterval));
        }

        private DigitalChannelsConnection TenantOf(object item)
        {
            switch (item)
            {
                case DigitalChannelsConnection connection: return connection;
                case LabPod pod: return pod.Connection;
                case DigitalChannelsProvisioning _: return CurrentConnection;
                default:
                    ThrowTerminatingError(new ErrorRecord(
                        new ArgumentException($"'{item}' ({item?.GetType().Name}) is not a tenant to wait for: pipe lab pods, connections or the output of Start-DigitalChannelsProvisioning."),
                        ProvisioningCommands.Noun + "InvalidArgument", ErrorCategory.InvalidArgument, item));
                    return null;
            }
        }
    }
}
