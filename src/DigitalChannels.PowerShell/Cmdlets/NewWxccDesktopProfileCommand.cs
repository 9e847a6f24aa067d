using System.Management.Automation;
using DigitalChannels.Client.ContactCenter;
using DigitalChannels.PowerShell.Base;
using DigitalChannels.PowerShell.Base.Completion;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>Creates a desktop profile (the API's agent profile) with Control Hub's defaults for what it does not ask.</summary>
    [Cmdlet(VerbsCommon.New, "WxccDesktopProfile", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, HelpUri = HelpLinks.Docs + "New-WxccDesktopProfile.md")]
    [OutputType(typeof(DesktopProfile))]
    public sealed class NewWxccDesktopProfileCommand : DigitalChannelsConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, HelpMessage = "The name of the desktop profile.")]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; }

        /// <summary>The site the profile belongs to; omitted, it belongs to the organization.</summary>
        [Parameter] [ArgumentCompleter(typeof(WxccSiteNameCompleter))] [SupportsWildcards] [ValidateNotNullOrEmpty] public string Site { get; set; }

        [Parameter] public SwitchParameter AutoAnswer { get; set; }
        [Parameter] public SwitchParameter AutoWrapUp { get; set; }
        [Parameter] [ValidateRange(0, int.MaxValue)] public int AutoWrapUpSeconds { get; set; }
        [Parameter] public int InactivityTimeoutMinutes { get; set; }
        [Parameter] public string Description { get; set; }

        protected override void Execute()
        {
            var connection = CurrentConnection;
            var settings = new DesktopProfileSettings
            {
                Name = Name, Site = Site, Description = Description,
                AutoAnswer = AutoAnswer.IsPresent, AutoWrapUp = AutoWrapUp.IsPresent,
                AutoWrapUpSeconds = IsParameterBound(nameof(AutoWrapUpSeconds)) ? AutoWrapUpSeconds : (int?)null,
                InactivityTimeoutMinutes = IsParameterBound(nameof(InactivityTimeoutMinutes)) ? InactivityTimeoutMinutes : (int?)null,
            };
            Run(DesktopProfileCommands.Noun, host => DesktopProfileCommands.NewAsync(host, connection, settings), Name);
        }
    }
}
