namespace DigitalChannels.Sandbox.Identity;

/// <summary>The OAuth scope parameter (RFC 6749 §3.3): space separated. The scope names themselves are in Client.Auth.Scopes.</summary>
public static class ScopeText
{
    /// <summary>Splits a scope string into distinct scopes, keeping their order.</summary>
    public static IReadOnlyList<string> Split(string? scopeText) =>
        string.IsNullOrWhiteSpace(scopeText)
            ? []
            : scopeText.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();

    public static string Join(IEnumerable<string> scopes) => string.Join(' ', scopes);
}
