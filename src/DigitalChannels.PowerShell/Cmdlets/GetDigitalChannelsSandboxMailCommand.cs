using System.Management.Automation;
using DigitalChannels.Client.Sandbox;
using DigitalChannels.PowerShell.Base;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>Reads the sandbox's outbox: the mails it would have sent (invitations, activation), newest first. Sandbox only.</summary>
    [Cmdlet(VerbsCommon.Get, "DigitalChannelsSandboxMail", HelpUri = HelpLinks.Docs + "Get-DigitalChannelsSandboxMail.md")]
    [OutputType(typeof(SandboxMail))]
    public sealed class GetDigitalChannelsSandboxMailCommand : DigitalChannelsConnectedCmdlet
    {
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true, HelpMessage = "Only mails to this address.")]
        [Alias("Email")]
        public string To { get; set; }

        [Parameter(HelpMessage = "Only mails of this kind, such as TeammateInvitation.")]
        public string Kind { get; set; }

        [Parameter(HelpMessage = "Only the newest matching mail.")]
        public SwitchParameter Newest { get; set; }

        protected override void Execute()
        {
            var connection = CurrentConnection;
            var (to, kind, newest) = (To, Kind, Newest.IsPresent);
            Run(SandboxMailCommands.Noun, host => SandboxMailCommands.GetAsync(host, connection, to, kind, newest), to);
        }
    }
}
