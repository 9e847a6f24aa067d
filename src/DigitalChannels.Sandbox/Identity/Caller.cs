using DigitalChannels.Sandbox.Tenancy;

namespace DigitalChannels.Sandbox.Identity;

/// <summary>The authenticated caller of one request. The role comes from the database, not the token, so changes apply at once.</summary>
public sealed record Caller(string OrganizationId, string ClientId, string UserId, ConnectRole Role, IReadOnlySet<string> Scopes)
{
    private const string ItemKey = "DigitalChannels.Sandbox.Caller";

    /// <summary>
    /// The acting user's container (tenant, group or team), read from the database like the role. Lookups of
    /// configuration (e.g. <c>ConnectServiceRepository</c>) take the caller so that it sees only this container and below.
    /// </summary>
    public ConnectContainer Container { get; init; } = ConnectContainer.Tenant;

    /// <summary>The caller established by the authentication filter; only valid on endpoints that require a token.</summary>
    public static Caller Of(HttpContext context) =>
        context.Items.TryGetValue(ItemKey, out var value) && value is Caller caller
            ? caller
            : throw new InvalidOperationException($"No authenticated caller for {context.Request.Path}: the endpoint lacks RequireSandboxToken().");

    internal static Caller? Find(HttpContext context) => context.Items.TryGetValue(ItemKey, out var value) ? value as Caller : null;

    internal void AttachTo(HttpContext context) => context.Items[ItemKey] = this;
}
