using System.Management.Automation;
using DigitalChannels.Client.Engage.Templates;
using DigitalChannels.PowerShell.Base;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>Gets Engage templates (quick replies): all, by name (wildcards allowed), by id, or as Customer Care shows them.</summary>
    [Cmdlet(VerbsCommon.Get, "EngageTemplate", DefaultParameterSetName = ByNameSet, HelpUri = HelpLinks.Docs + "Get-EngageTemplate.md")]
    [OutputType(typeof(EngageTemplate))]
    public sealed class GetEngageTemplateCommand : DigitalChannelsConnectedCmdlet
    {
        public const string ByNameSet = "ByName";
        public const string ByIdSet = "ById";

        [Parameter(ParameterSetName = ByNameSet, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, HelpMessage = "The template name, or a wildcard pattern such as 'Greet*'. Omit it to get every template.")]
        [SupportsWildcards]
        public string Name { get; set; }

        [Parameter(ParameterSetName = ByIdSet, Mandatory = true, ValueFromPipelineByPropertyName = true, HelpMessage = "The template id.")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; }

        /// <summary>Only the templates offered on this channel.</summary>
        [Parameter]
        [ValidateSet("chat", "email", "sms", "messenger", "whatsapp", IgnoreCase = true)]
        public string Channel { get; set; }

        /// <summary>Read them as the Customer Care portal shows them to agents (Settings → Manage → Template).</summary>
        [Parameter(ParameterSetName = ByNameSet)]
        public SwitchParameter CustomerCare { get; set; }

        protected override void Execute()
        {
            var connection = CurrentConnection;
            var id = ParameterSetName == ByIdSet ? Id : null;
            var name = ParameterSetName == ByNameSet ? Name : null;
            var channel = Channel;
            Run(EngageTemplateCommands.Noun, host => EngageTemplateCommands.GetAsync(host, connection, id, name, channel, CustomerCare.IsPresent), (object)id ?? name);
        }
    }
}
