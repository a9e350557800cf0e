using System.Runtime.InteropServices;
using GeneralistischWerkt.Training.Core.Content;
using GeneralistischWerkt.Training.Core.Scenarios.Loading;
using static GeneralistischWerkt.Training.Core.Scenarios.ScenarioDiagnosticCodes;

namespace GeneralistischWerkt.Training.Core.Scenarios;

/// <summary>
/// What the check found out about one loaded scenario. Self-contained (no reference to the <see cref="Scenario"/>), so a
/// check can release each scenario once it is checked.
/// </summary>
public sealed record ScenarioReport(string File, string Id, int ErrorCount, int WarningCount)
{
    /// <summary>No errors in the scenario's file: the app may offer it.</summary>
    public bool IsPlayable => ErrorCount == 0;

    /// <summary>Not an example (<see cref="Scenario.InCatalogue"/>).</summary>
    public bool InCatalogue { get; init; }

    /// <summary>The competencies the scenario declares, in its order.</summary>
    public IReadOnlyList<string> Competencies { get; init; } = [];

    /// <summary>Nodes with choices.</summary>
    public int DecisionNodeCount { get; init; }

    public int EndingCount { get; init; }

    /// <summary>Highest reachable score per competency (<see cref="ScenarioAnalysis.MaxScores"/>); null when not playable.</summary>
    public IReadOnlyDictionary<string, int>? MaxScores { get; init; }

    /// <summary>How many test paths were replayed and passed; null when they could not be replayed (a broken graph).</summary>
    public int? TestPathsPassed { get; init; }

    public int TestPathCount { get; init; }
}

/// <summary>
/// All diagnostics (sorted, the loader's included) and a report per loaded scenario. <see cref="ScenarioLoadResult.Scenarios"/>
/// of <see cref="Load"/> holds the scenarios themselves (same order as <see cref="Reports"/>) unless the check was
/// asked not to keep them.
/// </summary>
public sealed record ScenarioCheckResult(ScenarioLoadResult Load, IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<ScenarioReport> Reports)
{
    /// <summary>The error-free scenarios; empty when the check did not keep the scenarios.</summary>
    public IReadOnlyList<Scenario> PlayableScenarios => Load.Scenarios.Where((_, i) => Reports[i].IsPlayable).ToList();

    public int FileCount => Load.FileCount;

    public int ErrorCount => Diagnostics.Count(d => d.IsError);

    public int WarningCount => Diagnostics.Count(d => !d.IsError);
}

/// <summary>
/// Checks scenarios the way authors need it: every rule and code of scenarios/README.md (GWT300–GWT313, GWT320,
/// warnings GWT350–GWT355), with the position of the offending field or value. Never throws because of content.
/// </summary>
public static class ScenarioValidator
{
    /// <summary>Loads and checks <c>root/scenarios</c> against <c>root/content/competenties.yml</c> and <paramref name="library"/>.</summary>
    /// <remarks>
    /// The same result as <c>Validate(ScenarioLoader.Load(root), library)</c>, but each scenario is checked right after
    /// its file is read, on the same core, with the files spread over all cores.
    /// </remarks>
    /// <param name="keepScenarios">
    /// False for a check that only reports (the <c>check</c> command): each scenario is released as soon as it is
    /// checked, so memory stays small whatever the number of files, and <see cref="ScenarioLoadResult.Scenarios"/> is empty.
    /// </param>
    public static ScenarioCheckResult Check(string root, ContentLibrary library, bool keepScenarios = true)
    {
        var (load, checks) = ScenarioLoader.Load<ScenarioCheck>(Path.Combine(root, "scenarios"), Path.Combine(root, "content", "competenties.yml"),
            ScenarioLoader.DefaultScenariosPrefix, ScenarioLoader.DefaultCompetenciesFile,
            catalog => (scenario, loadDiagnostics) => CheckOne(scenario, library, catalog, HasError(loadDiagnostics, scenario.File)),
            keepScenarios);
        return Combine(load, library, checks!);
    }

    /// <summary>Adds the rules that need the content and the whole graph to a load result.</summary>
    public static ScenarioCheckResult Validate(ScenarioLoadResult load, ContentLibrary library)
    {
        var filesWithErrors = new HashSet<string>(StringComparer.Ordinal);
        foreach (var diagnostic in load.Diagnostics)
        {
            if (diagnostic.IsError) filesWithErrors.Add(diagnostic.File);
        }
        var checks = new ScenarioCheck[load.Scenarios.Count];
        Parallelism.For(checks.Length, i =>
        {
            var scenario = load.Scenarios[i];
            checks[i] = CheckOne(scenario, library, load.Catalog, filesWithErrors.Contains(scenario.File));
        });
        return Combine(load, library, checks);
    }

    /// <summary>
    /// What checking one scenario found: its own diagnostics (not the loader's), the test paths passed, and the report
    /// figures (errors still to be counted), so that the scenario itself need not be kept.
    /// </summary>
    private sealed record ScenarioCheck(List<Diagnostic> Diagnostics, int? TestPathsPassed, ScenarioReport Report);

    private static bool HasError(List<Diagnostic> diagnostics, string file)
    {
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.IsError && diagnostic.File == file) return true;
        }
        return false;
    }

    /// <summary>
    /// Checks one scenario. When neither the loader (<paramref name="loadErrors"/>) nor the check found an error in its
    /// file, it also computes <see cref="ScenarioAnalysis.MaxScores"/> here, on this core; the report keeps it only if the
    /// file has no errors after all diagnostics are merged (a duplicate id in another file adds one).
    /// </summary>
    private static ScenarioCheck CheckOne(Scenario scenario, ContentLibrary library, CompetencyCatalog catalog, bool loadErrors)
    {
        var own = new List<Diagnostic>();
        int? passed;
        try
        {
            passed = Validate(scenario, library, catalog, own);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            own.Add(Diagnostic.Error(Unreadable, new SourcePosition(scenario.File, 1, 1),
                $"het scenario kon niet gecontroleerd worden ({e.GetType().Name}); meld dit aan de ontwikkelaars"));
            passed = null;
        }
        // An error-free graph always has finite maximum scores: an exception here is a bug and must surface.
        var max = !loadErrors && !HasError(own, scenario.File) ? ScenarioAnalysis.MaxScores(scenario) : null;
        var report = new ScenarioReport(scenario.File, scenario.Id, 0, 0)
        {
            InCatalogue = scenario.InCatalogue,
            Competencies = scenario.Competencies,
            DecisionNodeCount = scenario.Nodes.Count(n => n.Choices.Count > 0 && !n.IsEnding),
            EndingCount = scenario.Nodes.Count(n => n.IsEnding),
            TestPathCount = scenario.TestPaths.Count,
            TestPathsPassed = passed,
            MaxScores = max,
        };
        return new ScenarioCheck(own, passed, report);
    }

    /// <summary>Merges the loader's and each scenario's diagnostics in scenario order, sorts them and makes the reports.</summary>
    private static ScenarioCheckResult Combine(ScenarioLoadResult load, ContentLibrary library, IReadOnlyList<ScenarioCheck> checks)
    {
        var catalogDiagnostics = load.Catalog.CheckLinks(library);
        var count = load.Diagnostics.Count + catalogDiagnostics.Count;
        foreach (var check in checks) count += check.Diagnostics.Count;
        var diagnostics = new List<Diagnostic>(count);
        diagnostics.AddRange(load.Diagnostics);
        diagnostics.AddRange(catalogDiagnostics);
        foreach (var check in checks) diagnostics.AddRange(check.Diagnostics);
        diagnostics.Sort(Diagnostic.Order);

        var perFile = new Dictionary<string, (int Errors, int Warnings)>(StringComparer.Ordinal);
        foreach (var diagnostic in diagnostics)
        {
            ref var counts = ref CollectionsMarshal.GetValueRefOrAddDefault(perFile, diagnostic.File, out _);
            if (diagnostic.IsError) counts.Errors++;
            else counts.Warnings++;
        }

        var reports = new List<ScenarioReport>(checks.Count);
        foreach (var check in checks)
        {
            var (errors, warnings) = perFile.GetValueOrDefault(check.Report.File);
            reports.Add(check.Report with { ErrorCount = errors, WarningCount = warnings, MaxScores = errors == 0 ? check.Report.MaxScores : null });
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
            CheckLivePractice();
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
            // Both need a sound graph: the best choice looks ahead to the endings.
            if (!graphBroken) WarnAboutBalance();
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

        /// <summary>The blocks for live team practice: discussion prompts, role cards and the observers' checklist.</summary>
        private void CheckLivePractice()
        {
            foreach (var (nodeId, _) in scenario.DiscussionPrompts)
            {
                var at = scenario.PositionOf(ScenarioFieldPositions.Entry("bespreking", nodeId));
                var node = scenario.Node(nodeId);
                if (node is null)
                    Error(UnknownDiscussionNode, at, $"'bespreking' noemt knoop '{nodeId}', maar die bestaat niet");
                else if (node.Choices.Count == 0)
                    Error(UnknownDiscussionNode, at, $"'bespreking' noemt {NodeName(node)}, maar dat is geen beslisknoop (een bespreking hoort bij een keuze)");
            }

            var carded = new Dictionary<string, SourcePosition>(StringComparer.Ordinal);
            foreach (var card in scenario.RoleCards)
            {
                var at = card.PositionOf("persoon");
                if (FindPerson(card.PersonId) is null)
                {
                    var known = string.Join(", ", scenario.People.Select(p => p.Id));
                    Error(UnknownRolePerson, at, $"rolkaart voor '{card.PersonId}', maar die persoon bestaat niet; kies uit 'personen': {known}");
                }
                else if (!carded.TryAdd(card.PersonId, at))
                {
                    Error(UnknownRolePerson, at, $"'{card.PersonId}' heeft al een rolkaart op regel {carded[card.PersonId].Line}; één kaart per persoon");
                }
            }

            foreach (var item in scenario.Observation)
            {
                foreach (var link in item.Links)
                {
                    if (ContentValidator.ExplainLink(library, link) is { } problem)
                        Error(ObservationLink, link.Position, $"link '{link.Target}' in observatie-item '{item.Id}': {problem}");
                }
            }
        }

        /// <summary>How messages name a node; spelled out only for a message.</summary>
        private static string NodeName(ScenarioNode node) => $"knoop '{node.Id}'";

        /// <summary>How messages name choice <paramref name="index"/> (0-based) of a node.</summary>
        private static string ChoiceName(ScenarioNode node, int index) => $"keuze {index + 1} van {NodeName(node)}";

        /// <summary><see cref="Scenario.Person"/> without a delegate per call.</summary>
        private ScenarioPerson? FindPerson(ReadOnlySpan<char> id)
        {
            var people = scenario.People;
            for (var i = 0; i < people.Count; i++)
            {
                if (people[i].Id.AsSpan().SequenceEqual(id)) return people[i];
            }
            return null;
        }

        private void CheckNodes()
        {
            foreach (var node in scenario.Nodes)
            {
                if (node.SpeakerId.Length > 0 && node.SpeakerId != ScenarioNode.Narrator && FindPerson(node.SpeakerId) is null)
                {
                    Error(UnknownReference, node.PositionOf("spreker"),
                        $"onbekende spreker '{node.SpeakerId}' in {NodeName(node)}; gebruik een id uit 'personen' of '{ScenarioNode.Narrator}'");
                }

                var hasChoices = node.FieldPositions.ContainsKey("keuzes");
                var hasEnding = node.FieldPositions.ContainsKey("einde");
                if (hasChoices && hasEnding)
                {
                    Error(ChoicesOrEnding, node.PositionOf("einde"), $"{NodeName(node)} heeft zowel 'keuzes' als een 'einde'; een knoop heeft het ene of het andere");
                    graphBroken = true;
                }
                else if (!hasChoices && !hasEnding)
                {
                    Error(ChoicesOrEnding, node.PositionOf("id"), $"{NodeName(node)} heeft geen 'keuzes' en geen 'einde'; zo loopt het gesprek hier vast");
                    graphBroken = true;
                }
                else if (hasChoices && node.Choices.Count < 2)
                {
                    Error(TooFewChoices, node.PositionOf("keuzes"),
                        $"{NodeName(node)} heeft {node.Choices.Count} keuze(s); een beslisknoop heeft er minstens twee (anders is het geen keuze)");
                }

                for (var i = 0; i < node.Choices.Count; i++)
                {
                    CheckChoice(node, i);
                }
            }
        }

        private void CheckChoice(ScenarioNode node, int index)
        {
            var choice = node.Choices[index];
            if (choice.NextNodeId.Length > 0 && scenario.Node(choice.NextNodeId) is null)
            {
                Error(UnknownNode, choice.PositionOf("naar"), $"{ChoiceName(node, index)} wijst naar knoop '{choice.NextNodeId}', maar die bestaat niet");
                graphBroken = true;
            }
            if (choice.Scores is ScoreMap scores)
            {
                for (var i = 0; i < scores.Count; i++) CheckScore(node, index, scores.At(i).Key);
            }
            else
            {
                foreach (var competency in choice.Scores.Keys) CheckScore(node, index, competency);
            }
            if (choice.StateChanges is ScoreMap states)
            {
                for (var i = 0; i < states.Count; i++) CheckStateChange(node, index, states.At(i).Key);
            }
            else
            {
                foreach (var key in choice.StateChanges.Keys) CheckStateChange(node, index, key);
            }
            foreach (var link in choice.Links)
            {
                if (ContentValidator.ExplainLink(library, link) is { } problem)
                {
                    Error(UnknownReference, link.Position, $"link '{link.Target}' in {ChoiceName(node, index)}: {problem}");
                }
            }
        }

        private void CheckScore(ScenarioNode node, int index, string competency)
        {
            if (catalog.IsLoaded && !catalog.Contains(competency))
            {
                Error(UnknownReference, ScorePosition(node, index, competency),
                    $"onbekende competentie '{competency}' in {ChoiceName(node, index)}; gebruik een id uit {ScenarioLoader.DefaultCompetenciesFile}");
            }
            else if (!declared.Contains(competency))
            {
                Error(UnknownReference, ScorePosition(node, index, competency),
                    $"{ChoiceName(node, index)} scoort op '{competency}', maar die staat niet in 'competenties' van dit scenario; voeg ze daar toe");
            }
        }

        private static SourcePosition ScorePosition(ScenarioNode node, int index, string competency) =>
            node.Choices[index].PositionOf(ScenarioFieldPositions.Entry("scores", competency));

        private void CheckStateChange(ScenarioNode node, int index, string key)
        {
            SourcePosition At() => node.Choices[index].PositionOf(ScenarioFieldPositions.Entry("toestand", key));
            var dot = key.IndexOf('.');
            var person = dot > 0 ? FindPerson(key.AsSpan(0, dot)) : null;
            if (dot <= 0)
            {
                Error(InvalidValue, At(), $"'{key}' in 'toestand' ({ChoiceName(node, index)}) heeft niet de vorm persoon.toestand");
            }
            else if (person is null)
            {
                Error(UnknownReference, At(), $"onbekende persoon '{key[..dot]}' in '{key}' ({ChoiceName(node, index)}); gebruik een id uit 'personen'");
            }
            else if (!HasState(person, key.AsSpan(dot + 1)))
            {
                var known = person.States.Count == 0 ? "die persoon heeft geen 'toestand'" : "kies uit " + string.Join(", ", person.States.Select(s => $"{person.Id}.{s.Id}"));
                Error(UnknownReference, At(), $"onbekende toestand '{key}' ({ChoiceName(node, index)}); {known}");
            }
        }

        private static bool HasState(ScenarioPerson person, ReadOnlySpan<char> id)
        {
            foreach (var state in person.States)
            {
                if (state.Id.AsSpan().SequenceEqual(id)) return true;
            }
            return false;
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
                var step = i;
                SourcePosition At() => path.PositionOf(ScenarioFieldPositions.Item("keuzes", step));
                var number = path.Choices[i];
                if (run.IsFinished)
                {
                    Error(TestPathFails, At(),
                        $"{name}: het gesprek is na {i} keuze(s) al afgelopen in '{run.CurrentNode.Id}'; keuze {i + 1} ({number}) is te veel");
                    return false;
                }
                if (number < 1 || number > run.Choices.Count)
                {
                    Error(TestPathFails, At(),
                        $"{name}: keuze {number} bestaat niet in knoop '{run.CurrentNode.Id}' (die heeft {run.Choices.Count} keuzes, genummerd vanaf 1)");
                    return false;
                }
                try
                {
                    run = run.Choose(number - 1);
                }
                catch (ScenarioRunException e)
                {
                    Error(TestPathFails, At(), $"{name}: {e.Message}");
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
                    if (string.IsNullOrWhiteSpace(choice.Feedback) && NonZeroScores(choice) == 0)
                    {
                        Warning(ChoiceWithoutEffect, choice.Position,
                            $"keuze {i + 1} van knoop '{node.Id}' verandert geen enkele score en heeft geen feedback; de coach leert er niets uit");
                    }
                }
                if (node.Choices.Count >= 2 && !node.IsEnding)
                {
                    var same = true;
                    for (var i = 1; i < node.Choices.Count && same; i++) same = ScoreTheSame(node.Choices[0], node.Choices[i]);
                    if (same)
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

        /// <summary>
        /// GWT354 and GWT355 (thresholds in <see cref="ScenarioDiagnosticCodes"/>): "most" means more than half of the
        /// decision nodes, counted over every node with choices in the file.
        /// </summary>
        private void WarnAboutBalance()
        {
            var decisions = scenario.Nodes.Where(n => n.Choices.Count >= 2 && !n.IsEnding).ToList();
            if (decisions.Count < MinimumDecisionsForBalance) return;

            var bestAt = decisions.Select(n => ScenarioAnalysis.BestChoiceIndex(scenario, n)).ToList();
            var (position, count) = bestAt.GroupBy(i => i).Select(g => (g.Key, g.Count())).MaxBy(g => g.Item2);
            if (count * 2 > decisions.Count)
            {
                var nodes = decisions.Where((_, i) => bestAt[i] == position).ToList();
                Warning(BestChoiceSamePosition, nodes[0].Choices[position].Position,
                    $"de beste keuze staat in {count} van de {decisions.Count} beslisknopen op plaats {position + 1} " +
                    $"({NodeList(nodes)}); wissel de volgorde zodat ze in hoogstens de helft van de knopen op dezelfde plaats staat " +
                    "(pas de testpaden mee aan)");
            }

            var twoChoices = decisions.Where(n => n.Choices.Count == 2).ToList();
            if (twoChoices.Count * 2 > decisions.Count)
            {
                Warning(MostlyTwoChoices, twoChoices[0].PositionOf("keuzes"),
                    $"{twoChoices.Count} van de {decisions.Count} beslisknopen hebben maar twee keuzes ({NodeList(twoChoices)}); " +
                    "geef de meeste knopen minstens drie keuzes, met afleiders die een beginnende coach echt zou zeggen");
            }
        }

        /// <summary>The ids of at most five nodes, for a message that stays on one line.</summary>
        private static string NodeList(List<ScenarioNode> nodes) =>
            string.Join(", ", nodes.Take(5).Select(n => $"'{n.Id}'")) + (nodes.Count > 5 ? $" en {nodes.Count - 5} andere" : "");

        private static int NonZeroScores(ScenarioChoice choice)
        {
            var count = 0;
            if (choice.Scores is ScoreMap scores)
            {
                for (var i = 0; i < scores.Count; i++)
                {
                    if (scores.At(i).Value != 0) count++;
                }
                return count;
            }
            foreach (var (_, value) in choice.Scores)
            {
                if (value != 0) count++;
            }
            return count;
        }

        /// <summary>
        /// Whether two choices have the same non-zero scores: the same set of (competency, value) pairs, competencies
        /// compared ordinally. (The same answer as comparing sets of "competency=value" texts, without making them.)
        /// </summary>
        private static bool ScoreTheSame(ScenarioChoice a, ScenarioChoice b)
        {
            if (a.Scores is ScoreMap first && b.Scores is ScoreMap second)
            {
                var nonZero = 0;
                for (var i = 0; i < first.Count; i++)
                {
                    var (competency, value) = first.At(i);
                    if (value == 0) continue;
                    nonZero++;
                    var found = false;
                    for (var j = 0; j < second.Count && !found; j++)
                    {
                        var (key, score) = second.At(j);
                        found = score == value && string.Equals(key, competency, StringComparison.Ordinal);
                    }
                    if (!found) return false;
                }
                return nonZero == NonZeroScores(b);
            }
            var count = 0;
            foreach (var (competency, value) in a.Scores)
            {
                if (value == 0) continue;
                count++;
                if (!HasScore(b, competency, value)) return false;
            }
            return count == NonZeroScores(b);
        }

        private static bool HasScore(ScenarioChoice choice, string competency, int value)
        {
            foreach (var (key, score) in choice.Scores)
            {
                if (score == value && string.Equals(key, competency, StringComparison.Ordinal)) return true;
            }
            return false;
        }
    }
}
