using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace DigitalChannels.Client.Commands
{
    /// <summary>
    /// A name that may be a wildcard pattern, where one object is meant (-Identity, -Service, -Site …): the pattern must
    /// match exactly one object, and when it matches none or several the error says so and names what it matched.
    /// </summary>
    public static class WildcardLookup
    {
        /// <summary>At most this many matches are named in the "several" error.</summary>
        private const int NamedMatches = 5;

        /// <summary>True when a name given for one object is a wildcard pattern (an unescaped * ? or [).</summary>
        public static bool IsPattern(string name) => Wildcard.ContainsWildcard(name);

        /// <summary>
        /// The one item whose name matches <paramref name="pattern"/>, or whose name is the pattern's text itself. None:
        /// <see cref="IdentityNotFoundException"/>. Several: <see cref="ArgumentException"/> naming the first few, so the
        /// user can narrow the pattern.
        /// </summary>
        public static async Task<T> SingleAsync<T>(IAsyncEnumerable<T> items, string pattern, Func<T, string> nameOf, string display,
            object identity, CancellationToken cancellationToken) where T : class
        {
            if (items == null) throw new ArgumentNullException(nameof(items));
            if (nameOf == null) throw new ArgumentNullException(nameof(nameOf));
            var wildcard = new Wildcard(pattern);
            var matches = new List<T>();
            var enumerator = items.GetAsyncEnumerator(cancellationToken);
            try
            {
                while (await enumerator.MoveNextAsync())
                {
                    var item = enumerator.Current;
                    var name = nameOf(item);
                    // A name that really contains [ ] * ? is still found by itself: the literal name wins.
                    if (string.Equals(name, pattern, StringComparison.OrdinalIgnoreCase)) return item;
                    if (matches.Count <= NamedMatches && wildcard.IsMatch(name)) matches.Add(item);
                }
            }
            finally
            {
                await enumerator.DisposeAsync();
            }
            return One(matches, pattern, nameOf, display, identity);
        }

        /// <summary>The same, over a list already read.</summary>
        public static T Single<T>(IEnumerable<T> items, string pattern, Func<T, string> nameOf, string display, object identity) where T : class
        {
            if (items == null) throw new ArgumentNullException(nameof(items));
            if (nameOf == null) throw new ArgumentNullException(nameof(nameOf));
            var list = items.ToList();
            var literal = list.FirstOrDefault(i => string.Equals(nameOf(i), pattern, StringComparison.OrdinalIgnoreCase));
            if (literal != null) return literal;
            var wildcard = new Wildcard(pattern);
            return One(list.Where(i => wildcard.IsMatch(nameOf(i))).Take(NamedMatches + 1).ToList(), pattern, nameOf, display, identity);
        }

        private static T One<T>(List<T> matches, string pattern, Func<T, string> nameOf, string display, object identity)
        {
            if (matches.Count == 1) return matches[0];
            if (matches.Count == 0) throw new IdentityNotFoundException($"No {display} matches the wildcard pattern '{pattern}'.", identity);
            var plural = display.EndsWith("s", StringComparison.Ordinal) ? display : display + "s";
            var named = string.Join(", ", matches.Take(NamedMatches).Select(m => $"'{nameOf(m)}'")) + (matches.Count > NamedMatches ? ", …" : string.Empty);
            throw new ArgumentException(
                $"The wildcard pattern '{pattern}' matches {(matches.Count > NamedMatches ? "more than " + NamedMatches : matches.Count.ToString())} {plural} ({named}), but it must name exactly one: give the exact name or a narrower pattern.");
        }

        /// <summary>Every item whose name matches the pattern (all when it is null or empty), up to <paramref name="limit"/>.</summary>
        public static async Task<List<T>> MatchesAsync<T>(IAsyncEnumerable<T> items, string pattern, Func<T, string> nameOf, int limit,
            CancellationToken cancellationToken)
        {
            var wildcard = string.IsNullOrEmpty(pattern) ? null : new Wildcard(pattern);
            var matches = new List<T>();
            var enumerator = items.GetAsyncEnumerator(cancellationToken);
            try
            {
                while (matches.Count < limit && await enumerator.MoveNextAsync())
                {
                    var item = enumerator.Current;
                    if (wildcard == null || wildcard.IsMatch(nameOf(item))) matches.Add(item);
                }
            }
            finally
            {
                await enumerator.DisposeAsync();
            }
            return matches;
        }
    }
}
