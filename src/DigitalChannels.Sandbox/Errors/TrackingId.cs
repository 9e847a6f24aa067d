namespace DigitalChannels.Sandbox.Errors;

/// <summary>One id per request, sent as the TrackingID header on every response and repeated in error bodies, as the platform does.</summary>
public static class TrackingId
{
    public const string HeaderName = "TrackingID";
    private const string ItemKey = "DigitalChannels.Sandbox.TrackingId";

    public static string For(HttpContext context)
    {
        if (context.Items.TryGetValue(ItemKey, out var existing) && existing is string id) return id;
        // The Contact Center API names its tracking ids after the service that answered (ccconfig_…).
        var prefix = context.Request.Path.StartsWithSegments(ContactCenter.ConfigurationEndpoints.OrganizationPrefix) ? "ccconfig_" : "sandbox_";
        id = prefix + Guid.NewGuid().ToString("D");
        context.Items[ItemKey] = id;
        return id;
    }
}
