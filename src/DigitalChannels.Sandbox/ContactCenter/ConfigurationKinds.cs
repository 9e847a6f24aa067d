using System.Text.Json.Nodes;

namespace DigitalChannels.Sandbox.ContactCenter;

/// <summary>Where a kind's names must be unique: nowhere (users), in the organization, or in the team's site (TeamDTO.name).</summary>
public enum NameScope
{
    None,
    Organization,
    Site,
}

/// <summary>A field that names another object: "siteId", "teamIds[]", "callDistributionGroups[].agentGroups[].teamId".</summary>
public sealed record ReferenceField(string Path, string TargetKind)
{
    /// <summary>Every non-empty id at <see cref="Path"/> in <paramref name="body"/>.</summary>
    public IEnumerable<string> ValuesIn(JsonObject body) => Walk(body, Path.Split('.'), 0);

    private static IEnumerable<string> Walk(JsonNode? node, string[] segments, int index)
    {
        if (node is null) yield break;
        if (index == segments.Length)
        {
            if (node is JsonValue value && value.TryGetValue<string>(out var id) && !string.IsNullOrEmpty(id)) yield return id;
            yield break;
        }
        var segment = segments[index];
        var isArray = segment.EndsWith("[]", StringComparison.Ordinal);
        var name = isArray ? segment[..^2] : segment;
        var child = (node as JsonObject)?[name];
        if (!isArray)
        {
            foreach (var id in Walk(child, segments, index + 1)) yield return id;
        }
        else if (child is JsonArray array)
        {
            foreach (var item in array)
                foreach (var id in Walk(item, segments, index + 1)) yield return id;
        }
    }
}

/// <summary>
/// One Contact Center configuration resource as the official spec defines it: its path segment, request and response
/// schemas, success codes (they differ by resource, platform facts §1.2), name rule and reference fields.
/// </summary>
public sealed record ConfigurationKind(
    string Name, string Title, string RequestSchema, string ResponseSchema, int CreateStatus, int DeleteStatus, NameScope Names,
    IReadOnlyList<ReferenceField> References)
{
    public override string ToString() => Name;
}

public static class ConfigurationKinds
{
    public static readonly ConfigurationKind MultimediaProfile = new("multimedia-profile", "multimedia profile", "MultimediaProfileDTO", "MultimediaProfileDTO",
        StatusCodes.Status200OK, StatusCodes.Status200OK, NameScope.Organization, []);

    public static readonly ConfigurationKind Site = new("site", "site", "SiteDTO", "SiteDTO",
        StatusCodes.Status201Created, StatusCodes.Status204NoContent, NameScope.Organization,
        [new("multimediaProfileId", "multimedia-profile")]);

    public static readonly ConfigurationKind Team = new("team", "team", "TeamDTO", "TeamResponseDTO",
        StatusCodes.Status201Created, StatusCodes.Status204NoContent, NameScope.Site,
        [new("siteId", "site"), new("multiMediaProfileId", "multimedia-profile"), new("desktopLayoutId", "desktop-layout"),
         new("userIds[]", "user"), new("queueRankings[].queueId", "contact-service-queue")]);

    public static readonly ConfigurationKind DesktopProfile = new("agent-profile", "desktop profile", "AgentProfileDTO", "AgentProfileResponseDTO",
        StatusCodes.Status201Created, StatusCodes.Status204NoContent, NameScope.Organization,
        [new("siteId", "site"), new("queues[]", "contact-service-queue"), new("entryPoints[]", "entry-point"), new("buddyTeams[]", "team"),
         new("viewableStatistics.contactServiceQueues[]", "contact-service-queue"), new("viewableStatistics.teams[]", "team"),
         new("outdialEntryPointId", "entry-point")]);

    public static readonly ConfigurationKind DesktopLayout = new("desktop-layout", "desktop layout", "DesktopLayoutDTO", "DesktopLayoutDTO",
        StatusCodes.Status200OK, StatusCodes.Status200OK, NameScope.Organization, [new("teamIds[]", "team")]);

    public static readonly ConfigurationKind UserProfile = new("user-profile", "user profile", "UserProfileGranularAccessDTO", "UserProfileGranularAccessDTO",
        StatusCodes.Status201Created, StatusCodes.Status204NoContent, NameScope.Organization, []);

    public static readonly ConfigurationKind EntryPoint = new("entry-point", "entry point", "EntryPointDTO", "EntryPointDTO",
        StatusCodes.Status201Created, StatusCodes.Status204NoContent, NameScope.Organization, [new("outdialQueueId", "contact-service-queue")]);

    public static readonly ConfigurationKind Queue = new("contact-service-queue", "queue", "ContactServiceQueueDTO", "ContactServiceQueueDTO",
        StatusCodes.Status201Created, StatusCodes.Status204NoContent, NameScope.Organization,
        [new("callDistributionGroups[].agentGroups[].teamId", "team")]);

    /// <summary>Users are created only by Control Hub's Synchronize Users (platform facts §1.9), never deleted through the API.</summary>
    public static readonly ConfigurationKind User = new("user", "user", "UserDTO", "UserResponseDTO",
        StatusCodes.Status201Created, StatusCodes.Status204NoContent, NameScope.None,
        [new("siteId", "site"), new("teamIds[]", "team"), new("agentProfileId", "agent-profile"), new("multimediaProfileId", "multimedia-profile"),
         new("userProfileId", "user-profile"), new("preferredSupervisorTeamId", "team")]);

    public static readonly IReadOnlyList<ConfigurationKind> All =
        [MultimediaProfile, Site, Team, DesktopProfile, DesktopLayout, UserProfile, EntryPoint, Queue, User];

    public static ConfigurationKind Named(string name) => All.Single(kind => kind.Name == name);
}
