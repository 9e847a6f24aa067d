using System.Management.Automation;
using DigitalChannels.Client.Engage.WorkingHours;
using DigitalChannels.PowerShell.Base;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>Gets named Engage working hours: all, by name (wildcards allowed) or by id.</summary>
    [Cmdlet(VerbsCommon.Get, "EngageWorkingHours", DefaultParameterSetName = ByNameSet, HelpUri = HelpLinks.Docs + "Get-EngageWorkingHours.md")]
    [OutputType(typeof(EngageWorkingHours))]
    public sealed class GetEngageWorkingHoursCommand : DigitalChannelsConnectedCmdlet
    {
        public const string ByNameSet = "ByName";
        public const string ByIdSet = "ById";

        [Parameter(ParameterSetName = ByNameSet, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, HelpMessage = "The name, or a wildcard pattern. Omit it to get all working hours.")]
        [SupportsWildcards]
        public string Name { get; set; }

        [Parameter(ParameterSetName = ByIdSet, Mandatory = true, ValueFromPipelineByPropertyName = true, HelpMessage = "The working hours id.")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; }

        protected override void Execute()
        {
            var connection = CurrentConnection;
            var id = ParameterSetName == ByIdSet ? Id : null;
            var name = ParameterSetName == ByNameSet ? Name : null;
            Run(EngageWorkingHoursCommands.Noun, host => EngageWorkingHoursCommands.GetAsync(host, connection, id, name), (object)id ?? name);
        }
    }
}
