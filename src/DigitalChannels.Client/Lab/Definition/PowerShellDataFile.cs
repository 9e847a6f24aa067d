using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace DigitalChannels.Client.Lab.Definition
{
    /// <summary>
    /// Reads a PowerShell data file (.psd1) — the restricted language <c>Import-PowerShellDataFile</c> accepts — without
    /// PowerShell, so that a lab definition written for PowerShell users also loads where only .NET is installed.
    /// </summary>
    /// <remarks>
    /// The result is made of plain values: <see cref="OrderedCaseInsensitiveDictionary"/> for hashtables (keys in the
    /// order written), <see cref="List{T}"/> of object for arrays, <see cref="string"/>, <see cref="long"/> for integers,
    /// <see cref="double"/> for decimals, <see cref="bool"/> and null. Whatever PowerShell would evaluate (variables,
    /// expansions, commands, casts, expressions, script blocks) is refused with the line and column of the offending text.
    /// </remarks>
    public static class PowerShellDataFile
    {
        /// <summary>Parses the text of a data file; <paramref name="sourceName"/> names it in error messages.</summary>
        /// <exception cref="DefinitionSyntaxException">The text is not a data file of one hashtable.</exception>
        public static object Parse(string text, string sourceName)
        {
            if (text == null) throw new ArgumentNullException(nameof(text));
            return new Parser(text, string.IsNullOrEmpty(sourceName) ? "(data file)" : sourceName).ParseFile();
        }

        /// <summary>Reads a data file (UTF-8 with or without a byte order mark, or UTF-16 with one) and parses it.</summary>
        /// <exception cref="DefinitionSyntaxException">The file is not valid UTF-8 or not a data file of one hashtable.</exception>
        public static object Load(string path)
        {
            if (path == null) throw new ArgumentNullException(nameof(path));
            return Parse(Decode(File.ReadAllBytes(path), path), path);
        }

        private static string Decode(byte[] bytes, string path)
        {
            // Windows PowerShell 5.1 writes UTF-16 with a byte order mark (Out-File), so that is read as well.
            if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE) return Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
            if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF) return Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2);
            var start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
            try
            {
                return new UTF8Encoding(false, true).GetString(bytes, start, bytes.Length - start);
            }
            catch (DecoderFallbackException ex)
            {
                // Strict decoding so that a file saved in a legacy code page is not silently read as garbage.
                var lenient = new UTF8Encoding(false, false).GetString(bytes, start, bytes.Length - start);
                var (line, column) = new Parser(lenient, path).LineAndColumn(Math.Max(0, lenient.IndexOf('\uFFFD')));
                throw new DefinitionSyntaxException(path, line, column,
                    "The file is not valid UTF-8 text; save it as UTF-8 (with or without a byte order mark).", ex);
            }
        }

        private sealed class Parser
        {
            private const int MaximumDepth = 200;
            private const string ValueKinds = "(a quoted string, a number, $true, $false, $null, @{ } or @( ))";

            private readonly string text;
            private readonly string sourceName;
            private readonly List<int> lineStarts = new List<int> { 0 };
            private int pos;
            private int depth;

            public Parser(string text, string sourceName)
            {
                this.text = text;
                this.sourceName = sourceName;
                for (var i = 0; i < text.Length; i++)
                {
                    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n'))) lineStarts.Add(i + 1);
                }
            }

            private bool AtEnd => pos >= text.Length;

            private char Cur => CharAt(pos);

            private char CharAt(int at) => at < text.Length ? text[at] : '\uFFFF';

            public object ParseFile()
            {
                if (text.Length > 0 && text[0] == '\uFEFF') pos = 1;
                SkipTrivia(true);
                if (AtEnd) throw Error(pos, "The data file is empty: it must contain one hashtable @{ ... }.");
                if (!(Cur == '@' && CharAt(pos + 1) == '{'))
                    throw Error(pos, $"A data file must contain exactly one hashtable @{{ ... }}; found {Describe(pos)}.");
                var result = ParseHashtable();
                var closedAt = pos - 1;
                SkipTrivia(true);
                if (!AtEnd)
                    throw Error(pos, $"Unexpected {Describe(pos)} after the hashtable that closes at line {LineAndColumn(closedAt).Line}: a data file contains exactly one hashtable.");
                return result;
            }

            private OrderedCaseInsensitiveDictionary ParseHashtable()
            {
                var open = pos;
                pos += 2;
                Enter(open);
                var map = new OrderedCaseInsensitiveDictionary();
                var lineOfKey = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
                while (true)
                {
                    SkipSeparators();
                    if (AtEnd) throw Error(pos, $"The '@{{' opened at {Place(open)} is not closed: the file ends before its '}}'.");
                    if (Cur == '}')
                    {
                        pos++;
                        depth--;
                        return map;
                    }
                    if (Cur == ')') throw Error(pos, $"Unexpected ')': the '@{{' opened at {Place(open)} must be closed with '}}'.");

                    var keyAt = pos;
                    var key = ParseKey();
                    if (lineOfKey.TryGetValue(key, out var firstLine)) throw Error(keyAt, $"Duplicate key '{key}' (first at line {firstLine}).");
                    lineOfKey.Add(key, LineAndColumn(keyAt).Line);

                    SkipTrivia(false);
                    if (Cur != '=') throw Error(pos, $"Expected '=' after the key '{key}', found {Describe(pos)}.");
                    pos++;
                    SkipTrivia(true);
                    map.Add(key, ParseCommaList($" for the key '{key}'"));

                    SkipTrivia(false);
                    if (!AtEnd && !IsNewline(Cur) && Cur != ';' && Cur != '}')
                        throw Error(pos, $"Expected a new line, ';' or '}}' after the value of '{key}', found {Describe(pos)}.");
                }
            }

            private List<object> ParseArray()
            {
                var open = pos;
                pos += 2;
                Enter(open);
                var list = new List<object>();
                var context = $" in the '@(' opened at {Place(open)}";
                while (true)
                {
                    SkipSeparators();
                    if (AtEnd) throw Error(pos, $"The '@(' opened at {Place(open)} is not closed: the file ends before its ')'.");
                    if (Cur == ')')
                    {
                        pos++;
                        depth--;
                        return list;
                    }
                    if (Cur == '}') throw Error(pos, $"Unexpected '}}': the '@(' opened at {Place(open)} must be closed with ')'.");

                    // As in PowerShell, @( ) gathers the output of its statements: a comma list or a nested @( ) on its
                    // own line is unrolled one level, so "@( 'a', 'b' )" and "@( 'a' <newline> 'b' )" are the same array.
                    var statement = ParseCommaList(context);
                    if (statement is List<object> items) list.AddRange(items);
                    else list.Add(statement);

                    SkipTrivia(false);
                    if (!AtEnd && !IsNewline(Cur) && Cur != ';' && Cur != ')')
                        throw Error(pos, $"Expected ',', a new line or ')'{context}, found {Describe(pos)}.");
                }
            }

            private string ParseKey()
            {
                var c = Cur;
                if (IsSingleQuote(c)) return ParseSingleQuoted();
                if (IsDoubleQuote(c)) return ParseDoubleQuoted();
                if (IsBareKeyChar(c))
                {
                    var start = pos;
                    while (!AtEnd && IsBareKeyChar(Cur)) pos++;
                    return text.Substring(start, pos - start);
                }
                throw Error(pos, $"Expected a key (a name, a quoted string or a number), found {Describe(pos)}.");
            }

            private object ParseCommaList(string context)
            {
                var first = ParseValue(context);
                SkipTrivia(false);
                if (Cur != ',') return first;
                var list = new List<object> { first };
                while (Cur == ',')
                {
                    pos++;
                    SkipTrivia(true); // PowerShell continues a comma list on the next line
                    list.Add(ParseValue(" after ','"));
                    SkipTrivia(false);
                }
                return list;
            }

            private object ParseValue(string context)
            {
                var c = Cur;
                if (c == '@' && CharAt(pos + 1) == '{') return ParseHashtable();
                if (c == '@' && CharAt(pos + 1) == '(') return ParseArray();
                if (c == '@' && (IsSingleQuote(CharAt(pos + 1)) || IsDoubleQuote(CharAt(pos + 1)))) return ParseHereString();
                if (IsSingleQuote(c)) return ParseSingleQuoted();
                if (IsDoubleQuote(c)) return ParseDoubleQuoted();
                if (c == '$') return ParseVariable();
                if (TryParseNumber(out var number)) return number;
                throw Error(pos, $"Unexpected {Describe(pos)}: expected a value{context} {ValueKinds}.{Hint(c)}");
            }

            private static string Hint(char c)
            {
                switch (c)
                {
                    case '{': return " Script blocks are not allowed in a data file.";
                    case '(': return " Expressions are not allowed in a data file.";
                    case '[': return " Type casts and type literals are not allowed in a data file.";
                    case ',': case ';': case '=': case ')': case '}': case '\uFFFF': case '\r': case '\n': return "";
                    default: return IsSingleQuote(c) || IsDoubleQuote(c) ? "" : " Commands and bare words are not allowed in a data file; quote text, as in 'text'.";
                }
            }

            private string ParseSingleQuoted()
            {
                var open = pos;
                pos++;
                var value = new StringBuilder();
                while (true)
                {
                    if (AtEnd) throw Error(pos, $"The string opened at {Place(open)} is not closed: the file ends before its closing quote.");
                    var c = Cur;
                    if (IsSingleQuote(c))
                    {
                        if (IsSingleQuote(CharAt(pos + 1)))
                        {
                            value.Append(c);
                            pos += 2;
                            continue;
                        }
                        pos++;
                        return value.ToString();
                    }
                    value.Append(c);
                    pos++;
                }
            }

            private string ParseDoubleQuoted()
            {
                var open = pos;
                pos++;
                var value = new StringBuilder();
                while (true)
                {
                    if (AtEnd) throw Error(pos, $"The string opened at {Place(open)} is not closed: the file ends before its closing quote.");
                    var c = Cur;
                    if (IsDoubleQuote(c))
                    {
                        if (IsDoubleQuote(CharAt(pos + 1)))
                        {
                            value.Append(c);
                            pos += 2;
                            continue;
                        }
                        pos++;
                        return value.ToString();
                    }
                    if (c == '`')
                    {
                        if (pos + 1 >= text.Length) throw Error(pos + 1, $"The string opened at {Place(open)} is not closed: the file ends before its closing quote.");
                        AppendEscape(value);
                        continue;
                    }
                    if (c == '$') RefuseExpansion();
                    value.Append(c);
                    pos++;
                }
            }

            private string ParseHereString()
            {
                var open = pos;
                var quote = CharAt(pos + 1);
                var expandable = IsDoubleQuote(quote);
                pos += 2;
                while (!AtEnd && !IsNewline(Cur) && char.IsWhiteSpace(Cur)) pos++;
                if (!AtEnd && !IsNewline(Cur))
                    throw Error(pos, $"Unexpected {Describe(pos)} after '@{quote}': a here-string header ends the line; its text starts on the next line.");
                if (AtEnd) throw Error(pos, $"The here-string opened at {Place(open)} is not closed: the file ends before a line starting with '{quote}@'.");
                pos += Cur == '\r' && CharAt(pos + 1) == '\n' ? 2 : 1;

                var contentStart = pos;
                var lineStart = contentStart;
                while (true)
                {
                    if (lineStart >= text.Length)
                        throw Error(text.Length, $"The here-string opened at {Place(open)} is not closed: the file ends before a line starting with '{quote}@'.");
                    // The closing quote counts only at the very start of a line, as in PowerShell.
                    if (IsQuoteLike(text[lineStart], expandable) && CharAt(lineStart + 1) == '@') break;
                    var next = lineStart;
                    while (next < text.Length && !IsNewline(text[next])) next++;
                    if (next < text.Length) next += text[next] == '\r' && CharAt(next + 1) == '\n' ? 2 : 1;
                    lineStart = next;
                }

                // The line break before the closing line belongs to the syntax, not to the text.
                var contentEnd = lineStart;
                if (contentEnd > contentStart && text[contentEnd - 1] == '\n') contentEnd--;
                if (contentEnd > contentStart && text[contentEnd - 1] == '\r') contentEnd--;

                string result;
                if (!expandable)
                {
                    result = text.Substring(contentStart, contentEnd - contentStart);
                }
                else
                {
                    // @" "@ keeps quotes as they are but, like "...", takes backtick escapes and refuses expansions.
                    var value = new StringBuilder();
                    pos = contentStart;
                    while (pos < contentEnd)
                    {
                        if (Cur == '`' && pos + 1 < contentEnd) AppendEscape(value);
                        else
                        {
                            if (Cur == '$') RefuseExpansion();
                            value.Append(Cur);
                            pos++;
                        }
                    }
                    result = value.ToString();
                }
                pos = lineStart + 2;
                return result;
            }

            private void AppendEscape(StringBuilder value)
            {
                var escaped = CharAt(pos + 1);
                pos += 2;
                switch (escaped)
                {
                    case '0': value.Append('\0'); return;
                    case 'a': value.Append('\a'); return;
                    case 'b': value.Append('\b'); return;
                    case 'e': value.Append('\u001b'); return;
                    case 'f': value.Append('\f'); return;
                    case 'n': value.Append('\n'); return;
                    case 'r': value.Append('\r'); return;
                    case 't': value.Append('\t'); return;
                    case 'v': value.Append('\v'); return;
                    case 'u':
                        if (Cur == '{')
                        {
                            var close = text.IndexOf('}', pos);
                            var hex = close < 0 ? "" : text.Substring(pos + 1, close - pos - 1);
                            if (hex.Length < 1 || hex.Length > 6 || !int.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code) || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
                                throw Error(pos - 2, "The escape `u{...} needs 1 to 6 hexadecimal digits naming a Unicode character, as in `u{2013}.");
                            value.Append(char.ConvertFromUtf32(code));
                            pos = close + 1;
                            return;
                        }
                        value.Append('u');
                        return;
                    default:
                        // `" `' `` `$ and a backtick before any other character give that character.
                        value.Append(escaped);
                        return;
                }
            }

            private void RefuseExpansion()
            {
                var next = CharAt(pos + 1);
                if (char.IsLetterOrDigit(next) || next == '_' || next == '(' || next == '{' || next == '?' || next == '$' || next == '^')
                    throw Error(pos, $"variable expansion is not allowed in a data file: \"{ExpansionText(pos)}\". Write `$ for a dollar sign, or use single quotes.");
            }

            private string ExpansionText(int at)
            {
                var end = at + 1;
                var opener = CharAt(end);
                if (opener == '(' || opener == '{')
                {
                    var closer = opener == '(' ? ')' : '}';
                    var nesting = 0;
                    while (end < text.Length && !IsNewline(text[end]))
                    {
                        if (text[end] == opener) nesting++;
                        else if (text[end] == closer && --nesting == 0) break;
                        end++;
                    }
                    end = Math.Min(end + 1, text.Length);
                }
                else if (opener == '?' || opener == '$' || opener == '^')
                {
                    end++;
                }
                else
                {
                    while (end < text.Length && IsVariableChar(text[end])) end++;
                }
                return Shorten(text.Substring(at, end - at));
            }

            private object ParseVariable()
            {
                var start = pos;
                pos++;
                string name;
                if (Cur == '{')
                {
                    var close = text.IndexOf('}', pos);
                    if (close < 0) throw Error(start, "The variable '${' is not closed with '}'.");
                    name = text.Substring(pos + 1, close - pos - 1);
                    pos = close + 1;
                }
                else if (Cur == '(')
                {
                    throw Error(start, $"'{ExpansionText(start)}' is not allowed in a data file: only $true, $false and $null.");
                }
                else if (Cur == '?' || Cur == '$' || Cur == '^')
                {
                    name = Cur.ToString();
                    pos++;
                }
                else
                {
                    var nameStart = pos;
                    while (!AtEnd && IsVariableChar(Cur)) pos++;
                    name = text.Substring(nameStart, pos - nameStart);
                    if (name.Length == 0) throw Error(start, $"Unexpected '$': expected a value {ValueKinds}.");
                }

                if (string.Equals(name, "true", StringComparison.OrdinalIgnoreCase)) return true;
                if (string.Equals(name, "false", StringComparison.OrdinalIgnoreCase)) return false;
                if (string.Equals(name, "null", StringComparison.OrdinalIgnoreCase)) return null;
                throw Error(start, $"'{Shorten(text.Substring(start, pos - start))}' is not allowed in a data file: only $true, $false and $null.");
            }

            private bool TryParseNumber(out object value)
            {
                value = null;
                var start = pos;
                var i = pos;
                var negative = false;
                if (CharAt(i) == '-' || CharAt(i) == '+')
                {
                    negative = CharAt(i) == '-';
                    i++;
                }
                var digitsStart = i;
                var isHex = false;
                var isReal = false;
                if (CharAt(i) == '0' && (CharAt(i + 1) == 'x' || CharAt(i + 1) == 'X') && IsHexDigit(CharAt(i + 2)))
                {
                    isHex = true;
                    i += 2;
                    digitsStart = i;
                    while (IsHexDigit(CharAt(i))) i++;
                }
                else
                {
                    while (IsDigit(CharAt(i))) i++;
                    var integerDigits = i - digitsStart;
                    if (CharAt(i) == '.' && IsDigit(CharAt(i + 1)))
                    {
                        isReal = true;
                        i++;
                        while (IsDigit(CharAt(i))) i++;
                    }
                    else if (integerDigits == 0)
                    {
                        return false;
                    }
                    if ((CharAt(i) == 'e' || CharAt(i) == 'E') &&
                        (IsDigit(CharAt(i + 1)) || ((CharAt(i + 1) == '+' || CharAt(i + 1) == '-') && IsDigit(CharAt(i + 2)))))
                    {
                        isReal = true;
                        i += 2;
                        while (IsDigit(CharAt(i))) i++;
                    }
                }
                var digitsEnd = i;

                long multiplier = 1;
                if (i + 1 < text.Length && (text[i + 1] == 'b' || text[i + 1] == 'B'))
                {
                    switch (char.ToLowerInvariant(text[i]))
                    {
                        case 'k': multiplier = 1L << 10; break;
                        case 'm': multiplier = 1L << 20; break;
                        case 'g': multiplier = 1L << 30; break;
                        case 't': multiplier = 1L << 40; break;
                        case 'p': multiplier = 1L << 50; break;
                    }
                    if (multiplier != 1) i += 2;
                }
                if (!IsTokenEnd(CharAt(i))) return false; // e.g. 18abc: a bare word, refused by the caller

                var token = text.Substring(start, i - start);
                var digits = text.Substring(digitsStart, digitsEnd - digitsStart);
                try
                {
                    if (isReal)
                    {
                        var real = double.Parse(text.Substring(start, digitsEnd - start), NumberStyles.Float, CultureInfo.InvariantCulture) * multiplier;
                        value = real;
                    }
                    else
                    {
                        long integer;
                        if (isHex)
                        {
                            if (!ulong.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var bits))
                                throw Error(start, $"The number '{token}' does not fit in a 64-bit integer.");
                            // PowerShell reads up to 8 hex digits as an Int32 bit pattern (0xFFFFFFFF is -1), more as an Int64.
                            integer = bits <= uint.MaxValue ? unchecked((int)(uint)bits) : unchecked((long)bits);
                        }
                        else if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out integer))
                        {
                            throw Error(start, $"The number '{token}' does not fit in a 64-bit integer.");
                        }
                        integer = checked(integer * multiplier);
                        value = negative ? checked(-integer) : integer;
                    }
                }
                catch (OverflowException)
                {
                    throw Error(start, $"The number '{token}' does not fit in a 64-bit integer.");
                }
                pos = i;
                return true;
            }

            /// <summary>Skips blanks, comments and line continuations; new lines too when <paramref name="newlines"/>.</summary>
            private void SkipTrivia(bool newlines)
            {
                while (!AtEnd)
                {
                    var c = Cur;
                    if (IsNewline(c))
                    {
                        if (!newlines) return;
                        pos++;
                    }
                    else if (char.IsWhiteSpace(c) || c == '\uFEFF')
                    {
                        pos++;
                    }
                    else if (c == '#')
                    {
                        while (!AtEnd && !IsNewline(Cur)) pos++;
                    }
                    else if (c == '<' && CharAt(pos + 1) == '#')
                    {
                        var close = text.IndexOf("#>", pos + 2, StringComparison.Ordinal);
                        if (close < 0) throw Error(text.Length, $"The comment '<#' opened at {Place(pos)} is not closed: the file ends before its '#>'.");
                        pos = close + 2;
                    }
                    else if (c == '`' && IsNewline(CharAt(pos + 1)))
                    {
                        pos += CharAt(pos + 1) == '\r' && CharAt(pos + 2) == '\n' ? 3 : 2;
                    }
                    else
                    {
                        return;
                    }
                }
            }

            private void SkipSeparators()
            {
                while (true)
                {
                    SkipTrivia(true);
                    if (Cur != ';') return;
                    pos++;
                }
            }

            private void Enter(int open)
            {
                if (++depth > MaximumDepth) throw Error(open, $"The data is nested more than {MaximumDepth} levels deep.");
            }

            /// <summary>The token at <paramref name="at"/> as an error message shows it.</summary>
            private string Describe(int at)
            {
                if (at >= text.Length) return "the end of the file";
                var c = text[at];
                if (IsNewline(c)) return "the end of the line";
                if (c == '@' && (CharAt(at + 1) == '{' || CharAt(at + 1) == '(')) return "'" + text.Substring(at, 2) + "'";
                if (c == '[')
                {
                    var end = at + 1;
                    while (end < text.Length && text[end] != ']' && !IsNewline(text[end])) end++;
                    return "'" + Shorten(text.Substring(at, Math.Min(end + 1, text.Length) - at)) + "'";
                }
                if (IsSingleQuote(c) || IsDoubleQuote(c))
                {
                    var end = at + 1;
                    while (end < text.Length && !IsNewline(text[end]) && !(IsSingleQuote(c) ? IsSingleQuote(text[end]) : IsDoubleQuote(text[end]))) end++;
                    return "the string " + Shorten(text.Substring(at, Math.Min(end + 1, text.Length) - at));
                }
                if (IsPunctuation(c)) return "'" + c + "'";
                var wordEnd = at;
                while (wordEnd < text.Length && !char.IsWhiteSpace(text[wordEnd]) && !IsPunctuation(text[wordEnd])) wordEnd++;
                return "'" + Shorten(text.Substring(at, Math.Max(1, wordEnd - at))) + "'";
            }

            private static string Shorten(string token) => token.Length <= 40 ? token : token.Substring(0, 40) + "...";

            private string Place(int at)
            {
                var (line, column) = LineAndColumn(at);
                return $"line {line}, column {column}";
            }

            public (int Line, int Column) LineAndColumn(int at)
            {
                var index = lineStarts.BinarySearch(at);
                if (index < 0) index = ~index - 1;
                return (index + 1, at - lineStarts[index] + 1);
            }

            private DefinitionSyntaxException Error(int at, string problem)
            {
                var (line, column) = LineAndColumn(Math.Min(at, text.Length));
                return new DefinitionSyntaxException(sourceName, line, column, problem);
            }

            private static bool IsNewline(char c) => c == '\n' || c == '\r';

            private static bool IsDigit(char c) => c >= '0' && c <= '9';

            private static bool IsHexDigit(char c) => IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');

            private static bool IsBareKeyChar(char c) => char.IsLetterOrDigit(c) || c == '_' || c == '-' || c == '.';

            private static bool IsVariableChar(char c) => char.IsLetterOrDigit(c) || c == '_' || c == ':';

            private static bool IsTokenEnd(char c) =>
                c == '\uFFFF' || char.IsWhiteSpace(c) || c == ';' || c == ',' || c == ')' || c == '}' || c == '#';

            private static bool IsPunctuation(char c) =>
                "{}()[],;=@'\"`|&<>#".IndexOf(c) >= 0 || IsSingleQuote(c) || IsDoubleQuote(c);

            // PowerShell treats typographic quotes as quotes, so text pasted from a document still reads.
            private static bool IsSingleQuote(char c) => c == '\'' || c == '\u2018' || c == '\u2019' || c == '\u201A' || c == '\u201B';

            private static bool IsDoubleQuote(char c) => c == '"' || c == '\u201C' || c == '\u201D' || c == '\u201E';

            private static bool IsQuoteLike(char c, bool doubleQuote) => doubleQuote ? IsDoubleQuote(c) : IsSingleQuote(c);
        }
    }
}
