using System.Globalization;

namespace GeneralistischWerkt.Training.Core.Content.Loading;

/// <summary>
/// Reads typed fields out of a YAML mapping, reporting missing fields (GWT103), wrong types or values (GWT104),
/// empty texts (GWT110) and unknown fields (GWT200). <paramref name="context"/> names the place in Dutch
/// ("" for the front matter itself, "in check 'x'" for a check) and ends up in messages.
/// </summary>
internal sealed class FieldReader(YamlMappingValue mapping, SourcePosition missingAt, string context, List<Diagnostic> diagnostics)
{
    private readonly Dictionary<string, SourcePosition> positions = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, SourcePosition> Positions => positions;

    public SourcePosition MissingAt => missingAt;

    private string In => context.Length == 0 ? "" : " " + context;

    public bool Has(string key) => mapping.TryGet(key, out _);

    /// <summary>The raw value, recording its position. Reports GWT103 when <paramref name="required"/> and absent.</summary>
    public YamlValue? Value(string key, bool required)
    {
        if (mapping.TryGet(key, out var value))
        {
            positions[key] = value.Position;
            return value;
        }
        if (required)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.MissingField, missingAt, $"verplicht veld '{key}' ontbreekt{In}"));
        }
        return null;
    }

    /// <summary>A text value. Absent → null (GWT103 if required); empty → "" (GWT110); not a text → null (GWT104).</summary>
    public string? Text(string key, bool required)
    {
        var value = Value(key, required);
        switch (value)
        {
            case null:
                return null;
            case YamlScalarValue scalar when scalar.IsNull || string.IsNullOrWhiteSpace(scalar.Text):
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.EmptyText, scalar.Position, $"'{key}' is leeg{In}"));
                return "";
            case YamlScalarValue scalar:
                return scalar.Text.Trim();
            default:
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidValue, value.Position,
                    $"'{key}' moet tekst zijn, geen {value.Describe()}{In}"));
                return null;
        }
    }

    /// <summary>An id (lowercase a-z, 0-9, '-'). Invalid → null with GWT104.</summary>
    public string? Id(string key, bool required)
    {
        var value = Value(key, required);
        if (value is null) return null;
        if (value is not YamlScalarValue scalar || scalar.IsNull)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidValue, value.Position,
                $"'{key}' moet een id zijn (kleine letters, cijfers en '-'), geen {value.Describe()}{In}"));
            return null;
        }
        var id = scalar.Text.Trim();
        if (!ContentIds.IsValid(id))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidValue, value.Position,
                $"ongeldige id '{Shorten(id)}' voor '{key}'{In}: gebruik alleen kleine letters a-z, cijfers en '-' (niet aan het begin of einde, niet twee na elkaar)"));
            return null;
        }
        return id;
    }

    /// <summary>A whole number between <paramref name="min"/> and <paramref name="max"/>.</summary>
    public int? Number(string key, bool required, int min, int max)
    {
        var value = Value(key, required);
        if (value is null) return null;
        if (value is not YamlScalarValue { IsPlain: true } scalar
            || !int.TryParse(scalar.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            var shown = value is YamlScalarValue s ? $"'{Shorten(s.Text)}'" : value.Describe();
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidValue, value.Position,
                $"'{key}' moet een geheel getal zijn, niet {shown}{In}"));
            return null;
        }
        if (number < min || number > max)
        {
            var range = max == int.MaxValue ? $"minstens {min}" : $"van {min} tot en met {max}";
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidValue, value.Position,
                $"'{key}' moet {range} zijn, niet {number}{In}"));
            return null;
        }
        return number;
    }

    /// <summary>A YAML boolean (true/false). Absent → <paramref name="absent"/>.</summary>
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
        var shown = value is YamlScalarValue s ? $"'{Shorten(s.Text)}'" : value.Describe();
        diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidValue, value.Position,
            $"'{key}' moet true of false zijn, niet {shown}{In}"));
        return absent;
    }

    /// <summary>A list. <c>key:</c> with nothing after it counts as an empty list. Not a list → null with GWT104.</summary>
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
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidValue, value.Position,
                    $"'{key}' moet een lijst zijn, geen {value.Describe()}{In}"));
                return null;
        }
    }

    /// <summary>
    /// A list of references <c>soort:id</c>. When <paramref name="onlyKind"/> is set, every entry must be of that kind.
    /// Malformed entries are reported (GWT104) and left out; whether targets exist is the validator's job.
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
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidValue, entry.Position,
                $"elk element van '{key}' moet de vorm {example} hebben, geen {entry.Describe()}{In}"));
            return null;
        }
        if (!ContentReference.TryParseTarget(scalar.Text.Trim(), out var kind, out var id))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidValue, entry.Position,
                $"'{Shorten(scalar.Text)}' in '{key}' heeft niet de vorm {example}{In}"));
            return null;
        }
        if (!ContentKinds.TryParse(kind, out var parsed))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidValue, entry.Position,
                $"onbekende soort '{Shorten(kind)}' in '{key}'{In}; kies uit {string.Join(", ", ContentKinds.Slugs)}"));
            return null;
        }
        if (onlyKind is { } only && parsed != only)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidValue, entry.Position,
                $"'{key}' mag alleen naar een {only.ToSlug()} verwijzen, niet naar '{Shorten(scalar.Text.Trim())}'{In}"));
            return null;
        }
        if (!ContentIds.IsValid(id))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidValue, entry.Position,
                $"ongeldige id '{Shorten(id)}' in '{key}'{In}"));
            return null;
        }
        return new ContentReference(kind, id, entry.Position);
    }

    /// <summary>Warns (GWT200) about keys outside <paramref name="allowed"/>.</summary>
    public void WarnAboutUnknownKeys(IReadOnlyCollection<string> allowed, string where)
    {
        foreach (var (key, _) in mapping.Entries)
        {
            if (!allowed.Contains(key.Text))
            {
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.UnknownField, key.Position,
                    $"onbekend veld '{Shorten(key.Text)}' {where}; bedoel je een van: {string.Join(", ", allowed)}?"));
            }
        }
    }

    public static string Shorten(string text) =>
        text.Length <= 60 ? text.ReplaceLineEndings(" ") : text[..57].ReplaceLineEndings(" ") + "…";
}
