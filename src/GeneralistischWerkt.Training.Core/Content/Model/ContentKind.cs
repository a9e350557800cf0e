namespace GeneralistischWerkt.Training.Core.Content;

/// <summary>The kinds of content item. The author-facing name (<c>soort</c>) is Dutch; see <see cref="ContentKinds"/>.</summary>
public enum ContentKind
{
    /// <summary><c>fiche</c>: one of the eight basic attitudes (basishoudingen).</summary>
    CoreAttitude,
    /// <summary><c>techniek</c>: a conversation technique.</summary>
    Technique,
    /// <summary><c>vraagtype</c>: a question type.</summary>
    QuestionType,
    /// <summary><c>levensdomein</c>: one of the ten life domains.</summary>
    LifeDomain,
    /// <summary><c>fase</c>: one of the six phases of the guidance trajectory.</summary>
    Phase,
    /// <summary><c>instrument</c>: one of the eight instruments.</summary>
    Instrument,
    /// <summary><c>thema</c>: any other topic page.</summary>
    Theme,
    /// <summary><c>bron</c>: source credits.</summary>
    Source,
    /// <summary><c>module</c>: an onboarding module.</summary>
    Module,
    /// <summary><c>les</c>: a lesson inside a module.</summary>
    Lesson,
    /// <summary><c>intervisiemethode</c>: a method for intervisie, with its phases.</summary>
    PeerReviewMethod,
}

/// <summary>Maps <see cref="ContentKind"/> to and from the Dutch <c>soort</c> names used in content files and links.</summary>
public static class ContentKinds
{
    private static readonly (ContentKind Kind, string Slug)[] Map =
    [
        (ContentKind.CoreAttitude, "fiche"),
        (ContentKind.Technique, "techniek"),
        (ContentKind.QuestionType, "vraagtype"),
        (ContentKind.LifeDomain, "levensdomein"),
        (ContentKind.Phase, "fase"),
        (ContentKind.Instrument, "instrument"),
        (ContentKind.Theme, "thema"),
        (ContentKind.Source, "bron"),
        (ContentKind.Module, "module"),
        (ContentKind.Lesson, "les"),
        (ContentKind.PeerReviewMethod, "intervisiemethode"),
    ];

    /// <summary>All kinds, in the order of the content README.</summary>
    public static IReadOnlyList<ContentKind> All { get; } = Map.Select(m => m.Kind).ToArray();

    /// <summary>All <c>soort</c> names, in the order of the content README.</summary>
    public static IReadOnlyList<string> Slugs { get; } = Map.Select(m => m.Slug).ToArray();

    /// <summary>The Dutch <c>soort</c> name, e.g. <c>fiche</c> for <see cref="ContentKind.CoreAttitude"/>.</summary>
    public static string ToSlug(this ContentKind kind)
    {
        foreach (var (k, slug) in Map)
        {
            if (k == kind) return slug;
        }
        throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
    }

    /// <summary>Parses a <c>soort</c> name (exact, lowercase).</summary>
    public static bool TryParse(string? slug, out ContentKind kind)
    {
        foreach (var (k, s) in Map)
        {
            if (string.Equals(s, slug, StringComparison.Ordinal))
            {
                kind = k;
                return true;
            }
        }
        kind = default;
        return false;
    }
}
