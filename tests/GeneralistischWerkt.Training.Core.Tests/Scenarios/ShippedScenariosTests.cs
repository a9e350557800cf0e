using GeneralistischWerkt.Training.Core.Scenarios;
using GeneralistischWerkt.Training.Core.Tests.Content;

namespace GeneralistischWerkt.Training.Core.Tests.Scenarios;

/// <summary>The scenarios/ folder of the repository: every scenario in it must pass the check.</summary>
public class ShippedScenariosTests
{
    private static readonly Lazy<ScenarioCheckResult> Result =
        new(() => ScenarioValidator.Check(TestPaths.RepositoryRoot, ScenarioTestData.Library));

    [Fact]
    public void Every_shipped_scenario_passes_the_check_with_zero_errors()
    {
        var errors = Result.Value.Diagnostics.Where(d => d.IsError).Select(d => d.ToString()).ToList();

        Assert.True(errors.Count == 0, $"{errors.Count} fout(en):{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
        Assert.Equal(Result.Value.FileCount, Result.Value.PlayableScenarios.Count);
    }

    [Fact]
    public void The_shipped_scenarios_have_zero_warnings()
    {
        // Includes GWT354/GWT355: the best choice varies in place and most decisions offer at least three options.
        var warnings = Result.Value.Diagnostics.Where(d => !d.IsError).Select(d => d.ToString()).ToList();

        Assert.True(warnings.Count == 0, $"{warnings.Count} waarschuwing(en):{Environment.NewLine}{string.Join(Environment.NewLine, warnings)}");
    }

    [Fact]
    public void The_example_scenario_passes_without_errors_or_warnings()
    {
        var report = Assert.Single(Result.Value.Reports, r => r.File == "scenarios/voorbeeld-kennismaking.yml");

        Assert.Equal((0, 0), (report.ErrorCount, report.WarningCount));
        Assert.True(report.IsPlayable);
        Assert.False(report.InCatalogue);
        Assert.Equal((2, 2), (report.TestPathsPassed, report.TestPathCount));
        Assert.Equal((2, 3), (report.DecisionNodeCount, report.EndingCount));
        Assert.DoesNotContain(Result.Value.Diagnostics, d => d.File == "scenarios/voorbeeld-kennismaking.yml");
    }

    [Fact]
    public void The_competency_list_passes()
    {
        Assert.DoesNotContain(Result.Value.Diagnostics, d => d.File == "content/competenties.yml");
        Assert.True(Result.Value.Load.Catalog.IsLoaded);
    }

    [Fact]
    public void Every_playable_scenario_has_a_maximum_for_each_declared_competency()
    {
        foreach (var report in Result.Value.Reports.Where(r => r.IsPlayable))
        {
            Assert.NotNull(report.MaxScores);
            Assert.All(report.Competencies, c => Assert.True(report.MaxScores!.ContainsKey(c), $"{report.File}: {c}"));
        }
    }
}
