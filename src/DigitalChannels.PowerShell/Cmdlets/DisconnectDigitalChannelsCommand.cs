using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Threading.Tasks;
using DigitalChannels.Client.Commands;
using DigitalChannels.PowerShell.Base;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>Forgets this session's current connection (a warning when there was none). Nothing changes on a server.</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "DigitalChannels", HelpUri = HelpLinks.Docs + "Disconnect-DigitalChannels.md")]
    [OutputType(typeof(void))]
    public sealed class DisconnectDigitalChannelsCommand : DigitalChannelsCmdlet
    {
        protected override void Execute()
        {
            var runspace = Runspace.DefaultRunspace;
            Run(ConnectionCommands.Noun, host =>
            {
                ConnectionCommands.Disconnect(host, runspace);
                return Task.CompletedTask;
            });
        }
    }
}
