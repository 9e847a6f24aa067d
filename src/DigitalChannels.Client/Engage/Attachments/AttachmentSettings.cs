using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json;

namespace DigitalChannels.Client.Engage.Attachments
{
    /// <summary>Engage → Admin → Settings: the tenant's attachment switch and the limits of each channel (lab 12.3, rule 20).</summary>
    public sealed class EngageAttachmentSettings
    {
        /// <summary>"Enable Attachment": off, no channel accepts files.</summary>
        [JsonProperty("enabled")] public bool Enabled { get; set; }
        [JsonProperty("channels")] public List<EngageAttachmentChannelSetting> Channels { get; set; } = new List<EngageAttachmentChannelSetting>();
        [JsonProperty("version")] public int Version { get; set; }
        [JsonProperty("lastUpdatedTime")] public DateTimeOffset? LastUpdatedTime { get; set; }

        public EngageAttachmentChannelSetting this[string channel] =>
            Channels.FirstOrDefault(c => string.Equals(c.Channel, channel, StringComparison.OrdinalIgnoreCase));

        public override string ToString() => $"Attachments {(Enabled ? "enabled" : "disabled")}, {Channels.Count} channels";
    }

    /// <summary>One row of the channel table (the pencil's pop-up): size, number of files, supported formats.</summary>
    public sealed class EngageAttachmentChannelSetting
    {
        [JsonProperty("channel")] public string Channel { get; set; }
        [JsonProperty("maxFileSizeMb")] public int MaxFileSizeMB { get; set; }
        [JsonProperty("maxFiles")] public int MaxFiles { get; set; }
        [JsonProperty("allowedExtensions")] public List<string> AllowedExtensions { get; set; } = new List<string>();

        /// <summary>Whether the tenant switch was on when this row was read (the table view shows it per row).</summary>
        [JsonIgnore] public bool AttachmentsEnabled { get; set; }

        public override string ToString() => $"{Channel}: {MaxFiles} files of at most {MaxFileSizeMB} MB ({string.Join(", ", AllowedExtensions)})";
    }

    /// <summary>What Set-EngageAttachmentSetting changes for a channel; null means "leave as it is".</summary>
    public sealed class EngageAttachmentChannelChanges
    {
        public int? MaxFileSizeMB { get; set; }
        public int? MaxFiles { get; set; }

        /// <summary>Replaces the supported formats.</summary>
        public IReadOnlyList<string> AllowedExtensions { get; set; }

        /// <summary>Added to the supported formats (after a replacement, if both are given).</summary>
        public IReadOnlyList<string> AddExtensions { get; set; }

        /// <summary>Removed from the supported formats.</summary>
        public IReadOnlyList<string> RemoveExtensions { get; set; }

        public bool IsEmpty => MaxFileSizeMB == null && MaxFiles == null && AllowedExtensions == null &&
            (AddExtensions == null || AddExtensions.Count == 0) && (RemoveExtensions == null || RemoveExtensions.Count == 0);

        /// <summary>The formats after the change, in the order given, normalized ("PDF" → "pdf") and without repeats.</summary>
        public List<string> ApplyTo(IEnumerable<string> current)
        {
            var list = (AllowedExtensions ?? current ?? Enumerable.Empty<string>()).Select(AttachmentFormats.Normalize).ToList();
            foreach (var extension in AddExtensions ?? Array.Empty<string>()) list.Add(AttachmentFormats.Normalize(extension));
            var removed = new HashSet<string>((RemoveExtensions ?? Array.Empty<string>()).Select(AttachmentFormats.Normalize));
            return list.Where(e => !removed.Contains(e)).Distinct(StringComparer.Ordinal).ToList();
        }

        public string Describe()
        {
            var parts = new List<string>();
            if (MaxFileSizeMB.HasValue) parts.Add($"maximum size {MaxFileSizeMB} MB");
            if (MaxFiles.HasValue) parts.Add($"maximum {MaxFiles} files");
            if (AllowedExtensions != null) parts.Add($"supported formats {string.Join(", ", AllowedExtensions.Select(AttachmentFormats.Normalize))}");
            if (AddExtensions != null && AddExtensions.Count > 0) parts.Add($"add {string.Join(", ", AddExtensions.Select(AttachmentFormats.Normalize))}");
            if (RemoveExtensions != null && RemoveExtensions.Count > 0) parts.Add($"remove {string.Join(", ", RemoveExtensions.Select(AttachmentFormats.Normalize))}");
            return string.Join(", ", parts);
        }
    }

    /// <summary>A file to check: its name (the extension counts) and its bytes.</summary>
    public sealed class AttachmentUpload
    {
        public AttachmentUpload(string fileName, byte[] content)
        {
            if (string.IsNullOrWhiteSpace(fileName)) throw new ArgumentException("An attachment has no file name.", nameof(fileName));
            FileName = fileName;
            Content = content ?? throw new ArgumentNullException(nameof(content));
        }

        public string FileName { get; }
        public byte[] Content { get; }
    }

    /// <summary>Why an attachment was refused; the values the sandbox's check returns.</summary>
    public static class AttachmentRefusals
    {
        public const string AttachmentsDisabled = "AttachmentsDisabled";
        public const string TooManyFiles = "TooManyFiles";
        public const string ExtensionNotAllowed = "ExtensionNotAllowed";
        public const string TooLarge = "TooLarge";
        public const string ContainsImages = "ContainsImages";
        public const string NotInspectable = "NotInspectable";
    }

    /// <summary>The verdict on a set of files sent together on one channel.</summary>
    public sealed class AttachmentCheckResult
    {
        [JsonProperty("channel")] public string Channel { get; set; }
        [JsonProperty("accepted")] public bool Accepted { get; set; }

        /// <summary>A refusal of the whole set (attachments disabled, too many files); null otherwise.</summary>
        [JsonProperty("reason")] public string Reason { get; set; }
        [JsonProperty("message")] public string Message { get; set; }
        [JsonProperty("files")] public List<AttachmentFileVerdict> Files { get; set; } = new List<AttachmentFileVerdict>();
    }

    public sealed class AttachmentFileVerdict
    {
        [JsonProperty("fileName")] public string FileName { get; set; }
        [JsonProperty("sizeBytes")] public long SizeBytes { get; set; }
        [JsonProperty("accepted")] public bool Accepted { get; set; }
        [JsonProperty("reason")] public string Reason { get; set; }
        [JsonProperty("message")] public string Message { get; set; }
        [JsonProperty("detectedFormat")] public string DetectedFormat { get; set; }
    }

    /// <summary>What Test-EngageAttachment writes: one line per file.</summary>
    public sealed class EngageAttachmentCheck
    {
        public string FileName { get; set; }

        /// <summary>The full path of the file checked.</summary>
        public string Path { get; set; }

        /// <summary>The channel the settings were taken from; null for an offline (content-only) check.</summary>
        public string Channel { get; set; }

        public long SizeBytes { get; set; }
        public bool Accepted { get; set; }

        /// <summary>Null when accepted; otherwise one of <see cref="AttachmentRefusals"/>.</summary>
        public string Reason { get; set; }

        public string Message { get; set; }
        public string DetectedFormat { get; set; }

        /// <summary>"Client" (the local inspector: offline, or a file refused before upload) or "Tenant" (the tenant's check).</summary>
        public string CheckedBy { get; set; }

        public override string ToString() => $"{FileName}: {(Accepted ? "accepted" : "refused (" + Reason + ")")}";
    }
}
