using DigitalChannels.Client.Auth;
using DigitalChannels.Client.Environments;
using DigitalChannels.Sandbox.Identity;
using DigitalChannels.Sandbox.Storage;

namespace DigitalChannels.Sandbox.Tenancy;

/// <summary>
/// The tenant every fresh sandbox starts with: the well-known organization, its Owner and one service app acting as
/// the Owner with every scope. The ids are fixed (see <see cref="SandboxConnectionFile.WellKnown"/>) so that docs,
/// scripts and tests can name them, like Azurite's well-known account.
/// </summary>
public static class DefaultTenant
{
    public const string OrganizationName = "Sandbox";
    public const string OwnerDisplayName = "Sandbox Owner";
    public const string ApplicationName = "Sandbox default application";

    /// <summary>Seeds an empty database; does nothing once any organization exists.</summary>
    public static void EnsureCreated(SandboxDatabase database, TimeProvider time) => database.Write(session =>
    {
        var organizations = new OrganizationRepository(session);
        if (organizations.Any()) return;

        var now = Timestamps.Format(time.GetUtcNow());
        var organizationId = SandboxConnectionFile.WellKnown.OrganizationId;
        organizations.Insert(new Organization(organizationId, OrganizationName, now));

        var owner = new SandboxUser(Guid.NewGuid().ToString("D"), organizationId, SandboxConnectionFile.WellKnown.OwnerEmail,
            OwnerDisplayName, ConnectRole.Owner, now);
        new UserRepository(session).Insert(owner);

        // The default tenant is ready to use: Digital Channels provisioned, 'IMI Digital', its Owner activated.
        new Provisioning.ProvisioningRepository(session).Insert(new Provisioning.ProvisioningRecord(organizationId, owner.Email, owner.DisplayName,
            now, now, Provisioning.ProvisioningProgress.ConnectTenantUrl(organizationId), now, owner.Id, now));

        new ServiceApplicationRepository(session).Insert(new ServiceApplication(
            SandboxConnectionFile.WellKnown.ClientId, organizationId, ApplicationName,
            ClientCredentials.HashSecret(SandboxConnectionFile.WellKnown.ClientSecret), owner.Id, Scopes.All, now));
    });
}
