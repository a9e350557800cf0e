namespace GeneralistischWerkt.Training.Core;

/// <summary>
/// The one way this app shuffles: a permutation of 0..count-1 that depends only on a text key, so the same key always
/// gives the same order (after a reload, on another server, in a test) and different keys give different orders.
/// </summary>
public static class StableShuffle
{
    public static IReadOnlyList<int> Permutation(string key, int count)
    {
        var order = Enumerable.Range(0, count).ToList();
        if (count < 2) return order;
        var seed = 17;
        foreach (var ch in key) seed = unchecked(seed * 31 + ch);
        // Seeded System.Random keeps its algorithm across .NET versions, so stored attempts keep their order.
        var random = new Random(seed);
        for (var i = count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order;
    }
}
