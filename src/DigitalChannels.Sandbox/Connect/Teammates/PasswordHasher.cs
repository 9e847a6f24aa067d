using System.Security.Cryptography;
using System.Text;

namespace DigitalChannels.Sandbox.Connect.Teammates;

/// <summary>
/// Teammate passwords as PBKDF2-HMAC-SHA256 (BCL only), stored as <c>pbkdf2-sha256$iterations$salt$hash</c> in base64.
/// The password itself is never stored, logged or returned.
/// </summary>
public static class PasswordHasher
{
    public const int Iterations = 100_000;
    private const int SaltBytes = 16;
    private const int HashBytes = 32;
    private const string Scheme = "pbkdf2-sha256";

    private static long hashesComputed;

    /// <summary>How many passwords this process has hashed: tests use it to show that refused requests cost no hashing.</summary>
    public static long HashesComputed => Interlocked.Read(ref hashesComputed);

    public static string Hash(string password)
    {
        Interlocked.Increment(ref hashesComputed);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, HashAlgorithmName.SHA256, HashBytes);
        return $"{Scheme}${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    public static bool Verify(string password, string stored)
    {
        var parts = stored.Split('$');
        if (parts.Length != 4 || parts[0] != Scheme || !int.TryParse(parts[1], out var iterations)) return false;
        var salt = Convert.FromBase64String(parts[2]);
        var expected = Convert.FromBase64String(parts[3]);
        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }
}
