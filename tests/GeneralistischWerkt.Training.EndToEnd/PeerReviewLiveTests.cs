using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GeneralistischWerkt.Training.EndToEnd;

/// <summary>
/// A whole intervisie (incidentmethode) in real Chromium on four devices: Wout leads, Ann brings in her case, Bram and
/// a new colleague help. Contributions appear live on the other devices, a reload mid-phase loses nothing, and the
/// timer counts on from the stored phase start after a reload.
/// </summary>
public class PeerReviewLiveTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Bram = "bram.coach@demo.gwt.be";

    [Fact]
    public async Task Four_devices_go_through_every_phase_of_the_incidentmethode()
    {
        // A fourth person in Wout's team: a new coach the beheerder adds (she chooses her own password first).
        var (lien, _) = (await NewTeamCoachesAsync(["Lien"]))[0];

        // Wout plans it for his team; Ann (the first coach) is the case owner by default.
        var wout = await NewPageAsync();
        await SignInAndWaitAsync(SupervisorEmail, "/werkbegeleider", page: wout);
        await GotoInteractiveAsync("/intervisie", wout);
        await Screenshots.TakeBothWidthsAsync(wout, "intervisie-lijst");
        var title = "Intervisie " + Guid.NewGuid().ToString("N")[..6];
        await wout.GetByLabel("Titel (mag leeg: dan de naam van de methode)").FillAsync(title);
        await wout.GetByRole(AriaRole.Button, new() { Name = "Intervisie plannen" }).ClickAsync();
        await Expect(wout).ToHaveURLAsync(new Regex("/intervisie/\\d+$"));
        var url = new Uri(wout.Url).AbsolutePath;
        await WaitForInteractiveAsync(wout);
        await Screenshots.TakeBothWidthsAsync(wout, "intervisie-lobby");

        var ann = Page;
        await SignInAndWaitAsync(CoachEmail, "/coach", page: ann);
        var bram = await NewPageAsync();
        await SignInAndWaitAsync(Bram, "/coach", page: bram);
        foreach (var coach in new[] { ann, bram, lien })
        {
            await GotoInteractiveAsync(url, coach);
            await coach.GetByRole(AriaRole.Button, new() { Name = "Deelnemen" }).ClickAsync();
            await Expect(coach.GetByRole(AriaRole.Heading, new() { Name = "De inbreng" })).ToBeVisibleAsync();
        }

        // Ann writes her case: a full name gets a warning, the pseudonym makes it go away; Bram reads it live.
        var description = ann.Locator("#inbreng-beschrijving");
        await description.FillAsync("Ik begeleid Ahmed Benali, hij wil stoppen met zijn stage.");
        await Expect(ann.GetByTestId("herkenbaar")).ToContainTextAsync("Ahmed Benali");
        await description.FillAsync("Ik begeleid Tim (schuilnaam), hij wil stoppen met zijn stage.");
        await Expect(ann.GetByTestId("herkenbaar")).ToHaveCountAsync(0);
        await ann.Locator("#inbreng-vraag").FillAsync("Hoe blijf ik naast hem staan?");
        await Expect(bram.GetByTestId("inbreng")).ToContainTextAsync("Hoe blijf ik naast hem staan?", new() { Timeout = 15_000 });
        await Screenshots.TakeBothWidthsAsync(ann, "intervisie-inbreng");

        await wout.GetByTestId("starten").ClickAsync();
        foreach (var device in new[] { ann, bram, lien, wout })
            await Expect(device.GetByTestId("fase")).ToContainTextAsync("Fase 1 van 6: Het voorval");
        await Expect(bram.GetByTestId("luisteren")).ToBeVisibleAsync();

        // Phase 2: questions, live on every other device; Ann marks one as helpful, Wout parks the other.
        await NextPhaseAsync(wout, [ann, bram, lien], "Fase 2 van 6: Verhelderende vragen");
        await ContributeAsync(bram, "Wat zei Tim precies?");
        await ContributeAsync(lien, "Hoe lang loopt de stage al?");
        foreach (var device in new[] { ann, wout, bram, lien })
        {
            await Expect(device.GetByTestId("bijdrage").Filter(new() { HasText = "Wat zei Tim precies?" })).ToBeVisibleAsync();
            await Expect(device.GetByTestId("bijdrage").Filter(new() { HasText = "Hoe lang loopt de stage al?" })).ToBeVisibleAsync();
        }
        await Expect(ann.GetByTestId("luisteren")).ToBeVisibleAsync(); // the case owner listens in this phase
        var question = ann.GetByTestId("bijdrage").Filter(new() { HasText = "Wat zei Tim precies?" });
        await question.GetByText("Antwoorden of aanduiden dat dit helpt").ClickAsync();
        await question.GetByRole(AriaRole.Checkbox, new() { Name = "Dit helpt me" }).ClickAsync();
        await question.GetByRole(AriaRole.Button, new() { Name = "Bewaren" }).ClickAsync();
        await Expect(bram.GetByTestId("helpt")).ToBeVisibleAsync();
        await wout.GetByTestId("bijdrage").Filter(new() { HasText = "Hoe lang loopt de stage al?" })
            .GetByRole(AriaRole.Button, new() { Name = "Parkeren" }).ClickAsync();
        await Expect(lien.GetByRole(AriaRole.Heading, new() { Name = "Geparkeerd" })).ToBeVisibleAsync();
        await Screenshots.TakeBothWidthsAsync(wout, "intervisie-live");

        // Phase 3: a reload mid-phase keeps the phase and the contributions, and the timer counts on.
        await NextPhaseAsync(wout, [ann, bram, lien], "Fase 3 van 6: Wat zou jij doen?");
        await ContributeAsync(bram, "Ik zou eerst vragen wat hem zorgen baart.");
        await bram.WaitForTimeoutAsync(3_000);
        await bram.ReloadAsync();
        await WaitForInteractiveAsync(bram);
        await Expect(bram.GetByTestId("fase")).ToContainTextAsync("Fase 3 van 6");
        await Expect(bram.GetByTestId("bijdrage").Filter(new() { HasText = "Ik zou eerst vragen" })).ToBeVisibleAsync();
        var timer = await bram.GetByTestId("timer").InnerTextAsync();
        var left = Regex.Match(timer, "nog (\\d+):(\\d\\d)");
        Assert.True(left.Success, timer);
        Assert.True(int.Parse(left.Groups[1].Value) * 60 + int.Parse(left.Groups[2].Value) <= 10 * 60 - 3, $"de timer begon opnieuw: {timer}");
        await ContributeAsync(lien, "Ik zou de stagementor bellen, met Tims akkoord.");
        await Expect(bram.GetByTestId("bijdrage").Filter(new() { HasText = "stagementor" })).ToBeVisibleAsync();

        // Phase 4: Ann tells what happened; the others listen. Phase 5: everyone discusses, Ann too.
        await NextPhaseAsync(wout, [ann, bram, lien], "Fase 4 van 6: Wat er echt gebeurde");
        await Expect(lien.GetByTestId("luisteren")).ToBeVisibleAsync();
        await NextPhaseAsync(wout, [ann, bram, lien], "Fase 5 van 6: Bespreking");
        await ContributeAsync(ann, "Misschien wilde ik te snel een oplossing.");
        await Expect(wout.GetByTestId("bijdrage").Filter(new() { HasText = "te snel een oplossing" })).ToBeVisibleAsync();
        await NextPhaseAsync(wout, [ann, bram, lien], "Fase 6 van 6: Leerpunten");
        await ContributeAsync(lien, "Eerst luisteren, dan pas bellen.");
        await wout.GetByTestId("afsluiten").ClickAsync();
        foreach (var device in new[] { ann, bram, lien, wout })
            await Expect(device.GetByRole(AriaRole.Heading, new() { Name = "De intervisie is afgelopen" })).ToBeVisibleAsync();
        await Expect(bram.GetByText("Hoe blijf ik naast hem staan?")).ToHaveCountAsync(0);

        // The summary: Bram sees it only after Ann agrees, and never with her case.
        await GotoInteractiveAsync(url + "/samenvatting", bram);
        await Expect(bram.GetByText("Deze samenvatting is er niet")).ToBeVisibleAsync();
        await ann.GetByTestId("delen").ClickAsync();
        await Expect(ann.GetByTestId("delen")).ToContainTextAsync("niet meer delen");
        await GotoInteractiveAsync(url + "/samenvatting", bram);
        await Expect(bram.GetByText("Wat zei Tim precies?")).ToBeVisibleAsync();
        await Expect(bram.GetByText("Hoe blijf ik naast hem staan?")).ToHaveCountAsync(0);
        await Expect(bram.GetByText("Tim (schuilnaam)")).ToHaveCountAsync(0);
        await AssertAccessibleAsync(bram);
        await Screenshots.TakeBothWidthsAsync(bram, "intervisie-samenvatting");

        // Ann deletes her case: gone for everyone, also for her.
        await ann.GetByTestId("verwijderen").ClickAsync();
        await Expect(ann.GetByTestId("verwijderd")).ToBeVisibleAsync();
        await ann.ReloadAsync();
        await WaitForInteractiveAsync(ann);
        await Expect(ann.GetByText("Tim (schuilnaam)")).ToHaveCountAsync(0);
    }

    private static async Task NextPhaseAsync(IPage facilitator, IPage[] others, string heading)
    {
        await facilitator.GetByTestId("volgende-fase").ClickAsync();
        foreach (var device in others.Append(facilitator))
            await Expect(device.GetByTestId("fase")).ToContainTextAsync(heading);
    }

    private static async Task ContributeAsync(IPage page, string text)
    {
        await page.Locator("#bijdrage").FillAsync(text);
        await page.GetByRole(AriaRole.Button, new() { Name = "Bijdrage toevoegen" }).ClickAsync();
        await Expect(page.GetByTestId("bijdrage").Filter(new() { HasText = text })).ToBeVisibleAsync();
    }
}
