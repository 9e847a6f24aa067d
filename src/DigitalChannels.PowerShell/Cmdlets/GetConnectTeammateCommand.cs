using System.Management.Automation;
using DigitalChannels.Client.Connect.Teammates;
using DigitalChannels.PowerShell.Base;
using DigitalChannels.PowerShell.Base.Completion;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>Gets Connect teammates (Settings → Teammates): all, by email (wildcards allowed) or by id.</summary>
    [Cmdlet(VerbsCommon.Get, "ConnectTeammate", DefaultParameterSetName = ByEmailSet, HelpUri = HelpLinks.Docs + "Get-ConnectTeammate.md")]
    [OutputType(typeof(ConnectTeammate))]
    public sealed class GetConnectTeammateCommand : DigitalChannelsConnectedCmdlet
    {
        public const string ByEmailSet = "ByEmail";
        public const string ByIdSet = "ById";

        [Parameter(ParameterSetName = ByEmailSet, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true,
            HelpMessage = "The teammate's email, or a wildcard pattern such as '*@example.com'. Omit it to get every teammate you can see.")]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(ConnectTeammateEmailCompleter))]
        public string Email { get; set; }

        [Parameter(ParameterSetName = ByIdSet, Mandatory = true, ValueFromPipelineByPropertyName = true, HelpMessage = "The teammate's id.")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; }

        protected override void Execute()
        {
            var connection = CurrentConnection;
            var id = ParameterSetName == ByIdSet ? Id : null;
            var email = ParameterSetName == ByEmailSet ? Email : null;
            Run(ConnectTeammateCommands.Noun, host => ConnectTeammateCommands.GetAsync(host, connection, id, email), (object)id ?? email);
        }
    }
}
