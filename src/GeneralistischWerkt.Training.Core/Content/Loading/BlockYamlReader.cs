using System.Text;

namespace GeneralistischWerkt.Training.Core.Content.Loading;

/// <summary>
/// Reads the plain block-style YAML that our content front matter and scenario files are written in, straight into a
/// <see cref="YamlValue"/> tree. For anything outside that subset (anchors, tags, multi-line quoted or plain text,
/// flow collections over several lines, unusual indentation, tabs, any error …) it gives up without reporting, and
/// <see cref="YamlTree"/> hands the text to YamlDotNet, which reads all of YAML and words the error messages.
/// Why a second reader: YamlDotNet's parser alone needs about 5 s for the benchmark's 1,000 scenarios of 200 nodes,
/// more than twice the 2 s target, and it allocates 4.7 GiB doing so. The two readers must build the same tree for
/// every text this one accepts; the differential tests in Core.Tests hold them to that.
/// </summary>
/// <remarks>
/// The subset: block mappings with simple keys (letters, digits, '-', '_', '.'), block sequences (also directly under
/// a key at the key's indentation), single-line plain, single- and double-quoted scalars (double quotes with the
/// escapes \" \\ \/ \n \t), one-line flow sequences and flow mappings of scalars, literal and folded block scalars
/// (with or without chomping indicator) whose lines all share one indentation, and comments.
/// </remarks>
internal ref struct BlockYamlReader
{

    private const int MaxDepth = 48;
    private const int MaxKeyLength = 100;

    private readonly ReadOnlySpan<char> text;
    private readonly string file;
    private readonly int firstLine;
    private readonly List<Diagnostic> reports;
    private readonly Action<Diagnostic> addReport;
    private readonly StringPool shared;

    /// <summary>Entries of the mappings being read, one list per depth: each mapping then gets a list of exactly its size.</summary>
    private readonly List<List<YamlEntry>> pending;
    private StringBuilder? builder;

    private int lineStart;
    private int lineEnd;
    private int lineNumber;
    private int indent;
    private bool atEnd;

    private BlockYamlReader(ReadOnlySpan<char> text, string file, int firstLine, StringPool shared)
    {
        this.text = text;
        this.file = file;
        this.firstLine = firstLine;
        reports = [];
        addReport = reports.Add;
        this.shared = shared;
        pending = [];
    }

    /// <summary>
    /// Reads <paramref name="yaml"/> (which starts on line <paramref name="firstLine"/> of <paramref name="file"/>) when it
    /// is within the subset: then returns true with the tree (null for an empty document) and reports duplicate keys as
    /// <see cref="YamlTree"/> does. Otherwise returns false and reports nothing.
    /// </summary>
    /// <param name="pool">Shares keys and short texts (ids, numbers, links); a new one when not given.</param>
    public static bool TryRead(ReadOnlySpan<char> yaml, string file, int firstLine, Action<Diagnostic> report, out YamlValue? root,
        StringPool? pool = null)
    {
        root = null;
        if (HasUnsupportedCharacters(yaml)) return false;
        var reader = new BlockYamlReader(yaml, file, firstLine, pool ?? new StringPool());
        try
        {
            root = reader.ReadDocument();
        }
        catch (NotInSubset)
        {
            root = null;
            return false;
        }
        foreach (var diagnostic in reader.reports) report(diagnostic);
        return true;
    }

    /// <summary>Thrown (and caught in <see cref="TryRead"/>) when the text leaves the subset; at most once per text.</summary>
    private sealed class NotInSubset : Exception;

    private static NotInSubset Leave() => new();

    private YamlValue? ReadDocument()
    {
        SetLine(0, 0);
        SkipBlankLines();
        if (atEnd) return null;
        if (indent != 0) throw Leave();
        var root = ReadBlockNode(0);
        SkipBlankLines();
        if (!atEnd) throw Leave();
        return root;
    }

    // ---- lines ----

    private void SetLine(int start, int number)
    {
        lineNumber = number;
        lineStart = start;
        if (start >= text.Length)
        {
            atEnd = true;
            lineEnd = start;
            indent = 0;
            return;
        }
        var newline = text[start..].IndexOf('\n');
        lineEnd = newline < 0 ? text.Length : start + newline;
        var line = text[start..lineEnd];
        var spaces = line.IndexOfAnyExcept(' ');
        indent = spaces < 0 ? line.Length : spaces;
        // Document markers ("---", "...") and directives start a different kind of YAML.
        if (line.Length >= 3 && (line.StartsWith("---") || line.StartsWith("...")) && (line.Length == 3 || line[3] == ' ')) throw Leave();
        if (line.Length > 0 && line[0] == '%') throw Leave();
    }

    private void NextLine()
    {
        if (lineEnd >= text.Length)
        {
            SetLine(text.Length, lineNumber + 1);
            return;
        }
        SetLine(lineEnd + 1, lineNumber + 1);
    }

    private readonly bool IsBlankLine => indent == lineEnd - lineStart;

    private void SkipBlankLines()
    {
        while (!atEnd && (IsBlankLine || text[lineStart + indent] == '#')) NextLine();
    }

    private readonly SourcePosition At(int index) => new(file, firstLine + lineNumber, index - lineStart + 1);

    private readonly bool IsSequenceEntry(int index) =>
        text[index] == '-' && (index + 1 == lineEnd || text[index + 1] == ' ');

    // ---- block structure ----

    /// <summary>The node that starts at the current line's indentation.</summary>
    private YamlValue ReadBlockNode(int depth)
    {
        var start = lineStart + indent;
        if (IsSequenceEntry(start)) return ReadSequence(indent, depth);
        if (KeyEnd(start) > 0) return ReadMapping(start, depth);
        throw Leave();
    }

    /// <summary>A block sequence whose entries start with '-' in column <paramref name="column"/> (0-based), from the current line.</summary>
    private YamlSequenceValue ReadSequence(int column, int depth)
    {
        if (depth > MaxDepth) throw Leave();
        var sequence = new YamlSequenceValue { Position = At(lineStart + column) };
        while (true)
        {
            var dash = lineStart + column;
            var p = dash + 1;
            while (p < lineEnd && text[p] == ' ') p++;
            if (p == lineEnd || text[p] == '#')
            {
                NextLine();
                SkipBlankLines();
                if (atEnd || indent <= column) throw Leave(); // an empty entry
                sequence.Items.Add(ReadBlockNode(depth + 1));
            }
            else if (IsSequenceEntry(p))
            {
                throw Leave(); // "- - x"
            }
            else if (KeyEnd(p) > 0)
            {
                sequence.Items.Add(ReadMapping(p, depth + 1));
            }
            else
            {
                sequence.Items.Add(ReadInlineValue(p, column, depth + 1));
            }

            SkipBlankLines();
            if (atEnd || indent < column) return sequence;
            if (indent > column) throw Leave();
            if (!IsSequenceEntry(lineStart + column)) return sequence; // a sequence directly under a key ends; the mapping goes on
        }
    }

    /// <summary>A block mapping whose first key starts at <paramref name="first"/> on the current line; further keys start lines at that column.</summary>
    private YamlMappingValue ReadMapping(int first, int depth)
    {
        if (depth > MaxDepth) throw Leave();
        var column = first - lineStart;
        var position = At(first);
        var entries = Pending(depth);
        Dictionary<string, SourcePosition>? seen = null;
        var keyStart = first;
        while (true)
        {
            var keyEnd = KeyEnd(keyStart);
            if (keyEnd < 0) throw Leave();
            var key = shared.Intern(text[keyStart..keyEnd]);
            var keyPosition = At(keyStart);
            var p = keyEnd + 1;
            while (p < lineEnd && text[p] == ' ') p++;
            YamlValue value;
            if (p == lineEnd || text[p] == '#')
            {
                NextLine();
                SkipBlankLines();
                if (!atEnd && indent > column) value = ReadBlockNode(depth + 1);
                else if (!atEnd && indent == column && IsSequenceEntry(lineStart + column)) value = ReadSequence(column, depth + 1);
                else throw Leave(); // an empty value
            }
            else
            {
                value = ReadInlineValue(p, column, depth + 1);
            }
            Add(entries, ref seen, key, keyPosition, value);

            SkipBlankLines();
            if (atEnd || indent < column) return Complete(position, entries);
            if (indent > column) throw Leave();
            keyStart = lineStart + column;
        }
    }

    private readonly List<YamlEntry> Pending(int depth)
    {
        while (pending.Count <= depth) pending.Add([]);
        var entries = pending[depth];
        entries.Clear();
        return entries;
    }

    private readonly void Add(List<YamlEntry> entries, ref Dictionary<string, SourcePosition>? seen, string key, SourcePosition keyPosition, YamlValue value)
    {
        if (YamlTree.FindKey(entries, ref seen, key) is { } earlier) YamlTree.ReportDuplicate(key, keyPosition, earlier, addReport);
        else YamlTree.AddEntry(entries, seen, key, keyPosition, value);
    }

    private static YamlMappingValue Complete(SourcePosition position, List<YamlEntry> entries)
    {
        return new YamlMappingValue { Position = position, Entries = entries.ToArray() };
    }

    /// <summary>Short texts (ids, numbers, links) recur all over a file: one string each.</summary>
    private const int SharedLength = 48;

    private readonly string Text(ReadOnlySpan<char> value) => value.Length <= SharedLength ? shared.Intern(value) : value.ToString();

    /// <summary>
    /// The end (the ':') of a simple key starting at <paramref name="start"/> and followed by ": " or ":" at the line's
    /// end; -1 if there is no such key.
    /// </summary>
    private readonly int KeyEnd(int start)
    {
        var i = start;
        if (i >= lineEnd || !IsKeyStart(text[i])) return -1;
        while (i < lineEnd && i - start <= MaxKeyLength && IsKeyChar(text[i])) i++;
        if (i >= lineEnd || text[i] != ':') return -1;
        return i + 1 == lineEnd || text[i + 1] == ' ' ? i : -1;
    }

    private static bool IsKeyStart(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private static bool IsKeyChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.';

    /// <summary>
    /// A value that starts on the current line at <paramref name="start"/>, after "key: " or "- ". Leaves the reader on
    /// the line after the value. <paramref name="parentColumn"/> is the key's or dash's column.
    /// </summary>
    private YamlValue ReadInlineValue(int start, int parentColumn, int depth)
    {
        YamlValue value;
        int end;
        switch (text[start])
        {
            case '"':
                value = DoubleQuoted(start, lineEnd, out end);
                break;
            case '\'':
                value = SingleQuoted(start, lineEnd, out end);
                break;
            case '[':
                value = FlowSequence(start, depth, out end);
                break;
            case '{':
                value = FlowMapping(start, depth, out end);
                break;
            case '|' or '>':
                return BlockScalar(start, parentColumn);
            default:
                value = BlockPlain(start, out end);
                break;
        }
        // After the value: only spaces and a comment.
        var rest = end;
        while (rest < lineEnd && text[rest] == ' ') rest++;
        if (rest < lineEnd && !(text[rest] == '#' && text[rest - 1] == ' ')) throw Leave();
        NextLine();
        return value;
    }

    // ---- scalars ----

    private static bool IsIndicator(char c) => c is '-' or '?' or ':' or ',' or '[' or ']' or '{' or '}' or '#' or '&' or '*' or '!'
        or '|' or '>' or '\'' or '"' or '%' or '@' or '`';

    /// <summary>A plain scalar in block context that ends on this line (before a comment); <paramref name="end"/> is where it stops.</summary>
    private YamlScalarValue BlockPlain(int start, out int end)
    {
        var first = text[start];
        // "-2" and "-x" are plain text; "- x", "? x", ": x" and the other indicators are structure.
        if (IsIndicator(first) && !(first == '-' && start + 1 < lineEnd && text[start + 1] != ' ')) throw Leave();
        var last = start;
        var i = start;
        for (; i < lineEnd; i++)
        {
            var c = text[i];
            if (c == ':' && (i + 1 == lineEnd || text[i + 1] == ' ')) throw Leave(); // a mapping inside a value
            if (c == '#' && text[i - 1] == ' ') break;
            if (c != ' ') last = i + 1;
        }
        end = i;
        return new YamlScalarValue { Position = At(start), Text = Text(text[start..last]), IsPlain = true };
    }

    /// <summary>A plain scalar inside [ ] or { } on this line: up to ',', ']' or '}'.</summary>
    private YamlScalarValue FlowPlain(int start, out int end)
    {
        var first = text[start];
        if (IsIndicator(first) && !(first == '-' && start + 1 < lineEnd && text[start + 1] is not (' ' or ',' or ']' or '}'))) throw Leave();
        var last = start;
        var i = start;
        for (; i < lineEnd; i++)
        {
            var c = text[i];
            if (c is ',' or ']' or '}') break;
            if (c is ':' or '[' or '{' or '#') throw Leave();
            if (c != ' ') last = i + 1;
        }
        if (i == lineEnd) throw Leave();
        end = i;
        return new YamlScalarValue { Position = At(start), Text = Text(text[start..last]), IsPlain = true };
    }

    /// <summary>A double-quoted scalar that closes on this line; <paramref name="end"/> is just after the closing quote.</summary>
    private YamlScalarValue DoubleQuoted(int start, int limit, out int end)
    {
        var i = start + 1;
        StringBuilder? escaped = null;
        var segment = i;
        while (true)
        {
            var next = text[i..limit].IndexOfAny('"', '\\');
            if (next < 0) throw Leave(); // continues on the next line
            i += next;
            if (text[i] == '"') break;
            if (i + 1 >= limit) throw Leave();
            var replacement = text[i + 1] switch
            {
                '"' => '"',
                '\\' => '\\',
                '/' => '/',
                'n' => '\n',
                't' => '\t',
                _ => throw Leave(),
            };
            escaped ??= Builder();
            escaped.Append(text[segment..i]).Append(replacement);
            i += 2;
            segment = i;
        }
        string value;
        if (escaped is null)
        {
            value = Text(text[segment..i]);
        }
        else
        {
            value = escaped.Append(text[segment..i]).ToString();
        }
        end = i + 1;
        return new YamlScalarValue { Position = At(start), Text = value, IsPlain = false };
    }

    /// <summary>A single-quoted scalar that closes on this line ('' is one quote).</summary>
    private YamlScalarValue SingleQuoted(int start, int limit, out int end)
    {
        var i = start + 1;
        StringBuilder? escaped = null;
        var segment = i;
        while (true)
        {
            var next = text[i..limit].IndexOf('\'');
            if (next < 0) throw Leave();
            i += next;
            if (i + 1 < limit && text[i + 1] == '\'')
            {
                escaped ??= Builder();
                escaped.Append(text[segment..(i + 1)]);
                i += 2;
                segment = i;
                continue;
            }
            break;
        }
        var value = escaped is null ? Text(text[segment..i]) : escaped.Append(text[segment..i]).ToString();
        end = i + 1;
        return new YamlScalarValue { Position = At(start), Text = value, IsPlain = false };
    }

    private StringBuilder Builder()
    {
        builder ??= new StringBuilder(256);
        builder.Clear();
        return builder;
    }

    /// <summary>
    /// A literal (|) or folded (>) block scalar whose indicator is at <paramref name="start"/>; its lines follow, all
    /// indented alike and deeper than <paramref name="parentColumn"/>. Leaves the reader on the first line after it.
    /// </summary>
    private YamlScalarValue BlockScalar(int start, int parentColumn)
    {
        var folded = text[start] == '>';
        var i = start + 1;
        var chomping = ' ';
        if (i < lineEnd && text[i] is '-' or '+') chomping = text[i++];
        var header = i;
        while (i < lineEnd && text[i] == ' ') i++;
        if (i < lineEnd && !(text[i] == '#' && i > header)) throw Leave(); // an indentation indicator, or text after the indicator
        var position = At(start);
        NextLine();
        if (atEnd || IsBlankLine) throw Leave(); // empty, or leading empty lines
        var column = indent;
        if (column <= parentColumn) throw Leave();

        var value = Builder();
        var blankLines = 0;
        var firstLine = true;
        while (!atEnd)
        {
            if (IsBlankLine)
            {
                if (lineEnd - lineStart > column) throw Leave(); // spaces beyond the indentation are text
                blankLines++;
                NextLine();
                continue;
            }
            if (indent < column) break;
            if (indent > column) throw Leave(); // more-indented lines fold differently
            if (text[lineEnd - 1] == ' ') throw Leave(); // trailing spaces
            if (lineEnd == text.Length) throw Leave(); // no line break after the last line
            if (!firstLine)
            {
                if (!folded) value.Append('\n', blankLines + 1);
                else if (blankLines == 0) value.Append(' ');
                else value.Append('\n', blankLines);
            }
            value.Append(text[(lineStart + column)..lineEnd]);
            firstLine = false;
            blankLines = 0;
            NextLine();
        }
        if (chomping == ' ') value.Append('\n');
        else if (chomping == '+') value.Append('\n', blankLines + 1);
        return new YamlScalarValue { Position = position, Text = value.ToString(), IsPlain = false };
    }

    // ---- flow collections on one line ----

    private int SkipSpaces(int i)
    {
        while (i < lineEnd && text[i] == ' ') i++;
        if (i == lineEnd) throw Leave();
        return i;
    }

    private YamlScalarValue FlowScalar(int start, out int end) => text[start] switch
    {
        '"' => DoubleQuoted(start, lineEnd, out end),
        '\'' => SingleQuoted(start, lineEnd, out end),
        _ => FlowPlain(start, out end),
    };

    private YamlSequenceValue FlowSequence(int start, int depth, out int end)
    {
        if (depth > MaxDepth) throw Leave();
        var sequence = new YamlSequenceValue { Position = At(start) };
        var i = SkipSpaces(start + 1);
        if (text[i] == ']')
        {
            end = i + 1;
            return sequence;
        }
        while (true)
        {
            sequence.Items.Add(FlowScalar(i, out i));
            i = SkipSpaces(i);
            if (text[i] == ']') break;
            if (text[i] != ',') throw Leave();
            i = SkipSpaces(i + 1);
            if (text[i] is ']' or ',') throw Leave(); // a trailing or double comma
        }
        end = i + 1;
        return sequence;
    }

    private YamlMappingValue FlowMapping(int start, int depth, out int end)
    {
        if (depth > MaxDepth) throw Leave();
        var position = At(start);
        var entries = Pending(depth);
        Dictionary<string, SourcePosition>? seen = null;
        var i = SkipSpaces(start + 1);
        if (text[i] == '}')
        {
            end = i + 1;
            return Complete(position, entries);
        }
        while (true)
        {
            var keyStart = i;
            if (!IsKeyStart(text[i])) throw Leave();
            while (i < lineEnd && i - keyStart <= MaxKeyLength && IsKeyChar(text[i])) i++;
            if (i + 1 >= lineEnd || text[i] != ':' || text[i + 1] != ' ') throw Leave();
            var key = shared.Intern(text[keyStart..i]);
            var keyPosition = At(keyStart);
            i = SkipSpaces(i + 1);
            var value = FlowScalar(i, out i);
            Add(entries, ref seen, key, keyPosition, value);
            i = SkipSpaces(i);
            if (text[i] == '}') break;
            if (text[i] != ',') throw Leave();
            i = SkipSpaces(i + 1);
            if (text[i] is '}' or ',') throw Leave();
        }
        end = i + 1;
        return Complete(position, entries);
    }

    /// <summary>
    /// Characters this reader leaves to YamlDotNet wherever they occur: control characters (tab and carriage return
    /// included, YAML treats them specially), DEL and C1 controls, YAML 1.1's extra line breaks, the byte order mark,
    /// and surrogates (columns would count differently). Range searches, because they are vectorised.
    /// </summary>
    private static bool HasUnsupportedCharacters(ReadOnlySpan<char> text) =>
        text.ContainsAnyInRange('\u0000', '\u0009')
        || text.ContainsAnyInRange('\u000B', '\u001F')
        || text.ContainsAnyInRange('\u007F', '\u009F')
        || text.ContainsAnyInRange('\uD800', '\uDFFF')
        || text.ContainsAny('\u2028', '\u2029', '\uFEFF');
}
