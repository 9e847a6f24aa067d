using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace DigitalChannels.Client.Commands
{
    /// <summary>
    /// Enum values as people write them: the lab guide's and the portal's words ('Full Access', 'Read Only', 'Task Routed',
    /// 'Agent Based', 'In-App Messaging') name the same value as the enum name (FullAccess). Spaces, hyphens and
    /// underscores are ignored and case does not matter; numbers are not names.
    /// </summary>
    public static class EnumWords
    {
        /// <summary>The value the text names, or false. A number ("1") is refused: it would name a value by accident.</summary>
        public static bool TryParse(Type enumType, string text, out object value)
        {
            if (enumType == null) throw new ArgumentNullException(nameof(enumType));
            if (!enumType.IsEnum) throw new ArgumentException($"{enumType.Name} is not an enum.", nameof(enumType));
            value = null;
            if (string.IsNullOrWhiteSpace(text)) return false;
            var compact = Compact(text);
            if (compact.Length == 0 || compact.All(char.IsDigit)) return false;
            foreach (var name in Enum.GetNames(enumType))
            {
                if (string.Equals(Compact(name), compact, StringComparison.OrdinalIgnoreCase))
                {
                    value = Enum.Parse(enumType, name);
                    return true;
                }
            }
            return false;
        }

        public static bool TryParse<T>(string text, out T value) where T : struct
        {
            var ok = TryParse(typeof(T), text, out var parsed);
            value = ok ? (T)parsed : default(T);
            return ok;
        }

        /// <summary>The value the text names; otherwise an ArgumentException that names the text and every value.</summary>
        public static object Parse(Type enumType, string text) =>
            TryParse(enumType, text, out var value)
                ? value
                : throw new ArgumentException($"'{text}' is not one of {string.Join(", ", Enum.GetNames(enumType).Select(n => $"{n} ('{Words(n)}')"))}.");

        /// <summary>The enum name as words: FullAccess → 'Full Access', InAppMessaging → 'In App Messaging'.</summary>
        public static string Words(string name)
        {
            if (string.IsNullOrEmpty(name)) return name;
            var sb = new StringBuilder(name.Length + 4);
            for (var i = 0; i < name.Length; i++)
            {
                var c = name[i];
                if (i > 0 && char.IsUpper(c) && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1]))))
                    sb.Append(' ');
                sb.Append(c);
            }
            return sb.ToString();
        }

        /// <summary>Every name of the enum, minus those left out (e.g. the Owner role, which cannot be set).</summary>
        public static IReadOnlyList<string> Names(Type enumType, params object[] except) =>
            Enum.GetNames(enumType).Where(n => except == null || !except.Any(e => string.Equals(e.ToString(), n, StringComparison.Ordinal))).ToList();

        private static string Compact(string text)
        {
            var sb = new StringBuilder(text.Length);
            foreach (var c in text)
            {
                if (c == ' ' || c == '-' || c == '_' || c == '\t') continue;
                sb.Append(c);
            }
            return sb.ToString();
        }
    }
}
