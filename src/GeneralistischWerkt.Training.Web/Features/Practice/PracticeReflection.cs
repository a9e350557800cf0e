using System.Text;
using GeneralistischWerkt.Training.Core.Formatting;
using GeneralistischWerkt.Training.Core.Scenarios;

namespace GeneralistischWerkt.Training.Web.Features.Practice;

/// <summary>The starting text of a reflection made from a practice debrief (STARR sections), in Markdown.</summary>
public static class PracticeReflection
{
    public static Dictionary<string, string> Sections(PracticeView view, PracticeDebrief debrief)
    {
        var mode = view.IsRolePlay ? "telefoonrollenspel" : "samen beslissen";
        var situation = $"Oefensessie in team ({mode}) op het scenario *{view.Scenario!.Title}*, {DutchFormat.Date(view.Session.CreatedAt)}. " +
                        $"Mijn rol: {(view.IsRolePlay ? PracticeRoles.Name(view.MyRole).ToLowerInvariant() : "deelnemer")}.";
        var action = new StringBuilder();
        foreach (var decision in debrief.Decisions)
            action.AppendLine($"{decision.Index + 1}. {decision.Chosen.Text}");
        if (debrief.Ending?.Ending is { } ending) action.AppendLine().AppendLine($"Afloop: {ending.Outcome.ToDutch()}.");
        var result = new StringBuilder();
        foreach (var score in debrief.TeamScores) result.AppendLine($"- {score.CompetencyId}: {score.Score} van {score.Max}");
        foreach (var row in debrief.Checklist)
            result.AppendLine($"- Gezien door {row.SeenBy} van {debrief.Observers.Count} observatoren: {row.Item.Text}");
        return new Dictionary<string, string>
        {
            ["situatie"] = situation,
            ["actie"] = action.ToString().TrimEnd(),
            ["resultaat"] = result.ToString().TrimEnd(),
        };
    }
}
