using System.Management.Automation;
using DigitalChannels.Client.ContactCenter;
using DigitalChannels.PowerShell.Base;
using DigitalChannels.PowerShell.Base.Completion;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>Deletes a Contact Center multimedia profile; one still referred to is refused with the names of what refers to it.</summary>
    [Cmdlet(VerbsCommon.Remove, "WxccMultimediaProfile", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = HelpLinks.Docs + "Remove-WxccMultimediaProfile.md")]
    [OutputType(typeof(void))]
    public sealed class RemoveWxccMultimediaProfileCommand : DigitalChannelsConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true,
            HelpMessage = "The multimedia profile: an object from Get-WxccMultimediaProfile, its id or its exact name.")]
        [ValidateNotNull]
        [Alias("Name")]
        [ArgumentCompleter(typeof(WxccMultimediaProfileNameCompleter))]
        [SupportsWildcards]
        public MultimediaProfileIdentity Identity { get; set; }

        protected override void Execute()
        {
            var connection = CurrentConnection;
            var identity = Identity;
            Run(MultimediaProfileCommands.Noun, host => MultimediaProfileCommands.RemoveAsync(host, connection, identity), identity);
        }
    }
}
