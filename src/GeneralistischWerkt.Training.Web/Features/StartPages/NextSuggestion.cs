using GeneralistischWerkt.Training.Core.Content;
using GeneralistischWerkt.Training.Core.Content.Markdown;
using GeneralistischWerkt.Training.Core.Learning;
using GeneralistischWerkt.Training.Core.Scenarios;
using GeneralistischWerkt.Training.Web.Data;
using GeneralistischWerkt.Training.Web.Features.Modules;

namespace GeneralistischWerkt.Training.Web.Features.StartPages;

/// <summary>What the start page proposes to do next, and why (shown to the coach).</summary>
public sealed record Suggestion(string Title, string Link, string KindName, string Reason);

/// <summary>
/// The next lesson or scenario for a coach: first something an open agreement names (found with the content search
/// on the agreement's words, and by scenario title), else the next unfinished lesson in module order, else a scenario
/// the coach has not played yet.
/// </summary>
public static class NextSuggestion
{
    /// <summary>Words too common in agreements to point at one lesson or scenario.</summary>
    private static readonly HashSet<string> CommonWords =
    [
        "client", "clienten", "clientes", "samen", "maken", "volgende", "tegen", "hebben", "eerst", "eerste", "keer",
        "week", "weken", "nieuwe", "zelf", "proberen", "oefenen", "bespreken", "lezen", "opnieuw", "werkbegeleiding",
    ];

    /// <summary>Content kinds an agreement can send a coach to (a lesson to take, a method page to study).</summary>
    private static readonly ContentKind[] Studied = [ContentKind.Lesson, ContentKind.Technique, ContentKind.CoreAttitude, ContentKind.Instrument, ContentKind.QuestionType];

    public static Suggestion? Pick(IReadOnlyList<Agreement> openAgreements, ContentSearch search, LearningOverview progress,
        IReadOnlyList<Scenario> catalogue, IReadOnlySet<string> playedScenarioIds)
    {
        foreach (var agreement in openAgreements.OrderBy(a => a.DueDate ?? DateOnly.MaxValue).ThenBy(a => a.Id))
        {
            if (FromAgreement(agreement, search, progress, catalogue) is { } named) return named;
        }
        foreach (var module in progress.Modules)
        {
            var lesson = module.Lessons.FirstOrDefault(l => progress.Lessons.TryGetValue(l.Id, out var s) && !s.Completed);
            if (lesson is not null)
                return new Suggestion(lesson.Title, ContentUrls.For(lesson), "Les", $"De volgende les van de module ‘{module.Module.Title}’.");
        }
        var unplayed = catalogue.FirstOrDefault(s => !playedScenarioIds.Contains(s.Id));
        return unplayed is null ? null
            : new Suggestion(unplayed.Title, $"/scenarios/{unplayed.Id}", "Rollenspel", "Alle lessen zijn af: dit rollenspel speelde je nog niet.");
    }

    /// <summary>The best match among lessons, method pages and scenarios whose title shares a word with the agreement.</summary>
    private static Suggestion? FromAgreement(Agreement agreement, ContentSearch search, LearningOverview progress, IReadOnlyList<Scenario> catalogue)
    {
        var stems = Stems(agreement.What);
        if (stems.Count == 0) return null;
        var scores = new Dictionary<(string Title, string Link, string KindName, int Rank), int>();
        void Count((string, string, string, int) key) => scores[key] = scores.GetValueOrDefault(key) + 1;

        foreach (var stem in stems)
        {
            foreach (var hit in search.Search(stem))
            {
                if (!Studied.Contains(hit.Item.Kind) || !hit.TitleParts.Any(p => p.IsHit)) continue;
                // A lesson already completed is no longer a suggestion; a method page always can be read again.
                if (hit.Item.Kind == ContentKind.Lesson && progress.Lessons.TryGetValue(hit.Item.Id, out var status) && status.Completed) continue;
                var isLesson = hit.Item.Kind == ContentKind.Lesson;
                Count((hit.Item.Title, ContentUrls.For(hit.Item), isLesson ? "Les" : "Methodiek", isLesson ? 0 : 2));
            }
            foreach (var scenario in catalogue.Where(s => ContentSearch.Fold(s.Title).Contains(stem, StringComparison.Ordinal)))
                Count((scenario.Title, $"/scenarios/{scenario.Id}", "Rollenspel", 1));
        }
        if (scores.Count == 0) return null;
        var best = scores.OrderByDescending(s => s.Value).ThenBy(s => s.Key.Rank).ThenBy(s => s.Key.Title, StringComparer.Ordinal).First().Key;
        return new Suggestion(best.Title, best.Link, best.KindName, $"Uit je afspraak ‘{Short(agreement.What)}’.");
    }

    /// <summary>
    /// The agreement's telling words, cut to their first six letters so word forms meet ("doorverwijzing" finds
    /// "Doorverwijzen", "ecogrammen" finds "Ecogram").
    /// </summary>
    internal static IReadOnlyList<string> Stems(string text) =>
        ContentSearch.Fold(text)
            .Split(' ', '\t', '\n', ',', '.', ';', ':', '!', '?', '(', ')', '\'', '"', '‘', '’', '/', '-')
            .Where(w => w.Length >= 5 && !CommonWords.Contains(w))
            .Select(w => w.Length > 6 ? w[..6] : w)
            .Distinct()
            .ToList();

    private static string Short(string text) => text.Length <= 60 ? text : text[..59].TrimEnd() + "…";
}
