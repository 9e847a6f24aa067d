using DigitalChannels.Client.Auth;
using DigitalChannels.Sandbox.Errors;

namespace DigitalChannels.Sandbox.Identity;

/// <summary>
/// Endpoint filters for the checks every API call makes, in this order: token (401), organization (403/404),
/// scope (403), role (403). Each filter authenticates first if no earlier one did, so any of them alone secures an
/// endpoint; attach RequireScope before RequirePermission so that a missing scope is reported before a role.
/// </summary>
public static class EndpointAuthorization
{
    /// <summary>A valid sandbox token for the organization in the route.</summary>
    public static TBuilder RequireSandboxToken<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
            await CallerAuthentication.AuthenticateAsync(context.HttpContext) is { } error ? error.ToResult() : await next(context));

    /// <summary>The token must carry <paramref name="scope"/> (one of <see cref="Scopes"/>).</summary>
    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, string scope) where TBuilder : IEndpointConventionBuilder
    {
        if (!Scopes.IsKnown(scope)) throw new ArgumentException($"'{scope}' is not one of the sandbox's scopes.", nameof(scope));
        return builder.AddEndpointFilter(async (context, next) =>
        {
            if (await CallerAuthentication.AuthenticateAsync(context.HttpContext) is { } error) return error.ToResult();
            var caller = Caller.Of(context.HttpContext);
            if (caller.Scopes.Contains(scope)) return await next(context);
            var granted = caller.Scopes.Count == 0 ? "none" : string.Join(", ", caller.Scopes.Order(StringComparer.Ordinal));
            return (ApiError.Forbidden(ErrorKeys.ScopeMissing, $"The access token lacks the scope '{scope}' (it has: {granted}).") with
            {
                Headers = new Dictionary<string, string> { ["WWW-Authenticate"] = $"Bearer error=\"insufficient_scope\", scope=\"{scope}\"" },
            }).ToResult();
        });
    }

    /// <summary>The acting user's current Connect role must allow <paramref name="permission"/>.</summary>
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, ConnectPermission permission) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            if (await CallerAuthentication.AuthenticateAsync(context.HttpContext) is { } error) return error.ToResult();
            var caller = Caller.Of(context.HttpContext);
            if (permission.Allows(caller.Role)) return await next(context);
            var allowed = string.Join(", ", permission.AllowedRoles.Order());
            return ApiError.Forbidden(ErrorKeys.RoleForbidden,
                $"The role '{caller.Role}' may not {permission.Action}. Allowed roles: {allowed}.").About(caller.Role).ToResult();
        });

    /// <summary>The token must carry at least one of <paramref name="scopes"/> (e.g. a config read accepts the write scope too).</summary>
    public static TBuilder RequireAnyScope<TBuilder>(this TBuilder builder, params string[] scopes) where TBuilder : IEndpointConventionBuilder
    {
        foreach (var scope in scopes)
            if (!Scopes.IsKnown(scope)) throw new ArgumentException($"'{scope}' is not one of the sandbox's scopes.", nameof(scopes));
        return builder.AddEndpointFilter(async (context, next) =>
        {
            if (await CallerAuthentication.AuthenticateAsync(context.HttpContext) is { } error) return error.ToResult();
            var caller = Caller.Of(context.HttpContext);
            if (scopes.Any(caller.Scopes.Contains)) return await next(context);
            var granted = caller.Scopes.Count == 0 ? "none" : string.Join(", ", caller.Scopes.Order(StringComparer.Ordinal));
            return (ApiError.Forbidden(ErrorKeys.ScopeMissing, $"The access token lacks the scope '{string.Join("' or '", scopes)}' (it has: {granted}).") with
            {
                Headers = new Dictionary<string, string> { ["WWW-Authenticate"] = $"Bearer error=\"insufficient_scope\", scope=\"{string.Join(' ', scopes)}\"" },
            }).ToResult();
        });
    }
}
