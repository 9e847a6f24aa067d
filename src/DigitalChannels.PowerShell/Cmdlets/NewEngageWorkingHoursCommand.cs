using System.Management.Automation;
using DigitalChannels.Client.Engage.WorkingHours;
using DigitalChannels.PowerShell.Base;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>Creates named Engage working hours (Customer Care → Settings → Configure → Working Hours).</summary>
    [Cmdlet(VerbsCommon.New, "EngageWorkingHours", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.Docs + "New-EngageWorkingHours.md")]
    [OutputType(typeof(EngageWorkingHours))]
    public sealed class NewEngageWorkingHoursCommand : DigitalChannelsConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, HelpMessage = "The name of the working hours; unique in the organization.")]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; }

        [Parameter(Mandatory = true, HelpMessage = "An IANA or Windows time zone id, e.g. 'Europe/Rome'.")]
        [ValidateNotNullOrEmpty]
        public string TimeZone { get; set; }

        [Parameter(Mandatory = true, HelpMessage = "Weekly time ranges such as 'Mon-Fri 09:00-17:00'.")]
        [ValidateNotNullOrEmpty]
        public string[] WeeklyHours { get; set; }

        [Parameter(HelpMessage = "Closed days such as '2026-12-25 Christmas Day'.")]
        public string[] Holiday { get; set; }

        protected override void Execute()
        {
            var connection = CurrentConnection;
            Run(EngageWorkingHoursCommands.Noun, host => EngageWorkingHoursCommands.NewAsync(host, connection, Name, TimeZone, WeeklyHours, Holiday), Name);
        }
    }
}
