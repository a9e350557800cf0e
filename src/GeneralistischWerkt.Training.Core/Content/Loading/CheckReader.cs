namespace GeneralistischWerkt.Training.Core.Content.Loading;

/// <summary>Reads a lesson's <c>checks</c> list. Checks whose id, soort or answer list can't be read are reported and left out.</summary>
internal static class CheckReader
{
    private static readonly Dictionary<KnowledgeCheckKind, string[]> AllowedKeys = new()
    {
        [KnowledgeCheckKind.MultipleChoice] = ["id", "soort", "vraag", "opties"],
        [KnowledgeCheckKind.Ordering] = ["id", "soort", "vraag", "items", "feedback"],
        [KnowledgeCheckKind.Matching] = ["id", "soort", "vraag", "paren"],
    };

    public static IReadOnlyList<KnowledgeCheck> Read(YamlSequenceValue list, string file, List<Diagnostic> diagnostics)
    {
        var checks = new List<KnowledgeCheck>(list.Items.Count);
        var index = 0;
        foreach (var entry in list.Items)
        {
            index++;
            if (entry is not YamlMappingValue mapping)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidValue, entry.Position,
                    $"check {index} moet velden hebben (id, soort, vraag, …), geen {entry.Describe()}"));
                continue;
            }
            var check = ReadCheck(mapping, index, diagnostics);
            if (check is not null) checks.Add(check);
        }
        return checks;
    }

    private static KnowledgeCheck? ReadCheck(YamlMappingValue mapping, int index, List<Diagnostic> diagnostics)
    {
        // Name the check by its id when it has a readable one, else by its number.
        var name = mapping.TryGet("id", out var idValue) && idValue is YamlScalarValue { IsNull: false } s && s.Text.Trim().Length > 0
            ? $"in check '{FieldReader.Shorten(s.Text.Trim())}'"
            : $"in check {index}";
        var fields = new FieldReader(mapping, name, diagnostics, FieldRules.Content);

        var id = fields.Id("id", required: true);
        var kindText = fields.Text("soort", required: true);
        var question = fields.Text("vraag", required: true);

        if (kindText is null or "") return null;
        if (!KnowledgeChecks.TryParse(kindText, out var kind))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidValue, fields.Positions["soort"],
                $"onbekende soort check '{FieldReader.Shorten(kindText)}' {name}; kies uit meerkeuze, volgorde, koppelen"));
            return null;
        }
        fields.WarnAboutUnknownKeys(AllowedKeys[kind], $"{name} (soort {kindText})");

        KnowledgeCheck? check = kind switch
        {
            KnowledgeCheckKind.MultipleChoice => ReadMultipleChoice(fields, id, question, name),
            KnowledgeCheckKind.Ordering => ReadOrdering(fields, id, question, name),
            _ => ReadMatching(fields, id, question, name),
        };
        return id is null ? null : check;
    }

    private static MultipleChoiceCheck? ReadMultipleChoice(FieldReader fields, string? id, string? question, string name)
    {
        var options = ReadEntries(fields, "opties", "optie", ["tekst", "juist", "feedback"], name, option => new ChoiceOption(
            option.Text("tekst", required: true),
            option.Boolean("juist", absent: false),
            option.Text("feedback", required: false),
            option.At));
        if (options is null) return null;
        return new MultipleChoiceCheck
        {
            Id = id ?? "",
            Question = question,
            Position = fields.At,
            FieldPositions = new Dictionary<string, SourcePosition>(fields.Positions),
            Options = options,
        };
    }

    private static OrderingCheck? ReadOrdering(FieldReader fields, string? id, string? question, string name)
    {
        var list = fields.List("items", required: true);
        var feedback = fields.Text("feedback", required: false);
        if (list is null) return null;
        var items = new List<OrderingItem>(list.Items.Count);
        var index = 0;
        foreach (var entry in list.Items)
        {
            index++;
            if (entry is not YamlScalarValue scalar)
            {
                fields.Error(DiagnosticCodes.InvalidValue, entry.Position, $"item {index} {name} moet tekst zijn, geen {entry.Describe()}");
                continue;
            }
            if (scalar.IsNull || string.IsNullOrWhiteSpace(scalar.Text))
            {
                fields.Error(DiagnosticCodes.EmptyText, scalar.Position, $"item {index} {name} is leeg");
                continue;
            }
            items.Add(new OrderingItem(scalar.Text.Trim(), scalar.Position));
        }
        return new OrderingCheck
        {
            Id = id ?? "",
            Question = question,
            Position = fields.At,
            FieldPositions = new Dictionary<string, SourcePosition>(fields.Positions),
            Items = items,
            Feedback = feedback,
        };
    }

    private static MatchingCheck? ReadMatching(FieldReader fields, string? id, string? question, string name)
    {
        var pairs = ReadEntries(fields, "paren", "paar", ["links", "rechts", "feedback"], name, pair => new MatchingPair(
            pair.Text("links", required: true),
            pair.Text("rechts", required: true),
            pair.Text("feedback", required: false),
            pair.At));
        if (pairs is null) return null;
        return new MatchingCheck
        {
            Id = id ?? "",
            Question = question,
            Position = fields.At,
            FieldPositions = new Dictionary<string, SourcePosition>(fields.Positions),
            Pairs = pairs,
        };
    }

    /// <summary>
    /// Options and pairs are both a list of small mappings. Each entry gets its own reader so that messages name it
    /// ("in optie 2 in check 'x'"); entries that aren't mappings are reported and left out. Null when
    /// <paramref name="key"/> is missing or not a list.
    /// </summary>
    private static List<T>? ReadEntries<T>(FieldReader fields, string key, string noun, string[] entryKeys, string name, Func<FieldReader, T> read)
    {
        var list = fields.List(key, required: true);
        if (list is null) return null;
        var entries = new List<T>(list.Items.Count);
        var index = 0;
        foreach (var entry in list.Items)
        {
            index++;
            if (entry is not YamlMappingValue mapping)
            {
                fields.Error(DiagnosticCodes.InvalidValue, entry.Position,
                    $"{noun} {index} {name} moet velden hebben ({string.Join(", ", entryKeys)}), geen {entry.Describe()}");
                continue;
            }
            var context = $"in {noun} {index} {name}";
            var reader = fields.Child(mapping, context);
            entries.Add(read(reader));
            reader.WarnAboutUnknownKeys(entryKeys, context);
        }
        return entries;
    }
}
