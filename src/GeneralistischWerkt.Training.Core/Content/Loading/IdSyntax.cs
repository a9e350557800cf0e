namespace GeneralistischWerkt.Training.Core.Content.Loading;

/// <summary>
/// <see cref="ContentIds.IsValid"/> without the regular expression and on spans, for the hot path of reading files
/// (every node id, <c>naar</c>, score key and state key). Gives exactly the same answers, including the regex's
/// quirk that <c>$</c> also matches before one final <c>'\n'</c>, and the limit of 120 characters on the whole text.
/// </summary>
internal static class IdSyntax
{
    public static bool IsValid(ReadOnlySpan<char> id)
    {
        if (id.Length > 120) return false;
        if (id.Length > 0 && id[^1] == '\n') id = id[..^1];
        if (id.Length == 0) return false;
        var afterDash = true; // at the start as after a dash: no dash allowed
        foreach (var c in id)
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9') afterDash = false;
            else if (c == '-' && !afterDash) afterDash = true;
            else return false;
        }
        return !afterDash;
    }

    public static bool IsValid(string? id) => id is not null && IsValid(id.AsSpan());
}
