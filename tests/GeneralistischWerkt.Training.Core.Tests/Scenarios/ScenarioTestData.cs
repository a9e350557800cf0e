using GeneralistischWerkt.Training.Core.Content;
using GeneralistischWerkt.Training.Core.Scenarios;
using GeneralistischWerkt.Training.Core.Tests.Content;

namespace GeneralistischWerkt.Training.Core.Tests.Scenarios;

/// <summary>Shared inputs for the scenario tests: the shipped content, the broken corpus, and scenarios written inline.</summary>
internal static class ScenarioTestData
{
    private static readonly Lazy<ContentLibrary> ShippedLibrary = new(() => ContentLoader.Load(TestPaths.ShippedContent).Library);

    /// <summary>The content/ of the repository, loaded once: scenarios are checked against it.</summary>
    public static ContentLibrary Library => ShippedLibrary.Value;

    public static string ShippedScenarios => Path.Combine(TestPaths.RepositoryRoot, "scenarios");

    public static string ShippedCompetencies => Path.Combine(TestPaths.ShippedContent, "competenties.yml");

    /// <summary>
    /// The broken-scenario corpus next to the test binaries: each folder holds scenarios/ and, only when the case is
    /// about the competency list, its own content/competenties.yml; otherwise the repository's list is used.
    /// </summary>
    public static string BrokenCorpus => Path.Combine(AppContext.BaseDirectory, "Corpus", "scenarios-broken");

    public static ScenarioCheckResult CheckCorpusCase(string folder)
    {
        var root = Path.Combine(BrokenCorpus, folder);
        var own = Path.Combine(root, "content", "competenties.yml");
        var load = ScenarioLoader.Load(Path.Combine(root, "scenarios"), File.Exists(own) ? own : ShippedCompetencies);
        return ScenarioValidator.Validate(load, Library);
    }

    /// <summary>Parses one scenario from text; fails the test when it can't be read at all.</summary>
    public static Scenario Parse(string yaml, string file = "scenarios/test.yml")
    {
        var diagnostics = new List<Diagnostic>();
        var scenario = ScenarioLoader.Parse(yaml, file, diagnostics);
        Assert.True(scenario is not null, string.Join(Environment.NewLine, diagnostics));
        return scenario!;
    }
}
