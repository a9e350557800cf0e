namespace GeneralistischWerkt.Training.Core.Content;

/// <summary>All content items that could be loaded, with lookups by id, by kind and by module. Immutable.</summary>
public sealed class ContentLibrary
{
    private readonly Dictionary<string, ContentItem> byId;
    private readonly Dictionary<ContentKind, IReadOnlyList<ContentItem>> byKind;
    private readonly Dictionary<string, IReadOnlyList<ContentItem>> lessonsByModule;

    public static ContentLibrary Empty { get; } = new([]);

    /// <param name="items">Items with unique ids; when an id occurs twice, the first one wins.</param>
    public ContentLibrary(IEnumerable<ContentItem> items)
    {
        byId = new Dictionary<string, ContentItem>(StringComparer.Ordinal);
        var list = new List<ContentItem>();
        foreach (var item in items)
        {
            if (byId.TryAdd(item.Id, item)) list.Add(item);
        }
        Items = list;

        byKind = ContentKinds.All.ToDictionary(
            kind => kind,
            kind => (IReadOnlyList<ContentItem>)list
                .Where(i => i.Kind == kind)
                .OrderBy(i => i.Number ?? int.MaxValue)
                .ThenBy(i => i.Title, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("nl-BE"), ignoreCase: true))
                .ThenBy(i => i.Id, StringComparer.Ordinal)
                .ToList());

        lessonsByModule = new Dictionary<string, IReadOnlyList<ContentItem>>(StringComparer.Ordinal);
        foreach (var module in byKind[ContentKind.Module])
        {
            lessonsByModule[module.Id] = module.Lessons
                .Select(reference => Find(ContentKind.Lesson, reference.Id))
                .OfType<ContentItem>()
                .Distinct()
                .ToList();
        }
    }

    /// <summary>All items, in file order.</summary>
    public IReadOnlyList<ContentItem> Items { get; }

    public IReadOnlyDictionary<string, ContentItem> ById => byId;

    public int Count => Items.Count;

    public ContentItem? Find(string id) => byId.GetValueOrDefault(id);

    /// <summary>The item with this id, only if it is of this kind.</summary>
    public ContentItem? Find(ContentKind kind, string id) =>
        byId.TryGetValue(id, out var item) && item.Kind == kind ? item : null;

    /// <summary>The item a reference points at (kind must match), or null.</summary>
    public ContentItem? Find(ContentReference reference) =>
        ContentKinds.TryParse(reference.Kind, out var kind) ? Find(kind, reference.Id) : null;

    /// <summary>Items of one kind, ordered by <c>nummer</c> and then title.</summary>
    public IReadOnlyList<ContentItem> OfKind(ContentKind kind) => byKind[kind];

    /// <summary>Modules in course order (<c>nummer</c>).</summary>
    public IReadOnlyList<ContentItem> Modules => byKind[ContentKind.Module];

    /// <summary>A module's lessons in the order of its <c>lessen</c> list (unknown ones left out); empty for an unknown module.</summary>
    public IReadOnlyList<ContentItem> LessonsOf(string moduleId) =>
        lessonsByModule.TryGetValue(moduleId, out var lessons) ? lessons : [];

    /// <summary>The module a lesson belongs to, or null.</summary>
    public ContentItem? ModuleOf(ContentItem lesson) =>
        lesson.ModuleId is { } id ? Find(ContentKind.Module, id) : null;
}
