using DigitalChannels.Sandbox.Storage;

namespace DigitalChannels.IntegrationTests.Infrastructure;

/// <summary>
/// Makes a sandbox's database look as one from before a schema step: the tests of upgrades drop what the later steps
/// created and forget them, so the next start must run them again. One list, so a new step is added here once.
/// </summary>
internal static class OlderSchema
{
    private static readonly (int Version, string[] Tables)[] StepsAfterSignIn =
    [
        (11, ["service_app_authorizations"]),
        (12, ["connect_templates", "connect_tenant_settings", "connect_profile_settings"]),
        (13, ["connect_traffic"]),
        (14, ["connect_log_exports", "connect_scheduled_events"]),
    ];

    /// <summary>SQL that undoes every step from <paramref name="version"/> (at least 11) to the newest.</summary>
    public static string WithoutStepsFrom(int version)
    {
        var newest = SchemaCatalog.All.Max(step => step.Version);
        if (StepsAfterSignIn[^1].Version != newest)
            throw new InvalidOperationException($"The sandbox's newest schema step is {newest}; add the tables it creates to {nameof(OlderSchema)}.");
        return string.Concat(StepsAfterSignIn.Where(step => step.Version >= version).Select(step =>
            string.Concat(step.Tables.Select(table => $"DROP TABLE {table}; ")) + $"DELETE FROM schema_version WHERE version = {step.Version};\n"));
    }
}
