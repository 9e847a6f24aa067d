using System.Management.Automation;
using DigitalChannels.Client.Connect.Templates;
using DigitalChannels.PowerShell.Base;
using DigitalChannels.PowerShell.Base.Completion;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>Renames a Connect message template, or changes its content type, subject or body (its channel stays).</summary>
    [Cmdlet(VerbsCommon.Set, "ConnectTemplate", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.Docs + "Set-ConnectTemplate.md")]
    [OutputType(typeof(ConnectTemplate))]
    public sealed class SetConnectTemplateCommand : DigitalChannelsConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true,
            HelpMessage = "The template: an object from Get-ConnectTemplate, its id or its exact name.")]
        [ValidateNotNull]
        [Alias("Name")]
        [ArgumentCompleter(typeof(ConnectTemplateNameCompleter))]
        [SupportsWildcards]
        public ConnectTemplateIdentity Identity { get; set; }

        [Parameter(HelpMessage = "The new name of the template.")]
        [ValidateNotNullOrEmpty]
        public string NewName { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ConnectTemplateContentTypeCompleter))]
        public string ContentType { get; set; }

        /// <summary>Email templates only.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Subject { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Body { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void Execute()
        {
            var connection = CurrentConnection;
            var changes = new ConnectTemplateChanges
            {
                Name = IsParameterBound(nameof(NewName)) ? NewName : null,
                ContentType = IsParameterBound(nameof(ContentType)) ? ContentType : null,
                Subject = IsParameterBound(nameof(Subject)) ? Subject : null,
                Body = IsParameterBound(nameof(Body)) ? Body : null,
            };
            var identity = Identity;
            Run(ConnectTemplateCommands.Noun, host => ConnectTemplateCommands.SetAsync(host, connection, identity, changes, PassThru.IsPresent), identity);
        }
    }
}
