using System.Management.Automation;
using DigitalChannels.Client.ContactCenter;
using DigitalChannels.PowerShell.Base;
using DigitalChannels.PowerShell.Base.Completion;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>Changes a desktop profile: name, description, auto answer, auto wrap-up, inactivity timeout.</summary>
    [Cmdlet(VerbsCommon.Set, "WxccDesktopProfile", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.Docs + "Set-WxccDesktopProfile.md")]
    [OutputType(typeof(DesktopProfile))]
    public sealed class SetWxccDesktopProfileCommand : DigitalChannelsConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true,
            HelpMessage = "The desktop profile: an object from Get-WxccDesktopProfile, its id or its exact name.")]
        [ValidateNotNull]
        [Alias("Name")]
        [ArgumentCompleter(typeof(WxccDesktopProfileNameCompleter))]
        [SupportsWildcards]
        public DesktopProfileIdentity Identity { get; set; }

        [Parameter] [ValidateNotNullOrEmpty] public string NewName { get; set; }
        [Parameter] [AllowEmptyString] public string Description { get; set; }
        [Parameter] public SwitchParameter AutoAnswer { get; set; }
        [Parameter] public SwitchParameter AutoWrapUp { get; set; }
        [Parameter] [ValidateRange(0, int.MaxValue)] public int AutoWrapUpSeconds { get; set; }
        [Parameter] public int InactivityTimeoutMinutes { get; set; }
        [Parameter] public SwitchParameter PassThru { get; set; }

        protected override void Execute()
        {
            var connection = CurrentConnection;
            var changes = new DesktopProfileSettings
            {
                Name = IsParameterBound(nameof(NewName)) ? NewName : null,
                Description = IsParameterBound(nameof(Description)) ? Description : null,
                AutoAnswer = IsParameterBound(nameof(AutoAnswer)) ? AutoAnswer.IsPresent : (bool?)null,
                AutoWrapUp = IsParameterBound(nameof(AutoWrapUp)) ? AutoWrapUp.IsPresent : (bool?)null,
                AutoWrapUpSeconds = IsParameterBound(nameof(AutoWrapUpSeconds)) ? AutoWrapUpSeconds : (int?)null,
                InactivityTimeoutMinutes = IsParameterBound(nameof(InactivityTimeoutMinutes)) ? InactivityTimeoutMinutes : (int?)null,
            };
            var identity = Identity;
            Run(DesktopProfileCommands.Noun, host => DesktopProfileCommands.SetAsync(host, connection, identity, changes, PassThru.IsPresent), identity);
        }
    }
}
