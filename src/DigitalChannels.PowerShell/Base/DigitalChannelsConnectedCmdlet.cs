using System.Management.Automation;
using System.Management.Automation.Runspaces;
using DigitalChannels.Client;
using DigitalChannels.Client.Commands;
using DigitalChannels.Client.Completion;

namespace DigitalChannels.PowerShell.Base
{
    /// <summary>
    /// The base of every cmdlet that talks to a tenant (powershell-practices §1.7): it takes an optional -Connection and
    /// otherwise uses the runspace's current connection, so concurrent runbook jobs never share one.
    /// </summary>
    public abstract class DigitalChannelsConnectedCmdlet : DigitalChannelsCmdlet
    {
        /// <summary>A connection from Connect-DigitalChannels -ReturnConnection, or a connection's name; the current one when omitted.</summary>
        [Parameter(HelpMessage = "A connection from Connect-DigitalChannels -ReturnConnection, or the name of a connection of this session. Defaults to the current connection.")]
        [ConnectionArgument]
        [ArgumentCompleter(typeof(Completion.ConnectionNameCompleter))]
        public DigitalChannelsConnection Connection { get; set; }

        /// <summary>
        /// -Connection, else the runspace's current connection, else a terminating NotConnected error
        /// (category AuthenticationError) that tells the user to run Connect-DigitalChannels.
        /// </summary>
        protected DigitalChannelsConnection CurrentConnection =>
            _used = Connection
            ?? ConnectionRegistry.GetCurrent(Runspace.DefaultRunspace)
            ?? throw new CommandTerminatedException(CommandErrors.From(string.Empty, new NotConnectedException(), null));

        private DigitalChannelsConnection _used;

        /// <summary>
        /// A cmdlet that may change the tenant forgets the names Tab offers for its connection, so that what it created,
        /// renamed or removed shows at the next Tab rather than after the cache's 30 seconds.
        /// </summary>
        protected override void EndProcessing()
        {
            try
            {
                base.EndProcessing();
            }
            finally
            {
                if (_used != null && ChangesTenant) CompletionCache.Shared.Clear(_used);
            }
        }

        private bool ChangesTenant
        {
            get
            {
                var attributes = GetType().GetCustomAttributes(typeof(CmdletAttribute), true);
                return attributes.Length > 0 && ((CmdletAttribute)attributes[0]).SupportsShouldProcess;
            }
        }
    }
}
