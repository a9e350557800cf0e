using System.Text.RegularExpressions;
using GeneralistischWerkt.Training.Core.Formatting;
using Microsoft.Playwright;
using static GeneralistischWerkt.Training.EndToEnd.PracticeSessionTests;
using static Microsoft.Playwright.Assertions;

namespace GeneralistischWerkt.Training.EndToEnd;

/// <summary>
/// "Telefoonrollenspel" on five devices: Ann is the coach, Bram the other party with a role card, Lien and Mo observe
/// with the checklist, and Wout leads and ticks too, as the reference. The debrief's figures are worked out here from
/// the ticks this test made.
/// </summary>
public class PracticeRolePlayTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task A_role_play_to_the_end_shows_every_checklist_and_agreement_figures_that_match_the_ticks()
    {
        var newcomers = await NewTeamCoachesAsync(["Lien", "Mo"]);
        var (lien, lienName) = newcomers[0];
        var (mo, moName) = newcomers[1];
        var wout = Page;
        var ann = await NewPageAsync();
        var bram = await NewPageAsync();
        await SignInAndWaitAsync(SupervisorEmail, "/werkbegeleider", page: wout);
        await SignInAndWaitAsync(CoachEmail, "/coach", page: ann);
        await SignInAndWaitAsync("bram.coach@demo.gwt.be", "/coach", page: bram);

        var title = "Rollenspel " + Guid.NewGuid().ToString("N")[..6];
        var (sessionPath, code) = await OpenSessionAsync(wout, title, rolePlay: true);
        foreach (var page in new[] { ann, bram, lien, mo })
        {
            await JoinWithCodeAsync(page, code);
            await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(sessionPath) + "$"));
        }
        await Expect(wout.GetByTestId("aantal-deelnemers")).ToHaveTextAsync("5");

        // Wout gives the roles; he observes too. Lien gets hers by hand, Mo none: whoever has none observes.
        await AssignAsync(wout, "Ann Coach", "coach");
        await AssignAsync(wout, "Bram Coach", "andere-partij");
        await AssignAsync(wout, lienName, "observator");
        await AssignAsync(wout, "Wout Werkbegeleider", "observator");
        await Expect(ann.GetByTestId("deelnemer").Filter(new() { HasText = "Bram Coach" })).ToContainTextAsync("Andere partij");
        await Screenshots.OnRequestAsync(wout, "oefenen-rollenspel-lobby-leiding");
        await Screenshots.OnRequestAsync(ann, "oefenen-rollenspel-lobby-deelnemer");
        await wout.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();

        // Each role sees what it needs on its own device.
        await Expect(ann.GetByTestId("mijn-rol")).ToHaveTextAsync("Coach (aan de telefoon)");
        await Expect(ann.GetByRole(AriaRole.Heading, new() { Name = "Wat zei je?" })).ToBeVisibleAsync();
        await Expect(bram.GetByTestId("mijn-rol")).ToHaveTextAsync("Andere partij (rolkaart)");
        await Expect(bram.GetByRole(AriaRole.Heading, new() { Name = "Wat je antwoordt" })).ToBeVisibleAsync();
        await Expect(bram.Locator("[data-testid^='zeg-']")).ToHaveCountAsync(0);
        foreach (var observer in new[] { lien, mo, wout })
        {
            await Expect(observer.GetByTestId("mijn-rol")).ToHaveTextAsync("Observator (checklist)");
            await Expect(observer.GetByRole(AriaRole.Heading, new() { Name = "Checklist" })).ToBeVisibleAsync();
            await Expect(observer.Locator("[data-testid^='zeg-']")).ToHaveCountAsync(0);
        }
        foreach (var page in new[] { ann, bram, lien, wout }) await AssertAccessibleOnAPhoneAndALaptopAsync(page);
        await Screenshots.OnRequestAsync(ann, "oefenen-rollenspel-coach");
        await Screenshots.OnRequestAsync(bram, "oefenen-rollenspel-andere-partij");
        await Screenshots.OnRequestAsync(lien, "oefenen-rollenspel-observator");
        await Screenshots.OnRequestAsync(wout, "oefenen-rollenspel-leiding");

        // The checklist items, and who saw what: three different patterns, so the figures differ per item.
        var items = await lien.Locator("[data-testid^='vink-']").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.testid.slice(5))");
        Assert.True(items.Length >= 4, $"De checklist heeft maar {items.Length} items.");
        var ticks = new Dictionary<IPage, bool[]>
        {
            [lien] = items.Select((_, i) => i % 2 == 0).ToArray(),
            [mo] = items.Select((_, i) => i % 3 != 1).ToArray(),
            [wout] = items.Select((_, i) => i < items.Length - 1).ToArray(),
        };
        const string lienNote = "Vroeg meteen naar naam en dienst.";
        // A note and then a tick in quick succession: both are kept.
        await lien.GetByTestId($"notitie-{items[0]}").FillAsync(lienNote);
        await lien.GetByTestId($"notitie-{items[0]}").PressAsync("Tab");
        foreach (var (observer, seen) in ticks)
            for (var i = 0; i < items.Length; i++)
                if (seen[i]) await observer.GetByTestId($"vink-{items[i]}").CheckAsync();

        // The coach says what she said; the conversation follows on every device until it ends.
        for (var step = 0; step < 30 && await ann.GetByTestId("gesprek-af").CountAsync() == 0; step++)
        {
            var options = await ann.Locator("[data-testid^='zeg-']").CountAsync();
            Assert.True(options >= 2, $"Stap {step + 1}: {options} antwoorden voor de coach.");
            await ann.GetByTestId($"zeg-{step % options}").ClickAsync();
            foreach (var page in new[] { ann, bram, mo })
                await Expect(page.Locator("details.gwt-path summary")).ToContainTextAsync($"({step + 1} keuzes)");
        }
        await Expect(ann.GetByTestId("gesprek-af")).ToBeVisibleAsync();

        // An observer reloads: her ticks and note are the server's, not the page's.
        await lien.ReloadAsync();
        await WaitForInteractiveAsync(lien);
        for (var i = 0; i < items.Length; i++)
        {
            var box = lien.GetByTestId($"vink-{items[i]}");
            if (ticks[lien][i]) await Expect(box).ToBeCheckedAsync();
            else await Expect(box).Not.ToBeCheckedAsync();
        }
        await Expect(lien.GetByTestId($"notitie-{items[0]}")).ToHaveValueAsync(lienNote);

        await wout.GetByRole(AriaRole.Button, new() { Name = "Sessie afronden" }).ClickAsync();
        foreach (var page in new[] { wout, ann, bram, lien, mo })
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Nabespreking" })).ToBeVisibleAsync();

        // Per item: how many of the three saw it; whether the two peers agree; how many of them ticked as Wout did.
        var peers = new[] { ticks[lien], ticks[mo] };
        var reference = ticks[wout];
        var agreement = new double[items.Length];
        var withReference = new double[items.Length];
        var table = ann.GetByTestId("checklist-tabel");
        for (var i = 0; i < items.Length; i++)
        {
            var seenBy = ticks.Values.Count(t => t[i]);
            agreement[i] = peers[0][i] == peers[1][i] ? 1 : 0;
            withReference[i] = peers.Count(p => p[i] == reference[i]) / (double)peers.Length;
            var row = table.GetByTestId($"rij-{items[i]}");
            await Expect(row.GetByTestId("gezien")).ToHaveTextAsync($"{seenBy} van 3");
            await Expect(row.GetByTestId("overeenstemming")).ToHaveTextAsync(DutchFormat.Percent(agreement[i]));
            await Expect(row.GetByTestId("referentie")).ToHaveTextAsync(DutchFormat.Percent(withReference[i]));
        }
        await Expect(ann.GetByTestId("totaal-overeenstemming")).ToHaveTextAsync(DutchFormat.Percent(agreement.Average()));
        await Expect(ann.GetByTestId("totaal-referentie")).ToHaveTextAsync(DutchFormat.Percent(withReference.Average()));
        // Every observer's checklist side by side, Wout's marked as the reference, Lien's note with her tick.
        foreach (var name in new[] { lienName, moName, "Wout Werkbegeleider (referentie)" })
            await Expect(table.GetByRole(AriaRole.Columnheader, new() { Name = name, Exact = true })).ToBeVisibleAsync();
        await Expect(table.GetByTestId($"rij-{items[0]}")).ToContainTextAsync(lienNote);
        await Screenshots.OnRequestAsync(ann, "oefenen-rollenspel-nabespreking");
        await AssertAccessibleOnAPhoneAndALaptopAsync(ann);
        await AssertAccessibleOnAPhoneAndALaptopAsync(wout);

        // Ann turns the debrief into a reflection: hers alone, a draft Wout cannot open.
        await ann.GetByRole(AriaRole.Button, new() { Name = "Maak er een reflectie van" }).ClickAsync();
        await Expect(ann).ToHaveURLAsync(new Regex("/reflecties/\\d+$"));
        var reflection = new Uri(ann.Url).AbsolutePath;
        await GotoInteractiveAsync("/reflecties", ann);
        await Expect(ann.GetByRole(AriaRole.Link, new() { Name = $"Oefensessie: {title}" })).ToBeVisibleAsync();
        await wout.GotoAsync(reflection);
        await Expect(wout.GetByRole(AriaRole.Heading, new() { Name = "Geen toegang" })).ToBeVisibleAsync();
    }

    /// <summary>axe-core without serious problems and no sideways scrolling, at 390 and at 1366 px.</summary>
    private static async Task AssertAccessibleOnAPhoneAndALaptopAsync(IPage page)
    {
        foreach (var width in new[] { 390, 1366 })
        {
            await page.SetViewportSizeAsync(width, 900);
            var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
            Assert.True(widths[0] <= widths[1], $"{page.Url} schuift opzij op {width} px ({widths[0]} px breed)");
            await AssertAccessibleAsync(page);
        }
    }

    private static async Task AssignAsync(IPage facilitator, string name, string role)
    {
        var select = facilitator.GetByTestId($"rol-{name}");
        await select.SelectOptionAsync(role);
        await Expect(select).ToHaveValueAsync(role);
    }
}
