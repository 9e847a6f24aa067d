using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Newtonsoft.Json;

namespace DigitalChannels.Client.Lab.Definition
{
    /// <summary>
    /// Brings a lab definition from JSON or from the objects a PowerShell user passes into the same plain shape that
    /// <see cref="PowerShellDataFile"/> produces: <see cref="OrderedCaseInsensitiveDictionary"/>, <see cref="List{T}"/>
    /// of object, <see cref="string"/>, <see cref="long"/>, <see cref="double"/>, <see cref="bool"/> and null. The code
    /// that reads a definition then handles one shape, whatever the source.
    /// </summary>
    public static class DefinitionTree
    {
        private const int MaximumDepth = 200;

        /// <summary>Parses a JSON document; <paramref name="sourceName"/> names it in error messages.</summary>
        /// <exception cref="DefinitionSyntaxException">The text is not valid JSON, or an object repeats a key (keys compare case-insensitively).</exception>
        public static object FromJson(string text, string sourceName)
        {
            if (text == null) throw new ArgumentNullException(nameof(text));
            return new JsonTreeReader(text, string.IsNullOrEmpty(sourceName) ? "(JSON)" : sourceName).ReadDocument();
        }

        /// <summary>
        /// Converts what a PowerShell user passes: <see cref="IDictionary"/> (a Hashtable's keys, whose order is unknown,
        /// are sorted ordinally so the result is deterministic; an ordered dictionary keeps its order), any non-string
        /// <see cref="IEnumerable"/>, integer types, float/double/decimal, bool, string and null.
        /// </summary>
        /// <exception cref="ArgumentException">A value of another type, or keys that collide case-insensitively; the message names the key path.</exception>
        public static object FromObject(object value) => FromObject(value, null);

        /// <summary>
        /// As <see cref="FromObject(object)"/>, with <paramref name="unwrap"/> applied to every value first: the cmdlet
        /// passes one that takes the base object out of a PSObject, which can wrap values at any depth.
        /// </summary>
        public static object FromObject(object value, Func<object, object> unwrap) => Convert(value, unwrap, "", 0);

        /// <summary>
        /// Newtonsoft's reader, with errors placed at the start of the offending token: Newtonsoft reports how far it
        /// had read, which is past the token (after the colon of a key, at the last digit of a number).
        /// </summary>
        private sealed class JsonTreeReader
        {
            private readonly string text;
            private readonly string sourceName;
            private readonly JsonTextReader reader;
            private readonly List<int> lineStarts = new List<int> { 0 };
            private int previousEnd;

            public JsonTreeReader(string text, string sourceName)
            {
                this.text = text;
                this.sourceName = sourceName;
                reader = new JsonTextReader(new StringReader(text))
                {
                    DateParseHandling = DateParseHandling.None, // a date stays the string that was written
                    FloatParseHandling = FloatParseHandling.Double,
                    MaxDepth = MaximumDepth,
                };
                for (var i = 0; i < text.Length; i++)
                {
                    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n'))) lineStarts.Add(i + 1);
                }
            }

            public object ReadDocument()
            {
                try
                {
                    if (!Read()) throw Error("The JSON document is empty.");
                    var result = ReadValue();
                    // Reading on makes Newtonsoft refuse any text after the document.
                    if (Read()) throw Error($"Unexpected {reader.TokenType} after the end of the JSON document.");
                    return result;
                }
                catch (JsonReaderException ex)
                {
                    throw Error(WithoutPlace(ex.Message), ex);
                }
            }

            private object ReadValue()
            {
                switch (reader.TokenType)
                {
                    case JsonToken.StartObject:
                        var map = new OrderedCaseInsensitiveDictionary();
                        var lineOfKey = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
                        while (Read() && reader.TokenType == JsonToken.PropertyName)
                        {
                            var key = (string)reader.Value;
                            if (lineOfKey.TryGetValue(key, out var firstLine)) throw Error($"Duplicate key '{key}' (first at line {firstLine}).");
                            lineOfKey.Add(key, TokenStart().Line);
                            if (!Read()) break; // reported below
                            map.Add(key, ReadValue());
                        }
                        if (reader.TokenType != JsonToken.EndObject) throw Error("The JSON object is not closed: the document ends before its '}'.");
                        return map;
                    case JsonToken.StartArray:
                        var list = new List<object>();
                        while (Read() && reader.TokenType != JsonToken.EndArray) list.Add(ReadValue());
                        if (reader.TokenType != JsonToken.EndArray) throw Error("The JSON array is not closed: the document ends before its ']'.");
                        return list;
                    case JsonToken.Integer:
                        if (reader.Value is long integer) return integer;
                        throw Error($"The number '{reader.Value}' does not fit in a 64-bit integer.");
                    case JsonToken.Float:
                        return System.Convert.ToDouble(reader.Value, CultureInfo.InvariantCulture);
                    case JsonToken.String:
                    case JsonToken.Boolean:
                        return reader.Value;
                    case JsonToken.Null:
                        return null;
                    default:
                        // Undefined, constructors and the like: Newtonsoft reads them, JSON does not have them.
                        throw Error($"Unexpected {reader.TokenType} in a JSON document.");
                }
            }

            /// <summary>Reads the next token that is not a comment (Newtonsoft accepts comments; so do we).</summary>
            private bool Read()
            {
                while (true)
                {
                    previousEnd = Offset(reader.LineNumber, reader.LinePosition);
                    if (!reader.Read()) return false;
                    if (reader.TokenType != JsonToken.Comment) return true;
                }
            }

            /// <summary>Where the current (or failing) token starts: the first character after the previous token that is not a blank or separator.</summary>
            private (int Line, int Column) TokenStart()
            {
                var at = previousEnd;
                while (at < text.Length && (char.IsWhiteSpace(text[at]) || text[at] == ',' || text[at] == ':')) at++;
                var index = lineStarts.BinarySearch(at);
                if (index < 0) index = ~index - 1;
                return (index + 1, at - lineStarts[index] + 1);
            }

            private int Offset(int line, int position) =>
                line < 1 ? 0 : Math.Min(text.Length, lineStarts[Math.Min(line, lineStarts.Count) - 1] + position);

            private DefinitionSyntaxException Error(string problem, Exception inner = null)
            {
                var (line, column) = TokenStart();
                return new DefinitionSyntaxException(sourceName, line, column, problem, inner);
            }
        }

        /// <summary>Newtonsoft appends " Path '…', line L, position P." to its messages; the exception says where itself.</summary>
        private static string WithoutPlace(string message)
        {
            var path = message.LastIndexOf(" Path '", StringComparison.Ordinal);
            if (path > 0) return message.Substring(0, path);
            var line = message.LastIndexOf(", line ", StringComparison.Ordinal);
            return line > 0 ? message.Substring(0, line) + "." : message;
        }

        private static object Convert(object value, Func<object, object> unwrap, string path, int depth)
        {
            if (depth > MaximumDepth)
                throw new ArgumentException($"The value at '{PathText(path)}' is nested more than {MaximumDepth} levels deep (does it contain itself?).", nameof(value));
            if (unwrap != null) value = unwrap(value);
            switch (value)
            {
                case null: return null;
                case string text: return text;
                case bool flag: return flag;
                case sbyte n: return (long)n;
                case byte n: return (long)n;
                case short n: return (long)n;
                case ushort n: return (long)n;
                case int n: return (long)n;
                case uint n: return (long)n;
                case long n: return n;
                case ulong n when n <= long.MaxValue: return (long)n;
                case float n: return (double)n;
                case double n: return n;
                case decimal n: return (double)n;
                case IDictionary<string, object> generic when !(value is IDictionary):
                    return ConvertEntries(generic.Select(e => new KeyValuePair<object, object>(e.Key, e.Value)), unwrap, path, depth);
                case IDictionary dictionary:
                    IEnumerable<KeyValuePair<object, object>> entries = Entries(dictionary);
                    // A Hashtable enumerates in hash order, which changes between runs; sorting makes the result repeatable.
                    if (dictionary is Hashtable) entries = entries.OrderBy(e => KeyText(unwrap, e.Key, path), StringComparer.Ordinal);
                    return ConvertEntries(entries, unwrap, path, depth);
                case IEnumerable sequence:
                    var list = new List<object>();
                    var index = 0;
                    foreach (var item in sequence) list.Add(Convert(item, unwrap, $"{path}[{index++}]", depth + 1));
                    return list;
                default:
                    throw new ArgumentException(
                        $"The value at '{PathText(path)}' is a {value.GetType().FullName}; a lab definition holds only hashtables, arrays, strings, numbers, booleans and $null.",
                        nameof(value));
            }
        }

        // IDictionary.GetEnumerator, not IEnumerable's: a Dictionary<,> enumerates KeyValuePairs through the latter.
        private static IEnumerable<KeyValuePair<object, object>> Entries(IDictionary dictionary)
        {
            var enumerator = dictionary.GetEnumerator();
            while (enumerator.MoveNext()) yield return new KeyValuePair<object, object>(enumerator.Key, enumerator.Value);
        }

        private static OrderedCaseInsensitiveDictionary ConvertEntries(IEnumerable<KeyValuePair<object, object>> entries, Func<object, object> unwrap, string path, int depth)
        {
            var map = new OrderedCaseInsensitiveDictionary();
            foreach (var entry in entries)
            {
                var key = KeyText(unwrap, entry.Key, path);
                var keyPath = path.Length == 0 ? key : $"{path}.{key}";
                if (map.ContainsKey(key))
                    throw new ArgumentException($"The hashtable at '{PathText(path)}' has the key '{key}' twice (keys compare case-insensitively).", "value");
                map.Add(key, Convert(entry.Value, unwrap, keyPath, depth + 1));
            }
            return map;
        }

        private static string KeyText(Func<object, object> unwrap, object key, string path)
        {
            if (unwrap != null) key = unwrap(key);
            switch (key)
            {
                case string text: return text;
                case sbyte _: case byte _: case short _: case ushort _: case int _: case uint _: case long _: case ulong _:
                    return System.Convert.ToString(key, CultureInfo.InvariantCulture); // @{ 1 = 'a' } has an integer key
                default:
                    throw new ArgumentException(
                        $"The hashtable at '{PathText(path)}' has a key of type {key?.GetType().FullName ?? "null"} ('{key}'); keys must be strings or integers.", "value");
            }
        }

        private static string PathText(string path) => path.Length == 0 ? "(root)" : path;
    }
}
