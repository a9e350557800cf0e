using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GeneralistischWerkt.Training.EndToEnd;

/// <summary>
/// What a coach or werkbegeleider types is never lost: the longest allowed paste, a dropped connection, a server
/// restart, a second window, leaving the page. The save status never claims a success it did not have.
/// </summary>
public class TextNeverLostTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const int Longest = 20_000;
    private static readonly Regex Saved = new("^Automatisch bewaard om \\d\\d:\\d\\d:\\d\\d\\.$");

    private static LocatorAssertionsToHaveTextOptions Visible(int timeout = 15_000) => new() { UseInnerText = true, Timeout = timeout };

    /// <summary>Wout (werkbegeleider) opens a new session with Bram on <see cref="BrowserTest.Page"/>.</summary>
    private async Task NewSessionWithBramAsync()
    {
        await SignInAndWaitAsync(SupervisorEmail, "/werkbegeleider");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Bram Coach" }).ClickAsync();
        await WaitForInteractiveAsync(Page);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sessie aanmaken" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/werkbegeleiding/sessies/\\d+$"));
        await WaitForInteractiveAsync(Page);
    }

    private async Task<string> NewReflectionAsync(IPage page) => $"/reflecties/{await StartFreeReflectionAsync(page)}";

    [Theory]
    [InlineData("a")]
    [InlineData("é")]
    public async Task A_paste_of_the_longest_allowed_text_is_saved_whole(string letter)
    {
        await SignInAndWaitAsync(CoachEmail, "/coach");
        var url = await NewReflectionAsync(Page);
        var field = Page.GetByLabel("Reflectie", new() { Exact = true });
        Assert.Equal(Longest.ToString(), await field.GetAttributeAsync("maxlength"));

        var text = string.Concat(Enumerable.Repeat(letter, Longest));
        await field.FocusAsync();
        await Page.Keyboard.InsertTextAsync(text); // one input event with the whole text, as a paste sends it
        await Expect(Page.GetByTestId("bewaard")).ToHaveTextAsync(Saved, Visible());
        await Expect(Page.Locator("#components-reconnect-modal")).Not.ToHaveClassAsync(new Regex("components-reconnect-(show|failed|rejected)"));

        // The field itself holds the limit: one more character does not go in, so nothing is cut silently later.
        await Page.Keyboard.InsertTextAsync(letter);
        Assert.Equal(Longest, (await field.InputValueAsync()).Length);
        await Expect(Page.Locator(".gwt-count")).ToHaveTextAsync("20.000 van 20.000 tekens");

        await GotoInteractiveAsync(url);
        Assert.Equal(text, await Page.GetByLabel("Reflectie", new() { Exact = true }).InputValueAsync());
        await AssertAccessibleAsync(Page);
    }

    [Fact]
    public async Task Two_windows_on_one_reflection_never_overwrite_each_other_and_both_texts_are_offered()
    {
        await SignInAndWaitAsync(CoachEmail, "/coach");
        var url = await NewReflectionAsync(Page);
        var other = await Page.Context.NewPageAsync();
        await GotoInteractiveAsync(url, other);

        await Page.GetByLabel("Reflectie", new() { Exact = true }).FillAsync("Tekst uit het eerste venster.");
        await Expect(Page.GetByTestId("bewaard")).ToHaveTextAsync(Saved, Visible());

        // The second window still stands on the version it opened: its save is refused, nothing is overwritten.
        await other.GetByLabel("Reflectie", new() { Exact = true }).FillAsync("Tekst uit het tweede venster.");
        await Expect(other.GetByTestId("conflict")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(other.GetByTestId("bewaard")).ToHaveTextAsync(new Regex("^Niet bewaard — "), Visible());
        await Expect(other.GetByTestId("andere-versie")).ToContainTextAsync("Tekst uit het eerste venster.");
        await Expect(other.GetByLabel("Reflectie", new() { Exact = true })).ToHaveValueAsync("Tekst uit het tweede venster.");
        await AssertAccessibleAsync(other);

        await other.GetByRole(AriaRole.Button, new() { Name = "Beide samenvoegen" }).ClickAsync();
        await Expect(other.GetByTestId("bewaard")).ToHaveTextAsync(Saved, Visible());
        await Expect(other.GetByTestId("conflict")).ToHaveCountAsync(0);

        // The first window is now the older one: it learns so at its next save, and can take the merged text.
        await Page.GetByLabel("Titel").FillAsync("Twee vensters");
        await Expect(Page.GetByTestId("conflict")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Page.GetByRole(AriaRole.Button, new() { Name = "De andere versie overnemen" }).ClickAsync();
        var merged = Page.GetByLabel("Reflectie", new() { Exact = true });
        await Expect(merged).ToHaveValueAsync(new Regex("Tekst uit het tweede venster\\.[\\s\\S]*Tekst uit het eerste venster\\."));

        await GotoInteractiveAsync(url);
        await Expect(Page.GetByLabel("Reflectie", new() { Exact = true }))
            .ToHaveValueAsync(new Regex("Tekst uit het tweede venster\\.[\\s\\S]*Tekst uit het eerste venster\\."));
    }

    [Fact]
    public async Task Text_typed_while_the_server_is_down_is_marked_unsaved_kept_and_saved_after_the_restart()
    {
        // A context of its own: the dropped connection makes the browser log errors, which is what this test is about.
        var context = await Fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Fixture.App.BaseUrl, Locale = "nl-BE" });
        try
        {
            var page = await context.NewPageAsync();
            await SignInAndWaitAsync("cas.coach@demo.gwt.be", "/coach", page: page);
            var url = await NewReflectionAsync(page);
            var field = page.GetByLabel("Reflectie", new() { Exact = true });
            await field.FillAsync("Bewaard voor de onderbreking.");
            await Expect(page.GetByTestId("bewaard")).ToHaveTextAsync(Saved, Visible());

            await Fixture.App.StopAsync();
            await field.FocusAsync();
            await page.Keyboard.PressAsync("End");
            await page.Keyboard.InsertTextAsync(" Getypt terwijl de server weg was.");
            // The old success is gone from view the moment the text is no longer safe.
            await Expect(page.GetByTestId("bewaard")).ToHaveTextAsync("Niet bewaard — we proberen opnieuw.", Visible());

            // Leaving now would lose the text: the browser asks first.
            var asked = new TaskCompletionSource<string>();
            page.Dialog += async (_, dialog) =>
            {
                // The user stays. The app's own reload after the restart must not ask: the browser's copy is kept.
                Assert.True(asked.TrySetResult(dialog.Type), "Er werd een tweede keer gevraagd om de pagina te verlaten.");
                await dialog.DismissAsync();
            };
            _ = page.EvaluateAsync("() => location.reload()");
            Assert.Equal("beforeunload", await asked.Task.WaitAsync(TimeSpan.FromSeconds(10)));

            await Fixture.App.StartAsync();
            // The new server no longer knows the old connection; the page reloads, and the browser's copy comes back.
            await Expect(page.GetByText("Deze browser had nog tekst die niet bewaard was")).ToBeVisibleAsync(new() { Timeout = 60_000 });
            await Expect(page.GetByLabel("Reflectie", new() { Exact = true }))
                .ToHaveValueAsync("Bewaard voor de onderbreking. Getypt terwijl de server weg was.");
            await Expect(page.GetByTestId("bewaard")).ToHaveTextAsync(Saved, Visible());

            // Saved on the server: a fresh browser sees it too, and this browser kept no copy.
            Assert.Equal(0, await page.EvaluateAsync<int>("() => Object.keys(localStorage).filter(k => k.startsWith('gwt:onbewaard:')).length"));
            var fresh = await NewPageAsync();
            await SignInAndWaitAsync("cas.coach@demo.gwt.be", "/coach", page: fresh);
            await GotoInteractiveAsync(url, fresh);
            await Expect(fresh.GetByLabel("Reflectie", new() { Exact = true }))
                .ToHaveValueAsync("Bewaard voor de onderbreking. Getypt terwijl de server weg was.");
        }
        finally
        {
            await context.CloseAsync();
            await Fixture.App.StartIfStoppedAsync();
        }
    }

    [Fact]
    public async Task Session_notes_save_themselves_and_leaving_by_a_link_keeps_them()
    {
        await NewSessionWithBramAsync();
        var url = new Uri(Page.Url).AbsolutePath;

        var note = Page.GetByLabel("Taakondersteuning");
        Assert.Equal("20000", await note.GetAttributeAsync("maxlength"));
        await note.FillAsync("Bram plant zijn huisbezoeken zelf.");
        // Straight away, without waiting for the autosave: leaving within the page saves first.
        await Page.GetByRole(AriaRole.Link, new() { Name = "← Terug" }).ClickAsync();
        await Expect(Page).Not.ToHaveURLAsync(new Regex("/werkbegeleiding/sessies/"));

        await GotoInteractiveAsync(url);
        await Expect(Page.GetByLabel("Taakondersteuning")).ToHaveValueAsync("Bram plant zijn huisbezoeken zelf.");
        await Page.GetByLabel("Persoonlijke ondersteuning").FillAsync("Hij twijfelt aan zichzelf.");
        await Expect(Page.GetByTestId("bewaard")).ToHaveTextAsync(Saved, Visible());
        await AssertAccessibleAsync(Page);

        // Typed text that does not save itself (a new agreement) is not lost by a click on a link either: the app asks.
        await Page.GetByLabel("Wat", new() { Exact = true }).FillAsync("Een ecogram maken");
        await Page.GetByRole(AriaRole.Link, new() { Name = "← Terug" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Je nieuwe afspraak is nog niet toegevoegd" })).ToBeVisibleAsync();
        Assert.EndsWith(url, Page.Url);
        await Expect(Page.GetByLabel("Wat", new() { Exact = true })).ToHaveValueAsync("Een ecogram maken");
        await AssertAccessibleAsync(Page);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Toch verlaten" }).ClickAsync();
        await Expect(Page).Not.ToHaveURLAsync(new Regex("/werkbegeleiding/sessies/"));

        // The coach reads the notes.
        var bram = await NewPageAsync();
        await SignInAndWaitAsync("bram.coach@demo.gwt.be", "/coach", page: bram);
        await GotoInteractiveAsync(url, bram);
        await Expect(bram.GetByTestId("notities")).ToContainTextAsync("Hij twijfelt aan zichzelf.");
    }

    [Fact]
    public async Task An_answer_to_a_reflection_question_is_kept_when_the_coach_plays_on_without_saving_it()
    {
        var (scenario, path, step, _) = await PlayToAReflectionQuestionAsync();
        await Page.Locator("#reflectievraag").FillAsync("Ik koos dit om eerst te luisteren.");
        // Straight on to the next choice, without "Bewaar antwoord".
        for (var i = step + 1; i < path.Choices.Count; i++)
        {
            await ChoiceButton(Page, scenario, path.Choices, i).ClickAsync();
            if (i < path.Choices.Count - 1) await Expect(Page.Locator("ol.gwt-conversation li.gwt-coach-line")).ToHaveCountAsync(i + 1);
        }
        await Expect(Page.GetByTestId("uitkomst")).ToBeVisibleAsync();
        await Expect(Page.Locator(".gwt-reflection-answer").First).ToContainTextAsync("Ik koos dit om eerst te luisteren.");
    }

    [Fact]
    public async Task An_answer_to_a_reflection_question_is_saved_when_the_coach_leaves_by_a_link()
    {
        var (scenario, path, step, attempt) = await PlayToAReflectionQuestionAsync();
        await Page.Locator("#reflectievraag").FillAsync("Ik wou eerst horen wat zij zelf wil.");
        await Screenshots.OnRequestAsync(Page, "rollenspel-reflectievraag");
        // Away by a link of the page, without "Bewaar antwoord": the page saves first, then leaves.
        await Page.GetByRole(AriaRole.Link, new() { Name = $"← {scenario.Title}" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex($"/scenarios/{scenario.Id}$"));

        await GotoInteractiveAsync(attempt);
        await Expect(Page.Locator("ol.gwt-conversation li.gwt-coach-line")).ToHaveCountAsync(step + 1);
        await Expect(Page.Locator("#reflectievraag")).ToHaveCountAsync(0);
        for (var i = step + 1; i < path.Choices.Count; i++)
        {
            await ChoiceButton(Page, scenario, path.Choices, i).ClickAsync();
            if (i < path.Choices.Count - 1) await Expect(Page.Locator("ol.gwt-conversation li.gwt-coach-line")).ToHaveCountAsync(i + 1);
        }
        await Expect(Page.Locator(".gwt-reflection-answer").First).ToContainTextAsync("Ik wou eerst horen wat zij zelf wil.");
    }

    /// <summary>
    /// Bram starts a scenario whose test path has a reflection question on a choice that is not the last one, and plays
    /// up to that question; returns where he is and the attempt's address.
    /// </summary>
    private async Task<(GeneralistischWerkt.Training.Core.Scenarios.Scenario Scenario, GeneralistischWerkt.Training.Core.Scenarios.TestPath Path, int Step, string Attempt)> PlayToAReflectionQuestionAsync()
    {
        var (scenario, path, step) = Repository.PlayableScenarios
            .Where(s => s.Audience == GeneralistischWerkt.Training.Core.Scenarios.ScenarioAudiences.Coach)
            .SelectMany(s => s.TestPaths.Select(p => (Scenario: s, Path: p)))
            .Select(sp => (sp.Scenario, sp.Path, Step: QuestionStep(sp.Scenario, sp.Path)))
            .First(x => x.Step >= 0);
        await SignInAndWaitAsync("bram.coach@demo.gwt.be", "/coach");
        await GotoInteractiveAsync($"/scenarios/{scenario.Id}");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Start het rollenspel" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/pogingen/\\d+$"));
        await WaitForInteractiveAsync(Page);
        for (var i = 0; i <= step; i++)
        {
            await ChoiceButton(Page, scenario, path.Choices, i).ClickAsync();
            await Expect(Page.Locator("ol.gwt-conversation li.gwt-coach-line")).ToHaveCountAsync(i + 1);
        }
        return (scenario, path, step, new Uri(Page.Url).AbsolutePath);
    }

    private static int QuestionStep(GeneralistischWerkt.Training.Core.Scenarios.Scenario scenario, GeneralistischWerkt.Training.Core.Scenarios.TestPath path)
    {
        var run = GeneralistischWerkt.Training.Core.Scenarios.ScenarioRun.Start(scenario);
        for (var i = 0; i < path.Choices.Count - 1; i++)
        {
            if (run.Choices[path.Choices[i] - 1].ReflectionQuestion is not null) return i;
            run = run.Choose(path.Choices[i] - 1);
        }
        return -1;
    }

    [Fact]
    public async Task Progress_on_an_agreement_from_two_people_at_once_is_never_silently_overwritten()
    {
        await NewSessionWithBramAsync();
        var what = "Twee keer per week solliciteren " + Guid.NewGuid().ToString("N")[..6];
        await Page.GetByLabel("Wat", new() { Exact = true }).FillAsync(what);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Afspraak toevoegen" }).ClickAsync();
        var supervisorRow = Page.GetByTestId("afspraken").Locator("tr", new() { HasText = what });
        await Expect(supervisorRow).ToHaveCountAsync(1);

        var bram = await NewPageAsync();
        await SignInAndWaitAsync("bram.coach@demo.gwt.be", "/coach", page: bram);
        await GotoInteractiveAsync("/afspraken", bram);
        var coachRow = bram.GetByTestId("afspraken").Locator("tr", new() { HasText = what });
        await coachRow.Locator("input").FillAsync("Twee brieven verstuurd.");
        await coachRow.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Bewaren") }).ClickAsync();
        await Expect(bram.GetByRole(AriaRole.Status).Filter(new() { HasText = "Voortgang bewaard." })).ToBeVisibleAsync();

        // The werkbegeleider's page still shows the old version: the save is refused and both are shown.
        await supervisorRow.Locator("input").FillAsync("Besproken op de sessie.");
        await supervisorRow.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Bewaren") }).ClickAsync();
        var problem = Page.GetByTestId("afspraak-probleem");
        await Expect(problem).ToContainTextAsync("Niet bewaard");
        await Expect(problem).ToContainTextAsync("Twee brieven verstuurd.");
        await Expect(supervisorRow.Locator("input")).ToHaveValueAsync("Besproken op de sessie.");
        await AssertAccessibleAsync(Page);
        await problem.GetByRole(AriaRole.Button, new() { Name = "Mijn versie bewaren" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Voortgang bewaard." })).ToBeVisibleAsync();

        await GotoInteractiveAsync("/afspraken", bram);
        await Expect(bram.GetByTestId("afspraken").Locator("tr", new() { HasText = what }).Locator("input"))
            .ToHaveValueAsync("Besproken op de sessie.");
    }
}
