using DigitalChannels.Client.Auth;
using DigitalChannels.Sandbox.Errors;
using DigitalChannels.Sandbox.Http;
using DigitalChannels.Sandbox.Identity;
using DigitalChannels.Sandbox.Storage;

namespace DigitalChannels.Sandbox.Mail;

/// <summary>
/// A mail the platform would send (a teammate invitation, the provisioning activation "JOIN THE TEAM"). The sandbox sends
/// nothing: it keeps the mail in the tenant's outbox, where tests, demos and <c>Get-SandboxMail</c> read it and follow
/// <see cref="Link"/>. <see cref="Kind"/> says what the mail is for (e.g. "TeammateInvitation", "DigitalChannelsActivation").
/// </summary>
public sealed record OutboxMail(string Id, string OrganizationId, string Kind, string To, string Subject, string Body, string? Link,
    string? ExpiresTime, string CreatedTime);

public static class OutboxSchema
{
    public static readonly SchemaMigration Outbox = new(4, "outbox of mails the sandbox would send", """
        CREATE TABLE outbox_mails (
            id               TEXT PRIMARY KEY,
            organization_id  TEXT NOT NULL REFERENCES organizations(id),
            kind             TEXT NOT NULL,
            recipient        TEXT NOT NULL,
            subject          TEXT NOT NULL,
            body             TEXT NOT NULL,
            link             TEXT,
            expires_time     TEXT,
            created_time     TEXT NOT NULL
        );
        CREATE INDEX ix_outbox_mails_organization ON outbox_mails (organization_id, created_time);
        """);
}

/// <summary>The one place mails are written and read. Call <see cref="Add"/> in the same session as the change that sends the mail.</summary>
public sealed class OutboxRepository
{
    private const string Columns = "id, organization_id, kind, recipient, subject, body, link, expires_time, created_time";
    private readonly DbSession session;

    public OutboxRepository(DbSession session) => this.session = session;

    public void Add(OutboxMail mail) =>
        session.Execute($"INSERT INTO outbox_mails ({Columns}) VALUES ($id, $org, $kind, $to, $subject, $body, $link, $expires, $time);",
            ("$id", mail.Id), ("$org", mail.OrganizationId), ("$kind", mail.Kind), ("$to", mail.To), ("$subject", mail.Subject),
            ("$body", mail.Body), ("$link", mail.Link), ("$expires", mail.ExpiresTime), ("$time", mail.CreatedTime));

    /// <summary>Newest first; <paramref name="to"/> filters by recipient (case-insensitive), <paramref name="kind"/> by kind.</summary>
    public List<OutboxMail> List(string organizationId, string? to, string? kind) =>
        session.Query($"""
            SELECT {Columns} FROM outbox_mails
            WHERE organization_id = $org AND ($to IS NULL OR lower(recipient) = lower($to)) AND ($kind IS NULL OR kind = $kind)
            ORDER BY created_time DESC, rowid DESC;
            """,
            r => new OutboxMail(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5),
                r.IsDBNull(6) ? null : r.GetString(6), r.IsDBNull(7) ? null : r.GetString(7), r.GetString(8)),
            ("$org", organizationId), ("$to", to), ("$kind", kind));
}

/// <summary><c>GET /sandbox/v1/organization/{orgId}/outbox[?to=&amp;kind=]</c>: the tenant's mails, newest first.</summary>
public static class OutboxEndpoints
{
    public static void MapOutboxEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/sandbox/v1/organization/{orgId}").RequireSandboxToken().WithErrorBodyStyle(ErrorBodyStyle.Problem)
            .MapGet("/outbox", (HttpContext context, SandboxDatabase database) =>
            {
                var caller = Caller.Of(context);
                var to = context.Request.Query["to"].ToString();
                var kind = context.Request.Query["kind"].ToString();
                var now = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
                var mails = database.Write(session =>
                {
                    // A provisioning that finished since the last request sends its activation mail now (lazily, idempotently).
                    Provisioning.ProvisioningProgress.CatchUp(session, caller.OrganizationId, now, IssuerUrls.BaseUrl(context.Request));
                    return new OutboxRepository(session).List(caller.OrganizationId,
                        string.IsNullOrEmpty(to) ? null : to, string.IsNullOrEmpty(kind) ? null : kind);
                });
                return SandboxJson.Ok(new
                {
                    items = mails.Select(mail => new
                    {
                        id = mail.Id, kind = mail.Kind, to = mail.To, subject = mail.Subject, body = mail.Body, link = mail.Link,
                        expiresTime = mail.ExpiresTime, createdTime = mail.CreatedTime,
                    }),
                });
            })
            // Mails carry join and activation links: only the tenant Owner's sandbox apps read them, as with the other management routes.
            .RequireScope(Scopes.SandboxAdmin).RequirePermission(ConnectPermissions.ManageSandbox);
    }
}
