using System.Management.Automation;
using DigitalChannels.Client.Connect.Teammates;
using DigitalChannels.PowerShell.Base;
using DigitalChannels.PowerShell.Base.Completion;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>Changes a Connect teammate's role (Settings → Teammates → Edit).</summary>
    [Cmdlet(VerbsCommon.Set, "ConnectTeammate", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.Docs + "Set-ConnectTeammate.md")]
    [OutputType(typeof(ConnectTeammate))]
    public sealed class SetConnectTeammateCommand : DigitalChannelsConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true,
            HelpMessage = "The teammate: an object from Get-ConnectTeammate, its id or its email.")]
        [ValidateNotNull]
        [Alias("Email")]
        [ArgumentCompleter(typeof(ConnectTeammateEmailCompleter))]
        [SupportsWildcards]
        public ConnectTeammateIdentity Identity { get; set; }

        [Parameter(Mandatory = true, HelpMessage = "The new role: FullAccess, LimitedAccess, ReadOnly or Restricted.")]
        [ValidateSet(nameof(ConnectTeammateRole.FullAccess), nameof(ConnectTeammateRole.LimitedAccess), nameof(ConnectTeammateRole.ReadOnly), nameof(ConnectTeammateRole.Restricted))]
        [EnumWords(typeof(ConnectTeammateRole))]
        public ConnectTeammateRole Role { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void Execute()
        {
            var connection = CurrentConnection;
            var (identity, role, passThru) = (Identity, Role, PassThru.IsPresent);
            Run(ConnectTeammateCommands.Noun, host => ConnectTeammateCommands.SetAsync(host, connection, identity, role, passThru), identity);
        }
    }
}
