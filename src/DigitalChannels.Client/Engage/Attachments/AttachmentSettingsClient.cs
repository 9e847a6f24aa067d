using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;

namespace DigitalChannels.Client.Engage.Attachments
{
    /// <summary>Engage → Admin → Settings over the sandbox's Engage API; against a live tenant every call names that page instead.</summary>
    public sealed class AttachmentSettingsClient
    {
        private readonly EngageClient _engage;

        internal AttachmentSettingsClient(EngageClient engage) => _engage = engage;

        private Uri Uri(string relative, string operation) => _engage.Organization(relative, operation, EngagePortalPages.Attachments);

        public async Task<EngageAttachmentSettings> GetAsync(CancellationToken cancellationToken)
        {
            var settings = await _engage.Http.SendAsync<EngageAttachmentSettings>(HttpMethod.Get, Uri("settings/attachments", "Reading the Engage attachment settings"), null, cancellationToken);
            foreach (var channel in settings.Channels) channel.AttachmentsEnabled = settings.Enabled;
            return settings;
        }

        /// <summary>The tenant switch ("Enable Attachment", then Submit).</summary>
        public async Task<EngageAttachmentSettings> SetEnabledAsync(bool enabled, CancellationToken cancellationToken)
        {
            var uri = Uri("settings/attachments", enabled ? "Enabling Engage attachments" : "Disabling Engage attachments");
            var settings = await _engage.Http.SendAsync<EngageAttachmentSettings>(new HttpMethod("PATCH"), uri, new JObject { ["enabled"] = enabled }.ToString(Newtonsoft.Json.Formatting.None), cancellationToken);
            foreach (var channel in settings.Channels) channel.AttachmentsEnabled = settings.Enabled;
            return settings;
        }

        /// <summary>One channel's limits (the pencil's pop-up, then OK); only the given values change.</summary>
        public async Task<EngageAttachmentChannelSetting> SetChannelAsync(string channel, int? maxFileSizeMB, int? maxFiles, IReadOnlyList<string> allowedExtensions,
            CancellationToken cancellationToken)
        {
            var id = EngageChannels.Normalize(channel);
            var patch = new JObject();
            if (maxFileSizeMB.HasValue) patch["maxFileSizeMb"] = maxFileSizeMB.Value;
            if (maxFiles.HasValue) patch["maxFiles"] = maxFiles.Value;
            if (allowedExtensions != null) patch["allowedExtensions"] = new JArray(allowedExtensions.ToArray());
            if (patch.Count == 0) throw new ArgumentException($"No change to the attachment settings of channel '{id}' was given.");
            var uri = Uri("settings/attachments/channels/" + id, $"Changing the Engage attachment settings of channel '{id}'");
            return await _engage.Http.SendAsync<EngageAttachmentChannelSetting>(new HttpMethod("PATCH"), uri, patch.ToString(Newtonsoft.Json.Formatting.None), cancellationToken);
        }

        /// <summary>
        /// The tenant's verdict on files sent together on <paramref name="channel"/>: the switch, the channel's number of
        /// files, formats and size, and the PCI content rule (the sandbox runs <see cref="AttachmentInspector"/> too).
        /// </summary>
        public Task<AttachmentCheckResult> CheckAsync(string channel, IReadOnlyList<AttachmentUpload> files, CancellationToken cancellationToken)
        {
            var id = EngageChannels.Normalize(channel);
            if (files == null || files.Count == 0) throw new ArgumentException("No file to check was given.", nameof(files));
            var body = new JObject
            {
                ["channel"] = id,
                ["files"] = new JArray(files.Select(f => new JObject { ["fileName"] = f.FileName, ["contentBase64"] = Convert.ToBase64String(f.Content) })),
            };
            return _engage.Http.SendAsync<AttachmentCheckResult>(HttpMethod.Post, Uri("attachments/check", "Checking attachments against the Engage settings"),
                body.ToString(Newtonsoft.Json.Formatting.None), cancellationToken);
        }
    }
}
