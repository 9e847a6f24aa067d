using System.Management.Automation;
using DigitalChannels.Client.Connect.Templates;
using DigitalChannels.PowerShell.Base;
using DigitalChannels.PowerShell.Base.Completion;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>Deletes a Connect message template. High impact: asks for confirmation unless -Confirm:$false.</summary>
    [Cmdlet(VerbsCommon.Remove, "ConnectTemplate", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = HelpLinks.Docs + "Remove-ConnectTemplate.md")]
    [OutputType(typeof(void))]
    public sealed class RemoveConnectTemplateCommand : DigitalChannelsConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true,
            HelpMessage = "The template: an object from Get-ConnectTemplate, its id or its exact name.")]
        [ValidateNotNull]
        [Alias("Name")]
        [ArgumentCompleter(typeof(ConnectTemplateNameCompleter))]
        [SupportsWildcards]
        public ConnectTemplateIdentity Identity { get; set; }

        protected override void Execute()
        {
            var connection = CurrentConnection;
            var identity = Identity;
            Run(ConnectTemplateCommands.Noun, host => ConnectTemplateCommands.RemoveAsync(host, connection, identity), identity);
        }
    }
}
