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

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Scenario, Dictionary<string, (int Total, int Outcome)>> WayCache = new();

    /// <summary>
    /// The index of the choice at this node that lies on the best-scoring way on (highest total over all
    /// competencies to an ending, ties broken by the better outcome, then by the first choice).
    /// </summary>
    public static int BestChoiceIndex(Scenario scenario, ScenarioNode node)
    {
        // The check asks this for every decision of every scenario (GWT354): one walk per scenario, not one per choice.
        var ways = Ways(scenario);
        var best = -1;
        (int Total, int Outcome) bestValue = (int.MinValue, int.MinValue);
        for (var i = 0; i < node.Choices.Count; i++)
        {
            var value = ChoiceValue(ways, node.Choices[i]);
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
        var ways = Ways(scenario);
        return best >= 0 && ChoiceValue(ways, node.Choices[choiceIndex]) == ChoiceValue(ways, node.Choices[best]);
    }

    private static Dictionary<string, (int Total, int Outcome)> Ways(Scenario scenario) =>
        WayCache.GetValue(scenario, static s => ComputeBestWays(s));

    /// <summary>A choice's worth: its own total plus the best total after it, then the best outcome it still allows.</summary>
    private static (int Total, int Outcome) ChoiceValue(Dictionary<string, (int Total, int Outcome)> ways, ScenarioChoice choice)
    {
        var (total, outcome) = ways.GetValueOrDefault(choice.NextNodeId, (0, int.MinValue));
        return (choice.TotalScore + total, outcome);
    }

    /// <summary>
    /// Per node: the highest summed choice total on a way from it to an ending (0 at an ending), and the best outcome
    /// (as −outcome, higher is better) of an ending reachable from it (<see cref="int.MinValue"/> when none is).
    /// </summary>
    private static Dictionary<string, (int Total, int Outcome)> ComputeBestWays(Scenario scenario)
    {
        var memo = new Dictionary<string, (int Total, int Outcome)>(StringComparer.Ordinal);
        var onPath = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in scenario.Nodes) Visit(node.Id);
        return memo;

        (int Total, int Outcome) Visit(string id)
        {
            if (memo.TryGetValue(id, out var known)) return known;
            var node = scenario.Node(id);
            if (node is null) return (0, int.MinValue);
            if (node.Ending is { } ending) return memo[id] = (0, -(int)ending.Outcome);
            if (node.Choices.Count == 0 || !onPath.Add(id)) return (0, int.MinValue);
            var total = int.MinValue;
            var outcome = int.MinValue;
            foreach (var choice in node.Choices)
            {
                var next = Visit(choice.NextNodeId);
                total = Math.Max(total, choice.TotalScore + next.Total);
                outcome = Math.Max(outcome, next.Outcome);
            }
            onPath.Remove(id);
            return memo[id] = (total, outcome);
        }
    }
}
