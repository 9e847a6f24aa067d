using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Threading.Tasks;
using DigitalChannels.Client.Commands;
using DigitalChannels.PowerShell.Base;
using DigitalChannels.PowerShell.Base.Completion;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>
    /// Ends this session's current connection, or the named one (a warning when there is none), and with -Forget deletes
    /// its saved sign-in. Nothing changes on a server; forgetting is the change -WhatIf and -Confirm are about.
    /// </summary>
    [Cmdlet(VerbsCommunications.Disconnect, "DigitalChannels", SupportsShouldProcess = true, HelpUri = HelpLinks.Docs + "Disconnect-DigitalChannels.md")]
    [OutputType(typeof(void))]
    public sealed class DisconnectDigitalChannelsCommand : DigitalChannelsCmdlet
    {
        /// <summary>The connection (or saved sign-in, with -Forget) of that name; the current connection when omitted.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true, HelpMessage = "The name of a connection of this session, or of a saved sign-in with -Forget.")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ConnectionOrSavedNameCompleter))]
        public string Name { get; set; }

        /// <summary>Also delete the saved sign-in (its refresh token and client secret) of that name.</summary>
        [Parameter]
        public SwitchParameter Forget { get; set; }

        protected override void Execute()
        {
            var runspace = Runspace.DefaultRunspace;
            Run(ConnectionCommands.Noun, host =>
            {
                ConnectionCommands.Disconnect(host, runspace, Name, Forget.IsPresent);
                return Task.CompletedTask;
            });
        }
    }
}
