using DigitalChannels.Sandbox.Errors;
using DigitalChannels.Sandbox.Http;
using DigitalChannels.Sandbox.Storage;

namespace DigitalChannels.Sandbox.ControlHub;

/// <summary>
/// Control Hub → Contact Center → Settings → Desktop → RONA Timeouts (lab rules 44–45), in seconds: telephony 1–120,
/// chat, email and social 1–6000. No public API has them (platform facts §1.10); the sandbox keeps them as tenant settings.
/// </summary>
public sealed record RonaTimeouts(int Telephony, int Chat, int Email, int Social)
{
    public const int TelephonyMaximum = 120;
    public const int DigitalMaximum = 6000;

    /// <summary>A new tenant's values; deliberately not the lab's 18/60/90/60, so an unconfigured tenant is told apart.</summary>
    public static readonly RonaTimeouts Defaults = new(30, 300, 600, 300);

    public static RonaTimeouts FromBody(JsonBody body) => new(
        InRange(body, "telephony", TelephonyMaximum), InRange(body, "chat", DigitalMaximum),
        InRange(body, "email", DigitalMaximum), InRange(body, "social", DigitalMaximum));

    private static int InRange(JsonBody body, string field, int maximum)
    {
        var value = body.RequiredInt(field);
        if (value < 1 || value > maximum)
            throw ApiError.BadRequest(ErrorKeys.InvalidField, $"The field '{field}' must be from 1 to {maximum} seconds (got {value}).").ToException();
        return value;
    }

    public static RonaTimeouts Read(DbSession session, string organizationId) =>
        session.QuerySingleOrDefault("SELECT rona_telephony, rona_chat, rona_email, rona_social FROM cc_tenant_settings WHERE organization_id = $org;",
            r => new RonaTimeouts(r.GetInt32(0), r.GetInt32(1), r.GetInt32(2), r.GetInt32(3)), ("$org", organizationId))
        ?? throw new InvalidOperationException($"The organization '{organizationId}' has no Contact Center settings; it was not seeded.");

    public void Write(DbSession session, string organizationId) =>
        session.Execute("UPDATE cc_tenant_settings SET rona_telephony = $t, rona_chat = $c, rona_email = $e, rona_social = $s WHERE organization_id = $org;",
            ("$org", organizationId), ("$t", Telephony), ("$c", Chat), ("$e", Email), ("$s", Social));
}
