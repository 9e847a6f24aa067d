using DigitalChannels.Client.Engage;
using DigitalChannels.Sandbox.Storage;

namespace DigitalChannels.Sandbox.Engage.Settings;

public sealed record AttachmentChannelLimits(string Channel, int MaxFileSizeMb, int MaxFiles, IReadOnlyList<string> AllowedExtensions);

public sealed record AttachmentSettings(bool Enabled, IReadOnlyList<AttachmentChannelLimits> Channels, long Version, string? LastUpdatedTime)
{
    public AttachmentChannelLimits Channel(string channel) => Channels.Single(c => c.Channel == channel);
}

/// <summary>
/// What a tenant has before anyone changes the page: attachments on, and per channel the limits below. The
/// platform's own defaults are not published [U]; these are the sandbox's, text-based formats only.
/// </summary>
public static class AttachmentDefaults
{
    public static AttachmentChannelLimits For(string channel) => channel switch
    {
        EngageChannels.Chat => new(channel, 10, 5, ["pdf", "txt", "csv", "doc", "docx", "xls", "xlsx"]),
        EngageChannels.Email => new(channel, 20, 10, ["pdf", "txt", "csv", "rtf", "doc", "docx", "xls", "xlsx", "ppt", "pptx"]),
        EngageChannels.Sms => new(channel, 1, 1, ["txt", "pdf"]),
        EngageChannels.Messenger => new(channel, 10, 3, ["pdf", "txt", "docx"]),
        EngageChannels.WhatsApp => new(channel, 10, 3, ["pdf", "txt", "docx", "xlsx"]),
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "Not an Engage channel."),
    };

    public static AttachmentSettings Settings { get; } =
        new(true, EngageChannels.All.Select(For).ToList(), 0, null);
}

public sealed class AttachmentSettingsRepository
{
    private readonly DbSession session;

    public AttachmentSettingsRepository(DbSession session) => this.session = session;

    /// <summary>The tenant's settings; the defaults for whatever was never saved.</summary>
    public AttachmentSettings Get(string organizationId)
    {
        var head = session.QuerySingleOrDefault("SELECT enabled, version, last_updated_time FROM engage_attachment_settings WHERE organization_id = $org;",
            r => new { Enabled = r.GetInt64(0) != 0, Version = r.GetInt64(1), Updated = r.GetString(2) }, ("$org", organizationId));
        var saved = session.Query("SELECT channel, max_file_size_mb, max_files, allowed_extensions FROM engage_attachment_channels WHERE organization_id = $org;",
            r => new AttachmentChannelLimits(r.GetString(0), r.GetInt32(1), r.GetInt32(2), r.GetString(3).Split(' ', StringSplitOptions.RemoveEmptyEntries)),
            ("$org", organizationId)).ToDictionary(c => c.Channel);
        var channels = EngageChannels.All.Select(c => saved.TryGetValue(c, out var limits) ? limits : AttachmentDefaults.For(c)).ToList();
        return head is null
            ? AttachmentDefaults.Settings with { Channels = channels }
            : new AttachmentSettings(head.Enabled, channels, head.Version, head.Updated);
    }

    /// <summary>Saves the switch and every channel, as one new version.</summary>
    public void Save(string organizationId, AttachmentSettings settings)
    {
        session.Execute("""
            INSERT INTO engage_attachment_settings (organization_id, enabled, version, last_updated_time) VALUES ($org, $enabled, $version, $updated)
            ON CONFLICT (organization_id) DO UPDATE SET enabled = excluded.enabled, version = excluded.version, last_updated_time = excluded.last_updated_time;
            """, ("$org", organizationId), ("$enabled", settings.Enabled ? 1 : 0), ("$version", settings.Version), ("$updated", settings.LastUpdatedTime));
        foreach (var channel in settings.Channels)
        {
            session.Execute("""
                INSERT INTO engage_attachment_channels (organization_id, channel, max_file_size_mb, max_files, allowed_extensions)
                VALUES ($org, $channel, $size, $files, $extensions)
                ON CONFLICT (organization_id, channel) DO UPDATE SET max_file_size_mb = excluded.max_file_size_mb, max_files = excluded.max_files,
                    allowed_extensions = excluded.allowed_extensions;
                """, ("$org", organizationId), ("$channel", channel.Channel), ("$size", channel.MaxFileSizeMb), ("$files", channel.MaxFiles),
                ("$extensions", string.Join(' ', channel.AllowedExtensions)));
        }
    }
}
