using DigitalChannels.Client.Environments;
using DigitalChannels.Sandbox.Errors;
using DigitalChannels.Sandbox.Identity;

namespace DigitalChannels.Sandbox.Administration;

/// <summary>
/// Tenants are islands: whatever changes state that every tenant shares (the sandbox clock, which expires every
/// tenant's tokens, invitations and activation links; creating tenants; a tenant's Digital Channel value) belongs to the
/// sandbox operator, the Owner of the default organization, never to a tenant's own Owner.
/// </summary>
public static class SandboxOperator
{
    public static bool Is(Caller caller) =>
        string.Equals(caller.OrganizationId, SandboxConnectionFile.WellKnown.OrganizationId, StringComparison.OrdinalIgnoreCase);

    public static TBuilder RequireSandboxOperator<TBuilder>(this TBuilder builder, string what) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var caller = Caller.Of(context.HttpContext);
            if (!Is(caller))
                return ApiError.Forbidden(ErrorKeys.RoleForbidden,
                    $"Only the sandbox operator (the Owner of the default organization '{SandboxConnectionFile.WellKnown.OrganizationId}') {what}, which every tenant shares; organization '{caller.OrganizationId}' may not.").ToResult();
            return await next(context);
        });
}
