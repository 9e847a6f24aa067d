using System.Text;

namespace DigitalChannels.Sandbox.People;

/// <summary>
/// Webex ids: base64 (no padding) of <c>ciscospark://us/{TYPE}/{value}</c> (platform facts §2). The PEOPLE value is the
/// person's uuid, which is also the Contact Center user's ciUserId; the ORGANIZATION value is the Contact Center orgid.
/// </summary>
public static class WebexIds
{
    public const string People = "PEOPLE";
    public const string License = "LICENSE";
    public const string Organization = "ORGANIZATION";
    public const string Role = "ROLE";

    /// <summary>The Full administrator role: a licensed person holding it becomes a Contact Center administrator.</summary>
    public static readonly string FullAdministratorRoleId = Encode(Role, "id_full_admin");

    public static string Encode(string type, string value) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"ciscospark://us/{type}/{value}")).TrimEnd('=');

    /// <summary>The value inside a Webex id of <paramref name="type"/>, or null when the text is not one.</summary>
    public static string? Decode(string type, string id)
    {
        try
        {
            var text = id.Replace('-', '+').Replace('_', '/');
            text = text.PadRight(text.Length + (4 - text.Length % 4) % 4, '=');
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(text));
            var prefix = $"ciscospark://us/{type}/";
            return decoded.StartsWith(prefix, StringComparison.Ordinal) && decoded.Length > prefix.Length ? decoded[prefix.Length..] : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
