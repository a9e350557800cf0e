using GeneralistischWerkt.Training.Core.Content.Markdown;
using Markdig.Syntax;

namespace GeneralistischWerkt.Training.Core.Content;

/// <summary>
/// Checks content the way authors need it: loads a root with <see cref="ContentLoader"/> and adds the rules that
/// need the whole library or the body (GWT106–GWT111, GWT202–GWT205). Every code is documented in content/README.md.
/// </summary>
public static class ContentValidator
{
    /// <summary>Required level-2 sections per kind, in their prescribed order.</summary>
    public static IReadOnlyDictionary<ContentKind, IReadOnlyList<string>> RequiredSections { get; } =
        new Dictionary<ContentKind, IReadOnlyList<string>>
        {
            [ContentKind.CoreAttitude] = ["Kernelementen", "Toelichting", "In de praktijk"],
            [ContentKind.Technique] = ["Voorbeelden"],
            [ContentKind.QuestionType] = ["Voorbeelden"],
            [ContentKind.LifeDomain] = ["Wat hoort erbij", "Link met grondrechten"],
            [ContentKind.Phase] =
            [
                "Doel", "Inhoudelijke aandachtspunten", "Relationele aandachtspunten", "Risico's en valkuilen",
                "Instrumenten", "Gewenste resultaten",
            ],
            [ContentKind.Instrument] = ["Wat", "Waarom", "Wanneer", "Hoe", "Voorbeeld", "Vervolg"],
        };

    /// <summary>Loads and checks a content root. Never throws because of content.</summary>
    /// <param name="root">The content directory.</param>
    /// <param name="pathPrefix">Put before every file path in diagnostics (see <see cref="ContentLoader.Load"/>).</param>
    public static ContentLoadResult Check(string root, string pathPrefix = "") => Validate(ContentLoader.Load(root, pathPrefix));

    /// <summary>Adds the library-wide rules to a load result.</summary>
    public static ContentLoadResult Validate(ContentLoadResult load)
    {
        var all = new List<Diagnostic>(load.Diagnostics);
        all.AddRange(Validate(load.Library, load.PathPrefix).Select(d => d.WithPathPrefix(load.PathPrefix)));
        all.Sort(Diagnostic.Order);
        return load with { Diagnostics = all };
    }

    /// <summary>The library-wide rules only. Diagnostic paths are relative to the content root; <paramref name="pathPrefix"/> is only used for paths inside messages.</summary>
    public static IReadOnlyList<Diagnostic> Validate(ContentLibrary library, string pathPrefix = "")
    {
        var diagnostics = new List<Diagnostic>();
        foreach (var item in library.Items)
        {
            CheckReferences(library, item, diagnostics);
            CheckBody(item, diagnostics);
            switch (item.Kind)
            {
                case ContentKind.Module:
                    CheckModule(library, item, diagnostics);
                    break;
                case ContentKind.Lesson:
                    CheckLesson(pathPrefix, library, item, diagnostics);
                    break;
                case ContentKind.Phase:
                    CheckPhaseInstruments(pathPrefix, library, item, diagnostics);
                    break;
                case ContentKind.PeerReviewMethod:
                    CheckMethod(item, diagnostics);
                    break;
            }
        }
        CheckDuplicateNumbers(pathPrefix, library, diagnostics);
        return diagnostics;
    }

    private static void CheckReferences(ContentLibrary library, ContentItem item, List<Diagnostic> diagnostics)
    {
        var frontMatter = item.Links.Select(r => (r, "links"))
            .Concat(item.Instruments.Select(r => (r, "instrumenten")))
            .Concat(item.Phases.Select(r => (r, "fasen")))
            .Concat(item.Lessons.Select(r => (r, "lessen")));
        if (item.FollowUp is { } followUp) frontMatter = frontMatter.Append((followUp, "vervolg"));

        foreach (var (reference, field) in frontMatter)
        {
            if (ExplainLink(library, reference) is { } problem)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.BrokenLink, reference.Position, $"'{field}': {problem}"));
            }
        }
        foreach (var reference in item.BodyLinks)
        {
            if (ExplainLink(library, reference) is { } problem)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.BrokenLink, reference.Position, $"link [[{reference.Target}]]: {problem}"));
            }
        }
        foreach (var malformed in item.MalformedBodyLinks)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.BrokenLink, malformed.Position,
                $"ongeldige link [[{Loading.FieldReader.Shorten(malformed.Id)}]]: schrijf [[soort:id]] of [[soort:id|tekst]]"));
        }
    }

    /// <summary>Why a reference doesn't resolve, in Dutch; null when it does. Scenarios and competencies link to content too.</summary>
    internal static string? ExplainLink(ContentLibrary library, ContentReference reference)
    {
        if (!ContentKinds.TryParse(reference.Kind, out var kind))
        {
            return $"onbekende soort '{reference.Kind}'; kies uit {string.Join(", ", ContentKinds.Slugs)}";
        }
        var target = library.Find(reference.Id);
        if (target is null) return $"er bestaat geen {kind.ToSlug()} met id '{reference.Id}'";
        if (target.Kind != kind)
        {
            return $"'{reference.Id}' is een {target.Kind.ToSlug()}, geen {kind.ToSlug()}; schrijf {target.Kind.ToSlug()}:{reference.Id}";
        }
        return null;
    }

    private static void CheckBody(ContentItem item, List<Diagnostic> diagnostics)
    {
        var bodyStart = new SourcePosition(item.File, item.BodyLine, 1);
        if (string.IsNullOrWhiteSpace(item.Body))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.EmptyText, bodyStart, "er staat geen tekst onder de front matter"));
        }

        if (!RequiredSections.TryGetValue(item.Kind, out var required)) return;

        var found = new List<ContentSection>();
        foreach (var heading in required)
        {
            var section = item.Sections.FirstOrDefault(s => SameHeading(s.Heading, heading));
            if (section is null)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.MissingSection, bodyStart,
                    $"verplichte sectie '## {heading}' ontbreekt (nodig voor soort {item.Kind.ToSlug()})"));
                continue;
            }
            found.Add(section);
            if (string.IsNullOrWhiteSpace(section.Markdown))
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.EmptyText, section.Position, $"sectie '## {heading}' is leeg"));
            }
        }

        for (var i = 1; i < found.Count; i++)
        {
            if (found[i].Position.Line < found[i - 1].Position.Line)
            {
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.SectionOrder, found[i].Position,
                    $"sectie '## {found[i].Heading}' hoort na '## {found[i - 1].Heading}' te staan; volgorde: {string.Join(", ", required)}"));
                break;
            }
        }

        if (item.Kind == ContentKind.CoreAttitude && item.Section("Kernelementen") is { } keyElements
            && !string.IsNullOrWhiteSpace(keyElements.Markdown))
        {
            // The reader already parsed the whole body, so this part parses too; if not, there is nothing to count.
            var count = ContentMarkdown.TryParse(keyElements.Markdown, out _)?.OfType<ListBlock>().Sum(list => list.Count);
            if (count is < 6 or > 10)
            {
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.KeyElementCount, keyElements.Position,
                    $"'## Kernelementen' heeft {count} opsommingspunten; een fiche heeft er 6 tot 10"));
            }
        }
    }

    /// <summary>Longer than this, an intervisie no longer fits in a morning: probably a typo in <c>minuten</c>.</summary>
    public const int MaxMethodMinutes = 180;

    /// <summary>An intervisie method needs phases to move through and at least one where the group contributes.</summary>
    private static void CheckMethod(ContentItem method, List<Diagnostic> diagnostics)
    {
        if (!method.FieldPositions.ContainsKey("fasen")) return; // reported as missing (GWT103)
        var at = method.PositionOf("fasen");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var phase in method.MethodPhases)
        {
            if (!seen.Add(phase.Id))
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.MethodStructure, phase.Position, $"fase-id '{phase.Id}' komt twee keer voor in 'fasen'"));
        }
        if (method.MethodPhases.Count < 2)
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.MethodStructure, at,
                $"een intervisiemethode heeft minstens 2 fasen, deze heeft er {method.MethodPhases.Count}"));
        else if (!method.MethodPhases.Any(p => p.TakesContributions))
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.MethodStructure, at,
                "geen enkele fase vraagt een bijdrage van de deelnemers; geef minstens één fase een 'bijdrage' (vraag, hypothese, advies …)"));
        var total = method.MethodPhases.Sum(p => p.Minutes);
        if (total > MaxMethodMinutes)
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.MethodTooLong, at,
                $"de fasen duren samen {total} minuten, meer dan {MaxMethodMinutes}; kijk 'minuten' na"));
    }

    private static bool SameHeading(string actual, string expected) =>
        string.Equals(actual.Replace('\u2019', '\'').Trim(), expected, StringComparison.Ordinal);

    private static void CheckModule(ContentLibrary library, ContentItem module, List<Diagnostic> diagnostics)
    {
        if (module.FieldPositions.ContainsKey("lessen") && module.Lessons.Count == 0)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ModuleStructure, module.PositionOf("lessen"),
                $"module '{module.Id}' heeft geen lessen; zet minstens één les:id in 'lessen'"));
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var reference in module.Lessons)
        {
            if (!seen.Add(reference.Id))
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ModuleStructure, reference.Position,
                    $"les '{reference.Id}' staat twee keer in 'lessen'"));
                continue;
            }
            var lesson = library.Find(ContentKind.Lesson, reference.Id);
            if (lesson?.ModuleId is { } owner && owner != module.Id)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ModuleStructure, reference.Position,
                    $"les '{reference.Id}' hoort volgens haar eigen front matter bij module '{owner}', niet bij '{module.Id}'"));
            }
        }
    }

    private static void CheckLesson(string prefix, ContentLibrary library, ContentItem lesson, List<Diagnostic> diagnostics)
    {
        if (lesson.ModuleId is { } moduleId)
        {
            var at = lesson.PositionOf("module");
            var target = library.Find(moduleId);
            if (target is null)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ModuleStructure, at, $"er bestaat geen module met id '{moduleId}'"));
            }
            else if (target.Kind != ContentKind.Module)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ModuleStructure, at,
                    $"'{moduleId}' is een {target.Kind.ToSlug()}, geen module"));
            }
            else if (!target.Lessons.Any(r => r.Id == lesson.Id))
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ModuleStructure, at,
                    $"module '{moduleId}' noemt deze les niet in 'lessen' ({prefix}{target.File}); zet er les:{lesson.Id} bij"));
            }
        }

        if (lesson.FieldPositions.ContainsKey("checks") && lesson.Checks.Count == 0)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ModuleStructure, lesson.PositionOf("checks"),
                "deze les heeft geen (bruikbare) kennischecks; elke les heeft er minstens één"));
        }

        var ids = new Dictionary<string, SourcePosition>(StringComparer.Ordinal);
        foreach (var check in lesson.Checks)
        {
            var idAt = check.FieldPositions.GetValueOrDefault("id", check.Position);
            if (!ids.TryAdd(check.Id, idAt))
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.DuplicateCheckId, idAt,
                    $"check-id '{check.Id}' wordt in deze les al gebruikt op regel {ids[check.Id].Line}"));
            }
            CheckKnowledgeCheck(check, diagnostics);
        }
    }

    private static void CheckKnowledgeCheck(KnowledgeCheck check, List<Diagnostic> diagnostics)
    {
        var name = $"check '{check.Id}'";
        switch (check)
        {
            case MultipleChoiceCheck choice:
            {
                var at = check.FieldPositions.GetValueOrDefault("opties", check.Position);
                if (choice.Options.Count < 2)
                {
                    diagnostics.Add(Diagnostic.Error(DiagnosticCodes.IncompleteCheck, at,
                        $"{name} (meerkeuze) heeft {choice.Options.Count} optie(s); zet er minstens 2"));
                }
                if (choice.Options.Count > 0 && !choice.Options.Any(o => o.IsCorrect))
                {
                    diagnostics.Add(Diagnostic.Error(DiagnosticCodes.IncompleteCheck, at,
                        $"{name} (meerkeuze) heeft geen juist antwoord; zet 'juist: true' bij minstens één optie"));
                }
                var index = 0;
                foreach (var option in choice.Options)
                {
                    index++;
                    if (option.Feedback is null)
                    {
                        diagnostics.Add(Diagnostic.Error(DiagnosticCodes.IncompleteCheck, option.Position,
                            $"optie {index} van {name} heeft geen 'feedback'"));
                    }
                }
                break;
            }
            case OrderingCheck ordering:
            {
                var at = check.FieldPositions.GetValueOrDefault("items", check.Position);
                if (ordering.Items.Count < 2)
                {
                    diagnostics.Add(Diagnostic.Error(DiagnosticCodes.IncompleteCheck, at,
                        $"{name} (volgorde) heeft {ordering.Items.Count} item(s); zet er minstens 2"));
                }
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var item in ordering.Items)
                {
                    if (!seen.Add(item.Text))
                    {
                        diagnostics.Add(Diagnostic.Error(DiagnosticCodes.IncompleteCheck, item.Position,
                            $"item '{Loading.FieldReader.Shorten(item.Text)}' staat twee keer in {name}; dan is de volgorde niet eenduidig"));
                    }
                }
                if (ordering.Feedback is null)
                {
                    diagnostics.Add(Diagnostic.Error(DiagnosticCodes.IncompleteCheck, check.Position,
                        $"{name} (volgorde) heeft geen 'feedback'"));
                }
                break;
            }
            case MatchingCheck matching:
            {
                var at = check.FieldPositions.GetValueOrDefault("paren", check.Position);
                if (matching.Pairs.Count < 2)
                {
                    diagnostics.Add(Diagnostic.Error(DiagnosticCodes.IncompleteCheck, at,
                        $"{name} (koppelen) heeft {matching.Pairs.Count} paar/paren; zet er minstens 2"));
                }
                var lefts = new HashSet<string>(StringComparer.Ordinal);
                var index = 0;
                foreach (var pair in matching.Pairs)
                {
                    index++;
                    if (pair.Left is { Length: > 0 } left && !lefts.Add(left))
                    {
                        diagnostics.Add(Diagnostic.Error(DiagnosticCodes.IncompleteCheck, pair.Position,
                            $"'links' van paar {index} in {name} komt al eerder voor; dan is de koppeling niet eenduidig"));
                    }
                    if (pair.Feedback is null)
                    {
                        diagnostics.Add(Diagnostic.Error(DiagnosticCodes.IncompleteCheck, pair.Position,
                            $"paar {index} van {name} heeft geen 'feedback'"));
                    }
                }
                break;
            }
        }
    }

    private static void CheckPhaseInstruments(string prefix, ContentLibrary library, ContentItem phase, List<Diagnostic> diagnostics)
    {
        foreach (var reference in phase.Instruments)
        {
            if (library.Find(ContentKind.Instrument, reference.Id) is { } instrument
                && instrument.FieldPositions.ContainsKey("fasen")
                && !instrument.Phases.Any(p => p.Id == phase.Id))
            {
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.PhaseInstrumentMismatch, reference.Position,
                    $"fase '{phase.Id}' noemt instrument '{instrument.Id}', maar dat instrument noemt fase:{phase.Id} niet in 'fasen' ({prefix}{instrument.File})"));
            }
        }
        foreach (var instrument in library.OfKind(ContentKind.Instrument))
        {
            if (phase.FieldPositions.ContainsKey("instrumenten")
                && instrument.Phases.FirstOrDefault(p => p.Id == phase.Id) is { } mention
                && !phase.Instruments.Any(i => i.Id == instrument.Id))
            {
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.PhaseInstrumentMismatch, mention.Position,
                    $"instrument '{instrument.Id}' noemt fase '{phase.Id}', maar die fase noemt instrument:{instrument.Id} niet in 'instrumenten' ({prefix}{phase.File})"));
            }
        }
    }

    private static void CheckDuplicateNumbers(string prefix, ContentLibrary library, List<Diagnostic> diagnostics)
    {
        foreach (var kind in ContentKinds.All)
        {
            var firstByNumber = new Dictionary<int, ContentItem>();
            foreach (var item in library.Items.Where(i => i.Kind == kind && i.Number is not null))
            {
                if (firstByNumber.TryGetValue(item.Number!.Value, out var first))
                {
                    diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.DuplicateNumber, item.PositionOf("nummer"),
                        $"nummer {item.Number} wordt al gebruikt door {kind.ToSlug()} '{first.Id}' ({prefix}{first.File}); de volgorde is dan niet eenduidig"));
                }
                else
                {
                    firstByNumber[item.Number.Value] = item;
                }
            }
        }
    }
}
