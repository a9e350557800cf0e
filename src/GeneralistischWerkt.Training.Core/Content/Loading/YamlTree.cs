using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace GeneralistischWerkt.Training.Core.Content.Loading;

/// <summary>
/// A small YAML tree with file positions, built from YamlDotNet's parser events. We build our own instead of
/// using YamlDotNet's representation model so that every node keeps a position in the content file, duplicate
/// keys become diagnostics instead of exceptions, and nesting depth stays bounded.
/// </summary>
internal abstract class YamlValue
{
    /// <summary>Where the value starts in the content file.</summary>
    public required SourcePosition Position { get; init; }

    public abstract string Describe();
}

internal sealed class YamlScalarValue : YamlValue
{
    public required string Text { get; init; }

    /// <summary>Unquoted, so <c>true</c>, <c>3</c> and <c>~</c> mean a boolean, a number and null.</summary>
    public required bool IsPlain { get; init; }

    public bool IsNull => IsPlain && Text is "" or "~" or "null" or "Null" or "NULL";

    public override string Describe() => IsNull ? "leeg" : "tekst";
}

internal sealed class YamlSequenceValue : YamlValue
{
    public List<YamlValue> Items { get; } = [];

    public override string Describe() => "lijst";
}

/// <summary>
/// One key of a mapping with its value. The key is kept as text and position rather than as a scalar node: a scenario
/// file has tens of thousands of keys, and one object less per key is much less work for the garbage collector.
/// </summary>
internal readonly struct YamlEntry(string key, SourcePosition keyPosition, YamlValue value)
{
    // The key's file is the value's: only the line and column are stored (24 instead of 32 bytes per entry).
    private readonly int keyLine = keyPosition.Line, keyColumn = keyPosition.Column;

    public string Key { get; } = key;

    public YamlValue Value { get; } = value;

    public SourcePosition KeyPosition => new(Value.Position.File, keyLine, keyColumn);

    public void Deconstruct(out string key, out SourcePosition keyPosition, out YamlValue value)
    {
        key = Key;
        keyPosition = KeyPosition;
        value = Value;
    }
}

internal sealed class YamlMappingValue : YamlValue
{
    public YamlEntry[] Entries { get; init; } = [];

    public override string Describe() => "verzameling velden";

    public bool TryGet(string key, out YamlValue value)
    {
        foreach (var entry in Entries)
        {
            if (entry.Key == key)
            {
                value = entry.Value;
                return true;
            }
        }
        value = null!;
        return false;
    }
}

/// <summary>A YAML error with a position in the content file.</summary>
internal sealed class YamlTreeException(SourcePosition position, string message) : Exception(message)
{
    public SourcePosition Position { get; } = position;
}

internal static class YamlTree
{
    private const int MaxDepth = 64;

    /// <summary>
    /// Parses <paramref name="yaml"/>, which starts on line <paramref name="firstLine"/> of <paramref name="file"/>.
    /// Returns null for an empty document. Duplicate keys are reported through <paramref name="report"/> (the first wins).
    /// </summary>
    /// <param name="documentName">How messages name the YAML text in Dutch, e.g. "de front matter" or "het bestand".</param>
    /// <exception cref="YamlTreeException">Any YAML syntax error.</exception>
    public static YamlValue? Parse(string yaml, string file, int firstLine, Action<Diagnostic> report, string documentName = "de front matter") =>
        Parse(yaml.AsMemory(), file, firstLine, report, documentName);

    /// <summary><see cref="Parse(string, string, int, Action{Diagnostic}, string)"/> of text in memory (e.g. a pooled buffer).</summary>
    /// <param name="pool">Where the fast reader shares keys and short texts; pass the pool the caller reads fields with, so each id is one string.</param>
    public static YamlValue? Parse(ReadOnlyMemory<char> yaml, string file, int firstLine, Action<Diagnostic> report, string documentName = "de front matter",
        StringPool? pool = null)
    {
        // The common block-style text is read directly (fast); everything else, errors included, by YamlDotNet.
        if (BlockYamlReader.TryRead(yaml.Span, file, firstLine, report, out var root, pool)) return root;
        return ParseWithYamlDotNet(yaml, file, firstLine, report, documentName);
    }

    /// <summary>Parses with YamlDotNet only; <see cref="Parse(ReadOnlyMemory{char}, string, int, Action{Diagnostic}, string)"/> uses it for what <see cref="BlockYamlReader"/> leaves.</summary>
    internal static YamlValue? ParseWithYamlDotNet(ReadOnlyMemory<char> yaml, string file, int firstLine, Action<Diagnostic> report, string documentName = "de front matter") =>
        Parse(new MemoryTextReader(yaml), file, firstLine, report, documentName);

    private static YamlValue? Parse(TextReader yaml, string file, int firstLine, Action<Diagnostic> report, string documentName)
    {
        SourcePosition At(Mark mark) => new(file, (int)Math.Min(int.MaxValue, mark.Line + firstLine - 1), (int)Math.Min(int.MaxValue, mark.Column));

        var anchors = new Dictionary<string, YamlValue>(StringComparer.Ordinal);
        var openFlow = new Stack<SourcePosition>();
        SourcePosition? lastStart = null;
        try
        {
            var parser = new Parser(yaml);
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _)) return null;
            parser.Consume<DocumentStart>();
            var root = parser.Accept<DocumentEnd>(out _) ? null : ReadValue(parser, 0);
            parser.Consume<DocumentEnd>();
            if (!parser.Accept<StreamEnd>(out _))
            {
                throw new YamlTreeException(At(parser.Current!.Start),
                    $"{documentName} mag maar één YAML-document bevatten (verwijder '...' of '---' in {documentName})");
            }
            return root is YamlScalarValue { IsNull: true } ? null : root;
        }
        catch (YamlTreeException)
        {
            throw;
        }
        catch (YamlException e)
        {
            // For tab and indentation problems the scanner's end mark is where the problem is; otherwise the start
            // (an unclosed quote is best shown where it opens).
            var at = e.Message.Contains("tab character", StringComparison.Ordinal) ? At(e.End) : At(e.Start);
            // An unclosed '[' or '{' is only noticed at the end of the front matter; point at where it opens.
            if (e.Message.Contains("flow", StringComparison.Ordinal) && openFlow.Count > 0) at = openFlow.Peek();
            throw new YamlTreeException(at, DescribeYamlError(e.Message, documentName));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // YamlDotNet's scanner can fail with other exceptions on some broken input (e.g. an unclosed '[').
            var at = openFlow.Count > 0 ? openFlow.Peek() : lastStart ?? new SourcePosition(file, firstLine, 1);
            var message = openFlow.Count > 0
                ? "een '[' of '{' wordt niet (goed) afgesloten; controleer ook de komma's ertussen"
                : $"{documentName} kon niet als YAML gelezen worden; controleer aanhalingstekens, haakjes en inspringing";
            throw new YamlTreeException(at, message);
        }

        YamlValue ReadValue(IParser parser, int depth)
        {
            var current = parser.Current ?? throw new YamlTreeException(new SourcePosition(file, firstLine, 1), $"onverwacht einde van {documentName}");
            lastStart = At(current.Start);
            if (depth > MaxDepth)
            {
                throw new YamlTreeException(At(current.Start), $"{documentName} is dieper genest dan {MaxDepth} niveaus");
            }

            switch (current)
            {
                case Scalar scalar:
                {
                    parser.MoveNext();
                    var value = new YamlScalarValue { Position = At(scalar.Start), Text = scalar.Value, IsPlain = scalar.Style == ScalarStyle.Plain };
                    Remember(scalar.Anchor, value);
                    return value;
                }
                case SequenceStart start:
                {
                    parser.MoveNext();
                    var sequence = new YamlSequenceValue { Position = At(start.Start) };
                    if (start.Style == SequenceStyle.Flow) openFlow.Push(sequence.Position);
                    while (!parser.TryConsume<SequenceEnd>(out _))
                    {
                        sequence.Items.Add(ReadValue(parser, depth + 1));
                    }
                    if (start.Style == SequenceStyle.Flow) openFlow.Pop();
                    Remember(start.Anchor, sequence);
                    return sequence;
                }
                case MappingStart start:
                {
                    parser.MoveNext();
                    var position = At(start.Start);
                    if (start.Style == MappingStyle.Flow) openFlow.Push(position);
                    // The keys so far are the entries' keys: a small mapping is searched directly; a big one gets an index.
                    Dictionary<string, SourcePosition>? seen = null;
                    var entries = new List<YamlEntry>();
                    while (!parser.TryConsume<MappingEnd>(out _))
                    {
                        var keyStart = parser.Current!.Start;
                        var key = ReadValue(parser, depth + 1);
                        var value = ReadValue(parser, depth + 1);
                        if (key is not YamlScalarValue scalarKey)
                        {
                            report(Diagnostic.Error(DiagnosticCodes.InvalidValue, At(keyStart), "een veldnaam moet gewone tekst zijn"));
                            continue;
                        }
                        if (FindKey(entries, ref seen, scalarKey.Text) is { } first) ReportDuplicate(scalarKey.Text, scalarKey.Position, first, report);
                        else AddEntry(entries, seen, scalarKey.Text, scalarKey.Position, value);
                    }
                    var mapping = new YamlMappingValue { Position = position, Entries = entries.ToArray() };
                    if (start.Style == MappingStyle.Flow) openFlow.Pop();
                    Remember(start.Anchor, mapping);
                    return mapping;
                }
                case AnchorAlias alias:
                {
                    parser.MoveNext();
                    if (!anchors.TryGetValue(alias.Value.Value, out var target))
                    {
                        throw new YamlTreeException(At(alias.Start), $"onbekende verwijzing '*{alias.Value.Value}'");
                    }
                    return target;
                }
                default:
                    throw new YamlTreeException(At(current.Start), $"onverwacht element in {documentName}");
            }
        }

        void Remember(AnchorName anchor, YamlValue value)
        {
            if (!anchor.IsEmpty) anchors[anchor.Value] = value;
        }
    }

    /// <summary>Reports a key that is already in its mapping (the first one counts).</summary>
    public static void ReportDuplicate(string key, SourcePosition at, SourcePosition first, Action<Diagnostic> report) =>
        report(Diagnostic.Error(DiagnosticCodes.InvalidValue, at, $"veld '{key}' staat hier al eerder (regel {first.Line}); alleen het eerste telt"));

    /// <summary>Adds an entry whose key is not in <paramref name="entries"/> yet (see <see cref="FindKey"/>).</summary>
    public static void AddEntry(List<YamlEntry> entries, Dictionary<string, SourcePosition>? seen, string key, SourcePosition keyPosition, YamlValue value)
    {
        seen?.Add(key, keyPosition);
        entries.Add(new YamlEntry(key, keyPosition, value));
    }

    /// <summary>Above this many keys a mapping's duplicate check uses a dictionary instead of a linear search.</summary>
    private const int IndexedKeys = 16;

    /// <summary>
    /// Where key <paramref name="text"/> already is in <paramref name="entries"/>, or null. <paramref name="index"/>
    /// starts null and becomes an index once the mapping is big.
    /// </summary>
    public static SourcePosition? FindKey(List<YamlEntry> entries, ref Dictionary<string, SourcePosition>? index, string text)
    {
        if (index is null && entries.Count >= IndexedKeys)
        {
            index = new Dictionary<string, SourcePosition>(entries.Count * 2, StringComparer.Ordinal);
            foreach (var entry in entries) index.Add(entry.Key, entry.KeyPosition);
        }
        if (index is not null) return index.TryGetValue(text, out var position) ? position : null;
        for (var i = 0; i < entries.Count; i++)
        {
            if (string.Equals(entries[i].Key, text, StringComparison.Ordinal)) return entries[i].KeyPosition;
        }
        return null;
    }

    /// <summary>A Dutch explanation of YamlDotNet's (English) error message for the common mistakes.</summary>
    private static string DescribeYamlError(string message, string documentName)
    {
        string? Explain()
        {
            if (message.Contains("tab character", StringComparison.Ordinal))
                return $"tabtekens mogen niet in {documentName}; spring in met spaties";
            if (message.Contains("quoted scalar", StringComparison.Ordinal))
                return "een tekst tussen aanhalingstekens wordt niet (goed) afgesloten";
            if (message.Contains("invalid mapping", StringComparison.Ordinal) || message.Contains("Mapping values are not allowed", StringComparison.Ordinal))
                return "onverwachte ': ' in een waarde; zet de tekst tussen aanhalingstekens als ze een dubbele punt bevat";
            if (message.Contains("expected ',' or ']'", StringComparison.Ordinal) || message.Contains("expected ',' or '}'", StringComparison.Ordinal))
                return "een '[' of '{' wordt niet (goed) afgesloten, of er ontbreekt een komma";
            if (message.Contains("expected '-' indicator", StringComparison.Ordinal))
                return "ongeldige lijst; controleer of alle '-'-regels even ver inspringen";
            if (message.Contains("Block sequence entries are not allowed", StringComparison.Ordinal))
                return "een lijst met '-' begint op een nieuwe regel, ingesprongen onder het veld";
            if (message.Contains("did not find expected key", StringComparison.Ordinal))
                return "onverwachte tekst; controleer inspringing en aanhalingstekens";
            if (message.Contains("document end", StringComparison.Ordinal) || message.Contains("document start", StringComparison.Ordinal))
                return "onverwachte inspringing of een extra document; alle velden beginnen aan het begin van de regel";
            if (message.Contains("anchor", StringComparison.OrdinalIgnoreCase) || message.Contains("alias", StringComparison.OrdinalIgnoreCase))
                return "ongeldige YAML-verwijzing (& of *); zet de tekst tussen aanhalingstekens";
            return null;
        }

        var explanation = Explain();
        if (explanation is not null) return $"ongeldige YAML in {documentName}: {explanation}";
        var detail = message;
        var marker = detail.IndexOf("): ", StringComparison.Ordinal);
        if (detail.StartsWith("(Line:", StringComparison.Ordinal) && marker > 0) detail = detail[(marker + 3)..];
        return $"ongeldige YAML in {documentName} (technisch: {detail.Trim()}); controleer aanhalingstekens, dubbele punten en inspringing";
    }
}
