using GeneralistischWerkt.Training.Core.Content;
using GeneralistischWerkt.Training.Core.Content.Markdown;
using GeneralistischWerkt.Training.Core.Learning;

namespace GeneralistischWerkt.Training.Web.Features.Modules;

/// <summary>
/// The method's content, loaded once through the Core loader (the same one the `check` command uses) and, in
/// Development, reloaded when a file changes. A broken file never stops the app: it is logged and its item is
/// reported as unavailable while the rest keeps working.
/// </summary>
public sealed class ContentStore : IDisposable
{
    private readonly ILogger<ContentStore> logger;
    private readonly RenderFailureLog renderFailures;
    private readonly FileSystemWatcher? watcher;
    private readonly object gate = new();
    private Timer? reloadTimer;
    private Snapshot current;

    public ContentStore(IConfiguration configuration, IHostEnvironment environment, ILogger<ContentStore> logger)
    {
        this.logger = logger;
        renderFailures = new RenderFailureLog(logger);
        Root = ResolveRoot(configuration["Content:Root"], environment.ContentRootPath);
        current = Load();
        if (environment.IsDevelopment() && Directory.Exists(Root))
        {
            watcher = new FileSystemWatcher(Root, "*.md") { IncludeSubdirectories = true, EnableRaisingEvents = true };
            watcher.Changed += (_, _) => ScheduleReload();
            watcher.Created += (_, _) => ScheduleReload();
            watcher.Deleted += (_, _) => ScheduleReload();
            watcher.Renamed += (_, _) => ScheduleReload();
        }
    }

    public string Root { get; }

    public ContentLibrary Library => current.Library;
    public ContentSearch Search => current.Search;
    public IContentLinkResolver Links => current.Links;
    public IReadOnlyList<Core.Content.Diagnostic> Diagnostics => current.Diagnostics;

    /// <summary>Raised after a reload, so open pages can re-render with the new content.</summary>
    public event Action? Changed;

    /// <summary>True when a file named after this id exists but could not be loaded (its errors are logged).</summary>
    public bool IsUnavailable(string id) => current.UnavailableIds.Contains(id);

    /// <summary>
    /// The HTML for content and for user text (reflections) alike. Never throws: a text Markdig can't handle is shown as
    /// escaped plain text and the failure is logged once (<see cref="RenderFailureLog"/>), so no saved text can make
    /// its page fail.
    /// </summary>
    public string RenderHtml(string? markdown)
    {
        var rendered = ContentRenderer.Render(markdown, current.Links);
        if (rendered.Failure is { } failure) renderFailures.Report(failure, markdown?.Length ?? 0);
        return rendered.Html;
    }

    public void Reload()
    {
        current = Load();
        Changed?.Invoke();
    }

    private void ScheduleReload()
    {
        lock (gate)
        {
            // Editors write a file in several steps; wait until they are done.
            reloadTimer?.Dispose();
            reloadTimer = new Timer(_ => Reload(), null, TimeSpan.FromMilliseconds(300), Timeout.InfiniteTimeSpan);
        }
    }

    private Snapshot Load()
    {
        if (!Directory.Exists(Root))
        {
            logger.LogError("Inhoudsmap {Root} bestaat niet: er wordt geen inhoud getoond.", Root);
            return Snapshot.Empty;
        }
        ContentLoadResult result;
        try
        {
            result = ContentLoader.Load(Root);
        }
        catch (Exception exception)
        {
            // The loader reports problems as diagnostics; this is the last line of defence for the app's sake.
            logger.LogError(exception, "Inhoud laden mislukte.");
            return Snapshot.Empty;
        }
        foreach (var diagnostic in result.Diagnostics)
        {
            if (diagnostic.IsError) logger.LogError("{Diagnostic}", diagnostic.ToString());
            else logger.LogWarning("{Diagnostic}", diagnostic.ToString());
        }
        var loadedFiles = result.Library.Items.Select(i => Path.GetFullPath(i.File, Root)).ToHashSet();
        var unavailable = result.Diagnostics
            .Where(d => d.IsError)
            .Select(d => Path.GetFullPath(d.File, Root))
            .Where(file => !loadedFiles.Contains(file))
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .ToHashSet();
        logger.LogInformation("Inhoud geladen: {Count} onderdelen, {Errors} fouten.", result.Library.Count, result.ErrorCount);
        return new Snapshot(result.Library, new ContentSearch(result.Library), new LibraryLinkResolver(result.Library),
            result.Diagnostics, unavailable);
    }

    private static string ResolveRoot(string? configured, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return Path.GetFullPath(configured, contentRoot);
        // Default: the repository's content/ folder, two levels above the web project.
        var dir = new DirectoryInfo(contentRoot);
        while (dir is not null)
        {
            var candidate = Path.Combine(dir.FullName, "content");
            if (Directory.Exists(candidate) && File.Exists(Path.Combine(candidate, "README.md"))) return candidate;
            dir = dir.Parent;
        }
        return Path.GetFullPath("content", contentRoot);
    }

    public void Dispose()
    {
        watcher?.Dispose();
        reloadTimer?.Dispose();
    }

    private sealed record Snapshot(ContentLibrary Library, ContentSearch Search, IContentLinkResolver Links,
        IReadOnlyList<Core.Content.Diagnostic> Diagnostics, IReadOnlySet<string> UnavailableIds)
    {
        public static Snapshot Empty { get; } = new(ContentLibrary.Empty, new ContentSearch(ContentLibrary.Empty),
            new LibraryLinkResolver(ContentLibrary.Empty), [], new HashSet<string>());
    }
}
