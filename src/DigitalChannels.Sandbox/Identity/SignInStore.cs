using System.Security.Cryptography;
using System.Text;
using DigitalChannels.Sandbox.Storage;

namespace DigitalChannels.Sandbox.Identity;

/// <summary>Webex's lifetimes for what a sign-in hands out (platform facts §1.1a), judged by the sandbox clock.</summary>
public static class SignInLifetimes
{
    /// <summary>Access tokens of a signed-in administrator: 14 days, as Webex's expires_in ≈ 1,209,599 s.</summary>
    public static readonly TimeSpan AccessToken = TimeSpan.FromDays(14);

    /// <summary>90 days, as Webex's refresh_token_expires_in ≈ 7,775,999 s; every refresh starts a new 90 days.</summary>
    public static readonly TimeSpan RefreshToken = TimeSpan.FromDays(90);

    /// <summary>Codes are single-use and short-lived (RFC 6749 §4.1.2 recommends at most 10 minutes).</summary>
    public static readonly TimeSpan AuthorizationCode = TimeSpan.FromMinutes(10);

    public static readonly TimeSpan DeviceCode = TimeSpan.FromMinutes(10);

    public const int DevicePollingIntervalSeconds = 5;

    /// <summary>RFC 8628 §3.5: each slow_down adds 5 seconds to the interval.</summary>
    public const int SlowDownIncrementSeconds = 5;

    public static readonly TimeSpan BrowserSession = TimeSpan.FromHours(12);
}

/// <summary>Random opaque secrets and the hash under which they are stored (never the secret itself).</summary>
public static class OpaqueSecret
{
    public static string New() => Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    public static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>RFC 8628 §6.1: 8 letters without vowels (no words), shown as XXXX-XXXX.</summary>
    public static string NewUserCode()
    {
        const string alphabet = "BCDFGHJKLMNPQRSTVWXZ";
        var chars = new char[8];
        for (var i = 0; i < chars.Length; i++) chars[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
        return new string(chars, 0, 4) + "-" + new string(chars, 4, 4);
    }

    /// <summary>Users type codes loosely: case and separators do not matter.</summary>
    public static string NormalizeUserCode(string? text)
    {
        var letters = new string((text ?? string.Empty).Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
        return letters.Length == 8 ? letters[..4] + "-" + letters[4..] : letters;
    }
}

public sealed record AuthorizationCode(
    string ClientId, string OrganizationId, string UserId, string RedirectUri, IReadOnlyList<string> Scopes,
    string? CodeChallenge, string? ChallengeMethod, DateTimeOffset Expires, bool Used);

public sealed record RefreshTokenRecord(string FamilyId, string ClientId, string OrganizationId, string UserId, IReadOnlyList<string> Scopes,
    DateTimeOffset Expires, bool Used);

public enum DeviceCodeStatus { Pending, Approved, Denied, Used }

public sealed record DeviceCode(byte[] DeviceCodeSha256, string UserCode, string ClientId, IReadOnlyList<string> Scopes, DateTimeOffset Expires,
    int IntervalSeconds, DateTimeOffset? LastPolled, DeviceCodeStatus Status, string? OrganizationId, string? UserId);

public sealed record SignInSession(string OrganizationId, string UserId, DateTimeOffset Expires);

/// <summary>The stored state of sign-in flows: one place for the SQL of codes, refresh tokens, device codes and sessions.</summary>
public sealed class SignInStore
{
    private readonly DbSession session;

    public SignInStore(DbSession session) => this.session = session;

    /// <summary>The session of this store, for checks of the same transaction in other repositories.</summary>
    public DbSession Session => session;

    public void InsertCode(string code, AuthorizationCode value) =>
        session.Execute("""
            INSERT INTO authorization_codes (code_sha256, client_id, organization_id, user_id, redirect_uri, scopes, code_challenge, challenge_method, expires_time)
            VALUES ($hash, $client, $org, $user, $redirect, $scopes, $challenge, $method, $expires);
            """,
            ("$hash", OpaqueSecret.Hash(code)), ("$client", value.ClientId), ("$org", value.OrganizationId), ("$user", value.UserId),
            ("$redirect", value.RedirectUri), ("$scopes", ScopeText.Join(value.Scopes)), ("$challenge", value.CodeChallenge),
            ("$method", value.ChallengeMethod), ("$expires", Timestamps.Format(value.Expires)));

    public AuthorizationCode? FindCode(string code) =>
        session.QuerySingleOrDefault("""
            SELECT client_id, organization_id, user_id, redirect_uri, scopes, code_challenge, challenge_method, expires_time, used_time
            FROM authorization_codes WHERE code_sha256 = $hash;
            """,
            r => new AuthorizationCode(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), ScopeText.Split(r.GetString(4)),
                r.GetNullableString(5), r.GetNullableString(6), Timestamps.Parse(r.GetString(7)), !r.IsDBNull(8)),
            ("$hash", OpaqueSecret.Hash(code)));

    /// <summary>True for the first caller only: the UPDATE is the single-use check, so two racing redemptions cannot both win.</summary>
    public bool MarkCodeUsed(string code, DateTimeOffset now) =>
        session.Execute("UPDATE authorization_codes SET used_time = $now WHERE code_sha256 = $hash AND used_time IS NULL;",
            ("$now", Timestamps.Format(now)), ("$hash", OpaqueSecret.Hash(code))) == 1;

    public void InsertRefreshToken(string token, RefreshTokenRecord value) =>
        session.Execute("""
            INSERT INTO refresh_tokens (token_sha256, family_id, client_id, organization_id, user_id, scopes, expires_time)
            VALUES ($hash, $family, $client, $org, $user, $scopes, $expires);
            """,
            ("$hash", OpaqueSecret.Hash(token)), ("$family", value.FamilyId), ("$client", value.ClientId), ("$org", value.OrganizationId),
            ("$user", value.UserId), ("$scopes", ScopeText.Join(value.Scopes)), ("$expires", Timestamps.Format(value.Expires)));

    public RefreshTokenRecord? FindRefreshToken(string token) =>
        session.QuerySingleOrDefault("""
            SELECT family_id, client_id, organization_id, user_id, scopes, expires_time, used_time FROM refresh_tokens WHERE token_sha256 = $hash;
            """,
            r => new RefreshTokenRecord(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), ScopeText.Split(r.GetString(4)),
                Timestamps.Parse(r.GetString(5)), !r.IsDBNull(6)),
            ("$hash", OpaqueSecret.Hash(token)));

    public bool MarkRefreshTokenUsed(string token, DateTimeOffset now) =>
        session.Execute("UPDATE refresh_tokens SET used_time = $now WHERE token_sha256 = $hash AND used_time IS NULL;",
            ("$now", Timestamps.Format(now)), ("$hash", OpaqueSecret.Hash(token))) == 1;

    /// <summary>A replayed refresh token means it leaked: every token of its line dies (OAuth 2.0 Security BCP §4.14.2).</summary>
    public void RevokeFamily(string familyId, DateTimeOffset now) =>
        session.Execute("UPDATE refresh_tokens SET used_time = COALESCE(used_time, $now) WHERE family_id = $family;",
            ("$now", Timestamps.Format(now)), ("$family", familyId));

    public void InsertDeviceCode(string deviceCode, DeviceCode value) =>
        session.Execute("""
            INSERT INTO device_codes (device_code_sha256, user_code, client_id, scopes, expires_time, interval_seconds, status)
            VALUES ($hash, $userCode, $client, $scopes, $expires, $interval, $status);
            """,
            ("$hash", OpaqueSecret.Hash(deviceCode)), ("$userCode", value.UserCode), ("$client", value.ClientId), ("$scopes", ScopeText.Join(value.Scopes)),
            ("$expires", Timestamps.Format(value.Expires)), ("$interval", value.IntervalSeconds), ("$status", value.Status.ToString()));

    private const string DeviceColumns =
        "device_code_sha256, user_code, client_id, scopes, expires_time, interval_seconds, last_polled_time, status, organization_id, user_id";

    public DeviceCode? FindDeviceCode(string deviceCode) =>
        session.QuerySingleOrDefault($"SELECT {DeviceColumns} FROM device_codes WHERE device_code_sha256 = $hash;", MapDevice,
            ("$hash", OpaqueSecret.Hash(deviceCode)));

    public DeviceCode? FindByUserCode(string userCode) =>
        session.QuerySingleOrDefault($"SELECT {DeviceColumns} FROM device_codes WHERE user_code = $code;", MapDevice, ("$code", userCode));

    public void RecordPoll(byte[] hash, DateTimeOffset now, int intervalSeconds) =>
        session.Execute("UPDATE device_codes SET last_polled_time = $now, interval_seconds = $interval WHERE device_code_sha256 = $hash;",
            ("$now", Timestamps.Format(now)), ("$interval", intervalSeconds), ("$hash", hash));

    public void Decide(byte[] hash, DeviceCodeStatus status, string? organizationId, string? userId) =>
        session.Execute("""
            UPDATE device_codes SET status = $status, organization_id = $org, user_id = $user WHERE device_code_sha256 = $hash AND status = 'Pending';
            """,
            ("$status", status.ToString()), ("$org", organizationId), ("$user", userId), ("$hash", hash));

    public bool MarkDeviceCodeUsed(byte[] hash) =>
        session.Execute("UPDATE device_codes SET status = 'Used' WHERE device_code_sha256 = $hash AND status = 'Approved';", ("$hash", hash)) == 1;

    public void InsertSession(string sessionId, SignInSession value) =>
        session.Execute("INSERT INTO sign_in_sessions (session_sha256, organization_id, user_id, expires_time) VALUES ($hash, $org, $user, $expires);",
            ("$hash", OpaqueSecret.Hash(sessionId)), ("$org", value.OrganizationId), ("$user", value.UserId), ("$expires", Timestamps.Format(value.Expires)));

    public SignInSession? FindSession(string sessionId) =>
        session.QuerySingleOrDefault("SELECT organization_id, user_id, expires_time FROM sign_in_sessions WHERE session_sha256 = $hash;",
            r => new SignInSession(r.GetString(0), r.GetString(1), Timestamps.Parse(r.GetString(2))), ("$hash", OpaqueSecret.Hash(sessionId)));

    private static DeviceCode MapDevice(Microsoft.Data.Sqlite.SqliteDataReader r) =>
        new((byte[])r.GetValue(0), r.GetString(1), r.GetString(2), ScopeText.Split(r.GetString(3)), Timestamps.Parse(r.GetString(4)), r.GetInt32(5),
            r.IsDBNull(6) ? null : Timestamps.Parse(r.GetString(6)), Enum.Parse<DeviceCodeStatus>(r.GetString(7)), r.GetNullableString(8), r.GetNullableString(9));
}
