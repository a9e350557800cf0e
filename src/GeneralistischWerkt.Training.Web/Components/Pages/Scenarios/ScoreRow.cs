using GeneralistischWerkt.Training.Core.Scenarios;

namespace GeneralistischWerkt.Training.Web.Components.Pages.Scenarios;

/// <summary>One competency's points in an attempt, with what the scenario made reachable.</summary>
public sealed record ScoreRow(string Name, int Score, int Max);

/// <summary>The one way an attempt's points read in a list: gains and losses apart, so a loss never hides a gain.</summary>
public static class PointsText
{
    /// <summary>"12 van 33 punten gehaald, 1 verloren"</summary>
    public static string Of(IReadOnlyList<CompetencyScore> scores)
    {
        var gained = scores.Sum(s => Math.Max(s.Score, 0));
        var lost = scores.Sum(s => Math.Max(-s.Score, 0));
        return $"{gained} van {scores.Sum(s => s.Max)} punten gehaald" + (lost > 0 ? $", {lost} verloren" : "");
    }
}
