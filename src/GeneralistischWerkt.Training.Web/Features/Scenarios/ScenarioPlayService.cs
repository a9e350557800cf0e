using GeneralistischWerkt.Training.Web.Features.Editing;
using System.Text.Json;
using GeneralistischWerkt.Training.Core.Scenarios;
using GeneralistischWerkt.Training.Web.Data;
using GeneralistischWerkt.Training.Web.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace GeneralistischWerkt.Training.Web.Features.Scenarios;

public sealed record AttemptView(ScenarioAttempt Attempt, Scenario Scenario, ScenarioRun? Run, bool IsOwner, string? ReplayError);

public sealed record AttemptSummary(long Id, string ScenarioId, string ScenarioTitle, DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt, ScenarioOutcome? Outcome, IReadOnlyList<CompetencyScore> Scores)
{
    public int Total => Scores.Sum(s => s.Score);
    public int Max => Scores.Sum(s => s.Max);
}

/// <summary>
/// Plays scenarios for users and keeps every choice in the database the moment it is made. One DbContext per call.
/// </summary>
public class ScenarioPlayService(IDbContextFactory<ApplicationDbContext> dbFactory, ScenarioStore scenarios,
    AccessRules access, TimeProvider clock)
{
    public async Task<long> StartAsync(string userId, string scenarioId, FeedbackMode mode)
    {
        if (scenarios.Find(scenarioId) is null) throw new ArgumentException($"Onbekend scenario '{scenarioId}'.", nameof(scenarioId));
        if (!Enum.IsDefined(mode)) throw new ArgumentException($"Onbekende manier van feedback '{(int)mode}'.", nameof(mode));
        await using var db = await dbFactory.CreateDbContextAsync();
        var attempt = new ScenarioAttempt { UserId = userId, ScenarioId = scenarioId, FeedbackMode = mode, StartedAt = clock.GetUtcNow() };
        db.ScenarioAttempts.Add(attempt);
        await db.SaveChangesAsync();
        return attempt.Id;
    }

    /// <summary>The attempt with its replayed run, or null when it does not exist or the viewer may not see it.</summary>
    public async Task<AttemptView?> LoadAsync(string viewerId, long attemptId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var attempt = await db.ScenarioAttempts.AsNoTracking().Include(a => a.Steps)
            .SingleOrDefaultAsync(a => a.Id == attemptId);
        if (attempt is null || !await access.CanSeeAttemptsOfAsync(viewerId, attempt.UserId)) return null;
        return ViewOf(attempt, viewerId);
    }

    /// <summary>Replays the attempt's saved steps on its scenario (null when the scenario is gone).</summary>
    private AttemptView? ViewOf(ScenarioAttempt attempt, string viewerId)
    {
        var scenario = scenarios.Find(attempt.ScenarioId);
        if (scenario is null) return null;
        attempt.Steps = attempt.Steps.OrderBy(s => s.Index).ToList();
        try
        {
            var run = ScenarioRun.Resume(scenario, attempt.Steps.Select(s => s.ChoiceIndex));
            return new AttemptView(attempt, scenario, run, attempt.UserId == viewerId, null);
        }
        catch (ScenarioRunException exception)
        {
            return new AttemptView(attempt, scenario, null, attempt.UserId == viewerId, exception.Message);
        }
    }

    /// <summary>
    /// Makes choice <paramref name="choiceIndex"/> as step <paramref name="stepIndex"/> of the attempt the page shows
    /// (<paramref name="shown"/>, as <see cref="LoadAsync"/> or this method returned it). The choice is written without
    /// reading the attempt again: one INSERT per choice (and the attempt's UPDATE when it ends). The database still
    /// decides: (attempt, index) is unique, so when another window or a resend already took this step, or the attempt
    /// is gone, the write fails and the page gets what the database holds. A click on a step that is no longer the
    /// current one (the second click of a double click) changes nothing. Returns what is saved now.
    /// </summary>
    public async Task<AttemptView?> ChooseAsync(string userId, AttemptView shown, int stepIndex, int choiceIndex)
    {
        var saved = shown.Attempt;
        if (saved.UserId != userId) throw new InvalidOperationException("Deze poging bestaat niet of is niet van jou.");
        if (shown.Run is not { } before || saved.FinishedAt is not null || saved.Steps.Count != stepIndex)
            return await LoadAsync(userId, saved.Id);

        var node = before.CurrentNode;
        var after = before.Choose(choiceIndex);
        // Whole milliseconds: both stores keep those exactly (SQLite's converter keeps 0.1 ms, PostgreSQL 1 µs), so the
        // view handed back holds the very times a fresh load would read.
        var now = clock.GetUtcNow();
        now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
        var step = new AttemptStep
        {
            AttemptId = saved.Id, Index = stepIndex, NodeId = node.Id, ChoiceIndex = choiceIndex, ChoiceText = node.Choices[choiceIndex].Text, ChosenAt = now,
        };
        var attempt = new ScenarioAttempt
        {
            Id = saved.Id, UserId = saved.UserId, ScenarioId = saved.ScenarioId, FeedbackMode = saved.FeedbackMode,
            StartedAt = saved.StartedAt, Steps = [.. saved.Steps, step],
        };
        await using var db = await dbFactory.CreateDbContextAsync();
        db.AttemptSteps.Add(step);
        if (after.IsFinished)
        {
            // Attached as a key only, so the UPDATE names just the columns that close the attempt.
            var closing = new ScenarioAttempt { Id = saved.Id };
            db.ScenarioAttempts.Attach(closing);
            attempt.FinishedAt = closing.FinishedAt = now;
            attempt.Outcome = closing.Outcome = after.Outcome!.Value.ToSlug();
            attempt.ScoresJson = closing.ScoresJson = JsonSerializer.Serialize(after.ScoreCard());
        }
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // This step was already taken (another window, a resend) or the attempt is gone: show what is saved.
            return await LoadAsync(userId, saved.Id);
        }
        step.Attempt = null;
        return new AttemptView(attempt, shown.Scenario, after, true, null);
    }

    /// <summary>Stores the owner's answer to the reflection question of a step's choice.</summary>
    public async Task<bool> SaveReflectionAnswerAsync(string userId, long attemptId, int stepIndex, string answer)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var step = await db.AttemptSteps.SingleOrDefaultAsync(s => s.AttemptId == attemptId && s.Index == stepIndex && s.Attempt!.UserId == userId);
        if (step is null) return false;
        answer = (answer ?? "").Trim();
        step.ReflectionAnswer = answer.Length == 0 ? null : TextLimits.Clip(answer, TextLimits.ScenarioReflectionAnswer);
        await db.SaveChangesAsync();
        return true;
    }

    public async Task<IReadOnlyList<AttemptSummary>> AttemptsOfAsync(string viewerId, string ownerId, string? scenarioId = null)
    {
        if (!await access.CanSeeAttemptsOfAsync(viewerId, ownerId)) return [];
        await using var db = await dbFactory.CreateDbContextAsync();
        var query = db.ScenarioAttempts.AsNoTracking().Where(a => a.UserId == ownerId);
        if (scenarioId is not null) query = query.Where(a => a.ScenarioId == scenarioId);
        var attempts = await query.OrderByDescending(a => a.Id).ToListAsync();
        return attempts.Select(a => new AttemptSummary(
            a.Id, a.ScenarioId, scenarios.Find(a.ScenarioId)?.Title ?? a.ScenarioId, a.StartedAt, a.FinishedAt,
            ScenarioOutcomes.TryParse(a.Outcome, out var outcome) ? outcome : null,
            a.ScoresJson is null ? [] : JsonSerializer.Deserialize<List<CompetencyScore>>(a.ScoresJson) ?? [])).ToList();
    }
}
