using System.Buffers;

namespace GeneralistischWerkt.Training.Core.Formatting;

/// <summary>
/// The one place that makes names and titles written by users safe to show: bidirectional formatting characters
/// (embeddings and overrides U+202A–U+202E, isolates U+2066–U+2069, the marks U+200E, U+200F and U+061C) are
/// invisible and can make "Ann‮nimda" read as another name or reorder the text around it. Input with them is refused
/// by the administration; text stored before that is shown without them.
/// </summary>
public static class DisplayText
{
    private static readonly SearchValues<char> BidiControls =
        SearchValues.Create("\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C");

    public static bool HasBidiControls(string? text) => text is not null && text.AsSpan().ContainsAny(BidiControls);

    /// <summary>The text without bidirectional formatting characters (the same instance when it has none).</summary>
    public static string Neutralise(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text ?? "";
        var span = text.AsSpan();
        var first = span.IndexOfAny(BidiControls);
        if (first < 0) return text;
        return string.Create(text.Length - Count(span[first..]), text, static (target, source) =>
        {
            var written = 0;
            foreach (var c in source)
                if (!BidiControls.Contains(c)) target[written++] = c;
        });
    }

    private static int Count(ReadOnlySpan<char> span)
    {
        var count = 0;
        foreach (var c in span)
            if (BidiControls.Contains(c)) count++;
        return count;
    }

    /// <summary>The Dutch message for a name or title that contains such characters.</summary>
    public static string BidiMessage(string what) =>
        $"{what} bevat onzichtbare tekens die de leesrichting omkeren (bijvoorbeeld U+202E). Typ {what.ToLowerInvariant()} opnieuw zonder die tekens.";

    /// <summary>One or two capital letters for an avatar: first letters of the first and last word ("Mevrouw Peeters" → "MP").</summary>
    public static string Initials(string? name)
    {
        var words = Neutralise(name).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(w => char.IsLetter(w[0])).ToList();
        if (words.Count == 0) return "?";
        var first = char.ToUpperInvariant(words[0][0]).ToString();
        return words.Count == 1 ? first : first + char.ToUpperInvariant(words[^1][0]);
    }
}
