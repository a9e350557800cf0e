using GeneralistischWerkt.Training.Core.Formatting;
using GeneralistischWerkt.Training.Web.Data;
using GeneralistischWerkt.Training.Web.Features.Access;
using GeneralistischWerkt.Training.Web.Features.Modules;
using GeneralistischWerkt.Training.Web.Features.Reflections;
using GeneralistischWerkt.Training.Web.Features.Scenarios;
using GeneralistischWerkt.Training.Web.Features.Supervision;
using Microsoft.EntityFrameworkCore;

namespace GeneralistischWerkt.Training.Web.Features.StartPages;

/// <summary>One supervised coach on the werkbegeleider's start page.</summary>
public sealed record CoachStatus(string CoachId, string Name, int LessonsDone, int LessonsTotal, DateTimeOffset? LastActivity,
    int UnreadShared, int OverdueAgreements, DateOnly? NextSession);

/// <summary>One row of the team view: a module or a competency, each coach's percentage (null: nothing yet) and the team's mean.</summary>
public sealed record TeamRow(string Name, IReadOnlyList<int?> PerCoach)
{
    public int? Team => PerCoach.Any(p => p is not null) ? (int)Math.Round(PerCoach.Where(p => p is not null).Average(p => p!.Value)) : null;
}

public sealed record SupervisorStart(IReadOnlyList<CoachStatus> Coaches, IReadOnlyList<TeamRow> Modules, IReadOnlyList<TeamRow> Competencies);

/// <summary>
/// The werkbegeleider's "what now?": per coach they currently supervise, progress, last activity, unread shared
/// reflections, overdue agreements and the next session; and a team view of modules and competencies. Every figure
/// comes through a service that checks the access rules for this werkbegeleider (a coach's private drafts count nowhere).
/// </summary>
public class SupervisorStartPage(IDbContextFactory<ApplicationDbContext> dbFactory, AccessRules access, ProgressService progress,
    ScenarioPlayService attempts, ReflectionService reflections, SupervisionService supervision, ScenarioStore scenarios, TimeProvider clock)
{
    public async Task<SupervisorStart> LoadAsync(string supervisorId)
    {
        var today = DutchFormat.Today(clock.GetUtcNow());
        List<(string Id, string Name)> coaches;
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            coaches = (await db.SupervisorAssignments.AsNoTracking()
                    .Where(a => a.SupervisorId == supervisorId && a.EndedAt == null)
                    .Select(a => new { a.CoachId, a.Coach!.DisplayName }).ToListAsync())
                .Select(a => (a.CoachId, a.DisplayName)).OrderBy(c => c.DisplayName, StringComparer.Create(DutchFormat.Culture, true)).ToList();
        }

        var statuses = new List<CoachStatus>();
        var learning = new List<LearningOverview>();
        var growth = new List<IReadOnlyDictionary<string, int>>();
        var agreements = await supervision.AgreementsAsync(supervisorId);
        var sessions = await supervision.SessionsAsync(supervisorId);
        foreach (var (coachId, name) in coaches)
        {
            var overview = await progress.ForCoachAsync(supervisorId, coachId);
            if (overview is null) continue;
            var played = await attempts.AttemptsOfAsync(supervisorId, coachId);
            learning.Add(overview);
            growth.Add(GrowthCalculator.Calculate(played, scenarios.CompetencyName).Rows.ToDictionary(r => r.Name, r => r.Latest));
            statuses.Add(new CoachStatus(coachId, name, overview.CompletedLessons, overview.TotalLessons,
                await LastActivityAsync(supervisorId, coachId),
                (await reflections.InboxAsync(supervisorId, coachId)).Count(r => r.ReviewState == ReviewState.Unread),
                agreements.Count(a => a.CoachId == coachId && SupervisionService.IsOverdue(a, today)),
                sessions.Where(s => s.CoachId == coachId && s.Date >= today).Select(s => (DateOnly?)s.Date).Min()));
        }

        var modules = learning.Count == 0 ? [] : learning[0].Modules.Select((m, i) =>
            new TeamRow(m.Module.Title, learning.Select(l => (int?)l.Modules[i].Percent).ToList())).ToList();
        // Lowest team score first: where the team most needs practice.
        var competencies = growth.SelectMany(g => g.Keys).Distinct()
            .Select(name => new TeamRow(name, growth.Select(g => g.TryGetValue(name, out var p) ? (int?)p : null).ToList()))
            .OrderBy(r => r.Team).ThenBy(r => r.Name, StringComparer.Create(DutchFormat.Culture, true)).ToList();
        return new SupervisorStart(statuses, modules, competencies);
    }

    /// <summary>The coach's latest answer to a check or choice in a scenario: what the werkbegeleider may see of their learning.</summary>
    private async Task<DateTimeOffset?> LastActivityAsync(string supervisorId, string coachId)
    {
        if (!await access.CanSeeProgressOfAsync(supervisorId, coachId)) return null;
        await using var db = await dbFactory.CreateDbContextAsync();
        var answer = await db.CheckAnswers.Where(a => a.UserId == coachId).MaxAsync(a => (DateTimeOffset?)a.AnsweredAt);
        var choice = await db.AttemptSteps.Where(s => s.Attempt!.UserId == coachId).MaxAsync(s => (DateTimeOffset?)s.ChosenAt);
        return answer is null ? choice : choice is null ? answer : answer > choice ? answer : choice;
    }
}
