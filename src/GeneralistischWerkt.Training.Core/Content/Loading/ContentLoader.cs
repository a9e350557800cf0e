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
/// Loads a content root: every <c>*.md</c> below it except <c>README.md</c>. Never throws because of a file: a file
/// that can't be read or parsed becomes a diagnostic and its item is left out; the rest loads. Only checks what one
/// file can tell (GWT100–GWT105, GWT110 in front matter, GWT200, GWT201); <see cref="ContentValidator"/> adds the rest.
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
            var item = ReadFile(fullPath, relativePath, diagnostics);
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
    private static ContentItem? ReadFile(string fullPath, string relativePath, List<Diagnostic> diagnostics)
    {
        var own = new List<Diagnostic>();
        try
        {
            var item = ContentFileReader.Read(fullPath, relativePath, own);
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

    private static List<(string FullPath, string RelativePath)> FindFiles(string root, List<Diagnostic> diagnostics)
    {
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            IgnoreInaccessible = true,
            MatchType = MatchType.Simple,
            MatchCasing = MatchCasing.CaseInsensitive,
            AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
        };
        var files = new List<(string, string)>();
        try
        {
            foreach (var path in Directory.EnumerateFiles(root, "*.md", options))
            {
                if (string.Equals(Path.GetFileName(path), "README.md", StringComparison.OrdinalIgnoreCase)) continue;
                files.Add((path, Path.GetRelativePath(root, path).Replace('\\', '/')));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.UnreadableFile, new SourcePosition(".", 1, 1),
                "niet alle mappen in de inhoudsmap konden doorzocht worden"));
        }
        files.Sort((a, b) => string.CompareOrdinal(a.Item2, b.Item2));
        return files;
    }
}
