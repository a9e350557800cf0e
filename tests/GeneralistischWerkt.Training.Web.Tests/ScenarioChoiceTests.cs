using System.Data.Common;
using GeneralistischWerkt.Training.Core.Scenarios;
using GeneralistischWerkt.Training.Web.Components.Pages.Scenarios;
using GeneralistischWerkt.Training.Web.Data;
using GeneralistischWerkt.Training.Web.Features.Accounts;
using GeneralistischWerkt.Training.Web.Features.Scenarios;
using GeneralistischWerkt.Training.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace GeneralistischWerkt.Training.Web.Tests;

/// <summary>
/// A choice is saved before it is shown, in one write and no read: ChooseAsync builds on the attempt the page shows and
/// hands back exactly what the database holds, so the player page needs no read per choice (load-test tuning, issue 15);
/// the database's unique (attempt, index) still decides when two windows or a resend take the same step.
/// </summary>
public class ScenarioChoiceTests : IAsyncLifetime
{
    private TestDatabase db = default!;
    private string coach = "";
    private readonly CommandLog commands = new();

    public async Task InitializeAsync()
    {
        db = await TestDatabase.CreateAsync(services =>
        {
            services.AddRealStores();
            services.AddScoped<ScenarioPlayService>();
        }, options => options.AddInterceptors(commands));
        coach = (await db.Accounts.CreateAccountAsync(new NewAccount("Cora Coach", "cora@dienst.be", "Sterk-Wachtwoord-1", [Roles.Coach]))).Value!;
    }

    public async Task DisposeAsync() => await db.DisposeAsync();

    private ScenarioPlayService Play => db.Services.CreateScope().ServiceProvider.GetRequiredService<ScenarioPlayService>();

    [Fact]
    public async Task The_view_after_a_choice_is_what_a_fresh_load_shows()
    {
        var attempt = await Play.StartAsync(coach, "eerste-gesprek", FeedbackMode.AfterEachChoice);
        var shown = await Play.ChooseAsync(coach, (await Play.LoadAsync(coach, attempt))!, 0, 1);
        var saved = await Play.LoadAsync(coach, attempt);

        Assert.NotNull(shown?.Run);
        Assert.Single(shown.Run.Steps);
        Assert.Equal(saved!.Run!.CurrentNode.Id, shown.Run.CurrentNode.Id);
        Assert.Equal(Steps(saved), Steps(shown));
        Assert.True(shown.IsOwner);
    }

    [Fact]
    public async Task The_view_after_the_last_choice_is_what_a_fresh_load_shows_with_outcome_and_scores()
    {
        var attempt = await Play.StartAsync(coach, "eerste-gesprek", FeedbackMode.AtEnd);
        var view = await Play.LoadAsync(coach, attempt);
        for (var step = 0; !view!.Run!.IsFinished; step++) view = await Play.ChooseAsync(coach, view, step, 0);
        var saved = (await Play.LoadAsync(coach, attempt))!;

        Assert.Equal(Steps(saved), Steps(view));
        Assert.NotNull(saved.Attempt.FinishedAt);
        Assert.Equal(saved.Attempt.FinishedAt, view.Attempt.FinishedAt);
        Assert.Equal(saved.Attempt.Outcome, view.Attempt.Outcome);
        Assert.Equal(saved.Attempt.ScoresJson, view.Attempt.ScoresJson);
        Assert.Equal(saved.Run!.ScoreCard(), view.Run.ScoreCard());
    }

    [Fact]
    public async Task A_second_click_on_the_same_step_changes_nothing_and_shows_what_is_saved()
    {
        var attempt = await Play.StartAsync(coach, "eerste-gesprek", FeedbackMode.AtEnd);
        var before = (await Play.LoadAsync(coach, attempt))!;
        var first = await Play.ChooseAsync(coach, before, 0, 1);
        // The second click of a double click carries the step it was rendered for: on the new view it is stale.
        var again = await Play.ChooseAsync(coach, first!, 0, 0);

        Assert.Equal([1], again!.Attempt.Steps.Select(s => s.ChoiceIndex));
        Assert.Equal([1], (await Play.LoadAsync(coach, attempt))!.Attempt.Steps.Select(s => s.ChoiceIndex));
    }

    [Fact]
    public async Task A_step_already_taken_in_another_window_is_not_counted_twice_and_that_window_shows_what_is_saved()
    {
        var attempt = await Play.StartAsync(coach, "eerste-gesprek", FeedbackMode.AtEnd);
        var windowA = (await Play.LoadAsync(coach, attempt))!;
        var windowB = (await Play.LoadAsync(coach, attempt))!;
        await Play.ChooseAsync(coach, windowA, 0, 1);

        // Window B still shows step 0 as open; the database's unique (attempt, index) refuses its choice.
        var shownInB = await Play.ChooseAsync(coach, windowB, 0, 0);

        Assert.Equal([1], shownInB!.Attempt.Steps.Select(s => s.ChoiceIndex));
        Assert.Equal([1], (await Play.LoadAsync(coach, attempt))!.Attempt.Steps.Select(s => s.ChoiceIndex));
    }

    [Fact]
    public async Task A_choice_in_an_attempt_deleted_meanwhile_saves_nothing_and_shows_nothing()
    {
        var attempt = await Play.StartAsync(coach, "eerste-gesprek", FeedbackMode.AtEnd);
        var shown = (await Play.LoadAsync(coach, attempt))!;
        await using (var context = await db.Services.GetRequiredService<IDbContextFactory<ApplicationDbContext>>().CreateDbContextAsync())
            await context.ScenarioAttempts.Where(a => a.Id == attempt).ExecuteDeleteAsync();

        Assert.Null(await Play.ChooseAsync(coach, shown, 0, 1));
        await using var check = await db.Services.GetRequiredService<IDbContextFactory<ApplicationDbContext>>().CreateDbContextAsync();
        Assert.False(await check.AttemptSteps.AnyAsync(s => s.AttemptId == attempt));
    }

    [Fact]
    public async Task Someone_else_cannot_choose_in_an_attempt_they_were_shown()
    {
        var other = (await db.Accounts.CreateAccountAsync(new NewAccount("Otto Ander", "otto@dienst.be", "Sterk-Wachtwoord-1", [Roles.Coach]))).Value!;
        var attempt = await Play.StartAsync(coach, "eerste-gesprek", FeedbackMode.AtEnd);
        var shown = (await Play.LoadAsync(coach, attempt))!;

        await Assert.ThrowsAsync<InvalidOperationException>(() => Play.ChooseAsync(other, shown, 0, 1));
        Assert.Empty((await Play.LoadAsync(coach, attempt))!.Attempt.Steps);
    }

    [Fact]
    public async Task A_choice_costs_one_write_and_no_read_and_the_last_one_also_closes_the_attempt()
    {
        var scenario = "eerste-gesprek";
        var attempt = await Play.StartAsync(coach, scenario, FeedbackMode.AfterEachChoice);
        var view = await Play.LoadAsync(coach, attempt);
        var step = 0;
        while (!view!.Run!.IsFinished)
        {
            commands.Clear();
            view = await Play.ChooseAsync(coach, view, step++, 0);
            // One INSERT of the step, whatever the attempt's length; the last choice also closes the attempt (an UPDATE
            // in the same SaveChanges: PostgreSQL batches it, SQLite does not).
            var log = string.Join("\n---\n", commands.Texts);
            Assert.True(commands.Reads == 0, log);
            Assert.True(commands.Writes == (view!.Run!.IsFinished && TestDatabase.Provider == DatabaseProvider.Sqlite ? 2 : 1), log);
        }
        Assert.True(step > 1, "the scenario should take more than one choice");
    }

    private static IEnumerable<(int, int, string, string, DateTimeOffset)> Steps(AttemptView view) =>
        view.Attempt.Steps.Select(s => (s.Index, s.ChoiceIndex, s.NodeId, s.ChoiceText, s.ChosenAt));
}

/// <summary>Counts the commands EF Core sends, split into reads (SELECT) and the rest.</summary>
internal sealed class CommandLog : DbCommandInterceptor
{
    private int reads, writes;
    public int Reads => reads;
    public int Writes => writes;
    public List<string> Texts { get; } = [];
    public void Clear() { reads = 0; writes = 0; Texts.Clear(); }

    private void Count(DbCommand command)
    {
        lock (Texts) Texts.Add(command.CommandText);
        if (command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)) Interlocked.Increment(ref reads);
        else Interlocked.Increment(ref writes);
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return ValueTask.FromResult(result);
    }
}
