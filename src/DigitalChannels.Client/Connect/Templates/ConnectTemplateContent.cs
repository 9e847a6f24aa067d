using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace DigitalChannels.Client.Connect.Templates
{
    /// <summary>
    /// What a Connect template may hold, in one place: the client checks before sending and the sandbox enforces the
    /// same rules. Each check returns null when the value is fine, else a sentence naming the bad value and what is
    /// allowed. The channels are those of the portal's Tools > Templates; the message types per channel beyond Live
    /// Chat's "Rich Text Message" are the sandbox's choice (see docs/sandbox.md).
    /// </summary>
    public static class ConnectTemplateContent
    {
        public const int MaximumNameLength = 100;
        public const int MaximumSubjectLength = 200;
        public const int MaximumBodyLength = 4000;

        private static readonly KeyValuePair<string, string[]>[] Types =
        {
            new KeyValuePair<string, string[]>("sms", new[] { "Text", "Unicode" }),
            new KeyValuePair<string, string[]>("email", new[] { "Text", "Html" }),
            new KeyValuePair<string, string[]>("whatsapp", new[] { "Text" }),
            new KeyValuePair<string, string[]>("messenger", new[] { "Text" }),
            new KeyValuePair<string, string[]>("livechat", new[] { "RichText" }),
            new KeyValuePair<string, string[]>("applebusinesschat", new[] { "Text" }),
            new KeyValuePair<string, string[]>("rcs", new[] { "Text" }),
        };

        /// <summary>The channel ids, in the portal's order.</summary>
        public static IReadOnlyList<string> Channels { get; } = Types.Select(t => t.Key).ToList();

        /// <summary>Every content type of any channel (for tab completion).</summary>
        public static IReadOnlyList<string> AllContentTypes { get; } = Types.SelectMany(t => t.Value).Distinct().ToList();

        /// <summary>The channel's id ("Live Chat", "LiveChat" and "livechat" are one), or null when it is not a channel of Tools > Templates.</summary>
        public static string NormalizeChannel(string channel)
        {
            if (channel == null) return null;
            var key = new string(channel.Where(c => !char.IsWhiteSpace(c) && c != '-' && c != '_').ToArray()).ToLowerInvariant();
            return Channels.FirstOrDefault(c => c == key);
        }

        /// <summary>The content types the channel allows, the first being its default; empty for an unknown channel.</summary>
        public static IReadOnlyList<string> ContentTypesOf(string channel)
        {
            var id = NormalizeChannel(channel);
            return id == null ? Array.Empty<string>() : Types.First(t => t.Key == id).Value;
        }

        /// <summary>The content type as the channel spells it (case-insensitive match), or null when the channel does not allow it.</summary>
        public static string NormalizeContentType(string channel, string contentType) =>
            contentType == null ? null : ContentTypesOf(channel).FirstOrDefault(t => string.Equals(t, contentType.Trim(), StringComparison.OrdinalIgnoreCase));

        public static string ChannelProblem(string channel) =>
            NormalizeChannel(channel) != null ? null
            : $"'{channel}' is not a channel of Tools > Templates; use one of: {string.Join(", ", Channels)}.";

        public static string ContentTypeProblem(string channel, string contentType) =>
            NormalizeChannel(channel) == null || NormalizeContentType(channel, contentType) != null ? null
            : $"The content type '{contentType}' is not offered for {NormalizeChannel(channel)} templates; use one of: {string.Join(", ", ContentTypesOf(channel))}.";

        public static string NameProblem(string name)
        {
            var trimmed = (name ?? string.Empty).Trim();
            if (trimmed.Length == 0) return $"The template name must not be empty or blank (got '{name}').";
            if (trimmed.Length > MaximumNameLength) return $"The template name has {trimmed.Length} characters; at most {MaximumNameLength} are allowed ('{trimmed.Substring(0, 40)}…').";
            if (trimmed.Any(char.IsControl)) return $"The template name must not contain control characters (got '{trimmed.Replace('\n', ' ').Replace('\r', ' ')}').";
            return null;
        }

        /// <summary>Email needs a subject; the other channels have none.</summary>
        public static string SubjectProblem(string channel, string subject)
        {
            var id = NormalizeChannel(channel);
            if (id == "email")
            {
                if (string.IsNullOrWhiteSpace(subject)) return "An email template needs a subject (-Subject).";
                if (subject.Length > MaximumSubjectLength) return $"The subject has {subject.Length} characters; at most {MaximumSubjectLength} are allowed ('{subject.Substring(0, 40)}…').";
                return VariableProblem(subject, "subject");
            }
            return subject == null ? null : $"A {id ?? channel} template has no subject; only email templates do (got '{subject}').";
        }

        /// <summary>Not empty, not too long, SMS Text only in the GSM 7-bit alphabet, and every $( closed and well named.</summary>
        public static string BodyProblem(string channel, string contentType, string body)
        {
            if (string.IsNullOrWhiteSpace(body)) return $"The template body must not be empty or blank (got '{body}').";
            if (body.Length > MaximumBodyLength) return $"The template body has {body.Length} characters; at most {MaximumBodyLength} are allowed ('{body.Substring(0, 40)}…').";
            if (NormalizeChannel(channel) == "sms" && string.Equals(NormalizeContentType(channel, contentType), "Text", StringComparison.Ordinal))
            {
                var outside = body.Where(c => !Gsm7.Contains(c)).Distinct().ToList();
                if (outside.Count > 0)
                    return $"An SMS Text body is sent in the GSM 7-bit alphabet, which has no {string.Join(", ", outside.Take(5).Select(c => "'" + c + "'"))}; use the content type Unicode.";
            }
            return VariableProblem(body, "body");
        }

        private static readonly Regex Placeholder = new Regex(@"\$\(([^()]*)\)", RegexOptions.CultureInvariant);
        private static readonly Regex VariableName = new Regex(@"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)*$", RegexOptions.CultureInvariant);

        /// <summary>The distinct variable names of <c>$(name)</c> placeholders in the texts, in order of appearance.</summary>
        public static List<string> Variables(params string[] texts) =>
            texts.Where(t => t != null).SelectMany(t => Placeholder.Matches(t).Cast<Match>().Select(m => m.Groups[1].Value.Trim()))
                .Where(n => VariableName.IsMatch(n)).Distinct(StringComparer.Ordinal).ToList();

        /// <summary>A <c>$(</c> never closed, or a placeholder whose name is not a variable name (Flow Builder's $(name) or $(nX.path)).</summary>
        public static string VariableProblem(string text, string field)
        {
            if (text == null) return null;
            foreach (Match match in Placeholder.Matches(text))
            {
                var name = match.Groups[1].Value.Trim();
                if (!VariableName.IsMatch(name))
                    return $"The {field} has '{match.Value}', which is not a variable: a name has letters, digits and '_', parts joined by '.', starting with a letter or '_' (e.g. $(customerName) or $(n2.inappmessaging.formFields.Name)).";
            }
            var stripped = Placeholder.Replace(text, string.Empty);
            var open = stripped.IndexOf("$(", StringComparison.Ordinal);
            if (open >= 0)
                return $"The {field} has an unclosed variable '{stripped.Substring(open, Math.Min(20, stripped.Length - open))}': write $(name).";
            return null;
        }

        /// <summary>The GSM 03.38 default alphabet and its extension table (without the escape and form feed).</summary>
        private static readonly HashSet<char> Gsm7 = new HashSet<char>(
            "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà" +
            "^{}\\[~]|€");
    }
}
