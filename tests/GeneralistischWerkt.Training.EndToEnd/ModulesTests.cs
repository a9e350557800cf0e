using System.Text.RegularExpressions;
using GeneralistischWerkt.Training.Core.Content;
using GeneralistischWerkt.Training.Core.Learning;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GeneralistischWerkt.Training.EndToEnd;

/// <summary>The onboarding modules in a real browser, answered from the shipped content's own right answers.</summary>
public class ModulesTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private static ContentLibrary Library => Repository.Content;

    [Fact]
    public async Task Coach_completes_a_lesson_progress_survives_reload_and_restart_and_only_their_werkbegeleider_sees_it()
    {
        var module = Library.Modules[0];
        var lesson = Library.LessonsOf(module.Id)[0];

        await SignInAndWaitAsync(CoachEmail, "/coach");
        await GotoInteractiveAsync("/modules");
        await Expect(Page.GetByText("Alle modules samen: 0 van")).ToBeVisibleAsync();
        await AssertAccessibleAsync(Page);

        await Page.GetByRole(AriaRole.Link, new() { Name = module.Title, Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = module.Title, Level = 1 })).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = lesson.Title, Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = lesson.Title, Level = 1 })).ToBeVisibleAsync();
        await WaitForInteractiveAsync(Page);
        await Expect(Page.GetByTestId("les-status")).ToContainTextAsync("Nog niet afgerond");
        await AssertAccessibleAsync(Page);

        // A wrong first answer on the first check is stored as "not right the first time".
        var first = lesson.Checks[0];
        await AnswerWronglyAsync(first);
        await Expect(CheckBox(first).GetByRole(AriaRole.Status)).ToHaveTextAsync("Nog niet juist.");
        await CheckBox(first).GetByRole(AriaRole.Button, new() { Name = "Opnieuw proberen" }).ClickAsync();

        foreach (var check in lesson.Checks)
        {
            await AnswerCorrectlyAsync(check);
            await Expect(CheckBox(check).GetByRole(AriaRole.Status)).ToHaveTextAsync("Juist!");
        }
        await Expect(Page.GetByTestId("les-status")).ToContainTextAsync("Les afgerond op");
        await AssertAccessibleAsync(Page);

        await Page.ReloadAsync();
        await Expect(Page.GetByTestId("les-status")).ToContainTextAsync("Les afgerond op");

        // The open page would only log its lost connection; close it, restart the server, come back fresh.
        await Page.Context.CloseAsync();
        await Fixture.App.RestartAsync();
        var afterRestart = await NewPageAsync();
        await SignInAndWaitAsync(CoachEmail, "/coach", page: afterRestart);
        await GotoInteractiveAsync("/modules", afterRestart);
        await Expect(afterRestart.GetByText("Alle modules samen: 1 van")).ToBeVisibleAsync();
        await Expect(afterRestart.GetByText($"Voortgang {module.Title}: 1 van")).ToBeVisibleAsync();

        // The werkbegeleider of this coach sees it ...
        var supervisor = await NewPageAsync();
        await SignInAndWaitAsync(SupervisorEmail, "/werkbegeleider", page: supervisor);
        await supervisor.GetByRole(AriaRole.Link, new() { Name = "Ann Coach" }).ClickAsync();
        await Expect(supervisor.GetByRole(AriaRole.Heading, new() { Name = "Voortgang van Ann Coach" })).ToBeVisibleAsync();
        await Expect(supervisor.GetByText("Alle modules samen: 1 van")).ToBeVisibleAsync();
        await Expect(supervisor.Locator("li", new() { HasText = lesson.Title })).ToContainTextAsync("afgerond");
        await AssertAccessibleAsync(supervisor);
        var coachProgressUrl = supervisor.Url;

        // ... another coach does not: not through the address, and their own overview shows only their own progress.
        var otherCoach = await NewPageAsync();
        await SignInAndWaitAsync("bram.coach@demo.gwt.be", "/coach", page: otherCoach);
        await otherCoach.GotoAsync(coachProgressUrl);
        await Expect(otherCoach.GetByRole(AriaRole.Heading, new() { Name = "Geen toegang" })).ToBeVisibleAsync();
        await Expect(otherCoach.GetByText("Ann Coach")).ToHaveCountAsync(0);
        await GotoInteractiveAsync("/modules", otherCoach);
        await Expect(otherCoach.GetByText("Alle modules samen: 0 van")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_completed_module_gives_an_attest_with_name_and_date_that_prints_without_the_app_around_it()
    {
        // Cas completes the module with the fewest checks; no other browser test follows Cas's module progress.
        var module = Library.Modules.Where(m => Library.LessonsOf(m.Id).Count > 0)
            .OrderBy(m => Library.LessonsOf(m.Id).Sum(l => l.Checks.Count)).First();
        await SignInAndWaitAsync("cas.coach@demo.gwt.be", "/coach");

        await GotoInteractiveAsync($"/modules/{module.Id}/attest");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Nog geen attest" })).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("attest")).ToHaveCountAsync(0);

        foreach (var lesson in Library.LessonsOf(module.Id))
        {
            await GotoInteractiveAsync(ContentUrls(lesson));
            foreach (var check in lesson.Checks)
            {
                await AnswerCorrectlyAsync(check);
                await Expect(CheckBox(check).GetByRole(AriaRole.Status)).ToHaveTextAsync("Juist!");
            }
            await Expect(Page.GetByTestId("les-status")).ToContainTextAsync("Les afgerond op");
        }

        await GotoInteractiveAsync($"/modules/{module.Id}");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Bekijk en druk je attest af" }).ClickAsync();
        var attest = Page.GetByTestId("attest");
        await Expect(attest).ToContainTextAsync("Cas Coach");
        await Expect(attest).ToContainTextAsync(module.Title!);
        await Expect(attest).ToContainTextAsync("Afgerond op " + Core.Formatting.DutchFormat.Date(DateTimeOffset.UtcNow));
        await AssertAccessibleAsync(Page);
        await Screenshots.TakeBothWidthsAsync(Page, "attest");

        // On paper: the attest, without header, menu or buttons.
        await Page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(attest).ToBeVisibleAsync();
        await Expect(Page.Locator(".gwt-header")).ToBeHiddenAsync();
        await Expect(Page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" })).ToBeHiddenAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Afdrukken" })).ToBeHiddenAsync();
        var pdf = await Page.PdfAsync(new() { Format = "A4" });
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        await Page.EmulateMediaAsync(new() { Media = Media.Screen });
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Afdrukken" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_werkbegeleider_cannot_see_the_progress_of_someone_elses_coach_by_guessing_the_address()
    {
        await SignInAndWaitAsync(SupervisorEmail, "/werkbegeleider");
        foreach (var guess in new[] { "onbekend-id", "00000000-0000-0000-0000-000000000000", "%3Cscript%3E" })
        {
            await Page.GotoAsync($"/werkbegeleider/coaches/{guess}");
            await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Geen toegang" })).ToBeVisibleAsync();
        }
    }

    [Fact]
    public async Task Fiche_flips_between_front_and_back()
    {
        await SignInAndWaitAsync(CoachEmail, "/coach");
        await GotoInteractiveAsync("/fiches");
        await Expect(Page.GetByRole(AriaRole.Link)).Not.ToHaveCountAsync(0);
        await AssertAccessibleAsync(Page);
        await Page.GetByRole(AriaRole.Link, new() { Name = "8. Actief luisteren" }).ClickAsync();
        await WaitForInteractiveAsync(Page);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Voorkant: kernelementen" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(Page);
        var front = Page.Locator(".gwt-fiche-front h2");
        var back = Page.Locator(".gwt-fiche-back h2");
        await Expect(back).ToBeHiddenAsync();
        Assert.Equal("none", await Page.Locator(".gwt-fiche-inner").EvaluateAsync<string>("e => getComputedStyle(e).transform"));

        // The card turns (a real rotation, over half a second) and only the side that is up can be read.
        await Page.GetByRole(AriaRole.Button, new() { Name = "Draai om naar de achterkant" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Achterkant: toelichting" })).ToBeVisibleAsync();
        await Expect(front).ToBeHiddenAsync();
        await Expect(Page.GetByTestId("fiche-kant")).ToHaveTextAsync("Achterkant: toelichting");
        Assert.NotEqual("none", await Page.Locator(".gwt-fiche-inner").EvaluateAsync<string>("e => getComputedStyle(e).transform"));
        Assert.Equal("0.5s", await Page.Locator(".gwt-fiche-inner").EvaluateAsync<string>("e => getComputedStyle(e).transitionDuration"));
        await AssertAccessibleAsync(Page);
        await Screenshots.TakeBothWidthsAsync(Page, "fiche-achterkant");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Draai om naar de voorkant" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Voorkant: kernelementen" })).ToBeVisibleAsync();
        await Expect(back).ToBeHiddenAsync();

        // Someone who asked their system for less motion gets the other side at once.
        await Page.EmulateMediaAsync(new() { ReducedMotion = ReducedMotion.Reduce });
        Assert.Equal("0s", await Page.Locator(".gwt-fiche-inner").EvaluateAsync<string>("e => getComputedStyle(e).transitionDuration"));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Draai om naar de achterkant" }).ClickAsync();
        await Expect(back).ToBeVisibleAsync();
        await Page.EmulateMediaAsync(new() { ReducedMotion = ReducedMotion.NoPreference });
    }

    [Fact]
    public async Task Phase_navigator_shows_the_cycle_and_moves_between_phases_and_instruments()
    {
        await SignInAndWaitAsync(CoachEmail, "/coach");
        await GotoInteractiveAsync("/fasen");
        var cycle = Page.GetByRole(AriaRole.Navigation, new() { Name = "De zes fasen van het begeleidingstraject" });
        await Expect(cycle.GetByRole(AriaRole.Link)).ToHaveCountAsync(6);
        await AssertAccessibleAsync(Page);

        await cycle.GetByRole(AriaRole.Link, new() { Name = "6. Nazorg" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Fase 6: Nazorg" })).ToBeVisibleAsync();
        await Expect(cycle.Locator("[aria-current=step]")).ToHaveTextAsync("6. Nazorg");
        await AssertAccessibleAsync(Page);
        // The cycle wraps: after nazorg comes eerste onthaal.
        await Page.GetByRole(AriaRole.Link, new() { Name = "Volgende fase: Eerste onthaal →" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Fase 1: Eerste onthaal" })).ToBeVisibleAsync();

        await cycle.GetByRole(AriaRole.Link, new() { Name = "2. Vraagverduidelijking" }).ClickAsync();
        var instruments = Page.Locator("ul.gwt-related");
        await instruments.GetByRole(AriaRole.Link, new() { Name = "Ecogram" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Ecogram", Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "2. Vraagverduidelijking" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(Page);
    }

    [Fact]
    public async Task Search_finds_a_term_and_highlights_it()
    {
        await SignInAndWaitAsync(CoachEmail, "/coach");
        await GotoInteractiveAsync("/zoeken");
        await Page.GetByLabel("Zoekterm").FillAsync("wondervraag");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Zoeken" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("zoeken\\?q=wondervraag"));
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync(new Regex("resulta(at|ten) voor \"wondervraag\""));
        var first = Page.Locator("ol.gwt-results > li").First;
        await Expect(first.GetByRole(AriaRole.Link)).ToHaveTextAsync(new Regex("(?i)wondervraag"));
        await Expect(first.Locator("mark").First).ToHaveTextAsync(new Regex("(?i)wondervraag"));
        await AssertAccessibleAsync(Page);

        // Another form of a word finds the word; a filter by kind narrows the list; the count is the true one.
        var expected = new ContentSearch(Library).Find("doorverwijs");
        Assert.True(expected.Kinds.Count > 1, "De inhoud heeft treffers van meer dan één soort nodig voor deze test.");
        await GotoInteractiveAsync("/zoeken?q=doorverwijs");
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync($"{expected.Total} resultaten voor \"doorverwijs\"");
        await Expect(Page.Locator("ol.gwt-results mark").First).ToHaveTextAsync(new Regex("^[Dd]oorverwij"));
        var filters = Page.GetByRole(AriaRole.Navigation, new() { Name = "Filter op soort" });
        var (kind, count) = expected.Kinds.OrderBy(k => k.Count).First();
        await filters.GetByRole(AriaRole.Link, new() { NameRegex = new Regex($"\\({count}\\)$") }).First.ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("soort="));
        await Expect(Page.Locator("ol.gwt-results > li")).ToHaveCountAsync(Math.Min(count, 50));
        await Expect(filters.Locator("[aria-current=true]")).ToContainTextAsync($"({count})");
        await AssertAccessibleAsync(Page);
        await Screenshots.TakeBothWidthsAsync(Page, "zoeken-gefilterd");

        await Page.GotoAsync("/zoeken?q=" + Uri.EscapeDataString("<script>alert(1)</script> xyzzy"));
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Geen resultaten voor \"<script>alert(1)</script> xyzzy\".");
    }

    [Fact]
    public async Task Unknown_ids_in_the_address_get_a_Dutch_message()
    {
        await SignInAndWaitAsync(CoachEmail, "/coach");
        await Page.GotoAsync("/fiches/bestaat-niet");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Fiche niet gevonden" })).ToBeVisibleAsync();
        await Page.GotoAsync("/modules/bestaat-niet/les-x");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Les niet gevonden" })).ToBeVisibleAsync();
        await Page.GotoAsync("/inhoud/geen-soort/iets");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Onderdeel niet gevonden" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(Page);
    }

    [Fact]
    public async Task Knowledge_checks_can_be_answered_with_the_keyboard_only()
    {
        var lesson = Library.OfKind(ContentKind.Lesson).First(l => l.Checks.OfType<OrderingCheck>().Any() && l.Checks.OfType<MultipleChoiceCheck>().Any());
        var ordering = lesson.Checks.OfType<OrderingCheck>().First();
        var choice = lesson.Checks.OfType<MultipleChoiceCheck>().First();

        await SignInAndWaitAsync("bram.coach@demo.gwt.be", "/coach");
        await GotoInteractiveAsync(ContentUrls(lesson));

        var box = CheckBox(ordering);
        await SortWithHigherButtonsAsync(box, ordering, button => button.PressAsync("Enter"));
        await box.GetByRole(AriaRole.Button, new() { Name = "Controleren" }).PressAsync("Enter");
        await Expect(box.GetByRole(AriaRole.Status)).ToHaveTextAsync("Juist!");

        var choiceBox = CheckBox(choice);
        foreach (var option in choice.Options.Where(o => o.IsCorrect))
            await choiceBox.GetByLabel(option.Text!, new() { Exact = true }).PressAsync(" ");
        // The button is enabled by the server once the choice arrived; a key press does not wait for that by itself.
        await Expect(choiceBox.GetByRole(AriaRole.Button, new() { Name = "Controleren" })).ToBeEnabledAsync();
        await choiceBox.GetByRole(AriaRole.Button, new() { Name = "Controleren" }).PressAsync("Enter");
        await Expect(choiceBox.GetByRole(AriaRole.Status)).ToHaveTextAsync("Juist!");
    }

    private static string ContentUrls(ContentItem lesson) => $"/modules/{lesson.ModuleId}/{lesson.Id}";

    private ILocator CheckBox(KnowledgeCheck check) => Page.Locator($"fieldset[data-check='{check.Id}']");

    private async Task AnswerCorrectlyAsync(KnowledgeCheck check)
    {
        var box = CheckBox(check);
        switch (check)
        {
            case MultipleChoiceCheck choice:
                foreach (var option in choice.Options.Where(o => o.IsCorrect))
                    await box.GetByLabel(option.Text!, new() { Exact = true }).CheckAsync();
                break;
            case OrderingCheck ordering:
                await SortWithHigherButtonsAsync(box, ordering, button => button.ClickAsync());
                break;
            case MatchingCheck matching:
                for (var i = 0; i < matching.Pairs.Count; i++)
                    await box.Locator($"select#koppel-{check.Id}-{i}").SelectOptionAsync(new SelectOptionValue { Label = matching.Pairs[i].Right! });
                break;
        }
        await box.GetByRole(AriaRole.Button, new() { Name = "Controleren" }).ClickAsync();
    }

    /// <summary>
    /// Moves each item up to its place with its "Hoger" button, waiting after every move until the server's new order
    /// is on the page, so a slow round trip never leads to a move too many.
    /// </summary>
    private static async Task SortWithHigherButtonsAsync(ILocator box, OrderingCheck ordering, Func<ILocator, Task> activate)
    {
        var items = box.Locator(".gwt-ordering-text");
        for (var target = 0; target < ordering.Items.Count; target++)
        {
            var text = ordering.Items[target].Text;
            for (var position = (await items.AllTextContentsAsync()).ToList().IndexOf(text); position > target; position--)
            {
                await activate(box.GetByRole(AriaRole.Button, new() { Name = $"Hoger: {text}", Exact = true }));
                await Expect(items.Nth(position - 1)).ToHaveTextAsync(text);
            }
        }
    }

    private async Task AnswerWronglyAsync(KnowledgeCheck check)
    {
        var box = CheckBox(check);
        switch (check)
        {
            case MultipleChoiceCheck choice:
                await box.GetByLabel(choice.Options.First(o => !o.IsCorrect).Text!, new() { Exact = true }).CheckAsync();
                break;
            case OrderingCheck:
                break; // the shuffled start is never the right order
            case MatchingCheck matching:
                for (var i = 0; i < matching.Pairs.Count; i++)
                    await box.Locator($"select#koppel-{check.Id}-{i}").SelectOptionAsync(new SelectOptionValue { Label = matching.Pairs[0].Right! });
                break;
        }
        await box.GetByRole(AriaRole.Button, new() { Name = "Controleren" }).ClickAsync();
    }
}
