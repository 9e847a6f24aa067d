using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace DigitalChannels.PowerShell.Base.Completion
{
    /// <summary>
    /// Turns names into completion results for what the user typed so far: matched as a prefix (wildcards in it work, as
    /// in PowerShell's own completion), quoted when the name needs it, and in the user's quote character when one was typed.
    /// </summary>
    internal static class CompletionText
    {
        private static readonly char[] NeedsQuotes = " \t'\"`$(){}[];,|&@#<>".ToCharArray();

        public static IEnumerable<CompletionResult> Complete(IEnumerable<string> names, string wordToComplete, Func<string, string> toolTip = null)
        {
            var word = wordToComplete ?? string.Empty;
            var quote = word.Length > 0 && (word[0] == '\'' || word[0] == '"') ? word[0] : (char?)null;
            var typed = quote.HasValue ? word.Substring(1).TrimEnd(quote.Value) : word;
            var matches = Matcher(typed);
            foreach (var name in names ?? Enumerable.Empty<string>())
            {
                if (string.IsNullOrEmpty(name) || !matches(name)) continue;
                yield return new CompletionResult(Quote(name, quote), name, CompletionResultType.ParameterValue, toolTip?.Invoke(name) ?? name);
            }
        }

        /// <summary>The name as the command line needs it: bare when it can be, else quoted, with the quote inside escaped.</summary>
        public static string Quote(string name, char? quote)
        {
            if (quote == '"') return "\"" + name.Replace("`", "``").Replace("$", "`$").Replace("\"", "`\"") + "\"";
            if (quote == '\'' || name.IndexOfAny(NeedsQuotes) >= 0) return "'" + name.Replace("'", "''") + "'";
            return name;
        }

        private static Func<string, bool> Matcher(string typed)
        {
            if (string.IsNullOrEmpty(typed)) return _ => true;
            try
            {
                var pattern = new WildcardPattern(typed + "*", WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant);
                return pattern.IsMatch;
            }
            catch (WildcardPatternException)
            {
                return name => name.StartsWith(typed, StringComparison.OrdinalIgnoreCase);
            }
        }
    }
}
