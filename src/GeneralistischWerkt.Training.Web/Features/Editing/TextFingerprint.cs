namespace GeneralistischWerkt.Training.Web.Features.Editing;

/// <summary>
/// A short fingerprint of a text (FNV-1a over its UTF-16 code units), computed the same way by wwwroot/js/autosave.js.
/// The page renders the fingerprint of what the server saved; the browser compares it with what is in the field to
/// know, without sending the text back, whether its local backup is still needed.
/// </summary>
public static class TextFingerprint
{
    public static string Of(string? text)
    {
        var hash = 2166136261u;
        foreach (var c in text ?? "")
        {
            hash ^= c;
            hash *= 16777619u;
        }
        return hash.ToString("x8");
    }
}
