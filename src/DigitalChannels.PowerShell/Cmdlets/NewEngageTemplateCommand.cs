using System.Management.Automation;
using DigitalChannels.Client.Engage.Templates;
using DigitalChannels.PowerShell.Base;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>Creates an Engage template, a quick reply agents pick in their console (Admin → Assets → Templates).</summary>
    [Cmdlet(VerbsCommon.New, "EngageTemplate", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.Docs + "New-EngageTemplate.md")]
    [OutputType(typeof(EngageTemplate))]
    public sealed class NewEngageTemplateCommand : DigitalChannelsConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, HelpMessage = "The template name; unique in the organization.")]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; }

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, HelpMessage = "The channels whose agents are offered the template.")]
        [ValidateSet("chat", "email", "sms", "messenger", "whatsapp", IgnoreCase = true)]
        public string[] Channel { get; set; }

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true, HelpMessage = "The message text.")]
        [ValidateNotNullOrEmpty]
        public string Text { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string Category { get; set; }

        protected override void Execute()
        {
            var connection = CurrentConnection;
            Run(EngageTemplateCommands.Noun, host => EngageTemplateCommands.NewAsync(host, connection, Name, Channel, Text, Category), Name);
        }
    }
}
