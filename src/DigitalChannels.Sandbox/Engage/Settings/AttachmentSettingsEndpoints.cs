using System.Globalization;
using DigitalChannels.Client.Auth;
using DigitalChannels.Client.Engage;
using DigitalChannels.Client.Engage.Attachments;
using DigitalChannels.Sandbox.Errors;
using DigitalChannels.Sandbox.Http;
using DigitalChannels.Sandbox.Identity;
using DigitalChannels.Sandbox.Storage;
using Microsoft.AspNetCore.Http.Features;

namespace DigitalChannels.Sandbox.Engage.Settings;

public sealed record AttachmentChannelResource(string Channel, int MaxFileSizeMb, int MaxFiles, IReadOnlyList<string> AllowedExtensions)
{
    public static AttachmentChannelResource From(AttachmentChannelLimits c) => new(c.Channel, c.MaxFileSizeMb, c.MaxFiles, c.AllowedExtensions);
}

public sealed record AttachmentSettingsResource(bool Enabled, IReadOnlyList<AttachmentChannelResource> Channels, long Version, string? LastUpdatedTime)
{
    public static AttachmentSettingsResource From(AttachmentSettings s) => new(s.Enabled, s.Channels.Select(AttachmentChannelResource.From).ToList(), s.Version, s.LastUpdatedTime);
}

public sealed record AttachmentFileVerdictResource(string FileName, long SizeBytes, bool Accepted, string? Reason, string Message, string? DetectedFormat);

public sealed record AttachmentCheckResource(string Channel, bool Accepted, string? Reason, string Message, IReadOnlyList<AttachmentFileVerdictResource> Files);

/// <summary>
/// Engage → Admin → Settings (lab 12.3, rule 20): the "Enable Attachment" switch, each channel's size, number of
/// files and supported formats, and the check every attachment goes through, which enforces them together with the
/// PCI rule (rule 19: only text-based files; a document that contains images is refused) using the client's
/// <see cref="AttachmentInspector"/>, so that client and server judge a file the same way.
/// </summary>
public static class AttachmentSettingsEndpoints
{
    public const int MinimumFileSizeMb = 1;
    public const int MaximumFileSizeMb = 25;
    public const int MinimumFiles = 1;
    public const int MaximumFiles = 10;

    /// <summary>Request bodies of the check: files travel as base64 (4/3 of their size) in JSON.</summary>
    public const long MaximumCheckBodyBytes = 64L * 1024 * 1024;

    public static void MapAttachmentSettingsEndpoints(this RouteGroupBuilder engage)
    {
        engage.MapGet("/settings/attachments", Get).RequireScope(Scopes.EngageConfigRead).RequirePermission(EngagePermissions.ReadSettings);
        engage.MapMethods("/settings/attachments", [HttpMethods.Patch], PatchAsync)
            .RequireScope(Scopes.EngageConfigWrite).RequirePermission(EngagePermissions.ChangeSettings);
        engage.MapGet("/settings/attachments/channels/{channel}", GetChannel).RequireScope(Scopes.EngageConfigRead).RequirePermission(EngagePermissions.ReadSettings);
        engage.MapMethods("/settings/attachments/channels/{channel}", [HttpMethods.Patch], PatchChannelAsync)
            .RequireScope(Scopes.EngageConfigWrite).RequirePermission(EngagePermissions.ChangeSettings);
        engage.MapPost("/attachments/check", CheckAsync).RequireScope(Scopes.EngageConfigRead).RequirePermission(EngagePermissions.ReadSettings);
    }

    private static IResult Get(HttpContext context, SandboxDatabase database)
    {
        var caller = Caller.Of(context);
        var settings = database.Read(session => new AttachmentSettingsRepository(session).Get(caller.OrganizationId));
        Preconditions.SetEntityTag(context.Response, settings.Version);
        return SandboxJson.Ok(AttachmentSettingsResource.From(settings));
    }

    /// <summary>Merge patch of the switch; a patch that changes nothing keeps the version.</summary>
    private static async Task<IResult> PatchAsync(HttpContext context, SandboxDatabase database, TimeProvider time)
    {
        var caller = Caller.Of(context);
        var body = await JsonBody.ReadObjectAsync(context.Request);
        bool? enabled = null;
        if (body.Has("enabled"))
            enabled = body.OptionalBoolean("enabled") ?? throw EngageJson.Invalid("The field 'enabled' must be true or false, not null.");

        var settings = database.Write(session =>
        {
            var repository = new AttachmentSettingsRepository(session);
            var current = repository.Get(caller.OrganizationId);
            Preconditions.CheckIfMatch(context.Request, current.Version, "the attachment settings");
            if (enabled is null || enabled == current.Enabled) return current;
            var updated = current with { Enabled = enabled.Value, Version = current.Version + 1, LastUpdatedTime = Timestamps.Format(time.GetUtcNow()) };
            repository.Save(caller.OrganizationId, updated);
            return updated;
        });
        Preconditions.SetEntityTag(context.Response, settings.Version);
        return SandboxJson.Ok(AttachmentSettingsResource.From(settings));
    }

    private static IResult GetChannel(HttpContext context, SandboxDatabase database, string channel)
    {
        var caller = Caller.Of(context);
        var id = KnownChannel(channel);
        var settings = database.Read(session => new AttachmentSettingsRepository(session).Get(caller.OrganizationId));
        return SandboxJson.Ok(AttachmentChannelResource.From(settings.Channel(id)));
    }

    /// <summary>The pencil's pop-up: merge patch of maxFileSizeMb, maxFiles and allowedExtensions (which replaces the list).</summary>
    private static async Task<IResult> PatchChannelAsync(HttpContext context, SandboxDatabase database, TimeProvider time, string channel)
    {
        var caller = Caller.Of(context);
        var id = KnownChannel(channel);
        var body = await JsonBody.ReadObjectAsync(context.Request);
        var size = Ranged(body, "maxFileSizeMb", MinimumFileSizeMb, MaximumFileSizeMb, "MB");
        var files = Ranged(body, "maxFiles", MinimumFiles, MaximumFiles, "files");
        IReadOnlyList<string>? extensions = body.Has("allowedExtensions") ? ValidExtensions(body.RequiredStringArray("allowedExtensions"), id) : null;

        var limits = database.Write(session =>
        {
            var repository = new AttachmentSettingsRepository(session);
            var current = repository.Get(caller.OrganizationId);
            Preconditions.CheckIfMatch(context.Request, current.Version, "the attachment settings");
            var before = current.Channel(id);
            var after = before with
            {
                MaxFileSizeMb = size ?? before.MaxFileSizeMb,
                MaxFiles = files ?? before.MaxFiles,
                AllowedExtensions = extensions ?? before.AllowedExtensions,
            };
            if (after.MaxFileSizeMb == before.MaxFileSizeMb && after.MaxFiles == before.MaxFiles && after.AllowedExtensions.SequenceEqual(before.AllowedExtensions))
                return before;
            var updated = current with
            {
                Channels = current.Channels.Select(c => c.Channel == id ? after : c).ToList(),
                Version = current.Version + 1,
                LastUpdatedTime = Timestamps.Format(time.GetUtcNow()),
            };
            repository.Save(caller.OrganizationId, updated);
            return after;
        });
        return SandboxJson.Ok(AttachmentChannelResource.From(limits));
    }

    /// <summary>
    /// The verdict on files sent together on one channel. Refusals are answers, not errors (200 with accepted:false and
    /// the reason); a malformed request is a 400. Order: the switch, the number of files, then per file its format,
    /// its size and its content. The cheap checks come first and decide without decoding: a file is decoded and its
    /// content inspected only when the switch, the count, its extension and its size (from the base64 length) allow it,
    /// so one request costs at most the channel's own limits, never what the sender packed into it.
    /// </summary>
    private static async Task<IResult> CheckAsync(HttpContext context, SandboxDatabase database)
    {
        var caller = Caller.Of(context);
        var sizeLimit = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeLimit is { IsReadOnly: false }) sizeLimit.MaxRequestBodySize = MaximumCheckBodyBytes;
        var body = await JsonBody.ReadObjectAsync(context.Request);
        var channel = KnownChannelField(body.RequiredString("channel"));
        var entries = EngageJson.ObjectArray(body.Raw("files"), "files", required: true);
        if (entries.Count == 0) throw EngageJson.Invalid("The field 'files' must list at least one file.");
        var uploads = entries.Select((entry, index) =>
        {
            var path = $"files[{index}]";
            var fileName = EngageJson.RequiredString(entry, path, "fileName").Trim();
            if (fileName.Length == 0) throw EngageJson.Invalid($"The field '{path}.fileName' must not be empty or blank.");
            var encoded = EngageJson.RequiredString(entry, path, "contentBase64");
            var size = DecodedLength(encoded) ?? throw EngageJson.Invalid($"The field '{path}.contentBase64' of '{fileName}' is not valid base64.");
            return (FileName: fileName, Encoded: encoded, Size: size, Path: path);
        }).ToList();

        var settings = database.Read(session => new AttachmentSettingsRepository(session).Get(caller.OrganizationId));
        var limits = settings.Channel(channel);
        string? setReason = null, setMessage = null;
        if (!settings.Enabled)
        {
            setReason = AttachmentRefusals.AttachmentsDisabled;
            setMessage = "Attachments are disabled for this tenant (Enable Attachment is off): no file can be sent on any channel.";
        }
        else if (uploads.Count > limits.MaxFiles)
        {
            setReason = AttachmentRefusals.TooManyFiles;
            setMessage = $"{uploads.Count} files were sent together, but channel '{channel}' accepts at most {limits.MaxFiles}.";
        }

        var verdicts = uploads.Select(upload => setReason is not null
            ? new AttachmentFileVerdictResource(upload.FileName, upload.Size, false, setReason, setMessage!, null)
            : Judge(upload.FileName, upload.Size, limits, () =>
            {
                byte[] content;
                try
                {
                    content = Convert.FromBase64String(upload.Encoded);
                }
                catch (FormatException)
                {
                    throw EngageJson.Invalid($"The field '{upload.Path}.contentBase64' of '{upload.FileName}' is not valid base64.");
                }
                return AttachmentInspector.Inspect(upload.FileName, content);
            })).ToList();
        var refused = verdicts.Count(v => !v.Accepted);
        var message = setMessage ?? (refused == 0
            ? $"All {verdicts.Count} file(s) can be sent on channel '{channel}'."
            : $"{refused} of {verdicts.Count} file(s) are refused on channel '{channel}'.");
        return SandboxJson.Ok(new AttachmentCheckResource(channel, refused == 0, setReason, message, verdicts));
    }

    /// <summary>The size base64 text decodes to, from its length alone; null when the length or padding cannot be base64.</summary>
    public static long? DecodedLength(string encoded)
    {
        var length = 0L;
        var padding = 0;
        foreach (var c in encoded)
        {
            if (c is ' ' or '\t' or '\r' or '\n') continue;
            if (c == '=') { padding++; length++; continue; }
            if (padding > 0) return null;
            length++;
        }
        if (length % 4 != 0 || padding > 2) return null;
        return length / 4 * 3 - padding;
    }

    /// <summary>Extension and size decide first; the content is inspected (decoded by <paramref name="inspect"/>) only when both pass.</summary>
    private static AttachmentFileVerdictResource Judge(string fileName, long size, AttachmentChannelLimits limits, Func<AttachmentInspection> inspect)
    {
        AttachmentFileVerdictResource Refuse(string reason, string message, string? format = null) => new(fileName, size, false, reason, message, format);
        var extension = AttachmentFormats.ExtensionOf(fileName);
        var formats = string.Join(", ", limits.AllowedExtensions);
        if (extension.Length == 0)
            return Refuse(AttachmentRefusals.ExtensionNotAllowed, $"'{fileName}' has no extension; channel '{limits.Channel}' accepts only: {formats}.");
        if (!limits.AllowedExtensions.Contains(extension))
            return Refuse(AttachmentRefusals.ExtensionNotAllowed, $"'{fileName}' has the extension '{extension}', which channel '{limits.Channel}' does not accept; its supported formats are: {formats}.");
        var maximum = limits.MaxFileSizeMb * 1024L * 1024L;
        if (size > maximum)
            return Refuse(AttachmentRefusals.TooLarge,
                $"'{fileName}' is {(size / 1048576.0).ToString("0.##", CultureInfo.InvariantCulture)} MB ({size} bytes); channel '{limits.Channel}' accepts files of at most {limits.MaxFileSizeMb} MB.");
        var inspection = inspect();
        if (inspection.Verdict == AttachmentContentVerdict.ContainsImages) return Refuse(AttachmentRefusals.ContainsImages, inspection.Message, inspection.DetectedFormat);
        if (inspection.Verdict == AttachmentContentVerdict.NotInspectable) return Refuse(AttachmentRefusals.NotInspectable, inspection.Message, inspection.DetectedFormat);
        return new(fileName, size, true, null, $"'{fileName}' can be sent on channel '{limits.Channel}' ({inspection.DetectedFormat}, {size} bytes).", inspection.DetectedFormat);
    }

    private static int? Ranged(JsonBody body, string field, int minimum, int maximum, string unit)
    {
        if (!body.Has(field)) return null;
        var value = body.OptionalInt(field) ?? throw EngageJson.Invalid($"The field '{field}' must be a whole number, not null.");
        if (value < minimum || value > maximum)
            throw EngageJson.Invalid($"The field '{field}' must be from {minimum} to {maximum} {unit} (got {value}).");
        return value;
    }

    private static IReadOnlyList<string> ValidExtensions(IReadOnlyList<string> raw, string channel)
    {
        if (raw.Count == 0)
            throw EngageJson.Invalid($"The field 'allowedExtensions' of channel '{channel}' must list at least one format; to refuse every file, turn attachments off (\"enabled\": false).");
        var extensions = new List<string>();
        foreach (var value in raw)
        {
            var why = AttachmentFormats.WhyNotAllowable(value);
            if (why is not null) throw EngageJson.Invalid($"The field 'allowedExtensions' has a value that cannot be allowed: {why}");
            var normalized = AttachmentFormats.Normalize(value);
            if (!extensions.Contains(normalized)) extensions.Add(normalized);
        }
        return extensions;
    }

    /// <summary>A channel named in the path: 404 naming it when Engage has no such channel.</summary>
    public static string KnownChannel(string channel)
    {
        var id = channel.Trim().ToLowerInvariant();
        return EngageChannels.IsKnown(id) ? id
            : throw ApiError.NotFound(ErrorKeys.EngageChannelNotFound, $"Engage has no channel '{channel}'; the channels are: {string.Join(", ", EngageChannels.All)}.").About(channel).ToException();
    }

    /// <summary>A channel named in a body field: 400 naming it.</summary>
    public static string KnownChannelField(string channel, string field = "channel")
    {
        var id = channel.Trim().ToLowerInvariant();
        return EngageChannels.IsKnown(id) ? id
            : throw EngageJson.Invalid($"The field '{field}' has '{channel}', which is not an Engage channel; use one of: {string.Join(", ", EngageChannels.All)}.");
    }
}
