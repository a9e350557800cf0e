using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GeneralistischWerkt.Training.EndToEnd;

/// <summary>
/// The print views of a reflection with its comments and of a werkbegeleiding session: the page's own text on paper,
/// without the app's header, menu, buttons or form fields, and the same text for both people who may read it.
/// (The module attest is printed in <see cref="ModulesTests"/>.)
/// </summary>
public class PrintViewsTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task A_reflection_and_a_session_report_print_their_text_comments_and_agreements_without_the_app_around_them()
    {
        var marker = "Afdruk " + Guid.NewGuid().ToString("N")[..6];
        var reflection = await ShareNewReflectionAsync(marker, "Wat ik leerde uit het gesprek met de werkgever.");

        // Wout comments on the reflection and plans a session with an agreement about it.
        var wout = await NewPageAsync();
        await SignInAndWaitAsync(SupervisorEmail, "/werkbegeleider", page: wout);
        await GotoInteractiveAsync($"/reflecties/{reflection}", wout);
        await wout.GetByLabel("Je reactie").FillAsync("Sterk dat je de werkgever liet uitspreken.");
        await wout.GetByRole(AriaRole.Button, new() { Name = "Reactie plaatsen" }).ClickAsync();
        await Expect(wout.GetByTestId("reacties")).ToContainTextAsync("Sterk dat je de werkgever liet uitspreken.");
        await GotoInteractiveAsync("/werkbegeleider", wout);
        await wout.GetByRole(AriaRole.Link, new() { Name = "Ann Coach" }).ClickAsync();
        await WaitForInteractiveAsync(wout);
        await wout.GetByLabel($"Reflectie: {marker}").CheckAsync();
        await wout.GetByRole(AriaRole.Button, new() { Name = "Sessie aanmaken" }).ClickAsync();
        await Expect(wout).ToHaveURLAsync(new Regex("/werkbegeleiding/sessies/\\d+$"));
        await WaitForInteractiveAsync(wout);
        var session = long.Parse(new Uri(wout.Url).Segments[^1]);
        await wout.GetByLabel("Taakondersteuning").FillAsync("Samen het ecogram van " + marker + " overlopen.");
        await wout.GetByLabel("Wat", new() { Exact = true }).FillAsync("Afspraak " + marker);
        await wout.GetByRole(AriaRole.Button, new() { Name = "Afspraak toevoegen" }).ClickAsync();
        await Expect(wout.GetByTestId("afspraken").First).ToContainTextAsync("Afspraak " + marker);
        await Expect(wout.GetByTestId("bewaard")).ToHaveTextAsync(new Regex("^Automatisch bewaard om"), new() { UseInnerText = true, Timeout = 15_000 });

        // The reflection: Ann follows the link from her own page; Wout opens the same print view.
        await GotoInteractiveAsync($"/reflecties/{reflection}");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Afdrukversie met reacties" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex($"/reflecties/{reflection}/afdrukken$"));
        foreach (var page in new[] { Page, wout })
        {
            if (page == wout) await GotoInteractiveAsync($"/reflecties/{reflection}/afdrukken", wout);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = marker, Level = 1 })).ToBeVisibleAsync();
            await AssertPrintsOnlyTheTextAsync(page, ["Wat ik leerde uit het gesprek met de werkgever.", "Sterk dat je de werkgever liet uitspreken."]);
        }

        // The session report, for the coach and for the werkbegeleider.
        await GotoInteractiveAsync($"/werkbegeleiding/sessies/{session}", wout);
        await wout.GetByRole(AriaRole.Link, new() { Name = "Verslag afdrukken" }).ClickAsync();
        await Expect(wout).ToHaveURLAsync(new Regex($"/werkbegeleiding/sessies/{session}/afdrukken$"));
        await GotoInteractiveAsync($"/werkbegeleiding/sessies/{session}/afdrukken");
        foreach (var page in new[] { Page, wout })
        {
            await Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^Verslag van de werkbegeleiding"), Level = 1 })).ToBeVisibleAsync();
            await AssertPrintsOnlyTheTextAsync(page, ["Afspraak " + marker, "Samen het ecogram van " + marker + " overlopen.", "Reflectie: " + marker]);
        }
    }

    private static async Task AssertPrintsOnlyTheTextAsync(IPage page, string[] texts)
    {
        await AssertAccessibleAsync(page);
        await Screenshots.TakeBothWidthsAsync(page, "afdruk-" + new Uri(page.Url).AbsolutePath.Trim('/').Replace('/', '-'));
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        try
        {
            foreach (var text in texts) await Expect(page.GetByText(text, new() { Exact = false }).First).ToBeVisibleAsync();
            await Expect(page.Locator(".gwt-header")).ToBeHiddenAsync();
            await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" })).ToBeHiddenAsync();
            // Nothing to click or type on paper: every button, input and text field is hidden.
            Assert.Equal(0, await page.EvaluateAsync<int>(
                "() => [...document.querySelectorAll('button, input, textarea, select')].filter(e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden').length"));
            var pdf = await page.PdfAsync(new() { Format = "A4" });
            Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        }
        finally
        {
            await page.EmulateMediaAsync(new() { Media = Media.Screen });
        }
    }
}
