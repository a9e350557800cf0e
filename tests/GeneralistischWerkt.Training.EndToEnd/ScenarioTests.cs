using System.Text.RegularExpressions;
using GeneralistischWerkt.Training.Core.Content;
using GeneralistischWerkt.Training.Core.Scenarios;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GeneralistischWerkt.Training.EndToEnd;

/// <summary>The scenario player in a real browser, driven along the test paths the authors pinned in the files.</summary>
public class ScenarioTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private static readonly Lazy<IReadOnlyList<Scenario>> Catalogue = new(() =>
        Repository.PlayableScenarios.Where(s => s.InCatalogue).OrderBy(s => s.Id).ToList());

    private static Scenario CoachScenario => Catalogue.Value.First(s => s.Audience == ScenarioAudiences.Coach && s.TestPaths.Count > 0);

    private ILocator Choices(IPage page) => page.Locator("ol.gwt-choices button.gwt-choice");
    private ILocator CoachLines(IPage page) => page.Locator("ol.gwt-conversation li.gwt-coach-line");

    [Fact]
    public async Task Catalogue_lists_every_coach_scenario_with_theme_duration_and_competencies()
    {
        await SignInAndWaitAsync(CoachEmail, "/coach");
        await GotoInteractiveAsync("/scenarios");
        var coachScenarios = Catalogue.Value.Where(s => s.Audience == ScenarioAudiences.Coach).ToList();
        Assert.True(coachScenarios.Count >= 8, $"Slechts {coachScenarios.Count} coachscenario's gevonden.");
        await Expect(Page.Locator("[data-scenario]")).ToHaveCountAsync(coachScenarios.Count);
        foreach (var scenario in coachScenarios)
        {
            var card = Page.Locator($"[data-scenario='{scenario.Id}']");
            await Expect(card.GetByRole(AriaRole.Link, new() { Name = scenario.Title })).ToBeVisibleAsync();
            await Expect(card).ToContainTextAsync($"ongeveer {scenario.DurationMinutes} minuten");
        }
        await Expect(Page.Locator("[data-scenario]").Filter(new() { HasText = "werkbegeleider" })).ToHaveCountAsync(0);
        await AssertAccessibleAsync(Page);
    }

    [Fact]
    public async Task Playing_along_a_test_path_survives_reload_and_restart_counts_a_double_click_once_and_ends_in_the_pinned_debrief()
    {
        var scenario = CoachScenario;
        var path = scenario.TestPaths[0];

        await SignInAndWaitAsync(CoachEmail, "/coach");
        await GotoInteractiveAsync($"/scenarios/{scenario.Id}");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = scenario.Title, Level = 1 })).ToBeVisibleAsync();
        await AssertAccessibleAsync(Page);
        await Page.GetByLabel("Na elke keuze").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Start het rollenspel" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex($"/scenarios/{scenario.Id}/pogingen/\\d+$"));
        await WaitForInteractiveAsync(Page);
        var attemptUrl = Page.Url;
        await AssertAccessibleAsync(Page);

        var statesBefore = await Page.Locator(".gwt-state").AllTextContentsAsync();
        for (var step = 0; step < path.Choices.Count; step++)
        {
            var button = ChoiceButton(Page, scenario, path.Choices, step);
            if (step == 0)
            {
                // A double click is one choice.
                await button.DblClickAsync();
            }
            else
            {
                // Keyboard only: focus the button and press Enter.
                await button.PressAsync("Enter");
            }

            if (step < path.Choices.Count - 1)
            {
                await Expect(CoachLines(Page)).ToHaveCountAsync(step + 1);
                await Expect(CoachLines(Page).Last.Locator(".gwt-choice-feedback")).ToBeVisibleAsync();
                // The kind signal: a word, not only a colour.
                await Expect(CoachLines(Page).Last.Locator(".gwt-quality")).ToHaveTextAsync(new Regex("Sterke keuze|Kan sterker|Werkt tegen je"));
            }

            if (step == 0 && statesBefore.Count > 0)
                Assert.NotEqual(statesBefore, await Page.Locator(".gwt-state").AllTextContentsAsync());

            if (step == 1)
            {
                var nodeBefore = await CurrentNodeText(Page);
                var statesBeforeReload = await Page.Locator(".gwt-state").AllTextContentsAsync();
                await Page.ReloadAsync();
                await WaitForInteractiveAsync(Page);
                await Expect(CoachLines(Page)).ToHaveCountAsync(2);
                Assert.Equal(nodeBefore, await CurrentNodeText(Page));
                Assert.Equal(statesBeforeReload, await Page.Locator(".gwt-state").AllTextContentsAsync());
            }
            if (step == 2 && path.Choices.Count > 4)
            {
                await Page.Context.CloseAsync();
                await Fixture.App.RestartAsync();
                var page = await NewPageAsync();
                await SignInAndWaitAsync(CoachEmail, "/coach", page: page);
                await GotoInteractiveAsync(attemptUrl, page);
                await Expect(CoachLines(page)).ToHaveCountAsync(3);
                Page = page;
            }
        }

        var ending = scenario.Node(path.EndingId)!.Ending!;
        await Expect(Page.GetByTestId("uitkomst")).ToHaveTextAsync($"Uitkomst: {ending.Outcome.ToDutch()}");
        var card = Page.GetByTestId("scorekaart");
        var expected = ScenarioRun.Resume(scenario, path.Choices.Select(c => c - 1)).ScoreCard();
        foreach (var score in expected)
        {
            var row = card.Locator("tbody tr", new() { Has = Page.Locator($"td:text-is('{Name(score.CompetencyId)}')") });
            await Expect(row.Locator("td").Nth(1)).ToHaveTextAsync(GeneralistischWerkt.Training.Core.Formatting.DutchFormat.Points(score.Score));
            await Expect(row.Locator("td").Nth(2)).ToHaveTextAsync(score.Max.ToString());
        }
        await Expect(Page.Locator("ol.gwt-transcript > li")).ToHaveCountAsync(path.Choices.Count);
        await AssertAccessibleAsync(Page);

        await Page.GetByRole(AriaRole.Button, new() { Name = "Opnieuw spelen" }).ClickAsync();
        await Expect(Page).Not.ToHaveURLAsync(attemptUrl);
        // The new attempt plays at once: its choices are enabled and a click answers (the page is the same component).
        await Expect(Choices(Page).First).ToBeEnabledAsync();
        await Expect(CoachLines(Page)).ToHaveCountAsync(0);
        await Choices(Page).First.ClickAsync();
        await Expect(CoachLines(Page)).ToHaveCountAsync(1);

        await GotoInteractiveAsync("/scenarios");
        await Expect(Page.Locator($"[data-scenario='{scenario.Id}']").GetByTestId("beste-resultaat")).ToContainTextAsync(ending.Outcome.ToDutch());
        await GotoInteractiveAsync("/scenarios/groei");
        await Expect(Page.GetByTestId("groei")).ToContainTextAsync(Name(expected[0].CompetencyId));
        await AssertAccessibleAsync(Page);
    }

    [Fact]
    public async Task Feedback_at_the_end_hides_feedback_while_playing_and_the_debrief_shows_better_choices()
    {
        var scenario = CoachScenario;
        var worst = scenario.TestPaths.FirstOrDefault(p => scenario.Node(p.EndingId)?.Ending?.Outcome == ScenarioOutcome.Failed)
            ?? scenario.TestPaths[^1];

        await SignInAndWaitAsync("bram.coach@demo.gwt.be", "/coach");
        await GotoInteractiveAsync($"/scenarios/{scenario.Id}");
        await Page.GetByLabel("Pas op het einde").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Start het rollenspel" }).ClickAsync();
        await WaitForInteractiveAsync(Page);
        for (var step = 0; step < worst.Choices.Count; step++)
        {
            await ChoiceButton(Page, scenario, worst.Choices, step).PressAsync("Enter");
            if (step < worst.Choices.Count - 1)
            {
                await Expect(CoachLines(Page)).ToHaveCountAsync(step + 1);
                await Expect(Page.Locator(".gwt-choice-feedback")).ToHaveCountAsync(0);
            }
        }
        await Expect(Page.GetByTestId("uitkomst")).ToBeVisibleAsync();
        await Expect(Page.Locator(".gwt-transcript .gwt-choice-feedback")).ToHaveCountAsync(worst.Choices.Count);
        await Expect(Page.GetByTestId("betere-keuze").First).ToBeVisibleAsync();
        await Expect(Page.Locator(".gwt-thought").First).ToBeVisibleAsync();
        await AssertAccessibleAsync(Page);
    }

    [Fact]
    public async Task The_werkbegeleider_sees_their_coachs_attempt_and_another_coach_gets_no_access()
    {
        var scenario = CoachScenario;
        var path = scenario.TestPaths[0];
        await SignInAndWaitAsync(CoachEmail, "/coach");
        await GotoInteractiveAsync($"/scenarios/{scenario.Id}");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Start het rollenspel" }).ClickAsync();
        await WaitForInteractiveAsync(Page);
        for (var step = 0; step < path.Choices.Count; step++)
        {
            await ChoiceButton(Page, scenario, path.Choices, step).ClickAsync();
            if (step < path.Choices.Count - 1) await Expect(CoachLines(Page)).ToHaveCountAsync(step + 1);
        }
        await Expect(Page.GetByTestId("uitkomst")).ToBeVisibleAsync();
        var attemptUrl = new Uri(Page.Url).PathAndQuery;

        var supervisor = await NewPageAsync();
        await SignInAndWaitAsync(SupervisorEmail, "/werkbegeleider", page: supervisor);
        await supervisor.GetByRole(AriaRole.Link, new() { Name = "Ann Coach" }).ClickAsync();
        await supervisor.Locator($"a[href='{attemptUrl}']").ClickAsync();
        await Expect(supervisor.GetByText("Je bekijkt de poging van een coach die je begeleidt")).ToBeVisibleAsync();
        await Expect(supervisor.GetByTestId("scorekaart")).ToBeVisibleAsync();
        await Expect(supervisor.GetByRole(AriaRole.Button, new() { Name = "Opnieuw spelen" })).ToHaveCountAsync(0);
        await AssertAccessibleAsync(supervisor);

        var otherCoach = await NewPageAsync();
        await SignInAndWaitAsync("bram.coach@demo.gwt.be", "/coach", page: otherCoach);
        await otherCoach.GotoAsync(attemptUrl);
        await Expect(otherCoach.GetByRole(AriaRole.Heading, new() { Name = "Geen toegang" })).ToBeVisibleAsync();
        await Expect(otherCoach.GetByTestId("scorekaart")).ToHaveCountAsync(0);
        await otherCoach.GotoAsync($"/scenarios/{scenario.Id}/pogingen/999999");
        await Expect(otherCoach.GetByRole(AriaRole.Heading, new() { Name = "Geen toegang" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Keyboard_only_play_moves_focus_to_each_new_line_so_one_Enter_cannot_answer_the_next_question()
    {
        var scenario = CoachScenario;
        var path = scenario.TestPaths[0];
        await SignInAndWaitAsync("cas.coach@demo.gwt.be", "/coach");
        await GotoInteractiveAsync($"/scenarios/{scenario.Id}");
        await Page.GetByLabel("Na elke keuze").FocusAsync();
        await Page.Keyboard.PressAsync("Space");
        await TabToAsync("Start het rollenspel");
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page).ToHaveURLAsync(new Regex($"/scenarios/{scenario.Id}/pogingen/\\d+$"));
        await WaitForInteractiveAsync(Page);

        var run = ScenarioRun.Start(scenario);
        for (var step = 0; step < path.Choices.Count; step++)
        {
            await TabToAsync(run.Choices[path.Choices[step] - 1].Text);
            await Page.Keyboard.PressAsync("Enter");
            run = run.Choose(path.Choices[step] - 1);
            if (run.IsFinished) break;

            await Expect(CoachLines(Page)).ToHaveCountAsync(step + 1);
            // Focus is on the new line (not a button), and a screen reader hears it politely.
            await Expect(Page.Locator("#huidige-beurt")).ToBeFocusedAsync();
            await Expect(Page.Locator("#huidige-beurt")).ToContainTextAsync(run.CurrentNode.Text);
            await Expect(Page.GetByTestId("aankondiging")).ToContainTextAsync(run.CurrentNode.Text);
            Assert.Equal("polite", await Page.GetByTestId("aankondiging").GetAttributeAsync("aria-live"));
            // A second Enter, as from an impatient double press, lands on the line and answers nothing: had it chosen,
            // the path below would leave the pinned test path and end elsewhere.
            await Page.Keyboard.PressAsync("Enter");
        }

        // The debrief opens at its top.
        await Expect(Page.GetByTestId("uitkomst")).ToBeFocusedAsync();
        await Expect(Page.GetByTestId("uitkomst")).ToHaveTextAsync($"Uitkomst: {scenario.Node(path.EndingId)!.Ending!.Outcome.ToDutch()}");
        await Expect(Page.Locator("ol.gwt-transcript > li")).ToHaveCountAsync(path.Choices.Count);
        await AssertAccessibleAsync(Page);
    }

    [Fact]
    public async Task Only_a_choice_moves_focus_opening_or_reloading_an_attempt_leaves_it_where_the_browser_puts_it()
    {
        var scenario = CoachScenario;
        var path = scenario.TestPaths[0];
        await SignInAndWaitAsync(CoachEmail, "/coach");
        await GotoInteractiveAsync($"/scenarios/{scenario.Id}");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Start het rollenspel" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex($"/scenarios/{scenario.Id}/pogingen/\\d+$"));
        await WaitForInteractiveAsync(Page);
        await Expect(Page.Locator("#huidige-beurt")).Not.ToHaveAttributeAsync("data-gwt-reveal", new Regex("."));
        Assert.False(await IsFocusedAsync("#huidige-beurt"));

        await ChoiceButton(Page, scenario, path.Choices, 0).ClickAsync();
        await Expect(CoachLines(Page)).ToHaveCountAsync(1);
        await Expect(Page.Locator("#huidige-beurt")).ToBeFocusedAsync();

        // The mark is gone after a reload (the circuit starts afresh): the page opens without jumping.
        await Page.ReloadAsync();
        await WaitForInteractiveAsync(Page);
        await Expect(CoachLines(Page)).ToHaveCountAsync(1);
        await Expect(Page.Locator("#huidige-beurt")).Not.ToHaveAttributeAsync("data-gwt-reveal", new Regex("."));
        Assert.False(await IsFocusedAsync("#huidige-beurt"));
    }

    private Task<bool> IsFocusedAsync(string selector) =>
        Page.EvaluateAsync<bool>("s => document.activeElement === document.querySelector(s)", selector);

    /// <summary>Presses Tab until the focused element's text is <paramref name="text"/> (keyboard only, no clicks).</summary>
    private async Task TabToAsync(string text)
    {
        for (var presses = 0; presses < 60; presses++)
        {
            await Page.Keyboard.PressAsync("Tab");
            if (await Page.EvaluateAsync<string>("() => document.activeElement?.textContent?.trim() ?? ''") == text) return;
        }
        Assert.Fail($"Met Tab kwam de focus nooit op \"{text}\".");
    }

    private static async Task<string> CurrentNodeText(IPage page) =>
        await page.Locator("ol.gwt-conversation > li[aria-current=step]").InnerTextAsync();

    private static string Name(string competencyId) => Repository.CompetencyName(competencyId);
}
