using GeneralistischWerkt.Training.Core.Content;
using GeneralistischWerkt.Training.Core.Scenarios;
using GeneralistischWerkt.Training.Web.Features.Modules;

namespace GeneralistischWerkt.Training.Web.Features.Scenarios;

/// <summary>
/// The scenarios, loaded through the same Core loader as the `check` command, checked against the current content.
/// A scenario with errors is logged and left out of the catalogue; the others keep working. Reloads with the content.
/// </summary>
public sealed class ScenarioStore
{
    private readonly ContentStore content;
    private readonly ILogger<ScenarioStore> logger;
    private Snapshot current = new([], [], new HashSet<string>());

    public ScenarioStore(ContentStore content, ILogger<ScenarioStore> logger)
    {
        this.content = content;
        this.logger = logger;
        Load();
        content.Changed += Load;
    }

    public IReadOnlyList<Scenario> All => current.Scenarios;
    public IReadOnlyList<Scenario> Catalogue => current.Scenarios.Where(s => s.InCatalogue).ToList();
    public IReadOnlyList<Competency> Competencies => current.Competencies;

    public Scenario? Find(string? id) => current.Scenarios.FirstOrDefault(s => s.Id == id);

    public bool IsUnavailable(string id) => current.Unavailable.Contains(id);

    public string CompetencyName(string id) => current.Competencies.FirstOrDefault(c => c.Id == id)?.Name ?? id;

    public Competency? Competency(string id) => current.Competencies.FirstOrDefault(c => c.Id == id);

    private void Load()
    {
        var repoRoot = Directory.GetParent(content.Root)?.FullName ?? content.Root;
        try
        {
            var result = ScenarioValidator.Check(repoRoot, content.Library);
            foreach (var diagnostic in result.Diagnostics)
            {
                if (diagnostic.IsError) logger.LogError("{Diagnostic}", diagnostic.ToString());
                else logger.LogDebug("{Diagnostic}", diagnostic.ToString());
            }
            var usable = result.PlayableScenarios;
            var broken = result.Load.Files.Select(Path.GetFileNameWithoutExtension).OfType<string>()
                .Except(usable.Select(s => s.Id)).ToHashSet();
            current = new Snapshot(usable, result.Load.Competencies, broken);
            logger.LogInformation("Scenario's geladen: {Count} bruikbaar, {Broken} met fouten.", usable.Count, broken.Count);
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Scenario's laden mislukte.");
        }
    }

    private sealed record Snapshot(IReadOnlyList<Scenario> Scenarios, IReadOnlyList<Competency> Competencies, IReadOnlySet<string> Unavailable);
}
