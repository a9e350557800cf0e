using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace GeneralistischWerkt.Training.Core.Content.Loading;

/// <summary>
/// Where each field's value starts, by key: what <see cref="FieldReader.Positions"/> records and the model keeps as
/// <c>FieldPositions</c>. Behaves like a <see cref="Dictionary{TKey,TValue}"/> with ordinal keys (insertion order;
/// setting an existing key keeps its place), but is built for the many small maps of a scenario file: one array of
/// entries searched linearly, and the composite keys <c>veld.sleutel</c> stored as their two parts, so
/// that recording e.g. <c>scores.parafraseren</c> for every choice allocates no string. Such keys are only spelled
/// out when the map is enumerated.
/// </summary>
internal sealed class PositionMap : IReadOnlyDictionary<string, SourcePosition>
{
    /// <summary>
    /// A key <see cref="Name"/> (<see cref="Key"/> null) or <c>Name.Key</c>, with its line and column. The file of the
    /// position is the map's (<see cref="file"/>) unless <see cref="files"/> says otherwise.
    /// </summary>
    private struct Entry
    {
        public string Name;
        public string? Key;
        public int Line;
        public int Column;

        public readonly int KeyLength => Key is null ? Name.Length : Name.Length + 1 + Key.Length;

        public readonly string Spelled() => Key is null ? Name : string.Concat(Name, ".", Key);

        /// <summary>Whether this entry's key, as text, equals <paramref name="key"/>.</summary>
        public readonly bool Matches(ReadOnlySpan<char> key)
        {
            if (Key is null) return key.SequenceEqual(Name);
            return key.Length == Name.Length + 1 + Key.Length
                && key.StartsWith(Name, StringComparison.Ordinal)
                && key[Name.Length] == '.'
                && key[(Name.Length + 1)..].SequenceEqual(Key);
        }

        /// <summary>Whether both keys, as text, are equal.</summary>
        public readonly bool SameKey(in Entry other)
        {
            if (Key is null && other.Key is null) return Name == other.Name;
            if (Key is not null && other.Key is not null && Name == other.Name) return Key == other.Key;
            var length = KeyLength;
            if (length != other.KeyLength) return false;
            if (length > 256) return Spelled() == other.Spelled();
            Span<char> text = stackalloc char[length];
            other.Name.CopyTo(text);
            if (other.Key is not null)
            {
                text[other.Name.Length] = '.';
                other.Key.CopyTo(text[(other.Name.Length + 1)..]);
            }
            return Matches(text);
        }
    }

    private static readonly Entry[] NoEntries = [];

    private Entry[] entries;
    private int count;

    /// <summary>The file of every position so far, unless <see cref="files"/> is set.</summary>
    private string file = "";

    /// <summary>Per entry, only once a position in another file than <see cref="file"/> was recorded (never, in practice).</summary>
    private string[]? files;

    public PositionMap(int capacity = 0)
    {
        entries = capacity > 0 ? new Entry[capacity] : NoEntries;
    }

    public int Count => count;

    /// <summary>The position of <paramref name="key"/>; setting adds the key or replaces its position.</summary>
    /// <exception cref="KeyNotFoundException">Getting a key that isn't there.</exception>
    public SourcePosition this[string key]
    {
        get => TryGetValue(key, out var position) ? position : throw new KeyNotFoundException($"The given key '{key}' was not present in the dictionary.");
        set
        {
            ArgumentNullException.ThrowIfNull(key);
            Set(new Entry { Name = key }, value);
        }
    }

    /// <summary>Records <c>name.key</c> (a map entry's key, e.g. <c>scores.parafraseren</c>).</summary>
    public void SetEntry(string name, string key, SourcePosition position) =>
        Set(new Entry { Name = name, Key = key }, position);

    /// <summary>Records <c>name[index]</c> (a list element, e.g. <c>competenties[2]</c>; few per file, so spelled out).</summary>
    public void SetItem(string name, int index, SourcePosition position)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        Set(new Entry { Name = $"{name}[{index.ToString(System.Globalization.CultureInfo.InvariantCulture)}]" }, position);
    }

    /// <summary>Records every key of <paramref name="other"/> as <c>name.key</c> (e.g. <c>einde.uitkomst</c>), in its order.</summary>
    public void SetEntries(string name, PositionMap other)
    {
        for (var i = 0; i < other.count; i++)
        {
            ref readonly var entry = ref other.entries[i];
            SetEntry(name, entry.Spelled(), other.PositionAt(i));
        }
    }

    private void Set(Entry entry, SourcePosition position)
    {
        entry.Line = position.Line;
        entry.Column = position.Column;
        for (var i = 0; i < count; i++)
        {
            if (entries[i].SameKey(entry))
            {
                entries[i].Line = position.Line;
                entries[i].Column = position.Column;
                SetFile(i, position.File);
                return;
            }
        }
        if (count == entries.Length) Array.Resize(ref entries, Math.Max(4, count * 2));
        entries[count] = entry;
        SetFile(count, position.File);
        count++;
    }

    /// <summary>Records the file of entry <paramref name="index"/> (an existing one, or the new one at <see cref="count"/>).</summary>
    private void SetFile(int index, string positionFile)
    {
        if (files is null)
        {
            if (count == 0 || index == 0 && count == 1)
            {
                file = positionFile; // the first (or only) entry decides
                return;
            }
            if (positionFile == file) return;
            files = new string[entries.Length];
            Array.Fill(files, file, 0, count);
        }
        if (files.Length < entries.Length) Array.Resize(ref files, entries.Length);
        files[index] = positionFile;
    }

    private SourcePosition PositionAt(int index) =>
        new(files is not null ? files[index] : file, entries[index].Line, entries[index].Column);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out SourcePosition value)
    {
        ArgumentNullException.ThrowIfNull(key);
        for (var i = 0; i < count; i++)
        {
            if (entries[i].Matches(key))
            {
                value = PositionAt(i);
                return true;
            }
        }
        value = default;
        return false;
    }

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public IEnumerable<string> Keys
    {
        get
        {
            for (var i = 0; i < count; i++) yield return entries[i].Spelled();
        }
    }

    public IEnumerable<SourcePosition> Values
    {
        get
        {
            for (var i = 0; i < count; i++) yield return PositionAt(i);
        }
    }

    public IEnumerator<KeyValuePair<string, SourcePosition>> GetEnumerator()
    {
        for (var i = 0; i < count; i++) yield return new(entries[i].Spelled(), PositionAt(i));
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
