using DigitalChannels.Client.Auth;
using DigitalChannels.Sandbox.ContactCenter;
using DigitalChannels.Sandbox.Errors;
using DigitalChannels.Sandbox.Http;
using DigitalChannels.Sandbox.Identity;
using DigitalChannels.Sandbox.Storage;

namespace DigitalChannels.Sandbox.ControlHub;

/// <summary>
/// Control Hub actions that have no public API (platform facts §1.9, §1.10), as the sandbox's own REST design:
/// the RONA timeouts and Synchronize Users. RFC 7807 errors; documented at /controlhub/v1/openapi.json.
/// </summary>
public static class ControlHubEndpoints
{
    public const string GroupPath = "/controlhub/v1/organization/{orgId}/contact-center";

    public static void MapControlHubEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(GroupPath).RequireSandboxToken().WithErrorBodyStyle(ErrorBodyStyle.Problem);
        TenantSeed.RequireSeededTenant(group);

        group.MapGet("/rona-timeouts", (HttpContext context, SandboxDatabase database) =>
                SandboxJson.Ok(database.Read(session => RonaTimeouts.Read(session, Caller.Of(context).OrganizationId))))
            .RequireAnyScope(Scopes.ContactCenterConfigRead, Scopes.ContactCenterConfigWrite);

        group.MapPut("/rona-timeouts", async (HttpContext context, SandboxDatabase database) =>
        {
            var timeouts = RonaTimeouts.FromBody(await JsonBody.ReadObjectAsync(context.Request));
            database.Write(session => timeouts.Write(session, Caller.Of(context).OrganizationId));
            return SandboxJson.Ok(timeouts);
        }).RequireScope(Scopes.ContactCenterConfigWrite);

        group.MapPost("/synchronize-users", (HttpContext context, SandboxDatabase database, TimeProvider time) =>
                SandboxJson.Ok(database.Write(session => UserSynchronization.Run(session, Caller.Of(context).OrganizationId, time.GetUtcNow()))))
            .RequireScope(Scopes.ContactCenterConfigWrite);
    }
}
