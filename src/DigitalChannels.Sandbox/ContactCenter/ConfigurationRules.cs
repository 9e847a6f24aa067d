using System.Text.Json.Nodes;

namespace DigitalChannels.Sandbox.ContactCenter;

/// <summary>
/// The rules the spec states in prose rather than in its schemas (field descriptions, platform facts §1.3):
/// multimedia-profile blending limits, team type and site fixed after create, capacity teams without agents or
/// multimedia profile, desktop-profile SPECIFIC lists, outbound entry points on telephony only, and the users'
/// Control Hub-owned fields. Every message names the field and the value.
/// </summary>
public static class ConfigurationRules
{
    /// <summary>User fields that only Control Hub changes (platform facts §1.3, §1.9).</summary>
    public static readonly string[] ControlHubOwnedUserFields = ["ciUserId", "email", "firstName", "lastName", "active", "userProfileId"];

    /// <summary>User fields that only make sense for a Contact Center-enabled user.</summary>
    public static readonly string[] AgentSettings = ["siteId", "teamIds", "agentProfileId", "multimediaProfileId", "skillProfileId"];

    public static void Check(ConfigurationKind kind, JsonObject item, StoredObject? current, ConfigurationService service)
    {
        RequireNonBlankName(kind, item);
        switch (kind.Name)
        {
            case "multimedia-profile": CheckMultimediaProfile(item); break;
            case "team": CheckTeam(item, current, service); break;
            case "agent-profile": CheckDesktopProfile(item); break;
            case "entry-point": CheckEntryPoint(item); break;
            case "contact-service-queue": CheckQueue(item); break;
            case "user": CheckUser(item, current, service); break;
        }
    }

    private static void RequireNonBlankName(ConfigurationKind kind, JsonObject item)
    {
        if (kind.Names == NameScope.None) return;
        var name = item["name"]?.GetValue<string>();
        if (name is null || name.Trim().Length == 0)
            throw ContactCenterErrors.Invalid($"The field 'name' of a {kind.Title} must not be empty or blank (got '{name}').");
    }

    private static int Int(JsonObject item, string field) => item[field]?.GetValue<int>() ?? 0;

    private static void Range(JsonObject item, string field, int minimum, int maximum, string because, string prefix = "")
    {
        var value = Int(item, field);
        if (value < minimum || value > maximum)
            throw ContactCenterErrors.Invalid($"The field '{prefix}{field}' must be from {minimum} to {maximum} {because} (got {value}).");
    }

    private static void CheckMultimediaProfile(JsonObject item)
    {
        var mode = item["blendingMode"]!.GetValue<string>();
        var enabled = item["blendingModeEnabled"]!.GetValue<bool>();
        switch (mode)
        {
            case "BLENDED":
                Range(item, "telephony", 0, 1, "in BLENDED mode");
                foreach (var channel in new[] { "chat", "email", "social" }) Range(item, channel, 0, 5, "in BLENDED mode");
                break;
            case "BLENDED_REALTIME":
                Range(item, "telephony", 1, 1, "in BLENDED_REALTIME mode");
                Range(item, "chat", 1, 5, "in BLENDED_REALTIME mode");
                Range(item, "email", 0, 5, "in BLENDED_REALTIME mode");
                Range(item, "social", 0, 5, "in BLENDED_REALTIME mode");
                break;
            case "EXCLUSIVE":
                // One contact at a time: each channel is on (1) or off (0).
                foreach (var channel in new[] { "telephony", "chat", "email", "social" }) Range(item, channel, 0, 1, "in EXCLUSIVE mode");
                break;
            default:
                throw ContactCenterErrors.Invalid($"The field 'blendingMode' must be BLENDED, BLENDED_REALTIME or EXCLUSIVE (got '{mode}').");
        }
        if (enabled != (mode != "EXCLUSIVE"))
            throw ContactCenterErrors.Invalid(
                $"The field 'blendingModeEnabled' must be {(mode != "EXCLUSIVE" ? "true" : "false")} when 'blendingMode' is {mode} (got {(enabled ? "true" : "false")}).");
        if (item["manuallyAssignable"] is JsonObject manual)
        {
            Range(manual, "telephony", 0, 1, "", "manuallyAssignable.");
            Range(manual, "chat", 0, 5, "", "manuallyAssignable.");
            Range(manual, "email", 0, 10, "", "manuallyAssignable.");
            Range(manual, "social", 0, 5, "", "manuallyAssignable.");
        }
    }

    private static void CheckTeam(JsonObject item, StoredObject? current, ConfigurationService service)
    {
        var type = item["teamType"]!.GetValue<string>();
        var siteId = item["siteId"]!.GetValue<string>();
        if (current is not null)
        {
            var oldType = current.Body["teamType"]!.GetValue<string>();
            if (oldType != type)
                throw ContactCenterErrors.Invalid($"The field 'teamType' cannot change after the team is created (it is {oldType}, the request says {type}).");
            var oldSite = current.Body["siteId"]!.GetValue<string>();
            if (!string.Equals(oldSite, siteId, StringComparison.OrdinalIgnoreCase))
                throw ContactCenterErrors.Invalid($"The field 'siteId' cannot change after the team is created (it is '{oldSite}', the request says '{siteId}').");
        }
        if (type == "CAPACITY")
        {
            if (item["userIds"] is JsonArray { Count: > 0 } users)
                throw ContactCenterErrors.Invalid($"The field 'userIds' must be empty for a CAPACITY team (got {users.ToJsonString()}); only AGENT teams have agents.");
            if (item["multiMediaProfileId"]?.GetValue<string>() is { Length: > 0 } profile)
                throw ContactCenterErrors.Invalid($"The field 'multiMediaProfileId' must not be set for a CAPACITY team (got '{profile}').");
        }
        else if (item["capacity"] is not null || item["dialedNumber"] is not null)
        {
            var field = item["capacity"] is not null ? "capacity" : "dialedNumber";
            throw ContactCenterErrors.Invalid($"The field '{field}' applies only to CAPACITY teams (got {item[field]!.ToJsonString()} for an AGENT team).");
        }
        if (item["queueRankings"] is JsonArray rankings)
        {
            for (var i = 0; i < rankings.Count; i++)
            {
                var rank = rankings[i]!["rank"]!.GetValue<int>();
                if (rank < 1) throw ContactCenterErrors.Invalid($"The field 'queueRankings[{i}].rank' must be from 1 to 50 (got {rank}).");
            }
        }
        foreach (var userId in new ReferenceField("userIds[]", "user").ValuesIn(item))
        {
            var user = service.Store.Find("user", userId);
            if (user is not null && user.Body["contactCenterEnabled"]?.GetValue<bool>() != true)
                throw ContactCenterErrors.Invalid($"The field 'userIds' names user '{user.Body["email"]}' (id {user.Id}), who is not Contact Center enabled.");
        }
    }

    private static void CheckDesktopProfile(JsonObject item)
    {
        if (item["parentType"]!.GetValue<string>() == "SITE" && item["siteId"]?.GetValue<string>() is not { Length: > 0 })
            throw ContactCenterErrors.Invalid("The field 'siteId' is required when 'parentType' is SITE.");
        foreach (var (access, list) in new[] { ("accessWrapUpCode", "wrapUpCodes"), ("accessIdleCode", "idleCodes"), ("accessQueue", "queues"),
                     ("accessEntryPoint", "entryPoints"), ("accessBuddyTeam", "buddyTeams") })
        {
            if (item[access]!.GetValue<string>() == "SPECIFIC" && item[list] is not JsonArray { Count: > 0 })
                throw ContactCenterErrors.Invalid($"The field '{list}' must list at least one id when '{access}' is SPECIFIC.");
        }
        var statistics = item["viewableStatistics"]!.AsObject();
        foreach (var (access, list) in new[] { ("accessQueueStats", "contactServiceQueues"), ("accessTeamStats", "teams") })
        {
            if (statistics[access]?.GetValue<string>() == "SPECIFIC" && statistics[list] is not JsonArray { Count: > 0 })
                throw ContactCenterErrors.Invalid($"The field 'viewableStatistics.{list}' must list at least one id when 'viewableStatistics.{access}' is SPECIFIC.");
        }
    }

    private static void CheckEntryPoint(JsonObject item)
    {
        var type = item["entryPointType"]!.GetValue<string>();
        var channel = item["channelType"]!.GetValue<string>();
        if (type == "OUTBOUND" && channel != "TELEPHONY")
            throw ContactCenterErrors.Invalid($"The field 'channelType' must be TELEPHONY for an OUTBOUND entry point (got '{channel}').");
    }

    private static void CheckQueue(JsonObject item)
    {
        var routing = item["queueRoutingType"]!.GetValue<string>();
        var groups = item["callDistributionGroups"] as JsonArray;
        if (routing == "TEAM_BASED" && (groups is null || !groups.Any(g => g?["agentGroups"] is JsonArray { Count: > 0 })))
            throw ContactCenterErrors.Invalid("The field 'callDistributionGroups' must name at least one team (agentGroups[].teamId) when 'queueRoutingType' is TEAM_BASED.");
    }

    private static void CheckUser(JsonObject item, StoredObject? current, ConfigurationService service)
    {
        if (current is null) return; // Synchronize Users creates them; nothing else does.
        foreach (var field in ControlHubOwnedUserFields)
        {
            var before = current.Body[field]?.ToJsonString();
            var after = item[field]?.ToJsonString();
            if (before != after)
                throw ContactCenterErrors.OwnedByControlHub(
                    $"The field '{field}' is managed in Control Hub and cannot be changed through this API (it is {before ?? "unset"}, the request says {after ?? "unset"}).");
        }
        if (item["contactCenterEnabled"]!.GetValue<bool>()) 
        {
            foreach (var teamId in new ReferenceField("teamIds[]", "team").ValuesIn(item))
            {
                if (service.Store.Find("team", teamId) is { } team && team.Body["teamType"]?.GetValue<string>() == "CAPACITY")
                    throw ContactCenterErrors.Invalid($"The field 'teamIds' names the CAPACITY team '{team.Name}' (id {team.Id}); agents can only join AGENT teams.");
            }
            return;
        }
        foreach (var field in AgentSettings)
        {
            var value = item[field];
            if (value is null || value is JsonArray { Count: 0 } || (value is JsonValue v && v.ToString().Length == 0)) continue;
            throw ContactCenterErrors.Invalid(
                $"The field '{field}' is an agent setting and needs 'contactCenterEnabled' true (got {value.ToJsonString()} with contactCenterEnabled false).");
        }
    }
}
