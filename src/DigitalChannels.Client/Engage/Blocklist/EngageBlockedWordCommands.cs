using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using DigitalChannels.Client.Commands;

namespace DigitalChannels.Client.Engage.Blocklist
{
    /// <summary>What Get-/Add-/Remove-EngageBlockedWord do.</summary>
    public static class EngageBlockedWordCommands
    {
        public const string Noun = "EngageBlockedWord";

        /// <summary>All blocked words, or those matching <paramref name="word"/> (wildcards allowed; a plain word that is not blocked is an error).</summary>
        public static async Task GetAsync(ICommandHost host, DigitalChannelsConnection connection, string word)
        {
            var pattern = string.IsNullOrEmpty(word) ? null : new Wildcard(word);
            var matched = false;
            await foreach (var blocked in connection.Engage.Blocklist.ListAsync(pattern?.LongestLiteral(), host.CancellationToken))
            {
                if (pattern != null && !pattern.IsMatch(blocked.Word)) continue;
                matched = true;
                host.WriteObject(blocked);
            }
            if (!matched && word != null && !Wildcard.ContainsWildcard(word))
                throw new IdentityNotFoundException($"The word '{word}' is not on the Engage blocklist.", word);
        }

        public static Task AddAsync(ICommandHost host, DigitalChannelsConnection connection, IReadOnlyList<string> words, bool passThru) =>
            PerItem.RunAsync(host, Noun, words ?? Array.Empty<string>(), async word =>
            {
                if (string.IsNullOrWhiteSpace(word)) throw new ArgumentException($"A blocked word cannot be empty or blank (got '{word}').");
                var trimmed = word.Trim();
                if (!host.ShouldProcess($"Engage blocklist of organization {connection.OrganizationId}", $"Add the word '{trimmed}'")) return;
                var added = await connection.Engage.Blocklist.AddAsync(trimmed, host.CancellationToken);
                host.WriteVerbose($"Blocked the word '{added.Word}'.");
                if (passThru) host.WriteObject(added);
            });

        public static Task RemoveAsync(ICommandHost host, DigitalChannelsConnection connection, IReadOnlyList<string> words) =>
            PerItem.RunAsync(host, Noun, words ?? Array.Empty<string>(), async word =>
            {
                if (string.IsNullOrWhiteSpace(word)) throw new ArgumentException($"A blocked word cannot be empty or blank (got '{word}').");
                var trimmed = word.Trim();
                if (!host.ShouldProcess($"Engage blocklist of organization {connection.OrganizationId}", $"Remove the word '{trimmed}'")) return;
                await connection.Engage.Blocklist.RemoveAsync(trimmed, host.CancellationToken);
                host.WriteVerbose($"Unblocked the word '{trimmed}'.");
            });
    }
}
