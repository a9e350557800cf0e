using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GeneralistischWerkt.Training.EndToEnd;

/// <summary>Password change, first-login change, wachtwoord vergeten, unlock, the per-address limit and ReturnUrl.</summary>
public class AccountSecurityTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string FirstPassword = "Eerste-Wachtwoord-1";

    /// <summary>A fresh account of its own (a beheerder, via the documented command), so demo accounts stay untouched.</summary>
    internal static async Task<string> CreateAdminAsync(AppServer app, string name, string password = FirstPassword)
    {
        var email = UniqueEmail(name.Split(' ')[0].ToLowerInvariant());
        var (code, output) = await app.RunCommandAsync(["create-admin", "--email", email, "--naam", name],
            new Dictionary<string, string> { ["GWT_ADMIN_PASSWORD"] = password });
        Assert.True(code == 0, output);
        return email;
    }

    [Fact]
    public async Task Password_change_keeps_this_session_and_signs_out_the_other_ones()
    {
        var email = await CreateAdminAsync(Fixture.App, "Pieter Wissel");
        var other = await NewPageAsync();
        await SignInAndWaitAsync(email, "/beheer", FirstPassword, other);
        await SignInAndWaitAsync(email, "/beheer", FirstPassword);

        await Page.GetByRole(AriaRole.Link, new() { Name = "Wachtwoord wijzigen" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Wachtwoord wijzigen", Level = 1 })).ToBeVisibleAsync();
        await ChangePasswordAsync(Page, "Fout-wachtwoord-1", "Ander-Wachtwoord-2");
        await Expect(Page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Het wachtwoord klopt niet.");
        await ChangePasswordAsync(Page, FirstPassword, "Zwak");
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Het wachtwoord moet minstens 10 tekens lang zijn.");
        await AssertAccessibleAsync(Page);

        await Page.Locator("#huidig").FillAsync(FirstPassword);
        await Page.GetByLabel("Nieuw wachtwoord", new() { Exact = true }).FillAsync("Nieuw-Wachtwoord-3");
        await Page.GetByLabel("Herhaal het nieuwe wachtwoord").FillAsync("Nieuw-Wachtwoord-4");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Wachtwoord wijzigen" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("De twee nieuwe wachtwoorden zijn niet gelijk.");

        await ChangePasswordAsync(Page, FirstPassword, "Nieuw-Wachtwoord-3");
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Je wachtwoord is gewijzigd.");
        // This session stays signed in (renewed cookie)...
        await GotoInteractiveAsync("/beheer");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Accounts", Level = 1 })).ToBeVisibleAsync();
        // ...the other one loses its open page within the revalidation minute,...
        await Expect(other).ToHaveURLAsync(new Regex("/account/aanmelden"), new() { Timeout = 90_000 });
        // ...and only the new password signs in.
        await SignInAsync(email, FirstPassword, other);
        await Expect(other.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Het e-mailadres of het wachtwoord klopt niet.");
        await SignInAndWaitAsync(email, "/beheer", "Nieuw-Wachtwoord-3", other);
    }

    [Fact]
    public async Task After_a_beheerder_reset_the_user_must_choose_an_own_password_before_anything_else()
    {
        var email = await CreateAdminAsync(Fixture.App, "Rita Reset");
        await SignInAndWaitAsync(AdminEmail, "/beheer");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Rita Reset" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Rita Reset", Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.GetByText("Gebruikt een zelfgekozen wachtwoord.")).ToBeVisibleAsync();
        await Page.GetByLabel("Tijdelijk wachtwoord").FillAsync("Tijdelijk-Wachtwoord-5");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Wachtwoord resetten" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Tijdelijk wachtwoord ingesteld.");
        await Expect(Page.GetByText("Moet bij de volgende aanmelding een eigen wachtwoord kiezen.")).ToBeVisibleAsync();
        await AssertAccessibleAsync(Page);

        var user = await NewPageAsync();
        await SignInAsync(email, FirstPassword, user);
        await Expect(user.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Het e-mailadres of het wachtwoord klopt niet.");
        await SignInAsync(email, "Tijdelijk-Wachtwoord-5", user);
        await Expect(user).ToHaveURLAsync(new Regex("/account/wachtwoord$"));
        await Expect(user.GetByRole(AriaRole.Heading, new() { Name = "Kies je eigen wachtwoord" })).ToBeVisibleAsync();
        await Expect(user.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" })).ToHaveCountAsync(0);
        await AssertAccessibleAsync(user);

        // Every page and protected address leads back to the change page, checked by the server.
        foreach (var path in new[] { "/", "/beheer", "/beheer/teams", "/modules", "/bestaat/niet/maar/toch" })
        {
            await user.GotoAsync(path);
            await Expect(user).ToHaveURLAsync(new Regex("/account/wachtwoord$"));
        }
        var export = await user.Context.APIRequest.GetAsync("/mijn-gegevens/export", new() { MaxRedirects = 0 });
        Assert.Equal(302, export.Status);
        Assert.EndsWith("/account/wachtwoord", export.Headers["location"]);

        await ChangePasswordAsync(user, "Tijdelijk-Wachtwoord-5", "Eigen-Wachtwoord-6");
        await user.WaitForURLAsync(new Regex("/beheer$"));
        await WaitForInteractiveAsync(user);
        await Expect(user.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Forgotten_password_in_Development_shows_the_link_which_sets_a_new_password()
    {
        var email = await CreateAdminAsync(Fixture.App, "Vera Vergeten");
        await Page.GotoAsync("/account/aanmelden");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Wachtwoord vergeten?" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Wachtwoord vergeten" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(Page);

        // An unknown address gets the same answer, and no link.
        await Page.GetByLabel("E-mailadres").FillAsync("niemand@test.gwt.be");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Link aanvragen" }).ClickAsync();
        // Scoped to the form: the reconnect notice is a status too when a connection hiccups.
        var answer = await Page.GetByRole(AriaRole.Region, new() { Name = "Wachtwoord vergeten" }).GetByRole(AriaRole.Status).TextContentAsync();
        Assert.Contains("Als er een actief account met dit e-mailadres bestaat", answer);
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Nieuw wachtwoord kiezen" })).ToHaveCountAsync(0);

        await Page.GotoAsync("/account/wachtwoord-vergeten");
        await Page.GetByLabel("E-mailadres").FillAsync(email);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Link aanvragen" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync(answer!);
        var link = Page.GetByRole(AriaRole.Link, new() { Name = "Nieuw wachtwoord kiezen" });
        var href = await link.GetAttributeAsync("href");
        Assert.Contains(href!, Fixture.App.Log);
        await AssertAccessibleAsync(Page);

        await link.ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Nieuw wachtwoord kiezen" })).ToBeVisibleAsync();
        await Page.GetByLabel("Nieuw wachtwoord", new() { Exact = true }).FillAsync("Hersteld-Wachtwoord-7");
        await Page.GetByLabel("Herhaal het nieuwe wachtwoord").FillAsync("Hersteld-Wachtwoord-7");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Wachtwoord instellen" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Je nieuwe wachtwoord is ingesteld. Meld je ermee aan.");
        await SignInAndWaitAsync(email, "/beheer", "Hersteld-Wachtwoord-7");

        // The link works once.
        var again = await NewPageAsync();
        await again.GotoAsync(href!);
        await again.GetByLabel("Nieuw wachtwoord", new() { Exact = true }).FillAsync("Nog-Een-Wachtwoord-8");
        await again.GetByLabel("Herhaal het nieuwe wachtwoord").FillAsync("Nog-Een-Wachtwoord-8");
        await again.GetByRole(AriaRole.Button, new() { Name = "Wachtwoord instellen" }).ClickAsync();
        await Expect(again.GetByRole(AriaRole.Alert)).ToHaveTextAsync("De link is ongeldig of verlopen. Vraag een nieuwe link aan.");
    }

    [Fact]
    public async Task One_address_cannot_keep_someone_else_locked_out()
    {
        var email = await CreateAdminAsync(Fixture.App, "Otto Open");
        var attacker = await NewPageAsync(from: "203.0.113.77");
        for (var attempt = 1; attempt <= 8; attempt++) await SignInAsync(email, $"Fout-wachtwoord-{attempt}", attacker);
        await Expect(attacker.GetByRole(AriaRole.Alert)).ToContainTextAsync("Je account is vergrendeld");
        // Even the right password does not get through from that address any more ...
        await SignInAsync(email, FirstPassword, attacker);
        await Expect(attacker.GetByRole(AriaRole.Alert)).ToContainTextAsync("Je account is vergrendeld");
        // ... but the owner, elsewhere, signs in as usual.
        var owner = await NewPageAsync(from: "192.0.2.78");
        await SignInAndWaitAsync(email, "/beheer", FirstPassword, owner);
    }

    [Fact]
    public async Task Beheerder_unlocks_a_locked_account_which_then_signs_in_at_once()
    {
        var email = await CreateAdminAsync(Fixture.App, "Lotte Slot");
        // Wrong passwords from two addresses lock the account itself; one address alone only stops itself.
        var first = await NewPageAsync(from: "192.0.2.41");
        var second = await NewPageAsync(from: "198.51.100.42");
        for (var attempt = 1; attempt <= 6; attempt++) await SignInAsync(email, $"Fout-wachtwoord-{attempt}", attempt % 2 == 0 ? second : first);
        var user = await NewPageAsync(from: "203.0.113.43");
        await SignInAsync(email, FirstPassword, user);
        await Expect(user.GetByRole(AriaRole.Alert)).ToContainTextAsync("Je account is vergrendeld");

        await SignInAndWaitAsync(AdminEmail, "/beheer");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Lotte Slot" }).ClickAsync();
        await Expect(Page.GetByText("Vergrendeld na te veel mislukte pogingen")).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Ontgrendelen" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Account ontgrendeld.");
        await Expect(Page.GetByText("Niet vergrendeld.")).ToBeVisibleAsync();
        await AssertAccessibleAsync(Page);

        await SignInAndWaitAsync(email, "/beheer", FirstPassword, user);
    }

    [Fact]
    public async Task Sign_in_posts_from_one_address_above_the_limit_get_a_Dutch_429_page()
    {
        await using var app = new AppServer(settings: new Dictionary<string, string> { ["Security__SignInPerMinute"] = "3" });
        await app.StartAsync();
        var page = await NewPageAsync();
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            await page.GotoAsync($"{app.BaseUrl}/account/aanmelden");
            await page.GetByLabel("E-mailadres").FillAsync(CoachEmail);
            await page.GetByLabel("Wachtwoord").FillAsync($"Fout-wachtwoord-{attempt}");
            await page.GetByRole(AriaRole.Button, new() { Name = "Aanmelden" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Het e-mailadres of het wachtwoord klopt niet.");
        }

        // The fourth post within the minute is refused before the password is even checked (the right one here).
        await page.GotoAsync($"{app.BaseUrl}/account/aanmelden");
        await page.GetByLabel("E-mailadres").FillAsync(CoachEmail);
        await page.GetByLabel("Wachtwoord").FillAsync(DemoPassword);
        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Aanmelden" }).ClickAsync(),
            r => r.Request.Method == "POST" && r.Url.Contains("/account/aanmelden"));
        Assert.Equal(429, response.Status);
        Assert.Equal("60", await response.HeaderValueAsync("retry-after"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Te veel pogingen" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
        await Screenshots.TakeAsync(page, "te-veel-pogingen");

        // Reading the page is not limited, and neither is the same post on another page.
        Assert.Equal(200, (await page.GotoAsync($"{app.BaseUrl}/account/aanmelden"))!.Status);
        Assert.DoesNotMatch(@"\bfail:", app.Log);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("/%C3%A9")]
    [InlineData("%C3%A9")]
    [InlineData("/modules/%C3%A9%C3%A9n")]
    [InlineData("//evil.example")]
    [InlineData("/%5Cevil.example")]
    [InlineData("https%3A%2F%2Fevil.example%2F")]
    [InlineData("/%09/evil.example")]
    public async Task A_ReturnUrl_outside_this_site_or_outside_ASCII_leads_to_the_start_page(string returnUrl)
    {
        await Page.GotoAsync("/account/aanmelden?ReturnUrl=" + returnUrl);
        await Page.GetByLabel("E-mailadres").FillAsync(CoachEmail);
        await Page.GetByLabel("Wachtwoord").FillAsync(DemoPassword);
        var response = await Page.RunAndWaitForResponseAsync(
            () => Page.GetByRole(AriaRole.Button, new() { Name = "Aanmelden" }).ClickAsync(),
            r => r.Request.Method == "POST");
        Assert.Equal(302, response.Status);
        await Page.WaitForURLAsync(new Regex($"^{Regex.Escape(Fixture.App.BaseUrl)}/coach$"));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Welkom, Ann Coach" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_local_ReturnUrl_is_still_followed()
    {
        await Page.GotoAsync("/account/aanmelden?ReturnUrl=%2Fmodules");
        await Page.GetByLabel("E-mailadres").FillAsync(CoachEmail);
        await Page.GetByLabel("Wachtwoord").FillAsync(DemoPassword);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Aanmelden" }).ClickAsync();
        await Page.WaitForURLAsync(new Regex("/modules$"));
    }

    [Fact]
    public async Task The_new_account_pages_fit_a_desktop_and_a_phone()
    {
        var email = await CreateAdminAsync(Fixture.App, "Sofie Scherm");
        await SignInAndWaitAsync(email, "/beheer", FirstPassword);
        var accountPath = await Page.GetByRole(AriaRole.Link, new() { Name = "Sofie Scherm" }).GetAttributeAsync("href");
        var anonymous = await NewPageAsync();
        await anonymous.GotoAsync("/account/wachtwoord-vergeten");
        await anonymous.GetByLabel("E-mailadres").FillAsync(email);
        await anonymous.GetByRole(AriaRole.Button, new() { Name = "Link aanvragen" }).ClickAsync();
        var resetLink = await anonymous.GetByRole(AriaRole.Link, new() { Name = "Nieuw wachtwoord kiezen" }).GetAttributeAsync("href");

        foreach (var width in new[] { 1366, 390 })
        {
            await Page.SetViewportSizeAsync(width, 900);
            await anonymous.SetViewportSizeAsync(width, 900);
            foreach (var (page, path, name) in new[]
                     {
                         (Page, "/account/wachtwoord", "wachtwoord-wijzigen"),
                         (Page, accountPath!, "beheer-account"),
                         (anonymous, "/account/wachtwoord-vergeten", "wachtwoord-vergeten"),
                         (anonymous, resetLink!, "wachtwoord-herstellen"),
                         (anonymous, "/account/aanmelden", "aanmelden"),
                     })
            {
                await page.GotoAsync(path);
                await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                await AssertFitsAsync(page);
                await AssertAccessibleAsync(page);
                await Screenshots.TakeAsync(page, name);
            }
            await anonymous.GotoAsync("/account/wachtwoord-vergeten");
            await anonymous.GetByLabel("E-mailadres").FillAsync(email);
            await anonymous.GetByRole(AriaRole.Button, new() { Name = "Link aanvragen" }).ClickAsync();
            await AssertFitsAsync(anonymous);
            await Screenshots.TakeAsync(anonymous, "wachtwoord-vergeten-verstuurd");
        }
    }

    private static async Task AssertFitsAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"{page.Url} is {overflow}px breder dan het scherm");
    }
}
