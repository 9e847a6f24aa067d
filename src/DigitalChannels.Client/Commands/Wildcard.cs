using System;
using System.Text;
using System.Text.RegularExpressions;

namespace DigitalChannels.Client.Commands
{
    /// <summary>
    /// PowerShell's wildcard language (* ? [abc] [a-z], backtick escapes), case-insensitive, without
    /// System.Management.Automation, so that the library matches names exactly as -like would.
    /// </summary>
    public sealed class Wildcard
    {
        private readonly Regex _regex;

        public Wildcard(string pattern)
        {
            Pattern = pattern ?? throw new ArgumentNullException(nameof(pattern));
            _regex = new Regex(ToRegex(pattern), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline);
        }

        public string Pattern { get; }

        public bool IsMatch(string value) => value != null && _regex.IsMatch(value);

        /// <summary>True when the text uses a wildcard character that is not escaped.</summary>
        public static bool ContainsWildcard(string text)
        {
            if (string.IsNullOrEmpty(text)) return false;
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '`') { i++; continue; }
                if (text[i] == '*' || text[i] == '?' || text[i] == '[') return true;
            }
            return false;
        }

        /// <summary>The longest literal run in the pattern: a server-side substring search that can only narrow, never miss.</summary>
        public string LongestLiteral()
        {
            string best = string.Empty;
            var current = new StringBuilder();
            for (var i = 0; i < Pattern.Length; i++)
            {
                var c = Pattern[i];
                if (c == '`' && i + 1 < Pattern.Length) { current.Append(Pattern[++i]); continue; }
                if (c == '*' || c == '?' || c == '[')
                {
                    if (current.Length > best.Length) best = current.ToString();
                    current.Clear();
                    if (c == '[') { var close = Pattern.IndexOf(']', i + 1); if (close > 0) i = close; }
                    continue;
                }
                current.Append(c);
            }
            return current.Length > best.Length ? current.ToString() : best;
        }

        private static string ToRegex(string pattern)
        {
            var sb = new StringBuilder("^");
            for (var i = 0; i < pattern.Length; i++)
            {
                var c = pattern[i];
                switch (c)
                {
                    case '`':
                        if (i + 1 < pattern.Length) sb.Append(Regex.Escape(pattern[++i].ToString()));
                        break;
                    case '*': sb.Append(".*"); break;
                    case '?': sb.Append('.'); break;
                    case '[':
                        var close = pattern.IndexOf(']', i + 1);
                        if (close < 0) throw new ArgumentException($"The wildcard pattern '{pattern}' has a '[' without ']'.", nameof(pattern));
                        var set = pattern.Substring(i + 1, close - i - 1).Replace("\\", "\\\\").Replace("^", "\\^");
                        sb.Append('[').Append(set).Append(']');
                        i = close;
                        break;
                    default: sb.Append(Regex.Escape(c.ToString())); break;
                }
            }
            return sb.Append('$').ToString();
        }
    }
}
