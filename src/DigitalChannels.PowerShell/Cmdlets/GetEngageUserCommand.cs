using System.Management.Automation;
using DigitalChannels.Client.Engage.Users;
using DigitalChannels.PowerShell.Base;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>Engage → Admin → Users: the replicated Contact Center administrators and agents, without the signed-in user.</summary>
    [Cmdlet(VerbsCommon.Get, "EngageUser", HelpUri = HelpLinks.Docs + "Get-EngageUser.md")]
    [OutputType(typeof(EngageUser))]
    public sealed class GetEngageUserCommand : DigitalChannelsConnectedCmdlet
    {
        [Parameter(HelpMessage = "Only users of this role type.")]
        [ValidateSet("Administrative", "Customer Care")]
        public string RoleType { get; set; }

        [Parameter(HelpMessage = "Only users with this status.")]
        [ValidateSet("Active", "Inactive")]
        public string Status { get; set; }

        [Parameter(Position = 0, HelpMessage = "Text contained in the name or email.")]
        public string Search { get; set; }

        protected override void Execute()
        {
            var connection = CurrentConnection;
            var (roleType, status, search) = (RoleType, Status, Search);
            Run(EngageUserCommands.Noun, host => EngageUserCommands.GetAsync(host, connection, roleType, status, search));
        }
    }
}
