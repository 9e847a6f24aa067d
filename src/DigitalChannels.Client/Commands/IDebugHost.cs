namespace DigitalChannels.Client.Commands
{
    /// <summary>
    /// A host that shows debug output (PowerShell's debug stream: -Debug or $DebugPreference). Optional: hosts without
    /// it get no debug output, and nothing is formatted for them.
    /// </summary>
    public interface IDebugHost
    {
        /// <summary>Whether debug output is wanted at all; asked once per command, so that nothing is built for nobody.</summary>
        bool IsDebugEnabled { get; }

        void WriteDebug(string message);
    }
}
