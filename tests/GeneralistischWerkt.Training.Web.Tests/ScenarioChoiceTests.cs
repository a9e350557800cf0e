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
/// A choice is saved before it is shown, in one read and one write: ChooseAsync hands back exactly what the database
/// holds, so the player page needs no second read (load-test tuning, issue 15).
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
        var shown = await Play.ChooseAsync(coach, attempt, 0, 1);
        var saved = await Play.LoadAsync(coach, attempt);

        Assert.NotNull(shown?.Run);
        Assert.Equal(1, shown.Run.Steps.Count);
        Assert.Equal(saved!.Run!.CurrentNode.Id, shown.Run.CurrentNode.Id);
        Assert.Equal(saved.Attempt.Steps.Select(s => (s.Index, s.ChoiceIndex, s.NodeId)), shown.Attempt.Steps.Select(s => (s.Index, s.ChoiceIndex, s.NodeId)));
        Assert.True(shown.IsOwner);
    }

    [Fact]
    public async Task A_second_click_on_the_same_step_changes_nothing_and_shows_what_is_saved()
    {
        var attempt = await Play.StartAsync(coach, "eerste-gesprek", FeedbackMode.AtEnd);
        await Play.ChooseAsync(coach, attempt, 0, 1);
        var again = await Play.ChooseAsync(coach, attempt, 0, 0);

        Assert.Equal([1], again!.Attempt.Steps.Select(s => s.ChoiceIndex));
        Assert.Equal([1], (await Play.LoadAsync(coach, attempt))!.Attempt.Steps.Select(s => s.ChoiceIndex));
    }

    [Fact]
    public async Task A_choice_costs_one_query_and_one_write_and_the_last_one_also_closes_the_attempt()
    {
        var scenario = "eerste-gesprek";
        var attempt = await Play.StartAsync(coach, scenario, FeedbackMode.AfterEachChoice);
        var view = await Play.LoadAsync(coach, attempt);
        var step = 0;
        while (!view!.Run!.IsFinished)
        {
            commands.Clear();
            view = await Play.ChooseAsync(coach, attempt, step++, 0);
            // One read of the attempt with its steps and one INSERT of the step, whatever the attempt's length; the last
            // choice also closes the attempt (an UPDATE in the same SaveChanges: PostgreSQL batches it, SQLite does not).
            var log = string.Join("\n---\n", commands.Texts);
            Assert.True(commands.Reads == 1, log);
            Assert.True(commands.Writes == (view!.Run!.IsFinished && TestDatabase.Provider == DatabaseProvider.Sqlite ? 2 : 1), log);
        }
        Assert.True(step > 1, "the scenario should take more than one choice");
    }
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
