using System.Management.Automation;
using DigitalChannels.Client.Lab;
using DigitalChannels.PowerShell.Base;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>
    /// Drift: compares a tenant with a lab definition and writes one LabDrift per difference (object, property, expected,
    /// actual), the objects the tenant has that the definition does not, and with -IncludeEqual everything. Read-only.
    /// </summary>
    [Cmdlet(VerbsData.Compare, "DigitalChannelsLab", HelpUri = HelpLinks.Docs + "Compare-DigitalChannelsLab.md")]
    [OutputType(typeof(LabDrift))]
    public sealed class CompareDigitalChannelsLabCommand : DigitalChannelsConnectedCmdlet
    {
        [Parameter(Position = 0, HelpMessage = "A definition file (.psd1 or .json), a hashtable, or a definition from Get-DigitalChannelsLabDefinition. Omit it for the shipped Lab 12 definition.")]
        public object Definition { get; set; }

        [Parameter(HelpMessage = "The folder of the .workflow files; it replaces Connect.FlowsFolder of the definition.")]
        [ValidateNotNullOrEmpty]
        public string FlowPath { get; set; }

        [Parameter(HelpMessage = "The pod's id, which replaces {Pod} in the definition.")]
        [ValidateNotNullOrEmpty]
        public string PodId { get; set; }

        [Parameter(HelpMessage = "Lists every compared property, the equal ones too (Kind Same).")]
        public SwitchParameter IncludeEqual { get; set; }

        protected override void Execute()
        {
            var connection = CurrentConnection;
            var (definition, flowPath, podId, includeEqual) = (Definition, FlowPath, PodId, IncludeEqual.IsPresent);
            Run(LabCommands.Noun, host =>
            {
                var read = LabDefinitionArgument.Read(this, definition, flowPath);
                return LabCommands.CompareAsync(host, new[] { LabCommands.SinglePod(connection, read, podId) }, read, null, includeEqual);
            });
        }
    }
}
