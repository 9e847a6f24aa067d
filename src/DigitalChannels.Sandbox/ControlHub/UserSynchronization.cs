using System.Text.Json.Nodes;
using DigitalChannels.Sandbox.ContactCenter;
using DigitalChannels.Sandbox.People;
using DigitalChannels.Sandbox.Storage;

namespace DigitalChannels.Sandbox.ControlHub;

public sealed record SynchronizationResult(int Activated, int Deactivated, int Unchanged);

/// <summary>
/// Control Hub's "Synchronize Users" (platform facts §1.9, lab rule 22): every person holding a Contact Center licence
/// gets an active Contact Center user (new users: contactCenterEnabled false, the Premium Agent user profile, or the
/// Administrator profile for Full administrators); a user whose person lost the licence or was deleted becomes
/// inactive. Names and email follow the person, because Control Hub owns them.
/// </summary>
public static class UserSynchronization
{
    public static SynchronizationResult Run(DbSession session, string organizationId, DateTimeOffset now)
    {
        var service = new ConfigurationService(session, organizationId, now);
        var licenses = new LicenseRepository(session, organizationId).All()
            .Where(l => LicenseRepository.ContactCenterLicenseNames.Contains(l.Name)).Select(l => l.Id).ToHashSet(StringComparer.Ordinal);
        var licensed = new PersonRepository(session, organizationId).All()
            .Where(p => p.Licenses.Any(licenses.Contains)).ToDictionary(p => p.Uuid, StringComparer.OrdinalIgnoreCase);
        var users = service.Store.All(ConfigurationKinds.User.Name);
        var profiles = service.Store.All(ConfigurationKinds.UserProfile.Name);
        string BuiltInProfile(string type) =>
            (profiles.FirstOrDefault(p => p.Body["systemDefault"]?.GetValue<bool>() == true && p.Body["profileType"]?.GetValue<string>() == type)
             ?? throw new InvalidOperationException($"The built-in {type} user profile is missing from organization '{organizationId}'.")).Id;

        int activated = 0, deactivated = 0, unchanged = 0;
        foreach (var user in users)
        {
            var ciUserId = user.Body["ciUserId"]!.GetValue<string>();
            var active = user.Body["active"]?.GetValue<bool>() == true;
            if (licensed.Remove(ciUserId, out var person))
            {
                var updated = WithPerson(user.Body, person);
                updated["active"] = true;
                if (!JsonNode.DeepEquals(updated, user.Body)) Save(service, user, updated, now);
                if (active) unchanged++; else activated++;
            }
            else if (active)
            {
                var updated = user.Body.DeepClone().AsObject();
                updated["active"] = false;
                Save(service, user, updated, now);
                deactivated++;
            }
            else
            {
                unchanged++;
            }
        }

        foreach (var person in licensed.Values)
        {
            var isAdministrator = person.Roles.Contains(WebexIds.FullAdministratorRoleId);
            var body = WithPerson(new JsonObject(), person);
            body["ciUserId"] = person.Uuid;
            body["active"] = true;
            body["contactCenterEnabled"] = false;
            body["userProfileId"] = BuiltInProfile(isAdministrator ? "ADMINISTRATOR" : "PREMIUM_AGENT");
            body["imiUserCreated"] = false;
            service.Create(ConfigurationKinds.User, body);
            activated++;
        }
        return new SynchronizationResult(activated, deactivated, unchanged);
    }

    /// <summary>The person's email and names on the user; a person with only a display name splits it (the DTO needs both names).</summary>
    private static JsonObject WithPerson(JsonObject user, Person person)
    {
        var copy = user.DeepClone().AsObject();
        var display = person.Body["displayName"]?.GetValue<string>() ?? person.Email;
        var parts = display.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        copy["email"] = person.Email;
        copy["firstName"] = person.Body["firstName"]?.GetValue<string>() ?? (parts.Length > 0 ? parts[0] : person.Email);
        copy["lastName"] = person.Body["lastName"]?.GetValue<string>() ?? (parts.Length > 1 ? parts[1] : parts.FirstOrDefault() ?? person.Email);
        return copy;
    }

    /// <summary>Control Hub writes past the API's Control Hub-owned-field rule: straight to the store, with a new version.</summary>
    private static void Save(ConfigurationService service, StoredObject user, JsonObject body, DateTimeOffset now)
    {
        var updated = user with { Body = body, Version = user.Version + 1, UpdatedMs = now.ToUnixTimeMilliseconds() };
        service.Store.Update(updated, nameScope: null);
    }
}
