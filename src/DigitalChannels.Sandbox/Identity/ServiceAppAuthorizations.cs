using DigitalChannels.Client.Auth;
using DigitalChannels.Client.Environments;
using DigitalChannels.Sandbox.Storage;

namespace DigitalChannels.Sandbox.Identity;

/// <summary>
/// Webex Service Apps: a Full Admin of an organization authorizes a registered app in Control Hub, which provisions a
/// machine account for it there; only then does <c>POST /v1/applications/{applicationId}/token</c> hand out tokens for
/// that organization. One row per (app, organization); removing it removes the machine account, so every token the
/// app got for that organization is refused from the next request on.
/// </summary>
public sealed record ServiceAppAuthorization(string ClientId, string OrganizationId, string MachineUserId, string AuthorizedByUserId, string AuthorizedTime);

public static class ServiceAppSchema
{
    public static readonly SchemaMigration Authorizations = new(11, "service apps: authorizations per organization", $"""
        CREATE TABLE service_app_authorizations (
            client_id              TEXT NOT NULL,
            organization_id        TEXT NOT NULL REFERENCES organizations(id),
            machine_user_id        TEXT NOT NULL,
            authorized_by_user_id  TEXT NOT NULL,
            authorized_time        TEXT NOT NULL,
            PRIMARY KEY (client_id, organization_id)
        );
        UPDATE service_applications
        SET scopes = scopes || ' {Scopes.ApplicationsToken}'
        WHERE client_id = '{SandboxConnectionFile.WellKnown.ClientId}' AND instr(' ' || scopes || ' ', ' {Scopes.ApplicationsToken} ') = 0;
        """);
}

/// <summary>Webex's lifetimes of a service app's token pair (webex-admin spec, Create Service App Access Token example).</summary>
public static class ServiceAppLifetimes
{
    /// <summary>The spec's example answers expires_in 3600.</summary>
    public static readonly TimeSpan AccessToken = TimeSpan.FromHours(1);

    /// <summary>refresh_token_expires_in 7776000 s = 90 days; every refresh starts a new 90 days.</summary>
    public static readonly TimeSpan RefreshToken = TimeSpan.FromDays(90);

    /// <summary>Refresh-token lines of service apps start with this, so that a refresh keeps their lifetimes and checks the authorization.</summary>
    public const string FamilyPrefix = "serviceapp:";
}

public sealed class ServiceAppAuthorizationRepository
{
    private const string Columns = "client_id, organization_id, machine_user_id, authorized_by_user_id, authorized_time";
    private readonly DbSession session;

    public ServiceAppAuthorizationRepository(DbSession session) => this.session = session;

    public ServiceAppAuthorization? Find(string clientId, string organizationId) =>
        session.QuerySingleOrDefault($"SELECT {Columns} FROM service_app_authorizations WHERE client_id = $client AND organization_id = $org;",
            r => new ServiceAppAuthorization(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4)),
            ("$client", clientId), ("$org", organizationId));

    public void Insert(ServiceAppAuthorization value) =>
        session.Execute($"INSERT INTO service_app_authorizations ({Columns}) VALUES ($client, $org, $machine, $by, $time);",
            ("$client", value.ClientId), ("$org", value.OrganizationId), ("$machine", value.MachineUserId), ("$by", value.AuthorizedByUserId),
            ("$time", value.AuthorizedTime));

    public void Delete(string clientId, string organizationId) =>
        session.Execute("DELETE FROM service_app_authorizations WHERE client_id = $client AND organization_id = $org;",
            ("$client", clientId), ("$org", organizationId));
}
