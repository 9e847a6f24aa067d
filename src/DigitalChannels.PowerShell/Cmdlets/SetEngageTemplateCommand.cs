using System.Management.Automation;
using DigitalChannels.Client.Engage.Templates;
using DigitalChannels.PowerShell.Base;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>Renames an Engage template, or changes its channels, text or category.</summary>
    [Cmdlet(VerbsCommon.Set, "EngageTemplate", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.Docs + "Set-EngageTemplate.md")]
    [OutputType(typeof(EngageTemplate))]
    public sealed class SetEngageTemplateCommand : DigitalChannelsConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, HelpMessage = "The template: an object from Get-EngageTemplate, its id or its exact name.")]
        [ValidateNotNull]
        [Alias("Name")]
        [SupportsWildcards]
        public EngageTemplateIdentity Identity { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string NewName { get; set; }

        /// <summary>Replaces the channels the template is offered on.</summary>
        [Parameter]
        [ValidateSet("chat", "email", "sms", "messenger", "whatsapp", IgnoreCase = true)]
        public string[] Channel { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Text { get; set; }

        /// <summary>The new category; an empty string clears it.</summary>
        [Parameter]
        [AllowEmptyString]
        public string Category { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void Execute()
        {
            var connection = CurrentConnection;
            var changes = new EngageTemplateChanges
            {
                Name = IsParameterBound(nameof(NewName)) ? NewName : null,
                Channels = IsParameterBound(nameof(Channel)) ? Channel : null,
                Text = IsParameterBound(nameof(Text)) ? Text : null,
                Category = IsParameterBound(nameof(Category)) ? Category ?? string.Empty : null,
            };
            var identity = Identity;
            Run(EngageTemplateCommands.Noun, host => EngageTemplateCommands.SetAsync(host, connection, identity, changes, PassThru.IsPresent), identity);
        }
    }
}
