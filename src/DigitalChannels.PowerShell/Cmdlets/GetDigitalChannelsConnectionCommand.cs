using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Threading.Tasks;
using DigitalChannels.Client;
using DigitalChannels.Client.Commands;
using DigitalChannels.PowerShell.Base;
using DigitalChannels.PowerShell.Base.Completion;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>
    /// Writes this session's current connection (a terminating NotConnected error when there is none), the one of a
    /// name, or with -ListAvailable every connection of the session and every saved sign-in (as Get-AzContext -ListAvailable).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "DigitalChannelsConnection", DefaultParameterSetName = CurrentSet, HelpUri = HelpLinks.Docs + "Get-DigitalChannelsConnection.md")]
    [OutputType(typeof(DigitalChannelsConnection), ParameterSetName = new[] { CurrentSet, NameSet })]
    [OutputType(typeof(DigitalChannelsConnectionInfo), ParameterSetName = new[] { ListSet })]
    public sealed class GetDigitalChannelsConnectionCommand : DigitalChannelsCmdlet
    {
        public const string CurrentSet = "Current";
        public const string NameSet = "Name";
        public const string ListSet = "ListAvailable";

        /// <summary>A connection of this session by its name.</summary>
        [Parameter(ParameterSetName = NameSet, Mandatory = true, Position = 0, HelpMessage = "The name of a connection of this session.")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        public string Name { get; set; }

        /// <summary>Every connection of this session and every saved sign-in: name, where, organization, who, current, saved.</summary>
        [Parameter(ParameterSetName = ListSet, Mandatory = true)]
        public SwitchParameter ListAvailable { get; set; }

        protected override void Execute()
        {
            var runspace = Runspace.DefaultRunspace;
            Run(ConnectionCommands.Noun, host =>
            {
                ConnectionCommands.Get(host, runspace, Name, ListAvailable.IsPresent);
                return Task.CompletedTask;
            });
        }
    }
}
