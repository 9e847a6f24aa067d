using System.Management.Automation;
using DigitalChannels.Client.Provisioning;
using DigitalChannels.PowerShell.Base;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>Sandbox operator: creates a tenant (Contact Center ready, Digital Channels not provisioned) and returns its administrator's app credentials.</summary>
    [Cmdlet(VerbsCommon.New, "DigitalChannelsSandboxTenant", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.Docs + "New-DigitalChannelsSandboxTenant.md")]
    [OutputType(typeof(SandboxTenant))]
    public sealed class NewDigitalChannelsSandboxTenantCommand : DigitalChannelsConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, HelpMessage = "The organization's name.")]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; }

        [Parameter(Mandatory = true, HelpMessage = "The email of the tenant's Control Hub administrator.")]
        [ValidateNotNullOrEmpty]
        public string AdministratorEmail { get; set; }

        [Parameter(HelpMessage = "The administrator's display name (default: the email).")]
        public string AdministratorName { get; set; }

        [Parameter(HelpMessage = "The Contact Center setting Digital Channel (default 'IMI Digital').")]
        public string DigitalChannel { get; set; }

        protected override void Execute()
        {
            var connection = CurrentConnection;
            var (name, email, display, channel) = (Name, AdministratorEmail, AdministratorName, DigitalChannel);
            Run(ProvisioningCommands.TenantNoun, host => ProvisioningCommands.NewSandboxTenantAsync(host, connection, name, email, display, channel), name);
        }
    }
}
