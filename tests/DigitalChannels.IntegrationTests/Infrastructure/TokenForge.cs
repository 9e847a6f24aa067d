using System.Security.Cryptography;
using DigitalChannels.Sandbox.Identity;
using DigitalChannels.Sandbox.Storage;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace DigitalChannels.IntegrationTests.Infrastructure;

/// <summary>
/// Makes access tokens the token endpoint would never issue (expired, foreign key, wrong issuer), by reading the
/// sandbox's signing key from its database the way the sandbox itself does.
/// </summary>
public sealed class TokenForge
{
    private readonly SandboxProcess sandbox;
    private readonly RsaSecurityKey sandboxKey;

    public TokenForge(SandboxProcess sandbox)
    {
        this.sandbox = sandbox;
        var stored = new SandboxDatabase(sandbox.DataDirectory).Read(session => new SigningKeyRepository(session).FindCurrent())
            ?? throw new InvalidOperationException($"The sandbox database in {sandbox.DataDirectory} has no signing key.");
        sandboxKey = SigningKeyProvider.ToSecurityKey(stored);
    }

    public string Issuer => "https://" + new Uri(sandbox.BaseUrl).Authority + "/v1";

    /// <summary>A token like the default app's, with the changes the caller asks for.</summary>
    public string Create(DateTime? issuedAt = null, TimeSpan? lifetime = null, string? issuer = null, string? organizationId = null,
        string scope = "connect:config_read", bool foreignKey = false)
    {
        var iat = issuedAt ?? DateTime.UtcNow;
        SecurityKey key = sandboxKey;
        if (foreignKey)
        {
            // Same kid as the real key, so that only the signature itself can fail.
            key = new RsaSecurityKey(RSA.Create(2048)) { KeyId = sandboxKey.KeyId };
        }
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Issuer,
            Audience = AccessTokenClaims.Audience,
            IssuedAt = iat,
            NotBefore = iat,
            Expires = iat + (lifetime ?? TimeSpan.FromHours(1)),
            Claims = new Dictionary<string, object>
            {
                ["sub"] = sandbox.ClientId,
                ["azp"] = sandbox.ClientId,
                ["org_id"] = organizationId ?? sandbox.OrgId,
                ["user_id"] = OwnerUserId(),
                ["scope"] = scope,
                ["jti"] = Guid.NewGuid().ToString(),
            },
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    private string OwnerUserId() =>
        new SandboxDatabase(sandbox.DataDirectory).Read(session =>
            new ServiceApplicationRepository(session).Find(sandbox.ClientId)!.ActingUserId);
}
