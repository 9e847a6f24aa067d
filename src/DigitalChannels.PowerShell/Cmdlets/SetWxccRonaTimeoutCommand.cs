using System.Management.Automation;
using DigitalChannels.Client.ControlHub;
using DigitalChannels.PowerShell.Base;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>Sets the tenant's RONA timeouts of the channels given (telephony 1–120 s, the others 1–6000 s). No public API: sandbox only.</summary>
    [Cmdlet(VerbsCommon.Set, "WxccRonaTimeout", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.Docs + "Set-WxccRonaTimeout.md")]
    [OutputType(typeof(RonaTimeouts))]
    public sealed class SetWxccRonaTimeoutCommand : DigitalChannelsConnectedCmdlet
    {
        // The ranges are checked by the library, which names the channel and its range in the error.
        [Parameter] public int Telephony { get; set; }
        [Parameter] public int Chat { get; set; }
        [Parameter] public int Email { get; set; }
        [Parameter] public int Social { get; set; }
        [Parameter] public SwitchParameter PassThru { get; set; }

        protected override void Execute()
        {
            var connection = CurrentConnection;
            int? telephony = IsParameterBound(nameof(Telephony)) ? Telephony : (int?)null;
            int? chat = IsParameterBound(nameof(Chat)) ? Chat : (int?)null;
            int? email = IsParameterBound(nameof(Email)) ? Email : (int?)null;
            int? social = IsParameterBound(nameof(Social)) ? Social : (int?)null;
            Run(RonaTimeoutCommands.Noun, host => RonaTimeoutCommands.SetAsync(host, connection, telephony, chat, email, social, PassThru.IsPresent));
        }
    }
}
