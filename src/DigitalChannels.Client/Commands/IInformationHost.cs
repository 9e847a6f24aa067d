namespace DigitalChannels.Client.Commands
{
    /// <summary>
    /// A host that can show informational text to the user by default (PowerShell's information stream with the PSHOST
    /// tag, as Write-Host does; a console's output). Optional: hosts without it get the text as verbose output.
    /// </summary>
    public interface IInformationHost
    {
        void WriteInformation(string message);
    }

    public static class CommandHostExtensions
    {
        /// <summary>Text the user should see without -Verbose, such as a plan before it is applied.</summary>
        public static void WriteInformation(this ICommandHost host, string message)
        {
            if (host is IInformationHost information) information.WriteInformation(message);
            else host.WriteVerbose(message);
        }
    }
}
