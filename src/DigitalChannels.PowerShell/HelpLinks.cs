namespace DigitalChannels.PowerShell
{
    /// <summary>
    /// Where Get-Help -Online goes: every cmdlet's HelpUri is its page in docs/ on the repository, the ProjectUri of the
    /// module manifest. One place, so that a moved repository changes one line (and the pages' "online version:",
    /// which a test holds equal to HelpUri).
    /// </summary>
    internal static class HelpLinks
    {
        public const string ProjectUri = "https://github.com/digitalchannels/DigitalChannels";

        /// <summary>The folder of the cmdlet pages; a cmdlet's HelpUri is this plus "Verb-Noun.md".</summary>
        public const string Docs = ProjectUri + "/blob/main/docs/";
    }
}
