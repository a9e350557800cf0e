using GeneralistischWerkt.Training.Core.Scenarios;
using GeneralistischWerkt.Training.Web.Components.Pages.Scenarios;
using GeneralistischWerkt.Training.Web.Data;
using GeneralistischWerkt.Training.Web.Features.Accounts;
using GeneralistischWerkt.Training.Web.Features.Scenarios;
using GeneralistischWerkt.Training.Web.Identity;
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

    public async Task InitializeAsync()
    {
        db = await TestDatabase.CreateAsync(services =>
        {
            services.AddRealStores();
            services.AddScoped<ScenarioPlayService>();
        });
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
}
