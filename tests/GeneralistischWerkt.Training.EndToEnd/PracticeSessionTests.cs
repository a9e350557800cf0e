using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GeneralistischWerkt.Training.EndToEnd;

/// <summary>
/// Team practice on several devices at once: each person is an own browser context (own cookies, own circuit), all
/// looking at the same live session.
/// </summary>
public class PracticeSessionTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string AnnName = "Ann Coach";
    private const string BramName = "Bram Coach";

    [Fact]
    public async Task Decide_together_with_two_devices_shows_counts_and_distributions_that_equal_the_votes_and_survives_reloads()
    {
        var lead = Page;
        var ann = await NewPageAsync();
        var bram = await NewPageAsync();
        var outsider = await NewPageAsync();
        await SignInAndWaitAsync(SupervisorEmail, "/werkbegeleider", page: lead);
        await SignInAndWaitAsync(CoachEmail, "/coach", page: ann);
        await SignInAndWaitAsync("bram.coach@demo.gwt.be", "/coach", page: bram);
        await SignInAndWaitAsync("cas.coach@demo.gwt.be", "/coach", page: outsider);

        // Wout opens a session for his team ("Samen beslissen" is the default mode) and reads the code off his screen.
        await GotoInteractiveAsync("/oefenen", lead);
        await lead.GetByRole(AriaRole.Button, new() { Name = "Oefensessie openen" }).ClickAsync();
        await Expect(lead).ToHaveURLAsync(new Regex("/oefenen/\\d+$"));
        await WaitForInteractiveAsync(lead);
        var sessionPath = new Uri(lead.Url).AbsolutePath;
        var code = (await lead.GetByTestId("code").InnerTextAsync()).Trim();
        Assert.Matches("^[A-Z2-9]{4}-[A-Z2-9]{4}$", code);

        await JoinWithCodeAsync(ann, code);
        await Expect(ann).ToHaveURLAsync(new Regex(Regex.Escape(sessionPath) + "$"));
        await JoinWithCodeAsync(bram, code.Replace("-", "").ToLowerInvariant());
        await Expect(bram).ToHaveURLAsync(new Regex(Regex.Escape(sessionPath) + "$"));

        // Cas is a coach of another team: the right code still lets him in nowhere, and the page tells him so.
        await JoinWithCodeAsync(outsider, code);
        await Expect(outsider.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await Expect(outsider).ToHaveURLAsync(new Regex("/oefenen/deelnemen$"));
        await GotoInteractiveAsync(sessionPath, outsider);
        await Expect(outsider.GetByTestId("code")).ToHaveCountAsync(0);
        await Expect(outsider.GetByRole(AriaRole.Button, new() { Name = "Deelnemen" })).ToHaveCountAsync(0);

        // The lead's lobby shows both joiners live, without a reload.
        await Expect(lead.GetByTestId("aantal-deelnemers")).ToHaveTextAsync("3");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();

        var voters = new[] { ann, bram };
        for (var step = 0; step < 20; step++)
        {
            await Expect(ann.GetByRole(AriaRole.Heading, new() { Name = $"Keuze {step + 1}" })).ToBeVisibleAsync();
            await Expect(ann.GetByTestId("stem-0")).ToBeVisibleAsync();
            var options = await ann.Locator("[data-testid^='stem-']").CountAsync();
            Assert.True(options >= 2, $"Keuze {step + 1} heeft {options} knoppen.");
            var picks = new[] { step % options, (step + 1) % options };

            await Expect(lead.GetByTestId("stemmen")).ToHaveTextAsync("0");
            await Expect(lead.GetByTestId("stemmers")).ToHaveTextAsync("2");
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
            }
            // Bram cannot see Ann's vote: no option is marked as his.
            await Expect(bram.Locator("[data-testid^='stem-'][aria-pressed='true']")).ToHaveCountAsync(0);
            await bram.GetByTestId($"stem-{picks[1]}").ClickAsync();
            await Expect(lead.GetByTestId("stemmen")).ToHaveTextAsync("2");
            Assert.DoesNotContain(AnnName, await lead.Locator(".gwt-vote-status").InnerTextAsync());

            await lead.GetByRole(AriaRole.Button, new() { Name = "Toon de verdeling" }).ClickAsync();
            var expected = new int[options];
            foreach (var pick in picks) expected[pick]++;
            foreach (var page in new[] { lead, ann, bram })
            {
                for (var i = 0; i < options; i++)
                    await Expect(page.GetByTestId($"aantal-{i}")).ToHaveTextAsync(expected[i].ToString());
                var shown = await page.Locator("ol.gwt-distribution").InnerTextAsync();
                Assert.DoesNotContain(AnnName, shown);
                Assert.DoesNotContain(BramName, shown);
            }
            await Expect(ann.GetByTestId("bespreking")).ToBeVisibleAsync();

            // The lead continues with the option Bram chose; its feedback appears on every device.
            await lead.GetByTestId($"kies-{picks[1]}").ClickAsync();
            foreach (var page in voters) await Expect(page.GetByTestId("feedback")).ToBeVisibleAsync();
            var next = lead.GetByTestId("verder");
            var finished = (await next.InnerTextAsync()).Contains("nabespreking");
            await next.ClickAsync();
            if (finished) break;
        }

        foreach (var page in new[] { lead, ann, bram })
        {
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Nabespreking" })).ToBeVisibleAsync();
            await Expect(page.GetByTestId("teamtotaal")).ToBeVisibleAsync();
        }
        // Only a voter gets a private score, and it is their own: the lead, who did not vote, gets none.
        await Expect(ann.GetByTestId("mijn-scores")).ToBeVisibleAsync();
        await Expect(bram.GetByTestId("mijn-scores")).ToBeVisibleAsync();
        await Expect(lead.GetByTestId("mijn-scores")).ToHaveCountAsync(0);
        // Bram's picks were the team's path, so his own total equals the team's; Ann voted otherwise at each point.
        Assert.Equal(await bram.GetByTestId("teamtotaal").InnerTextAsync(), await bram.GetByTestId("mijn-totaal").InnerTextAsync());
        var debrief = await lead.Locator(".gwt-practice").InnerTextAsync();
        Assert.DoesNotContain(AnnName + " koos", debrief);
        await AssertAccessibleAsync(ann);
        await AssertAccessibleAsync(lead);
    }

    private static async Task JoinWithCodeAsync(IPage page, string code)
    {
        await page.GotoAsync("/oefenen/deelnemen");
        await WaitForInteractiveAsync(page);
        await page.GetByLabel("Code").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Deelnemen" }).ClickAsync();
    }
}
