using System.Management.Automation;
using System.Security;
using DigitalChannels.Client.Connect.Teammates;
using DigitalChannels.PowerShell.Base;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>
    /// The invitee's "JOIN THE TEAM" step in the sandbox: sets name and password with the invitation link. Pipe a mail
    /// from Get-DigitalChannelsSandboxMail; its Link binds by property name.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Complete, "ConnectTeammateInvitation", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.Docs + "Complete-ConnectTeammateInvitation.md")]
    [OutputType(typeof(ConnectTeammate))]
    public sealed class CompleteConnectTeammateInvitationCommand : DigitalChannelsConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true,
            HelpMessage = "The JOIN THE TEAM link of the invitation mail (or its token).")]
        [ValidateNotNullOrEmpty]
        public string Link { get; set; }

        [Parameter(Mandatory = true, HelpMessage = "The teammate's name, as the portal shows it.")]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; }

        [Parameter(Mandatory = true, HelpMessage = "The teammate's new password: 8 to 128 characters with a letter and a digit.")]
        [ValidateNotNull]
        public SecureString Password { get; set; }

        protected override void Execute()
        {
            var connection = CurrentConnection;
            var (link, name, password) = (Link, Name, Password);
            Run(ConnectTeammateCommands.InvitationNoun, host => ConnectTeammateCommands.CompleteInvitationAsync(host, connection, link, name, password), name);
        }
    }
}
