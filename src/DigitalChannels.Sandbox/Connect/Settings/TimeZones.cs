namespace DigitalChannels.Sandbox.Connect.Settings;

/// <summary>
/// The time zones Tenant Settings offers: the zones of the IANA time zone database (what the portal lists, stored by
/// IANA id) and UTC. A Windows id (what Get-TimeZone gives on Windows) is taken and stored as its IANA id.
/// </summary>
public static class TimeZones
{
    private static readonly Lazy<Dictionary<string, string>> Known = new(() =>
    {
        var ids = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["UTC"] = "UTC", ["Etc/UTC"] = "UTC" };
        foreach (var zone in TimeZoneInfo.GetSystemTimeZones())
        {
            if (zone.HasIanaId) ids.TryAdd(zone.Id, zone.Id);
            else if (TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana)) ids.TryAdd(iana, iana);
        }
        return ids;
    });

    /// <summary>The IANA id of <paramref name="text"/> (an IANA id in any case, or a Windows id), or null when it names no zone.</summary>
    public static string? Resolve(string text)
    {
        var id = text.Trim();
        if (id.Length == 0) return null;
        if (Known.Value.TryGetValue(id, out var iana)) return iana;
        if (TimeZoneInfo.TryConvertWindowsIdToIanaId(id, out var fromWindows)) return Known.Value.TryGetValue(fromWindows, out var known) ? known : fromWindows;
        return null;
    }

    /// <summary>The zone's offset from UTC at <paramref name="now"/>, as +hh:mm or -hh:mm.</summary>
    public static string UtcOffset(string ianaId, DateTimeOffset now)
    {
        var offset = ianaId == "UTC" ? TimeSpan.Zero : TimeZoneInfo.FindSystemTimeZoneById(ianaId).GetUtcOffset(now);
        return (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString(@"hh\:mm");
    }
}
