using System.Text;
using DigitalChannels.Client.Auth;
using DigitalChannels.Sandbox.Http;
using DigitalChannels.Sandbox.Storage;

namespace DigitalChannels.Sandbox.Identity;

/// <summary>
/// OIDC discovery, JWKS and the client-credentials token endpoint, on the same paths as Webex's identity service.
/// Errors here follow RFC 6749 §5.2 ({error, error_description}), not RFC 7807, because OAuth clients expect that.
/// </summary>
public static class IdentityEndpoints
{
    public const string ClientCredentialsGrant = "client_credentials";
    public const int MaximumSecretLength = 256;

    public static void MapIdentityEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/.well-known/openid-configuration", (HttpRequest request) => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = IssuerUrls.Issuer(request),
            ["authorization_endpoint"] = IssuerUrls.AuthorizationEndpoint(request),
            ["token_endpoint"] = IssuerUrls.TokenEndpoint(request),
            ["jwks_uri"] = IssuerUrls.JwksUri(request),
            ["device_authorization_endpoint"] = IssuerUrls.BaseUrl(request) + SignInEndpoints.DeviceAuthorizationPath,
            // Not an OIDC member: where a service app's token pair comes from (Webex's POST /v1/applications/{applicationId}/token).
            ["service_app_token_endpoint"] = IssuerUrls.BaseUrl(request) + ServiceAppEndpoints.TokenPath,
            ["grant_types_supported"] = SignInGrants.All.Prepend(ClientCredentialsGrant).ToArray(),
            ["code_challenge_methods_supported"] = new[] { Pkce.S256, Pkce.Plain },
            ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_post", "client_secret_basic" },
            ["scopes_supported"] = Scopes.All,
            ["response_types_supported"] = new[] { "code" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["claims_supported"] = new[] { "iss", "sub", "azp", "aud", "exp", "iat", "nbf", "jti", "scope", AccessTokenClaims.OrganizationId, AccessTokenClaims.UserId },
        }, SandboxJson.Options));

        app.MapGet("/v1/jwks", (SigningKeyProvider keys) => Results.Json(new { keys = new[] { keys.PublicJwk() } }, SandboxJson.Options));

        app.MapPost("/v1/access_token", IssueTokenAsync);
    }

    internal static async Task<IResult> IssueTokenAsync(HttpContext context, SandboxDatabase database, AccessTokenIssuer issuer)
    {
        var request = context.Request;
        // Tokens must never be cached by anything in between (RFC 6749 §5.1); errors neither.
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.Pragma = "no-cache";

        if (!request.HasFormContentType)
            return OAuthError(400, "invalid_request", $"The token request must be application/x-www-form-urlencoded, not '{request.ContentType ?? "(none)"}'.");
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(context.RequestAborted);
        }
        catch (InvalidDataException ex)
        {
            // Too many fields, a value too long, a multipart body without its boundary: the form reader's own limits.
            return OAuthError(400, "invalid_request", $"The token request's form cannot be read: {ex.Message}");
        }

        var grantType = form["grant_type"].ToString();
        var supported = string.Join("', '", SignInGrants.All.Prepend(ClientCredentialsGrant));
        if (string.IsNullOrEmpty(grantType))
            return OAuthError(400, "invalid_request", $"The token request has no grant_type; this sandbox supports '{supported}'.");
        if (grantType != ClientCredentialsGrant && !SignInGrants.All.Contains(grantType))
            return OAuthError(400, "unsupported_grant_type", $"The grant type '{grantType}' is not supported; this sandbox supports '{supported}'.");

        // Every grant authenticates the client with its secret: Webex requires it even with PKCE and for device polling.
        var (application, clientError) = AuthenticateClient(context, form, database);
        if (clientError is not null) return clientError;
        if (grantType != ClientCredentialsGrant) return SignInGrants.Issue(context, form, grantType, application!, database, issuer);
        var clientId = application!.ClientId;

        var requested = ScopeText.Split(form["scope"].ToString());
        IReadOnlyList<string> granted;
        if (requested.Count == 0)
        {
            granted = application.Scopes;
        }
        else
        {
            var notRegistered = requested.Where(scope => !application.Scopes.Contains(scope, StringComparer.Ordinal)).ToList();
            if (notRegistered.Count > 0)
                return OAuthError(400, "invalid_scope",
                    $"The scope(s) '{string.Join(' ', notRegistered)}' are not registered for client '{clientId}' (registered: {ScopeText.Join(application.Scopes)}).");
            granted = requested;
        }

        var token = issuer.Issue(IssuerUrls.Issuer(request), application, granted);
        return Results.Json(new
        {
            access_token = token.Token,
            token_type = "Bearer",
            expires_in = token.ExpiresInSeconds,
            scope = ScopeText.Join(token.Scopes),
        }, SandboxJson.Options);
    }

    /// <summary>The registered app whose id and secret the request carries, or an RFC 6749 §5.2 error.</summary>
    internal static (ServiceApplication? Application, IResult? Error) AuthenticateClient(HttpContext context, IFormCollection form, SandboxDatabase database)
    {
        var (clientId, clientSecret, usedBasic, authError) = ReadClientAuthentication(context.Request, form);
        if (authError is not null) return (null, authError);
        if (string.IsNullOrEmpty(clientId))
            return (null, OAuthError(400, "invalid_request", "The token request has no client_id (send it in the form or with HTTP Basic authentication)."));

        // Cheap refusals first: no secret this sandbox issues is longer than this, so a longer one is not hashed at all.
        if (clientSecret is { Length: > MaximumSecretLength } || clientId.Length > MaximumSecretLength)
            return (null, OAuthError(401, "invalid_client", "Client authentication failed: the client id is unknown or the client secret is wrong."));
        var application = database.Read(session => new ServiceApplicationRepository(session).Find(clientId));
        // Same answer for an unknown client and a wrong secret, and a hash comparison in both cases, so neither
        // the message nor the timing tells which client ids exist.
        var secretMatches = ClientCredentials.SecretMatches(clientSecret ?? string.Empty, application?.SecretSha256 ?? new byte[32]);
        if (application is null || string.IsNullOrEmpty(clientSecret) || !secretMatches)
        {
            var error = OAuthError(401, "invalid_client", "Client authentication failed: the client id is unknown or the client secret is wrong.");
            if (usedBasic) context.Response.Headers.WWWAuthenticate = "Basic realm=\"sandbox\"";
            return (null, error);
        }
        return (application, null);
    }

    /// <summary>client_secret_basic (RFC 6749 §2.3.1: both parts form-urlencoded, then Basic) or client_secret_post; not both.</summary>
    private static (string? ClientId, string? ClientSecret, bool UsedBasic, IResult? Error) ReadClientAuthentication(HttpRequest request, IFormCollection form)
    {
        var formClientId = form["client_id"].ToString();
        var formSecret = form["client_secret"].ToString();
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
            return (formClientId, formSecret, false, null);

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
        }
        catch (FormatException)
        {
            return (null, null, true, OAuthError(400, "invalid_request", "The HTTP Basic credentials are not valid base64."));
        }
        var separator = decoded.IndexOf(':');
        if (separator < 0) return (null, null, true, OAuthError(400, "invalid_request", "The HTTP Basic credentials have no ':' between client id and secret."));
        var basicId = Uri.UnescapeDataString(decoded[..separator].Replace('+', ' '));
        var basicSecret = Uri.UnescapeDataString(decoded[(separator + 1)..].Replace('+', ' '));
        if (!string.IsNullOrEmpty(formSecret))
            return (null, null, true, OAuthError(400, "invalid_request", "The client authenticated twice (HTTP Basic and client_secret in the form); use one method."));
        if (!string.IsNullOrEmpty(formClientId) && formClientId != basicId)
            return (null, null, true, OAuthError(400, "invalid_request", $"The form's client_id '{formClientId}' differs from the client id in the HTTP Basic credentials."));
        return (basicId, basicSecret, true, null);
    }

    internal static IResult OAuthError(int status, string error, string description) =>
        Results.Json(new { error, error_description = description }, SandboxJson.Options, statusCode: status);
}
