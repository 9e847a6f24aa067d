using System;
using System.Collections.Generic;
using System.Linq;

namespace DigitalChannels.Client.Engage
{
    /// <summary>
    /// The Engage channel types, as the lab guide names the digital channels (lab 12.1: email, chat, SMS, Messenger,
    /// WhatsApp). One list for the client, the cmdlets' argument checks and the sandbox, so they cannot disagree.
    /// </summary>
    public static class EngageChannels
    {
        public const string Chat = "chat";
        public const string Email = "email";
        public const string Sms = "sms";
        public const string Messenger = "messenger";
        public const string WhatsApp = "whatsapp";

        public static readonly IReadOnlyList<string> All = new[] { Chat, Email, Sms, Messenger, WhatsApp };

        public static bool IsKnown(string channel) => channel != null && All.Contains(channel, StringComparer.Ordinal);

        /// <summary>The channel id in its one spelling (lower case, trimmed), or an error naming the value and the choices.</summary>
        public static string Normalize(string channel)
        {
            var id = (channel ?? string.Empty).Trim().ToLowerInvariant();
            if (!IsKnown(id))
                throw new ArgumentException($"'{channel}' is not an Engage channel; use one of: {string.Join(", ", All)}.", nameof(channel));
            return id;
        }
    }
}
