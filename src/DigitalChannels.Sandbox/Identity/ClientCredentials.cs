using System.Security.Cryptography;
using System.Text;

namespace DigitalChannels.Sandbox.Identity;

/// <summary>Generation and checking of client ids and secrets, shaped like Webex integration credentials.</summary>
public static class ClientCredentials
{
    /// <summary>"C" followed by 64 lower-case hex digits.</summary>
    public static string NewClientId() => "C" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    /// <summary>64 lower-case hex digits.</summary>
    public static string NewClientSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public static byte[] HashSecret(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    /// <summary>Constant-time comparison, so that response time does not reveal how much of a guessed secret is right.</summary>
    public static bool SecretMatches(string presentedSecret, byte[] storedSha256) =>
        CryptographicOperations.FixedTimeEquals(HashSecret(presentedSecret), storedSha256);
}
