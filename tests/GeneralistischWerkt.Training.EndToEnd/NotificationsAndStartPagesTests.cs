using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GeneralistischWerkt.Training.EndToEnd;

/// <summary>
/// In Chromium: the bell in the header counts new notifications live, the list shows them with "Nieuw" and marks them
/// read; the coach's and the werkbegeleider's start pages answer "what now?". Pictures of each at 390 and 1366 px.
/// </summary>
public class NotificationsAndStartPagesTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private static ILocator Bell(IPage page) => page.GetByTestId("meldingen-bel");

    /// <summary>The number on the bell; 0 when it shows none.</summary>
    private static async Task<int> UnreadAsync(IPage page)
    {
        var counter = Bell(page).GetByTestId("meldingen-teller");
        return await counter.CountAsync() == 0 ? 0 : int.Parse(Regex.Match(await counter.InnerTextAsync(), @"\d+").Value);
    }

    [Fact]
    public async Task A_comment_raises_the_bell_live_and_opening_the_list_marks_it_read()
    {
        var title = "Meldingentest " + Guid.NewGuid().ToString("N")[..6];
        var reflection = await ShareNewReflectionAsync(title, "Een reflectie om op te reageren.");
        await GotoInteractiveAsync("/coach");
        // The bell says what it is in words, not by colour or icon alone.
        await Expect(Bell(Page)).ToContainTextAsync("Meldingen");
        var before = await UnreadAsync(Page);

        var wout = await NewPageAsync();
        await SignInAndWaitAsync(SupervisorEmail, "/werkbegeleider", page: wout);
        await GotoInteractiveAsync("/meldingen", wout);
        await Expect(wout.GetByTestId("meldingen")).ToContainTextAsync($"Ann Coach deelde een reflectie met je: ‘{title}’");
        await GotoInteractiveAsync($"/reflecties/{reflection}", wout);
        await wout.GetByLabel("Je reactie").FillAsync("Goed gezien.");
        await wout.GetByRole(AriaRole.Button, new() { Name = "Reactie plaatsen" }).ClickAsync();
        await Expect(wout.GetByTestId("reacties")).ToContainTextAsync("Goed gezien.");

        // Ann's open page hears it without a reload.
        await Expect(Bell(Page).GetByTestId("meldingen-teller")).ToContainTextAsync($"{before + 1} ongelezen");

        await Bell(Page).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/meldingen$"));
        await WaitForInteractiveAsync(Page);
        var item = Page.GetByTestId("meldingen").Locator("li", new() { HasText = title });
        await Expect(item).ToContainTextAsync($"Wout Werkbegeleider reageerde op je reflectie ‘{title}’");
        await Expect(item).ToContainTextAsync("Nieuw");
        await Expect(Bell(Page).GetByTestId("meldingen-teller")).ToHaveCountAsync(0);
        await AssertAccessibleAsync(Page);
        await Screenshots.TakeBothWidthsAsync(Page, "meldingen");

        // Read now: after a reload it is no longer new, and it opens the reflection it is about.
        await GotoInteractiveAsync("/meldingen");
        item = Page.GetByTestId("meldingen").Locator("li", new() { HasText = title });
        await Expect(item).Not.ToContainTextAsync("Nieuw");
        await item.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex($"/reflecties/{reflection}$"));
    }

    [Fact]
    public async Task The_start_pages_show_where_to_continue_what_to_do_next_and_how_each_coach_is_doing()
    {
        var (scenario, attemptPath) = await PrepareAnnsStartPageAsync(choices: 1);

        await GotoInteractiveAsync("/coach");
        await Expect(Page.GetByTestId("verder").GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", attemptPath);
        await Expect(Page.GetByTestId("verder")).ToContainTextAsync($"Rollenspel: {scenario.Title}");
        await Expect(Page.GetByTestId("voorstel")).ToContainTextAsync("Uit je afspraak ‘Een ecogram maken met de cliënt’.");
        await Expect(Page.GetByTestId("open-afspraken")).ToContainTextAsync("Een ecogram maken met de cliënt");
        await Expect(Page.GetByTestId("nieuw")).ToContainTextAsync("Wout Werkbegeleider plande een werkbegeleiding op");
        await Expect(Page.GetByTestId("voortgang").GetByRole(AriaRole.Link).First).ToBeVisibleAsync();
        await AssertAccessibleAsync(Page);
        await Screenshots.TakeBothWidthsAsync(Page, "startpagina-coach");

        var wout = await NewPageAsync();
        await SignInAndWaitAsync(SupervisorEmail, "/werkbegeleider", page: wout);
        var ann = wout.GetByTestId("coaches").Locator("tr", new() { HasText = "Ann Coach" });
        await Expect(ann.Locator("td[data-label='Laatst geoefend']")).Not.ToHaveTextAsync("nog nooit");
        await Expect(ann.Locator("td[data-label='Volgende sessie']")).Not.ToHaveTextAsync("nog niet gepland");
        await Expect(wout.GetByTestId("team-modules")).ToContainTextAsync("Ann Coach");
        await AssertAccessibleAsync(wout);
        await Screenshots.TakeBothWidthsAsync(wout, "startpagina-werkbegeleider");
    }

    /// <summary>
    /// The two pictures in the README, taken from the running app: the coach's start page and the scenario player in
    /// the middle of a conversation. Written to $GWT_README_IMAGES (scripts/readme-screenshots.sh points it at
    /// docs/images), else to the screenshot folder.
    /// </summary>
    [Fact]
    public async Task Readme_pictures_of_the_coach_start_page_and_the_scenario_player()
    {
        var folder = Environment.GetEnvironmentVariable("GWT_README_IMAGES") is { Length: > 0 } set ? set : Screenshots.Folder;
        Directory.CreateDirectory(folder);
        await Page.SetViewportSizeAsync(1366, 860);
        var (_, attemptPath) = await PrepareAnnsStartPageAsync(choices: 2);

        await GotoInteractiveAsync(attemptPath);
        await Expect(Page.Locator("ol.gwt-conversation li.gwt-coach-line")).ToHaveCountAsync(2);
        await Expect(Page.Locator("ol.gwt-choices").GetByRole(AriaRole.Button).First).ToBeVisibleAsync();
        // The latest lines and the choices to make next: the moment of play.
        await Page.EvaluateAsync("() => document.querySelector('ol.gwt-choices').scrollIntoView({ block: 'end' })");
        await Page.ScreenshotAsync(new() { Path = Path.Combine(folder, "scenariospeler.png") });

        await GotoInteractiveAsync("/coach");
        await Expect(Page.GetByTestId("voorstel")).ToContainTextAsync("Uit je afspraak");
        await Page.ScreenshotAsync(new() { Path = Path.Combine(folder, "startpagina-coach.png") });
    }

    /// <summary>
    /// Ann (signed in on <see cref="Page"/>) starts the first scenario and makes <paramref name="choices"/> choices along
    /// its first test path; Wout plans a session with her and an agreement about an ecogram. Returns the scenario and the
    /// attempt's path.
    /// </summary>
    private async Task<(GeneralistischWerkt.Training.Core.Scenarios.Scenario Scenario, string AttemptPath)> PrepareAnnsStartPageAsync(int choices)
    {
        await SignInAndWaitAsync(CoachEmail, "/coach");
        var scenario = Repository.PlayableScenarios.First(s => s.Id == "eerste-gesprek");
        await GotoInteractiveAsync($"/scenarios/{scenario.Id}");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Start het rollenspel" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/pogingen/\\d+$"));
        await WaitForInteractiveAsync(Page);
        var attemptPath = new Uri(Page.Url).AbsolutePath;
        for (var step = 0; step < choices; step++)
        {
            await ChoiceButton(Page, scenario, scenario.TestPaths[0].Choices, step).ClickAsync();
            await Expect(Page.Locator("ol.gwt-conversation li.gwt-coach-line")).ToHaveCountAsync(step + 1);
        }

        var wout = await NewPageAsync();
        await SignInAndWaitAsync(SupervisorEmail, "/werkbegeleider", page: wout);
        // Due in two days: other tests give Ann agreements too (one due in fourteen days); the suggestion follows the
        // agreement due first.
        await PlanSessionWithAgreementAsync(wout, "Een ecogram maken met de cliënt", DateTime.Today.AddDays(2));
        await wout.Context.CloseAsync();
        return (scenario, attemptPath);
    }
}
