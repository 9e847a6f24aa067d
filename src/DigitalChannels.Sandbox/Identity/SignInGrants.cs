using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using DigitalChannels.Sandbox.Http;
using DigitalChannels.Sandbox.Storage;

namespace DigitalChannels.Sandbox.Identity;

/// <summary>PKCE (RFC 7636): Webex accepts S256 and plain.</summary>
public static partial class Pkce
{
    public const string S256 = "S256";
    public const string Plain = "plain";

    /// <summary>43 to 128 unreserved characters (RFC 7636 §4.1); the challenge of either method has the same shape.</summary>
    public static bool IsWellFormed(string? value) => value is not null && VerifierPattern().IsMatch(value);

    public static bool Matches(string verifier, string challenge, string method)
    {
        var expected = method == S256 ? OpaqueSecret.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))) : verifier;
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(challenge));
    }

    [GeneratedRegex("^[A-Za-z0-9._~-]{43,128}$")]
    private static partial Regex VerifierPattern();
}

/// <summary>RFC 8252 §7.3: native apps redirect to a loopback IP literal (or localhost) on any port, so none is registered.</summary>
public static class LoopbackRedirect
{
    /// <summary>Null when <paramref name="redirectUri"/> is acceptable, else why not (shown on the error page, never redirected to).</summary>
    public static string? Problem(string? redirectUri)
    {
        if (string.IsNullOrEmpty(redirectUri)) return "The request has no redirect_uri.";
        if (!Uri.TryCreate(redirectUri, UriKind.Absolute, out var uri)) return $"The redirect_uri '{redirectUri}' is not an absolute URI.";
        if (uri.Scheme != Uri.UriSchemeHttp) return $"The redirect_uri '{redirectUri}' must use http on a loopback address (RFC 8252 §7.3), not '{uri.Scheme}'.";
        if (!string.IsNullOrEmpty(uri.Fragment)) return $"The redirect_uri '{redirectUri}' must not have a fragment.";
        var loopback = uri.Host is "127.0.0.1" or "[::1]" or "localhost";
        return loopback ? null : $"The redirect_uri '{redirectUri}' is not a loopback address (127.0.0.1, [::1] or localhost, any port); this sandbox redirects nowhere else.";
    }
}

/// <summary>
/// The token endpoint's grants for signed-in administrators: authorization code (with PKCE), refresh token (rotated on
/// every use) and device code (RFC 8628, 428 while pending as Webex answers). The client is already authenticated.
/// </summary>
public static class SignInGrants
{
    public const string AuthorizationCode = "authorization_code";
    public const string RefreshToken = "refresh_token";
    public const string DeviceCode = "urn:ietf:params:oauth:grant-type:device_code";

    public static readonly IReadOnlyList<string> All = [AuthorizationCode, RefreshToken, DeviceCode];

    public static IResult Issue(HttpContext context, IFormCollection form, string grantType, ServiceApplication client, SandboxDatabase database,
        AccessTokenIssuer issuer)
    {
        var now = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var issuerUrl = IssuerUrls.Issuer(context.Request);
        return database.Write(session =>
        {
            var store = new SignInStore(session);
            return grantType switch
            {
                AuthorizationCode => RedeemCode(store, form, client, now, issuerUrl, issuer),
                RefreshToken => Refresh(store, form, client, now, issuerUrl, issuer),
                _ => PollDevice(store, form, client, now, issuerUrl, issuer),
            };
        });
    }

    private static IResult RedeemCode(SignInStore store, IFormCollection form, ServiceApplication client, DateTimeOffset now, string issuerUrl, AccessTokenIssuer issuer)
    {
        var code = form["code"].ToString();
        if (string.IsNullOrEmpty(code)) return Error(400, "invalid_request", "The authorization_code request has no code.");
        var stored = store.FindCode(code);
        if (stored is null || stored.ClientId != client.ClientId)
            return Error(400, "invalid_grant", $"The authorization code is unknown or was not issued to client '{client.ClientId}'.");
        var family = FamilyOf(code);
        if (stored.Used)
        {
            // A second redemption means the code leaked: the tokens the first one got are revoked (RFC 6749 §4.1.2).
            store.RevokeFamily(family, now);
            return Error(400, "invalid_grant", "The authorization code was already used; codes are single-use. Sign in again.");
        }
        if (now > stored.Expires)
            return Error(400, "invalid_grant", $"The authorization code expired at {Timestamps.Format(stored.Expires)} (codes live {SignInLifetimes.AuthorizationCode.TotalMinutes:0} minutes). Sign in again.");
        var redirectUri = form["redirect_uri"].ToString();
        if (redirectUri != stored.RedirectUri)
            return Error(400, "invalid_grant", $"The redirect_uri '{redirectUri}' differs from the one of the authorization request '{stored.RedirectUri}'.");

        var verifier = form["code_verifier"].ToString();
        if (stored.CodeChallenge is { } challenge)
        {
            if (string.IsNullOrEmpty(verifier))
                return Error(400, "invalid_grant", "The authorization request had a code_challenge, so the token request needs its code_verifier.");
            if (!Pkce.IsWellFormed(verifier))
                return Error(400, "invalid_grant", "The code_verifier must have 43 to 128 characters from A-Z, a-z, 0-9 and '-._~' (RFC 7636 §4.1).");
            if (!Pkce.Matches(verifier, challenge, stored.ChallengeMethod!))
                return Error(400, "invalid_grant", $"The code_verifier does not match the code_challenge ({stored.ChallengeMethod}) of the authorization request.");
        }
        else if (!string.IsNullOrEmpty(verifier))
        {
            return Error(400, "invalid_grant", "The authorization request had no code_challenge, so the code_verifier cannot be checked.");
        }

        if (!store.MarkCodeUsed(code, now)) return Error(400, "invalid_grant", "The authorization code was already used; codes are single-use. Sign in again.");
        return Tokens(store, client.ClientId, stored.OrganizationId, stored.UserId, stored.Scopes, family, now, issuerUrl, issuer);
    }

    private static IResult Refresh(SignInStore store, IFormCollection form, ServiceApplication client, DateTimeOffset now, string issuerUrl, AccessTokenIssuer issuer)
    {
        var token = form["refresh_token"].ToString();
        if (string.IsNullOrEmpty(token)) return Error(400, "invalid_request", "The refresh_token request has no refresh_token.");
        var stored = store.FindRefreshToken(token);
        if (stored is null || stored.ClientId != client.ClientId)
            return Error(400, "invalid_grant", $"The refresh token is unknown or was not issued to client '{client.ClientId}'.");
        if (stored.Used)
        {
            // Rotation: a used refresh token presented again was copied; its whole line is revoked.
            store.RevokeFamily(stored.FamilyId, now);
            return Error(400, "invalid_grant", "The refresh token was already used (each refresh returns a new one) or was revoked. Sign in again.");
        }
        if (now > stored.Expires)
            return Error(400, "invalid_grant", $"The refresh token expired at {Timestamps.Format(stored.Expires)}. Sign in again.");
        // A service app's line lives as long as a Full Admin keeps the app authorized for the organization.
        if (stored.FamilyId.StartsWith(ServiceAppLifetimes.FamilyPrefix, StringComparison.Ordinal))
        {
            var authorization = new ServiceAppAuthorizationRepository(store.Session).Find(stored.ClientId, stored.OrganizationId);
            if (authorization is null || authorization.MachineUserId != stored.UserId)
                return Error(400, "invalid_grant",
                    $"The service app '{client.ClientId}' is no longer authorized for organization '{stored.OrganizationId}'. A Full Admin authorizes it again; then get a new token pair.");
        }

        var scopes = stored.Scopes;
        var requested = ScopeText.Split(form["scope"].ToString());
        if (requested.Count > 0)
        {
            var extra = requested.Where(scope => !stored.Scopes.Contains(scope, StringComparer.Ordinal)).ToList();
            if (extra.Count > 0)
                return Error(400, "invalid_scope", $"The scope(s) '{string.Join(' ', extra)}' were not granted at sign-in (granted: {ScopeText.Join(stored.Scopes)}).");
            scopes = requested;
        }
        if (!store.MarkRefreshTokenUsed(token, now))
            return Error(400, "invalid_grant", "The refresh token was already used (each refresh returns a new one). Sign in again.");
        return Tokens(store, client.ClientId, stored.OrganizationId, stored.UserId, scopes, stored.FamilyId, now, issuerUrl, issuer);
    }

    private static IResult PollDevice(SignInStore store, IFormCollection form, ServiceApplication client, DateTimeOffset now, string issuerUrl, AccessTokenIssuer issuer)
    {
        var deviceCode = form["device_code"].ToString();
        if (string.IsNullOrEmpty(deviceCode)) return Error(400, "invalid_request", "The device_code request has no device_code.");
        var stored = store.FindDeviceCode(deviceCode);
        if (stored is null || stored.ClientId != client.ClientId)
            return Error(400, "invalid_grant", $"The device code is unknown or was not issued to client '{client.ClientId}'.");
        if (now > stored.Expires)
            return Error(400, "expired_token", $"The device code expired at {Timestamps.Format(stored.Expires)}. Start again at /v1/device/authorize.");
        switch (stored.Status)
        {
            case DeviceCodeStatus.Denied:
                return Error(400, "access_denied", "The administrator denied the request on the verification page.");
            case DeviceCodeStatus.Used:
                return Error(400, "invalid_grant", "The device code was already exchanged for tokens; device codes are single-use.");
            case DeviceCodeStatus.Pending:
                if (stored.LastPolled is { } last && now - last < TimeSpan.FromSeconds(stored.IntervalSeconds))
                {
                    var slower = stored.IntervalSeconds + SignInLifetimes.SlowDownIncrementSeconds;
                    store.RecordPoll(stored.DeviceCodeSha256, now, slower);
                    return Error(400, "slow_down", $"Polled faster than every {stored.IntervalSeconds} s; wait {slower} s between polls from now on.");
                }
                store.RecordPoll(stored.DeviceCodeSha256, now, stored.IntervalSeconds);
                return Error(StatusCodes.Status428PreconditionRequired, "authorization_pending",
                    $"The administrator has not yet approved user code {stored.UserCode} on the verification page.");
        }
        if (!store.MarkDeviceCodeUsed(stored.DeviceCodeSha256))
            return Error(400, "invalid_grant", "The device code was already exchanged for tokens; device codes are single-use.");
        return Tokens(store, client.ClientId, stored.OrganizationId!, stored.UserId!, stored.Scopes, FamilyOf(deviceCode), now, issuerUrl, issuer);
    }

    /// <summary>
    /// Webex's token response: access token, refresh token and both lifetimes in seconds. A service app's line (its
    /// family starts with <see cref="ServiceAppLifetimes.FamilyPrefix"/>) keeps the service app's lifetimes on every refresh.
    /// </summary>
    internal static IResult Tokens(SignInStore store, string clientId, string organizationId, string userId, IReadOnlyList<string> scopes, string family,
        DateTimeOffset now, string issuerUrl, AccessTokenIssuer issuer, bool includeScope = true)
    {
        var serviceApp = family.StartsWith(ServiceAppLifetimes.FamilyPrefix, StringComparison.Ordinal);
        var accessLifetime = serviceApp ? ServiceAppLifetimes.AccessToken : SignInLifetimes.AccessToken;
        var refreshLifetime = serviceApp ? ServiceAppLifetimes.RefreshToken : SignInLifetimes.RefreshToken;
        var access = issuer.Issue(issuerUrl, clientId, organizationId, userId, scopes, accessLifetime);
        var refresh = OpaqueSecret.New();
        store.InsertRefreshToken(refresh, new RefreshTokenRecord(family, clientId, organizationId, userId, scopes, now + refreshLifetime, false));
        return Results.Json(new
        {
            access_token = access.Token,
            expires_in = access.ExpiresInSeconds,
            refresh_token = refresh,
            refresh_token_expires_in = (int)refreshLifetime.TotalSeconds,
            token_type = "Bearer",
            // The service-app answer has no scope member in Webex's spec.
            scope = includeScope ? ScopeText.Join(scopes) : null,
        }, SandboxJson.Options);
    }

    /// <summary>The refresh-token line started by one code: revoked as a whole when the code or a token is replayed.</summary>
    private static string FamilyOf(string code) => Convert.ToHexStringLower(OpaqueSecret.Hash(code));

    private static IResult Error(int status, string error, string description) => IdentityEndpoints.OAuthError(status, error, description);
}
