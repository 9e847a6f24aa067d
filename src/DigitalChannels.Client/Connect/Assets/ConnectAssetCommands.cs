using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DigitalChannels.Client.Commands;
using DigitalChannels.Client.Connect.Flows;

namespace DigitalChannels.Client.Connect.Assets
{
    /// <summary>What Get-ConnectAsset, New-ConnectApp, Set-ConnectApp and Remove-ConnectApp do.</summary>
    public static class ConnectAssetCommands
    {
        public const string Noun = "ConnectAsset";
        public const string AppNoun = "ConnectApp";

        /// <summary>Numbers and apps; <paramref name="name"/> may hold wildcards.</summary>
        public static async Task GetAsync(ICommandHost host, DigitalChannelsConnection connection, string type, ConnectChannel? channel, string name)
        {
            connection.ConnectAssets.RequireApi("Listing Connect assets", type == ConnectAsset.NumberType ? ConnectAssetsClient.NumbersPage : ConnectAssetsClient.AppsPage);
            var pattern = string.IsNullOrEmpty(name) ? null : new Wildcard(name);
            var found = false;
            foreach (var asset in await connection.ConnectAssets.ListAsync(type, channel, host.CancellationToken))
            {
                if (pattern != null && !pattern.IsMatch(asset.Name)) continue;
                found = true;
                host.WriteObject(asset);
            }
            if (!found && !string.IsNullOrEmpty(name) && !Wildcard.ContainsWildcard(name))
                throw new IdentityNotFoundException($"No Connect asset is named '{name}'.", name);
        }

        public static async Task NewAppAsync(ICommandHost host, DigitalChannelsConnection connection, string name, ConnectChannel channel)
        {
            if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("The app name is empty.", nameof(name));
            if (channel == ConnectChannel.Sms)
                throw new ArgumentException("SMS has no apps: SMS numbers are provided by Cisco (Get-ConnectAsset -Type Number).", nameof(channel));
            if (ConnectChannels.DiscontinuedReason(channel.ToString()) is string discontinued)
                throw new ArgumentException($"No {channel} app can be created: {discontinued}.", nameof(channel));
            connection.ConnectAssets.RequireCreateApi(channel);
            name = name.Trim();
            if (!host.ShouldProcess($"Connect {channel} app '{name}'", "Create")) return;
            var created = await connection.ConnectAssets.CreateAppAsync(name, channel, host.CancellationToken);
            host.WriteVerbose($"Created the {channel} app '{created.Name}' (id {created.Id}).");
            host.WriteObject(created);
        }

        /// <summary>Deletes an app (by object, name or id). Numbers are Cisco's and read-only; the sandbox refuses them too.</summary>
        public static async Task RemoveAppAsync(ICommandHost host, DigitalChannelsConnection connection, ConnectAsset app, string nameOrId)
        {
            connection.ConnectAssets.RequireApi("Deleting a Connect app", ConnectAssetsClient.AppsPage + " > (app) > Delete");
            var target = app ?? await FindAsync(connection, nameOrId, host.CancellationToken);
            if (!host.ShouldProcess($"Connect {target.Channel} {target.Type.ToLowerInvariant()} '{target.Name}' (id {target.Id})", "Remove")) return;
            await connection.ConnectAssets.DeleteAsync(target.Id, host.CancellationToken);
            host.WriteVerbose($"Removed the {target.Channel} app '{target.Name}' (id {target.Id}).");
        }

        /// <summary>
        /// Renames an app through the Digital Channel Onboarding API, live or sandbox. The app is named by object, by
        /// <paramref name="appId"/> with its <paramref name="channel"/> (what a live tenant needs: it has no public list of
        /// apps), or by name or id alone, which reads Assets > Apps first (the sandbox; NoPublicApi on a live tenant).
        /// </summary>
        public static async Task SetAppAsync(ICommandHost host, DigitalChannelsConnection connection, ConnectAsset app, string nameOrId, string appId,
            ConnectChannel? channel, string newName, bool passThru)
        {
            if (string.IsNullOrWhiteSpace(newName)) throw new ArgumentException("The new app name is empty.", nameof(newName));
            newName = newName.Trim();
            string id, label;
            ConnectChannel kind;
            if (app != null || appId == null)
            {
                if (app == null) connection.ConnectAssets.RequireApi("Finding a Connect app by name", ConnectAssetsClient.AppsPage + " (or give -Id and -Channel)");
                var target = app ?? await FindAsync(connection, nameOrId, host.CancellationToken);
                if (!string.Equals(target.Type, ConnectAsset.AppType, StringComparison.OrdinalIgnoreCase))
                    throw new ArgumentException($"'{target.Name}' is a {target.Channel} number: numbers are provided by Cisco and cannot be renamed.", nameof(nameOrId));
                if (!Enum.TryParse(target.Channel, true, out kind))
                    throw new ArgumentException($"The app '{target.Name}' has the channel '{target.Channel}', which this module does not know.", nameof(app));
                (id, label) = (target.Id, $"Connect {target.Channel} app '{target.Name}' (id {target.Id})");
            }
            else
            {
                if (string.IsNullOrWhiteSpace(appId)) throw new ArgumentException("The app id is empty.", nameof(appId));
                kind = channel ?? throw new ArgumentException("-Channel is needed with -Id: the Onboarding API names an app by id and channel.", nameof(channel));
                (id, label) = (appId.Trim(), $"Connect {kind} app with id {appId.Trim()}");
            }
            if (ConnectAssetsClient.UpdateChannel(kind) == null)
                throw new ArgumentException($"{kind} has no apps to rename: SMS numbers are provided by Cisco and read-only.", nameof(channel));
            if (!host.ShouldProcess(label, $"Rename to '{newName}'")) return;
            var changed = await connection.ConnectAssets.UpdateAppAsync(id, kind, newName, host.CancellationToken);
            host.WriteVerbose($"Renamed the {kind} app {id} to '{changed?.Name ?? newName}'.");
            if (passThru) host.WriteObject(changed);
        }

        /// <summary>
        /// The asset with this id, or else this exact name (case-insensitive), or the one a wildcard pattern matches; an
        /// error naming it when none (or, for a pattern, several).
        /// </summary>
        public static async Task<ConnectAsset> FindAsync(DigitalChannelsConnection connection, string nameOrId, CancellationToken cancellationToken)
        {
            if (string.IsNullOrWhiteSpace(nameOrId)) throw new ArgumentException("The asset name or id is empty.", nameof(nameOrId));
            var text = nameOrId.Trim();
            var assets = await connection.ConnectAssets.ListAsync(null, null, cancellationToken);
            if (WildcardLookup.IsPattern(text))
                return WildcardLookup.Single(assets, text, a => a.Name, "Connect asset", text);
            return assets.FirstOrDefault(a => string.Equals(a.Id, text, StringComparison.OrdinalIgnoreCase))
                ?? assets.FirstOrDefault(a => string.Equals(a.Name, text, StringComparison.OrdinalIgnoreCase))
                ?? throw new IdentityNotFoundException($"No Connect asset (app or number) has the name or id '{text}'.", text);
        }
    }
}
