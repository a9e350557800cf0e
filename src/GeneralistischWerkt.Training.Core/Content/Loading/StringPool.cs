namespace GeneralistischWerkt.Training.Core.Content.Loading;

/// <summary>
/// One shared string per distinct text while reading one file: ids recur many times in a scenario (every <c>naar</c>
/// repeats a node id, every score key a competency id), and the loaded model keeps them all. Not thread-safe; use one
/// pool per file.
/// </summary>
internal sealed class StringPool
{
    private readonly HashSet<string> strings = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> spans;

    public StringPool() => spans = strings.GetAlternateLookup<ReadOnlySpan<char>>();

    public string Intern(string text)
    {
        if (strings.TryGetValue(text, out var shared)) return shared;
        strings.Add(text);
        return text;
    }

    public string Intern(ReadOnlySpan<char> text)
    {
        if (spans.TryGetValue(text, out var shared)) return shared;
        var created = text.ToString();
        strings.Add(created);
        return created;
    }
}
