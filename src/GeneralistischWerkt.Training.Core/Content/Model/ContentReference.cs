namespace GeneralistischWerkt.Training.Core.Content;

/// <summary>
/// A reference to another item, written as <c>soort:id</c> in front matter or as <c>[[soort:id]]</c> /
/// <c>[[soort:id|label]]</c> in a body. <see cref="Kind"/> is the <c>soort</c> exactly as written.
/// </summary>
public sealed record ContentReference(string Kind, string Id, SourcePosition Position, string? Label = null)
{
    /// <summary>The reference as written in front matter: <c>soort:id</c>.</summary>
    public string Target => $"{Kind}:{Id}";

    /// <summary>Parses <c>soort:id</c>. Returns false when the text is not of that shape (kind and id are not checked here).</summary>
    public static bool TryParseTarget(string? text, out string kind, out string id)
    {
        kind = id = "";
        if (string.IsNullOrEmpty(text)) return false;
        var colon = text.IndexOf(':');
        if (colon <= 0 || colon == text.Length - 1) return false;
        if (text.IndexOf(':', colon + 1) >= 0) return false;
        kind = text[..colon].Trim();
        id = text[(colon + 1)..].Trim();
        return kind.Length > 0 && id.Length > 0;
    }

    public override string ToString() => Target;
}
