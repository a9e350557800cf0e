namespace GeneralistischWerkt.Training.Core.Content;

/// <summary>
/// One content file: front matter plus Markdown body. Kind-specific lists are empty (and kind-specific values null)
/// for kinds that don't have them.
/// </summary>
public sealed class ContentItem
{
    public required string Id { get; init; }

    /// <summary><c>titel</c>; empty when missing (reported by the loader).</summary>
    public required string Title { get; init; }

    public required ContentKind Kind { get; init; }

    /// <summary><c>samenvatting</c>; empty when missing (reported by the loader).</summary>
    public required string Summary { get; init; }

    /// <summary>Related items from the front matter <c>links</c> list, in order.</summary>
    public IReadOnlyList<ContentReference> Links { get; init; } = [];

    /// <summary><c>nummer</c> (fiche, levensdomein, fase, module); null when absent or invalid.</summary>
    public int? Number { get; init; }

    /// <summary>The Markdown body (everything after the closing <c>---</c>).</summary>
    public required string Body { get; init; }

    /// <summary>The file line on which <see cref="Body"/> starts.</summary>
    public required int BodyLine { get; init; }

    /// <summary>Markdown before the first level-2 heading.</summary>
    public string Introduction { get; init; } = "";

    /// <summary>Level-2 sections of the body, in order.</summary>
    public IReadOnlyList<ContentSection> Sections { get; init; } = [];

    /// <summary>Every <c>[[soort:id]]</c> link in the body (outside code), in order.</summary>
    public IReadOnlyList<ContentReference> BodyLinks { get; init; } = [];

    /// <summary>Body links written so badly that they could not be read as <c>soort:id</c>.</summary>
    public IReadOnlyList<ContentReference> MalformedBodyLinks { get; init; } = [];

    /// <summary>fase: the instruments that belong to this phase (<c>instrumenten</c>).</summary>
    public IReadOnlyList<ContentReference> Instruments { get; init; } = [];

    /// <summary>instrument: the phases it is used in (<c>fasen</c>).</summary>
    public IReadOnlyList<ContentReference> Phases { get; init; } = [];

    /// <summary>instrument: the usual follow-up instrument (<c>vervolg</c>), if any.</summary>
    public ContentReference? FollowUp { get; init; }

    /// <summary>module: its lessons in order (<c>lessen</c>).</summary>
    public IReadOnlyList<ContentReference> Lessons { get; init; } = [];

    /// <summary>les: the id of its module (<c>module</c>).</summary>
    public string? ModuleId { get; init; }

    /// <summary>les: its knowledge checks, in order. Checks whose structure could not be read are left out.</summary>
    public IReadOnlyList<KnowledgeCheck> Checks { get; init; } = [];

    /// <summary>intervisiemethode: its phases in order (<c>fasen</c>). Phases that could not be read are left out.</summary>
    public IReadOnlyList<PeerReviewMethodPhase> MethodPhases { get; init; } = [];

    /// <summary>The file, relative to the content root, with '/' separators.</summary>
    public required string File { get; init; }

    /// <summary>Where each front matter value starts, by its Dutch key (<c>id</c>, <c>titel</c>, <c>nummer</c>, …).</summary>
    public IReadOnlyDictionary<string, SourcePosition> FieldPositions { get; init; } = new Dictionary<string, SourcePosition>();

    /// <summary>The position of a front matter field's value, or the start of the file when the field is absent.</summary>
    public SourcePosition PositionOf(string field) =>
        FieldPositions.TryGetValue(field, out var position) ? position : new SourcePosition(File, 1, 1);

    /// <summary>The section with this heading (exact), or null.</summary>
    public ContentSection? Section(string heading) => Sections.FirstOrDefault(s => s.Heading == heading);

    public override string ToString() => $"{Kind.ToSlug()}:{Id}";
}
