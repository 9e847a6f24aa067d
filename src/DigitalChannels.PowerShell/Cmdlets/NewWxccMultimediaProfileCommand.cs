using System.Management.Automation;
using DigitalChannels.Client.ContactCenter;
using DigitalChannels.PowerShell.Base;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>Creates a multimedia profile: the blending mode and how many contacts of each channel an agent takes at once.</summary>
    [Cmdlet(VerbsCommon.New, "WxccMultimediaProfile", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, HelpUri = HelpLinks.Docs + "New-WxccMultimediaProfile.md")]
    [OutputType(typeof(MultimediaProfile))]
    public sealed class NewWxccMultimediaProfileCommand : DigitalChannelsConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, HelpMessage = "The name of the multimedia profile, e.g. 'MMP'.")]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; }

        /// <summary>Blended (the default), BlendedRealtime or Exclusive.</summary>
        [Parameter]
        [EnumWords(typeof(BlendingMode))]
        public BlendingMode BlendingMode { get; set; } = BlendingMode.Blended;

        [Parameter] public int Telephony { get; set; }
        [Parameter] public int Chat { get; set; }
        [Parameter] public int Email { get; set; }
        [Parameter] public int Social { get; set; }

        [Parameter] public string Description { get; set; }

        protected override void Execute()
        {
            var connection = CurrentConnection;
            var settings = new MultimediaProfileSettings
            {
                Name = Name, Description = Description, BlendingMode = BlendingMode,
                Telephony = Telephony, Chat = Chat, Email = Email, Social = Social,
            };
            Run(MultimediaProfileCommands.Noun, host => MultimediaProfileCommands.NewAsync(host, connection, settings), Name);
        }
    }
}
