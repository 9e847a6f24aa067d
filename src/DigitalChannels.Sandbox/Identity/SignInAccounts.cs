using DigitalChannels.Client.Environments;
using DigitalChannels.Sandbox.Connect.Teammates;
using DigitalChannels.Sandbox.Storage;
using DigitalChannels.Sandbox.Tenancy;

namespace DigitalChannels.Sandbox.Identity;

/// <summary>Who may sign in on the HTML pages: users with a password (the teammate's PBKDF2 hash, see <see cref="PasswordHasher"/>).</summary>
public static class SignInAccounts
{
    /// <summary>
    /// Gives the default tenant's Owner the well-known password (<see cref="SandboxConnectionFile.WellKnown.OwnerPassword"/>)
    /// when it has none, also in databases created before sign-in existed. A password the Owner set is left alone.
    /// </summary>
    public static void EnsureOwnerPassword(SandboxDatabase database) => database.Write(session =>
    {
        var users = new UserRepository(session);
        var owner = users.FindByEmail(SandboxConnectionFile.WellKnown.OrganizationId, SandboxConnectionFile.WellKnown.OwnerEmail);
        if (owner is null || owner.PasswordHash is not null) return;
        users.Update(owner with { PasswordHash = PasswordHasher.Hash(SandboxConnectionFile.WellKnown.OwnerPassword) });
    });

    /// <summary>
    /// The active user with this email and password, in whichever organization (an email may exist in several tenants;
    /// the password tells them apart). Null when nothing matches; the caller must not say which part was wrong.
    /// </summary>
    public static SandboxUser? Verify(DbSession session, string email, string password)
    {
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password)) return null;
        var candidates = session.Query("SELECT organization_id, id FROM users WHERE lower(email) = lower($email) AND password_hash IS NOT NULL ORDER BY created_time;",
            r => (Organization: r.GetString(0), Id: r.GetString(1)), ("$email", email.Trim()));
        var users = new UserRepository(session);
        foreach (var (organization, id) in candidates)
        {
            var user = users.Find(organization, id);
            if (user is { Status: TeammateStatus.Active, PasswordHash: { } hash } && PasswordHasher.Verify(password, hash)) return user;
        }
        return null;
    }
}
