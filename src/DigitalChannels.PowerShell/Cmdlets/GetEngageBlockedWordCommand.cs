using System.Management.Automation;
using DigitalChannels.Client.Engage.Blocklist;
using DigitalChannels.PowerShell.Base;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>Gets the words on the Engage blocklist (Customer Care → Settings → Manage → Blocklist).</summary>
    [Cmdlet(VerbsCommon.Get, "EngageBlockedWord", HelpUri = HelpLinks.Docs + "Get-EngageBlockedWord.md")]
    [OutputType(typeof(EngageBlockedWord))]
    public sealed class GetEngageBlockedWordCommand : DigitalChannelsConnectedCmdlet
    {
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, HelpMessage = "A word or wildcard pattern. Omit it to get the whole blocklist.")]
        [SupportsWildcards]
        public string Word { get; set; }

        protected override void Execute()
        {
            var connection = CurrentConnection;
            var word = Word;
            Run(EngageBlockedWordCommands.Noun, host => EngageBlockedWordCommands.GetAsync(host, connection, word), word);
        }
    }
}
