using System;
using System.Management.Automation;
using DigitalChannels.Client.Engage.WorkingHours;
using DigitalChannels.PowerShell.Base;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>Renames Engage working hours or changes their time zone, weekly hours or holidays.</summary>
    [Cmdlet(VerbsCommon.Set, "EngageWorkingHours", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.Docs + "Set-EngageWorkingHours.md")]
    [OutputType(typeof(EngageWorkingHours))]
    public sealed class SetEngageWorkingHoursCommand : DigitalChannelsConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, HelpMessage = "The working hours: an object from Get-EngageWorkingHours, its id or its exact name.")]
        [ValidateNotNull]
        [Alias("Name")]
        [SupportsWildcards]
        public EngageWorkingHoursIdentity Identity { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string NewName { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string TimeZone { get; set; }

        /// <summary>Replaces the whole week.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[] WeeklyHours { get; set; }

        /// <summary>Replaces the holidays; an empty array clears them.</summary>
        [Parameter]
        [AllowEmptyCollection]
        public string[] Holiday { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void Execute()
        {
            var connection = CurrentConnection;
            var identity = Identity;
            var newName = IsParameterBound(nameof(NewName)) ? NewName : null;
            var timeZone = IsParameterBound(nameof(TimeZone)) ? TimeZone : null;
            var weekly = IsParameterBound(nameof(WeeklyHours)) ? WeeklyHours : null;
            var holidays = IsParameterBound(nameof(Holiday)) ? Holiday ?? Array.Empty<string>() : null;
            Run(EngageWorkingHoursCommands.Noun,
                host => EngageWorkingHoursCommands.SetAsync(host, connection, identity, newName, timeZone, weekly, holidays, PassThru.IsPresent), identity);
        }
    }
}
