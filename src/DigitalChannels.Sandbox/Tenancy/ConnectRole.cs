namespace DigitalChannels.Sandbox.Tenancy;

/// <summary>Webex Connect teammate roles (platform facts §3.3). Stored and returned by these exact names.</summary>
public enum ConnectRole
{
    Owner,
    FullAccess,
    LimitedAccess,
    ReadOnly,
    Restricted,
}

public static class ConnectRoles
{
    public static IReadOnlyList<string> Names { get; } = Enum.GetNames<ConnectRole>();

    /// <summary>Case-insensitive, names only (no numbers), so that "1" or "owner " is not taken for a role by accident.</summary>
    public static bool TryParse(string? text, out ConnectRole role)
    {
        role = default;
        if (string.IsNullOrEmpty(text)) return false;
        foreach (var value in Enum.GetValues<ConnectRole>())
        {
            if (string.Equals(value.ToString(), text, StringComparison.OrdinalIgnoreCase))
            {
                role = value;
                return true;
            }
        }
        return false;
    }
}
