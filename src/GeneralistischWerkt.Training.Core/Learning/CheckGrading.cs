using GeneralistischWerkt.Training.Core.Content;

namespace GeneralistischWerkt.Training.Core.Learning;

/// <summary>The outcome of one answer to a knowledge check, part by part, so every option or pair can get feedback.</summary>
public sealed record CheckOutcome(bool IsCorrect, IReadOnlyList<bool> PartsCorrect);

/// <summary>Grades answers to knowledge checks. Pure: the same check and answer always give the same outcome.</summary>
public static class CheckGrading
{
    /// <summary>Correct when exactly the correct options are chosen. Parts: per option, whether its state was right.</summary>
    public static CheckOutcome Grade(MultipleChoiceCheck check, IReadOnlyCollection<int> selected)
    {
        var parts = check.Options.Select((option, index) => option.IsCorrect == selected.Contains(index)).ToList();
        return new CheckOutcome(parts.All(p => p), parts);
    }

    /// <summary>
    /// <paramref name="order"/> lists indexes into the check's items (which are stored in the right order) as the
    /// learner placed them. Parts: per position, whether the right item stands there.
    /// </summary>
    public static CheckOutcome Grade(OrderingCheck check, IReadOnlyList<int> order)
    {
        var parts = Enumerable.Range(0, check.Items.Count)
            .Select(position => position < order.Count && check.Items[order[position]].Text == check.Items[position].Text)
            .ToList();
        return new CheckOutcome(order.Count == check.Items.Count && parts.All(p => p), parts);
    }

    /// <summary><paramref name="chosen"/> holds, per pair in the check's order, the right-hand text the learner picked.</summary>
    public static CheckOutcome Grade(MatchingCheck check, IReadOnlyList<string?> chosen)
    {
        var parts = check.Pairs.Select((pair, index) => index < chosen.Count && chosen[index] == pair.Right).ToList();
        return new CheckOutcome(parts.All(p => p), parts);
    }

    /// <summary>
    /// A stable shuffle of 0..count-1 derived from a key (for example the check id), never the identity for two or
    /// more items, so an ordering check never starts out solved and the page looks the same after a reload.
    /// </summary>
    public static IReadOnlyList<int> StableShuffle(string key, int count)
    {
        var order = Core.StableShuffle.Permutation(key, count).ToList();
        if (count >= 2 && order.SequenceEqual(Enumerable.Range(0, count))) (order[0], order[1]) = (order[1], order[0]);
        return order;
    }
}
