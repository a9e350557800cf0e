using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GeneralistischWerkt.Training.EndToEnd;

/// <summary>
/// A coach takes a share back while her werkbegeleider has it open: his page closes the text at once (server push),
/// and the session agenda no longer names it. And a hostile value in a select never breaks the page.
/// </summary>
public class WithdrawnShareTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Withdrawing_a_share_closes_the_open_reader_page_and_the_agenda_no_longer_names_it()
    {
        var marker = "Ingetrokken " + Guid.NewGuid().ToString("N")[..6];
        var reflection = await ShareReflectionAsync(marker);

        var wout = await NewPageAsync();
        await SignInAndWaitAsync(SupervisorEmail, "/werkbegeleider", page: wout);
        await wout.GetByRole(AriaRole.Link, new() { Name = "Ann Coach" }).ClickAsync();
        await WaitForInteractiveAsync(wout);
        await wout.GetByLabel($"Reflectie: {marker}").CheckAsync();
        await wout.GetByRole(AriaRole.Button, new() { Name = "Sessie aanmaken" }).ClickAsync();
        await Expect(wout).ToHaveURLAsync(new Regex("/werkbegeleiding/sessies/\\d+$"));
        var sessionUrl = new Uri(wout.Url).AbsolutePath;

        await GotoInteractiveAsync($"/reflecties/{reflection}", wout);
        await Expect(wout.GetByRole(AriaRole.Heading, new() { Name = marker, Level = 1 })).ToBeVisibleAsync();
        await wout.GetByLabel("Je reactie").FillAsync("Een gedachte die ik nog wilde delen.");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Delen intrekken" }).ClickAsync();

        // No reload on his side: the server tells his page, which checks its access again and closes.
        await Expect(wout.GetByRole(AriaRole.Alert)).ToHaveTextAsync("De coach heeft deze reflectie niet langer met je gedeeld.",
            new() { Timeout = 5_000 });
        await Expect(wout.GetByText(marker)).ToHaveCountAsync(0);
        await Expect(wout.GetByLabel("Je reactie")).ToHaveCountAsync(0);
        await Expect(wout).Not.ToHaveTitleAsync(new Regex(marker));
        await AssertAccessibleAsync(wout);
        await Screenshots.TakeBothWidthsAsync(wout, "ingetrokken");

        await GotoInteractiveAsync(sessionUrl, wout);
        var agenda = wout.GetByTestId("agenda");
        await Expect(agenda).ToContainTextAsync("Reflectie (niet meer gedeeld)");
        await Expect(agenda).Not.ToContainTextAsync(marker);
        await Expect(agenda.Locator($"a[href='/reflecties/{reflection}']")).ToHaveCountAsync(0);
        await Screenshots.TakeBothWidthsAsync(wout, "agenda-ingetrokken");
    }

    [Fact]
    public async Task Hostile_values_from_selects_are_refused_and_the_page_keeps_working()
    {
        // A beheerder's browser sends an id that was never offered, then a team name with a right-to-left override.
        await SignInAndWaitAsync(AdminEmail, "/beheer");
        await GotoInteractiveAsync("/beheer/teams");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Team Antwerpen-Noord" }).ClickAsync();
        var members = Page.Locator("#lid-toevoegen");
        await members.WaitForAsync();
        await WaitForInteractiveAsync(Page);
        await Page.EvaluateAsync("() => { document.querySelector('#lid-toevoegen').options[1].value = 'geen-id'; }");
        await members.SelectOptionAsync("geen-id");
        await Page.Locator(".gwt-card").Filter(new() { Has = members }).GetByRole(AriaRole.Button, new() { Name = "Toevoegen" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Een gekozen persoon bestaat niet.");

        // The circuit survived the hostile id: the next action is answered, with its own reason.
        await Page.GetByLabel("Naam van het team").FillAsync("Team \u202ENoord-Antwerpen");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Naam opslaan" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("onzichtbare tekens die de leesrichting omkeren");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Team Antwerpen-Noord");
        await Screenshots.TakeBothWidthsAsync(Page, "teamnaam-geweigerd");
    }

    [Fact]
    public async Task A_hostile_session_form_never_stores_an_unknown_form()
    {
        await SignInAndWaitAsync(SupervisorEmail, "/werkbegeleider");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Ann Coach" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/werkbegeleider/coaches/"));
        var form = Page.Locator("#sessie-vorm");
        await form.WaitForAsync();
        await WaitForInteractiveAsync(Page);
        await Page.EvaluateAsync("() => { document.querySelector('#sessie-vorm').options[1].value = '99'; }");
        await form.SelectOptionAsync("99");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sessie aanmaken" }).ClickAsync();
        // The binding refuses 99 and keeps the last valid form (the service would refuse it too: ServerValidationTests).
        await Expect(Page).ToHaveURLAsync(new Regex("/werkbegeleiding/sessies/\\d+$"));
        await Expect(Page.Locator(".gwt-lead")).ToContainTextAsync("Individuele werkbegeleiding");
    }

    /// <summary>Ann writes, finishes and shares a free reflection titled <paramref name="marker"/>; returns its id.</summary>
    private Task<long> ShareReflectionAsync(string marker) =>
        ShareNewReflectionAsync(marker, "Voor mijn werkbegeleider, tot ik het terugneem.");
}
