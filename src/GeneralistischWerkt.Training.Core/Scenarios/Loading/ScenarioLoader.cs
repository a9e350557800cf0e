using GeneralistischWerkt.Training.Core.Content;
using GeneralistischWerkt.Training.Core.Content.Loading;
using GeneralistischWerkt.Training.Core.Scenarios.Loading;
using static GeneralistischWerkt.Training.Core.Scenarios.ScenarioDiagnosticCodes;

namespace GeneralistischWerkt.Training.Core.Scenarios;

/// <summary>
/// What <see cref="ScenarioLoader.Load(string)"/> found. <see cref="Scenarios"/> holds every scenario file that could be
/// read as a scenario, also those with errors; use <see cref="ScenarioValidator"/> to know which ones are playable.
/// </summary>
public sealed record ScenarioLoadResult(
    IReadOnlyList<Scenario> Scenarios,
    IReadOnlyList<Competency> Competencies,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>Every scenario file found (as shown in diagnostics, e.g. "scenarios/x.yml"), sorted.</summary>
    public IReadOnlyList<string> Files { get; init; } = [];

    public int FileCount => Files.Count;

    /// <summary>The competency list; when not <see cref="CompetencyCatalog.IsLoaded"/>, competencies are not checked.</summary>
    public CompetencyCatalog Catalog { get; init; } = CompetencyCatalog.Missing;

    public int ErrorCount => Diagnostics.Count(d => d.IsError);

    public int WarningCount => Diagnostics.Count(d => !d.IsError);
}

/// <summary>
/// Loads every <c>*.yml</c> in a scenarios folder plus content/competenties.yml. Never throws because of a file: a
/// file that can't be read or isn't valid YAML becomes a GWT300 diagnostic and its scenario is left out; the rest
/// loads. Anything else in the folder is reported (GWT314), README.md excepted: a scenario saved as <c>x.yaml</c>
/// must not silently vanish from the catalogue. Reports what one file can tell (GWT300–GWT303, GWT311, GWT314)
/// and duplicate scenario ids (GWT303);
/// <see cref="ScenarioValidator"/> adds the rules that need the content and the whole graph.
/// </summary>
public static class ScenarioLoader
{
    /// <summary>A scenario is hand-written text; anything larger is not a scenario.</summary>
    public const long MaxFileBytes = 1024 * 1024;

    public const string DefaultScenariosPrefix = "scenarios/";
    public const string DefaultCompetenciesFile = "content/competenties.yml";

    /// <summary>Loads <c>root/scenarios/*.yml</c> and <c>root/content/competenties.yml</c> of a repository root.</summary>
    public static ScenarioLoadResult Load(string root) =>
        Load(Path.Combine(root, "scenarios"), Path.Combine(root, "content", "competenties.yml"));

    /// <param name="scenariosDirectory">The folder with the scenario files (not searched recursively).</param>
    /// <param name="competenciesPath">The competenties.yml file.</param>
    /// <param name="scenariosPrefix">Put before a scenario's file name in <see cref="Scenario.File"/> and diagnostics.</param>
    /// <param name="competenciesFile">How competenties.yml is named in diagnostics.</param>
    public static ScenarioLoadResult Load(string scenariosDirectory, string competenciesPath,
        string scenariosPrefix = DefaultScenariosPrefix, string competenciesFile = DefaultCompetenciesFile) =>
        Load<object?>(scenariosDirectory, competenciesPath, scenariosPrefix, competenciesFile, after: null, keepScenarios: true).Result;

    /// <summary>
    /// Loads the scenario files in parallel (spread over all cores) and, when <paramref name="after"/> is given, runs it on
    /// each scenario right after it is read, on the same thread (the validator checks the scenario while it is still
    /// in the cache). Per-file diagnostics are merged in file order, then sorted, so the result is the same as reading
    /// the files one by one: the same diagnostics in the same order, and for a duplicate scenario id the first file in
    /// sorted order wins. <c>Extras[i]</c> belongs to the i-th scenario read, which is <c>Result.Scenarios[i]</c> when
    /// <paramref name="keepScenarios"/>; otherwise each scenario is dropped after <paramref name="after"/> and
    /// <c>Result.Scenarios</c> is empty.
    /// </summary>
    internal static (ScenarioLoadResult Result, T?[] Extras) Load<T>(string scenariosDirectory, string competenciesPath,
        string scenariosPrefix, string competenciesFile, Func<CompetencyCatalog, Func<Scenario, List<Diagnostic>, T>>? after, bool keepScenarios)
    {
        var diagnostics = new List<Diagnostic>();
        var catalog = CompetencyCatalog.Load(competenciesPath, competenciesFile, diagnostics);

        var files = FindFiles(scenariosDirectory, scenariosPrefix, diagnostics);
        var perScenario = after?.Invoke(catalog);
        var loaded = new (Scenario? Scenario, string? Id, SourcePosition IdAt, List<Diagnostic> Diagnostics, T? Extra)[files.Count];
        Parallelism.For(files.Count, i =>
        {
            var own = new List<Diagnostic>();
            var scenario = LoadFile(files[i].FullPath, files[i].File, scenariosDirectory, own);
            var extra = scenario is not null && perScenario is not null ? perScenario(scenario, own) : default;
            loaded[i] = (keepScenarios ? scenario : null, scenario?.Id, scenario?.PositionOf("id") ?? default, own, extra);
        });

        var scenarios = new List<Scenario>(keepScenarios ? files.Count : 0);
        var extras = new List<T?>(files.Count);
        var firstById = new Dictionary<string, SourcePosition>(StringComparer.Ordinal);
        foreach (var (scenario, id, idAt, own, extra) in loaded)
        {
            diagnostics.AddRange(own);
            if (id is null) continue;
            if (firstById.TryGetValue(id, out var firstAt))
            {
                diagnostics.Add(Diagnostic.Error(DuplicateId, idAt,
                    $"scenario-id '{id}' wordt al gebruikt in {firstAt.File}:{firstAt.Line}; ids moeten uniek zijn over alle scenario's"));
            }
            else
            {
                firstById[id] = idAt;
            }
            if (scenario is not null) scenarios.Add(scenario);
            extras.Add(extra);
        }

        diagnostics.Sort(Diagnostic.Order);
        var result = new ScenarioLoadResult(scenarios, catalog.Competencies, diagnostics)
        {
            Files = files.Select(f => f.File).ToList(),
            Catalog = catalog,
        };
        return (result, extras.ToArray());
    }

    /// <summary>
    /// Reads one scenario from its text. <paramref name="file"/> is the path shown in diagnostics (its name must be
    /// <c>&lt;id&gt;.yml</c>). Returns null when the text can't be read as a scenario. Never throws because of the text.
    /// </summary>
    public static Scenario? Parse(string text, string file, List<Diagnostic> diagnostics) => Parse(text.AsMemory(), file, diagnostics);

    private static Scenario? Parse(ReadOnlyMemory<char> text, string file, List<Diagnostic> diagnostics)
    {
        var own = new List<Diagnostic>();
        try
        {
            var scenario = ScenarioFileReader.Parse(text, file, own);
            diagnostics.AddRange(own);
            return scenario;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            diagnostics.AddRange(own);
            diagnostics.Add(Diagnostic.Error(Unreadable, new SourcePosition(file, 1, 1),
                $"het bestand kon niet verwerkt worden ({e.GetType().Name}); meld dit aan de ontwikkelaars"));
            return null;
        }
    }

    private static Scenario? LoadFile(string fullPath, string file, string scenariosDirectory, List<Diagnostic> diagnostics)
    {
        // The text is only needed while parsing: a pooled buffer instead of a string (the model keeps its own strings).
        using var text = StrictTextFile.ReadPooled(fullPath, file, scenariosDirectory, Unreadable, MaxFileBytes, diagnostics);
        return text is null ? null : Parse(text.Memory, file, diagnostics);
    }

    /// <summary>The scenario files to read (sorted); every other entry except README.md is reported as GWT314.</summary>
    private static List<(string FullPath, string File)> FindFiles(string directory, string prefix, List<Diagnostic> diagnostics)
    {
        var files = new List<(string, string)>();
        if (!Directory.Exists(directory)) return files;
        foreach (var entry in SourceTree.List(directory, recursive: false))
        {
            var file = prefix + entry.RelativePath;
            var at = new SourcePosition(file, 1, 1);
            var extension = Path.GetExtension(entry.RelativePath);
            switch (entry.Kind)
            {
                // Exactly ".yml": the id is the file name without it, and "x.yml" next to "x.YML" would be two files on Linux.
                case SourceEntryKind.File when extension == ".yml":
                    files.Add((entry.FullPath, file));
                    break;
                case SourceEntryKind.File when entry.RelativePath.Equals("README.md", StringComparison.OrdinalIgnoreCase):
                    break;
                case SourceEntryKind.File when extension.Equals(".yml", StringComparison.OrdinalIgnoreCase) || extension.Equals(".yaml", StringComparison.OrdinalIgnoreCase):
                    diagnostics.Add(Diagnostic.Error(NotAScenarioFile, at,
                        $"dit bestand wordt niet gelezen: een scenario heet <id>.yml; hernoem het naar {Path.GetFileNameWithoutExtension(entry.RelativePath)}.yml"));
                    break;
                case SourceEntryKind.File:
                    diagnostics.Add(Diagnostic.Error(NotAScenarioFile, at,
                        "dit bestand wordt niet gelezen: in scenarios/ horen alleen scenario's (<id>.yml) en README.md; hernoem het of haal het weg"));
                    break;
                case SourceEntryKind.Folder or SourceEntryKind.FolderLink:
                    diagnostics.Add(Diagnostic.Error(NotAScenarioFile, at,
                        "deze map wordt niet gelezen: scenario's staan rechtstreeks in scenarios/, niet in een submap"));
                    break;
                case SourceEntryKind.UnlistableFolder:
                    diagnostics.Add(Diagnostic.Error(Unreadable, new SourcePosition(prefix.TrimEnd('/'), 1, 1),
                        "de map met scenario's kon niet doorzocht worden"));
                    break;
            }
        }
        return files;
    }
}
