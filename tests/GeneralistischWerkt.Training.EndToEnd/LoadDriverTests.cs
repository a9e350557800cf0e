using System.Text.Json;
using GeneralistischWerkt.Training.Core.Scenarios;
using GeneralistischWerkt.Training.LoadDriver;

namespace GeneralistischWerkt.Training.EndToEnd;

/// <summary>
/// The load driver's headless circuit client against the real app: it signs in through the form, starts a scenario,
/// makes a choice over the circuit protocol, and the choice is saved (a fresh page load shows it). And the diagnostics
/// endpoint the driver reads is for beheerders only.
/// </summary>
public class LoadDriverTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_headless_client_plays_a_choice_over_the_circuit_and_it_is_saved()
    {
        await using var player = new PlayerCircuit(new Uri(Fixture.App.BaseUrl + "/"));
        await player.SignInAsync("cas.coach@demo.gwt.be", DemoPassword, CancellationToken.None);
        await player.OpenAsync("scenarios/eerste-gesprek", CancellationToken.None);
        var start = await player.WaitForAsync(p => PlayPage.Button(p, PlayPage.StartButton) is { } h ? (object)h : null, Step, CancellationToken.None);
        await player.ClickAsync((long)start, CancellationToken.None);
        var first = await player.WaitForAsync(p => PlayPage.Choices(p) is { Count: > 0 } c ? c : null, Step, CancellationToken.None);
        Assert.Matches("^/scenarios/eerste-gesprek/pogingen/\\d+$", player.CurrentPath);
        Assert.Contains("Ik weet eigenlijk niet goed waar ik moet beginnen.", player.Read(p => PlayPage.Conversation(p).Current));

        await player.ClickAsync(first[1].Handler, CancellationToken.None);
        await player.WaitForAsync(p => PlayPage.Conversation(p).Lines == 3 ? p : null, Step, CancellationToken.None);
        var shown = player.Read(p => PlayPage.Conversation(p).Current);

        // A new page load of the attempt (a new circuit) replays the saved choice.
        await player.OpenAsync(player.CurrentPath.TrimStart('/'), CancellationToken.None);
        await player.WaitForAsync(p => PlayPage.Choices(p).Count > 0 ? p : null, Step, CancellationToken.None);
        Assert.Equal((3, shown), player.Read(PlayPage.Conversation));
        Assert.Equal(0, player.ServerErrors);
    }

    [Fact]
    public async Task After_a_broken_connection_the_headless_client_reconnects_to_its_circuit_and_plays_on()
    {
        await using var player = new PlayerCircuit(new Uri(Fixture.App.BaseUrl + "/"));
        await player.SignInAsync("cas.coach@demo.gwt.be", DemoPassword, CancellationToken.None);
        await player.OpenAsync("scenarios/eerste-gesprek", CancellationToken.None);
        var start = await player.WaitForAsync(p => PlayPage.Button(p, PlayPage.StartButton) is { } h ? (object)h : null, Step, CancellationToken.None);
        await player.ClickAsync((long)start, CancellationToken.None);
        await player.WaitForAsync(p => PlayPage.Choices(p) is { Count: > 0 } c ? c : null, Step, CancellationToken.None);

        player.BreakConnection();
        var deadline = DateTime.UtcNow + Step;
        while (!(player.Reconnects == 1 && player.IsConnected) && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.True(player.IsConnected, $"niet opnieuw verbonden (pogingen: {player.Reconnects})");

        // The same circuit (ConnectCircuit, not a new page): its choices, as the page shows them now, still answer.
        var choices = player.Read(PlayPage.Choices);
        await player.ClickAsync(choices[0].Handler, CancellationToken.None);
        await player.WaitForAsync(p => PlayPage.Conversation(p).Lines == 3 ? p : null, Step, CancellationToken.None)
            .ContinueWith(t => Assert.True(t.IsCompletedSuccessfully, $"{t.Exception?.InnerException?.Message} Fout van de server: {player.LastServerError}"));
        Assert.Equal(1, player.Reconnects);
        Assert.Equal(0, player.ServerErrors);
    }

    [Fact]
    public async Task A_choice_costs_no_JS_call_also_when_a_reflection_question_comes_and_goes()
    {
        // A path with a reflection question on a choice after the first and before the last: it appears and goes away
        // within the choices counted below.
        var (scenario, path, question) = Repository.PlayableScenarios
            .Where(s => s.Audience == ScenarioAudiences.Coach)
            .SelectMany(s => s.TestPaths.Select(p => (Scenario: s, Path: p.Choices)))
            .Select(sp => (sp.Scenario, sp.Path, Question: Enumerable.Range(1, Math.Max(0, sp.Path.Count - 3))
                .FirstOrDefault(i => ChoiceAt(sp.Scenario, sp.Path, i).ReflectionQuestion is not null)))
            .First(x => x.Question > 0);
        await using var player = new PlayerCircuit(new Uri(Fixture.App.BaseUrl + "/"));
        await player.SignInAsync("cas.coach@demo.gwt.be", DemoPassword, CancellationToken.None);
        await player.OpenAsync($"scenarios/{scenario.Id}", CancellationToken.None);
        var start = await player.WaitForAsync(p => PlayPage.Button(p, PlayPage.StartButton) is { } h ? (object)h : null, Step, CancellationToken.None);
        await player.ClickAsync((long)start, CancellationToken.None);
        await player.WaitForAsync(p => PlayPage.Choices(p) is { Count: > 0 } c ? c : null, Step, CancellationToken.None);

        // The first choice's batch comes after every JS call of opening the page (one connection keeps the order).
        await ChooseAsync(player, scenario, path, 0);
        var before = player.JSCalls;
        var questionShown = false;
        for (var i = 1; i < path.Count - 1; i++)
        {
            await ChooseAsync(player, scenario, path, i);
            questionShown |= player.Read(p => p.Elements().Any(e => e.Attribute("id") == "reflectievraag"));
        }
        Assert.True(questionShown, $"geen reflectievraag getoond in {scenario.Id} na keuze {question + 1}");
        var after = player.JSCalls;
        Assert.True(before.Count == after.Count, $"{after.Count - before.Count} JS-oproepen tijdens de keuzes, de laatste: {after.Last}");
        Assert.Equal(0, player.ServerErrors);
    }

    private static async Task ChooseAsync(PlayerCircuit player, Scenario scenario, IReadOnlyList<int> path, int step)
    {
        var text = ChoiceAt(scenario, path, step).Text;
        var handler = player.Read(p => PlayPage.Choices(p).Single(c => c.Text == text).Handler);
        await player.ClickAsync(handler, CancellationToken.None);
        await player.WaitForAsync(p => PlayPage.Conversation(p).Lines == 2 * (step + 1) + 1 ? p : null, Step, CancellationToken.None);
    }

    [Fact]
    public async Task Diagnostics_are_for_beheerders_only()
    {
        var app = new Uri(Fixture.App.BaseUrl + "/");
        await using var anonymous = new PlayerCircuit(app);
        Assert.Contains("Aanmelden", await anonymous.GetStringAsync("beheer/diagnostiek", CancellationToken.None));

        await using var coach = new PlayerCircuit(app);
        await coach.SignInAsync(CoachEmail, DemoPassword, CancellationToken.None);
        var refused = await coach.GetStringAsync("beheer/diagnostiek", CancellationToken.None);
        Assert.DoesNotContain("managedHeapBytesAfterFullGc", refused);

        await using var admin = new PlayerCircuit(app);
        await admin.SignInAsync(AdminEmail, DemoPassword, CancellationToken.None);
        using var figures = JsonDocument.Parse(await admin.GetStringAsync("beheer/diagnostiek", CancellationToken.None));
        Assert.True(figures.RootElement.GetProperty("managedHeapBytesAfterFullGc").GetInt64() > 0);
        Assert.True(figures.RootElement.GetProperty("circuits").GetInt32() >= 0);
        Assert.True(figures.RootElement.GetProperty("processCpuSeconds").GetDouble() > 0);
        Assert.True(figures.RootElement.GetProperty("gcPauseSeconds").GetDouble() > 0); // the forced collections stopped it

        // collect=false (the driver's window start and end): the same figures without stopping the app for a full collection.
        using var quick = JsonDocument.Parse(await admin.GetStringAsync("beheer/diagnostiek?collect=false", CancellationToken.None));
        Assert.Equal(JsonValueKind.Null, quick.RootElement.GetProperty("managedHeapBytesAfterFullGc").ValueKind);
        Assert.True(quick.RootElement.GetProperty("managedHeapBytes").GetInt64() > 0);
        Assert.True(quick.RootElement.GetProperty("gen0Collections").GetInt64() >= quick.RootElement.GetProperty("gen2Collections").GetInt64());
        using var quickAgain = JsonDocument.Parse(await admin.GetStringAsync("beheer/diagnostiek?collect=false", CancellationToken.None));
        Assert.True(quickAgain.RootElement.GetProperty("gen2Collections").GetInt64() < quick.RootElement.GetProperty("gen2Collections").GetInt64() + 2);
        using var again = JsonDocument.Parse(await admin.GetStringAsync("beheer/diagnostiek", CancellationToken.None));
        Assert.True(again.RootElement.GetProperty("gen2Collections").GetInt64() >= quickAgain.RootElement.GetProperty("gen2Collections").GetInt64() + 2);
        Assert.True(again.RootElement.GetProperty("gcPauseSeconds").GetDouble() > quickAgain.RootElement.GetProperty("gcPauseSeconds").GetDouble());

        var wrong = await Assert.ThrowsAsync<HttpRequestException>(() => admin.GetStringAsync("beheer/diagnostiek?collect=misschien", CancellationToken.None));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, wrong.StatusCode);
    }
}
