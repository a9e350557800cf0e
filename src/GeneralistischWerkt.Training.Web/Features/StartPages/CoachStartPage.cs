using GeneralistischWerkt.Training.Core.Content;
using GeneralistischWerkt.Training.Core.Content.Markdown;
using GeneralistischWerkt.Training.Web.Data;
using GeneralistischWerkt.Training.Web.Features.Modules;
using GeneralistischWerkt.Training.Web.Features.Notifications;
using GeneralistischWerkt.Training.Web.Features.Scenarios;
using GeneralistischWerkt.Training.Web.Features.Supervision;
using Microsoft.EntityFrameworkCore;

namespace GeneralistischWerkt.Training.Web.Features.StartPages;

/// <summary>Where the coach left off: a lesson begun but not finished, or a scenario attempt not played to the end.</summary>
public sealed record ContinueItem(string Title, string KindName, string Link, DateTimeOffset LastActivity);

public sealed record CoachStart(ContinueItem? Continue, LearningOverview Progress, IReadOnlyList<Agreement> OpenAgreements,
    IReadOnlyList<NotificationItem> Unread, Suggestion? Next);

/// <summary>
/// What the coach's start page answers to "what now?". Everything is the signed-in coach's own: each part comes from
/// the service that owns it (progress, attempts, agreements, notifications), which applies the access rules.
/// </summary>
public class CoachStartPage(IDbContextFactory<ApplicationDbContext> dbFactory, ProgressService progress, ScenarioPlayService attempts,
    SupervisionService supervision, UserNotifications notifications, ContentStore content, ScenarioStore scenarios)
{
    public async Task<CoachStart> LoadAsync(string coachId)
    {
        await notifications.EnsureAgreementNoticesAsync(coachId);
        var overview = await progress.ForSelfAsync(coachId);
        var open = (await supervision.AgreementsAsync(coachId, coachId)).Where(a => a.Status.IsOpen()).ToList();
        var played = (await attempts.AttemptsOfAsync(coachId, coachId)).Select(a => a.ScenarioId).ToHashSet();
        var next = NextSuggestion.Pick(open, content.Search, overview, scenarios.Catalogue, played);
        var unread = await notifications.ListAsync(coachId, unreadOnly: true);
        return new CoachStart(await ContinueAsync(coachId, overview), overview, open, unread, next);
    }

    /// <summary>The most recent of: an unfinished attempt (by its last choice) and a lesson with answers but not completed.</summary>
    private async Task<ContinueItem?> ContinueAsync(string coachId, LearningOverview overview)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var unfinished = await db.ScenarioAttempts.AsNoTracking()
            .Where(a => a.UserId == coachId && a.FinishedAt == null)
            .Select(a => new { a.Id, a.ScenarioId, a.StartedAt, LastChoice = a.Steps.Max(s => (DateTimeOffset?)s.ChosenAt) })
            .ToListAsync();
        var attempt = unfinished
            .Select(a => (a.Id, a.ScenarioId, When: a.LastChoice ?? a.StartedAt, Scenario: scenarios.Find(a.ScenarioId)))
            .Where(a => a.Scenario is not null)
            .OrderByDescending(a => a.When).FirstOrDefault();

        var answered = await db.CheckAnswers.AsNoTracking().Where(a => a.UserId == coachId)
            .GroupBy(a => a.LessonId).Select(g => new { LessonId = g.Key, Last = g.Max(a => a.AnsweredAt) }).ToListAsync();
        var lesson = answered
            .Where(a => overview.Lessons.TryGetValue(a.LessonId, out var status) && !status.Completed)
            .Select(a => (Item: content.Library.Find(ContentKind.Lesson, a.LessonId), a.Last))
            .Where(a => a.Item is not null)
            .OrderByDescending(a => a.Last).FirstOrDefault();

        ContinueItem? fromAttempt = attempt.Scenario is null ? null
            : new(attempt.Scenario.Title, "Rollenspel", $"/scenarios/{attempt.ScenarioId}/pogingen/{attempt.Id}", attempt.When);
        ContinueItem? fromLesson = lesson.Item is null ? null
            : new(lesson.Item.Title, "Les", ContentUrls.For(lesson.Item), lesson.Last);
        if (fromAttempt is null) return fromLesson;
        if (fromLesson is null) return fromAttempt;
        return fromAttempt.LastActivity >= fromLesson.LastActivity ? fromAttempt : fromLesson;
    }
}
