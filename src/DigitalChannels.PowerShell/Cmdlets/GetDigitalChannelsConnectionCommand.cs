using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Threading.Tasks;
using DigitalChannels.Client;
using DigitalChannels.Client.Commands;
using DigitalChannels.PowerShell.Base;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>Writes this session's current connection; a terminating NotConnected error when there is none.</summary>
    [Cmdlet(VerbsCommon.Get, "DigitalChannelsConnection", HelpUri = HelpLinks.Docs + "Get-DigitalChannelsConnection.md")]
    [OutputType(typeof(DigitalChannelsConnection))]
    public sealed class GetDigitalChannelsConnectionCommand : DigitalChannelsCmdlet
    {
        protected override void Execute()
        {
            var runspace = Runspace.DefaultRunspace;
            Run(ConnectionCommands.Noun, host =>
            {
                ConnectionCommands.Get(host, runspace);
                return Task.CompletedTask;
            });
        }
    }
}
