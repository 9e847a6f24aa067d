using System.Management.Automation;
using DigitalChannels.Client.Lab;
using DigitalChannels.Client.Lab.Definition;

namespace DigitalChannels.PowerShell.Base
{
    /// <summary>
    /// The -Definition and -FlowPath of the lab cmdlets, as the library takes them: PowerShell's wrappers taken off, and
    /// relative paths made absolute against PowerShell's current location (which is not the process's).
    /// </summary>
    internal static class LabDefinitionArgument
    {
        /// <summary>What PowerShell wraps (a piped value, a hashtable's values): the object inside.</summary>
        public static object Unwrap(object value) => value is PSObject wrapped ? wrapped.BaseObject : value;

        /// <summary>A path as the user wrote it, resolved against the current location; null stays null.</summary>
        public static string ResolvePath(PSCmdlet cmdlet, string path) =>
            string.IsNullOrEmpty(path) ? path : cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);

        /// <summary>
        /// Reads and checks the definition: a path (.psd1 or .json), a hashtable (Import-PowerShellDataFile), a
        /// definition from Get-DigitalChannelsLabDefinition, or, when none is given, the shipped Labs/Lab12.psd1.
        /// Call it inside Run, so that a refused definition becomes a DigitalChannelsLab error.
        /// </summary>
        public static LabDefinition Read(PSCmdlet cmdlet, object definition, string flowPath)
        {
            var value = Unwrap(definition);
            if (value is string path) value = ResolvePath(cmdlet, path);
            var baseDirectory = cmdlet.SessionState.Path.CurrentFileSystemLocation.ProviderPath;
            return LabDefinitionFile.From(value ?? LabDefinitionFile.ShippedPath(), ResolvePath(cmdlet, flowPath), Unwrap, baseDirectory);
        }
    }
}
