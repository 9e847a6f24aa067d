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
    /// Makes a connection of this session, by name, the current one: what cmdlets use without -Connection (as
    /// Select-AzContext). Not a change on any server, so no ShouldProcess.
    /// </summary>
    [Cmdlet(VerbsCommon.Select, "DigitalChannelsConnection", HelpUri = HelpLinks.Docs + "Select-DigitalChannelsConnection.md")]
    [OutputType(typeof(DigitalChannelsConnection))]
    public sealed class SelectDigitalChannelsConnectionCommand : DigitalChannelsCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, HelpMessage = "The name of a connection of this session.")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        public string Name { get; set; }

        /// <summary>Also write the connection to the pipeline.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void Execute()
        {
            var runspace = Runspace.DefaultRunspace;
            Run(ConnectionCommands.Noun, host =>
            {
                ConnectionCommands.Select(host, runspace, Name, PassThru.IsPresent);
                return Task.CompletedTask;
            }, Name);
        }
    }
}
