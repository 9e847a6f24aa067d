using System.Management.Automation;
using DigitalChannels.Client.Connect.Teammates;
using DigitalChannels.PowerShell.Base;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>Creates a Connect group (Settings → Groups/Teams). Only the tenant Owner may.</summary>
    [Cmdlet(VerbsCommon.New, "ConnectGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.Docs + "New-ConnectGroup.md")]
    [OutputType(typeof(ConnectGroup))]
    public sealed class NewConnectGroupCommand : DigitalChannelsConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true,
            HelpMessage = "The name of the new group; it must be unique in the tenant.")]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; }
        protected override void Execute()
        {
            var connection = CurrentConnection;
            var name = Name;
            Run(ConnectContainerCommands.GroupNoun, host => ConnectContainerCommands.NewGroupAsync(host, connection, name), name);
        }
    }
}
