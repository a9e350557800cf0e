namespace GeneralistischWerkt.Training.Core.Scenarios;

/// <summary>How good a choice was compared with the other choices at its node: shown in colour and in words.</summary>
public enum ChoiceQuality
{
    /// <summary>On the best-scoring way on from this node.</summary>
    Strong,
    /// <summary>Not harmful, but a stronger choice existed.</summary>
    CouldBeStronger,
    /// <summary>Costs points: it works against the conversation.</summary>
    Weak,
}

public static class ChoiceQualities
{
    public static ChoiceQuality Of(Scenario scenario, ScenarioNode node, int choiceIndex)
    {
        var choice = node.Choices[choiceIndex];
        if (ScenarioAnalysis.IsAmongBest(scenario, node, choiceIndex)) return ChoiceQuality.Strong;
        return choice.TotalScore < 0 ? ChoiceQuality.Weak : ChoiceQuality.CouldBeStronger;
    }

    /// <summary>Kind words: the learner is practising, not being judged.</summary>
    public static string ToDutch(this ChoiceQuality quality) => quality switch
    {
        ChoiceQuality.Strong => "Sterke keuze",
        ChoiceQuality.CouldBeStronger => "Kan sterker",
        _ => "Werkt tegen je",
    };

    public static string ToSlug(this ChoiceQuality quality) => quality switch
    {
        ChoiceQuality.Strong => "sterk",
        ChoiceQuality.CouldBeStronger => "kan-sterker",
        _ => "zwak",
    };
}
