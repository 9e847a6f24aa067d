using System.Management.Automation;
using DigitalChannels.Client.Connect;
using DigitalChannels.PowerShell.Base;
using DigitalChannels.PowerShell.Base.Completion;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>Gets Connect services: all, by name (wildcards allowed) or by Service ID.</summary>
    [Cmdlet(VerbsCommon.Get, "ConnectService", DefaultParameterSetName = ByNameSet, HelpUri = HelpLinks.Docs + "Get-ConnectService.md")]
    [OutputType(typeof(ConnectService))]
    public sealed class GetConnectServiceCommand : DigitalChannelsConnectedCmdlet
    {
        public const string ByNameSet = "ByName";
        public const string ByIdSet = "ById";

        /// <summary>A name or wildcard pattern; a plain name that matches nothing is an error, a pattern is not.</summary>
        [Parameter(ParameterSetName = ByNameSet, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true,
            HelpMessage = "The service name, or a wildcard pattern such as 'Lab*'. Omit it to get every service.")]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(ConnectServiceNameCompleter))]
        public string Name { get; set; }

        /// <summary>The Service ID of the portal's API tab.</summary>
        [Parameter(ParameterSetName = ByIdSet, Mandatory = true, ValueFromPipelineByPropertyName = true,
            HelpMessage = "The Service ID (the API tab of the service in the portal).")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; }

        /// <summary>Also read the Service Secret of the API tab; left empty unless asked for.</summary>
        [Parameter]
        public SwitchParameter IncludeSecret { get; set; }

        protected override void Execute()
        {
            var connection = CurrentConnection;
            var id = ParameterSetName == ByIdSet ? Id : null;
            var name = ParameterSetName == ByNameSet ? Name : null;
            Run(ConnectServiceCommands.Noun, host => ConnectServiceCommands.GetAsync(host, connection, id, name, IncludeSecret.IsPresent), (object)id ?? name);
        }
    }
}
