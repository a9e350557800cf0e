using System.Globalization;
using GeneralistischWerkt.Training.Core.Content;
using GeneralistischWerkt.Training.Core.Content.Loading;

namespace GeneralistischWerkt.Training.Core.Scenarios.Loading;

/// <summary>Which codes a <see cref="YamlFields"/> reports for a missing field, a wrong value and an empty text.</summary>
internal sealed record FieldCodes(string Missing, string Invalid, string Empty)
{
    public static FieldCodes Scenario { get; } =
        new(ScenarioDiagnosticCodes.MissingField, ScenarioDiagnosticCodes.InvalidValue, ScenarioDiagnosticCodes.EmptyText);

    public static FieldCodes Competencies { get; } =
        new(ScenarioDiagnosticCodes.CompetencyList, ScenarioDiagnosticCodes.CompetencyList, ScenarioDiagnosticCodes.CompetencyList);
}

/// <summary>
/// Reads typed fields out of one YAML mapping of a scenario (or of competenties.yml), records where each value
/// starts, and reports problems with exact positions. <paramref name="context"/> names the place in Dutch
/// (e.g. "in knoop 'begin'", or "" at the top of the file) and ends up in messages.
/// </summary>
internal sealed class YamlFields(YamlMappingValue mapping, string context, List<Diagnostic> diagnostics, FieldCodes codes)
{
    private readonly Dictionary<string, SourcePosition> positions = new(StringComparer.Ordinal);

    /// <summary>Where each value starts, by key; also list items (<c>veld[i]</c>) and map keys (<c>veld.sleutel</c>).</summary>
    public Dictionary<string, SourcePosition> Positions => positions;

    /// <summary>Where the mapping starts: missing fields are reported here.</summary>
    public SourcePosition At => mapping.Position;

    public FieldCodes Codes => codes;

    /// <summary>A reader for a nested mapping that reports into the same list, with the same codes.</summary>
    public YamlFields Child(YamlMappingValue nested, string nestedContext) => new(nested, nestedContext, diagnostics, codes);

    public string In => context.Length == 0 ? "" : " " + context;

    public bool Has(string key) => mapping.TryGet(key, out _);

    public void Error(string code, SourcePosition at, string message) => diagnostics.Add(Diagnostic.Error(code, at, message));

    /// <summary>
    /// The raw value, recording its position (the key's when the value starts on a later line, as a block list or
    /// mapping does, so that messages point at the field); reports a missing field when <paramref name="required"/>.
    /// </summary>
    public YamlValue? Value(string key, bool required)
    {
        foreach (var (name, value) in mapping.Entries)
        {
            if (name.Text != key) continue;
            positions[key] = value.Position.Line > name.Position.Line ? name.Position : value.Position;
            return value;
        }
        if (required) Error(codes.Missing, mapping.Position, $"verplicht veld '{key}' ontbreekt{In}");
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
                Error(codes.Empty, scalar.Position, $"'{key}' is leeg{In}");
                return "";
            case YamlScalarValue scalar:
                return scalar.Text.Trim();
            default:
                Error(codes.Invalid, value.Position, $"'{key}' moet tekst zijn, geen {value.Describe()}{In}");
                return null;
        }
    }

    /// <summary>An id (lowercase a-z, 0-9, '-'). Absent or invalid → null (reported).</summary>
    public string? Id(string key, bool required)
    {
        var value = Value(key, required);
        return value is null ? null : IdValue(value, $"'{key}'");
    }

    /// <summary>Checks that <paramref name="value"/> is an id; <paramref name="what"/> names it in messages.</summary>
    public string? IdValue(YamlValue value, string what)
    {
        if (value is not YamlScalarValue scalar || scalar.IsNull)
        {
            Error(codes.Invalid, value.Position, $"{what} moet een id zijn (kleine letters, cijfers en '-'), geen {value.Describe()}{In}");
            return null;
        }
        var id = scalar.Text.Trim();
        if (!ContentIds.IsValid(id))
        {
            Error(codes.Invalid, value.Position,
                $"ongeldige id '{Shorten(id)}' voor {what}{In}: gebruik alleen kleine letters a-z, cijfers en '-' (niet aan het begin of einde, niet twee na elkaar)");
            return null;
        }
        return id;
    }

    /// <summary>A whole number between <paramref name="min"/> and <paramref name="max"/>. Absent or invalid → null.</summary>
    public int? Integer(string key, bool required, int min = int.MinValue, int max = int.MaxValue)
    {
        var value = Value(key, required);
        if (value is null) return null;
        if (!TryInteger(value, out var number))
        {
            Error(codes.Invalid, value.Position, $"'{key}' moet een geheel getal zijn, niet {Show(value)}{In}");
            return null;
        }
        if (number < min || number > max)
        {
            var range = max == int.MaxValue ? $"minstens {min}" : $"van {min} tot en met {max}";
            Error(codes.Invalid, value.Position, $"'{key}' moet {range} zijn, niet {number}{In}");
            return null;
        }
        return number;
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
                Error(codes.Invalid, value.Position, $"'{key}' moet een lijst zijn, geen {value.Describe()}{In}");
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
                Error(codes.Invalid, value.Position, $"'{key}' moet een verzameling zijn zoals {example}, geen {value.Describe()}{In}");
                return null;
        }
    }

    /// <summary>
    /// At most <paramref name="max"/> items of a list (reporting the excess once). Limits keep a small file that reuses
    /// big lists through YAML aliases (<c>*naam</c>) from taking forever to check.
    /// </summary>
    public IReadOnlyList<YamlValue> Limit(YamlSequenceValue list, string key, int max)
    {
        if (list.Items.Count <= max) return list.Items;
        Error(codes.Invalid, positions.GetValueOrDefault(key, list.Position),
            $"'{key}' heeft {list.Items.Count} elementen; meer dan {max} kan niet{In} (de rest wordt overgeslagen)");
        return list.Items.GetRange(0, max);
    }

    /// <summary>At most <paramref name="max"/> entries of a mapping (reporting the excess once).</summary>
    public IReadOnlyList<KeyValuePair<YamlScalarValue, YamlValue>> Limit(YamlMappingValue map, string key, int max)
    {
        if (map.Entries.Count <= max) return map.Entries;
        Error(codes.Invalid, positions.GetValueOrDefault(key, map.Position),
            $"'{key}' heeft {map.Entries.Count} elementen; meer dan {max} kan niet{In} (de rest wordt overgeslagen)");
        return map.Entries.GetRange(0, max);
    }

    /// <summary>Reports every key outside <paramref name="allowed"/> at the key itself.</summary>
    public void RejectUnknownKeys(IReadOnlyCollection<string> allowed)
    {
        foreach (var (key, _) in mapping.Entries)
        {
            if (!allowed.Contains(key.Text))
            {
                Error(codes.Invalid, key.Position,
                    $"onbekend veld '{Shorten(key.Text)}'{In}; mogelijke velden: {string.Join(", ", allowed)}");
            }
        }
    }

    /// <summary>A plain (unquoted) whole number, optionally with a sign.</summary>
    public static bool TryInteger(YamlValue value, out int number)
    {
        number = 0;
        return value is YamlScalarValue { IsPlain: true } scalar
            && int.TryParse(scalar.Text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number);
    }

    /// <summary>A value as shown in messages: the text in quotes, or what kind of value it is.</summary>
    public static string Show(YamlValue value) =>
        value is YamlScalarValue { IsNull: false } scalar ? $"'{Shorten(scalar.Text)}'" : value.Describe();

    /// <summary>The scalar text of a field without reporting anything (for naming things in messages).</summary>
    public static string? Peek(YamlMappingValue mapping, string key) =>
        mapping.TryGet(key, out var value) && value is YamlScalarValue { IsNull: false } scalar ? scalar.Text.Trim() : null;

    public static string Shorten(string text) => FieldReader.Shorten(text);
}
