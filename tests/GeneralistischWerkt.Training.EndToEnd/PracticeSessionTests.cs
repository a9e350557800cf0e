using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GeneralistischWerkt.Training.EndToEnd;

/// <summary>
/// "Samen beslissen" on several devices at once: each person is an own browser context (own cookies, own circuit), all
/// looking at the same live session. The role-play is in <see cref="PracticeRolePlayTests"/>.
/// </summary>
public class PracticeSessionTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string AnnName = "Ann Coach";
    private const string BramName = "Bram Coach";
    private const string WrongCode = "Met deze code kan je aan geen sessie deelnemen.";

    [Fact]
    public async Task Decide_together_with_three_participants_shows_counts_and_distributions_that_equal_the_votes_and_survives_reloads()
    {
        var (lien, lienName) = (await NewTeamCoachesAsync(["Lien"]))[0];
        var lead = Page;
        var ann = await NewPageAsync();
        var bram = await NewPageAsync();
        var outsider = await NewPageAsync();
        await SignInAndWaitAsync(SupervisorEmail, "/werkbegeleider", page: lead);
        await SignInAndWaitAsync(CoachEmail, "/coach", page: ann);
        await SignInAndWaitAsync("bram.coach@demo.gwt.be", "/coach", page: bram);
        await SignInAndWaitAsync("cas.coach@demo.gwt.be", "/coach", page: outsider);

        // Wout opens a session for his team ("Samen beslissen" is the default mode) and reads the code off his screen.
        var title = "Teamoverleg " + Guid.NewGuid().ToString("N")[..6];
        var (sessionPath, code) = await OpenSessionAsync(lead, title, rolePlay: false);
        await Screenshots.OnRequestAsync(lead, "oefenen-lobby-leiding");

        await JoinWithCodeAsync(ann, code);
        await Expect(ann).ToHaveURLAsync(new Regex(Regex.Escape(sessionPath) + "$"));
        await Screenshots.OnRequestAsync(ann, "oefenen-lobby-deelnemer");
        await JoinWithCodeAsync(bram, code.Replace("-", "").ToLowerInvariant());
        await Expect(bram).ToHaveURLAsync(new Regex(Regex.Escape(sessionPath) + "$"));

        // Cas is a coach of another team: the right code still lets him in nowhere, and the page tells him so in Dutch.
        await JoinWithCodeAsync(outsider, code);
        await Expect(outsider.GetByRole(AriaRole.Alert)).ToContainTextAsync(WrongCode);
        await Expect(outsider).ToHaveURLAsync(new Regex("/oefenen/deelnemen$"));
        await GotoInteractiveAsync(sessionPath, outsider);
        await Expect(outsider.GetByTestId("code")).ToHaveCountAsync(0);
        await Expect(outsider.GetByRole(AriaRole.Button, new() { Name = "Deelnemen" })).ToHaveCountAsync(0);
        await Expect(outsider.GetByText(title)).ToHaveCountAsync(0);

        // The lead's lobby shows both joiners live, without a reload.
        await Expect(lead.GetByTestId("aantal-deelnemers")).ToHaveTextAsync("3");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();
        await Expect(lead.GetByTestId("stemmers")).ToHaveTextAsync("2");

        // Lien comes late: her start page offers the running session; one click and she is at the current decision.
        await GotoInteractiveAsync("/coach", lien);
        await lien.GetByRole(AriaRole.Button, new() { Name = $"Deelnemen aan {title}" }).ClickAsync();
        await Expect(lien).ToHaveURLAsync(new Regex(Regex.Escape(sessionPath) + "$"));
        await Expect(lien.GetByRole(AriaRole.Heading, new() { Name = "Keuze 1" })).ToBeVisibleAsync();
        await Expect(lead.GetByTestId("stemmers")).ToHaveTextAsync("3");

        var voters = new[] { ann, bram, lien };
        var decisions = 0;
        for (var step = 0; step < 20; step++)
        {
            foreach (var voter in voters)
                await Expect(voter.GetByRole(AriaRole.Heading, new() { Name = $"Keuze {step + 1}" })).ToBeVisibleAsync();
            await Expect(ann.GetByTestId("stem-0")).ToBeVisibleAsync();
            var options = await ann.Locator("[data-testid^='stem-']").CountAsync();
            Assert.True(options >= 2, $"Keuze {step + 1} heeft {options} knoppen.");
            // Ann, Bram and Lien each choose their own way; the team follows Bram.
            var picks = new[] { step % options, (step + 1) % options, (2 * step + 1) % options };

            await Expect(lead.GetByTestId("stemmen")).ToHaveTextAsync("0");
            await Expect(lead.GetByTestId("stemmers")).ToHaveTextAsync("3");
            // The lead sees the options, never buttons to vote with.
            await Expect(lead.Locator("[data-testid^='stem-']")).ToHaveCountAsync(0);

            await ann.GetByTestId($"stem-{picks[0]}").ClickAsync();
            await Expect(ann.GetByTestId($"stem-{picks[0]}")).ToHaveAttributeAsync("aria-pressed", "true");
            await Expect(lead.GetByTestId("stemmen")).ToHaveTextAsync("1");
            if (step == 1)
            {
                // A participant and the lead reload mid-decision: both are back at the same point, Ann's vote kept.
                await ann.ReloadAsync();
                await WaitForInteractiveAsync(ann);
                await lead.ReloadAsync();
                await WaitForInteractiveAsync(lead);
                await Expect(ann.GetByRole(AriaRole.Heading, new() { Name = "Keuze 2" })).ToBeVisibleAsync();
                await Expect(ann.GetByTestId($"stem-{picks[0]}")).ToHaveAttributeAsync("aria-pressed", "true");
                await Expect(lead.GetByTestId("stemmen")).ToHaveTextAsync("1");
                await Expect(lead.GetByTestId("stemmers")).ToHaveTextAsync("3");
            }
            if (step == 0)
            {
                await Screenshots.OnRequestAsync(lead, "oefenen-samen-beslissen-leiding");
                await Screenshots.OnRequestAsync(ann, "oefenen-samen-beslissen-deelnemer");
            }
            // Bram and Lien cannot see Ann's vote: no option is marked as theirs.
            await Expect(bram.Locator("[data-testid^='stem-'][aria-pressed='true']")).ToHaveCountAsync(0);
            await Expect(lien.Locator("[data-testid^='stem-'][aria-pressed='true']")).ToHaveCountAsync(0);
            await bram.GetByTestId($"stem-{picks[1]}").ClickAsync();
            await Expect(lead.GetByTestId("stemmen")).ToHaveTextAsync("2");
            await lien.GetByTestId($"stem-{picks[2]}").ClickAsync();
            await Expect(lead.GetByTestId("stemmen")).ToHaveTextAsync("3");
            Assert.DoesNotContain(AnnName, await lead.Locator(".gwt-vote-status").InnerTextAsync());

            await lead.GetByRole(AriaRole.Button, new() { Name = "Toon de verdeling" }).ClickAsync();
            var expected = new int[options];
            foreach (var pick in picks) expected[pick]++;
            foreach (var page in new[] { lead, ann, bram, lien })
            {
                for (var i = 0; i < options; i++)
                    await Expect(page.GetByTestId($"aantal-{i}")).ToHaveTextAsync(expected[i].ToString());
                var shown = await page.Locator("ol.gwt-distribution").InnerTextAsync();
                foreach (var name in new[] { AnnName, BramName, lienName }) Assert.DoesNotContain(name, shown);
            }
            await Expect(ann.GetByTestId("bespreking")).ToBeVisibleAsync();
            if (step == 0) await Screenshots.OnRequestAsync(lead, "oefenen-samen-beslissen-verdeling");

            // The lead continues with the option Bram chose; its feedback appears on every device.
            await lead.GetByTestId($"kies-{picks[1]}").ClickAsync();
            foreach (var page in voters) await Expect(page.GetByTestId("feedback")).ToBeVisibleAsync();
            if (step == 0) await Screenshots.OnRequestAsync(ann, "oefenen-samen-beslissen-feedback");
            var next = lead.GetByTestId("verder");
            var finished = (await next.InnerTextAsync()).Contains("nabespreking");
            await next.ClickAsync();
            decisions++;
            if (finished) break;
        }

        foreach (var page in new[] { lead, ann, bram, lien })
        {
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Nabespreking" })).ToBeVisibleAsync();
            await Expect(page.GetByTestId("teamtotaal")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("beslissing")).ToHaveCountAsync(decisions);
        }
        // The debrief keeps the distribution of every decision: the counts add up to the three votes at each one.
        for (var d = 0; d < decisions; d++)
        {
            var counts = await lead.Locator($"[data-testid^='pad-{d}-'] strong").AllInnerTextsAsync();
            Assert.Equal(3, counts.Sum(int.Parse));
        }
        // Only a voter gets a private score, and it is their own: the lead, who did not vote, gets none.
        foreach (var page in voters) await Expect(page.GetByTestId("mijn-scores")).ToBeVisibleAsync();
        await Expect(lead.GetByTestId("mijn-scores")).ToHaveCountAsync(0);
        // Bram's picks were the team's path, so his own total equals the team's.
        Assert.Equal(await bram.GetByTestId("teamtotaal").InnerTextAsync(), await bram.GetByTestId("mijn-totaal").InnerTextAsync());
        var debrief = await lead.Locator(".gwt-practice").InnerTextAsync();
        Assert.DoesNotContain(AnnName + " koos", debrief);
        await Screenshots.OnRequestAsync(ann, "oefenen-samen-beslissen-nabespreking");
        await AssertAccessibleAsync(ann);
        await AssertAccessibleAsync(lead);
    }

    [Fact]
    public async Task After_a_server_restart_mid_decision_everyone_continues_at_the_same_point_with_the_votes_kept()
    {
        // Pages of their own that do not count console errors: the dropped connection is what this test is about.
        var lead = await NewPageAsync(watchConsole: false);
        var ann = await NewPageAsync(watchConsole: false);
        var bram = await NewPageAsync(watchConsole: false);
        try
        {
            await SignInAndWaitAsync(SupervisorEmail, "/werkbegeleider", page: lead);
            await SignInAndWaitAsync(CoachEmail, "/coach", page: ann);
            await SignInAndWaitAsync("bram.coach@demo.gwt.be", "/coach", page: bram);
            var (sessionPath, code) = await OpenSessionAsync(lead, "Herstart " + Guid.NewGuid().ToString("N")[..6], rolePlay: false);
            await JoinWithCodeAsync(ann, code);
            await JoinWithCodeAsync(bram, code);
            await Expect(lead.GetByTestId("aantal-deelnemers")).ToHaveTextAsync("3");
            await lead.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();
            await ann.GetByTestId("stem-1").ClickAsync();
            await Expect(lead.GetByTestId("stemmen")).ToHaveTextAsync("1");

            // A mark in each page's memory: only a real reload wipes it.
            var pages = new[] { lead, ann, bram };
            foreach (var page in pages) await page.EvaluateAsync("() => window.gwtVoorDeHerstart = true");
            await Fixture.App.RestartAsync();

            // Nobody does anything: each page notices the server no longer knows it, reloads by itself and is back at
            // the first decision, with Ann's vote.
            foreach (var page in pages)
            {
                await page.WaitForFunctionAsync("() => window.gwtVoorDeHerstart !== true", null, new() { Timeout = 90_000 });
                await WaitForInteractiveAsync(page);
                await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(sessionPath) + "$"));
                await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Keuze 1" })).ToBeVisibleAsync();
            }
            await Expect(ann.GetByTestId("stem-1")).ToHaveAttributeAsync("aria-pressed", "true");
            await Expect(lead.GetByTestId("stemmen")).ToHaveTextAsync("1");

            // And it goes on live: Bram's vote reaches the lead, the distribution and the team's pick reach everyone.
            await bram.GetByTestId("stem-0").ClickAsync();
            await Expect(lead.GetByTestId("stemmen")).ToHaveTextAsync("2");
            await lead.GetByRole(AriaRole.Button, new() { Name = "Toon de verdeling" }).ClickAsync();
            foreach (var page in new[] { lead, ann, bram })
            {
                await Expect(page.GetByTestId("aantal-0")).ToHaveTextAsync("1");
                await Expect(page.GetByTestId("aantal-1")).ToHaveTextAsync("1");
            }
            await lead.GetByTestId("kies-1").ClickAsync();
            foreach (var page in new[] { ann, bram }) await Expect(page.GetByTestId("feedback")).ToBeVisibleAsync();
        }
        finally
        {
            await Fixture.App.StartIfStoppedAsync();
        }
    }

    /// <summary>The signed-in user opens a session for their team on the default scenario; returns its path and code.</summary>
    internal static async Task<(string Path, string Code)> OpenSessionAsync(IPage page, string title, bool rolePlay)
    {
        await page.GotoAsync("/oefenen");
        await WaitForInteractiveAsync(page);
        await page.GetByLabel("Titel (mag leeg: dan de titel van het scenario)").FillAsync(title);
        if (rolePlay)
        {
            // A click, then waiting for the server's answer: on a busy machine the round trip outlasts CheckAsync's own check.
            var radio = page.GetByRole(AriaRole.Radio, new() { NameRegex = new Regex("^Telefoonrollenspel") });
            await radio.ClickAsync();
            await Expect(radio).ToBeCheckedAsync();
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Oefensessie openen" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/oefenen/\\d+$"));
        await WaitForInteractiveAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = title })).ToBeVisibleAsync();
        var code = (await page.GetByTestId("code").InnerTextAsync()).Trim();
        Assert.Matches("^[A-Z2-9]{4}-[A-Z2-9]{4}$", code);
        return (new Uri(page.Url).AbsolutePath, code);
    }

    internal static async Task JoinWithCodeAsync(IPage page, string code)
    {
        await page.GotoAsync("/oefenen/deelnemen");
        await WaitForInteractiveAsync(page);
        await page.GetByLabel("Code").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Deelnemen" }).ClickAsync();
    }
}
