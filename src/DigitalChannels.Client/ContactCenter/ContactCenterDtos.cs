using System.Collections.Generic;
using Newtonsoft.Json;

namespace DigitalChannels.Client.ContactCenter
{
    /// <summary>A multimedia profile (MultimediaProfileDTO): how many contacts of each channel an agent handles at once.</summary>
    public sealed class MultimediaProfile : NamedContactCenterObject
    {
        /// <summary>BLENDED, BLENDED_REALTIME or EXCLUSIVE (free text in the spec; see <see cref="MultimediaBlendingModes"/>).</summary>
        [JsonProperty("blendingMode")] public string BlendingMode { get; set; }
        [JsonProperty("blendingModeEnabled")] public bool? BlendingModeEnabled { get; set; }
        [JsonProperty("active")] public bool? Active { get; set; }
        [JsonProperty("telephony")] public int? Telephony { get; set; }
        [JsonProperty("chat")] public int? Chat { get; set; }
        [JsonProperty("email")] public int? Email { get; set; }
        [JsonProperty("social")] public int? Social { get; set; }
        [JsonProperty("manuallyAssignable")] public MultimediaChannelCounts ManuallyAssignable { get; set; }
    }

    /// <summary>MultimediaProfileChannelDTO: telephony 0–1, chat 0–5, email 0–10, social 0–5.</summary>
    public sealed class MultimediaChannelCounts
    {
        [JsonProperty("telephony")] public int? Telephony { get; set; }
        [JsonProperty("chat")] public int? Chat { get; set; }
        [JsonProperty("email")] public int? Email { get; set; }
        [JsonProperty("social")] public int? Social { get; set; }
        [JsonExtensionData] public IDictionary<string, Newtonsoft.Json.Linq.JToken> AdditionalFields { get; set; } = new Dictionary<string, Newtonsoft.Json.Linq.JToken>();
    }

    /// <summary>A site (SiteDTO). Sites spell <c>multimediaProfileId</c> with a lower-case m.</summary>
    public sealed class Site : NamedContactCenterObject
    {
        [JsonProperty("active")] public bool? Active { get; set; }
        [JsonProperty("multimediaProfileId")] public string MultimediaProfileId { get; set; }

        /// <summary>The multimedia profile's name, filled by the commands that write sites (never sent).</summary>
        [JsonIgnore] public string MultimediaProfileName { get; set; }
    }

    /// <summary>A team (TeamDTO). Teams spell <c>multiMediaProfileId</c> with a capital M (platform-facts §1.8).</summary>
    public sealed class Team : NamedContactCenterObject
    {
        /// <summary>AGENT or CAPACITY; fixed after create.</summary>
        [JsonProperty("teamType")] public string TeamType { get; set; }
        /// <summary>IN_SERVICE or NOT_AVAILABLE.</summary>
        [JsonProperty("teamStatus")] public string TeamStatus { get; set; }
        [JsonProperty("active")] public bool? Active { get; set; }
        /// <summary>Fixed after create.</summary>
        [JsonProperty("siteId")] public string SiteId { get; set; }
        [JsonProperty("multiMediaProfileId")] public string MultiMediaProfileId { get; set; }
        [JsonProperty("desktopLayoutId")] public string DesktopLayoutId { get; set; }
        [JsonProperty("skillProfileId")] public string SkillProfileId { get; set; }
        [JsonProperty("rankQueuesForTeam")] public bool? RankQueuesForTeam { get; set; }
        [JsonProperty("dialedNumber")] public string DialedNumber { get; set; }
        [JsonProperty("capacity")] public int? Capacity { get; set; }
        [JsonProperty("userIds")] public List<string> UserIds { get; set; }

        /// <summary>The site's name, filled by the commands that write teams (never sent).</summary>
        [JsonIgnore] public string SiteName { get; set; }

        /// <summary>The multimedia profile's name, filled by the commands that write teams (never sent).</summary>
        [JsonIgnore] public string MultimediaProfileName { get; set; }
    }

    /// <summary>A desktop profile, which the API calls an agent profile (AgentProfileDTO, <c>/agent-profile</c>).</summary>
    public sealed class DesktopProfile : NamedContactCenterObject
    {
        /// <summary>ORGANIZATION or SITE (then <see cref="SiteId"/>).</summary>
        [JsonProperty("parentType")] public string ParentType { get; set; }
        [JsonProperty("siteId")] public string SiteId { get; set; }
        [JsonProperty("active")] public bool? Active { get; set; }
        [JsonProperty("accessWrapUpCode")] public string AccessWrapUpCode { get; set; }
        [JsonProperty("accessIdleCode")] public string AccessIdleCode { get; set; }
        [JsonProperty("accessQueue")] public string AccessQueue { get; set; }
        [JsonProperty("accessEntryPoint")] public string AccessEntryPoint { get; set; }
        [JsonProperty("accessBuddyTeam")] public string AccessBuddyTeam { get; set; }
        [JsonProperty("agentDNValidation")] public string AgentDNValidation { get; set; }
        [JsonProperty("autoAnswer")] public bool? AutoAnswer { get; set; }
        [JsonProperty("autoWrapUp")] public bool? AutoWrapUp { get; set; }
        [JsonProperty("autoWrapAfterSeconds")] public int? AutoWrapAfterSeconds { get; set; }
        [JsonProperty("timeoutDesktopInactivityMins")] public int? TimeoutDesktopInactivityMins { get; set; }
        [JsonProperty("viewableStatistics")] public ViewableStatistics ViewableStatistics { get; set; }

        /// <summary>The site's name for a SITE profile, filled by the commands that write profiles (never sent).</summary>
        [JsonIgnore] public string SiteName { get; set; }
    }

    /// <summary>ViewableStatisticsDTO: <c>accessQueueStats</c> and <c>accessTeamStats</c> are required.</summary>
    public sealed class ViewableStatistics
    {
        [JsonProperty("agentStats")] public bool? AgentStats { get; set; }
        [JsonProperty("accessQueueStats")] public string AccessQueueStats { get; set; }
        [JsonProperty("accessTeamStats")] public string AccessTeamStats { get; set; }
        [JsonProperty("loggedInTeamStats")] public bool? LoggedInTeamStats { get; set; }
        [JsonExtensionData] public IDictionary<string, Newtonsoft.Json.Linq.JToken> AdditionalFields { get; set; } = new Dictionary<string, Newtonsoft.Json.Linq.JToken>();
    }

    /// <summary>A desktop layout (DesktopLayoutDTO); every tenant has the built-in "Global Layout".</summary>
    public sealed class DesktopLayout : NamedContactCenterObject
    {
        [JsonProperty("global")] public bool? Global { get; set; }
        [JsonProperty("status")] public bool? Status { get; set; }
        [JsonProperty("teamIds")] public List<string> TeamIds { get; set; }
    }

    /// <summary>A user profile (UserProfileGranularAccessDTO, <c>/v3/user-profile</c>), e.g. "Premium Agent User Profile".</summary>
    public sealed class UserProfile : NamedContactCenterObject
    {
        /// <summary>ADMINISTRATOR, ADMINISTRATOR_ONLY, SUPERVISOR, PREMIUM_AGENT, STANDARD_AGENT or ANALYZER_*.</summary>
        [JsonProperty("profileType")] public string ProfileType { get; set; }
        [JsonProperty("active")] public bool? Active { get; set; }
        [JsonProperty("permissionAccessLevel")] public string PermissionAccessLevel { get; set; }
        [JsonProperty("resourceAccessLevel")] public string ResourceAccessLevel { get; set; }
    }

    /// <summary>
    /// The Contact Center settings of a directory user (UserDTO). There is no create: a row appears when a licensed
    /// person is synchronized. Users spell <c>multimediaProfileId</c> with a lower-case m, and the spec itself
    /// misspells <c>deafultDialledNumber</c>.
    /// </summary>
    public sealed class ContactCenterUser : ContactCenterObject
    {
        /// <summary>The Webex person's uuid; immutable.</summary>
        [JsonProperty("ciUserId")] public string CiUserId { get; set; }
        [JsonProperty("email")] public string Email { get; set; }
        [JsonProperty("firstName")] public string FirstName { get; set; }
        [JsonProperty("lastName")] public string LastName { get; set; }
        /// <summary>Owned by Control Hub (the person's status).</summary>
        [JsonProperty("active")] public bool? Active { get; set; }
        [JsonProperty("contactCenterEnabled")] public bool? ContactCenterEnabled { get; set; }
        [JsonProperty("userProfileId")] public string UserProfileId { get; set; }
        [JsonProperty("siteId")] public string SiteId { get; set; }
        [JsonProperty("teamIds")] public List<string> TeamIds { get; set; }
        /// <summary>The desktop profile.</summary>
        [JsonProperty("agentProfileId")] public string AgentProfileId { get; set; }
        [JsonProperty("multimediaProfileId")] public string MultimediaProfileId { get; set; }
        [JsonProperty("skillProfileId")] public string SkillProfileId { get; set; }
        [JsonProperty("deafultDialledNumber")] public string DefaultDialledNumber { get; set; }
        [JsonProperty("externalIdentifier")] public string ExternalIdentifier { get; set; }
        /// <summary>Read-only: the user exists in Webex Connect and Engage.</summary>
        [JsonProperty("imiUserCreated")] public bool? ImiUserCreated { get; set; }

        // The names of what the ids refer to, filled by the commands that write users (never sent).
        [JsonIgnore] public string SiteName { get; set; }
        [JsonIgnore] public List<string> TeamNames { get; set; }
        [JsonIgnore] public string UserProfileName { get; set; }
        [JsonIgnore] public string DesktopProfileName { get; set; }
        [JsonIgnore] public string MultimediaProfileName { get; set; }

        public override string ToString() => Email ?? Id;
    }

    /// <summary>An entry point (EntryPointDTO): where a contact of a channel enters; digital ones name a Connect asset.</summary>
    public sealed class EntryPoint : NamedContactCenterObject
    {
        /// <summary>INBOUND or OUTBOUND (telephony only).</summary>
        [JsonProperty("entryPointType")] public string EntryPointType { get; set; }
        /// <summary>TELEPHONY, EMAIL, FAX, CHAT, VIDEO, OTHERS or SOCIAL_CHANNEL.</summary>
        [JsonProperty("channelType")] public string ChannelType { get; set; }
        [JsonProperty("socialChannelType")] public string SocialChannelType { get; set; }
        [JsonProperty("active")] public bool? Active { get; set; }
        [JsonProperty("serviceLevelThreshold")] public int? ServiceLevelThreshold { get; set; }
        [JsonProperty("maximumActiveContacts")] public int? MaximumActiveContacts { get; set; }
        [JsonProperty("timezone")] public string Timezone { get; set; }
        [JsonProperty("assetId")] public string AssetId { get; set; }
        [JsonProperty("imiOrgType")] public string ImiOrgType { get; set; }
    }

    /// <summary>A contact-service queue (ContactServiceQueueDTO).</summary>
    public sealed class ContactServiceQueue : NamedContactCenterObject
    {
        [JsonProperty("queueType")] public string QueueType { get; set; }
        /// <summary>TELEPHONY, EMAIL, FAX, CHAT, VIDEO, OTHERS, SOCIAL_CHANNEL or WORK_ITEM.</summary>
        [JsonProperty("channelType")] public string ChannelType { get; set; }
        [JsonProperty("socialChannelType")] public string SocialChannelType { get; set; }
        [JsonProperty("routingType")] public string RoutingType { get; set; }
        [JsonProperty("queueRoutingType")] public string QueueRoutingType { get; set; }
        [JsonProperty("active")] public bool? Active { get; set; }
        [JsonProperty("checkAgentAvailability")] public bool? CheckAgentAvailability { get; set; }
        [JsonProperty("maxActiveContacts")] public int? MaxActiveContacts { get; set; }
        /// <summary>Seconds.</summary>
        [JsonProperty("maxTimeInQueue")] public int? MaxTimeInQueue { get; set; }
        /// <summary>Seconds.</summary>
        [JsonProperty("serviceLevelThreshold")] public int? ServiceLevelThreshold { get; set; }
        [JsonProperty("callDistributionGroups")] public List<CallDistributionGroup> CallDistributionGroups { get; set; }
    }

    /// <summary>One step of a queue's distribution: these teams, in this order, for this long.</summary>
    public sealed class CallDistributionGroup
    {
        [JsonProperty("agentGroups")] public List<AgentGroup> AgentGroups { get; set; } = new List<AgentGroup>();
        [JsonProperty("order")] public int Order { get; set; }
        [JsonProperty("duration")] public int? Duration { get; set; }
        [JsonExtensionData] public IDictionary<string, Newtonsoft.Json.Linq.JToken> AdditionalFields { get; set; } = new Dictionary<string, Newtonsoft.Json.Linq.JToken>();
    }

    public sealed class AgentGroup
    {
        [JsonProperty("teamId")] public string TeamId { get; set; }
        [JsonExtensionData] public IDictionary<string, Newtonsoft.Json.Linq.JToken> AdditionalFields { get; set; } = new Dictionary<string, Newtonsoft.Json.Linq.JToken>();
    }

    /// <summary>The objects that refer to one object (EntityReferenceInfoDTO), read when a delete answers 412.</summary>
    public sealed class IncomingReferences
    {
        [JsonProperty("description")] public string Description { get; set; }
        [JsonProperty("data")] public List<ReferencingEntity> Data { get; set; } = new List<ReferencingEntity>();
        [JsonProperty("meta")] public IncomingReferencesMeta Meta { get; set; }
    }

    public sealed class IncomingReferencesMeta
    {
        [JsonProperty("totalRecords")] public int? TotalRecords { get; set; }
        [JsonProperty("referencedEntities")] public List<string> ReferencedEntities { get; set; }
        [JsonProperty("currentEntity")] public string CurrentEntity { get; set; }
    }

    /// <summary>EntityInfo: one referring object.</summary>
    public sealed class ReferencingEntity
    {
        [JsonProperty("id")] public string Id { get; set; }
        [JsonProperty("name")] public string Name { get; set; }
        [JsonProperty("additionalAttributes")] public Newtonsoft.Json.Linq.JObject AdditionalAttributes { get; set; }

        /// <summary>The referring object's type when the server says it (additionalAttributes.type or .entityType).</summary>
        [JsonIgnore]
        public string EntityType => (string)AdditionalAttributes?["type"] ?? (string)AdditionalAttributes?["entityType"];

        public override string ToString() => EntityType == null ? $"'{Name}' ({Id})" : $"{EntityType} '{Name}' ({Id})";
    }
}
