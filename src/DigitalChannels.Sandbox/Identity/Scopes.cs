namespace DigitalChannels.Sandbox.Identity;

/// <summary>Every OAuth scope the sandbox knows. Apps are registered with a subset; tokens carry a subset of that.</summary>
public static class Scopes
{
    public const string ConnectConfigRead = "connect:config_read";
    public const string ConnectConfigWrite = "connect:config_write";
    public const string ContactCenterConfigRead = "cjp:config_read";
    public const string ContactCenterConfigWrite = "cjp:config_write";
    public const string PeopleRead = "spark-admin:people_read";
    public const string PeopleWrite = "spark-admin:people_write";
    public const string SandboxAdmin = "sandbox:admin";

    public static IReadOnlyList<string> All { get; } =
    [
        ConnectConfigRead, ConnectConfigWrite, ContactCenterConfigRead, ContactCenterConfigWrite, PeopleRead, PeopleWrite, SandboxAdmin,
    ];

    public static bool IsKnown(string scope) => All.Contains(scope, StringComparer.Ordinal);

    /// <summary>Splits an OAuth scope string (space separated, RFC 6749 §3.3) into distinct scopes, keeping their order.</summary>
    public static IReadOnlyList<string> Split(string? scopeText) =>
        string.IsNullOrWhiteSpace(scopeText)
            ? []
            : scopeText.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();

    public static string Join(IEnumerable<string> scopes) => string.Join(' ', scopes);
}
