namespace GeneralistischWerkt.Training.Core.Scenarios;

/// <summary>
/// Facts about a scenario's graph, computed once per scenario. Requires an acyclic graph (the check refuses cycles);
/// on a cycle or a dangling edge it stops following that edge instead of looping.
/// </summary>
public static class ScenarioAnalysis
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Scenario, Dictionary<string, int>> MaxCache = new();

    /// <summary>Per declared or scored competency, the highest total a learner can reach on some path from the start.</summary>
    public static IReadOnlyDictionary<string, int> MaxScores(Scenario scenario) =>
        MaxCache.GetValue(scenario, static s => ComputeMaxScores(s));

    /// <summary>
    /// What <see cref="BestFrom"/> gives per competency, for all competencies in one walk: the walk (which nodes are
    /// visited, memoized or cut off as a cycle) doesn't depend on the values, so one walk with a vector of totals per
    /// node gives exactly the per-competency answers.
    /// </summary>
    private static Dictionary<string, int> ComputeMaxScores(Scenario scenario)
    {
        // The declared competencies, then every scored one, each once, in order of first appearance.
        var competencies = new List<string>();
        var seen = new HashSet<string>();
        foreach (var competency in scenario.Competencies)
        {
            if (seen.Add(competency)) competencies.Add(competency);
        }
        foreach (var node in scenario.Nodes)
        {
            foreach (var choice in node.Choices)
            {
                foreach (var (competency, _) in choice.Scores)
                {
                    if (seen.Add(competency)) competencies.Add(competency);
                }
            }
        }

        var count = competencies.Count;
        var none = new int[count]; // never written to
        var memo = new Dictionary<string, int[]>();
        var onPath = new HashSet<string>();
        var best = Visit(scenario.StartNodeId);

        var result = new Dictionary<string, int>(count);
        for (var i = 0; i < count; i++) result.Add(competencies[i], best[i]);
        return result;

        int[] Visit(string id)
        {
            if (memo.TryGetValue(id, out var known)) return known;
            var node = scenario.Node(id);
            if (node is null || node.IsEnding || node.Choices.Count == 0 || !onPath.Add(id)) return none;
            var totals = new int[count];
            for (var c = 0; c < node.Choices.Count; c++)
            {
                var choice = node.Choices[c];
                var next = Visit(choice.NextNodeId);
                for (var i = 0; i < count; i++)
                {
                    var total = choice.Scores.GetValueOrDefault(competencies[i]) + next[i];
                    totals[i] = c == 0 ? total : Math.Max(totals[i], total);
                }
            }
            onPath.Remove(id);
            memo[id] = totals;
            return totals;
        }
    }

    /// <summary>
    /// The index of the choice at this node that lies on the best-scoring way on (highest total over all
    /// competencies to an ending, ties broken by the better outcome, then by the first choice).
    /// </summary>
    public static int BestChoiceIndex(Scenario scenario, ScenarioNode node)
    {
        var best = -1;
        (int Total, int Outcome) bestValue = (int.MinValue, int.MinValue);
        for (var i = 0; i < node.Choices.Count; i++)
        {
            var value = ChoiceValue(scenario, node.Choices[i]);
            if (value.CompareTo(bestValue) > 0)
            {
                bestValue = value;
                best = i;
            }
        }
        return best;
    }

    /// <summary>Whether this choice is as good as the best one at its node (ties count as best).</summary>
    public static bool IsAmongBest(Scenario scenario, ScenarioNode node, int choiceIndex)
    {
        var best = BestChoiceIndex(scenario, node);
        return best >= 0 && ChoiceValue(scenario, node.Choices[choiceIndex]) == ChoiceValue(scenario, node.Choices[best]);
    }

    /// <summary>A choice's worth: its own total plus the best total after it, then the best outcome it still allows.</summary>
    private static (int Total, int Outcome) ChoiceValue(Scenario scenario, ScenarioChoice choice) =>
        (choice.TotalScore + BestFrom(scenario, choice.NextNodeId, c => c.TotalScore), BestOutcomeFrom(scenario, choice.NextNodeId));

    /// <summary>Max over paths from <paramref name="nodeId"/> to an ending of the summed choice values.</summary>
    private static int BestFrom(Scenario scenario, string nodeId, Func<ScenarioChoice, int> value)
    {
        var memo = new Dictionary<string, int>();
        var onPath = new HashSet<string>();
        return Visit(nodeId);

        int Visit(string id)
        {
            if (memo.TryGetValue(id, out var known)) return known;
            var node = scenario.Node(id);
            if (node is null || node.IsEnding || node.Choices.Count == 0 || !onPath.Add(id)) return 0;
            var best = node.Choices.Max(c => value(c) + Visit(c.NextNodeId));
            onPath.Remove(id);
            memo[id] = best;
            return best;
        }
    }

    private static int BestOutcomeFrom(Scenario scenario, string nodeId)
    {
        var seen = new HashSet<string>();
        var best = int.MinValue;
        var stack = new Stack<string>([nodeId]);
        while (stack.Count > 0)
        {
            var node = scenario.Node(stack.Pop());
            if (node is null || !seen.Add(node.Id)) continue;
            if (node.Ending is { } ending) best = Math.Max(best, -(int)ending.Outcome);
            foreach (var choice in node.Choices) stack.Push(choice.NextNodeId);
        }
        return best;
    }
}
