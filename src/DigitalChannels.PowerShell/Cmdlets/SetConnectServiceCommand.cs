using System.Collections.Generic;
using System.Management.Automation;
using DigitalChannels.Client.Connect;
using DigitalChannels.PowerShell.Base;
using DigitalChannels.PowerShell.Base.Completion;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>Renames a Connect service, sets its description, or locks or unlocks it (Service Locking).</summary>
    [Cmdlet(VerbsCommon.Set, "ConnectService", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.Docs + "Set-ConnectService.md")]
    [OutputType(typeof(ConnectService))]
    public sealed class SetConnectServiceCommand : DigitalChannelsConnectedCmdlet
    {
        /// <summary>A service object from Get-ConnectService, a Service ID or an exact name.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true,
            HelpMessage = "The service: an object from Get-ConnectService, its Service ID or its exact name.")]
        [ValidateNotNull]
        [Alias("Name")]
        [ArgumentCompleter(typeof(ConnectServiceNameCompleter))]
        [SupportsWildcards]
        public ConnectServiceIdentity Identity { get; set; }

        [Parameter(HelpMessage = "The new name of the service.")]
        [ValidateNotNullOrEmpty]
        public string NewName { get; set; }

        /// <summary>The new description; an empty string clears it.</summary>
        [Parameter]
        [AllowEmptyString]
        public string Description { get; set; }

        /// <summary>-Locked locks the service, -Locked:$false unlocks it; omitted, the lock stays as it is.</summary>
        [Parameter]
        public SwitchParameter Locked { get; set; }

        /// <summary>Write the changed service to the pipeline.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void Execute()
        {
            var connection = CurrentConnection;
            var changes = ToChanges(MyInvocation.BoundParameters.Keys, NewName, Description, Locked.IsPresent);
            var identity = Identity;
            Run(ConnectServiceCommands.Noun, host => ConnectServiceCommands.SetAsync(host, connection, identity, changes, PassThru.IsPresent), identity);
        }

        /// <summary>
        /// Only what was given changes: an unbound parameter is null ("leave as it is"), so -Locked:$false unlocks
        /// while an omitted -Locked keeps the lock as it is.
        /// </summary>
        internal static ConnectServiceChanges ToChanges(ICollection<string> boundParameters, string newName, string description, bool locked) =>
            new ConnectServiceChanges
            {
                Name = boundParameters.Contains(nameof(NewName)) ? newName : null,
                Description = boundParameters.Contains(nameof(Description)) ? description : null,
                Locked = boundParameters.Contains(nameof(Locked)) ? locked : (bool?)null,
            };
    }
}
