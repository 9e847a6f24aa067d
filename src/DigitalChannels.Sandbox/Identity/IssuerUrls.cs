namespace DigitalChannels.Sandbox.Identity;

/// <summary>The identity service's URLs, derived from the request so that they match whatever host and port the caller used.</summary>
public static class IssuerUrls
{
    /// <summary>scheme://host:port of the request, no trailing slash.</summary>
    public static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host.Value}";

    /// <summary>
    /// The https form of the base URL plus /v1, even when the sandbox serves plain http. OIDC Discovery requires an
    /// https issuer, and MSAL compares the issuer with its authority, which it only accepts as https. The endpoints in
    /// the discovery document stay the real http URLs.
    /// </summary>
    public static string Issuer(HttpRequest request) => $"https://{request.Host.Value}/v1";

    public static string TokenEndpoint(HttpRequest request) => BaseUrl(request) + "/v1/access_token";
    public static string JwksUri(HttpRequest request) => BaseUrl(request) + "/v1/jwks";
    public static string AuthorizationEndpoint(HttpRequest request) => BaseUrl(request) + "/v1/authorize";
}
