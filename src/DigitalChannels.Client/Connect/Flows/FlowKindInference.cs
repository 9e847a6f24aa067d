using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace DigitalChannels.Client.Connect.Flows
{
    /// <summary>One row of <see cref="FlowKindInference.Vocabulary"/>: the words and abbreviations that name a kind.</summary>
    public sealed class FlowKindWords
    {
        public FlowKindWords(ConnectFlowKind kind, string[] words, string[] abbreviations = null)
        {
            Kind = kind;
            Words = words ?? Array.Empty<string>();
            Abbreviations = abbreviations ?? Array.Empty<string>();
        }

        public ConnectFlowKind Kind { get; }

        /// <summary>Lower-case letters, found anywhere in a name's letters and digits: "livechat" matches "Live Chat", "LiveChat", "live_chat", "Livechat".</summary>
        public IReadOnlyList<string> Words { get; }

        /// <summary>Lower case, matched only as a whole word of the name, so "sms" matches "SMS Inbound" and "SmsQABot" but not "Smsish".</summary>
        public IReadOnlyList<string> Abbreviations { get; }
    }

    /// <summary>
    /// The kind of a flow cannot be read from its encrypted payload, so Import-ConnectFlow takes -Kind or infers it from
    /// names: the .workflow file's, then the zip's, then the folders', then the flow's (<see cref="WorkflowFile.KindHints"/>).
    /// One table, <see cref="Vocabulary"/>, holds every word, in the names Cisco's public flow repository
    /// (CiscoDevNet/webexcc-digital-channels, v1.0 to v3.5) uses in each of its styles: spaces ("SMS Inbound Flow"), camel
    /// case ("SmsQABotInboundFlow"), underscores ("FBM_Inbound_Message_ANZ"), dots ("Live Chat Q&amp;A Bot Inbound Flow."),
    /// abbreviations ("WAB", "AMB", "GBM", "LC"). The first row that matches a name wins, so the Task rows come first.
    /// </summary>
    public static class FlowKindInference
    {
        public static readonly IReadOnlyList<FlowKindWords> Vocabulary = new[]
        {
            new FlowKindWords(ConnectFlowKind.TaskRouted, new[] { "taskrouted" }),
            new FlowKindWords(ConnectFlowKind.TaskModified, new[] { "taskmodified" }),
            new FlowKindWords(ConnectFlowKind.TaskClose, new[] { "taskclose", "closetask" }),
            new FlowKindWords(ConnectFlowKind.LiveChat, new[] { "livechat", "webchat" }, new[] { "lc" }),
            new FlowKindWords(ConnectFlowKind.Email, new[] { "email" }),
            new FlowKindWords(ConnectFlowKind.FacebookMessenger, new[] { "facebook", "messenger" }, new[] { "fb", "fbm" }),
            new FlowKindWords(ConnectFlowKind.WhatsApp, new[] { "whatsapp" }, new[] { "wa", "wab" }),
            new FlowKindWords(ConnectFlowKind.AppleMessagesForBusiness, new[] { "applemessages", "applebusiness", "imessage" }, new[] { "amb", "apple" }),
            new FlowKindWords(ConnectFlowKind.GoogleBusinessMessages, new[] { "googlebusiness", "businessmessages" }, new[] { "gbm", "google" }),
            new FlowKindWords(ConnectFlowKind.Sms, Array.Empty<string>(), new[] { "sms" }),
            new FlowKindWords(ConnectFlowKind.Rcs, Array.Empty<string>(), new[] { "rcs" }),
            new FlowKindWords(ConnectFlowKind.InAppMessaging, new[] { "inappmessaging" }),
            new FlowKindWords(ConnectFlowKind.InboundWebhook, new[] { "webhook" }),
            new FlowKindWords(ConnectFlowKind.CustomEvent, new[] { "customevent" }),
        };

        /// <summary>The kind one name tells, if any.</summary>
        public static bool TryInfer(string name, out ConnectFlowKind kind)
        {
            kind = default(ConnectFlowKind);
            if (string.IsNullOrWhiteSpace(name)) return false;
            var words = SplitWords(name);
            var compact = string.Concat(words);
            foreach (var row in Vocabulary)
            {
                if (!row.Words.Any(w => compact.Contains(w)) && !row.Abbreviations.Any(words.Contains)) continue;
                kind = row.Kind;
                return true;
            }
            return false;
        }

        /// <summary>The kind the first of <paramref name="names"/> that tells one tells, and which name that was.</summary>
        public static bool TryInfer(IEnumerable<string> names, out ConnectFlowKind kind, out string source)
        {
            foreach (var name in names ?? Enumerable.Empty<string>())
            {
                if (!TryInfer(name, out kind)) continue;
                source = name;
                return true;
            }
            kind = default(ConnectFlowKind);
            source = null;
            return false;
        }

        /// <summary>The kind from the first of <paramref name="names"/> that tells it; an ArgumentException naming them all when none does.</summary>
        public static ConnectFlowKind Infer(params string[] names)
        {
            if (TryInfer(names, out var kind, out _)) return kind;
            throw NoKind(names);
        }

        /// <summary>The clear refusal: which names were asked, why the kind is needed, and the way out (-Kind).</summary>
        public static ArgumentException NoKind(IEnumerable<string> names)
        {
            var tried = string.Join("' or '", (names ?? Enumerable.Empty<string>()).Where(n => !string.IsNullOrWhiteSpace(n)).Distinct());
            return new ArgumentException(
                $"The flow kind cannot be told from '{tried}': the payload is encrypted, so the kind comes from -Kind or the name. " +
                $"Pass -Kind (one of {string.Join(", ", Enum.GetNames(typeof(ConnectFlowKind)))}).");
        }

        /// <summary>
        /// The lower-case words of a name: split at anything that is not a letter or digit (spaces, underscores, dots, "&amp;"),
        /// at camel-case humps ("SmsQABot" → sms, qa, bot; "WABInbound" → wab, inbound) and between letters and digits.
        /// </summary>
        public static IReadOnlyList<string> SplitWords(string name)
        {
            var words = new List<string>();
            var current = new StringBuilder();
            void Flush()
            {
                if (current.Length > 0) words.Add(current.ToString().ToLowerInvariant());
                current.Clear();
            }
            for (var i = 0; i < (name ?? string.Empty).Length; i++)
            {
                var c = name[i];
                if (!char.IsLetterOrDigit(c)) { Flush(); continue; }
                if (current.Length > 0)
                {
                    var previous = name[i - 1];
                    var hump = char.IsUpper(c) && char.IsLower(previous);
                    var acronymEnd = char.IsUpper(c) && char.IsUpper(previous) && i + 1 < name.Length && char.IsLower(name[i + 1]);
                    var digitEdge = char.IsDigit(c) != char.IsDigit(previous);
                    if (hump || acronymEnd || digitEdge) Flush();
                }
                current.Append(c);
            }
            Flush();
            return words;
        }
    }
}
