using System.Management.Automation;
using DigitalChannels.Client.Engage.Blocklist;
using DigitalChannels.PowerShell.Base;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>Adds words to the Engage blocklist; each word is added on its own, so one refused word does not stop the others.</summary>
    [Cmdlet(VerbsCommon.Add, "EngageBlockedWord", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.Docs + "Add-EngageBlockedWord.md")]
    [OutputType(typeof(EngageBlockedWord))]
    public sealed class AddEngageBlockedWordCommand : DigitalChannelsConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, HelpMessage = "The words to block.")]
        [AllowEmptyString]
        public string[] Word { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void Execute()
        {
            var connection = CurrentConnection;
            var words = Word;
            Run(EngageBlockedWordCommands.Noun, host => EngageBlockedWordCommands.AddAsync(host, connection, words, PassThru.IsPresent));
        }
    }
}
