using System;
using System.Text.RegularExpressions;

namespace DigitalChannels.Client.ContactCenter
{
    /// <summary>The blending modes of a multimedia profile, as the API spells them.</summary>
    public static class MultimediaBlendingModes
    {
        public const string Blended = "BLENDED";
        public const string BlendedRealtime = "BLENDED_REALTIME";
        public const string Exclusive = "EXCLUSIVE";
    }

    /// <summary>The cmdlets' names for the blending modes.</summary>
    public enum BlendingMode
    {
        /// <summary>Several contacts of different channels at once (voice 0–1, chat/email/social 0–5).</summary>
        Blended,
        /// <summary>One real-time contact (voice or chat) plus email and social (voice 1, chat 1–5, email/social 0–5).</summary>
        BlendedRealtime,
        /// <summary>One contact at a time.</summary>
        Exclusive,
    }

    /// <summary>Team types: agent based (users, a multimedia profile) or capacity based (a capacity, no users).</summary>
    public enum TeamType
    {
        AgentBased,
        CapacityBased,
    }

    /// <summary>
    /// The spec's field rules (CC-SPEC components/schemas), checked before any request so that the error names the
    /// value and the range. The server enforces them as well.
    /// </summary>
    public static class ContactCenterValidation
    {
        private static readonly Regex MultimediaProfileName = new Regex(@"^[a-zA-Z0-9._\-\s]*$", RegexOptions.CultureInvariant);
        private static readonly Regex SiteName = new Regex(@"^[a-zA-Z0-9\-_\s]+$", RegexOptions.CultureInvariant);
        private static readonly Regex DesktopProfileName = new Regex(@"^[a-zA-Z0-9\._\s\-\(\)]+$", RegexOptions.CultureInvariant);

        public static string ToApi(BlendingMode mode)
        {
            switch (mode)
            {
                case BlendingMode.Blended: return MultimediaBlendingModes.Blended;
                case BlendingMode.BlendedRealtime: return MultimediaBlendingModes.BlendedRealtime;
                case BlendingMode.Exclusive: return MultimediaBlendingModes.Exclusive;
                default: throw new ArgumentOutOfRangeException(nameof(mode), mode, $"'{mode}' is not a blending mode.");
            }
        }

        public static string ToApi(TeamType type) => type == TeamType.CapacityBased ? "CAPACITY" : "AGENT";

        public static void MultimediaProfile(MultimediaProfile profile)
        {
            Name("multimedia profile", profile.Name, 80, MultimediaProfileName, "letters, digits, '.', '_', '-' and spaces");
            Description("multimedia profile", profile.Description);
            var mode = profile.BlendingMode;
            int telephonyMin = 0, chatMin = 0;
            switch (mode)
            {
                case MultimediaBlendingModes.Blended:
                case MultimediaBlendingModes.Exclusive:
                    break;
                case MultimediaBlendingModes.BlendedRealtime:
                    telephonyMin = 1; chatMin = 1;
                    break;
                default:
                    throw new ArgumentException($"The blending mode '{mode}' is not one of {MultimediaBlendingModes.Blended}, {MultimediaBlendingModes.BlendedRealtime}, {MultimediaBlendingModes.Exclusive}.", "BlendingMode");
            }
            Count("Telephony", profile.Telephony, telephonyMin, 1, mode);
            Count("Chat", profile.Chat, chatMin, 5, mode);
            Count("Email", profile.Email, 0, 5, mode);
            Count("Social", profile.Social, 0, 5, mode);
        }

        /// <param name="site">The site.</param>
        /// <param name="referencesResolved">False before names were looked up: only the site's own fields are checked.</param>
        public static void Site(Site site, bool referencesResolved = true)
        {
            Name("site", site.Name, 80, SiteName, "letters, digits, '-', '_' and spaces");
            Description("site", site.Description);
            if (referencesResolved && string.IsNullOrWhiteSpace(site.MultimediaProfileId)) throw new ArgumentException($"The site '{site.Name}' needs a multimedia profile.", "MultimediaProfile");
        }

        /// <param name="team">The team.</param>
        /// <param name="referencesResolved">False before names were looked up: only the team's own fields are checked.</param>
        public static void Team(Team team, bool referencesResolved = true)
        {
            Name("team", team.Name, 80, null, null);
            Description("team", team.Description);
            if (referencesResolved && string.IsNullOrWhiteSpace(team.SiteId)) throw new ArgumentException($"The team '{team.Name}' needs a site.", "Site");
            if (team.TeamType == "CAPACITY" && !string.IsNullOrEmpty(team.MultiMediaProfileId))
                throw new ArgumentException($"The team '{team.Name}' is capacity based: it takes no multimedia profile.", "MultimediaProfile");
            if (team.TeamType == "CAPACITY" && team.UserIds != null && team.UserIds.Count > 0)
                throw new ArgumentException($"The team '{team.Name}' is capacity based: it takes no users.", "Team");
        }

        public static void DesktopProfile(DesktopProfile profile)
        {
            Name("desktop profile", profile.Name, 80, DesktopProfileName, "letters, digits, '.', '_', '-', '(', ')' and spaces");
            Description("desktop profile", profile.Description);
            if (profile.TimeoutDesktopInactivityMins.HasValue && (profile.TimeoutDesktopInactivityMins < 3 || profile.TimeoutDesktopInactivityMins > 10000))
                throw new ArgumentOutOfRangeException("InactivityTimeoutMinutes", profile.TimeoutDesktopInactivityMins,
                    $"The desktop inactivity timeout {profile.TimeoutDesktopInactivityMins} min is out of range: it must be 3–10000 minutes.");
            if (profile.AutoWrapAfterSeconds.HasValue && profile.AutoWrapAfterSeconds < 0)
                throw new ArgumentOutOfRangeException("AutoWrapUpSeconds", profile.AutoWrapAfterSeconds, $"The auto wrap-up time {profile.AutoWrapAfterSeconds} s is negative.");
            if (profile.ParentType == "SITE" && string.IsNullOrEmpty(profile.SiteId))
                throw new ArgumentException($"The desktop profile '{profile.Name}' belongs to a site but names none.", "Site");
        }

        private static void Name(string what, string name, int maxLength, Regex pattern, string allowed)
        {
            if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException($"The {what} name is empty.", "Name");
            if (name.Length > maxLength) throw new ArgumentException($"The {what} name '{name}' has {name.Length} characters; at most {maxLength} are allowed.", "Name");
            if (pattern != null && !pattern.IsMatch(name)) throw new ArgumentException($"The {what} name '{name}' may hold only {allowed}.", "Name");
        }

        private static void Description(string what, string description)
        {
            if (description != null && description.Length > 255)
                throw new ArgumentException($"The {what} description has {description.Length} characters; at most 255 are allowed.", "Description");
        }

        private static void Count(string channel, int? value, int min, int max, string mode)
        {
            if (!value.HasValue) throw new ArgumentException($"The {channel} count is missing; for blending mode {mode} it must be {Range(min, max)}.", channel);
            if (value < min || value > max)
                throw new ArgumentOutOfRangeException(channel, value, $"The {channel} count {value} is out of range for blending mode {mode}: it must be {Range(min, max)}.");
        }

        private static string Range(int min, int max) => min == max ? min.ToString() : $"{min}–{max}";
    }
}
