using System.Management.Automation;
using DigitalChannels.Client.Lab;
using DigitalChannels.Client.Lab.Definition;
using DigitalChannels.PowerShell.Base;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>
    /// Reads and checks a lab definition (.psd1 or .json), by default the one the module ships (Labs/Lab12.psd1).
    /// Local files only: no tenant, so no -Connection.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "DigitalChannelsLabDefinition", HelpUri = HelpLinks.Docs + "Get-DigitalChannelsLabDefinition.md")]
    [OutputType(typeof(LabDefinition))]
    public sealed class GetDigitalChannelsLabDefinitionCommand : DigitalChannelsCmdlet
    {
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true,
            HelpMessage = "The lab definition file (.psd1 or .json). Omit it for the definition the module ships.")]
        [Alias("FullName")]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; }

        [Parameter(HelpMessage = "The folder of the .workflow files; it replaces Connect.FlowsFolder of the definition.")]
        [ValidateNotNullOrEmpty]
        public string FlowPath { get; set; }

        protected override void Execute()
        {
            var (path, flowPath) = (Path, FlowPath);
            Run(LabCommands.Noun, host => LabCommands.GetDefinitionAsync(host,
                LabDefinitionArgument.ResolvePath(this, path), LabDefinitionArgument.ResolvePath(this, flowPath)), path);
        }
    }
}
