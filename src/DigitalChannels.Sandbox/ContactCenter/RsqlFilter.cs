using System.Text;
using System.Text.Json.Nodes;

namespace DigitalChannels.Sandbox.ContactCenter;

/// <summary>
/// The RSQL subset of the list endpoints' <c>filter</c> parameter (platform facts §1.4): <c>field==value</c>,
/// <c>field!=value</c>, <c>field=in=(a,b)</c>, <c>field=out=(a,b)</c>, combined with <c>;</c> (and), <c>,</c> (or) and
/// parentheses. Values may be quoted; <c>*</c> in an == value is a wildcard. Strings compare case-insensitively, as
/// names are unique regardless of case; a field holding an array matches when any element does.
/// </summary>
public sealed class RsqlFilter
{
    private readonly Func<JsonObject, bool> predicate;

    private RsqlFilter(Func<JsonObject, bool> predicate) => this.predicate = predicate;

    public bool Matches(JsonObject item) => predicate(item);

    public static RsqlFilter Parse(string text)
    {
        var parser = new Parser(text);
        var result = parser.ParseOr();
        parser.SkipSpaces();
        if (!parser.AtEnd) throw parser.Error("unexpected text");
        return new RsqlFilter(result);
    }

    private sealed class Parser
    {
        private readonly string text;
        private int position;

        public Parser(string text) => this.text = text;

        public bool AtEnd => position >= text.Length;

        public Exception Error(string problem) => ContactCenterErrors.Invalid(
            $"The query parameter 'filter' is not valid RSQL ({problem} at position {position}): '{text}'. Use e.g. name==\"Site A\" or id=in=(\"id1\",\"id2\").");

        public void SkipSpaces()
        {
            while (!AtEnd && char.IsWhiteSpace(text[position])) position++;
        }

        public Func<JsonObject, bool> ParseOr()
        {
            var parts = new List<Func<JsonObject, bool>> { ParseAnd() };
            while (Take(',')) parts.Add(ParseAnd());
            return parts.Count == 1 ? parts[0] : item => parts.Any(p => p(item));
        }

        private Func<JsonObject, bool> ParseAnd()
        {
            var parts = new List<Func<JsonObject, bool>> { ParseConstraint() };
            while (Take(';')) parts.Add(ParseConstraint());
            return parts.Count == 1 ? parts[0] : item => parts.All(p => p(item));
        }

        private Func<JsonObject, bool> ParseConstraint()
        {
            SkipSpaces();
            if (Take('('))
            {
                var inner = ParseOr();
                if (!Take(')')) throw Error("missing ')'");
                return inner;
            }
            var start = position;
            while (!AtEnd && (char.IsLetterOrDigit(text[position]) || text[position] is '.' or '_')) position++;
            var selector = text[start..position];
            if (selector.Length == 0) throw Error("expected a field name");
            string op;
            if (Match("==")) op = "==";
            else if (Match("!=")) op = "!=";
            else if (Match("=in=")) op = "=in=";
            else if (Match("=out=")) op = "=out=";
            else throw Error($"expected ==, !=, =in= or =out= after '{selector}'");

            var values = new List<string>();
            SkipSpaces();
            if (op is "=in=" or "=out=")
            {
                if (!Take('(')) throw Error($"expected '(' after {op}");
                do values.Add(ParseValue()); while (Take(','));
                if (!Take(')')) throw Error("missing ')'");
            }
            else
            {
                values.Add(ParseValue());
            }

            var path = selector.Split('.');
            return op switch
            {
                "==" => item => Values(item, path).Any(v => Like(v, values[0])),
                "!=" => item => !Values(item, path).Any(v => Like(v, values[0])),
                "=in=" => item => Values(item, path).Any(v => values.Any(w => Equal(v, w))),
                _ => item => !Values(item, path).Any(v => values.Any(w => Equal(v, w))),
            };
        }

        private string ParseValue()
        {
            SkipSpaces();
            if (!AtEnd && text[position] is '"' or '\'')
            {
                var quote = text[position++];
                var builder = new StringBuilder();
                while (!AtEnd && text[position] != quote)
                {
                    if (text[position] == '\\' && position + 1 < text.Length) position++;
                    builder.Append(text[position++]);
                }
                if (AtEnd) throw Error("unterminated quoted value");
                position++;
                return builder.ToString();
            }
            var start = position;
            while (!AtEnd && text[position] is not (';' or ',' or ')' or '(') && !char.IsWhiteSpace(text[position])) position++;
            if (position == start) throw Error("expected a value");
            return text[start..position];
        }

        private bool Take(char c)
        {
            SkipSpaces();
            if (AtEnd || text[position] != c) return false;
            position++;
            return true;
        }

        private bool Match(string token)
        {
            if (string.CompareOrdinal(text, position, token, 0, token.Length) != 0) return false;
            position += token.Length;
            return true;
        }
    }

    private static IEnumerable<string> Values(JsonObject item, string[] path)
    {
        JsonNode? node = item;
        foreach (var segment in path) node = (node as JsonObject)?[segment];
        return node switch
        {
            null => [],
            JsonArray array => array.Where(n => n is JsonValue).Select(n => n!.ToString()),
            JsonValue value => [value.ToString()],
            _ => [],
        };
    }

    private static bool Equal(string actual, string expected) => string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase);

    private static bool Like(string actual, string pattern)
    {
        if (!pattern.Contains('*')) return Equal(actual, pattern);
        var regex = "^" + string.Join(".*", pattern.Split('*').Select(System.Text.RegularExpressions.Regex.Escape)) + "$";
        return System.Text.RegularExpressions.Regex.IsMatch(actual, regex, System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);
    }
}
