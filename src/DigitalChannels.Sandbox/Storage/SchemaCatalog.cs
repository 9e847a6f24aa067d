using DigitalChannels.Sandbox.Connect;
using DigitalChannels.Sandbox.Identity;
using DigitalChannels.Sandbox.Tenancy;

namespace DigitalChannels.Sandbox.Storage;

/// <summary>
/// Every schema step in the order it is applied. A new area adds its tables by appending its migration here
/// with the next version number; existing databases then pick it up on their next start.
/// </summary>
public static class SchemaCatalog
{
    public static IReadOnlyList<SchemaMigration> All { get; } =
    [
        TenancySchema.Organizations,
        IdentitySchema.ServiceApplicationsAndSigningKeys,
        ConnectSchema.Services,
    ];
}
