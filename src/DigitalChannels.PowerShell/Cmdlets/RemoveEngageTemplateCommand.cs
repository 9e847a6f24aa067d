using System.Management.Automation;
using DigitalChannels.Client.Engage.Templates;
using DigitalChannels.PowerShell.Base;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>Deletes an Engage template; agents are no longer offered it.</summary>
    [Cmdlet(VerbsCommon.Remove, "EngageTemplate", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = HelpLinks.Docs + "Remove-EngageTemplate.md")]
    [OutputType(typeof(void))]
    public sealed class RemoveEngageTemplateCommand : DigitalChannelsConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, HelpMessage = "The template: an object from Get-EngageTemplate, its id or its exact name.")]
        [ValidateNotNull]
        [Alias("Name")]
        [SupportsWildcards]
        public EngageTemplateIdentity Identity { get; set; }

        protected override void Execute()
        {
            var connection = CurrentConnection;
            var identity = Identity;
            Run(EngageTemplateCommands.Noun, host => EngageTemplateCommands.RemoveAsync(host, connection, identity), identity);
        }
    }
}
