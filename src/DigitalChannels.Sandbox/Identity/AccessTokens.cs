using DigitalChannels.Sandbox.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace DigitalChannels.Sandbox.Identity;

public static class AccessTokenClaims
{
    public const string Audience = "digitalchannels-sandbox";
    public const string OrganizationId = "org_id";
    public const string UserId = "user_id";
    public const string Scope = "scope";
    public const string AuthorizedParty = "azp";

    /// <summary>Tolerated clock difference when checking exp and nbf.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);
}

public sealed record IssuedAccessToken(string Token, int ExpiresInSeconds, IReadOnlyList<string> Scopes);

/// <summary>Signs RS256 access tokens for service applications.</summary>
public sealed class AccessTokenIssuer
{
    private readonly SigningKeyProvider keys;
    private readonly TimeProvider time;
    private readonly TimeSpan lifetime;
    private readonly JsonWebTokenHandler handler = new() { SetDefaultTimesOnTokenCreation = false };

    public AccessTokenIssuer(SigningKeyProvider keys, TimeProvider time, SandboxOptions options)
    {
        this.keys = keys;
        this.time = time;
        lifetime = options.TokenLifetime;
    }

    public IssuedAccessToken Issue(string issuer, ServiceApplication application, IReadOnlyList<string> scopes) =>
        Issue(issuer, application.ClientId, application.OrganizationId, application.ActingUserId, scopes, lifetime);

    /// <summary>A token of <paramref name="clientId"/> acting for a signed-in user (sub and azp stay the client, as for service apps).</summary>
    public IssuedAccessToken Issue(string issuer, string clientId, string organizationId, string userId, IReadOnlyList<string> scopes, TimeSpan lifetime)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = AccessTokenClaims.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            Claims = new Dictionary<string, object>
            {
                [JwtRegisteredClaimNames.Sub] = clientId,
                [AccessTokenClaims.AuthorizedParty] = clientId,
                [AccessTokenClaims.OrganizationId] = organizationId,
                [AccessTokenClaims.UserId] = userId,
                [AccessTokenClaims.Scope] = ScopeText.Join(scopes),
                [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString("D"),
            },
            SigningCredentials = new SigningCredentials(keys.Key, SecurityAlgorithms.RsaSha256),
        };
        return new IssuedAccessToken(handler.CreateToken(descriptor), (int)lifetime.TotalSeconds, scopes);
    }
}

/// <summary>What a valid access token says about its bearer.</summary>
public sealed record AccessTokenPrincipal(string ClientId, string OrganizationId, string UserId, IReadOnlySet<string> Scopes);

/// <summary>Checks signature, issuer, audience and lifetime; the failure text is safe to return (it never echoes the token).</summary>
public sealed class AccessTokenValidator
{
    private readonly SigningKeyProvider keys;
    private readonly TimeProvider time;
    private readonly JsonWebTokenHandler handler = new();

    public AccessTokenValidator(SigningKeyProvider keys, TimeProvider time)
    {
        this.keys = keys;
        this.time = time;
    }

    public async Task<(AccessTokenPrincipal? Principal, string? Failure)> ValidateAsync(string token, string expectedIssuer)
    {
        if (!handler.CanReadToken(token)) return (null, "The access token is not a well-formed JWT.");

        var parameters = new TokenValidationParameters
        {
            ValidIssuer = expectedIssuer,
            ValidAudience = AccessTokenClaims.Audience,
            IssuerSigningKey = keys.Key,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ClockSkew = AccessTokenClaims.ClockSkew,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            // Lifetime is judged below by the sandbox clock, so that advancing it expires tokens as real time would.
            ValidateLifetime = false,
        };
        var result = await handler.ValidateTokenAsync(token, parameters);
        if (!result.IsValid) return (null, Describe(result.Exception, expectedIssuer));

        var jwt = (JsonWebToken)result.SecurityToken;
        var now = time.GetUtcNow().UtcDateTime;
        if (jwt.ValidTo + AccessTokenClaims.ClockSkew < now) return (null, $"The access token expired at {jwt.ValidTo:yyyy-MM-dd'T'HH:mm:ss'Z'}. Get a new token.");
        if (jwt.ValidFrom != DateTime.MinValue && jwt.ValidFrom - AccessTokenClaims.ClockSkew > now)
            return (null, $"The access token is not valid before {jwt.ValidFrom:yyyy-MM-dd'T'HH:mm:ss'Z'}.");
        string? Claim(string name) => jwt.TryGetPayloadValue<string>(name, out var value) && !string.IsNullOrEmpty(value) ? value : null;
        var clientId = Claim(JwtRegisteredClaimNames.Sub);
        var organizationId = Claim(AccessTokenClaims.OrganizationId);
        var userId = Claim(AccessTokenClaims.UserId);
        if (clientId is null || organizationId is null || userId is null)
            return (null, "The access token lacks one of the claims sub, org_id and user_id.");
        var scopes = ScopeText.Split(Claim(AccessTokenClaims.Scope)).ToHashSet(StringComparer.Ordinal);
        return (new AccessTokenPrincipal(clientId, organizationId, userId, scopes), null);
    }

    private static string Describe(Exception? exception, string expectedIssuer) => exception switch
    {
        SecurityTokenExpiredException expired => $"The access token expired at {expired.Expires:yyyy-MM-dd'T'HH:mm:ss'Z'}. Get a new token.",
        SecurityTokenNotYetValidException notYet => $"The access token is not valid before {notYet.NotBefore:yyyy-MM-dd'T'HH:mm:ss'Z'}.",
        SecurityTokenInvalidIssuerException invalidIssuer => $"The access token was issued by '{invalidIssuer.InvalidIssuer}', not by this sandbox ('{expectedIssuer}').",
        SecurityTokenInvalidAudienceException => $"The access token is not meant for this sandbox (audience must be '{AccessTokenClaims.Audience}').",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "The access token's signature does not verify with this sandbox's signing key.",
        SecurityTokenInvalidAlgorithmException => "The access token is not signed with RS256.",
        SecurityTokenNoExpirationException => "The access token has no expiry (exp).",
        SecurityTokenMalformedException => "The access token is not a well-formed JWT.",
        _ => "The access token is not valid.",
    };
}
