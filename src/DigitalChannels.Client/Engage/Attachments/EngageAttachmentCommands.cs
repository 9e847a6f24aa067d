using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using DigitalChannels.Client.Commands;

namespace DigitalChannels.Client.Engage.Attachments
{
    /// <summary>What Get-/Set-EngageAttachmentSetting and Test-EngageAttachment do; the cmdlets bind parameters and call these.</summary>
    public static class EngageAttachmentCommands
    {
        public const string SettingNoun = "EngageAttachmentSetting";
        public const string CheckNoun = "EngageAttachment";

        /// <summary>The whole settings page, or the rows of the given channels.</summary>
        public static async Task GetAsync(ICommandHost host, DigitalChannelsConnection connection, IReadOnlyList<string> channels)
        {
            var wanted = (channels ?? Array.Empty<string>()).Select(EngageChannels.Normalize).Distinct().ToList();
            var settings = await connection.Engage.Attachments.GetAsync(host.CancellationToken);
            if (wanted.Count == 0)
            {
                host.WriteObject(settings);
                return;
            }
            foreach (var channel in wanted)
            {
                var row = settings[channel] ?? throw new IdentityNotFoundException($"The Engage attachment settings have no channel '{channel}'.", channel);
                host.WriteObject(row);
            }
        }

        /// <summary>
        /// The tenant switch (<paramref name="enabled"/>; null leaves it) and the limits of <paramref name="channels"/>
        /// (needed when <paramref name="changes"/> has anything), each change asked for with ShouldProcess.
        /// </summary>
        public static async Task SetAsync(ICommandHost host, DigitalChannelsConnection connection, bool? enabled, IReadOnlyList<string> channels,
            EngageAttachmentChannelChanges changes, bool passThru)
        {
            var channelIds = (channels ?? Array.Empty<string>()).Select(EngageChannels.Normalize).Distinct().ToList();
            var hasChannelChanges = changes != null && !changes.IsEmpty;
            if (enabled == null && !hasChannelChanges)
                throw new ArgumentException("Nothing to change: give -Enabled, or -Channel with -MaxFileSizeMB, -MaxFiles, -AllowedExtension, -AddExtension or -RemoveExtension.");
            if (hasChannelChanges && channelIds.Count == 0)
                throw new ArgumentException($"Say which channel to change ({changes.Describe()}): give -Channel with any of {string.Join(", ", EngageChannels.All)}.");
            if (!hasChannelChanges && channelIds.Count > 0)
                throw new ArgumentException($"-Channel {string.Join(", ", channelIds)} was given without a change: add -MaxFileSizeMB, -MaxFiles, -AllowedExtension, -AddExtension or -RemoveExtension.");

            var client = connection.Engage.Attachments;
            var token = host.CancellationToken;
            var changed = false;
            if (enabled.HasValue && host.ShouldProcess($"Engage attachment settings of organization {connection.OrganizationId}",
                    enabled.Value ? "Enable attachments" : "Disable attachments for every channel"))
            {
                await client.SetEnabledAsync(enabled.Value, token);
                host.WriteVerbose($"Engage attachments are now {(enabled.Value ? "enabled" : "disabled")}.");
                changed = true;
            }

            if (hasChannelChanges)
            {
                var needsCurrentFormats = changes.AllowedExtensions == null && ((changes.AddExtensions?.Count ?? 0) > 0 || (changes.RemoveExtensions?.Count ?? 0) > 0);
                var current = needsCurrentFormats ? await client.GetAsync(token) : null;
                foreach (var channel in channelIds)
                {
                    if (!host.ShouldProcess($"Engage attachment settings of channel '{channel}'", "Set " + changes.Describe())) continue;
                    var formats = changes.AllowedExtensions != null || needsCurrentFormats
                        ? changes.ApplyTo(current?[channel]?.AllowedExtensions)
                        : null;
                    var row = await client.SetChannelAsync(channel, changes.MaxFileSizeMB, changes.MaxFiles, formats, token);
                    host.WriteVerbose($"Channel '{row.Channel}': {row.MaxFiles} files of at most {row.MaxFileSizeMB} MB, formats {string.Join(", ", row.AllowedExtensions)}.");
                    changed = true;
                }
            }

            if (passThru && changed) host.WriteObject(await client.GetAsync(token));
        }

        /// <summary>
        /// Checks files as attachments of one message. The local inspector runs first: with <paramref name="offline"/>
        /// it is the whole answer (content only, no connection needed); otherwise a file it finds images in is refused
        /// at once and never uploaded, and the others go to the tenant, which applies its switch, the channel's number of
        /// files, formats and size, and the same content rule.
        /// </summary>
        public static async Task TestAsync(ICommandHost host, DigitalChannelsConnection connection, IReadOnlyList<string> paths, string channel, bool offline)
        {
            if (paths == null || paths.Count == 0) throw new ArgumentException("No file to check was given.", nameof(paths));
            var channelId = offline ? null : EngageChannels.Normalize(channel);
            if (!offline && connection == null) throw new NotConnectedException();

            var files = new List<(string Path, byte[] Content, AttachmentInspection Local)>();
            foreach (var path in paths)
            {
                byte[] content;
                try
                {
                    content = File.ReadAllBytes(path);
                }
                catch (Exception ex) when (ex is FileNotFoundException || ex is DirectoryNotFoundException)
                {
                    host.WriteError(CommandErrors.From(CheckNoun, new FileNotFoundException($"The file '{path}' does not exist.", path), path));
                    continue;
                }
                catch (UnauthorizedAccessException ex)
                {
                    host.WriteError(new CommandError(CheckNoun + "Failed", CommandErrorCategory.PermissionDenied, $"The file '{path}' cannot be read: {ex.Message}", path, ex));
                    continue;
                }
                files.Add((path, content, AttachmentInspector.Inspect(Path.GetFileName(path), content)));
            }
            if (files.Count == 0) return;

            var results = new EngageAttachmentCheck[files.Count];
            for (var i = 0; i < files.Count; i++)
            {
                var local = files[i].Local;
                if (offline || !local.IsTextOnly) results[i] = FromInspection(files[i].Path, channelId, local);
            }
            if (offline)
            {
                host.WriteVerbose("Offline: only the content was checked. The channel's formats, size and number of files are tenant settings; check without -Offline for them.");
            }
            else
            {
                var upload = Enumerable.Range(0, files.Count).Where(i => results[i] == null).ToList();
                foreach (var refused in results.Where(r => r != null)) host.WriteVerbose($"Not uploaded: {refused.Message}");
                if (upload.Count > 0)
                {
                    var verdict = await connection.Engage.Attachments.CheckAsync(channelId,
                        upload.Select(i => new AttachmentUpload(Path.GetFileName(files[i].Path), files[i].Content)).ToList(), host.CancellationToken);
                    for (var k = 0; k < upload.Count; k++)
                    {
                        var file = verdict.Files.ElementAtOrDefault(k)
                            ?? throw new InvalidDataException($"The tenant's check returned {verdict.Files.Count} verdicts for {upload.Count} files.");
                        var path = files[upload[k]].Path;
                        results[upload[k]] = new EngageAttachmentCheck
                        {
                            FileName = Path.GetFileName(path), Path = path, Channel = verdict.Channel, SizeBytes = file.SizeBytes,
                            Accepted = file.Accepted, Reason = file.Reason, Message = file.Message, DetectedFormat = file.DetectedFormat, CheckedBy = "Tenant",
                        };
                    }
                }
            }
            foreach (var result in results) host.WriteObject(result);
        }

        private static EngageAttachmentCheck FromInspection(string path, string channel, AttachmentInspection inspection) => new EngageAttachmentCheck
        {
            FileName = Path.GetFileName(path),
            Path = path,
            Channel = channel,
            SizeBytes = inspection.SizeBytes,
            Accepted = inspection.IsTextOnly,
            Reason = inspection.Verdict == AttachmentContentVerdict.ContainsImages ? AttachmentRefusals.ContainsImages
                : inspection.Verdict == AttachmentContentVerdict.NotInspectable ? AttachmentRefusals.NotInspectable : null,
            Message = inspection.Message,
            DetectedFormat = inspection.DetectedFormat,
            CheckedBy = "Client",
        };
    }
}
