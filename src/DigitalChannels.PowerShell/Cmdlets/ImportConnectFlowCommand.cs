using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using DigitalChannels.Client.Connect;
using DigitalChannels.Client.Connect.Flows;
using DigitalChannels.PowerShell.Base;
using DigitalChannels.PowerShell.Base.Completion;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>
    /// Uploads flow exports into a service (CREATE FLOW > Upload a flow): .workflow files, zips of one as Cisco publishes
    /// them, and bundles (a zip of every flow of a release), each flow its own. -Path takes wildcards; -LiteralPath (alias
    /// PSPath) takes names as they are and binds from the pipeline, so <c>Get-ChildItem *.zip | Import-ConnectFlow -Service $s</c> works.
    /// </summary>
    [Cmdlet(VerbsData.Import, "ConnectFlow", DefaultParameterSetName = PathSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium,
        HelpUri = HelpLinks.Docs + "Import-ConnectFlow.md")]
    [OutputType(typeof(ConnectFlow))]
    public sealed class ImportConnectFlowCommand : DigitalChannelsConnectedCmdlet
    {
        public const string PathSet = "Path";
        public const string LiteralPathSet = "LiteralPath";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true,
            HelpMessage = "The .workflow files, .zip archives or bundles to import; wildcards select several.")]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true,
            HelpMessage = "The files to import, named exactly: no character is a wildcard.")]
        [Alias("PSPath", "LP")]
        [ValidateNotNullOrEmpty]
        public string[] LiteralPath { get; set; }

        [Parameter(Mandatory = true, HelpMessage = "The service: an object from Get-ConnectService, its Service ID or its exact name.")]
        [ValidateNotNull]
        [ArgumentCompleter(typeof(ConnectServiceNameCompleter))]
        [SupportsWildcards]
        public ConnectServiceIdentity Service { get; set; }

        /// <summary>The flow name; by default the .workflow file's name without the extension. Names one flow only.</summary>
        [Parameter]
        public string Name { get; set; }

        /// <summary>The flow kind; by default inferred from the file, zip and folder names, then -Name.</summary>
        [Parameter]
        [EnumWords(typeof(ConnectFlowKind))]
        public ConnectFlowKind Kind { get; set; }

        /// <summary>Skips each channel-agnostic flow (Task Routed, Modified, Close) whose kind the tenant has already, in any service.</summary>
        [Parameter]
        public SwitchParameter SkipExistingChannelAgnostic { get; set; }

        protected override void Execute()
        {
            var connection = CurrentConnection;
            var service = Service;
            var name = Name;
            var skip = SkipExistingChannelAgnostic.IsPresent;
            ConnectFlowKind? kind = IsParameterBound(nameof(Kind)) ? Kind : (ConnectFlowKind?)null;
            var literal = ParameterSetName == LiteralPathSet;
            foreach (var requested in literal ? LiteralPath : Path)
            {
                var paths = Resolve(requested, literal);
                // Relative paths are PowerShell's current location's, not the process's; the error names what was asked for.
                var asked = SessionState.Path.GetUnresolvedProviderPathFromPSPath(requested);
                Run(ConnectFlowCommands.Noun, host => ConnectFlowCommands.ImportAsync(host, connection, service, paths, name, kind, skip, asked), requested);
            }
        }

        /// <summary>
        /// The file system paths <paramref name="requested"/> names: as it is for -LiteralPath, else the provider's matches of the
        /// pattern. A plain path that does not exist stays itself (the library names it); a pattern that matches nothing gives none.
        /// </summary>
        private IReadOnlyList<string> Resolve(string requested, bool literal)
        {
            if (literal) return new[] { SessionState.Path.GetUnresolvedProviderPathFromPSPath(requested) };
            try
            {
                return SessionState.Path.GetResolvedProviderPathFromPSPath(requested, out _).ToList();
            }
            catch (ItemNotFoundException)
            {
                return WildcardPattern.ContainsWildcardCharacters(requested)
                    ? new string[0]
                    : new[] { SessionState.Path.GetUnresolvedProviderPathFromPSPath(requested) };
            }
        }
    }
}
