using System.Security.Cryptography;
using DigitalChannels.Sandbox.Storage;
using Microsoft.IdentityModel.Tokens;

namespace DigitalChannels.Sandbox.Identity;

public sealed record StoredSigningKey(string KeyId, string Algorithm, byte[] RsaPrivateKey);

public sealed class SigningKeyRepository
{
    private readonly DbSession session;

    public SigningKeyRepository(DbSession session) => this.session = session;

    /// <summary>The newest key; the sandbox signs with one key at a time.</summary>
    public StoredSigningKey? FindCurrent() =>
        session.QuerySingleOrDefault("SELECT key_id, algorithm, rsa_private_key FROM signing_keys ORDER BY created_time DESC, key_id LIMIT 1;",
            r => new StoredSigningKey(r.GetString(0), r.GetString(1), (byte[])r.GetValue(2)));

    public void Insert(StoredSigningKey key, string createdTime) =>
        session.Execute("INSERT INTO signing_keys (key_id, algorithm, rsa_private_key, created_time) VALUES ($kid, $alg, $key, $time);",
            ("$kid", key.KeyId), ("$alg", key.Algorithm), ("$key", key.RsaPrivateKey), ("$time", createdTime));
}

/// <summary>
/// The RSA key that signs access tokens. Generated on the first start and kept in the database, so that tokens
/// issued before a restart still validate after it.
/// </summary>
public sealed class SigningKeyProvider
{
    public SigningKeyProvider(RsaSecurityKey key) => Key = key;

    public RsaSecurityKey Key { get; }

    public string KeyId => Key.KeyId;

    public static SigningKeyProvider LoadOrCreate(SandboxDatabase database, TimeProvider time)
    {
        var stored = database.Write(session =>
        {
            var repository = new SigningKeyRepository(session);
            var existing = repository.FindCurrent();
            if (existing is not null) return existing;
            using var rsa = RSA.Create(2048);
            var created = new StoredSigningKey(ComputeKeyId(rsa), SecurityAlgorithms.RsaSha256, rsa.ExportRSAPrivateKey());
            repository.Insert(created, Timestamps.Format(time.GetUtcNow()));
            return created;
        });
        return new SigningKeyProvider(ToSecurityKey(stored));
    }

    public static RsaSecurityKey ToSecurityKey(StoredSigningKey stored)
    {
        var rsa = RSA.Create();
        rsa.ImportRSAPrivateKey(stored.RsaPrivateKey, out _);
        return new RsaSecurityKey(rsa) { KeyId = stored.KeyId };
    }

    /// <summary>The public part as a JWK, for /v1/jwks.</summary>
    public object PublicJwk()
    {
        var parameters = Key.Rsa.ExportParameters(includePrivateParameters: false);
        return new
        {
            kty = "RSA",
            use = "sig",
            alg = SecurityAlgorithms.RsaSha256,
            kid = KeyId,
            n = Base64UrlEncoder.Encode(parameters.Modulus),
            e = Base64UrlEncoder.Encode(parameters.Exponent),
        };
    }

    /// <summary>RFC 7638 thumbprint: stable for the key and free of any meaning an attacker could use.</summary>
    private static string ComputeKeyId(RSA rsa)
    {
        var key = new RsaSecurityKey(rsa.ExportParameters(false));
        return Base64UrlEncoder.Encode(JsonWebKeyConverter.ConvertFromRSASecurityKey(key).ComputeJwkThumbprint());
    }
}
