using System.Globalization;

namespace GeneralistischWerkt.Training.Core.Content.Loading;

/// <summary>
/// Content front matter and scenario files differ in details authors see in messages: where a position points,
/// which numbers are accepted, how a wrong empty value is shown. Both stay as they are so that the diagnostics for a
/// given file never move or change text.
/// </summary>
internal enum FieldConventions
{
    /// <summary>Positions at the value itself; whole numbers without sign; a wrong empty value quoted as written ('').</summary>
    FrontMatter,

    /// <summary>A block list or mapping positioned at its key; whole numbers may be signed; a wrong empty value shown as "leeg".</summary>
    ScenarioFile,
}

/// <summary>What a <see cref="FieldReader"/> reports under which code, and in which <see cref="FieldConventions"/>.</summary>
internal sealed record FieldRules(FieldConventions Conventions, string Missing, string Invalid, string Empty, string Unknown)
{
    public static FieldRules Content { get; } = new(FieldConventions.FrontMatter,
        DiagnosticCodes.MissingField, DiagnosticCodes.InvalidValue, DiagnosticCodes.EmptyText, DiagnosticCodes.UnknownField);
}

/// <summary>
/// Names the place of a mapping in Dutch for messages ("" at the top, "in check 'x'", "in knoop 'begin'"). Either a
/// ready text, or a format function with its arguments, spelled out only when a message needs it: most mappings
/// never produce one, and a scenario file has thousands of mappings.
/// </summary>
internal readonly struct FieldContext
{
    private readonly Func<FieldContext, string>? format;

    public FieldContext(string text) => First = text;

    /// <param name="format">A static lambda (so no allocation) that builds the text from the arguments.</param>
    public FieldContext(Func<FieldContext, string> format, string? first, int firstIndex, string? second = null, int secondIndex = 0)
    {
        this.format = format;
        First = first;
        FirstIndex = firstIndex;
        Second = second;
        SecondIndex = secondIndex;
    }

    public string? First { get; }
    public int FirstIndex { get; }
    public string? Second { get; }
    public int SecondIndex { get; }

    public bool IsEmpty => format is null && string.IsNullOrEmpty(First);

    public static implicit operator FieldContext(string text) => new(text);

    public override string ToString() => format is null ? First ?? "" : format(this);
}

/// <summary>
/// Reads typed fields out of one YAML mapping, records where each value starts, and reports problems with exact
/// positions. The <see cref="FieldContext"/> names the place in Dutch ("" at the top, "in check 'x'", "in knoop
/// 'begin'") and ends up in messages. With a <see cref="StringPool"/>, ids are shared (one string per distinct id).
/// </summary>
internal sealed class FieldReader
{
    private readonly YamlMappingValue mapping;
    private readonly FieldContext context;
    private readonly List<Diagnostic> diagnostics;
    private readonly FieldRules rules;
    private readonly StringPool? pool;
    private readonly PositionMap positions;

    /// <param name="extraPositions">How many positions besides the mapping's own fields the caller will add (a capacity hint).</param>
    public FieldReader(YamlMappingValue mapping, FieldContext context, List<Diagnostic> diagnostics, FieldRules rules,
        StringPool? pool = null, int extraPositions = 0)
    {
        this.mapping = mapping;
        this.context = context;
        this.diagnostics = diagnostics;
        this.rules = rules;
        this.pool = pool;
        positions = new PositionMap(mapping.Entries.Length + extraPositions);
    }

    /// <summary>
    /// Where each value starts, by key; callers may add list items (<c>veld[i]</c>, <see cref="PositionMap.SetItem"/>)
    /// and map keys (<c>veld.sleutel</c>, <see cref="PositionMap.SetEntry"/>).
    /// </summary>
    public PositionMap Positions => positions;

    /// <summary>Where the mapping starts: missing fields are reported here.</summary>
    public SourcePosition At => mapping.Position;

    /// <summary>A reader for a nested mapping that reports into the same list, with the same rules and pool.</summary>
    public FieldReader Child(YamlMappingValue nested, FieldContext nestedContext, int extraPositions = 0) =>
        new(nested, nestedContext, diagnostics, rules, pool, extraPositions);

    public string In => context.IsEmpty ? "" : " " + context.ToString();

    public bool Has(string key) => mapping.TryGet(key, out _);

    public void Error(string code, SourcePosition at, string message) => diagnostics.Add(Diagnostic.Error(code, at, message));

    /// <summary>The shared instance of <paramref name="text"/> when there is a pool, else the text itself.</summary>
    public string Share(string text) => pool is null ? text : pool.Intern(text);

    /// <summary>The shared instance of <paramref name="text"/> when there is a pool, else a new string.</summary>
    public string Share(ReadOnlySpan<char> text) => pool is null ? new string(text) : pool.Intern(text);

    /// <summary>The raw value, recording its position; reports a missing field when <paramref name="required"/>.</summary>
    public YamlValue? Value(string key, bool required)
    {
        var entries = mapping.Entries;
        for (var i = 0; i < entries.Length; i++)
        {
            var (name, namePosition, value) = entries[i];
            if (name != key) continue;
            // In scenario files a block list or mapping starts on the next line; messages about it point at the field.
            var atKey = rules.Conventions == FieldConventions.ScenarioFile && value.Position.Line > namePosition.Line;
            positions[key] = atKey ? namePosition : value.Position;
            return value;
        }
        if (required) Error(rules.Missing, mapping.Position, $"verplicht veld '{key}' ontbreekt{In}");
        return null;
    }

    /// <summary>A text. Absent → null; empty → "" (reported); not a text → null (reported).</summary>
    public string? Text(string key, bool required)
    {
        var value = Value(key, required);
        switch (value)
        {
            case null:
                return null;
            case YamlScalarValue scalar when scalar.IsNull || string.IsNullOrWhiteSpace(scalar.Text):
                Error(rules.Empty, scalar.Position, $"'{key}' is leeg{In}");
                return "";
            case YamlScalarValue scalar:
                return scalar.Text.Trim();
            default:
                Error(rules.Invalid, value.Position, $"'{key}' moet tekst zijn, geen {value.Describe()}{In}");
                return null;
        }
    }

    /// <summary>An id (lowercase a-z, 0-9, '-'). Absent or invalid → null (reported).</summary>
    public string? Id(string key, bool required)
    {
        var value = Value(key, required);
        return value is null ? null : IdValue(value, null, key);
    }

    /// <summary>Checks that <paramref name="value"/> is an id; <paramref name="what"/> names it in messages.</summary>
    public string? IdValue(YamlValue value, string what) => IdValue(value, what, null);

    /// <summary>
    /// Checks that <paramref name="value"/> is an id. Messages name it as <c>{what} in '{key}'</c>, or as <c>'{key}'</c>
    /// when <paramref name="what"/> is null (spelled out only for a message).
    /// </summary>
    public string? IdValue(YamlValue value, string? what, string? key)
    {
        string What() => key is null ? what! : what is null ? $"'{key}'" : $"{what} in '{key}'";
        if (value is not YamlScalarValue scalar || scalar.IsNull)
        {
            Error(rules.Invalid, value.Position, $"{What()} moet een id zijn (kleine letters, cijfers en '-'), geen {value.Describe()}{In}");
            return null;
        }
        var id = scalar.Text.Trim();
        if (!IdSyntax.IsValid(id))
        {
            Error(rules.Invalid, value.Position,
                $"ongeldige id '{Shorten(id)}' voor {What()}{In}: gebruik alleen kleine letters a-z, cijfers en '-' (niet aan het begin of einde, niet twee na elkaar)");
            return null;
        }
        return Share(id);
    }

    /// <summary>A whole number between <paramref name="min"/> and <paramref name="max"/>. Absent or invalid → null.</summary>
    public int? Integer(string key, bool required, int min = int.MinValue, int max = int.MaxValue)
    {
        var value = Value(key, required);
        if (value is null) return null;
        if (!TryInteger(value, out var number))
        {
            Error(rules.Invalid, value.Position, $"'{key}' moet een geheel getal zijn, niet {Show(value)}{In}");
            return null;
        }
        if (number < min || number > max)
        {
            var range = max == int.MaxValue ? $"minstens {min}" : $"van {min} tot en met {max}";
            Error(rules.Invalid, value.Position, $"'{key}' moet {range} zijn, niet {number}{In}");
            return null;
        }
        return number;
    }

    /// <summary>A YAML boolean (true/false). Absent → <paramref name="absent"/>; invalid → <paramref name="absent"/> (reported).</summary>
    public bool Boolean(string key, bool absent)
    {
        var value = Value(key, required: false);
        if (value is null) return absent;
        if (value is YamlScalarValue { IsPlain: true } scalar)
        {
            switch (scalar.Text)
            {
                case "true" or "True" or "TRUE": return true;
                case "false" or "False" or "FALSE": return false;
            }
        }
        Error(rules.Invalid, value.Position, $"'{key}' moet true of false zijn, niet {Show(value)}{In}");
        return absent;
    }

    /// <summary>A list; <c>key:</c> with nothing after it is an empty list. Not a list → null (reported).</summary>
    public YamlSequenceValue? List(string key, bool required)
    {
        var value = Value(key, required);
        switch (value)
        {
            case null:
                return null;
            case YamlSequenceValue sequence:
                return sequence;
            case YamlScalarValue { IsNull: true } empty:
                return new YamlSequenceValue { Position = empty.Position };
            default:
                Error(rules.Invalid, value.Position, $"'{key}' moet een lijst zijn, geen {value.Describe()}{In}");
                return null;
        }
    }

    /// <summary>A mapping; <c>key:</c> with nothing after it is an empty mapping. Not a mapping → null (reported).</summary>
    public YamlMappingValue? Map(string key, bool required, string example)
    {
        var value = Value(key, required);
        switch (value)
        {
            case null:
                return null;
            case YamlMappingValue map:
                return map;
            case YamlScalarValue { IsNull: true } empty:
                return new YamlMappingValue { Position = empty.Position };
            default:
                Error(rules.Invalid, value.Position, $"'{key}' moet een verzameling zijn zoals {example}, geen {value.Describe()}{In}");
                return null;
        }
    }

    /// <summary>
    /// At most <paramref name="max"/> items of a list (reporting the excess once). Limits keep a small file that reuses
    /// big lists through YAML aliases (<c>*naam</c>) from taking forever to check.
    /// </summary>
    public List<YamlValue> Limit(YamlSequenceValue list, string key, int max)
    {
        if (list.Items.Count <= max) return list.Items;
        Error(rules.Invalid, positions.GetValueOrDefault(key, list.Position),
            $"'{key}' heeft {list.Items.Count} elementen; meer dan {max} kan niet{In} (de rest wordt overgeslagen)");
        return list.Items.GetRange(0, max);
    }

    /// <summary>At most <paramref name="max"/> entries of a mapping (reporting the excess once).</summary>
    public ReadOnlySpan<YamlEntry> Limit(YamlMappingValue map, string key, int max)
    {
        if (map.Entries.Length <= max) return map.Entries;
        Error(rules.Invalid, positions.GetValueOrDefault(key, map.Position),
            $"'{key}' heeft {map.Entries.Length} elementen; meer dan {max} kan niet{In} (de rest wordt overgeslagen)");
        return map.Entries.AsSpan(0, max);
    }

    /// <summary>
    /// A list of references <c>soort:id</c>. When <paramref name="onlyKind"/> is set, every entry must be of that kind.
    /// Malformed entries are reported and left out; whether targets exist is the validator's job.
    /// </summary>
    public IReadOnlyList<ContentReference> References(string key, bool required, ContentKind? onlyKind)
    {
        var list = List(key, required);
        if (list is null) return [];
        var references = new List<ContentReference>(list.Items.Count);
        foreach (var entry in list.Items)
        {
            var reference = Reference(key, entry, onlyKind);
            if (reference is not null) references.Add(reference);
        }
        return references;
    }

    /// <summary>One reference <c>soort:id</c> as a single value (for <c>vervolg</c>).</summary>
    public ContentReference? SingleReference(string key, bool required, ContentKind onlyKind)
    {
        var value = Value(key, required);
        if (value is null || value is YamlScalarValue { IsNull: true }) return null;
        return Reference(key, value, onlyKind);
    }

    private ContentReference? Reference(string key, YamlValue entry, ContentKind? onlyKind)
    {
        var example = onlyKind is { } k ? $"{k.ToSlug()}:id" : "soort:id";
        if (entry is not YamlScalarValue scalar || scalar.IsNull)
        {
            Error(rules.Invalid, entry.Position, $"elk element van '{key}' moet de vorm {example} hebben, geen {entry.Describe()}{In}");
            return null;
        }
        if (!ContentReference.TryParseTarget(scalar.Text.Trim(), out var kind, out var id))
        {
            Error(rules.Invalid, entry.Position, $"'{Shorten(scalar.Text)}' in '{key}' heeft niet de vorm {example}{In}");
            return null;
        }
        if (!ContentKinds.TryParse(kind, out var parsed))
        {
            Error(rules.Invalid, entry.Position,
                $"onbekende soort '{Shorten(kind)}' in '{key}'{In}; kies uit {string.Join(", ", ContentKinds.Slugs)}");
            return null;
        }
        if (onlyKind is { } only && parsed != only)
        {
            Error(rules.Invalid, entry.Position,
                $"'{key}' mag alleen naar een {only.ToSlug()} verwijzen, niet naar '{Shorten(scalar.Text.Trim())}'{In}");
            return null;
        }
        if (!ContentIds.IsValid(id))
        {
            Error(rules.Invalid, entry.Position, $"ongeldige id '{Shorten(id)}' in '{key}'{In}");
            return null;
        }
        return new ContentReference(kind, id, entry.Position);
    }

    /// <summary>
    /// Warns about keys outside <paramref name="allowed"/>; a warning because the item is still usable without the
    /// field, which is most likely a typo. <paramref name="where"/> names the place instead of the context.
    /// </summary>
    public void WarnAboutUnknownKeys(IReadOnlyCollection<string> allowed, string where)
    {
        foreach (var (key, keyPosition, _) in mapping.Entries)
        {
            if (!allowed.Contains(key))
            {
                diagnostics.Add(Diagnostic.Warning(rules.Unknown, keyPosition,
                    $"onbekend veld '{Shorten(key)}' {where}; bedoel je een van: {string.Join(", ", allowed)}?"));
            }
        }
    }

    /// <summary>Reports every key outside <paramref name="allowed"/> as an error at the key itself.</summary>
    public void RejectUnknownKeys(IReadOnlyCollection<string> allowed)
    {
        foreach (var (key, keyPosition, _) in mapping.Entries)
        {
            if (!allowed.Contains(key))
            {
                Error(rules.Unknown, keyPosition, $"onbekend veld '{Shorten(key)}'{In}; mogelijke velden: {string.Join(", ", allowed)}");
            }
        }
    }

    /// <summary>A plain (unquoted) whole number, signed or not as the <see cref="FieldConventions"/> say.</summary>
    public bool TryInteger(YamlValue value, out int number)
    {
        number = 0;
        if (value is not YamlScalarValue { IsPlain: true } scalar) return false;
        return rules.Conventions == FieldConventions.FrontMatter
            ? int.TryParse(scalar.Text, NumberStyles.None, CultureInfo.InvariantCulture, out number)
            : int.TryParse(scalar.Text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number);
    }

    /// <summary>A value as shown in messages: the text in quotes, or what kind of value it is.</summary>
    public string Show(YamlValue value) =>
        value is YamlScalarValue scalar && (!scalar.IsNull || rules.Conventions == FieldConventions.FrontMatter)
            ? $"'{Shorten(scalar.Text)}'"
            : value.Describe();

    /// <summary>The scalar text of a field without reporting anything (for naming things in messages).</summary>
    public static string? Peek(YamlMappingValue mapping, string key) =>
        mapping.TryGet(key, out var value) && value is YamlScalarValue { IsNull: false } scalar ? scalar.Text.Trim() : null;

    public static string Shorten(string text) =>
        text.Length <= 60 ? text.ReplaceLineEndings(" ") : text[..57].ReplaceLineEndings(" ") + "…";
}
