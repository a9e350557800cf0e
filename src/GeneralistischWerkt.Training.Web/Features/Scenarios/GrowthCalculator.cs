using GeneralistischWerkt.Training.Core.Formatting;

namespace GeneralistischWerkt.Training.Web.Features.Scenarios;

public sealed record GrowthRow(string CompetencyId, string Name, int Attempts, int First, int Latest, int Best);

public sealed record GrowthPoint(string Label, int Percent);

public sealed record GrowthSeries(string Name, IReadOnlyList<GrowthPoint> Points);

/// <summary>Turns finished attempts into growth per competency, as a percentage of what each scenario allowed.</summary>
public static class GrowthCalculator
{
    public static (IReadOnlyList<GrowthRow> Rows, IReadOnlyList<GrowthSeries> Series) Calculate(
        IEnumerable<AttemptSummary> finishedAttempts, Func<string, string> competencyName)
    {
        var ordered = finishedAttempts.Where(a => a.FinishedAt is not null).OrderBy(a => a.FinishedAt).ToList();
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

        var series = perCompetency.Select(g => new GrowthSeries(
            competencyName(g.Key),
            g.Select(x => new GrowthPoint(DutchFormat.Date(x.Attempt.FinishedAt!.Value) + " #" + x.Attempt.Id, Percent(x.Score.Score, x.Score.Max))).ToList()))
            .ToList();
        return (rows, series);
    }

    private static int Percent(int score, int max) => max <= 0 ? 0 : (int)Math.Round(100.0 * Math.Clamp(score, 0, max) / max);
}
