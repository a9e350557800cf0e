using GeneralistischWerkt.Training.Core.Scenarios;

namespace GeneralistischWerkt.Training.Web.Features.Scenarios;

/// <summary>Per competency: how many attempts scored it, and the first, latest and best share of what was reachable.</summary>
public sealed record GrowthRow(string CompetencyId, string Name, int Attempts, int First, int Latest, int Best);

/// <summary>The nth time a competency was practised (1 = the first), and the share of the reachable points earned.</summary>
public sealed record GrowthPoint(string Label, int Percent);

public sealed record GrowthSeries(string Name, IReadOnlyList<GrowthPoint> Points);

/// <summary>Per scenario: how often it was finished, the first and latest outcome, and the latest points.</summary>
public sealed record ScenarioGrowthRow(string ScenarioId, string Title, int Attempts, ScenarioOutcome First, ScenarioOutcome Latest,
    IReadOnlyList<CompetencyScore> LatestScores);

public sealed record GrowthOverview(IReadOnlyList<GrowthRow> Rows, IReadOnlyList<GrowthSeries> Series, IReadOnlyList<ScenarioGrowthRow> Scenarios)
{
    public static readonly GrowthOverview None = new([], [], []);

    /// <summary>The lowest percentage on the chart's axis: 0, or lower when points were lost (shown, never cut off).</summary>
    public int AxisMin
    {
        get
        {
            var lowest = Series.SelectMany(s => s.Points).Select(p => p.Percent).DefaultIfEmpty(0).Min();
            return lowest >= 0 ? 0 : (int)Math.Floor(lowest / 25.0) * 25;
        }
    }
}

/// <summary>Turns finished attempts into growth per competency and per scenario, as a share of what each scenario allowed.</summary>
public static class GrowthCalculator
{
    public static GrowthOverview Calculate(IEnumerable<AttemptSummary> finishedAttempts, Func<string, string> competencyName)
    {
        var ordered = finishedAttempts.Where(a => a.FinishedAt is not null && a.Outcome is not null).OrderBy(a => a.FinishedAt).ToList();
        var perCompetency = ordered
            .SelectMany(a => a.Scores.Where(s => s.Max > 0).Select(s => (Attempt: a, Score: s)))
            .GroupBy(x => x.Score.CompetencyId)
            .OrderBy(g => competencyName(g.Key))
            .ToList();

        var rows = perCompetency.Select(g =>
        {
            var percents = g.Select(x => Percent(x.Score.Score, x.Score.Max)).ToList();
            return new GrowthRow(g.Key, competencyName(g.Key), percents.Count, percents[0], percents[^1], percents.Max());
        }).ToList();

        // The x-axis counts practice, not calendar days: "keer 3" is the third attempt that scored this competency.
        var series = perCompetency.Select(g => new GrowthSeries(
            competencyName(g.Key),
            g.Select((x, n) => new GrowthPoint($"keer {n + 1}", Percent(x.Score.Score, x.Score.Max))).ToList()))
            .ToList();

        var scenarios = ordered.GroupBy(a => a.ScenarioId)
            .Select(g => new ScenarioGrowthRow(g.Key, g.First().ScenarioTitle, g.Count(), g.First().Outcome!.Value, g.Last().Outcome!.Value, g.Last().Scores))
            .OrderBy(r => r.Title, StringComparer.Create(Core.Formatting.DutchFormat.Culture, ignoreCase: true))
            .ToList();
        return new GrowthOverview(rows, series, scenarios);
    }

    /// <summary>Share of the reachable points; below zero when points were lost, so a loss stays visible.</summary>
    private static int Percent(int score, int max) => max <= 0 ? 0 : (int)Math.Round(100.0 * Math.Min(score, max) / max);
}
