using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GeneralistischWerkt.Training.EndToEnd;

/// <summary>The account pages of the app started in Production: no link on screen, mail only through SMTP.</summary>
public class ProductionAccountTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string AdminPassword = "Productie-Wachtwoord-1";

    private static async Task<(AppServer App, string Email)> StartProductionAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var app = new AppServer("Production", settings);
        var email = await AccountSecurityTests.CreateAdminAsync(app, "Eerste Beheerder", AdminPassword);
        await app.StartAsync();
        return (app, email);
    }

    private static async Task RequestResetAsync(IPage page, AppServer app, string email)
    {
        await page.GotoAsync($"{app.BaseUrl}/account/wachtwoord-vergeten");
        await page.GetByLabel("E-mailadres").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Link aanvragen" }).ClickAsync();
        await Expect(page.Locator("main").GetByRole(AriaRole.Status)).ToContainTextAsync("Als er een actief account met dit e-mailadres bestaat");
    }

    [Fact]
    public async Task Without_SMTP_Production_warns_and_never_shows_the_link_and_a_tokenless_sign_out_is_a_clean_400()
    {
        var (app, email) = await StartProductionAsync();
        await using var _ = app;
        Assert.Contains("E-mail is niet ingesteld", app.Log);

        using (var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }))
        {
            var empty = await http.PostAsync(app.BaseUrl + "/account/afmelden", new FormUrlEncodedContent([]));
            Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
            Assert.Contains("Afmelden lukte niet", await empty.Content.ReadAsStringAsync());
            var noBody = await http.PostAsync(app.BaseUrl + "/account/afmelden", null);
            Assert.Equal(HttpStatusCode.BadRequest, noBody.StatusCode);
        }

        var page = await NewPageAsync();
        await RequestResetAsync(page, app, email);
        Assert.DoesNotContain("wachtwoord-herstellen", await page.ContentAsync());
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Nieuw wachtwoord kiezen" })).ToHaveCountAsync(0);
        Assert.DoesNotContain("wachtwoord-herstellen", app.Log);

        // Signing out with the form (and its token) still works.
        await page.GotoAsync($"{app.BaseUrl}/account/aanmelden");
        await page.GetByLabel("E-mailadres").FillAsync(email);
        await page.GetByLabel("Wachtwoord").FillAsync(AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanmelden" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/beheer$"));
        await WaitForInteractiveAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Afmelden" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/account/aanmelden$"));
        await page.Context.CloseAsync();

        var errors = app.Log.Split('\n').Where(l => l.StartsWith("fail:") || l.StartsWith("crit:")).ToList();
        Assert.True(errors.Count == 0, "Foutregels in het logboek:\n" + app.Log);
    }

    [Fact]
    public async Task With_SMTP_the_reset_link_arrives_by_mail_and_works()
    {
        await using var smtp = new TinySmtpServer();
        var app = new AppServer("Production");
        app.Settings["Email__BaseUrl"] = app.BaseUrl;
        app.Settings["Email__Smtp__Host"] = "127.0.0.1";
        app.Settings["Email__Smtp__Port"] = smtp.Port.ToString();
        app.Settings["Email__Smtp__From"] = "training@dienst.be";
        app.Settings["Email__Smtp__UseTls"] = "false";
        await using var _ = app;
        var email = await AccountSecurityTests.CreateAdminAsync(app, "Eerste Beheerder", AdminPassword);
        await app.StartAsync();
        Assert.DoesNotContain("E-mail is niet ingesteld", app.Log);

        var page = await NewPageAsync();
        await RequestResetAsync(page, app, email);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Nieuw wachtwoord kiezen" })).ToHaveCountAsync(0);

        var (recipients, data) = await smtp.Received.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Contains(recipients, r => r.Contains(email, StringComparison.OrdinalIgnoreCase));
        Assert.Contains("Subject: Nieuw wachtwoord voor GeneralistischWerkt.Training", data);
        var link = Regex.Match(TinySmtpServer.Body(data), @"http://\S+/account/wachtwoord-herstellen\?id=\S+").Value;
        Assert.StartsWith(app.BaseUrl + "/account/wachtwoord-herstellen?id=", link);
        Assert.DoesNotContain(link, app.Log);

        await page.GotoAsync(link);
        await page.GetByLabel("Nieuw wachtwoord", new() { Exact = true }).FillAsync("Per-Mail-Gekozen-2");
        await page.GetByLabel("Herhaal het nieuwe wachtwoord").FillAsync("Per-Mail-Gekozen-2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Wachtwoord instellen" }).ClickAsync();
        await Expect(page.Locator("main").GetByRole(AriaRole.Status)).ToHaveTextAsync("Je nieuwe wachtwoord is ingesteld. Meld je ermee aan.");
        await page.GetByLabel("E-mailadres").FillAsync(email);
        await page.GetByLabel("Wachtwoord").FillAsync("Per-Mail-Gekozen-2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanmelden" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/beheer$"));
        await WaitForInteractiveAsync(page);
        await page.Context.CloseAsync();
    }
}
