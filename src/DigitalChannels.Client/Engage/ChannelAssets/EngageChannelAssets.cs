using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using DigitalChannels.Client.Commands;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace DigitalChannels.Client.Engage.ChannelAssets
{
    /// <summary>The chat widget of a Live Chat app: title, colour and the working hours that choose its layout.</summary>
    public sealed class EngageChatWidget
    {
        [JsonProperty("title")] public string Title { get; set; }
        [JsonProperty("color")] public string Color { get; set; }
        [JsonProperty("workingHoursId")] public string WorkingHoursId { get; set; }
        [JsonProperty("workingHoursName")] public string WorkingHoursName { get; set; }
        [JsonProperty("version")] public long Version { get; set; }
        [JsonProperty("lastUpdatedTime")] public DateTimeOffset? LastUpdatedTime { get; set; }

        public override string ToString() => $"'{Title}' {Color}" + (WorkingHoursName == null ? "" : $", hours '{WorkingHoursName}'");
    }

    /// <summary>A Connect asset as Engage's Channel Assets shows it (lab rule 23).</summary>
    public sealed class EngageChannelAsset
    {
        [JsonProperty("id")] public string Id { get; set; }
        [JsonProperty("name")] public string Name { get; set; }

        /// <summary>Number or App.</summary>
        [JsonProperty("type")] public string Type { get; set; }

        [JsonProperty("connectChannel")] public string ConnectChannel { get; set; }

        /// <summary>The Engage channel (chat, email, sms, messenger, whatsapp), or null when Engage does not serve it.</summary>
        [JsonProperty("channel")] public string Channel { get; set; }

        /// <summary>Live Chat apps only.</summary>
        [JsonProperty("chatWidget")] public EngageChatWidget ChatWidget { get; set; }

        public override string ToString() => $"{Name} ({ConnectChannel} {Type})";
    }

    public sealed class ChannelAssetsClient
    {
        public const int MaxPageSize = 100;
        private static readonly Regex ColorPattern = new Regex("^#[0-9A-Fa-f]{6}$");
        private readonly EngageClient _engage;

        internal ChannelAssetsClient(EngageClient engage) => _engage = engage;

        internal Uri Collection(string operation) => _engage.Organization("channel-assets", operation, EngagePortalPages.ChannelAssets);

        public IAsyncEnumerable<EngageChannelAsset> ListAsync(string channel = null, CancellationToken cancellationToken = default(CancellationToken))
        {
            var query = string.IsNullOrEmpty(channel) ? null : new[] { new KeyValuePair<string, string>("channel", EngageChannels.Normalize(channel)) };
            return _engage.Http.StreamAsync<EngageChannelAsset>(Collection("Listing the Engage channel assets"), query, MaxPageSize, cancellationToken);
        }

        /// <summary>Changes the chat widget; null leaves a value as it is, an empty string returns it to its default.</summary>
        public Task<EngageChannelAsset> SetChatWidgetAsync(string assetId, string title, string color, string workingHoursId, CancellationToken cancellationToken)
        {
            if (string.IsNullOrWhiteSpace(assetId)) throw new ArgumentException("The asset id is empty.", nameof(assetId));
            if (!string.IsNullOrEmpty(color) && !ColorPattern.IsMatch(color.Trim()))
                throw new ArgumentException($"The colour '{color}' is not like '#0A78CC' (# and six hex digits).", nameof(color));
            var patch = new JObject();
            if (title != null) patch["title"] = title.Length == 0 ? JValue.CreateNull() : (JToken)title;
            if (color != null) patch["color"] = color.Length == 0 ? JValue.CreateNull() : (JToken)color.Trim();
            if (workingHoursId != null) patch["workingHoursId"] = workingHoursId.Length == 0 ? JValue.CreateNull() : (JToken)workingHoursId;
            if (!patch.HasValues) throw new ArgumentException("Nothing to change: give a title, a colour or working hours.");
            var uri = _engage.Organization("channel-assets/" + Uri.EscapeDataString(assetId) + "/chat-widget", "Configuring a chat widget", EngagePortalPages.ChannelAssets);
            return _engage.Http.SendAsync<EngageChannelAsset>(new HttpMethod("PATCH"), uri, patch.ToString(Formatting.None), cancellationToken);
        }
    }

    /// <summary>What Get-EngageChannelAsset and Set-EngageChannelAsset do.</summary>
    public static class EngageChannelAssetCommands
    {
        public const string Noun = "EngageChannelAsset";

        public static async Task GetAsync(ICommandHost host, DigitalChannelsConnection connection, string name, string channel)
        {
            var pattern = string.IsNullOrEmpty(name) ? null : new Wildcard(name);
            await foreach (var asset in connection.Engage.ChannelAssets.ListAsync(channel, host.CancellationToken))
                if (pattern == null || pattern.IsMatch(asset.Name)) host.WriteObject(asset);
        }

        /// <summary>
        /// Configures the chat widget of a Live Chat app named or given by id. <paramref name="workingHours"/> is a name
        /// or id of Engage working hours (resolved here; the sandbox checks the id again).
        /// </summary>
        public static async Task SetAsync(ICommandHost host, DigitalChannelsConnection connection, string asset, string title, string color,
            string workingHours, bool passThru)
        {
            if (string.IsNullOrWhiteSpace(asset)) throw new ArgumentException("The asset is empty.", nameof(asset));
            if (title == null && color == null && workingHours == null) throw new ArgumentException("Nothing to change: give -Title, -Color or -WorkingHours.");
            connection.Engage.ChannelAssets.Collection("Configuring a chat widget");
            var assets = new List<EngageChannelAsset>();
            await foreach (var a in connection.Engage.ChannelAssets.ListAsync(null, host.CancellationToken)) assets.Add(a);
            var target = assets.FirstOrDefault(a => string.Equals(a.Id, asset, StringComparison.OrdinalIgnoreCase))
                ?? assets.FirstOrDefault(a => string.Equals(a.Name, asset, StringComparison.OrdinalIgnoreCase))
                ?? throw new KeyNotFoundException($"No channel asset is named or has the id '{asset}'; the assets are {string.Join(", ", assets.Select(a => $"'{a.Name}'"))}.");
            string workingHoursId = null;
            if (!string.IsNullOrEmpty(workingHours))
            {
                var hours = await connection.Engage.WorkingHours.GetAsync(workingHours, host.CancellationToken)
                    ?? await connection.Engage.WorkingHours.FindByNameAsync(workingHours, host.CancellationToken)
                    ?? throw new KeyNotFoundException($"No Engage working hours are named or have the id '{workingHours}'.");
                workingHoursId = hours.Id;
            }
            else if (workingHours != null) workingHoursId = string.Empty;
            if (!host.ShouldProcess($"chat widget of the channel asset '{target.Name}' (id {target.Id})", "Set")) return;
            var updated = await connection.Engage.ChannelAssets.SetChatWidgetAsync(target.Id, title, color, workingHoursId, host.CancellationToken);
            host.WriteVerbose($"Chat widget of '{updated.Name}': {updated.ChatWidget}.");
            if (passThru) host.WriteObject(updated);
        }
    }
}
