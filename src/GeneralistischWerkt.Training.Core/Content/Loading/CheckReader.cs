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
        var fields = new FieldReader(mapping, mapping.Position, name, diagnostics);

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
            KnowledgeCheckKind.MultipleChoice => ReadMultipleChoice(fields, id, question, name, diagnostics),
            KnowledgeCheckKind.Ordering => ReadOrdering(fields, id, question, name, diagnostics),
            _ => ReadMatching(fields, id, question, name, diagnostics),
        };
        return id is null ? null : check;
    }

    private static MultipleChoiceCheck? ReadMultipleChoice(FieldReader fields, string? id, string? question, string name, List<Diagnostic> diagnostics)
    {
        var list = fields.List("opties", required: true);
        if (list is null) return null;
        var options = new List<ChoiceOption>(list.Items.Count);
        var index = 0;
        foreach (var entry in list.Items)
        {
            index++;
            if (entry is not YamlMappingValue mapping)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidValue, entry.Position,
                    $"optie {index} {name} moet velden hebben (tekst, juist, feedback), geen {entry.Describe()}"));
                continue;
            }
            var option = new FieldReader(mapping, mapping.Position, $"in optie {index} {name}", diagnostics);
            var text = option.Text("tekst", required: true);
            var correct = option.Boolean("juist", absent: false);
            var feedback = option.Text("feedback", required: false);
            option.WarnAboutUnknownKeys(["tekst", "juist", "feedback"], $"in optie {index} {name}");
            options.Add(new ChoiceOption(text, correct, feedback, mapping.Position));
        }
        return new MultipleChoiceCheck
        {
            Id = id ?? "",
            Question = question,
            Position = fields.MissingAt,
            FieldPositions = new Dictionary<string, SourcePosition>(fields.Positions),
            Options = options,
        };
    }

    private static OrderingCheck? ReadOrdering(FieldReader fields, string? id, string? question, string name, List<Diagnostic> diagnostics)
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
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidValue, entry.Position,
                    $"item {index} {name} moet tekst zijn, geen {entry.Describe()}"));
                continue;
            }
            if (scalar.IsNull || string.IsNullOrWhiteSpace(scalar.Text))
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.EmptyText, scalar.Position, $"item {index} {name} is leeg"));
                continue;
            }
            items.Add(new OrderingItem(scalar.Text.Trim(), scalar.Position));
        }
        return new OrderingCheck
        {
            Id = id ?? "",
            Question = question,
            Position = fields.MissingAt,
            FieldPositions = new Dictionary<string, SourcePosition>(fields.Positions),
            Items = items,
            Feedback = feedback,
        };
    }

    private static MatchingCheck? ReadMatching(FieldReader fields, string? id, string? question, string name, List<Diagnostic> diagnostics)
    {
        var list = fields.List("paren", required: true);
        if (list is null) return null;
        var pairs = new List<MatchingPair>(list.Items.Count);
        var index = 0;
        foreach (var entry in list.Items)
        {
            index++;
            if (entry is not YamlMappingValue mapping)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidValue, entry.Position,
                    $"paar {index} {name} moet velden hebben (links, rechts, feedback), geen {entry.Describe()}"));
                continue;
            }
            var pair = new FieldReader(mapping, mapping.Position, $"in paar {index} {name}", diagnostics);
            var left = pair.Text("links", required: true);
            var right = pair.Text("rechts", required: true);
            var feedback = pair.Text("feedback", required: false);
            pair.WarnAboutUnknownKeys(["links", "rechts", "feedback"], $"in paar {index} {name}");
            pairs.Add(new MatchingPair(left, right, feedback, mapping.Position));
        }
        return new MatchingCheck
        {
            Id = id ?? "",
            Question = question,
            Position = fields.MissingAt,
            FieldPositions = new Dictionary<string, SourcePosition>(fields.Positions),
            Pairs = pairs,
        };
    }
}
