using GeneralistischWerkt.Training.Core.Content;
using GeneralistischWerkt.Training.Core.Content.Loading;
using static GeneralistischWerkt.Training.Core.Scenarios.ScenarioDiagnosticCodes;

namespace GeneralistischWerkt.Training.Core.Scenarios.Loading;

/// <summary>
/// Turns the text of one scenario file into a <see cref="Scenario"/> plus diagnostics: everything one file can tell
/// (GWT300–GWT303, GWT311). Rules that need the content, the competency list or the whole graph are
/// <see cref="ScenarioValidator"/>'s. Never throws for bad input.
/// </summary>
internal static class ScenarioFileReader
{
    public static readonly string[] ScenarioFields =
        ["id", "titel", "beschrijving", "thema", "fase", "duur", "doelgroep", "competenties", "personen", "start", "knopen", "testpaden",
         "rollen", "observatie", "bespreking"];

    private static readonly string[] PersonFields = ["id", "naam", "rol", "beschrijving", "toestand"];
    private static readonly string[] StateFields = ["id", "naam", "start", "min", "max"];
    private static readonly string[] NodeFields = ["id", "spreker", "tekst", "regie", "denkt", "keuzes", "einde"];
    private static readonly string[] ChoiceFields = ["tekst", "naar", "scores", "toestand", "feedback", "links", "reflectievraag"];
    private static readonly string[] EndingFields = ["uitkomst", "nabespreking"];
    private static readonly string[] TestPathFields = ["naam", "keuzes", "einde", "scores"];
    private static readonly string[] RoleCardFields = ["persoon", "wie", "wil-weten", "niet-zonder-toestemming", "zorgen"];
    private static readonly string[] ObservationFields = ["id", "tekst", "links"];

    /// <summary>More nodes than this is not a hand-written role-play; refusing it keeps every graph walk small.</summary>
    public const int MaxNodes = 1000;

    /// <summary>Limits on the other lists; far above what a role-play needs, low enough that no file takes long to check.</summary>
    private const int MaxChoices = 20, MaxPeople = 20, MaxObservationItems = 40, MaxStates = 20, MaxTestPaths = 100, MaxLinks = 20, MaxMapEntries = 50, MaxCompetencies = 100;

    /// <summary>Parses a scenario. <paramref name="file"/> is the path shown in diagnostics; its name must be <c>&lt;id&gt;.yml</c>.</summary>
    public static Scenario? Parse(string text, string file, List<Diagnostic> diagnostics) => Parse(text.AsMemory(), file, diagnostics);

    /// <summary>Parses a scenario from text in memory (e.g. a pooled buffer, which may be returned afterwards).</summary>
    public static Scenario? Parse(ReadOnlyMemory<char> text, string file, List<Diagnostic> diagnostics)
    {
        YamlValue? root;
        var pool = new StringPool(); // one string per distinct id, shared by the YAML tree and the model
        try
        {
            root = YamlTree.Parse(text, file, firstLine: 1,
                d => diagnostics.Add(d with { Code = InvalidValue }), documentName: "het bestand", pool);
        }
        catch (YamlTreeException e)
        {
            diagnostics.Add(Diagnostic.Error(Unreadable, e.Position, e.Message));
            return null;
        }

        var start = new SourcePosition(file, 1, 1);
        if (root is null)
        {
            diagnostics.Add(Diagnostic.Error(Unreadable, start,
                "het bestand is leeg; een scenario begint met id, titel, beschrijving, … (zie scenarios/README.md)"));
            return null;
        }
        if (root is not YamlMappingValue mapping)
        {
            diagnostics.Add(Diagnostic.Error(InvalidValue, root.Position,
                $"een scenario is een verzameling velden (id: …, titel: …), geen {root.Describe()}"));
            return null;
        }

        var fields = new FieldReader(mapping, "", diagnostics, ScenarioFieldRules.Scenario, pool);
        fields.RejectUnknownKeys(ScenarioFields);

        var stem = Path.GetFileNameWithoutExtension(file);
        var id = fields.Id("id", required: true);
        if (id is not null && id != stem)
        {
            fields.Error(InvalidValue, fields.Positions["id"], $"id '{id}' moet gelijk zijn aan de bestandsnaam: hernoem het bestand naar {id}.yml of zet id: {stem}");
        }

        var title = fields.Text("titel", required: true) ?? "";
        var description = fields.Text("beschrijving", required: true) ?? "";
        var theme = fields.Text("thema", required: true) ?? "";
        if (theme.Length > 0 && !ScenarioThemes.Names.ContainsKey(theme))
        {
            fields.Error(InvalidValue, fields.Positions["thema"],
                $"onbekend thema '{FieldReader.Shorten(theme)}'; kies uit {string.Join(", ", ScenarioThemes.Names.Keys)}");
            theme = "";
        }
        var phase = fields.Id("fase", required: true) ?? "";
        var duration = fields.Integer("duur", required: true, min: 1, max: 600) ?? 0;
        var audience = fields.Text("doelgroep", required: false);
        if (audience is { Length: > 0 } && !ScenarioAudiences.All.Contains(audience))
        {
            fields.Error(InvalidValue, fields.Positions["doelgroep"],
                $"onbekende doelgroep '{FieldReader.Shorten(audience)}'; kies uit {string.Join(", ", ScenarioAudiences.All)}");
            audience = ScenarioAudiences.Example; // unknown: keep it out of the catalogue (and out of the size check)
        }

        var competencies = ReadIdList(fields, "competenties", "elke competentie");
        var people = ReadPeople(fields);
        var startNode = fields.Id("start", required: true) ?? "";

        var nodeList = fields.List("knopen", required: true);
        if (nodeList is { Items.Count: > MaxNodes })
        {
            fields.Error(InvalidValue, fields.Positions["knopen"],
                $"dit scenario heeft {nodeList.Items.Count} knopen; meer dan {MaxNodes} kan de app niet aan. Splits het op in kleinere scenario's");
            return null;
        }
        var nodes = new List<ScenarioNode>(nodeList?.Items.Count ?? 0);
        var nodeIds = new Dictionary<string, SourcePosition>(nodeList?.Items.Count ?? 0, StringComparer.Ordinal);
        for (var i = 0; i < (nodeList?.Items.Count ?? 0); i++)
        {
            var node = ReadNode(fields, nodeList!.Items[i], i);
            if (node is null) continue;
            var at = node.PositionOf("id");
            if (nodeIds.TryGetValue(node.Id, out var first))
            {
                diagnostics.Add(Diagnostic.Error(DuplicateId, at,
                    $"knoop-id '{node.Id}' wordt al gebruikt op regel {first.Line}; elke knoop heeft een eigen id (deze knoop telt niet mee)"));
                continue;
            }
            nodeIds[node.Id] = at;
            nodes.Add(node);
        }

        var testPathList = fields.List("testpaden", required: false);
        var testPathItems = testPathList is null ? [] : fields.Limit(testPathList, "testpaden", MaxTestPaths);
        var testPaths = new List<TestPath>(testPathItems.Count);
        for (var i = 0; i < testPathItems.Count; i++)
        {
            if (ReadTestPath(fields, testPathItems[i], i) is { } path) testPaths.Add(path);
        }

        var roleCards = ReadRoleCards(fields);
        var observation = ReadObservation(fields);
        var prompts = ReadDiscussionPrompts(fields);

        return new Scenario
        {
            Id = id ?? stem,
            Title = title,
            Description = description,
            Theme = theme,
            PhaseId = phase,
            DurationMinutes = duration,
            Audience = audience ?? ScenarioAudiences.Coach,
            Competencies = competencies,
            People = people,
            StartNodeId = startNode,
            Nodes = nodes,
            TestPaths = testPaths,
            RoleCards = roleCards,
            Observation = observation,
            DiscussionPrompts = prompts,
            File = file,
            Position = mapping.Position,
            FieldPositions = fields.Positions,
        };
    }

    /// <summary>A list of ids; records <c>key[i]</c> positions. Invalid entries are reported and left out.</summary>
    private static List<string> ReadIdList(FieldReader fields, string key, string what)
    {
        var list = fields.List(key, required: true);
        if (list is null) return [];
        var items = fields.Limit(list, key, MaxCompetencies);
        var result = new List<string>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (fields.IdValue(item, what, key) is { } id)
            {
                fields.Positions.SetItem(key, result.Count, item.Position);
                result.Add(id);
            }
        }
        return result;
    }

    /// <summary>How messages name the <paramref name="index"/>th item of a list: <c>'id'</c> (its id, shortened) or its number.</summary>
    private static string NameOf(string? peeked, int index) =>
        peeked is not null ? $"'{FieldReader.Shorten(peeked)}'" : (index + 1).ToString();

    private static readonly Func<FieldContext, string> PersonContext = static c => $"in persoon {NameOf(c.First, c.FirstIndex)}";

    private static readonly Func<FieldContext, string> StateContext = static c =>
        $"in {(c.Second is { } state ? $"toestand '{FieldReader.Shorten(state)}'" : "een toestand")} van persoon {NameOf(c.First, c.FirstIndex)}";

    private static readonly Func<FieldContext, string> NodeContext = static c => $"in knoop {NameOf(c.First, c.FirstIndex)}";

    private static readonly Func<FieldContext, string> ChoiceContext = static c =>
        $"in keuze {c.SecondIndex + 1} van knoop {NameOf(c.First, c.FirstIndex)}";

    private static readonly Func<FieldContext, string> EndingContext = static c => $"in het einde van knoop {NameOf(c.First, c.FirstIndex)}";

    private static readonly Func<FieldContext, string> TestPathContext = static c => $"in testpad {NameOf(c.First, c.FirstIndex)}";

    /// <summary>How many entries the mapping under <paramref name="key"/> has (0 if it isn't a mapping): a capacity hint.</summary>
    private static int EntryCount(YamlMappingValue mapping, string key) =>
        mapping.TryGet(key, out var value) && value is YamlMappingValue map ? Math.Min(map.Entries.Length, MaxMapEntries) : 0;

    private static List<ScenarioPerson> ReadPeople(FieldReader fields)
    {
        var list = fields.List("personen", required: true);
        if (list is null) return [];
        var items = fields.Limit(list, "personen", MaxPeople);
        var people = new List<ScenarioPerson>(items.Count);
        var ids = new Dictionary<string, SourcePosition>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not YamlMappingValue mapping)
            {
                fields.Error(InvalidValue, items[i].Position,
                    $"elke persoon is een verzameling velden (id, naam, rol, beschrijving), geen {items[i].Describe()}");
                continue;
            }
            var peeked = FieldReader.Peek(mapping, "id");
            var person = fields.Child(mapping, new FieldContext(PersonContext, peeked, i));
            person.RejectUnknownKeys(PersonFields);
            var id = person.Id("id", required: true);
            if (id == ScenarioNode.Narrator)
            {
                person.Error(InvalidValue, person.Positions["id"],
                    $"'{ScenarioNode.Narrator}' is gereserveerd voor regie zonder spreker; kies een andere persoon-id");
                id = null;
            }
            var displayName = person.Text("naam", required: true) ?? "";
            var role = person.Text("rol", required: true) ?? "";
            var description = person.Text("beschrijving", required: true) ?? "";
            var states = ReadStates(person, peeked, i);
            if (id is null) continue;
            if (ids.TryGetValue(id, out var first))
            {
                fields.Error(DuplicateId, person.Positions["id"], $"persoon-id '{id}' wordt al gebruikt op regel {first.Line}");
                continue;
            }
            ids[id] = person.Positions["id"];
            people.Add(new ScenarioPerson(id, displayName, role, description, states)
            {
                Position = mapping.Position,
                FieldPositions = person.Positions,
            });
        }
        return people;
    }

    private static List<PersonState> ReadStates(FieldReader person, string? personPeeked, int personIndex)
    {
        var list = person.List("toestand", required: false);
        if (list is null) return [];
        var items = person.Limit(list, "toestand", MaxStates);
        var states = new List<PersonState>(items.Count);
        var ids = new Dictionary<string, SourcePosition>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (item is not YamlMappingValue mapping)
            {
                person.Error(InvalidValue, item.Position,
                    $"elke toestand is een verzameling velden (id, naam, start, min, max), geen {item.Describe()}{person.In}");
                continue;
            }
            var state = person.Child(mapping, new FieldContext(StateContext, personPeeked, personIndex, FieldReader.Peek(mapping, "id")));
            state.RejectUnknownKeys(StateFields);
            var id = state.Id("id", required: true);
            var displayName = state.Text("naam", required: true) ?? "";
            var start = state.Integer("start", required: true);
            var min = state.Integer("min", required: true);
            var max = state.Integer("max", required: true);
            if (min is { } low && max is { } high && low > high)
            {
                state.Error(InvalidValue, state.Positions["max"], $"'max' ({high}) is kleiner dan 'min' ({low}){state.In}");
                max = low; // keep the state usable so that choices that move it are not reported as unknown
            }
            else if (start is { } s && min is { } lo && max is { } hi && (s < lo || s > hi))
            {
                state.Error(InvalidValue, state.Positions["start"], $"'start' ({s}) ligt niet tussen 'min' ({lo}) en 'max' ({hi}){state.In}");
                start = Math.Clamp(s, lo, hi);
            }
            if (id is null) continue;
            if (ids.TryGetValue(id, out var first))
            {
                state.Error(DuplicateId, state.Positions["id"], $"toestand-id '{id}' wordt al gebruikt op regel {first.Line} bij persoon {NameOf(personPeeked, personIndex)}");
                continue;
            }
            ids[id] = state.Positions["id"];
            var (minimum, maximum) = (min ?? int.MinValue, max ?? int.MaxValue);
            states.Add(new PersonState(id, displayName, Math.Clamp(start ?? 0, minimum, maximum), minimum, maximum)
            {
                Position = mapping.Position,
                FieldPositions = state.Positions,
            });
        }
        return states;
    }

    private static ScenarioNode? ReadNode(FieldReader scenario, YamlValue value, int index)
    {
        if (value is not YamlMappingValue mapping)
        {
            scenario.Error(InvalidValue, value.Position,
                $"elke knoop is een verzameling velden (id, spreker, tekst, …), geen {value.Describe()}");
            return null;
        }
        var peeked = FieldReader.Peek(mapping, "id");
        // An ending adds einde.uitkomst and einde.nabespreking to the node's positions.
        var fields = scenario.Child(mapping, new FieldContext(NodeContext, peeked, index), mapping.TryGet("einde", out _) ? 2 : 0);
        fields.RejectUnknownKeys(NodeFields);
        var id = fields.Id("id", required: true);
        var speaker = fields.Id("spreker", required: true) ?? "";
        var text = fields.Text("tekst", required: true) ?? "";
        var stageDirection = fields.Text("regie", required: false);
        var thought = fields.Text("denkt", required: false);

        var choiceList = fields.List("keuzes", required: false);
        var choiceItems = choiceList is null ? [] : fields.Limit(choiceList, "keuzes", MaxChoices);
        // An exact-size array: a node keeps it for as long as the scenario is loaded.
        var choices = choiceItems.Count == 0 ? [] : new ScenarioChoice[choiceItems.Count];
        var choiceCount = 0;
        for (var i = 0; i < choiceItems.Count; i++)
        {
            var choice = ReadChoice(scenario, choiceItems[i], i, peeked, index);
            if (choice is not null) choices[choiceCount++] = choice;
        }
        if (choiceCount < choices.Length) Array.Resize(ref choices, choiceCount);

        var ending = ReadEnding(fields, peeked, index);
        if (id is null) return null;
        return new ScenarioNode
        {
            Id = id,
            SpeakerId = speaker,
            Text = text,
            StageDirection = stageDirection,
            Thought = thought,
            Choices = choices,
            Ending = ending,
            Position = mapping.Position,
            FieldPositions = fields.Positions,
        };
    }

    private static ScenarioEnding? ReadEnding(FieldReader node, string? nodePeeked, int nodeIndex)
    {
        var value = node.Value("einde", required: false);
        if (value is null) return null;
        if (value is not YamlMappingValue mapping)
        {
            node.Error(InvalidValue, value.Position,
                $"'einde' moet een verzameling velden zijn (uitkomst, nabespreking), geen {value.Describe()}{node.In}");
            return null;
        }
        var fields = node.Child(mapping, new FieldContext(EndingContext, nodePeeked, nodeIndex));
        fields.RejectUnknownKeys(EndingFields);
        var outcomeText = fields.Text("uitkomst", required: true);
        var outcome = ScenarioOutcome.Failed;
        if (outcomeText is { Length: > 0 } && !ScenarioOutcomes.TryParse(outcomeText, out outcome))
        {
            fields.Error(InvalidValue, fields.Positions["uitkomst"],
                $"onbekende uitkomst '{FieldReader.Shorten(outcomeText)}'{fields.In}; kies uit geslaagd, deels, niet-geslaagd");
        }
        var debrief = fields.Text("nabespreking", required: true) ?? "";
        node.Positions.SetEntries("einde", fields.Positions);
        return new ScenarioEnding(outcome, debrief);
    }

    private static ScenarioChoice? ReadChoice(FieldReader scenario, YamlValue value, int index, string? nodePeeked, int nodeIndex)
    {
        if (value is not YamlMappingValue mapping)
        {
            scenario.Error(InvalidValue, value.Position,
                $"elke keuze is een verzameling velden (tekst, naar, feedback, …), geen {value.Describe()} (keuze {index + 1} in knoop {NameOf(nodePeeked, nodeIndex)})");
            return null;
        }
        var fields = scenario.Child(mapping, new FieldContext(ChoiceContext, nodePeeked, nodeIndex, secondIndex: index),
            EntryCount(mapping, "scores") + EntryCount(mapping, "toestand"));
        fields.RejectUnknownKeys(ChoiceFields);
        var text = fields.Text("tekst", required: true) ?? "";
        var next = fields.Id("naar", required: true) ?? "";
        var scores = ReadNumberMap(fields, "scores", "{ parafraseren: 2 }", key => IdSyntax.IsValid(key)
            ? null
            : "is geen competentie-id (kleine letters, cijfers en '-')");
        var stateChanges = ReadNumberMap(fields, "toestand", "{ sara.vertrouwen: 1 }", key =>
        {
            var dot = key.IndexOf('.');
            return dot > 0 && IdSyntax.IsValid(key.AsSpan(0, dot)) && IdSyntax.IsValid(key.AsSpan(dot + 1))
                ? null
                : "heeft niet de vorm persoon.toestand (bv. sara.vertrouwen)";
        });
        var feedback = fields.Text("feedback", required: true) ?? "";
        var links = ReadLinks(fields);
        var reflection = fields.Text("reflectievraag", required: false);
        return new ScenarioChoice(text, next, scores, stateChanges, feedback, links, reflection)
        {
            Position = mapping.Position,
            FieldPositions = fields.Positions,
        };
    }

    /// <summary>A mapping of key → whole number, e.g. scores; records <c>key.entry</c> positions at each entry's key.</summary>
    private static ScoreMap ReadNumberMap(FieldReader fields, string key, string example, Func<string, string?> checkKey)
    {
        var map = fields.Map(key, required: false, example);
        if (map is null || map.Entries.Length == 0) return ScoreMap.Empty;
        var result = new ScoreMap();
        foreach (var (entryKey, entryKeyPosition, entryValue) in fields.Limit(map, key, MaxMapEntries))
        {
            var name = entryKey.Trim();
            if (checkKey(name) is { } problem)
            {
                fields.Error(InvalidValue, entryKeyPosition, $"'{FieldReader.Shorten(name)}' in '{key}' {problem}{fields.In}");
                continue;
            }
            if (!fields.TryInteger(entryValue, out var number))
            {
                fields.Error(InvalidValue, entryValue.Position,
                    $"'{key}' van '{name}' moet een geheel getal zijn, niet {fields.Show(entryValue)}{fields.In}");
                continue;
            }
            name = fields.Share(name);
            fields.Positions.SetEntry(key, name, entryKeyPosition);
            result.Set(name, number);
        }
        return result;
    }

    /// <summary>The links as an exact-size array (a choice keeps it for as long as the scenario is loaded).</summary>
    private static ContentReference[] ReadLinks(FieldReader fields, bool required = false)
    {
        var list = fields.List("links", required);
        if (list is null) return [];
        var items = fields.Limit(list, "links", MaxLinks);
        if (items.Count == 0) return [];
        var links = new ContentReference[items.Count];
        var count = 0;
        foreach (var item in items)
        {
            if (item is YamlScalarValue { IsNull: false } scalar && TryParseTarget(scalar.Text.Trim(), out var kind, out var id))
            {
                links[count++] = new ContentReference(fields.Share(kind), fields.Share(id), item.Position);
                continue;
            }
            fields.Error(InvalidValue, item.Position,
                $"elke link heeft de vorm soort:id (bv. techniek:parafraseren), niet {fields.Show(item)}{fields.In}");
        }
        if (count < links.Length) Array.Resize(ref links, count);
        return links;
    }

    /// <summary>
    /// <see cref="ContentReference.TryParseTarget"/> on spans: the same answer and the same (trimmed) kind and id, without
    /// allocating them, so that the caller can share them.
    /// </summary>
    private static bool TryParseTarget(string text, out ReadOnlySpan<char> kind, out ReadOnlySpan<char> id)
    {
        kind = id = default;
        if (string.IsNullOrEmpty(text)) return false;
        var colon = text.IndexOf(':');
        if (colon <= 0 || colon == text.Length - 1) return false;
        if (text.IndexOf(':', colon + 1) >= 0) return false;
        kind = text.AsSpan(0, colon).Trim();
        id = text.AsSpan(colon + 1).Trim();
        return kind.Length > 0 && id.Length > 0;
    }

    private static readonly Func<FieldContext, string> RoleCardContext = static c => $"in rolkaart {NameOf(c.First, c.FirstIndex)}";

    private static readonly Func<FieldContext, string> ObservationContext = static c => $"in observatie-item {NameOf(c.First, c.FirstIndex)}";

    /// <summary><c>rollen</c>: one card per person; whether the person exists is the validator's (GWT316).</summary>
    private static List<RoleCard> ReadRoleCards(FieldReader fields)
    {
        var list = fields.List("rollen", required: false);
        if (list is null) return [];
        var cards = new List<RoleCard>();
        foreach (var (item, i) in fields.Limit(list, "rollen", MaxPeople).Select((item, i) => (item, i)))
        {
            if (item is not YamlMappingValue mapping)
            {
                fields.Error(InvalidValue, item.Position,
                    $"elke rolkaart is een verzameling velden (persoon, wie, wil-weten, niet-zonder-toestemming, zorgen), geen {item.Describe()}");
                continue;
            }
            var card = fields.Child(mapping, new FieldContext(RoleCardContext, FieldReader.Peek(mapping, "persoon"), i));
            card.RejectUnknownKeys(RoleCardFields);
            var person = card.Id("persoon", required: true);
            var who = card.Text("wie", required: true) ?? "";
            var wants = card.Text("wil-weten", required: true) ?? "";
            var notWithout = card.Text("niet-zonder-toestemming", required: true) ?? "";
            var worries = card.Text("zorgen", required: true) ?? "";
            if (person is null) continue;
            cards.Add(new RoleCard(person, who, wants, notWithout, worries) { Position = mapping.Position, FieldPositions = card.Positions });
        }
        return cards;
    }

    /// <summary><c>observatie</c>: the checklist items; duplicate ids are GWT303, links are checked by the validator (GWT317).</summary>
    private static List<ObservationItem> ReadObservation(FieldReader fields)
    {
        var list = fields.List("observatie", required: false);
        if (list is null) return [];
        var items = new List<ObservationItem>();
        var ids = new Dictionary<string, SourcePosition>(StringComparer.Ordinal);
        foreach (var (item, i) in fields.Limit(list, "observatie", MaxObservationItems).Select((item, i) => (item, i)))
        {
            if (item is not YamlMappingValue mapping)
            {
                fields.Error(InvalidValue, item.Position, $"elk observatie-item is een verzameling velden (id, tekst, links), geen {item.Describe()}");
                continue;
            }
            var entry = fields.Child(mapping, new FieldContext(ObservationContext, FieldReader.Peek(mapping, "id"), i));
            entry.RejectUnknownKeys(ObservationFields);
            var id = entry.Id("id", required: true);
            var text = entry.Text("tekst", required: true) ?? "";
            var links = ReadLinks(entry, required: true);
            if (entry.Has("links") && links.Length == 0 && entry.Positions.TryGetValue("links", out var at))
                entry.Error(MissingField, at, $"'links' is leeg{entry.In}; koppel elk item aan de inhoud van de methodiek (bv. thema:informatie-delen-telefoon)");
            if (id is null) continue;
            if (ids.TryGetValue(id, out var first))
            {
                entry.Error(DuplicateId, entry.Positions["id"], $"observatie-item '{id}' wordt al gebruikt op regel {first.Line}");
                continue;
            }
            ids[id] = entry.Positions["id"];
            items.Add(new ObservationItem(id, text, links) { Position = mapping.Position, FieldPositions = entry.Positions });
        }
        return items;
    }

    /// <summary><c>bespreking</c>: knoop-id → prompt; whether the node is a decision is the validator's (GWT315).</summary>
    private static Dictionary<string, string> ReadDiscussionPrompts(FieldReader fields)
    {
        var prompts = new Dictionary<string, string>(StringComparer.Ordinal);
        var map = fields.Map("bespreking", required: false, "{ begin: Wat zie je hier? }");
        if (map is null) return prompts;
        foreach (var (key, keyPosition, value) in fields.Limit(map, "bespreking", MaxNodes))
        {
            var nodeId = key.Trim();
            if (!IdSyntax.IsValid(nodeId))
            {
                fields.Error(InvalidValue, keyPosition, $"'{FieldReader.Shorten(nodeId)}' in 'bespreking' is geen knoop-id");
                continue;
            }
            if (value is not YamlScalarValue { IsNull: false } scalar || string.IsNullOrWhiteSpace(scalar.Text))
            {
                fields.Error(EmptyText, value.Position, $"de bespreking van knoop '{nodeId}' is leeg");
                continue;
            }
            nodeId = fields.Share(nodeId);
            fields.Positions.SetEntry("bespreking", nodeId, keyPosition);
            prompts[nodeId] = scalar.Text.Trim();
        }
        return prompts;
    }

    private static TestPath? ReadTestPath(FieldReader scenario, YamlValue value, int index)
    {
        if (value is not YamlMappingValue mapping)
        {
            scenario.Error(InvalidValue, value.Position,
                $"elk testpad is een verzameling velden (naam, keuzes, einde), geen {value.Describe()}");
            return null;
        }
        var extra = (mapping.TryGet("keuzes", out var keuzes) && keuzes is YamlSequenceValue sequence ? Math.Min(sequence.Items.Count, MaxNodes) : 0)
            + EntryCount(mapping, "scores");
        var fields = scenario.Child(mapping, new FieldContext(TestPathContext, FieldReader.Peek(mapping, "naam"), index), extra);
        fields.RejectUnknownKeys(TestPathFields);
        var pathName = fields.Text("naam", required: true);
        var list = fields.List("keuzes", required: true);
        var usable = list is not null;
        if (list is { Items.Count: > MaxNodes })
        {
            fields.Error(InvalidValue, fields.Positions["keuzes"], $"een testpad heeft hoogstens {MaxNodes} keuzes, niet {list.Items.Count}{fields.In}");
            usable = false;
            list = null;
        }
        var choices = new List<int>(list?.Items.Count ?? 0);
        for (var i = 0; i < (list?.Items.Count ?? 0); i++)
        {
            var item = list!.Items[i];
            if (!fields.TryInteger(item, out var number))
            {
                fields.Error(InvalidValue, item.Position,
                    $"elke keuze in een testpad is een nummer (1 = de eerste keuze), niet {fields.Show(item)}{fields.In}");
                usable = false;
                continue;
            }
            fields.Positions.SetItem("keuzes", i, item.Position);
            choices.Add(number);
        }
        var ending = fields.Id("einde", required: true);
        var scores = fields.Has("scores")
            ? ReadNumberMap(fields, "scores", "{ parafraseren: 2 }", key => IdSyntax.IsValid(key) ? null : "is geen competentie-id")
            : null;
        if (!usable || ending is null) return null;
        return new TestPath(string.IsNullOrEmpty(pathName) ? $"testpad {index + 1}" : pathName, choices, ending, scores)
        {
            Position = mapping.Position,
            FieldPositions = fields.Positions,
        };
    }
}
