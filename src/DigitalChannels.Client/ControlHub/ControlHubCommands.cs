using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using DigitalChannels.Client.Commands;

namespace DigitalChannels.Client.ControlHub
{
    /// <summary>What Get- and Set-WxccRonaTimeout do. Webex has no public API for them: sandbox only.</summary>
    public static class RonaTimeoutCommands
    {
        public const string Noun = "WxccRonaTimeout";

        public static async Task GetAsync(ICommandHost host, DigitalChannelsConnection connection)
        {
            host.WriteObject(await connection.ControlHub.GetRonaTimeoutsAsync(host.CancellationToken));
        }

        /// <summary>
        /// Changes only the channels given: every value is checked against its range first (telephony 1–120 s, the
        /// others 1–6000 s) so that nothing is sent when one is wrong; then read, overlay, PUT all four.
        /// </summary>
        public static async Task SetAsync(ICommandHost host, DigitalChannelsConnection connection, int? telephony, int? chat, int? email, int? social, bool passThru)
        {
            if (telephony == null && chat == null && email == null && social == null)
                throw new ArgumentException("Nothing to change: give -Telephony, -Chat, -Email or -Social (seconds).");
            if (telephony.HasValue) RonaTimeouts.Validate("Telephony", telephony.Value);
            if (chat.HasValue) RonaTimeouts.Validate("Chat", chat.Value);
            if (email.HasValue) RonaTimeouts.Validate("Email", email.Value);
            if (social.HasValue) RonaTimeouts.Validate("Social", social.Value);

            var current = await connection.ControlHub.GetRonaTimeoutsAsync(host.CancellationToken);
            var changed = new RonaTimeouts
            {
                Telephony = telephony ?? current.Telephony,
                Chat = chat ?? current.Chat,
                Email = email ?? current.Email,
                Social = social ?? current.Social,
            };
            var parts = new List<string>();
            if (telephony.HasValue) parts.Add($"telephony {telephony} s");
            if (chat.HasValue) parts.Add($"chat {chat} s");
            if (email.HasValue) parts.Add($"email {email} s");
            if (social.HasValue) parts.Add($"social {social} s");
            var description = string.Join(", ", parts);
            if (!host.ShouldProcess($"RONA timeouts of organization {connection.OrganizationId}", "Set " + description)) return;
            var stored = await connection.ControlHub.SetRonaTimeoutsAsync(changed, host.CancellationToken);
            host.WriteVerbose($"Set the RONA timeouts: {description}.");
            if (passThru) host.WriteObject(stored);
        }
    }

    /// <summary>What Sync-WxccUser does: Control Hub's Synchronize Users (sandbox only).</summary>
    public static class UserSynchronizationCommands
    {
        public const string Noun = "WxccUser";

        public static async Task SyncAsync(ICommandHost host, DigitalChannelsConnection connection)
        {
            if (!connection.Environment.IsSandbox) throw new NoPublicApiException("Synchronize Users", ControlHubClient.SynchronizeUsersPage);
            if (!host.ShouldProcess($"Contact Center users of organization {connection.OrganizationId}", "Synchronize with the licensed Webex people")) return;
            var result = await connection.ControlHub.SynchronizeUsersAsync(host.CancellationToken);
            host.WriteVerbose($"Synchronize Users: {result}.");
            host.WriteObject(result);
        }
    }
}
