using System.Management.Automation;
using DigitalChannels.Client.ContactCenter;
using DigitalChannels.PowerShell.Base;
using DigitalChannels.PowerShell.Base.Completion;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>Gets Contact Center multimedia profiles: all of them, by name (wildcards allowed) or by id. Every page is read.</summary>
    [Cmdlet(VerbsCommon.Get, "WxccMultimediaProfile", DefaultParameterSetName = ByNameSet, HelpUri = HelpLinks.Docs + "Get-WxccMultimediaProfile.md")]
    [OutputType(typeof(MultimediaProfile))]
    public sealed class GetWxccMultimediaProfileCommand : DigitalChannelsConnectedCmdlet
    {
        public const string ByNameSet = "ByName";
        public const string ByIdSet = "ById";

        /// <summary>A name or wildcard pattern; a plain name that matches nothing is an error, a pattern is not.</summary>
        [Parameter(ParameterSetName = ByNameSet, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true,
            HelpMessage = "The multimedia profile name, or a wildcard pattern. Omit it to get every multimedia profile.")]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(WxccMultimediaProfileNameCompleter))]
        public string Name { get; set; }

        [Parameter(ParameterSetName = ByIdSet, Mandatory = true, ValueFromPipelineByPropertyName = true,
            HelpMessage = "The multimedia profile id.")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; }

        protected override void Execute()
        {
            var connection = CurrentConnection;
            var id = ParameterSetName == ByIdSet ? Id : null;
            var name = ParameterSetName == ByNameSet ? Name : null;
            Run(MultimediaProfileCommands.Noun, host => MultimediaProfileCommands.GetAsync(host, connection, id, name), (object)id ?? name);
        }
    }
}
