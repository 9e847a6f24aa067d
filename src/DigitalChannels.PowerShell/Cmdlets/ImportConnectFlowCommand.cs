using System.Management.Automation;
using DigitalChannels.Client.Connect;
using DigitalChannels.Client.Connect.Flows;
using DigitalChannels.PowerShell.Base;
using DigitalChannels.PowerShell.Base.Completion;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>
    /// Uploads a .workflow file, or a zip of one as Cisco publishes them, into a service (CREATE FLOW > Upload a flow).
    /// <c>Get-ChildItem *.workflow.zip | Import-ConnectFlow -Service $s</c> binds each file's FullName to -Path.
    /// </summary>
    [Cmdlet(VerbsData.Import, "ConnectFlow", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ConnectFlow))]
    public sealed class ImportConnectFlowCommand : DigitalChannelsConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true,
            HelpMessage = "The .workflow file or .zip archive to import.")]
        [Alias("FullName")]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; }

        [Parameter(Mandatory = true, HelpMessage = "The service: an object from Get-ConnectService, its Service ID or its exact name.")]
        [ValidateNotNull]
        [ArgumentCompleter(typeof(ConnectServiceNameCompleter))]
        [SupportsWildcards]
        public ConnectServiceIdentity Service { get; set; }

        /// <summary>The flow name; by default the .workflow file's name without the extension.</summary>
        [Parameter]
        public string Name { get; set; }

        /// <summary>The flow kind; by default inferred from the file name, then the flow name.</summary>
        [Parameter]
        [EnumWords(typeof(ConnectFlowKind))]
        public ConnectFlowKind Kind { get; set; }

        protected override void Execute()
        {
            var connection = CurrentConnection;
            var service = Service;
            // Relative paths are relative to PowerShell's current location, not the process's.
            var path = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
            ConnectFlowKind? kind = IsParameterBound(nameof(Kind)) ? Kind : (ConnectFlowKind?)null;
            Run(ConnectFlowCommands.Noun, host => ConnectFlowCommands.ImportAsync(host, connection, service, path, Name, kind), Path);
        }
    }
}
