using DigitalChannels.Sandbox.Storage;

namespace DigitalChannels.Sandbox.People;

public sealed record License(string Id, string Name, int TotalUnits, string SubscriptionId);

/// <summary>The organization's licences. Consumption is counted from the people who hold them, never stored twice.</summary>
public sealed class LicenseRepository
{
    public const string PremiumAgent = "Contact Center Premium Agent";
    public const string StandardAgent = "Contact Center Standard Agent";
    /// <summary>The default units of each licence (--license-units changes it for new organizations).</summary>
    public const int UnitsPerLicense = 100;

    /// <summary>The licence names that make a person a Contact Center licensee.</summary>
    public static readonly IReadOnlySet<string> ContactCenterLicenseNames = new HashSet<string>(StringComparer.Ordinal) { PremiumAgent, StandardAgent };

    private readonly DbSession session;
    private readonly string organizationId;

    public LicenseRepository(DbSession session, string organizationId)
    {
        this.session = session;
        this.organizationId = organizationId;
    }

    public void SeedContactCenterLicenses(int units = UnitsPerLicense)
    {
        var subscription = "Sub-" + organizationId[..8].ToUpperInvariant();
        foreach (var (name, code) in new[] { (PremiumAgent, "CJPPRM"), (StandardAgent, "CJPSTD") })
            session.Execute("INSERT OR IGNORE INTO webex_licenses (organization_id, id, name, total_units, subscription_id) VALUES ($org, $id, $name, $units, $sub);",
                ("$org", organizationId), ("$id", WebexIds.Encode(WebexIds.License, $"{organizationId}_{code}")), ("$name", name),
                ("$units", units), ("$sub", subscription));
    }

    public List<License> All() =>
        session.Query("SELECT id, name, total_units, subscription_id FROM webex_licenses WHERE organization_id = $org ORDER BY name;",
            r => new License(r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetString(3)), ("$org", organizationId));

    public License? Find(string id) => All().FirstOrDefault(l => l.Id == id);
}
