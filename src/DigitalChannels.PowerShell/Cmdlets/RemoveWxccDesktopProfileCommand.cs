using System.Management.Automation;
using DigitalChannels.Client.ContactCenter;
using DigitalChannels.PowerShell.Base;
using DigitalChannels.PowerShell.Base.Completion;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>Deletes a Contact Center desktop profile; one still referred to is refused with the names of what refers to it.</summary>
    [Cmdlet(VerbsCommon.Remove, "WxccDesktopProfile", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = HelpLinks.Docs + "Remove-WxccDesktopProfile.md")]
    [OutputType(typeof(void))]
    public sealed class RemoveWxccDesktopProfileCommand : DigitalChannelsConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true,
            HelpMessage = "The desktop profile: an object from Get-WxccDesktopProfile, its id or its exact name.")]
        [ValidateNotNull]
        [Alias("Name")]
        [ArgumentCompleter(typeof(WxccDesktopProfileNameCompleter))]
        [SupportsWildcards]
        public DesktopProfileIdentity Identity { get; set; }

        protected override void Execute()
        {
            var connection = CurrentConnection;
            var identity = Identity;
            Run(DesktopProfileCommands.Noun, host => DesktopProfileCommands.RemoveAsync(host, connection, identity), identity);
        }
    }
}
