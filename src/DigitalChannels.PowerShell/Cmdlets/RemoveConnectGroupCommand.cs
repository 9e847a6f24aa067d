using System.Management.Automation;
using DigitalChannels.Client.Connect.Teammates;
using DigitalChannels.PowerShell.Base;
using DigitalChannels.PowerShell.Base.Completion;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>Deletes an empty Connect group. Only the tenant Owner may. High impact: asks for confirmation unless -Confirm:$false.</summary>
    [Cmdlet(VerbsCommon.Remove, "ConnectGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = HelpLinks.Docs + "Remove-ConnectGroup.md")]
    [OutputType(typeof(void))]
    public sealed class RemoveConnectGroupCommand : DigitalChannelsConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true,
            HelpMessage = "The group: an object from Get-ConnectGroup, its id or its name.")]
        [ValidateNotNull]
        [Alias("Name")]
        [ArgumentCompleter(typeof(ConnectGroupNameCompleter))]
        [SupportsWildcards]
        public ConnectGroupIdentity Identity { get; set; }

        protected override void Execute()
        {
            var connection = CurrentConnection;
            var identity = Identity;
            Run(ConnectContainerCommands.GroupNoun, host => ConnectContainerCommands.RemoveGroupAsync(host, connection, identity), identity);
        }
    }
}
