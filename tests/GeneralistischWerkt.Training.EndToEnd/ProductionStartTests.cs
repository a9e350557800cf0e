using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GeneralistischWerkt.Training.EndToEnd;

/// <summary>
/// The app in Production with an empty data folder: nothing is seeded, the first beheerder comes from the
/// documented create-admin command, and the security headers and antiforgery checks are in place.
/// </summary>
public class ProductionStartTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Production_seeds_nothing_and_create_admin_makes_the_first_beheerder()
    {
        await using var production = new AppServer("Production");

        var (code, output) = await production.RunCommandAsync(
            ["create-admin", "--email", "eerste@dienst.be", "--naam", "Eerste Beheerder"],
            new Dictionary<string, string> { ["GWT_ADMIN_PASSWORD"] = "Productie-Wachtwoord-1" });
        Assert.True(code == 0, output);
        Assert.Contains("Beheerder eerste@dienst.be aangemaakt.", output);

        await production.StartAsync();
        var page = await NewPageAsync();

        await page.GotoAsync($"{production.BaseUrl}/account/aanmelden");
        await page.GetByLabel("E-mailadres").FillAsync(AdminEmail);
        await page.GetByLabel("Wachtwoord").FillAsync(DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanmelden" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Het e-mailadres of het wachtwoord klopt niet.");

        await page.GetByLabel("E-mailadres").FillAsync("eerste@dienst.be");
        await page.GetByLabel("Wachtwoord").FillAsync("Productie-Wachtwoord-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanmelden" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/beheer$"));
        await WaitForInteractiveAsync(page);
        await Expect(page.Locator("tbody tr")).ToHaveCountAsync(1);
        // Close the page before this server stops, so its lost connection is not reported as a browser error.
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Every_response_has_the_security_headers()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        foreach (var path in new[] { "/account/aanmelden", "/", "/niet-gevonden" })
        {
            var response = await http.GetAsync(Fixture.App.BaseUrl + path);
            Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
            Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
        }
    }

    [Fact]
    public async Task Forms_without_an_antiforgery_token_are_refused()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var login = await http.PostAsync(Fixture.App.BaseUrl + "/account/aanmelden", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "aanmelden",
            ["Input.Email"] = CoachEmail,
            ["Input.Password"] = DemoPassword,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, login.StatusCode);
        Assert.False(login.Headers.Contains("Set-Cookie") && login.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("gwt.auth")));

        var logout = await http.PostAsync(Fixture.App.BaseUrl + "/account/afmelden", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, logout.StatusCode);
    }

    [Fact]
    public async Task The_layout_works_on_a_phone()
    {
        await Page.SetViewportSizeAsync(390, 844);
        await SignInAndWaitAsync(AdminEmail, "/beheer");
        // On a phone the menu folds away behind one button (see PageQualityTests); opened, its links are on screen.
        await Page.GetByRole(AriaRole.Button, new() { Name = "Menu" }).ClickAsync();
        var menu = Page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" });
        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Teams" })).ToBeInViewportAsync();
        // The page itself never scrolls sideways; only the wide accounts table scrolls inside its own box.
        var overflow = await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        var widest = await Page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.gwt-table-wrap'))" +
            ".slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))");
        Assert.True(overflow <= 0, $"De pagina is {overflow}px breder dan het scherm: {string.Join(", ", widest)}");
        await AssertAccessibleAsync(Page);
    }
}
