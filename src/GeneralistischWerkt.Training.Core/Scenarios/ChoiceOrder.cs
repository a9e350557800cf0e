namespace GeneralistischWerkt.Training.Core.Scenarios;

/// <summary>
/// The order in which the player shows the choices of a node in one attempt. Authors tend to write the best answer
/// first; shuffling per attempt stops a learner from learning the place instead of the answer. The order follows from
/// the attempt and the node alone, so a reload shows the same order, and it only changes what is shown: what is stored
/// is always the scenario's own choice index (<see cref="RunStep.ChoiceIndex"/>).
/// </summary>
public static class ChoiceOrder
{
    /// <summary>The scenario's choice indexes in display order.</summary>
    public static IReadOnlyList<int> For(long attemptId, ScenarioNode node) =>
        StableShuffle.Permutation($"poging:{attemptId}:{node.Id}", node.Choices.Count);
}
