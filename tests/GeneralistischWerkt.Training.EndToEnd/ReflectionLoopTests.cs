using System.Text.RegularExpressions;
using GeneralistischWerkt.Training.Core.Content;
using GeneralistischWerkt.Training.Core.Scenarios;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GeneralistischWerkt.Training.EndToEnd;

/// <summary>The whole reflection and werkbegeleiding loop, in a real browser, with three people.</summary>
public class ReflectionLoopTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Hostile = "<script>window.__xss=1</script><img src=x onerror=\"window.__xss=2\">";

    private static Scenario FirstScenario() =>
        Repository.PlayableScenarios.Where(s => s.Audience == ScenarioAudiences.Coach && s.TestPaths.Count > 0).OrderBy(s => s.Id).First();

    [Fact]
    public async Task Coach_plays_reflects_and_shares_werkbegeleider_comments_tags_plans_a_session_and_the_coach_follows_up()
    {
        // 1. The coach plays a scenario to its end and writes a guided reflection beside the attempt.
        var scenario = FirstScenario();
        var path = scenario.TestPaths[0];
        await SignInAndWaitAsync(CoachEmail, "/coach");
        await GotoInteractiveAsync($"/scenarios/{scenario.Id}");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Start het rollenspel" }).ClickAsync();
        await WaitForInteractiveAsync(Page);
        var run = ScenarioRun.Start(scenario);
        string? answered = null;
        for (var step = 0; step < path.Choices.Count; step++)
        {
            await ChoiceButton(Page, scenario, path.Choices, step).ClickAsync();
            var question = run.Choices[path.Choices[step] - 1].ReflectionQuestion;
            run = run.Choose(path.Choices[step] - 1);
            if (step < path.Choices.Count - 1) await Expect(Page.Locator("ol.gwt-conversation li.gwt-coach-line")).ToHaveCountAsync(step + 1);
            if (question is not null && step < path.Choices.Count - 1 && answered is null)
            {
                // The scenario asks why the coach chose this; the answer stays with the attempt.
                answered = "Omdat hij eerst zelf moest kunnen dromen.";
                await Page.GetByLabel(question).FillAsync(answered);
                await Page.GetByRole(AriaRole.Button, new() { Name = "Bewaar antwoord" }).ClickAsync();
                await Expect(Page.GetByLabel(question)).ToHaveCountAsync(0);
            }
        }
        Assert.NotNull(answered); // the chosen scenario's test path passes a reflection question
        await Expect(Page.GetByTestId("uitkomst")).ToBeVisibleAsync();
        await Expect(Page.Locator(".gwt-reflection-answer")).ToContainTextAsync(answered);
        var attemptPath = new Uri(Page.Url).AbsolutePath;
        await Page.GetByRole(AriaRole.Button, new() { Name = "Schrijf een reflectie bij deze poging" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/reflecties/\\d+$"));
        await WaitForInteractiveAsync(Page);
        var reflectionUrl = new Uri(Page.Url).AbsolutePath;
        await Expect(Page.GetByRole(AriaRole.Complementary, new() { Name = "De poging waarover je reflecteert" })).ToContainTextAsync(scenario.Title);
        await Expect(Page.GetByLabel("2. Terugblikken")).ToHaveValueAsync(new Regex(Regex.Escape(answered)));
        await Page.GetByLabel("1. Handelen").FillAsync("Ik liet de cliënt eerst vertellen.");
        await Page.GetByLabel("3. Bewustwording van essentiële aspecten").FillAsync("Ruimte geven werkt, maar ik wilde te snel oplossen. " + Hostile);
        await Page.GetByLabel("5. Uitproberen").FillAsync("Volgende keer vat ik eerst samen.");
        await Expect(Page.GetByTestId("bewaard")).ToContainTextAsync("Automatisch bewaard", new() { Timeout = 10_000 });
        // Script in the text is shown as text and never runs.
        await Expect(Page.GetByTestId("voorbeeld")).ToContainTextAsync("<script>window.__xss=1</script>");
        Assert.Null(await Page.EvaluateAsync<int?>("() => window.__xss"));
        await AssertAccessibleAsync(Page);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Afronden" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Delen met mijn werkbegeleider" }).ClickAsync();
        await Expect(Page.GetByTestId("deelstatus")).ToHaveTextAsync("Gedeeld met Wout Werkbegeleider.");
        var title = await Page.GetByLabel("Titel").InputValueAsync();

        // 2. The werkbegeleider finds it in the inbox, reads, comments (also on a choice), tags it and marks it discussed.
        var wout = await NewPageAsync();
        await SignInAndWaitAsync(SupervisorEmail, "/werkbegeleider", page: wout);
        await GotoInteractiveAsync("/werkbegeleider/inbox", wout);
        await Expect(wout.GetByTestId("inbox").Locator("tbody tr").First).ToContainTextAsync("Ongelezen");
        await AssertAccessibleAsync(wout);
        await wout.GetByRole(AriaRole.Link, new() { Name = title }).First.ClickAsync();
        await Expect(wout.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        await WaitForInteractiveAsync(wout);
        await Expect(wout.Locator(".gwt-prose").Filter(new() { HasText = "te snel oplossen" })).ToContainTextAsync("<script>window.__xss=1</script>");
        Assert.Null(await wout.EvaluateAsync<int?>("() => window.__xss"));
        await wout.GetByLabel("Je reactie").FillAsync("Mooi dat je dit ziet. " + Hostile);
        await wout.GetByRole(AriaRole.Button, new() { Name = "Reactie plaatsen" }).ClickAsync();
        await Expect(wout.GetByTestId("reacties")).ToContainTextAsync("<script>window.__xss=1</script>");
        Assert.Null(await wout.EvaluateAsync<int?>("() => window.__xss"));
        await wout.GetByLabel("Ondersteuning methodiektrouw").CheckAsync();
        await wout.GetByLabel("Besproken").CheckAsync();
        await wout.GetByRole(AriaRole.Button, new() { Name = "Bespreking bewaren" }).ClickAsync();
        await Expect(wout.GetByRole(AriaRole.Status).Filter(new() { HasText = "Bespreking bewaard." })).ToBeVisibleAsync();
        await AssertAccessibleAsync(wout);

        await GotoInteractiveAsync(attemptPath, wout);
        await wout.GetByLabel("Reactie op deze keuze").First.FillAsync("Hier had je kunnen spiegelen.");
        await wout.GetByRole(AriaRole.Button, new() { Name = "Reageer" }).First.ClickAsync();
        await Expect(wout.Locator(".gwt-comments").First).ToContainTextAsync("Hier had je kunnen spiegelen.");
        await AssertAccessibleAsync(wout);

        // 3. The werkbegeleider plans a session with the reflection on the agenda and records an agreement.
        await GotoInteractiveAsync("/werkbegeleider", wout);
        await wout.GetByRole(AriaRole.Link, new() { Name = "Ann Coach" }).ClickAsync();
        await WaitForInteractiveAsync(wout);
        // Discussed already, so no longer waiting for review on the dashboard.
        await Expect(wout.GetByTestId("te-bekijken")).Not.ToContainTextAsync(title);
        await AssertAccessibleAsync(wout);
        await wout.GetByLabel("Vorm").SelectOptionAsync(new SelectOptionValue { Label = "Coaching on the job" });
        await wout.GetByLabel($"Reflectie: {title}").CheckAsync();
        await wout.GetByRole(AriaRole.Button, new() { Name = "Sessie aanmaken" }).ClickAsync();
        await Expect(wout).ToHaveURLAsync(new Regex("/werkbegeleiding/sessies/\\d+$"));
        await WaitForInteractiveAsync(wout);
        await Expect(wout.GetByTestId("agenda")).ToContainTextAsync(title);
        await wout.GetByLabel("Ondersteuning methodiektrouw").FillAsync("Samenvatten oefenen in de volgende gesprekken.");
        await Expect(wout.GetByTestId("bewaard")).ToHaveTextAsync(new Regex("^Automatisch bewaard om"), new() { UseInnerText = true, Timeout = 10_000 });
        await wout.GetByLabel("Wat", new() { Exact = true }).FillAsync("In drie gesprekken eerst samenvatten voor je een voorstel doet");
        await wout.GetByLabel("Uiterlijk klaar op").FillAsync(DateTime.Today.AddDays(14).ToString("yyyy-MM-dd"));
        await wout.GetByRole(AriaRole.Button, new() { Name = "Afspraak toevoegen" }).ClickAsync();
        await Expect(wout.GetByTestId("afspraken")).ToContainTextAsync("In drie gesprekken eerst samenvatten");
        await AssertAccessibleAsync(wout);

        // 4. The coach sees the comment, who read the reflection, the comment on the choice and the agreement, and marks progress.
        await GotoInteractiveAsync(reflectionUrl);
        await Expect(Page.GetByTestId("reacties")).ToContainTextAsync("Mooi dat je dit ziet.");
        await Expect(Page.GetByTestId("gelezen")).ToContainTextAsync("Wout Werkbegeleider");
        await Page.GetByLabel("Je reactie").FillAsync("Dank je, ik probeer het.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Reactie plaatsen" }).ClickAsync();
        await Expect(Page.GetByTestId("reacties")).ToContainTextAsync("Dank je, ik probeer het.");

        await GotoInteractiveAsync(attemptPath);
        await Expect(Page.Locator(".gwt-comments").First).ToContainTextAsync("Hier had je kunnen spiegelen.");
        await Page.GetByLabel("Reactie op deze keuze").First.FillAsync("Inderdaad, dat neem ik mee.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Reageer" }).First.ClickAsync();
        await Expect(Page.Locator(".gwt-comments").First).ToContainTextAsync("Inderdaad, dat neem ik mee.");

        await GotoInteractiveAsync("/afspraken");
        var row = Page.GetByTestId("afspraken").Locator("tr", new() { HasText = "In drie gesprekken eerst samenvatten" });
        await row.Locator("select").SelectOptionAsync(new SelectOptionValue { Label = "Bezig" });
        await row.Locator("input").FillAsync("Eén gesprek gedaan.");
        await row.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Voortgang bewaard." })).ToBeVisibleAsync();
        await AssertAccessibleAsync(Page);
        await Page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("Coaching on the job") }).ClickAsync();
        await Expect(Page.GetByTestId("notities")).ToContainTextAsync("Samenvatten oefenen");
        await AssertAccessibleAsync(Page);

        // 5. The werkbegeleider sees the coach's progress on the agreement.
        await wout.ReloadAsync();
        await Expect(wout.GetByTestId("afspraken").Locator("input").First).ToHaveValueAsync("Eén gesprek gedaan.");
    }

    [Fact]
    public async Task A_coach_downloads_all_own_data_as_one_zip()
    {
        await SignInAndWaitAsync(CoachEmail, "/coach");
        await GotoInteractiveAsync("/mijn-gegevens");
        await AssertAccessibleAsync(Page);
        var download = await Page.RunAndWaitForDownloadAsync(() =>
            Page.GetByRole(AriaRole.Link, new() { Name = "Download mijn gegevens (zip)" }).ClickAsync());
        Assert.Matches("^mijn-gegevens-\\d{4}-\\d{2}-\\d{2}\\.zip$", download.SuggestedFilename);
        var file = await download.PathAsync();
        using var zip = System.IO.Compression.ZipFile.OpenRead(file!);
        Assert.Contains("LEESMIJ.md", zip.Entries.Select(e => e.FullName));
        Assert.Contains("voortgang.json", zip.Entries.Select(e => e.FullName));
    }

    [Fact]
    public async Task A_draft_survives_closing_the_page_and_a_server_restart()
    {
        await SignInAndWaitAsync("bram.coach@demo.gwt.be", "/coach");
        await GotoInteractiveAsync("/reflecties");
        await AssertAccessibleAsync(Page);
        await Page.GetByRole(AriaRole.Radio, new() { NameRegex = new Regex("^STARR") }).CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Begin te schrijven" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/reflecties/\\d+$"));
        await WaitForInteractiveAsync(Page);
        var url = Page.Url;
        await Page.GetByLabel("Titel").FillAsync("Wat ik niet wil verliezen");
        await Page.GetByLabel("Situatie").FillAsync("Een cliënt belde boos op.");
        // The documented promise: at most the last 2 seconds of typing can be lost.
        await Page.WaitForTimeoutAsync(2_500);
        await Page.Context.CloseAsync();

        var reopened = await NewPageAsync();
        await SignInAndWaitAsync("bram.coach@demo.gwt.be", "/coach", page: reopened);
        await GotoInteractiveAsync(url, reopened);
        await Expect(reopened.GetByLabel("Situatie")).ToHaveValueAsync("Een cliënt belde boos op.");
        await Expect(reopened.GetByLabel("Titel")).ToHaveValueAsync("Wat ik niet wil verliezen");

        await reopened.GetByLabel("Taak").FillAsync("Rustig blijven en luisteren.");
        await reopened.WaitForTimeoutAsync(2_500);
        await reopened.Context.CloseAsync();
        await Fixture.App.RestartAsync();

        var afterRestart = await NewPageAsync();
        await SignInAndWaitAsync("bram.coach@demo.gwt.be", "/coach", page: afterRestart);
        await GotoInteractiveAsync(url, afterRestart);
        await Expect(afterRestart.GetByLabel("Taak")).ToHaveValueAsync("Rustig blijven en luisteren.");
        await Expect(afterRestart.GetByRole(AriaRole.Heading, new() { Name = "Concept-reflectie" })).ToBeVisibleAsync();

        // A draft is never visible to the werkbegeleider, not even by its address.
        var wout = await NewPageAsync();
        await SignInAndWaitAsync(SupervisorEmail, "/werkbegeleider", page: wout);
        await wout.GotoAsync(url);
        await Expect(wout.GetByRole(AriaRole.Heading, new() { Name = "Geen toegang" })).ToBeVisibleAsync();
        await Expect(wout.GetByText("Een cliënt belde boos op.")).ToHaveCountAsync(0);
    }
}
