using System.Management.Automation;
using DigitalChannels.Client.ContactCenter;
using DigitalChannels.PowerShell.Base;
using DigitalChannels.PowerShell.Base.Completion;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>Gets Contact Center users (the contact-center settings of directory users): all, by email (wildcards allowed) or by id.</summary>
    [Cmdlet(VerbsCommon.Get, "WxccUser", DefaultParameterSetName = ByEmailSet, HelpUri = HelpLinks.Docs + "Get-WxccUser.md")]
    [OutputType(typeof(ContactCenterUser))]
    public sealed class GetWxccUserCommand : DigitalChannelsConnectedCmdlet
    {
        public const string ByEmailSet = "ByEmail";
        public const string ByIdSet = "ById";

        [Parameter(ParameterSetName = ByEmailSet, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true,
            HelpMessage = "The user's email, or a wildcard pattern such as '*@example.com'. Omit it to get every user.")]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(WxccUserEmailCompleter))]
        public string Email { get; set; }

        [Parameter(ParameterSetName = ByIdSet, Mandatory = true, ValueFromPipelineByPropertyName = true,
            HelpMessage = "The Contact Center user id.")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; }

        protected override void Execute()
        {
            var connection = CurrentConnection;
            var id = ParameterSetName == ByIdSet ? Id : null;
            var email = ParameterSetName == ByEmailSet ? Email : null;
            Run(WxccUserCommands.Noun, host => WxccUserCommands.GetAsync(host, connection, id, email), (object)id ?? email);
        }
    }
}
