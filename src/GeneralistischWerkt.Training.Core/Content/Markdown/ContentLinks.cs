namespace GeneralistischWerkt.Training.Core.Content.Markdown;

/// <summary>Where an internal link goes and the item's title (the default label).</summary>
public sealed record ResolvedContentLink(string Url, string Title);

/// <summary>Turns <c>soort:id</c> into a URL; returns null when there is no such item (the link is then shown as broken).</summary>
public interface IContentLinkResolver
{
    ResolvedContentLink? Resolve(string kind, string id);
}

/// <summary>The app's URL scheme for content items.</summary>
public static class ContentUrls
{
    /// <summary>
    /// fiche → <c>/fiches/{id}</c>, fase → <c>/fasen/{id}</c>, les → <c>/modules/{module}/{id}</c>,
    /// module → <c>/modules/{id}</c>, anything else → <c>/inhoud/{soort}/{id}</c>.
    /// A lesson without a known module falls back to <c>/inhoud/les/{id}</c>.
    /// </summary>
    public static string For(ContentKind kind, string id, string? moduleId = null)
    {
        var escapedId = Uri.EscapeDataString(id);
        return kind switch
        {
            ContentKind.CoreAttitude => $"/fiches/{escapedId}",
            ContentKind.Phase => $"/fasen/{escapedId}",
            ContentKind.Module => $"/modules/{escapedId}",
            ContentKind.Lesson when !string.IsNullOrEmpty(moduleId) => $"/modules/{Uri.EscapeDataString(moduleId)}/{escapedId}",
            _ => $"/inhoud/{kind.ToSlug()}/{escapedId}",
        };
    }

    public static string For(ContentItem item) => For(item.Kind, item.Id, item.ModuleId);
}

/// <summary>Resolves links against a loaded <see cref="ContentLibrary"/>: the kind in the link must be the item's real kind.</summary>
public sealed class LibraryLinkResolver(ContentLibrary library) : IContentLinkResolver
{
    public ResolvedContentLink? Resolve(string kind, string id)
    {
        if (!ContentKinds.TryParse(kind, out var parsed)) return null;
        var item = library.Find(parsed, id);
        if (item is null) return null;
        var moduleId = item.Kind == ContentKind.Lesson && item.ModuleId is { } m && library.Find(ContentKind.Module, m) is not null ? m : null;
        return new ResolvedContentLink(ContentUrls.For(item.Kind, item.Id, moduleId), item.Title);
    }
}
