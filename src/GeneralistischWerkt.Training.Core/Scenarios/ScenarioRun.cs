using System.Text.Json;

namespace GeneralistischWerkt.Training.Core.Scenarios;

public sealed record RunStep(ScenarioNode Node, int ChoiceIndex, ScenarioChoice Choice);

public sealed record CompetencyScore(string CompetencyId, int Score, int Max);

/// <summary>
/// One play of a scenario. Immutable and deterministic: the state is the scenario plus the list of choice indexes
/// made so far, so a run can be stored after every step (<see cref="Serialize"/>) and resumed anywhere by replaying.
/// </summary>
public sealed class ScenarioRun
{
    private readonly List<RunStep> steps;
    private readonly Dictionary<string, int> scores;
    private readonly Dictionary<string, int> states;

    private ScenarioRun(Scenario scenario, ScenarioNode current, List<RunStep> steps, Dictionary<string, int> scores,
        Dictionary<string, int> states)
    {
        Scenario = scenario;
        CurrentNode = current;
        this.steps = steps;
        this.scores = scores;
        this.states = states;
    }

    public Scenario Scenario { get; }
    public ScenarioNode CurrentNode { get; }
    public IReadOnlyList<RunStep> Steps => steps;
    public IReadOnlyList<ScenarioChoice> Choices => CurrentNode.Choices;
    public bool IsFinished => CurrentNode.IsEnding;
    public ScenarioOutcome? Outcome => CurrentNode.Ending?.Outcome;

    /// <summary>The choice indexes (0-based) made so far: the whole state of the run.</summary>
    public IReadOnlyList<int> Path => steps.Select(s => s.ChoiceIndex).ToList();

    /// <summary>Sum per competency of the scores of the choices made (competencies never scored are 0).</summary>
    public IReadOnlyDictionary<string, int> Scores => scores;

    /// <summary>Current value per "person.state", kept within the state's min and max.</summary>
    public IReadOnlyDictionary<string, int> States => states;

    public static ScenarioRun Start(Scenario scenario)
    {
        var start = scenario.Node(scenario.StartNodeId)
            ?? throw new ScenarioRunException($"Het scenario '{scenario.Id}' heeft geen startknoop '{scenario.StartNodeId}'.");
        var states = scenario.People
            .SelectMany(p => p.States.Select(s => (Key: $"{p.Id}.{s.Id}", s.Start)))
            .ToDictionary(x => x.Key, x => x.Start);
        var scores = scenario.Competencies.Distinct().ToDictionary(c => c, _ => 0);
        return new ScenarioRun(scenario, start, [], scores, states);
    }

    /// <summary>Replays the given choice indexes from the start. Throws <see cref="ScenarioRunException"/> if one is invalid.</summary>
    public static ScenarioRun Resume(Scenario scenario, IEnumerable<int> path)
    {
        var run = Start(scenario);
        foreach (var index in path) run = run.Choose(index);
        return run;
    }

    /// <summary>Takes choice <paramref name="index"/> (0-based) at the current node and returns the new run.</summary>
    public ScenarioRun Choose(int index)
    {
        if (IsFinished) throw new ScenarioRunException("Het gesprek is al afgelopen.");
        if (index < 0 || index >= Choices.Count)
            throw new ScenarioRunException($"Keuze {index + 1} bestaat niet in knoop '{CurrentNode.Id}'.");
        var choice = Choices[index];
        var next = Scenario.Node(choice.NextNodeId)
            ?? throw new ScenarioRunException($"Keuze {index + 1} in '{CurrentNode.Id}' wijst naar onbekende knoop '{choice.NextNodeId}'.");

        var newScores = new Dictionary<string, int>(scores);
        foreach (var (competency, delta) in choice.Scores)
            newScores[competency] = newScores.GetValueOrDefault(competency) + delta;

        var newStates = new Dictionary<string, int>(states);
        foreach (var (key, delta) in choice.StateChanges)
        {
            var definition = StateDefinition(key);
            var value = newStates.GetValueOrDefault(key, definition?.Start ?? 0) + delta;
            newStates[key] = definition is null ? value : Math.Clamp(value, definition.Min, definition.Max);
        }

        return new ScenarioRun(Scenario, next, [.. steps, new RunStep(CurrentNode, index, choice)], newScores, newStates);
    }

    /// <summary>Score per declared competency against the maximum reachable on some path.</summary>
    public IReadOnlyList<CompetencyScore> ScoreCard()
    {
        var max = ScenarioAnalysis.MaxScores(Scenario);
        return Scenario.Competencies.Distinct()
            .Select(c => new CompetencyScore(c, scores.GetValueOrDefault(c), max.GetValueOrDefault(c)))
            .ToList();
    }

    public PersonState? StateDefinition(string key)
    {
        var dot = key.IndexOf('.');
        if (dot < 0) return null;
        return Scenario.Person(key[..dot])?.States.FirstOrDefault(s => s.Id == key[(dot + 1)..]);
    }

    public string Serialize() => JsonSerializer.Serialize(new SerializedRun(Scenario.Id, Path.ToArray()));

    public static ScenarioRun Deserialize(Scenario scenario, string json)
    {
        SerializedRun? data;
        try
        {
            data = JsonSerializer.Deserialize<SerializedRun>(json);
        }
        catch (JsonException exception)
        {
            throw new ScenarioRunException($"Opgeslagen poging is onleesbaar: {exception.Message}");
        }
        if (data is null || data.ScenarioId != scenario.Id)
            throw new ScenarioRunException($"Opgeslagen poging hoort niet bij scenario '{scenario.Id}'.");
        return Resume(scenario, data.Path ?? []);
    }

    private sealed record SerializedRun(string ScenarioId, int[]? Path);
}

public sealed class ScenarioRunException(string message) : Exception(message);
