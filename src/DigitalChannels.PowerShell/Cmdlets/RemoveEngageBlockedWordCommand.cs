using System.Management.Automation;
using DigitalChannels.Client.Engage.Blocklist;
using DigitalChannels.PowerShell.Base;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>Removes words from the Engage blocklist.</summary>
    [Cmdlet(VerbsCommon.Remove, "EngageBlockedWord", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = HelpLinks.Docs + "Remove-EngageBlockedWord.md")]
    [OutputType(typeof(void))]
    public sealed class RemoveEngageBlockedWordCommand : DigitalChannelsConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, HelpMessage = "The words to unblock.")]
        [AllowEmptyString]
        public string[] Word { get; set; }

        protected override void Execute()
        {
            var connection = CurrentConnection;
            var words = Word;
            Run(EngageBlockedWordCommands.Noun, host => EngageBlockedWordCommands.RemoveAsync(host, connection, words));
        }
    }
}
