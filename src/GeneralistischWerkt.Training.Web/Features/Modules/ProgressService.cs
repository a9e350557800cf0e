using GeneralistischWerkt.Training.Core.Content;
using GeneralistischWerkt.Training.Web.Data;
using GeneralistischWerkt.Training.Web.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace GeneralistischWerkt.Training.Web.Features.Modules;

public sealed record CheckStatus(string CheckId, int Answers, bool? FirstTryCorrect, bool EverCorrect);

public sealed record LessonStatus(string LessonId, bool Completed, DateTimeOffset? CompletedAt, IReadOnlyList<CheckStatus> Checks);

public sealed record ModuleProgress(ContentItem Module, IReadOnlyList<ContentItem> Lessons, int CompletedLessons)
{
    public int Percent => Lessons.Count == 0 ? 0 : (int)Math.Round(100.0 * CompletedLessons / Lessons.Count);
}

public sealed record LearningOverview(IReadOnlyList<ModuleProgress> Modules, IReadOnlyDictionary<string, LessonStatus> Lessons)
{
    public int TotalLessons => Modules.Sum(m => m.Lessons.Count);
    public int CompletedLessons => Modules.Sum(m => m.CompletedLessons);
    public int Percent => TotalLessons == 0 ? 0 : (int)Math.Round(100.0 * CompletedLessons / TotalLessons);
    public int FirstTryCorrect => Lessons.Values.SelectMany(l => l.Checks).Count(c => c.FirstTryCorrect == true);
    public int ChecksAnswered => Lessons.Values.SelectMany(l => l.Checks).Count(c => c.Answers > 0);
}

/// <summary>Stores and reads learning progress. One DbContext per call (interactive pages share nothing).</summary>
/// <summary>A completed module for its certificate: who completed it and when the last lesson was finished.</summary>
public sealed record ModuleCertificate(ContentItem Module, IReadOnlyList<ContentItem> Lessons, string CoachName, DateTimeOffset CompletedAt);

public class ProgressService(IDbContextFactory<ApplicationDbContext> dbFactory, ContentStore content, AccessRules access, TimeProvider clock)
{
    /// <summary>
    /// Stores an answer and, once every check of the lesson has been answered correctly at least once, marks the
    /// lesson completed. Returns whether the lesson is now completed.
    /// </summary>
    public async Task<bool> RecordAnswerAsync(string userId, string lessonId, string checkId, bool isCorrect, string answerJson)
    {
        var lesson = content.Library.Find(ContentKind.Lesson, lessonId)
            ?? throw new ArgumentException($"Onbekende les '{lessonId}'.", nameof(lessonId));
        if (lesson.Checks.All(c => c.Id != checkId)) throw new ArgumentException($"Onbekende check '{checkId}'.", nameof(checkId));

        await using var db = await dbFactory.CreateDbContextAsync();
        var now = clock.GetUtcNow();
        db.CheckAnswers.Add(new CheckAnswer
        {
            UserId = userId, LessonId = lessonId, CheckId = checkId, IsCorrect = isCorrect, AnsweredAt = now,
            AnswerJson = answerJson.Length > 8000 ? answerJson[..8000] : answerJson,
        });
        await db.SaveChangesAsync();

        if (await db.LessonCompletions.AnyAsync(c => c.UserId == userId && c.LessonId == lessonId)) return true;
        var correctChecks = await db.CheckAnswers
            .Where(a => a.UserId == userId && a.LessonId == lessonId && a.IsCorrect)
            .Select(a => a.CheckId).Distinct().ToListAsync();
        if (!lesson.Checks.All(c => correctChecks.Contains(c.Id))) return false;
        db.LessonCompletions.Add(new LessonCompletion { UserId = userId, LessonId = lessonId, CompletedAt = now });
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // A second tab completed it at the same moment: completed either way.
        }
        return true;
    }

    /// <summary>The signed-in user's own progress.</summary>
    public Task<LearningOverview> ForSelfAsync(string userId) => LoadAsync(userId);

    /// <summary>Another user's progress, or null when the viewer may not see it (see <see cref="AccessRules"/>).</summary>
    public async Task<LearningOverview?> ForCoachAsync(string viewerId, string coachId) =>
        await access.CanSeeProgressOfAsync(viewerId, coachId) ? await LoadAsync(coachId) : null;

    /// <summary>
    /// The signed-in coach's own certificate for a module, or null when the module is unknown, has no lessons or is not
    /// completed yet. Only ever for oneself: an attest is the coach's own to print.
    /// </summary>
    public async Task<ModuleCertificate?> CertificateAsync(string userId, string moduleId)
    {
        var overview = await LoadAsync(userId);
        var progress = overview.Modules.FirstOrDefault(m => m.Module.Id == moduleId);
        if (progress is null || progress.Lessons.Count == 0 || progress.CompletedLessons < progress.Lessons.Count) return null;
        var completedAt = progress.Lessons.Max(l => overview.Lessons[l.Id].CompletedAt!.Value);
        await using var db = await dbFactory.CreateDbContextAsync();
        var name = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).SingleAsync();
        return new ModuleCertificate(progress.Module, progress.Lessons, name, completedAt);
    }

    private async Task<LearningOverview> LoadAsync(string userId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var completions = await db.LessonCompletions.AsNoTracking().Where(c => c.UserId == userId).ToListAsync();
        var answers = await db.CheckAnswers.AsNoTracking().Where(a => a.UserId == userId)
            .OrderBy(a => a.Id)
            .Select(a => new { a.LessonId, a.CheckId, a.IsCorrect })
            .ToListAsync();

        var library = content.Library;
        var lessons = new Dictionary<string, LessonStatus>();
        var modules = new List<ModuleProgress>();
        foreach (var module in library.Modules)
        {
            var moduleLessons = library.LessonsOf(module.Id);
            foreach (var lesson in moduleLessons)
            {
                var checks = lesson.Checks.Select(check =>
                {
                    var mine = answers.Where(a => a.LessonId == lesson.Id && a.CheckId == check.Id).ToList();
                    return new CheckStatus(check.Id, mine.Count, mine.Count == 0 ? null : mine[0].IsCorrect, mine.Any(a => a.IsCorrect));
                }).ToList();
                var completion = completions.FirstOrDefault(c => c.LessonId == lesson.Id);
                lessons[lesson.Id] = new LessonStatus(lesson.Id, completion is not null, completion?.CompletedAt, checks);
            }
            modules.Add(new ModuleProgress(module, moduleLessons, moduleLessons.Count(l => lessons[l.Id].Completed)));
        }
        return new LearningOverview(modules, lessons);
    }
}
