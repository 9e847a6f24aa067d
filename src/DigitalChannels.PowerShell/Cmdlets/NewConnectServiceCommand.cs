using System.Management.Automation;
using DigitalChannels.Client.Connect;
using DigitalChannels.PowerShell.Base;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>Creates a Webex Connect service (the portal's Services > CREATE NEW SERVICE).</summary>
    [Cmdlet(VerbsCommon.New, "ConnectService", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.Docs + "New-ConnectService.md")]
    [OutputType(typeof(ConnectService))]
    public sealed class NewConnectServiceCommand : DigitalChannelsConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true,
            HelpMessage = "The name of the new Connect service; it must be unique in the organization.")]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string Description { get; set; }

        protected override void Execute()
        {
            var connection = CurrentConnection;
            Run(ConnectServiceCommands.Noun, host => ConnectServiceCommands.NewAsync(host, connection, Name, Description), Name);
        }
    }
}
