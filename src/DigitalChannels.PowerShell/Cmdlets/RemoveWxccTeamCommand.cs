using System.Management.Automation;
using DigitalChannels.Client.ContactCenter;
using DigitalChannels.PowerShell.Base;
using DigitalChannels.PowerShell.Base.Completion;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>Deletes a Contact Center team; one still referred to is refused with the names of what refers to it.</summary>
    [Cmdlet(VerbsCommon.Remove, "WxccTeam", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = HelpLinks.Docs + "Remove-WxccTeam.md")]
    [OutputType(typeof(void))]
    public sealed class RemoveWxccTeamCommand : DigitalChannelsConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true,
            HelpMessage = "The team: an object from Get-WxccTeam, its id or its exact name.")]
        [ValidateNotNull]
        [Alias("Name")]
        [ArgumentCompleter(typeof(WxccTeamNameCompleter))]
        [SupportsWildcards]
        public TeamIdentity Identity { get; set; }

        protected override void Execute()
        {
            var connection = CurrentConnection;
            var identity = Identity;
            Run(TeamCommands.Noun, host => TeamCommands.RemoveAsync(host, connection, identity), identity);
        }
    }
}
