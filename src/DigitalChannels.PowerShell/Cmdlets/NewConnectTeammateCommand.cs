using System.Management.Automation;
using DigitalChannels.Client.Connect.Teammates;
using DigitalChannels.PowerShell.Base;
using DigitalChannels.PowerShell.Base.Completion;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>Invites a Connect teammate (Settings → Teammates → Invite user); the join link goes out by mail, valid 24 hours.</summary>
    [Cmdlet(VerbsCommon.New, "ConnectTeammate", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.Docs + "New-ConnectTeammate.md")]
    [OutputType(typeof(ConnectTeammate))]
    public sealed class NewConnectTeammateCommand : DigitalChannelsConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, HelpMessage = "A working email address of the new teammate.")]
        [ValidateNotNullOrEmpty]
        public string Email { get; set; }

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true,
            HelpMessage = "The role: FullAccess, LimitedAccess, ReadOnly or Restricted (the Owner role is not self-service).")]
        [ValidateSet(nameof(ConnectTeammateRole.FullAccess), nameof(ConnectTeammateRole.LimitedAccess), nameof(ConnectTeammateRole.ReadOnly), nameof(ConnectTeammateRole.Restricted))]
        [EnumWords(typeof(ConnectTeammateRole))]
        public ConnectTeammateRole Role { get; set; }

        [Parameter(HelpMessage = "The group to invite the teammate into: an object from Get-ConnectGroup, its id or its name.")]
        [ValidateNotNull]
        [ArgumentCompleter(typeof(ConnectGroupNameCompleter))]
        [SupportsWildcards]
        public ConnectGroupIdentity Group { get; set; }

        [Parameter(HelpMessage = "The team to invite the teammate into: an object from Get-ConnectTeam, its id or its name.")]
        [ValidateNotNull]
        [ArgumentCompleter(typeof(ConnectTeamNameCompleter))]
        [SupportsWildcards]
        public ConnectTeamIdentity Team { get; set; }

        protected override void Execute()
        {
            var connection = CurrentConnection;
            var (email, role, group, team) = (Email, Role, Group, Team);
            Run(ConnectTeammateCommands.Noun, host => ConnectTeammateCommands.NewAsync(host, connection, email, role, group, team), email);
        }
    }
}
