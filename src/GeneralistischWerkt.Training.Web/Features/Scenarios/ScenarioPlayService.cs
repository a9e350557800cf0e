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
    /// Makes choice <paramref name="choiceIndex"/> as step <paramref name="stepIndex"/>. If that step was already
    /// taken (double click, a resend after reconnecting) nothing changes: a choice is never counted twice.
    /// Returns the attempt as it is saved now (after the choice, or unchanged), so the page shows only what is saved
    /// without reading it back: one query and one write per choice.
    /// </summary>
    public async Task<AttemptView?> ChooseAsync(string userId, long attemptId, int stepIndex, int choiceIndex)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var attempt = await db.ScenarioAttempts.Include(a => a.Steps).SingleOrDefaultAsync(a => a.Id == attemptId && a.UserId == userId)
            ?? throw new InvalidOperationException("Deze poging bestaat niet of is niet van jou.");
        if (attempt.FinishedAt is not null || attempt.Steps.Count != stepIndex) return ViewOf(attempt, userId);
        var scenario = scenarios.Find(attempt.ScenarioId) ?? throw new InvalidOperationException("Het scenario is niet beschikbaar.");

        var run = ScenarioRun.Resume(scenario, attempt.Steps.OrderBy(s => s.Index).Select(s => s.ChoiceIndex));
        var node = run.CurrentNode;
        run = run.Choose(choiceIndex);
        var now = clock.GetUtcNow();
        attempt.Steps.Add(new AttemptStep
        {
            Index = stepIndex, NodeId = node.Id, ChoiceIndex = choiceIndex, ChoiceText = node.Choices[choiceIndex].Text, ChosenAt = now,
        });
        if (run.IsFinished)
        {
            attempt.FinishedAt = now;
            attempt.Outcome = run.Outcome!.Value.ToSlug();
            attempt.ScoresJson = JsonSerializer.Serialize(run.ScoreCard());
        }
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // The same step arrived twice at the same moment; the unique (attempt, index) kept the first one: show that.
            return await LoadAsync(userId, attemptId);
        }
        return ViewOf(attempt, userId);
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
