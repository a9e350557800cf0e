namespace GeneralistischWerkt.Training.Core.Content.Loading;

/// <summary>What <see cref="SourceTree.List"/> found at one place under the root.</summary>
internal enum SourceEntryKind
{
    /// <summary>Something to read as a file: a file, or a link that isn't to a folder (<see cref="StrictTextFile"/> decides).</summary>
    File,
    /// <summary>A real folder (listed itself; its entries follow when the listing is recursive).</summary>
    Folder,
    /// <summary>A link to a folder: never followed.</summary>
    FolderLink,
    /// <summary>A folder whose entries couldn't be listed.</summary>
    UnlistableFolder,
}

/// <param name="RelativePath">Relative to the root, with '/' separators.</param>
internal readonly record struct SourceEntry(string FullPath, string RelativePath, SourceEntryKind Kind);

/// <summary>
/// The one way content and scenario files are found, so both follow the same rules about what lies under a root:
/// hidden entries (editor and tool files such as <c>.git</c> or <c>.x.swp</c>) are skipped; links to folders are
/// listed but never followed (a link <c>a → ..</c> makes a plain recursive listing run until memory is gone, and a
/// link may lead outside the root), so every folder that is listed is really below the root. Which files are read
/// and what is reported is the caller's choice; the checks on the file itself are <see cref="StrictTextFile"/>'s.
/// </summary>
internal static class SourceTree
{
    private static readonly EnumerationOptions OneFolder = new()
    {
        RecurseSubdirectories = false,
        IgnoreInaccessible = false,
        AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
        ReturnSpecialDirectories = false,
    };

    /// <summary>Every entry below <paramref name="root"/> (only its own entries unless <paramref name="recursive"/>), sorted by relative path (ordinal).</summary>
    public static List<SourceEntry> List(string root, bool recursive)
    {
        var entries = new List<SourceEntry>();
        var pending = new Stack<(string FullPath, string RelativePath)>();
        pending.Push((root, ""));
        while (pending.Count > 0)
        {
            var (folder, relativeFolder) = pending.Pop();
            try
            {
                foreach (var info in new DirectoryInfo(folder).EnumerateFileSystemInfos("*", OneFolder))
                {
                    var relative = relativeFolder + info.Name;
                    // A link's own attributes say ReparsePoint; only then is it worth asking for its target.
                    var isLink = (info.Attributes & FileAttributes.ReparsePoint) != 0 && info.LinkTarget is not null;
                    if (info is not DirectoryInfo)
                    {
                        entries.Add(new SourceEntry(info.FullName, relative, SourceEntryKind.File));
                    }
                    else if (isLink)
                    {
                        entries.Add(new SourceEntry(info.FullName, relative, SourceEntryKind.FolderLink));
                    }
                    else
                    {
                        entries.Add(new SourceEntry(info.FullName, relative, SourceEntryKind.Folder));
                        if (recursive) pending.Push((info.FullName, relative + "/"));
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
            {
                entries.Add(new SourceEntry(folder, relativeFolder.Length == 0 ? "." : relativeFolder.TrimEnd('/'), SourceEntryKind.UnlistableFolder));
            }
        }
        entries.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return entries;
    }

    /// <summary>
    /// Where a link at <paramref name="fullPath"/> finally leads when that is outside <paramref name="root"/> (both
    /// compared with every link resolved), else null: also null when it isn't a link. Throws
    /// <see cref="LinkLoopException"/> for a link that leads in a circle.
    /// </summary>
    public static string? LinkTargetOutside(string fullPath, string root)
    {
        if (new FileInfo(fullPath).LinkTarget is null) return null;
        var target = RealPath(fullPath);
        var realRoot = RealPath(root);
        var comparison = OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        var inside = target.StartsWith(Path.TrimEndingDirectorySeparator(realRoot) + Path.DirectorySeparatorChar, comparison);
        return inside ? null : target;
    }

    /// <summary>The absolute path with every link resolved, as far as the path exists (like <c>realpath -m</c>).</summary>
    private static string RealPath(string path)
    {
        var hops = 0;
        return Resolve(Path.GetFullPath(path));

        string Resolve(string full)
        {
            var parent = Path.GetDirectoryName(full);
            if (parent is null) return full; // the file system root
            var candidate = Path.Combine(Resolve(parent), Path.GetFileName(full));
            var target = new FileInfo(candidate).LinkTarget;
            if (target is null) return candidate;
            // The kernel gives up after 40 links in a row; so do we, with the same kind of error.
            if (++hops > 40) throw new LinkLoopException(path);
            return Resolve(Path.GetFullPath(target, Path.GetDirectoryName(candidate)!));
        }
    }
}

/// <summary>A link that leads back to itself, directly or through other links.</summary>
internal sealed class LinkLoopException(string path) : IOException($"more than 40 links in a row from {path}");
