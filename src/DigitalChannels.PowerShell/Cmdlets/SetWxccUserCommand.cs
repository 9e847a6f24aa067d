using System.Collections.Generic;
using System.Management.Automation;
using DigitalChannels.Client.Commands;
using DigitalChannels.Client.ContactCenter;
using DigitalChannels.PowerShell.Base;
using DigitalChannels.PowerShell.Base.Completion;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>
    /// Sets the Contact Center settings of users: enabled, site, teams, desktop profile, multimedia profile, user
    /// profile. Users piped in are collected and changed at the end: one user by read and PUT, two or more through
    /// the bulk endpoint, each reporting its own outcome.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "WxccUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.Docs + "Set-WxccUser.md")]
    [OutputType(typeof(ContactCenterUser))]
    public sealed class SetWxccUserCommand : DigitalChannelsConnectedCmdlet
    {
        private readonly List<WxccUserIdentity> _identities = new List<WxccUserIdentity>();

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true,
            HelpMessage = "The users: objects from Get-WxccUser, emails or ids.")]
        [ValidateNotNullOrEmpty]
        [Alias("Email")]
        [ArgumentCompleter(typeof(WxccUserEmailCompleter))]
        [SupportsWildcards]
        public WxccUserIdentity[] Identity { get; set; }

        /// <summary>-ContactCenterEnabled turns Contact Center on for the user; -ContactCenterEnabled:$false turns it off.</summary>
        [Parameter] public SwitchParameter ContactCenterEnabled { get; set; }

        [Parameter] [ArgumentCompleter(typeof(WxccSiteNameCompleter))] [SupportsWildcards] [ValidateNotNullOrEmpty] public string Site { get; set; }

        /// <summary>The user's teams (names or ids): they replace the current ones.</summary>
        [Parameter] [ArgumentCompleter(typeof(WxccTeamNameCompleter))] [SupportsWildcards] [AllowEmptyCollection] public string[] Team { get; set; }

        [Parameter] [ArgumentCompleter(typeof(WxccDesktopProfileNameCompleter))] [SupportsWildcards] [ValidateNotNullOrEmpty] public string DesktopProfile { get; set; }

        [Parameter] [ArgumentCompleter(typeof(WxccMultimediaProfileNameCompleter))] [SupportsWildcards] [ValidateNotNullOrEmpty] public string MultimediaProfile { get; set; }

        [Parameter] [ValidateNotNullOrEmpty] public string UserProfile { get; set; }

        [Parameter] public SwitchParameter PassThru { get; set; }

        /// <summary>Only collects: the users are changed together in EndProcessing, so that many go in bulk.</summary>
        protected override void Execute()
        {
            if (Identity != null) _identities.AddRange(Identity);
        }

        protected override void EndProcessing()
        {
            try
            {
                var connection = CurrentConnection;
                var settings = new WxccUserSettings
                {
                    ContactCenterEnabled = IsParameterBound(nameof(ContactCenterEnabled)) ? ContactCenterEnabled.IsPresent : (bool?)null,
                    Site = IsParameterBound(nameof(Site)) ? Site : null,
                    Teams = IsParameterBound(nameof(Team)) ? (Team ?? new string[0]) : null,
                    DesktopProfile = IsParameterBound(nameof(DesktopProfile)) ? DesktopProfile : null,
                    MultimediaProfile = IsParameterBound(nameof(MultimediaProfile)) ? MultimediaProfile : null,
                    UserProfile = IsParameterBound(nameof(UserProfile)) ? UserProfile : null,
                };
                var identities = _identities.ToArray();
                Run(WxccUserCommands.Noun, host => WxccUserCommands.SetAsync(host, connection, identities, settings, PassThru.IsPresent));
            }
            catch (CommandTerminatedException terminated)
            {
                ThrowTerminatingError(ToErrorRecord(terminated.Error));
            }
            base.EndProcessing();
        }
    }
}
