using System.Management.Automation;
using DigitalChannels.Client.ContactCenter;
using DigitalChannels.PowerShell.Base;
using DigitalChannels.PowerShell.Base.Completion;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>Changes a multimedia profile: name, description, blending mode, channel counts.</summary>
    [Cmdlet(VerbsCommon.Set, "WxccMultimediaProfile", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.Docs + "Set-WxccMultimediaProfile.md")]
    [OutputType(typeof(MultimediaProfile))]
    public sealed class SetWxccMultimediaProfileCommand : DigitalChannelsConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true,
            HelpMessage = "The multimedia profile: an object from Get-WxccMultimediaProfile, its id or its exact name.")]
        [ValidateNotNull]
        [Alias("Name")]
        [ArgumentCompleter(typeof(WxccMultimediaProfileNameCompleter))]
        [SupportsWildcards]
        public MultimediaProfileIdentity Identity { get; set; }

        [Parameter] [ValidateNotNullOrEmpty] public string NewName { get; set; }
        [Parameter] [AllowEmptyString] public string Description { get; set; }
        [Parameter] [EnumWords(typeof(BlendingMode))] public BlendingMode BlendingMode { get; set; }
        [Parameter] public int Telephony { get; set; }
        [Parameter] public int Chat { get; set; }
        [Parameter] public int Email { get; set; }
        [Parameter] public int Social { get; set; }
        [Parameter] public SwitchParameter PassThru { get; set; }

        protected override void Execute()
        {
            var connection = CurrentConnection;
            var changes = new MultimediaProfileSettings
            {
                Name = IsParameterBound(nameof(NewName)) ? NewName : null,
                Description = IsParameterBound(nameof(Description)) ? Description : null,
                BlendingMode = IsParameterBound(nameof(BlendingMode)) ? BlendingMode : (BlendingMode?)null,
                Telephony = IsParameterBound(nameof(Telephony)) ? Telephony : (int?)null,
                Chat = IsParameterBound(nameof(Chat)) ? Chat : (int?)null,
                Email = IsParameterBound(nameof(Email)) ? Email : (int?)null,
                Social = IsParameterBound(nameof(Social)) ? Social : (int?)null,
            };
            var identity = Identity;
            Run(MultimediaProfileCommands.Noun, host => MultimediaProfileCommands.SetAsync(host, connection, identity, changes, PassThru.IsPresent), identity);
        }
    }
}
