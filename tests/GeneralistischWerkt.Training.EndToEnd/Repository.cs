using GeneralistischWerkt.Training.Core.Content;
using GeneralistischWerkt.Training.Core.Scenarios;

namespace GeneralistischWerkt.Training.EndToEnd;

/// <summary>The repository this test run belongs to, and the shipped content and scenarios read from it once.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    private static readonly Lazy<ContentLibrary> ContentLibrary = new(() => ContentLoader.Load(Path.Combine(Root, "content")).Library);
    private static readonly Lazy<ScenarioCheckResult> ScenarioCheck = new(() => ScenarioValidator.Check(Root, Content));

    public static ContentLibrary Content => ContentLibrary.Value;

    /// <summary>The scenarios the app offers (those without errors).</summary>
    public static IReadOnlyList<Scenario> PlayableScenarios => ScenarioCheck.Value.PlayableScenarios;

    public static string CompetencyName(string id) => ScenarioCheck.Value.Load.Catalog.Find(id)?.Name ?? id;

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GeneralistischWerkt.Training.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("GeneralistischWerkt.Training.sln niet gevonden boven " + AppContext.BaseDirectory);
    }
}
