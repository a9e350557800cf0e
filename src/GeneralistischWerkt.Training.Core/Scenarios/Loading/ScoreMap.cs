using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace GeneralistischWerkt.Training.Core.Scenarios.Loading;

/// <summary>
/// The <c>scores</c> and <c>toestand</c> of a choice (and the <c>scores</c> of a test path) as loaded: a read-only map
/// with ordinal keys in the order written, like the <see cref="Dictionary{TKey,TValue}"/> it replaces, but one small
/// object instead of three. A choice has one or two of each, and a big scenario has thousands of choices that all stay
/// in memory. The first two entries are fields; more go to an array.
/// </summary>
internal sealed class ScoreMap : IReadOnlyDictionary<string, int>
{
    /// <summary>An empty map, shared (it can't change).</summary>
    public static ScoreMap Empty { get; } = new();

    private string? key0, key1;
    private int value0, value1;
    private KeyValuePair<string, int>[]? more;
    private int count;

    public int Count => count;

    /// <summary>Adds <paramref name="key"/>, or replaces its value (keeping its place). Only while loading.</summary>
    public void Set(string key, int value)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (ReferenceEquals(this, Empty)) throw new InvalidOperationException("The empty map can't change.");
        var index = IndexOf(key);
        if (index < 0)
        {
            index = count++;
            if (index >= 2)
            {
                more ??= new KeyValuePair<string, int>[2];
                if (index - 2 == more.Length) Array.Resize(ref more, more.Length * 2);
            }
        }
        switch (index)
        {
            case 0: (key0, value0) = (key, value); break;
            case 1: (key1, value1) = (key, value); break;
            default: more![index - 2] = new(key, value); break;
        }
    }

    /// <summary>Entry <paramref name="index"/> (0 ≤ index &lt; <see cref="Count"/>) in the order written.</summary>
    public KeyValuePair<string, int> At(int index) => index switch
    {
        0 => new(key0!, value0),
        1 => new(key1!, value1),
        _ => more![index - 2],
    };

    private int IndexOf(string key)
    {
        for (var i = 0; i < count; i++)
        {
            if (string.Equals(At(i).Key, key, StringComparison.Ordinal)) return i;
        }
        return -1;
    }

    public int this[string key] => TryGetValue(key, out var value)
        ? value
        : throw new KeyNotFoundException($"The given key '{key}' was not present in the dictionary.");

    public bool ContainsKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return IndexOf(key) >= 0;
    }

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out int value)
    {
        ArgumentNullException.ThrowIfNull(key);
        var index = IndexOf(key);
        value = index >= 0 ? At(index).Value : 0;
        return index >= 0;
    }

    public IEnumerable<string> Keys
    {
        get
        {
            for (var i = 0; i < count; i++) yield return At(i).Key;
        }
    }

    public IEnumerable<int> Values
    {
        get
        {
            for (var i = 0; i < count; i++) yield return At(i).Value;
        }
    }

    public IEnumerator<KeyValuePair<string, int>> GetEnumerator()
    {
        for (var i = 0; i < count; i++) yield return At(i);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
