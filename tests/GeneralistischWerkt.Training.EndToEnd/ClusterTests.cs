using System.Text.RegularExpressions;
using GeneralistischWerkt.Training.Core.Scenarios;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GeneralistischWerkt.Training.EndToEnd;

/// <summary>
/// Several instances behind nginx, as deploy/README.md sets them up, tested through nginx in real Chromium: sign-in on
/// both instances with one set of keys, a live intervisie whose people sit on different instances (Redis carries the
/// changes), an instance killed mid-session whose user lands on the other one with nothing lost, and the killed
/// instance coming back into service. Runs only in `bash scripts/cluster.sh test` (see <see cref="ClusterFixture"/>).
/// </summary>
[Collection(ClusterCollection.Name)]
[Trait("Category", ClusterFixture.Category)]
public class ClusterTests(ClusterFixture cluster) : BrowserTest(cluster)
{
    private const string StartPassword = "Start-Wachtwoord-7";
    private const string OwnPassword = "Eigen-Wachtwoord-7";
    private static readonly TimeSpan Failover = TimeSpan.FromSeconds(60);

    /// <summary>Pins <paramref name="page"/>'s browser to instance a or b with nginx's route cookie.</summary>
    private async Task<IPage> PinAsync(IPage page, string instance)
    {
        await page.Context.AddCookiesAsync(
        [
            new Cookie { Name = ClusterFixture.RouteCookie, Value = await cluster.RouteToAsync(instance), Url = cluster.BaseUrl },
        ]);
        return page;
    }

    private async Task<IPage> PageOnAsync(string instance) => await PinAsync(await NewPageAsync(), instance);

    private static string? AnsweredBy(IResponse? response) =>
        response is null ? null : ClusterFixture.AnsweredBy(response.Headers);

    /// <summary>
    /// A page pinned to <paramref name="instance"/> in a browser context of its own, noting which instance answered
    /// each page load. Its own context because its connection will break, which Chromium logs as errors: that is
    /// outside the console check the other pages get.
    /// </summary>
    private async Task<RecordedPage> OwnPageOnAsync(string instance)
    {
        var context = await cluster.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = cluster.BaseUrl, IgnoreHTTPSErrors = true, Locale = "nl-BE",
        });
        var recorded = new RecordedPage(await PinAsync(await context.NewPageAsync(), instance));
        recorded.Page.Response += (_, response) =>
        {
            if (response.Request.ResourceType == "document") recorded.Served(AnsweredBy(response));
        };
        return recorded;
    }

    private sealed class RecordedPage(IPage page)
    {
        private readonly List<string?> servedBy = [];

        public IPage Page => page;

        /// <summary>The instance that answered the latest page load (null before the first).</summary>
        public string? LastServedBy
        {
            get { lock (servedBy) return servedBy.Count == 0 ? null : servedBy[^1]; }
        }

        public void Served(string? instance)
        {
            lock (servedBy) servedBy.Add(instance);
        }
    }

    /// <summary>First sign-in of an account the beheerder made: the start password must be replaced.</summary>
    private async Task FirstSignInAsync(IPage page, string email, string startPage)
    {
        await SignInAsync(email, StartPassword, page);
        await ChangePasswordAsync(page, StartPassword, OwnPassword);
        await page.WaitForURLAsync(new Regex(Regex.Escape(startPage) + "$"));
        await WaitForInteractiveAsync(page);
    }

    [Fact]
    public async Task Sign_in_works_on_both_instances_and_what_one_instance_issued_is_valid_on_the_other()
    {
        // A new browser gets its route from nginx and keeps going to the same instance.
        var fresh = await NewPageAsync();
        var first = AnsweredBy(await fresh.GotoAsync("/account/aanmelden"));
        Assert.Contains(first, new[] { cluster.InstanceAddress("a"), cluster.InstanceAddress("b") });
        var route = (await fresh.Context.CookiesAsync()).Single(c => c.Name == ClusterFixture.RouteCookie);
        Assert.True(route.Secure && route.HttpOnly, "de routecookie van nginx moet Secure en HttpOnly zijn");
        for (var i = 0; i < 3; i++) Assert.Equal(first, AnsweredBy(await fresh.ReloadAsync()));

        foreach (var instance in new[] { "a", "b" })
        {
            var page = await PageOnAsync(instance);
            Assert.Equal(cluster.InstanceAddress(instance), AnsweredBy(await page.GotoAsync("/account/aanmelden")));
            await SignInAndWaitAsync(cluster.AdminEmail, "/beheer", cluster.AdminPassword, page);
            Assert.Equal(cluster.InstanceAddress(instance), AnsweredBy(await page.ReloadAsync()));
            await WaitForInteractiveAsync(page);
        }

        // The form (and its antiforgery token) from a, the post to b, the sign-in cookie from b used on a.
        var both = await PageOnAsync("a");
        Assert.Equal(cluster.InstanceAddress("a"), AnsweredBy(await both.GotoAsync("/account/aanmelden")));
        await both.GetByLabel("E-mailadres").FillAsync(cluster.AdminEmail);
        await both.GetByLabel("Wachtwoord").FillAsync(cluster.AdminPassword);
        await PinAsync(both, "b");
        var post = both.WaitForResponseAsync(r => r.Request.Method == "POST" && r.Url.EndsWith("/account/aanmelden"));
        await both.GetByRole(AriaRole.Button, new() { Name = "Aanmelden" }).ClickAsync();
        Assert.Equal(cluster.InstanceAddress("b"), AnsweredBy(await post));
        await Expect(both).ToHaveURLAsync(new Regex("/beheer$"));
        await WaitForInteractiveAsync(both);
        await PinAsync(both, "a");
        Assert.Equal(cluster.InstanceAddress("a"), AnsweredBy(await both.GotoAsync("/beheer/teams")));
        await WaitForInteractiveAsync(both);
        await Expect(both.GetByRole(AriaRole.Heading, new() { Name = "Teams", Level = 1 })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_live_intervisie_spans_both_instances_survives_losing_one_and_the_instance_comes_back()
    {
        var suffix = Guid.NewGuid().ToString("N")[..5];
        var (woutName, annName, bramName) = ($"Wout {suffix}", $"Ann {suffix}", $"Bram {suffix}");
        var (woutEmail, annEmail, bramEmail) = (UniqueEmail("wout"), UniqueEmail("ann"), UniqueEmail("bram"));

        // The beheerder from create-admin makes the accounts and the team, as an organisation starts.
        var admin = await PageOnAsync("a");
        await SignInAndWaitAsync(cluster.AdminEmail, "/beheer", cluster.AdminPassword, admin);
        await CreateAccountAsync(woutName, woutEmail, StartPassword, admin, role: "Werkbegeleider");
        await CreateAccountAsync(annName, annEmail, StartPassword, admin);
        await CreateAccountAsync(bramName, bramEmail, StartPassword, admin);
        await GotoInteractiveAsync("/beheer/teams", admin);
        var team = "Team " + suffix;
        await admin.GetByLabel("Naam van het team").FillAsync(team);
        foreach (var name in new[] { woutName, annName, bramName }) await admin.GetByLabel(name, new() { Exact = true }).CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Team aanmaken" }).ClickAsync();
        await Expect(admin.GetByText($"Nieuw team aangemaakt: {team}.")).ToBeVisibleAsync();
        await admin.Context.CloseAsync();

        // Wout leads from instance a; Ann, whose case it is, takes part from instance b, which will be stopped.
        var wout = await PageOnAsync("a");
        await FirstSignInAsync(wout, woutEmail, "/werkbegeleider");
        var annPage = await OwnPageOnAsync("b");
        try
        {
            var ann = annPage.Page;
            await FirstSignInAsync(ann, annEmail, "/coach");

            await GotoInteractiveAsync("/intervisie", wout);
            await wout.GetByLabel("Titel (mag leeg: dan de naam van de methode)").FillAsync("Intervisie " + suffix);
            await wout.GetByRole(AriaRole.Button, new() { Name = "Intervisie plannen" }).ClickAsync();
            await Expect(wout).ToHaveURLAsync(new Regex("/intervisie/\\d+$"));
            var url = new Uri(wout.Url).AbsolutePath;
            await WaitForInteractiveAsync(wout);
            await Expect(wout.GetByTestId("inbrenger")).ToHaveTextAsync(annName);

            await GotoInteractiveAsync(url, ann);
            Assert.Equal(cluster.InstanceAddress("b"), annPage.LastServedBy);
            await ann.GetByRole(AriaRole.Button, new() { Name = "Deelnemen" }).ClickAsync();
            await Expect(ann.GetByRole(AriaRole.Heading, new() { Name = "De inbreng" })).ToBeVisibleAsync();

            // b → a: Ann's case appears on Wout's screen while she types it.
            var description = ann.Locator("#inbreng-beschrijving");
            await description.FillAsync("Tim (schuilnaam) wil stoppen met zijn stage.");
            await ann.Locator("#inbreng-vraag").FillAsync("Hoe blijf ik naast hem staan?");
            await Expect(wout.GetByTestId("inbreng")).ToContainTextAsync("Hoe blijf ik naast hem staan?", new() { Timeout = 15_000 });

            // a → b: Wout starts and leads phase by phase; every step reaches Ann.
            await wout.GetByTestId("starten").ClickAsync();
            await Expect(ann.GetByTestId("fase")).ToContainTextAsync("Fase 1 van 6");
            for (var phase = 2; phase <= 5; phase++)
            {
                await wout.GetByTestId("volgende-fase").ClickAsync();
                await Expect(ann.GetByTestId("fase")).ToContainTextAsync($"Fase {phase} van 6");
            }
            await ContributeAsync(ann, "Misschien wilde ik te snel een oplossing.");
            await Expect(Contribution(wout, "te snel een oplossing")).ToBeVisibleAsync();
            await ContributeAsync(wout, "Wat als Tim zelf de volgende stap kiest?");
            await Expect(Contribution(ann, "de volgende stap kiest")).ToBeVisibleAsync();

            // Instance b dies while Ann types: her newest words exist only in her browser (the server writes after
            // 2 s without typing).
            await description.FocusAsync();
            await ann.Keyboard.PressAsync("End");
            await ann.Keyboard.InsertTextAsync(" Sinds zijn ziekte twijfelt hij.");
            await cluster.KillInstanceAsync("b");

            // Her page loses the connection, reconnects through nginx to a (which does not know it) and reloads
            // there; the browser's copy comes back and is saved, and she is still in phase 5 with everything in it.
            await Expect(ann.GetByText("Deze browser had nog tekst die niet bewaard was")).ToBeVisibleAsync(new() { Timeout = (float)Failover.TotalMilliseconds });
            await WaitForInteractiveAsync(ann);
            Assert.Equal(cluster.InstanceAddress("a"), annPage.LastServedBy);
            const string typed = "Tim (schuilnaam) wil stoppen met zijn stage. Sinds zijn ziekte twijfelt hij.";
            await Expect(description).ToHaveValueAsync(typed);
            await Expect(ann.GetByTestId("inbreng-bewaard")).ToHaveTextAsync(new Regex("^Automatisch bewaard om "), new() { Timeout = 15_000 });
            await Expect(ann.GetByTestId("fase")).ToContainTextAsync("Fase 5 van 6");
            await Expect(Contribution(ann, "te snel een oplossing")).ToBeVisibleAsync();
            await Expect(Contribution(ann, "de volgende stap kiest")).ToBeVisibleAsync();
            await Expect(wout.GetByTestId("inbreng")).ToContainTextAsync(typed);
            // … and carries on.
            await ContributeAsync(ann, "Ik vraag Tim wat hij zelf wil.");
            await Expect(Contribution(wout, "wat hij zelf wil")).ToBeVisibleAsync();

            // b comes back: ready, nginx sends its browsers to it again, and it hears and tells live changes again.
            await cluster.StartInstanceAsync("b");
            await cluster.WaitUntilServedByAsync(await cluster.RouteToAsync("b"), "b", TimeSpan.FromSeconds(30));
            var bram = await PageOnAsync("b");
            await FirstSignInAsync(bram, bramEmail, "/coach");
            Assert.Equal(cluster.InstanceAddress("b"), AnsweredBy(await bram.GotoAsync(url)));
            await WaitForInteractiveAsync(bram);
            await bram.GetByRole(AriaRole.Button, new() { Name = "Deelnemen" }).ClickAsync();
            await Expect(bram.GetByTestId("fase")).ToContainTextAsync("Fase 5 van 6");
            await Expect(Contribution(bram, "wat hij zelf wil")).ToBeVisibleAsync();

            await wout.GetByTestId("volgende-fase").ClickAsync();
            await Expect(bram.GetByTestId("fase")).ToContainTextAsync("Fase 6 van 6");
            await Expect(ann.GetByTestId("fase")).ToContainTextAsync("Fase 6 van 6");
            await ContributeAsync(bram, "Eerst luisteren, dan pas bellen.");
            await Expect(Contribution(wout, "Eerst luisteren")).ToBeVisibleAsync();
            await Expect(Contribution(ann, "Eerst luisteren")).ToBeVisibleAsync();
            await wout.GetByTestId("afsluiten").ClickAsync();
            await Expect(bram.GetByRole(AriaRole.Heading, new() { Name = "De intervisie is afgelopen" })).ToBeVisibleAsync();
        }
        finally
        {
            await annPage.Page.Context.CloseAsync();
            // The next test needs both instances, whatever happened here.
            if (!cluster.IsRunning("b")) await cluster.StartInstanceAsync("b");
        }
    }

    [Fact]
    public async Task A_role_play_on_a_killed_instance_continues_on_the_other_with_every_choice_kept()
    {
        // A coach scenario with a test path of at least four choices: after the third there is still a question.
        var scenario = Repository.PlayableScenarios
            .Where(s => s.InCatalogue && s.Audience == ScenarioAudiences.Coach)
            .OrderBy(s => s.Id)
            .First(s => s.TestPaths.Any(p => p.Choices.Count >= 4));
        var path = scenario.TestPaths.First(p => p.Choices.Count >= 4).Choices;
        var suffix = Guid.NewGuid().ToString("N")[..5];
        var (coachName, coachEmail) = ($"Lien {suffix}", UniqueEmail("lien"));

        var admin = await PageOnAsync("a");
        await SignInAndWaitAsync(cluster.AdminEmail, "/beheer", cluster.AdminPassword, admin);
        await CreateAccountAsync(coachName, coachEmail, StartPassword, admin);
        await admin.Context.CloseAsync();

        // The coach plays on instance b, which will be stopped.
        var coachPage = await OwnPageOnAsync("b");
        try
        {
            var coach = coachPage.Page;
            await FirstSignInAsync(coach, coachEmail, "/coach");

            await GotoInteractiveAsync("/scenarios", coach);
            await coach.Locator($"[data-scenario='{scenario.Id}']").GetByRole(AriaRole.Link, new() { Name = scenario.Title }).ClickAsync();
            await Expect(coach).ToHaveURLAsync(new Regex($"/scenarios/{scenario.Id}$"));
            await WaitForInteractiveAsync(coach);
            await coach.GetByRole(AriaRole.Button, new() { Name = "Start het rollenspel" }).ClickAsync();
            await Expect(coach).ToHaveURLAsync(new Regex($"/scenarios/{scenario.Id}/pogingen/\\d+$"));
            var attemptUrl = coach.Url;
            await WaitForInteractiveAsync(coach);
            Assert.Equal(cluster.InstanceAddress("b"), coachPage.LastServedBy);

            for (var step = 0; step < 2; step++)
            {
                await ChoiceButton(coach, scenario, path, step).ClickAsync();
                await Expect(CoachLines(coach)).ToHaveCountAsync(step + 1);
            }
            var transcript = await CoachLines(coach).AllInnerTextsAsync();
            var current = await CurrentLine(coach).InnerTextAsync();
            var options = await ChoiceTexts(coach);
            Assert.NotEmpty(options);

            // b dies right after the second choice is on screen.
            await cluster.KillInstanceAsync("b");

            // The page loses its circuit; reconnecting goes through nginx to a, which does not know it, so the page
            // (holding no unsaved text) reloads by itself and lands on a, at the same point of the conversation.
            var deadline = DateTime.UtcNow + Failover;
            while (true)
            {
                if (coachPage.LastServedBy == cluster.InstanceAddress("a")) break;
                Assert.True(DateTime.UtcNow < deadline, "De pagina laadde niet vanzelf opnieuw op instantie a.");
                await Task.Delay(250);
            }
            await WaitForInteractiveAsync(coach);
            Assert.Equal(attemptUrl, coach.Url);
            await Expect(CoachLines(coach)).ToHaveCountAsync(2);
            Assert.Equal(transcript, await CoachLines(coach).AllInnerTextsAsync());
            Assert.Equal(current, await CurrentLine(coach).InnerTextAsync());
            Assert.Equal(options, await ChoiceTexts(coach));

            // The third choice, made on a, is saved: a reload (still on a) shows it.
            await ChoiceButton(coach, scenario, path, 2).ClickAsync();
            await Expect(CoachLines(coach)).ToHaveCountAsync(3);
            var afterThird = await CoachLines(coach).AllInnerTextsAsync();
            Assert.Equal(cluster.InstanceAddress("a"), AnsweredBy(await coach.ReloadAsync()));
            await WaitForInteractiveAsync(coach);
            await Expect(CoachLines(coach)).ToHaveCountAsync(3);
            Assert.Equal(afterThird, await CoachLines(coach).AllInnerTextsAsync());
            await Expect(ChoiceButton(coach, scenario, path, 3)).ToBeVisibleAsync();
        }
        finally
        {
            await coachPage.Page.Context.CloseAsync();
            // The next test needs both instances, whatever happened here.
            if (!cluster.IsRunning("b")) await cluster.StartInstanceAsync("b");
        }
    }

    private static ILocator CoachLines(IPage page) => page.Locator("ol.gwt-conversation li.gwt-coach-line");

    private static ILocator CurrentLine(IPage page) => page.Locator("ol.gwt-conversation > li[aria-current=step]");

    /// <summary>The texts of the choices on offer, sorted: the same options, whatever order a page shows them in.</summary>
    private static async Task<List<string>> ChoiceTexts(IPage page) =>
        (await page.Locator("ol.gwt-choices button.gwt-choice").AllInnerTextsAsync()).Order().ToList();

    private static ILocator Contribution(IPage page, string text) => page.GetByTestId("bijdrage").Filter(new() { HasText = text });

    private static async Task ContributeAsync(IPage page, string text)
    {
        await page.Locator("#bijdrage").FillAsync(text);
        await page.GetByRole(AriaRole.Button, new() { Name = "Bijdrage toevoegen" }).ClickAsync();
        await Expect(Contribution(page, text)).ToBeVisibleAsync();
    }
}
