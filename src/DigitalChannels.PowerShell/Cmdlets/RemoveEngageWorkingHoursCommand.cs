using System.Management.Automation;
using DigitalChannels.Client.Engage.WorkingHours;
using DigitalChannels.PowerShell.Base;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>Deletes named Engage working hours.</summary>
    [Cmdlet(VerbsCommon.Remove, "EngageWorkingHours", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = HelpLinks.Docs + "Remove-EngageWorkingHours.md")]
    [OutputType(typeof(void))]
    public sealed class RemoveEngageWorkingHoursCommand : DigitalChannelsConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, HelpMessage = "The working hours: an object from Get-EngageWorkingHours, its id or its exact name.")]
        [ValidateNotNull]
        [Alias("Name")]
        [SupportsWildcards]
        public EngageWorkingHoursIdentity Identity { get; set; }

        protected override void Execute()
        {
            var connection = CurrentConnection;
            var identity = Identity;
            Run(EngageWorkingHoursCommands.Noun, host => EngageWorkingHoursCommands.RemoveAsync(host, connection, identity), identity);
        }
    }
}
