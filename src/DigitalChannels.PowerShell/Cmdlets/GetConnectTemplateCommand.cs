using System.Management.Automation;
using DigitalChannels.Client.Connect.Templates;
using DigitalChannels.PowerShell.Base;
using DigitalChannels.PowerShell.Base.Completion;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>Gets Connect message templates: all, by name (wildcards allowed) or by id, optionally of one channel.</summary>
    [Cmdlet(VerbsCommon.Get, "ConnectTemplate", DefaultParameterSetName = ByNameSet, HelpUri = HelpLinks.Docs + "Get-ConnectTemplate.md")]
    [OutputType(typeof(ConnectTemplate))]
    public sealed class GetConnectTemplateCommand : DigitalChannelsConnectedCmdlet
    {
        public const string ByNameSet = "ByName";
        public const string ByIdSet = "ById";

        /// <summary>A name or wildcard pattern; a plain name that matches nothing is an error, a pattern is not.</summary>
        [Parameter(ParameterSetName = ByNameSet, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true,
            HelpMessage = "The template name, or a wildcard pattern such as 'Greet*'. Omit it to get every template.")]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(ConnectTemplateNameCompleter))]
        public string Name { get; set; }

        [Parameter(ParameterSetName = ByIdSet, Mandatory = true, ValueFromPipelineByPropertyName = true, HelpMessage = "The template id.")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; }

        /// <summary>Only the templates of this channel.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ConnectTemplateChannelCompleter))]
        public string Channel { get; set; }

        protected override void Execute()
        {
            var connection = CurrentConnection;
            var id = ParameterSetName == ByIdSet ? Id : null;
            var name = ParameterSetName == ByNameSet ? Name : null;
            var channel = Channel;
            Run(ConnectTemplateCommands.Noun, host => ConnectTemplateCommands.GetAsync(host, connection, id, name, channel), (object)id ?? name);
        }
    }
}
