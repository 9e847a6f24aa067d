using System.Management.Automation;
using DigitalChannels.Client.Connect.Templates;
using DigitalChannels.PowerShell.Base;
using DigitalChannels.PowerShell.Base.Completion;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>Creates a Connect message template (the portal's Tools > Templates > Add New Template).</summary>
    [Cmdlet(VerbsCommon.New, "ConnectTemplate", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.Docs + "New-ConnectTemplate.md")]
    [OutputType(typeof(ConnectTemplate))]
    public sealed class NewConnectTemplateCommand : DigitalChannelsConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, HelpMessage = "The template name; unique in the organization regardless of case.")]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; }

        /// <summary>sms, email, whatsapp, messenger, livechat, applebusinesschat or rcs; checked by the library, which lists them.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, HelpMessage = "The channel: sms, email, whatsapp, messenger, livechat, applebusinesschat or rcs.")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ConnectTemplateChannelCompleter))]
        public string Channel { get; set; }

        /// <summary>The message type the channel allows; omitted, the channel's first (Text; RichText for livechat).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ConnectTemplateContentTypeCompleter))]
        public string ContentType { get; set; }

        /// <summary>Email templates only, and required for them.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string Subject { get; set; }

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true, HelpMessage = "The message; $(name) placeholders are filled from the flow's variables.")]
        [ValidateNotNullOrEmpty]
        public string Body { get; set; }

        protected override void Execute()
        {
            var connection = CurrentConnection;
            Run(ConnectTemplateCommands.Noun, host => ConnectTemplateCommands.NewAsync(host, connection, Name, Channel, ContentType, Subject, Body), Name);
        }
    }
}
