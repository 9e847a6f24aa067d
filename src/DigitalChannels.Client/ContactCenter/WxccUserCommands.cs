using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DigitalChannels.Client.Commands;
using DigitalChannels.Client.Http;
using Newtonsoft.Json.Linq;

namespace DigitalChannels.Client.ContactCenter
{
    /// <summary>What Set-WxccUser was given: names or ids, resolved once per command; null means "not given".</summary>
    public sealed class WxccUserSettings
    {
        public bool? ContactCenterEnabled { get; set; }
        public string Site { get; set; }
        public IReadOnlyList<string> Teams { get; set; }
        public string DesktopProfile { get; set; }
        public string MultimediaProfile { get; set; }
        public string UserProfile { get; set; }

        public bool IsEmpty => ContactCenterEnabled == null && Site == null && Teams == null && DesktopProfile == null && MultimediaProfile == null && UserProfile == null;

        internal string Describe()
        {
            var parts = new List<string>();
            if (ContactCenterEnabled.HasValue) parts.Add(ContactCenterEnabled.Value ? "enable Contact Center" : "disable Contact Center");
            if (UserProfile != null) parts.Add($"user profile '{UserProfile}'");
            if (Site != null) parts.Add($"site '{Site}'");
            if (Teams != null) parts.Add(Teams.Count == 0 ? "no teams" : $"teams {string.Join(", ", Teams.Select(t => "'" + t + "'"))}");
            if (DesktopProfile != null) parts.Add($"desktop profile '{DesktopProfile}'");
            if (MultimediaProfile != null) parts.Add($"multimedia profile '{MultimediaProfile}'");
            return string.Join(", ", parts);
        }
    }

    /// <summary>The settings with every name turned into an id: what goes into a PUT or a bulk patch item.</summary>
    public sealed class ResolvedUserSettings
    {
        public bool? ContactCenterEnabled { get; set; }
        public string SiteId { get; set; }
        public List<string> TeamIds { get; set; }
        public string AgentProfileId { get; set; }
        public string MultimediaProfileId { get; set; }
        public string UserProfileId { get; set; }

        public static async Task<ResolvedUserSettings> ResolveAsync(WxccUserSettings settings, ContactCenterNames names, CancellationToken token)
        {
            var resolved = new ResolvedUserSettings { ContactCenterEnabled = settings.ContactCenterEnabled };
            if (settings.UserProfile != null) resolved.UserProfileId = await names.UserProfileAsync(settings.UserProfile, token);
            if (settings.Site != null) resolved.SiteId = await names.SiteAsync(settings.Site, token);
            if (settings.Teams != null)
            {
                resolved.TeamIds = new List<string>();
                foreach (var team in settings.Teams) resolved.TeamIds.Add(await names.TeamAsync(team, token));
                resolved.TeamIds = resolved.TeamIds.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            }
            if (settings.DesktopProfile != null) resolved.AgentProfileId = await names.DesktopProfileAsync(settings.DesktopProfile, token);
            if (settings.MultimediaProfile != null) resolved.MultimediaProfileId = await names.MultimediaProfileAsync(settings.MultimediaProfile, token);
            return resolved;
        }

        public void ApplyTo(ContactCenterUser user)
        {
            if (ContactCenterEnabled.HasValue) user.ContactCenterEnabled = ContactCenterEnabled;
            if (UserProfileId != null) user.UserProfileId = UserProfileId;
            if (SiteId != null) user.SiteId = SiteId;
            if (TeamIds != null) user.TeamIds = new List<string>(TeamIds);
            if (AgentProfileId != null) user.AgentProfileId = AgentProfileId;
            if (MultimediaProfileId != null) user.MultimediaProfileId = MultimediaProfileId;
        }

        /// <summary>The bulk item: the user's id and only the fields that change (field names as UserDTO spells them).</summary>
        public JObject ToPatch(string userId)
        {
            var patch = new JObject { ["id"] = userId };
            if (ContactCenterEnabled.HasValue) patch["contactCenterEnabled"] = ContactCenterEnabled.Value;
            if (UserProfileId != null) patch["userProfileId"] = UserProfileId;
            if (SiteId != null) patch["siteId"] = SiteId;
            if (TeamIds != null) patch["teamIds"] = new JArray(TeamIds);
            if (AgentProfileId != null) patch["agentProfileId"] = AgentProfileId;
            if (MultimediaProfileId != null) patch["multimediaProfileId"] = MultimediaProfileId;
            return patch;
        }
    }

    /// <summary>What Get-, Set- and Sync-WxccUser do.</summary>
    public static class WxccUserCommands
    {
        public const string Noun = "WxccUser";

        /// <summary>From this many users on, Set-WxccUser sends <c>PATCH /user/bulk</c> instead of one read and PUT per user.</summary>
        public const int BulkThreshold = 2;

        /// <summary>Users per bulk request.</summary>
        public const int BulkChunkSize = 50;

        public const string UserProfilePage = "Control Hub → Users → (user) → Contact Center → User Profile";

        /// <summary>By id, by email (wildcards allowed), or every user, streamed page by page.</summary>
        public static Task GetAsync(ICommandHost host, DigitalChannelsConnection connection, string id, string email) =>
            ContactCenterCommandSupport.GetAsync(host, connection.ContactCenter.Users, id, email, u => u.Email, new ContactCenterDisplayNames(connection.ContactCenter));

        /// <summary>
        /// Changes every user piped in. Names are resolved once for the whole command. One user: read, change, PUT the
        /// whole user with its version. <see cref="BulkThreshold"/> or more: <c>PATCH /user/bulk</c> in chunks of
        /// <see cref="BulkChunkSize"/>, then one outcome per user (a non-terminating error naming the user and the
        /// server's reason, or with -PassThru the user as stored).
        /// </summary>
        public static async Task SetAsync(ICommandHost host, DigitalChannelsConnection connection, IReadOnlyList<WxccUserIdentity> identities,
            WxccUserSettings settings, bool passThru)
        {
            if (settings == null || settings.IsEmpty)
                throw new CommandTerminatedException(CommandErrors.From(Noun, new ArgumentException("Nothing to change: give -ContactCenterEnabled, -Site, -Team, -DesktopProfile, -MultimediaProfile or -UserProfile."), null));
            if (identities == null || identities.Count == 0) return;
            if (settings.UserProfile != null && !connection.Environment.IsSandbox)
                throw new NoPublicApiException("Changing a Contact Center user's user profile", UserProfilePage);

            var token = host.CancellationToken;
            ResolvedUserSettings resolved;
            var names = new ContactCenterNames(connection.ContactCenter);
            // -PassThru output shows the names given on the command line; no request is added for the others.
            var display = new ContactCenterDisplayNames(connection.ContactCenter, names, lookUp: false);
            try
            {
                resolved = await ResolvedUserSettings.ResolveAsync(settings, names, token);
            }
            catch (Exception ex) when (!(ex is OperationCanceledException))
            {
                // A name that resolves to nothing would fail every user the same way: one terminating error.
                throw new CommandTerminatedException(CommandErrors.From(Noun, ex, null));
            }

            var description = settings.Describe();
            if (identities.Count < BulkThreshold)
            {
                foreach (var identity in identities) await SetOneAsync(host, connection, identity, resolved, description, passThru, display);
                return;
            }

            var users = connection.ContactCenter.Users;
            var pending = new List<ContactCenterUser>();
            foreach (var identity in identities)
            {
                ContactCenterUser user;
                try
                {
                    user = identity.Item?.Id != null ? identity.Item : await identity.ResolveAsync(users, token);
                }
                catch (Exception ex) when (!(ex is OperationCanceledException))
                {
                    if (CommandErrors.EndsCommand(ex)) throw;
                    host.WriteError(CommandErrors.From(Noun, ex, identity));
                    continue;
                }
                if (host.ShouldProcess($"Contact Center user '{user.Email ?? user.Id}' (id {user.Id})", ContactCenterCommandSupport.Capitalize(description))) pending.Add(user);
            }

            if (pending.Count == 0) return;
            var done = 0;
            using (var progress = new ProgressActivity(host, 1, "Set-WxccUser"))
            {
                foreach (var chunk in Chunk(pending, BulkChunkSize))
                {
                    progress.Report($"Updating users {done + 1}–{done + chunk.Count} of {pending.Count}", done * 100 / pending.Count);
                    await SendChunkAsync(host, connection, chunk, resolved, passThru, display);
                    done += chunk.Count;
                }
            }
        }

        private static async Task SetOneAsync(ICommandHost host, DigitalChannelsConnection connection, WxccUserIdentity identity, ResolvedUserSettings resolved, string description, bool passThru,
            ContactCenterDisplayNames display)
        {
            var users = connection.ContactCenter.Users;
            try
            {
                var current = await identity.ResolveAsync(users, host.CancellationToken);
                if (!host.ShouldProcess($"Contact Center user '{current.Email ?? current.Id}' (id {current.Id})", ContactCenterCommandSupport.Capitalize(description))) return;
                var changed = current.Clone<ContactCenterUser>();
                resolved.ApplyTo(changed);
                var updated = await ContactCenterCommandSupport.UpdateAsync(host, users, current, changed);
                host.WriteVerbose($"Changed Contact Center user '{current.Email}' (id {current.Id}): {description}.");
                if (!passThru) return;
                await display.FillAsync(host, updated);
                host.WriteObject(updated);
            }
            catch (Exception ex) when (!(ex is OperationCanceledException) && !(ex is CommandTerminatedException))
            {
                if (CommandErrors.EndsCommand(ex)) throw;
                host.WriteError(CommandErrors.From(Noun, ex, identity));
            }
        }

        private static async Task SendChunkAsync(ICommandHost host, DigitalChannelsConnection connection, IReadOnlyList<ContactCenterUser> chunk, ResolvedUserSettings resolved, bool passThru,
            ContactCenterDisplayNames display)
        {
            var users = connection.ContactCenter.Users;
            var request = new BulkRequest();
            for (var i = 0; i < chunk.Count; i++)
                request.Items.Add(new BulkRequestItem { ItemIdentifier = i, Item = resolved.ToPatch(chunk[i].Id), RequestAction = "SAVE" });

            BulkResponse response;
            try
            {
                response = await users.BulkAsync(request, host.CancellationToken);
            }
            catch (Exception ex) when (!(ex is OperationCanceledException))
            {
                if (CommandErrors.EndsCommand(ex)) throw;
                // The whole request failed (a 400 for the request as such, or 429 after every retry): each user of it failed.
                foreach (var user in chunk)
                {
                    var error = CommandErrors.From(Noun, ex, user);
                    host.WriteError(new CommandError(error.ErrorId, error.Category, $"Contact Center user '{user.Email ?? user.Id}' was not changed: {error.Message}", user, error.Exception) { RecommendedAction = error.RecommendedAction });
                }
                return;
            }

            var outcomes = response.Items.GroupBy(i => i.ItemIdentifier).ToDictionary(g => g.Key, g => g.First());
            for (var i = 0; i < chunk.Count; i++)
            {
                var user = chunk[i];
                var name = user.Email ?? user.Id;
                if (!outcomes.TryGetValue(i, out var outcome))
                {
                    host.WriteError(new CommandError(Noun + "Failed", CommandErrorCategory.NotSpecified,
                        $"The bulk answer holds no outcome for Contact Center user '{name}' (item {i}): check the user with Get-WxccUser.", user));
                    continue;
                }
                if (outcome.Succeeded)
                {
                    host.WriteVerbose($"Changed Contact Center user '{name}' (id {user.Id}): status {outcome.Status} {outcome.OperationType}.");
                    if (passThru)
                    {
                        var stored = await users.GetAsync(user.Id, host.CancellationToken);
                        if (stored == null) continue;
                        await display.FillAsync(host, stored);
                        host.WriteObject(stored);
                    }
                    continue;
                }
                var failure = new WebexApiException(
                    $"Contact Center user '{name}' was not changed: {outcome.Status} {outcome.ApiError?.Describe() ?? "no reason given"}",
                    WebexFailureKind.HttpStatus, outcome.Status, "PATCH", users.Resource.BulkPath, outcome.ApiError?.Describe(), outcome.ApiError?.Error?.Key, outcome.ApiError?.TrackingId, null)
                {
                    // A bulk item's error names its cause as a whole answer's does: the same table decides its id.
                    Reason = outcome.ApiError?.Error?.Reason,
                    ReasonTexts = outcome.ApiError?.Error?.Message?.Select(m => m.Description).Where(d => !string.IsNullOrWhiteSpace(d)).ToList(),
                };
                host.WriteError(CommandErrors.From(Noun, failure, user));
            }
        }

        private static IEnumerable<IReadOnlyList<T>> Chunk<T>(IReadOnlyList<T> items, int size)
        {
            for (var i = 0; i < items.Count; i += size) yield return items.Skip(i).Take(size).ToList();
        }
    }
}
