using GeneralistischWerkt.Training.Core.Content.Loading;

namespace GeneralistischWerkt.Training.Core.Content;

/// <summary>What <see cref="ContentLoader.Load"/> found: the usable items, and every problem as a diagnostic.</summary>
/// <param name="PathPrefix">Put before every path in <see cref="Diagnostics"/> (e.g. <c>content/</c>); item paths in the library never have it.</param>
public sealed record ContentLoadResult(ContentLibrary Library, IReadOnlyList<Diagnostic> Diagnostics, int FileCount, string PathPrefix = "")
{
    public int ErrorCount => Diagnostics.Count(d => d.IsError);

    public int WarningCount => Diagnostics.Count(d => !d.IsError);
}

/// <summary>
/// Loads a content root: every <c>*.md</c> below it except <c>README.md</c> (documentation for authors). Never throws
/// because of a file: a file that can't be read or parsed becomes a diagnostic and its item is left out; the rest
/// loads. Any other file is reported (GWT206: an author who saved <c>x.markdown</c> should not wonder where it went),
/// except <c>competenties.yml</c> at the root, which the scenario check reads. Only checks what one file can tell
/// (GWT100–GWT105, GWT110 in front matter, GWT200, GWT201, GWT206); <see cref="ContentValidator"/> adds the rest.
/// </summary>
public static class ContentLoader
{
    /// <param name="root">The content directory.</param>
    /// <param name="pathPrefix">
    /// Put before every file path in diagnostics, including paths mentioned in messages, e.g. <c>content/</c> when
    /// paths should be relative to the repository rather than to <paramref name="root"/>.
    /// </param>
    public static ContentLoadResult Load(string root, string pathPrefix = "")
    {
        var diagnostics = new List<Diagnostic>();
        if (!Directory.Exists(root))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.UnreadableFile, new SourcePosition(".", 1, 1),
                $"de inhoudsmap '{root}' bestaat niet"));
            return new ContentLoadResult(ContentLibrary.Empty, diagnostics.Select(d => d.WithPathPrefix(pathPrefix)).ToList(), 0, pathPrefix);
        }

        var files = FindFiles(root, diagnostics);
        var items = new List<ContentItem>(files.Count);
        var firstById = new Dictionary<string, ContentItem>(StringComparer.Ordinal);
        foreach (var (fullPath, relativePath) in files)
        {
            var item = ReadFile(fullPath, relativePath, root, diagnostics);
            if (item is null) continue;

            if (firstById.TryGetValue(item.Id, out var first))
            {
                var firstAt = first.PositionOf("id");
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.DuplicateId, item.PositionOf("id"),
                    $"id '{item.Id}' wordt al gebruikt in {pathPrefix}{firstAt.File}:{firstAt.Line} ({first.Kind.ToSlug()}); ids moeten uniek zijn over heel content/"));
                continue;
            }
            firstById[item.Id] = item;

            var expectedName = item.Id + ".md";
            var actualName = Path.GetFileName(relativePath);
            if (!string.Equals(actualName, expectedName, StringComparison.Ordinal))
            {
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.FileNameMismatch, item.PositionOf("id"),
                    $"de bestandsnaam '{actualName}' hoort '{expectedName}' te zijn (bestandsnaam = id)"));
            }
            items.Add(item);
        }

        diagnostics.Sort(Diagnostic.Order);
        var shown = pathPrefix.Length == 0 ? diagnostics : diagnostics.Select(d => d.WithPathPrefix(pathPrefix)).ToList();
        return new ContentLoadResult(new ContentLibrary(items), shown, files.Count, pathPrefix);
    }

    /// <summary>Reads one file; any unexpected failure becomes a GWT100 diagnostic instead of an exception.</summary>
    private static ContentItem? ReadFile(string fullPath, string relativePath, string root, List<Diagnostic> diagnostics)
    {
        var own = new List<Diagnostic>();
        try
        {
            var item = ContentFileReader.Read(fullPath, relativePath, root, own);
            diagnostics.AddRange(own);
            return item;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            diagnostics.AddRange(own);
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.UnreadableFile, new SourcePosition(relativePath, 1, 1),
                $"het bestand kon niet verwerkt worden ({e.GetType().Name}); meld dit aan de ontwikkelaars"));
            return null;
        }
    }

    /// <summary>The content files to read (sorted); every other entry that isn't expected is reported.</summary>
    private static List<(string FullPath, string RelativePath)> FindFiles(string root, List<Diagnostic> diagnostics)
    {
        var files = new List<(string, string)>();
        foreach (var entry in SourceTree.List(root, recursive: true))
        {
            var at = new SourcePosition(entry.RelativePath, 1, 1);
            switch (entry.Kind)
            {
                case SourceEntryKind.File when Path.GetExtension(entry.RelativePath).Equals(".md", StringComparison.OrdinalIgnoreCase):
                    if (!Path.GetFileName(entry.RelativePath).Equals("README.md", StringComparison.OrdinalIgnoreCase))
                    {
                        files.Add((entry.FullPath, entry.RelativePath));
                    }
                    break;
                case SourceEntryKind.File when entry.RelativePath == CompetenciesFile:
                    break;
                case SourceEntryKind.File:
                    diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.NotContent, at,
                        "dit bestand wordt niet gelezen: inhoud staat in .md-bestanden (hernoem het naar <id>.md als het inhoud is, of haal het uit content/)"));
                    break;
                case SourceEntryKind.FolderLink:
                    diagnostics.Add(Diagnostic.Error(DiagnosticCodes.UnreadableFile, at,
                        "dit is een snelkoppeling naar een map; die wordt niet gevolgd (ze kan buiten content/ of in een kring wijzen): zet de bestanden zelf in content/"));
                    break;
                case SourceEntryKind.UnlistableFolder:
                    diagnostics.Add(Diagnostic.Error(DiagnosticCodes.UnreadableFile, at,
                        "deze map kan niet doorzocht worden (geen leesrechten?); de bestanden erin zijn niet gelezen"));
                    break;
            }
        }
        return files;
    }

    /// <summary>content/competenties.yml: read by the scenario check, so not an unexpected file here.</summary>
    private const string CompetenciesFile = "competenties.yml";
}
