using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using DigitalChannels.Sandbox.Identity;
using DigitalChannels.Sandbox.People;
using DigitalChannels.Sandbox.Storage;

namespace DigitalChannels.Sandbox.ContactCenter;

/// <summary>
/// What every Contact Center tenant has from the start: the Global Layout, the Premium Agent, Supervisor and
/// Administrator user profiles, the "Agent Profile" desktop profile, the default RONA timeouts and the Contact Center
/// licences. Seeded lazily, on the first Contact Center, People or Control Hub request of an organization, so that
/// organizations created later get them too.
/// </summary>
public static class TenantSeed
{
    public const string GlobalLayoutName = "Global Layout";
    public const string PremiumAgentProfileName = "Premium Agent User Profile";
    public const string SupervisorProfileName = "Supervisor User Profile";
    public const string AdministratorProfileName = "Administrator User Profile";
    public const string AgentProfileName = "Agent Profile";

    private static readonly ConcurrentDictionary<string, bool> Seeded = new(StringComparer.Ordinal);

    /// <summary>Endpoint filter for every area that reads or changes Contact Center state.</summary>
    public static TBuilder RequireSeededTenant<TBuilder>(TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            if (await CallerAuthentication.AuthenticateAsync(context.HttpContext) is { } error) return error.ToResult();
            var organizationId = Caller.Of(context.HttpContext).OrganizationId;
            if (!Seeded.ContainsKey(organizationId))
            {
                var services = context.HttpContext.RequestServices;
                var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
                var licenseUnits = services.GetRequiredService<Hosting.SandboxOptions>().LicenseUnits;
                services.GetRequiredService<SandboxDatabase>().Write(session => EnsureSeeded(session, organizationId, now, licenseUnits));
                Seeded[organizationId] = true;
            }
            return await next(context);
        });

    /// <param name="licenseUnits">Units of each Contact Center licence (--license-units).</param>
    public static void EnsureSeeded(DbSession session, string organizationId, DateTimeOffset now, int licenseUnits = LicenseRepository.UnitsPerLicense)
    {
        if (session.Scalar<long>("SELECT COUNT(*) FROM cc_tenant_settings WHERE organization_id = $org;", ("$org", organizationId)) > 0) return;
        var service = new ConfigurationService(session, organizationId, now);

        service.Create(ConfigurationKinds.DesktopLayout, new JsonObject
        {
            ["name"] = GlobalLayoutName, ["description"] = "The default desktop layout of every team.", ["editedBy"] = "System",
            ["jsonFileName"] = "globalLayout.json", ["jsonFileContent"] = "{\"version\":\"0.0.6\",\"appTitle\":\"Webex Contact Center\"}",
            ["global"] = true, ["status"] = true, ["defaultJsonModified"] = false, ["validated"] = true,
        }, systemDefault: true);

        foreach (var (name, type) in new[] { (PremiumAgentProfileName, "PREMIUM_AGENT"), (SupervisorProfileName, "SUPERVISOR"), (AdministratorProfileName, "ADMINISTRATOR") })
            service.Create(ConfigurationKinds.UserProfile, new JsonObject
            {
                ["name"] = name, ["description"] = $"Built-in {type} profile.", ["profileType"] = type, ["active"] = true,
                ["permissionAccessLevel"] = "ALL", ["resourceAccessLevel"] = "ALL",
            }, systemDefault: true);

        service.Create(ConfigurationKinds.DesktopProfile, new JsonObject
        {
            ["name"] = AgentProfileName, ["description"] = "Built-in desktop profile.", ["parentType"] = "ORGANIZATION", ["active"] = true,
            ["accessWrapUpCode"] = "ALL", ["accessIdleCode"] = "ALL", ["accessQueue"] = "ALL", ["accessEntryPoint"] = "ALL", ["accessBuddyTeam"] = "ALL",
            ["agentDNValidation"] = "PROVISIONED_VALUE", ["loginVoiceOptions"] = new JsonArray("AGENT_DN", "EXTENSION", "BROWSER"),
            ["viewableStatistics"] = new JsonObject { ["agentStats"] = true, ["accessQueueStats"] = "ALL", ["accessTeamStats"] = "ALL" },
            ["timeoutDesktopInactivityMins"] = 15,
        }, systemDefault: true);

        var rona = ControlHub.RonaTimeouts.Defaults;
        session.Execute("""
            INSERT INTO cc_tenant_settings (organization_id, rona_telephony, rona_chat, rona_email, rona_social, seeded_time)
            VALUES ($org, $t, $c, $e, $s, $time);
            """, ("$org", organizationId), ("$t", rona.Telephony), ("$c", rona.Chat), ("$e", rona.Email), ("$s", rona.Social), ("$time", Timestamps.Format(now)));
        new LicenseRepository(session, organizationId).SeedContactCenterLicenses(licenseUnits);
    }

    /// <summary>Finds a built-in object by kind and name (they are seeded, so always present).</summary>
    public static StoredObject BuiltIn(ConfigurationService service, ConfigurationKind kind, string name) =>
        service.Store.FindByName(kind.Name, "", name)
        ?? throw new InvalidOperationException($"The built-in {kind.Title} '{name}' is missing from organization '{service.OrganizationId}'.");
}
