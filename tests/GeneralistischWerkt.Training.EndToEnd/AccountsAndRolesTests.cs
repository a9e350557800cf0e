using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GeneralistischWerkt.Training.EndToEnd;

public class AccountsAndRolesTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private static readonly string[] MethodLinks = ["Modules", "Rollenspellen", "Basishoudingen", "Begeleidingstraject", "Alle inhoud", "Zoeken"];

    private ILocator Menu(IPage page) => page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" });

    [Fact]
    public async Task Sign_in_page_is_Dutch_and_accessible()
    {
        await Page.GotoAsync("/");
        await Expect(Page).ToHaveURLAsync(new Regex("/account/aanmelden"));
        Assert.Equal("nl-BE", await Page.Locator("html").GetAttributeAsync("lang"));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Aanmelden" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(Page);
    }

    [Fact]
    public async Task Coach_lands_on_coach_start_page_with_only_the_coach_menu()
    {
        await SignInAndWaitAsync(CoachEmail, "/coach");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Welkom, Ann Coach" })).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("mijn-werkbegeleider")).ToHaveTextAsync("Wout Werkbegeleider");
        await Expect(Menu(Page).GetByRole(AriaRole.Link)).ToHaveTextAsync(["Mijn startpagina", "Mijn reflecties", "Mijn afspraken", "Mijn gegevens", "Intervisie", "Samen oefenen", .. MethodLinks]);
        await AssertAccessibleAsync(Page);
    }

    [Fact]
    public async Task Werkbegeleider_lands_on_own_page_and_sees_own_coaches()
    {
        await SignInAndWaitAsync(SupervisorEmail, "/werkbegeleider");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Mijn coaches", Level = 1 })).ToBeVisibleAsync();
        var table = Page.GetByTestId("coaches");
        await Expect(table).ToContainTextAsync("Ann Coach");
        await Expect(table).ToContainTextAsync("Bram Coach");
        await Expect(Menu(Page).GetByRole(AriaRole.Link)).ToHaveTextAsync(["Mijn coaches", "Gedeelde reflecties", "Intervisie", "Samen oefenen", .. MethodLinks]);
        await AssertAccessibleAsync(Page);
    }

    [Fact]
    public async Task Beheerder_lands_on_accounts_with_only_the_admin_menu()
    {
        await SignInAndWaitAsync(AdminEmail, "/beheer");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Accounts", Level = 1 })).ToBeVisibleAsync();
        await Expect(Menu(Page).GetByRole(AriaRole.Link)).ToHaveTextAsync(["Accounts", "Teams"]);
        await AssertAccessibleAsync(Page);

        await Menu(Page).GetByRole(AriaRole.Link, new() { Name = "Teams" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Teams", Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Team Antwerpen-Noord" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(Page);
    }

    [Fact]
    public async Task Wrong_password_gives_a_Dutch_message()
    {
        await SignInAsync(CoachEmail, "Helemaal-fout-1!");
        await Expect(Page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Het e-mailadres of het wachtwoord klopt niet.");
        await Expect(Page).ToHaveURLAsync(new Regex("/account/aanmelden"));
        await AssertAccessibleAsync(Page);
    }

    [Fact]
    public async Task Sign_out_returns_to_the_sign_in_page()
    {
        await SignInAndWaitAsync(CoachEmail, "/coach");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Afmelden" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/account/aanmelden"));
        await Page.GotoAsync("/coach");
        await Expect(Page).ToHaveURLAsync(new Regex("/account/aanmelden"));
    }

    [Fact]
    public async Task Coach_opening_a_beheerder_page_gets_geen_toegang()
    {
        await SignInAndWaitAsync(CoachEmail, "/coach");
        await Page.GotoAsync("/beheer");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Geen toegang" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(Page);

        // Also when navigating inside the running app instead of loading the address.
        await Page.GotoAsync("/coach");
        await WaitForInteractiveAsync(Page);
        await Page.EvaluateAsync("() => Blazor.navigateTo('/beheer/teams')");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Geen toegang" })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Teams" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Unknown_address_gets_a_Dutch_not_found_page()
    {
        await SignInAndWaitAsync(CoachEmail, "/coach");
        await Page.GotoAsync("/bestaat/niet");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Deze pagina bestaat niet" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(Page);
    }

    [Fact]
    public async Task Beheerder_creates_a_coach_assigns_werkbegeleider_and_team_and_the_coach_can_sign_in()
    {
        var email = UniqueEmail("nieuwe.coach");
        const string password = "Start-Wachtwoord-7";
        await SignInAndWaitAsync(AdminEmail, "/beheer");
        await CreateAccountAsync("Nina Nieuw", email, password);
        await AssertAccessibleAsync(Page);

        await Page.GetByRole(AriaRole.Link, new() { Name = "Nina Nieuw" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Nina Nieuw", Level = 1 })).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Combobox, new() { Name = "Werkbegeleider" }).SelectOptionAsync(new SelectOptionValue { Label = "Wout Werkbegeleider" });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Werkbegeleider toewijzen" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Werkbegeleider toegewezen.");
        await AssertAccessibleAsync(Page);

        await Page.GotoAsync("/beheer/teams");
        await WaitForInteractiveAsync(Page);
        await Page.GetByRole(AriaRole.Link, new() { Name = "Team Antwerpen-Noord" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Team Antwerpen-Noord", Level = 1 })).ToBeVisibleAsync();
        await Page.Locator("#lid-toevoegen").SelectOptionAsync(new SelectOptionValue { Label = "Nina Nieuw" });
        var members = Page.Locator(".gwt-card", new() { Has = Page.GetByRole(AriaRole.Heading, new() { Name = "Leden" }) });
        await members.GetByRole(AriaRole.Button, new() { Name = "Toevoegen" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Lid toegevoegd.");
        await Expect(members).ToContainTextAsync("Nina Nieuw");
        await AssertAccessibleAsync(Page);

        // The beheerder chose the password: the coach first chooses her own, then lands on her start page.
        var coachPage = await NewPageAsync();
        await SignInAsync(email, password, coachPage);
        await Expect(coachPage).ToHaveURLAsync(new Regex("/account/wachtwoord$"));
        await ChangePasswordAsync(coachPage, password, "Eigen-Wachtwoord-7");
        await coachPage.WaitForURLAsync(new Regex("/coach$"));
        await WaitForInteractiveAsync(coachPage);
        await Expect(coachPage.GetByRole(AriaRole.Heading, new() { Name = "Welkom, Nina Nieuw" })).ToBeVisibleAsync();
        await Expect(coachPage.GetByTestId("mijn-werkbegeleider")).ToHaveTextAsync("Wout Werkbegeleider");
        await Expect(coachPage.GetByRole(AriaRole.Heading, new() { Name = "Team Antwerpen-Noord" })).ToBeVisibleAsync();

        // The werkbegeleider now sees the new coach among their own.
        var supervisorPage = await NewPageAsync();
        await SignInAndWaitAsync(SupervisorEmail, "/werkbegeleider", page: supervisorPage);
        await Expect(supervisorPage.GetByTestId("coaches")).ToContainTextAsync("Nina Nieuw");
    }

    [Fact]
    public async Task Duplicate_email_is_refused_with_a_Dutch_message()
    {
        await SignInAndWaitAsync(AdminEmail, "/beheer");
        await FillNewAccountAsync("Dubbele Ann", CoachEmail, "Start-Wachtwoord-7");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Account aanmaken" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Alert)).ToHaveTextAsync($"Er bestaat al een account met het e-mailadres '{CoachEmail}'.");
        await AssertAccessibleAsync(Page);
    }

    [Fact]
    public async Task Deactivated_coach_cannot_sign_in_and_is_signed_out_of_open_pages()
    {
        var email = UniqueEmail("weg.coach");
        const string password = "Start-Wachtwoord-8";
        await SignInAndWaitAsync(AdminEmail, "/beheer");
        await CreateAccountAsync("Dirk Deactief", email, password);

        // The click runs on the server over the live circuit and changes the stored account.
        var row = Page.Locator("tr", new() { HasText = email });
        await row.GetByRole(AriaRole.Button, new() { Name = "Dirk Deactief deactiveren" }).ClickAsync();
        await Expect(row).ToContainTextAsync("Gedeactiveerd");
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = "Dirk Deactief activeren" })).ToBeVisibleAsync();

        var coachPage = await NewPageAsync();
        // A wrong password gets the answer of any wrong password: it must not confirm that the account exists.
        await SignInAsync(email, "Fout-wachtwoord-1", coachPage);
        await Expect(coachPage.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Het e-mailadres of het wachtwoord klopt niet.");
        await SignInAsync(email, password, coachPage);
        await Expect(coachPage.GetByRole(AriaRole.Alert)).ToContainTextAsync("Dit account is gedeactiveerd.");
        await Expect(coachPage).ToHaveURLAsync(new Regex("/account/aanmelden"));

        // Reloading the admin page shows the state came from the database, not only from the open page.
        await Page.ReloadAsync();
        await Expect(Page.Locator("tr", new() { HasText = email })).ToContainTextAsync("Gedeactiveerd");
    }

    [Fact]
    public async Task Sixth_wrong_attempt_finds_the_account_locked()
    {
        var email = UniqueEmail("slot.coach");
        const string password = "Start-Wachtwoord-9";
        var adminPage = await NewPageAsync();
        await SignInAndWaitAsync(AdminEmail, "/beheer", page: adminPage);
        await CreateAccountAsync("Sam Slot", email, password, adminPage);

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await SignInAsync(email, $"Fout-wachtwoord-{attempt}");
            var expected = attempt < 5 ? "Het e-mailadres of het wachtwoord klopt niet." : "vergrendeld";
            await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync(expected);
        }

        // The sixth attempt is refused even with the right password.
        await SignInAsync(email, password);
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Je account is vergrendeld");
        await Expect(Page).ToHaveURLAsync(new Regex("/account/aanmelden"));
        await AssertAccessibleAsync(Page);
    }
}
