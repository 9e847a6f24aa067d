using System.Net;
using System.Text;
using DigitalChannels.Sandbox.Storage;
using DigitalChannels.Sandbox.Tenancy;

namespace DigitalChannels.Sandbox.Identity;

/// <summary>
/// Webex's interactive sign-in, offline: <c>/v1/authorize</c> (HTML sign-in and consent pages, PKCE, loopback redirects)
/// and the device grant (<c>/v1/device/authorize</c>, the verification page, <c>/v1/device/token</c>). The pages are
/// plain forms, so curl can walk them as a browser does. A sign-in sets a session cookie (HttpOnly, SameSite=Lax:
/// a page of another site cannot post the consent or approval form with it).
/// </summary>
public static class SignInEndpoints
{
    public const string AuthorizePath = "/v1/authorize";
    public const string DeviceAuthorizationPath = "/v1/device/authorize";
    public const string DeviceTokenPath = "/v1/device/token";
    public const string DeviceVerificationPath = "/v1/device/verify";
    public const string SessionCookie = "dc_signin";

    /// <summary>OpenID scopes are not allowed in Webex's device flow (platform facts §1.1a).</summary>
    private static readonly string[] OpenIdScopes = ["openid", "email", "profile"];

    public static void MapSignInEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(AuthorizePath, AuthorizeAsync);
        app.MapPost(AuthorizePath, AuthorizeAsync);
        app.MapPost(DeviceAuthorizationPath, AuthorizeDeviceAsync);
        app.MapPost(DeviceTokenPath, IdentityEndpoints.IssueTokenAsync);
        app.MapGet(DeviceVerificationPath, VerifyDeviceAsync);
        app.MapPost(DeviceVerificationPath, VerifyDeviceAsync);
    }

    private static async Task<IResult> AuthorizeAsync(HttpContext context, SandboxDatabase database, TimeProvider time)
    {
        var request = context.Request;
        var query = request.Query;
        var clientId = query["client_id"].ToString();
        var redirectUri = query["redirect_uri"].ToString();
        var state = query["state"].ToString();

        // Until client and redirect URI are known good, errors are shown, never redirected (RFC 6749 §4.1.2.1).
        var client = string.IsNullOrEmpty(clientId) ? null : database.Read(session => new ServiceApplicationRepository(session).Find(clientId));
        if (client is null)
            return Page(400, "Sign-in failed", Paragraph(string.IsNullOrEmpty(clientId) ? "The request has no client_id." : $"The client '{clientId}' is not registered."));
        if (LoopbackRedirect.Problem(redirectUri) is { } redirectProblem) return Page(400, "Sign-in failed", Paragraph(redirectProblem));

        if (query["response_type"].ToString() != "code")
            return RedirectError(redirectUri, state, "unsupported_response_type", "response_type must be 'code'.");
        var (scopes, scopeProblem) = GrantableScopes(client, query["scope"].ToString());
        if (scopeProblem is not null) return RedirectError(redirectUri, state, "invalid_scope", scopeProblem);
        var challenge = query["code_challenge"].ToString();
        var method = query["code_challenge_method"].ToString();
        if (challenge.Length == 0 && method.Length > 0)
            return RedirectError(redirectUri, state, "invalid_request", "code_challenge_method was sent without a code_challenge.");
        if (challenge.Length > 0)
        {
            if (method.Length == 0) method = Pkce.Plain; // RFC 7636 §4.3
            if (method is not (Pkce.S256 or Pkce.Plain))
                return RedirectError(redirectUri, state, "invalid_request", $"code_challenge_method '{method}' is not supported; use S256 or plain.");
            if (!Pkce.IsWellFormed(challenge))
                return RedirectError(redirectUri, state, "invalid_request", "code_challenge must have 43 to 128 characters from A-Z, a-z, 0-9 and '-._~'.");
        }

        var action = request.Path + request.QueryString;
        var now = time.GetUtcNow();
        var form = HttpMethods.IsPost(request.Method) && request.HasFormContentType ? await request.ReadFormAsync(context.RequestAborted) : null;
        // prompt=login: always ask for the password, so a browser still signed in to another tenant cannot answer silently.
        var user = query["prompt"].ToString().Split(' ').Contains("login") && form is null ? null : SignedInUser(context, database, now);

        if (form is not null && form.ContainsKey("email"))
        {
            user = SignIn(context, database, now, form["email"].ToString(), form["password"].ToString());
            if (user is null) return SignInPage(action, client, "The email or password is wrong.", form["email"].ToString());
            return ConsentPage(action, client, user, scopes);
        }
        if (user is null) return SignInPage(action, client, null, null);

        if (form is null || !form.ContainsKey("consent")) return ConsentPage(action, client, user, scopes);
        if (form["consent"].ToString() != "allow") return RedirectError(redirectUri, state, "access_denied", "The administrator denied the request.");

        var code = OpaqueSecret.New();
        database.Write(session => new SignInStore(session).InsertCode(code, new AuthorizationCode(client.ClientId, user.OrganizationId, user.Id, redirectUri,
            scopes, challenge.Length > 0 ? challenge : null, challenge.Length > 0 ? method : null, now + SignInLifetimes.AuthorizationCode, false)));
        return Results.Redirect(WithQuery(redirectUri, ("code", code), ("state", state)));
    }

    private static async Task<IResult> AuthorizeDeviceAsync(HttpContext context, SandboxDatabase database, TimeProvider time)
    {
        var request = context.Request;
        context.Response.Headers.CacheControl = "no-store";
        if (!request.HasFormContentType)
            return IdentityEndpoints.OAuthError(400, "invalid_request", $"The request must be application/x-www-form-urlencoded, not '{request.ContentType ?? "(none)"}'.");
        var form = await request.ReadFormAsync(context.RequestAborted);
        var clientId = form["client_id"].ToString();
        var client = string.IsNullOrEmpty(clientId) ? null : database.Read(session => new ServiceApplicationRepository(session).Find(clientId));
        if (client is null)
            return IdentityEndpoints.OAuthError(400, "invalid_client", string.IsNullOrEmpty(clientId) ? "The request has no client_id." : $"The client '{clientId}' is not registered.");
        var requested = ScopeText.Split(form["scope"].ToString());
        if (requested.Intersect(OpenIdScopes).ToList() is { Count: > 0 } openId)
            return IdentityEndpoints.OAuthError(400, "invalid_scope", $"OpenID scopes are not allowed in the device flow (got '{string.Join(' ', openId)}').");
        var (scopes, scopeProblem) = GrantableScopes(client, form["scope"].ToString());
        if (scopeProblem is not null) return IdentityEndpoints.OAuthError(400, "invalid_scope", scopeProblem);

        var deviceCode = OpaqueSecret.New();
        var userCode = database.Write(session =>
        {
            var store = new SignInStore(session);
            var code = OpaqueSecret.NewUserCode();
            while (store.FindByUserCode(code) is not null) code = OpaqueSecret.NewUserCode();
            store.InsertDeviceCode(deviceCode, new DeviceCode([], code, client.ClientId, scopes, time.GetUtcNow() + SignInLifetimes.DeviceCode,
                SignInLifetimes.DevicePollingIntervalSeconds, null, DeviceCodeStatus.Pending, null, null));
            return code;
        });
        var verificationUri = IssuerUrls.BaseUrl(request) + DeviceVerificationPath;
        return Results.Json(new
        {
            device_code = deviceCode,
            user_code = userCode,
            verification_uri = verificationUri,
            verification_uri_complete = WithQuery(verificationUri, ("user_code", userCode)),
            expires_in = (int)SignInLifetimes.DeviceCode.TotalSeconds,
            interval = SignInLifetimes.DevicePollingIntervalSeconds,
        }, Http.SandboxJson.Options);
    }

    private static async Task<IResult> VerifyDeviceAsync(HttpContext context, SandboxDatabase database, TimeProvider time)
    {
        var request = context.Request;
        var now = time.GetUtcNow();
        var form = HttpMethods.IsPost(request.Method) && request.HasFormContentType ? await request.ReadFormAsync(context.RequestAborted) : null;
        var userCode = OpaqueSecret.NormalizeUserCode(form?["user_code"].ToString() is { Length: > 0 } posted ? posted : request.Query["user_code"].ToString());
        var action = DeviceVerificationPath;

        var user = SignedInUser(context, database, now);
        if (form is not null && form.ContainsKey("email"))
        {
            user = SignIn(context, database, now, form["email"].ToString(), form["password"].ToString());
            if (user is null) return DeviceSignInPage(action, userCode, "The email or password is wrong.", form["email"].ToString());
        }
        if (user is null) return DeviceSignInPage(action, userCode, null, null);

        var device = userCode.Length == 0 ? null : database.Read(session => new SignInStore(session).FindByUserCode(userCode));
        if (device is null || device.Status != DeviceCodeStatus.Pending || now > device.Expires)
        {
            var problem = userCode.Length == 0 ? null : $"The code {userCode} is unknown, expired or already used.";
            return ApprovalPage(action, user, userCode, null, problem);
        }
        var client = database.Read(session => new ServiceApplicationRepository(session).Find(device.ClientId));
        if (client is null) return ApprovalPage(action, user, userCode, null, $"The app that asked with code {userCode} no longer exists.");
        if (form is null || !form.ContainsKey("decision")) return ApprovalPage(action, user, userCode, (client, device), null);

        var approved = form["decision"].ToString() == "approve";
        database.Write(session => new SignInStore(session).Decide(device.DeviceCodeSha256,
            approved ? DeviceCodeStatus.Approved : DeviceCodeStatus.Denied, user.OrganizationId, user.Id));
        return Page(200, approved ? "Device approved" : "Device denied",
            Paragraph(approved ? $"{client.Name} is signed in as {user.Email}. You can close this page." : $"{client.Name} was not signed in."));
    }

    /// <summary>The requested scopes if the app registered them all (its registered scopes when none are asked for), else why not.</summary>
    private static (IReadOnlyList<string> Scopes, string? Problem) GrantableScopes(ServiceApplication client, string scopeText)
    {
        var requested = ScopeText.Split(scopeText);
        if (requested.Count == 0) return (client.Scopes, null);
        var notRegistered = requested.Where(scope => !client.Scopes.Contains(scope, StringComparer.Ordinal)).ToList();
        return notRegistered.Count == 0
            ? (requested, null)
            : ([], $"The scope(s) '{string.Join(' ', notRegistered)}' are not registered for client '{client.ClientId}' (registered: {ScopeText.Join(client.Scopes)}).");
    }

    private static SandboxUser? SignedInUser(HttpContext context, SandboxDatabase database, DateTimeOffset now)
    {
        if (!context.Request.Cookies.TryGetValue(SessionCookie, out var sessionId) || string.IsNullOrEmpty(sessionId)) return null;
        return database.Read(session =>
        {
            var signIn = new SignInStore(session).FindSession(sessionId);
            if (signIn is null || now > signIn.Expires) return null;
            var user = new UserRepository(session).Find(signIn.OrganizationId, signIn.UserId);
            return user is { Status: TeammateStatus.Active } ? user : null;
        });
    }

    private static SandboxUser? SignIn(HttpContext context, SandboxDatabase database, DateTimeOffset now, string email, string password)
    {
        var sessionId = OpaqueSecret.New();
        var user = database.Write(session =>
        {
            var found = SignInAccounts.Verify(session, email, password);
            if (found is not null) new SignInStore(session).InsertSession(sessionId, new SignInSession(found.OrganizationId, found.Id, now + SignInLifetimes.BrowserSession));
            return found;
        });
        if (user is not null)
            context.Response.Cookies.Append(SessionCookie, sessionId, new CookieOptions
            {
                HttpOnly = true, SameSite = SameSiteMode.Lax, Path = "/v1", Secure = context.Request.IsHttps,
            });
        return user;
    }

    private static IResult RedirectError(string redirectUri, string state, string error, string description) =>
        Results.Redirect(WithQuery(redirectUri, ("error", error), ("error_description", description), ("state", state)));

    private static string WithQuery(string uri, params (string Name, string Value)[] parameters)
    {
        var builder = new StringBuilder(uri);
        var separator = uri.Contains('?') ? '&' : '?';
        foreach (var (name, value) in parameters.Where(p => !string.IsNullOrEmpty(p.Value)))
        {
            builder.Append(separator).Append(name).Append('=').Append(Uri.EscapeDataString(value));
            separator = '&';
        }
        return builder.ToString();
    }

    // ---- Pages: minimal HTML; every value is encoded. ----

    private static IResult SignInPage(string action, ServiceApplication client, string? problem, string? email) =>
        Page(problem is null ? 200 : 401, "Sign in", $"""
            <p>{Encode(client.Name)} asks to sign in to the DigitalChannels sandbox.</p>
            {(problem is null ? "" : $"<p class=\"error\" role=\"alert\">{Encode(problem)}</p>")}
            <form method="post" action="{Encode(action)}">
              <label>Email <input type="email" name="email" value="{Encode(email ?? "")}" autocomplete="username" required></label>
              <label>Password <input type="password" name="password" autocomplete="current-password" required></label>
              <button type="submit">Sign in</button>
            </form>
            """);

    private static IResult ConsentPage(string action, ServiceApplication client, SandboxUser user, IReadOnlyList<string> scopes) =>
        Page(200, "Allow access", $"""
            <p>Signed in as <strong>{Encode(user.Email)}</strong> (organization {Encode(user.OrganizationId)}).</p>
            <p>{Encode(client.Name)} asks for:</p>
            <ul>{string.Concat(scopes.Select(scope => $"<li>{Encode(scope)}</li>"))}</ul>
            <form method="post" action="{Encode(action)}">
              <button type="submit" name="consent" value="allow">Allow</button>
              <button type="submit" name="consent" value="deny">Deny</button>
            </form>
            """);

    private static IResult DeviceSignInPage(string action, string userCode, string? problem, string? email) =>
        Page(problem is null ? 200 : 401, "Sign in to approve a device", $"""
            {(problem is null ? "" : $"<p class=\"error\" role=\"alert\">{Encode(problem)}</p>")}
            <form method="post" action="{Encode(action)}">
              <label>Code <input type="text" name="user_code" value="{Encode(userCode)}" required></label>
              <label>Email <input type="email" name="email" value="{Encode(email ?? "")}" autocomplete="username" required></label>
              <label>Password <input type="password" name="password" autocomplete="current-password" required></label>
              <button type="submit">Sign in</button>
            </form>
            """);

    private static IResult ApprovalPage(string action, SandboxUser user, string userCode, (ServiceApplication Client, DeviceCode Device)? pending, string? problem)
    {
        var body = new StringBuilder($"<p>Signed in as <strong>{Encode(user.Email)}</strong>.</p>");
        if (problem is not null) body.Append($"<p class=\"error\" role=\"alert\">{Encode(problem)}</p>");
        if (pending is { } p)
        {
            body.Append($"""
                <p>{Encode(p.Client.Name)} on another device asks for:</p>
                <ul>{string.Concat(p.Device.Scopes.Select(scope => $"<li>{Encode(scope)}</li>"))}</ul>
                <form method="post" action="{Encode(action)}">
                  <input type="hidden" name="user_code" value="{Encode(userCode)}">
                  <p>Code <strong>{Encode(userCode)}</strong></p>
                  <button type="submit" name="decision" value="approve">Approve</button>
                  <button type="submit" name="decision" value="deny">Deny</button>
                </form>
                """);
        }
        else
        {
            body.Append($"""
                <form method="get" action="{Encode(action)}">
                  <label>Code <input type="text" name="user_code" value="{Encode(userCode)}" required></label>
                  <button type="submit">Continue</button>
                </form>
                """);
        }
        return Page(problem is null ? 200 : 400, "Approve a device", body.ToString());
    }

    private static string Paragraph(string text) => $"<p>{Encode(text)}</p>";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static IResult Page(int status, string title, string body) => new HtmlPage(status, $"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>{Encode(title)} - DigitalChannels sandbox</title></head>
        <body><h1>{Encode(title)}</h1>
        {body}
        </body></html>
        """);

    /// <summary>HTML that must not be framed (no clickjacking of the consent buttons) nor cached.</summary>
    private sealed class HtmlPage(int status, string html) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.Headers.CacheControl = "no-store";
            context.Response.Headers.XFrameOptions = "DENY";
            context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
            return context.Response.WriteAsync(html);
        }
    }
}
