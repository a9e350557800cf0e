using GeneralistischWerkt.Training.Core.Content;
using static GeneralistischWerkt.Training.Core.Scenarios.ScenarioDiagnosticCodes;

namespace GeneralistischWerkt.Training.Core.Scenarios;

/// <summary>What the check found out about one loaded scenario.</summary>
public sealed record ScenarioReport(Scenario Scenario, int ErrorCount, int WarningCount)
{
    /// <summary>No errors in the scenario's file: the app may offer it.</summary>
    public bool IsPlayable => ErrorCount == 0;

    /// <summary>Nodes with choices.</summary>
    public int DecisionNodeCount => Scenario.Nodes.Count(n => n.Choices.Count > 0 && !n.IsEnding);

    public int EndingCount => Scenario.Nodes.Count(n => n.IsEnding);

    /// <summary>Highest reachable score per competency (<see cref="ScenarioAnalysis.MaxScores"/>); null when not playable.</summary>
    public IReadOnlyDictionary<string, int>? MaxScores { get; init; }

    /// <summary>How many test paths were replayed and passed; null when they could not be replayed (a broken graph).</summary>
    public int? TestPathsPassed { get; init; }

    public int TestPathCount => Scenario.TestPaths.Count;
}

/// <summary>The scenarios, the reports per scenario and all diagnostics (sorted), including the loader's.</summary>
public sealed record ScenarioCheckResult(ScenarioLoadResult Load, IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<ScenarioReport> Reports)
{
    public IReadOnlyList<Scenario> PlayableScenarios => Reports.Where(r => r.IsPlayable).Select(r => r.Scenario).ToList();

    public int FileCount => Load.FileCount;

    public int ErrorCount => Diagnostics.Count(d => d.IsError);

    public int WarningCount => Diagnostics.Count(d => !d.IsError);
}

/// <summary>
/// Checks scenarios the way authors need it: every rule and code of scenarios/README.md (GWT300–GWT313, GWT320,
/// warnings GWT350–GWT353), with the position of the offending field or value. Never throws because of content.
/// </summary>
public static class ScenarioValidator
{
    /// <summary>Loads and checks <c>root/scenarios</c> against <c>root/content/competenties.yml</c> and <paramref name="library"/>.</summary>
    public static ScenarioCheckResult Check(string root, ContentLibrary library) => Validate(ScenarioLoader.Load(root), library);

    /// <summary>Adds the rules that need the content and the whole graph to a load result.</summary>
    public static ScenarioCheckResult Validate(ScenarioLoadResult load, ContentLibrary library)
    {
        var diagnostics = new List<Diagnostic>(load.Diagnostics);
        diagnostics.AddRange(load.Catalog.CheckLinks(library));

        var replayed = new Dictionary<Scenario, int?>(ReferenceEqualityComparer.Instance);
        foreach (var scenario in load.Scenarios)
        {
            var own = new List<Diagnostic>();
            try
            {
                replayed[scenario] = Validate(scenario, library, load.Catalog, own);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                own.Add(Diagnostic.Error(Unreadable, new SourcePosition(scenario.File, 1, 1),
                    $"het scenario kon niet gecontroleerd worden ({e.GetType().Name}); meld dit aan de ontwikkelaars"));
                replayed[scenario] = null;
            }
            diagnostics.AddRange(own);
        }
        diagnostics.Sort(Diagnostic.Order);

        var reports = new List<ScenarioReport>();
        foreach (var scenario in load.Scenarios)
        {
            var errors = diagnostics.Count(d => d.IsError && d.File == scenario.File);
            var warnings = diagnostics.Count(d => !d.IsError && d.File == scenario.File);
            IReadOnlyDictionary<string, int>? max = null;
            if (errors == 0)
            {
                max = ScenarioAnalysis.MaxScores(scenario);
            }
            reports.Add(new ScenarioReport(scenario, errors, warnings) { MaxScores = max, TestPathsPassed = replayed.GetValueOrDefault(scenario) });
        }
        return new ScenarioCheckResult(load, diagnostics, reports);
    }

    /// <summary>
    /// Checks one scenario (the loader's diagnostics are not repeated). Returns how many test paths passed, or null
    /// when the graph is too broken to replay them.
    /// </summary>
    public static int? Validate(Scenario scenario, ContentLibrary library, CompetencyCatalog catalog, List<Diagnostic> diagnostics)
    {
        var check = new Checker(scenario, library, catalog, diagnostics);
        return check.Run();
    }

    private sealed class Checker(Scenario scenario, ContentLibrary library, CompetencyCatalog catalog, List<Diagnostic> diagnostics)
    {
        /// <summary>Set by problems that make replaying test paths meaningless (unknown nodes, cycles, nodes that are neither).</summary>
        private bool graphBroken;

        private readonly HashSet<string> declared = new(scenario.Competencies, StringComparer.Ordinal);

        private void Error(string code, SourcePosition at, string message) => diagnostics.Add(Diagnostic.Error(code, at, message));

        private void Warning(string code, SourcePosition at, string message) => diagnostics.Add(Diagnostic.Warning(code, at, message));

        public int? Run()
        {
            CheckMetadata();
            CheckNodes();
            var start = scenario.StartNodeId.Length == 0 ? null : scenario.Node(scenario.StartNodeId);
            if (scenario.StartNodeId.Length > 0 && start is null)
            {
                Error(UnknownNode, scenario.PositionOf("start"), $"'start' wijst naar knoop '{scenario.StartNodeId}', maar die bestaat niet");
            }
            if (start is null) graphBroken = true;
            else CheckReachability(start);
            CheckCycles(start);
            CheckSize();
            var passed = graphBroken ? (int?)null : ReplayTestPaths();
            Warn();
            return passed;
        }

        private void CheckMetadata()
        {
            if (scenario.PhaseId.Length > 0 && library.Find(ContentKind.Phase, scenario.PhaseId) is null)
            {
                var phases = library.OfKind(ContentKind.Phase).Select(p => p.Id);
                Error(InvalidValue, scenario.PositionOf("fase"),
                    $"er bestaat geen fase met id '{scenario.PhaseId}'; kies uit {string.Join(", ", phases)}");
            }
            if (!catalog.IsLoaded) return;
            for (var i = 0; i < scenario.Competencies.Count; i++)
            {
                var id = scenario.Competencies[i];
                if (!catalog.Contains(id))
                {
                    Error(UnknownReference, scenario.PositionOf(ScenarioFieldPositions.Item("competenties", i)),
                        $"onbekende competentie '{id}'; gebruik een id uit {ScenarioLoader.DefaultCompetenciesFile}");
                }
            }
        }

        private void CheckNodes()
        {
            foreach (var node in scenario.Nodes)
            {
                var name = $"knoop '{node.Id}'";
                if (node.SpeakerId.Length > 0 && node.SpeakerId != ScenarioNode.Narrator && scenario.Person(node.SpeakerId) is null)
                {
                    Error(UnknownReference, node.PositionOf("spreker"),
                        $"onbekende spreker '{node.SpeakerId}' in {name}; gebruik een id uit 'personen' of '{ScenarioNode.Narrator}'");
                }

                var hasChoices = node.FieldPositions.ContainsKey("keuzes");
                var hasEnding = node.FieldPositions.ContainsKey("einde");
                if (hasChoices && hasEnding)
                {
                    Error(ChoicesOrEnding, node.PositionOf("einde"), $"{name} heeft zowel 'keuzes' als een 'einde'; een knoop heeft het ene of het andere");
                    graphBroken = true;
                }
                else if (!hasChoices && !hasEnding)
                {
                    Error(ChoicesOrEnding, node.PositionOf("id"), $"{name} heeft geen 'keuzes' en geen 'einde'; zo loopt het gesprek hier vast");
                    graphBroken = true;
                }
                else if (hasChoices && node.Choices.Count < 2)
                {
                    Error(TooFewChoices, node.PositionOf("keuzes"),
                        $"{name} heeft {node.Choices.Count} keuze(s); een beslisknoop heeft er minstens twee (anders is het geen keuze)");
                }

                for (var i = 0; i < node.Choices.Count; i++)
                {
                    CheckChoice(node.Choices[i], $"keuze {i + 1} van {name}");
                }
            }
        }

        private void CheckChoice(ScenarioChoice choice, string name)
        {
            if (choice.NextNodeId.Length > 0 && scenario.Node(choice.NextNodeId) is null)
            {
                Error(UnknownNode, choice.PositionOf("naar"), $"{name} wijst naar knoop '{choice.NextNodeId}', maar die bestaat niet");
                graphBroken = true;
            }
            foreach (var competency in choice.Scores.Keys)
            {
                var at = choice.PositionOf(ScenarioFieldPositions.Entry("scores", competency));
                if (catalog.IsLoaded && !catalog.Contains(competency))
                {
                    Error(UnknownReference, at, $"onbekende competentie '{competency}' in {name}; gebruik een id uit {ScenarioLoader.DefaultCompetenciesFile}");
                }
                else if (!declared.Contains(competency))
                {
                    Error(UnknownReference, at,
                        $"{name} scoort op '{competency}', maar die staat niet in 'competenties' van dit scenario; voeg ze daar toe");
                }
            }
            foreach (var key in choice.StateChanges.Keys)
            {
                var at = choice.PositionOf(ScenarioFieldPositions.Entry("toestand", key));
                var dot = key.IndexOf('.');
                var person = dot > 0 ? scenario.Person(key[..dot]) : null;
                if (dot <= 0)
                {
                    Error(InvalidValue, at, $"'{key}' in 'toestand' ({name}) heeft niet de vorm persoon.toestand");
                }
                else if (person is null)
                {
                    Error(UnknownReference, at, $"onbekende persoon '{key[..dot]}' in '{key}' ({name}); gebruik een id uit 'personen'");
                }
                else if (person.States.All(s => s.Id != key[(dot + 1)..]))
                {
                    var known = person.States.Count == 0 ? "die persoon heeft geen 'toestand'" : "kies uit " + string.Join(", ", person.States.Select(s => $"{person.Id}.{s.Id}"));
                    Error(UnknownReference, at, $"onbekende toestand '{key}' ({name}); {known}");
                }
            }
            foreach (var link in choice.Links)
            {
                if (ContentValidator.ExplainLink(library, link) is { } problem)
                {
                    Error(UnknownReference, link.Position, $"link '{link.Target}' in {name}: {problem}");
                }
            }
        }

        private void CheckReachability(ScenarioNode start)
        {
            var reached = new HashSet<string>(StringComparer.Ordinal) { start.Id };
            var queue = new Queue<ScenarioNode>([start]);
            while (queue.Count > 0)
            {
                foreach (var choice in queue.Dequeue().Choices)
                {
                    if (scenario.Node(choice.NextNodeId) is { } next && reached.Add(next.Id)) queue.Enqueue(next);
                }
            }
            foreach (var node in scenario.Nodes.Where(n => !reached.Contains(n.Id)))
            {
                if (node.IsEnding)
                {
                    Error(UnreachableEnding, node.PositionOf("id"),
                        $"einde '{node.Id}' wordt door geen enkel pad bereikt; laat een keuze ernaar wijzen of verwijder het");
                }
                else
                {
                    Error(UnreachableNode, node.PositionOf("id"),
                        $"knoop '{node.Id}' is niet bereikbaar vanaf de start ('{scenario.StartNodeId}'); geen enkele keuze leidt ernaartoe");
                }
            }
        }

        /// <summary>Depth-first from the start, then from every node not yet visited; a choice to a node on the current path is a cycle.</summary>
        private void CheckCycles(ScenarioNode? start)
        {
            var done = new HashSet<string>(StringComparer.Ordinal);
            var onPath = new HashSet<string>(StringComparer.Ordinal);
            var roots = start is null ? scenario.Nodes : scenario.Nodes.Prepend(start);
            foreach (var root in roots)
            {
                if (done.Contains(root.Id)) continue;
                var stack = new Stack<(ScenarioNode Node, int NextChoice)>();
                stack.Push((root, 0));
                onPath.Add(root.Id);
                while (stack.Count > 0)
                {
                    var (node, index) = stack.Pop();
                    if (index >= node.Choices.Count)
                    {
                        onPath.Remove(node.Id);
                        done.Add(node.Id);
                        continue;
                    }
                    stack.Push((node, index + 1));
                    var choice = node.Choices[index];
                    if (scenario.Node(choice.NextNodeId) is not { } next || done.Contains(next.Id)) continue;
                    if (onPath.Contains(next.Id))
                    {
                        Error(Cycle, choice.PositionOf("naar"),
                            $"keuze {index + 1} van knoop '{node.Id}' leidt terug naar '{next.Id}', dat al op dit pad ligt (een lus); schrijf een nieuwe knoop");
                        graphBroken = true;
                        continue;
                    }
                    onPath.Add(next.Id);
                    stack.Push((next, 0));
                }
            }
        }

        private void CheckSize()
        {
            if (!scenario.InCatalogue || !scenario.FieldPositions.ContainsKey("knopen")) return;
            var decisions = scenario.Nodes.Count(n => n.Choices.Count > 0 && !n.IsEnding);
            var endings = scenario.Nodes.Count(n => n.IsEnding);
            if (decisions < MinimumDecisionNodes || endings < MinimumEndings)
            {
                Error(TooSmall, scenario.PositionOf("knopen"),
                    $"een scenario in de catalogus heeft minstens {MinimumDecisionNodes} beslisknopen en {MinimumEndings} eindes; " +
                    $"dit heeft er {decisions} en {endings} (een voorbeeld voor auteurs krijgt 'doelgroep: {ScenarioAudiences.Example}')");
            }
        }

        private int ReplayTestPaths()
        {
            var passed = 0;
            foreach (var path in scenario.TestPaths)
            {
                if (Replay(path)) passed++;
            }
            return passed;
        }

        private bool Replay(TestPath path)
        {
            var name = $"testpad '{path.Name}'";
            var run = ScenarioRun.Start(scenario);
            for (var i = 0; i < path.Choices.Count; i++)
            {
                var at = path.PositionOf(ScenarioFieldPositions.Item("keuzes", i));
                var number = path.Choices[i];
                if (run.IsFinished)
                {
                    Error(TestPathFails, at,
                        $"{name}: het gesprek is na {i} keuze(s) al afgelopen in '{run.CurrentNode.Id}'; keuze {i + 1} ({number}) is te veel");
                    return false;
                }
                if (number < 1 || number > run.Choices.Count)
                {
                    Error(TestPathFails, at,
                        $"{name}: keuze {number} bestaat niet in knoop '{run.CurrentNode.Id}' (die heeft {run.Choices.Count} keuzes, genummerd vanaf 1)");
                    return false;
                }
                try
                {
                    run = run.Choose(number - 1);
                }
                catch (ScenarioRunException e)
                {
                    Error(TestPathFails, at, $"{name}: {e.Message}");
                    return false;
                }
            }

            if (!run.IsFinished)
            {
                Error(TestPathFails, path.PositionOf("keuzes"),
                    $"{name}: na {path.Choices.Count} keuze(s) staat het gesprek in knoop '{run.CurrentNode.Id}', nog niet in een einde");
                return false;
            }
            var ok = true;
            if (run.CurrentNode.Id != path.EndingId)
            {
                Error(TestPathFails, path.PositionOf("einde"), $"{name} komt uit bij einde '{run.CurrentNode.Id}', niet bij '{path.EndingId}'");
                ok = false;
            }
            foreach (var (competency, expected) in path.Scores ?? new Dictionary<string, int>())
            {
                var actual = run.Scores.GetValueOrDefault(competency);
                if (actual != expected)
                {
                    Error(TestPathFails, path.PositionOf(ScenarioFieldPositions.Entry("scores", competency)),
                        $"{name}: de score voor '{competency}' is {actual}, niet {expected}");
                    ok = false;
                }
            }
            return ok;
        }

        private void Warn()
        {
            var choices = scenario.Nodes.SelectMany(n => n.Choices).ToList();
            foreach (var node in scenario.Nodes)
            {
                for (var i = 0; i < node.Choices.Count; i++)
                {
                    var choice = node.Choices[i];
                    if (!choice.Scores.Values.Any(v => v != 0) && string.IsNullOrWhiteSpace(choice.Feedback))
                    {
                        Warning(ChoiceWithoutEffect, choice.Position,
                            $"keuze {i + 1} van knoop '{node.Id}' verandert geen enkele score en heeft geen feedback; de coach leert er niets uit");
                    }
                }
                if (node.Choices.Count >= 2 && !node.IsEnding)
                {
                    var first = Scored(node.Choices[0]);
                    if (node.Choices.Skip(1).All(c => Scored(c).SetEquals(first)))
                    {
                        Warning(ChoicesScoreTheSame, node.PositionOf("keuzes"),
                            $"elke keuze in knoop '{node.Id}' scoort hetzelfde; zo maakt de keuze voor de score niets uit");
                    }
                }
            }

            var warned = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < scenario.Competencies.Count; i++)
            {
                var id = scenario.Competencies[i];
                if (!warned.Add(id) || (catalog.IsLoaded && !catalog.Contains(id))) continue;
                if (!choices.Any(c => c.Scores.GetValueOrDefault(id) != 0))
                {
                    Warning(CompetencyNeverScored, scenario.PositionOf(ScenarioFieldPositions.Item("competenties", i)),
                        $"competentie '{id}' staat in 'competenties', maar geen enkele keuze scoort erop");
                }
            }

            foreach (var person in scenario.People)
            {
                foreach (var state in person.States)
                {
                    var key = $"{person.Id}.{state.Id}";
                    if (!choices.Any(c => c.StateChanges.GetValueOrDefault(key) != 0))
                    {
                        Warning(StateNeverMoves, state.PositionOf("id"),
                            $"toestand '{key}' verandert door geen enkele keuze; laat keuzes hem bewegen of laat hem weg");
                    }
                }
            }
        }

        /// <summary>A choice's non-zero scores, as "competency=value" for comparing choices.</summary>
        private static HashSet<string> Scored(ScenarioChoice choice) =>
            choice.Scores.Where(s => s.Value != 0).Select(s => $"{s.Key}={s.Value}").ToHashSet(StringComparer.Ordinal);
    }
}
