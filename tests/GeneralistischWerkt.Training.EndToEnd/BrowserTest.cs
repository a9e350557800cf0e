using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using GeneralistischWerkt.Training.Core.Scenarios;
using Microsoft.Playwright;

namespace GeneralistischWerkt.Training.EndToEnd;

/// <summary>
/// Base for browser tests: a fresh browser context per test, helpers to sign in and to wait for the interactive
/// circuit, and checks that run on every page a test visits (axe-core, Content-Security-Policy violations).
/// </summary>
[Collection(BrowserCollection.Name)]
public abstract class BrowserTest(BrowserFixture fixture) : IAsyncLifetime
{
    public const string DemoPassword = "Welkom-2026!";
    public const string AdminEmail = "beheerder@demo.gwt.be";
    public const string SupervisorEmail = "werkbegeleider@demo.gwt.be";
    public const string CoachEmail = "ann.coach@demo.gwt.be";

    private readonly List<string> consoleProblems = [];
    private readonly List<IBrowserContext> contexts = [];

    protected BrowserFixture Fixture => fixture;
    protected IPage Page { get; set; } = default!;

    public async Task InitializeAsync() => Page = await NewPageAsync();

    public async Task DisposeAsync()
    {
        foreach (var context in contexts) await context.CloseAsync();
        Assert.True(consoleProblems.Count == 0,
            "De browser meldde problemen (CSP of scriptfouten):\n" + string.Join("\n", consoleProblems));
    }

    /// <summary>A page in a new, isolated browser context (its own cookies: another user).</summary>
    /// <param name="from">
    /// Another client address, told to the app as a proxy would (X-Forwarded-For; the app trusts loopback proxies).
    /// </param>
    /// <param name="watchConsole">
    /// False for a page that lives through a server restart: the dropped connection makes the browser log errors, which
    /// is then what the test is about.
    /// </param>
    protected async Task<IPage> NewPageAsync(string? from = null, bool watchConsole = true)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.BaseUrl,
            IgnoreHTTPSErrors = fixture.IgnoreHttpsErrors,
            Locale = "nl-BE",
            ExtraHTTPHeaders = from is null ? null : new Dictionary<string, string> { ["X-Forwarded-For"] = from },
        });
        contexts.Add(context);
        var page = await context.NewPageAsync();
        if (!watchConsole) return page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Text.Contains("Failed to load resource"))
                lock (consoleProblems) consoleProblems.Add(message.Text);
        };
        page.PageError += (_, error) => { lock (consoleProblems) consoleProblems.Add(error); };
        return page;
    }

    protected async Task SignInAsync(string email, string password = DemoPassword, IPage? page = null)
    {
        page ??= Page;
        await page.GotoAsync("/account/aanmelden");
        await page.GetByLabel("E-mailadres").FillAsync(email);
        await page.GetByLabel("Wachtwoord").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanmelden" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    protected async Task SignInAndWaitAsync(string email, string expectedPath, string password = DemoPassword, IPage? page = null)
    {
        page ??= Page;
        await SignInAsync(email, password, page);
        await page.WaitForURLAsync(new Regex(Regex.Escape(expectedPath) + "$"));
        await WaitForInteractiveAsync(page);
    }

    /// <summary>On the change page: replaces the current (or temporary) password by a new one.</summary>
    protected static async Task ChangePasswordAsync(IPage page, string current, string next)
    {
        await page.Locator("#huidig").FillAsync(current);
        await page.GetByLabel("Nieuw wachtwoord", new() { Exact = true }).FillAsync(next);
        await page.GetByLabel("Herhaal het nieuwe wachtwoord").FillAsync(next);
        await page.GetByRole(AriaRole.Button, new() { Name = "Wachtwoord wijzigen" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    /// <summary>Waits until the page runs on the live server circuit, so clicks reach server code.</summary>
    protected static async Task WaitForInteractiveAsync(IPage page) =>
        await page.Locator("main[data-interactive='ja']").WaitForAsync(new() { Timeout = 20_000 });

    protected async Task GotoInteractiveAsync(string path, IPage? page = null)
    {
        page ??= Page;
        await page.GotoAsync(path);
        await WaitForInteractiveAsync(page);
    }

    /// <summary>axe-core on the current page: no violation of impact serious or critical.</summary>
    protected static async Task AssertAccessibleAsync(IPage page)
    {
        AxeResult result = await page.RunAxe();
        var serious = result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")
            .ToList();
        Assert.True(serious.Count == 0, $"axe-core vond problemen op {page.Url}:\n" + string.Join("\n", serious));
        // Every text area announces the server's limit, so a long paste is held by the field, never cut or lost later.
        var unbounded = await page.Locator("textarea:not([maxlength])").EvaluateAllAsync<string[]>("els => els.map(e => e.id || e.outerHTML.slice(0, 80))");
        Assert.True(unbounded.Length == 0, $"Tekstvakken zonder maxlength op {page.Url}: {string.Join(", ", unbounded)}");
    }

    /// <summary>The signed-in coach starts a free reflection on <paramref name="page"/>; returns its id.</summary>
    protected async Task<long> StartFreeReflectionAsync(IPage page)
    {
        await GotoInteractiveAsync("/reflecties", page);
        await page.GetByRole(AriaRole.Radio, new() { NameRegex = new Regex("^Vrije reflectie") }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Begin te schrijven" }).ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(page).ToHaveURLAsync(new Regex("/reflecties/\\d+$"));
        await WaitForInteractiveAsync(page);
        return long.Parse(new Uri(page.Url).Segments[^1]);
    }

    /// <summary>Ann writes a free reflection, finishes it and shares it with her werkbegeleider; returns its id.</summary>
    protected async Task<long> ShareNewReflectionAsync(string title, string text)
    {
        await SignInAndWaitAsync(CoachEmail, "/coach");
        var reflection = await StartFreeReflectionAsync(Page);
        await Page.GetByLabel("Titel").FillAsync(title);
        await Page.GetByLabel("Reflectie", new() { Exact = true }).FillAsync(text);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Afronden" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Delen met mijn werkbegeleider" }).ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(Page.GetByTestId("deelstatus")).ToContainTextAsync("Gedeeld met");
        return reflection;
    }

    /// <summary>
    /// The button of a choice along a test path, found by its text: the player shows the choices in an order of its
    /// own per attempt, so a place in the list says nothing.
    /// </summary>
    /// <param name="path">The 1-based choice numbers of a test path (as authors write them).</param>
    /// <param name="step">The step whose choice is wanted; the steps before it were taken along the path.</param>
    protected static ILocator ChoiceButton(IPage page, Scenario scenario, IReadOnlyList<int> path, int step) =>
        page.Locator("ol.gwt-choices").GetByRole(AriaRole.Button, new() { Name = ChoiceAt(scenario, path, step).Text, Exact = true });

    /// <summary>The choice taken at <paramref name="step"/> of a test path (1-based choice numbers, as authors write them).</summary>
    protected static ScenarioChoice ChoiceAt(Scenario scenario, IReadOnlyList<int> path, int step) =>
        ScenarioRun.Resume(scenario, path.Take(step).Select(c => c - 1)).Choices[path[step] - 1];

    /// <summary>
    /// Wout plans an intervisie titled <paramref name="title"/> for his team with Ann's case; Ann (signed in on
    /// <see cref="Page"/>) joins and adds a contribution in the phase where everyone speaks; Wout ends it. Bram is
    /// invited but never joins.
    /// </summary>
    protected async Task<long> CreateEndedPeerReviewAsync(string title)
    {
        const string contribution = "Een hypothese om de samenvatting te vullen.";
        var wout = await NewPageAsync();
        await SignInAndWaitAsync(SupervisorEmail, "/werkbegeleider", page: wout);
        await GotoInteractiveAsync("/intervisie", wout);
        await wout.GetByLabel("Titel (mag leeg: dan de naam van de methode)").FillAsync(title);
        await wout.GetByRole(AriaRole.Button, new() { Name = "Intervisie plannen" }).ClickAsync();
        await Assertions.Expect(wout).ToHaveURLAsync(new Regex("/intervisie/\\d+$"));
        var id = long.Parse(new Uri(wout.Url).Segments[^1]);
        await GotoInteractiveAsync($"/intervisie/{id}");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Deelnemen" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "De inbreng" })).ToBeVisibleAsync();
        await WaitForInteractiveAsync(wout);
        await wout.GetByTestId("starten").ClickAsync();
        for (var phase = 2; phase <= 5; phase++)
        {
            await wout.GetByTestId("volgende-fase").ClickAsync();
            await Assertions.Expect(Page.GetByTestId("fase")).ToContainTextAsync($"Fase {phase} van 6");
        }
        await Page.Locator("#bijdrage").FillAsync(contribution);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Bijdrage toevoegen" }).ClickAsync();
        await Assertions.Expect(wout.GetByTestId("bijdrage").Filter(new() { HasText = contribution })).ToBeVisibleAsync();
        await wout.GetByTestId("volgende-fase").ClickAsync();
        await wout.GetByTestId("afsluiten").ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "De intervisie is afgelopen" })).ToBeVisibleAsync();
        await wout.Context.CloseAsync();
        return id;
    }

    /// <summary>
    /// Wout (signed in on <paramref name="wout"/>) opens Ann's page, creates a session and adds one agreement to it;
    /// returns Ann's user id and the session's id.
    /// </summary>
    protected async Task<(string Ann, long Session)> PlanSessionWithAgreementAsync(IPage wout, string agreement, DateTime? due = null)
    {
        await GotoInteractiveAsync("/werkbegeleider", wout);
        await wout.GetByRole(AriaRole.Link, new() { Name = "Ann Coach" }).ClickAsync();
        await WaitForInteractiveAsync(wout);
        var ann = new Uri(wout.Url).Segments[^1];
        await wout.GetByRole(AriaRole.Button, new() { Name = "Sessie aanmaken" }).ClickAsync();
        await Assertions.Expect(wout).ToHaveURLAsync(new Regex("/werkbegeleiding/sessies/\\d+$"));
        await WaitForInteractiveAsync(wout);
        var session = long.Parse(new Uri(wout.Url).Segments[^1]);
        await wout.GetByLabel("Wat", new() { Exact = true }).FillAsync(agreement);
        if (due is { } date) await wout.GetByLabel("Uiterlijk klaar op").FillAsync(date.ToString("yyyy-MM-dd"));
        await wout.GetByRole(AriaRole.Button, new() { Name = "Afspraak toevoegen" }).ClickAsync();
        await Assertions.Expect(wout.GetByTestId("afspraken").First).ToContainTextAsync(agreement);
        return (ann, session);
    }

    /// <summary>As beheerder on /beheer: fills in a new account (a coach unless <paramref name="role"/> says otherwise).</summary>
    protected async Task FillNewAccountAsync(string name, string email, string password, IPage? page = null, string role = "Coach")
    {
        page ??= Page;
        await page.GetByLabel("Naam", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("E-mailadres").FillAsync(email);
        await page.GetByLabel("Startwachtwoord").FillAsync(password);
        await page.GetByLabel(role, new() { Exact = true }).CheckAsync();
    }

    /// <summary>As beheerder on /beheer: creates an account (a coach unless <paramref name="role"/> says otherwise) with a start password.</summary>
    protected async Task CreateAccountAsync(string name, string email, string password, IPage? page = null, string role = "Coach")
    {
        page ??= Page;
        await FillNewAccountAsync(name, email, password, page, role);
        await page.GetByRole(AriaRole.Button, new() { Name = "Account aanmaken" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Het account van {name} is aangemaakt.");
        await Assertions.Expect(page.Locator("tr", new() { HasText = email })).ToContainTextAsync("Actief");
    }

    /// <summary>
    /// New coaches in Wout's team (Team Antwerpen-Noord): the beheerder creates each account and adds it to the team;
    /// each coach chooses her own password and is signed in on a page of her own. Returns the pages and the names.
    /// </summary>
    protected async Task<IReadOnlyList<(IPage Page, string Name)>> NewTeamCoachesAsync(string[] firstNames, bool watchConsole = true)
    {
        const string start = "Start-Wachtwoord-7";
        var admin = await NewPageAsync();
        await SignInAndWaitAsync(AdminEmail, "/beheer", page: admin);
        var created = new List<(string Email, string Name)>();
        foreach (var firstName in firstNames)
        {
            var email = UniqueEmail(firstName.ToLowerInvariant());
            var name = firstName + " " + Guid.NewGuid().ToString("N")[..5];
            await GotoInteractiveAsync("/beheer", admin);
            await CreateAccountAsync(name, email, start, admin);
            await GotoInteractiveAsync("/beheer/teams", admin);
            await admin.GetByRole(AriaRole.Link, new() { Name = "Team Antwerpen-Noord" }).ClickAsync();
            await admin.Locator("#lid-toevoegen").SelectOptionAsync(new SelectOptionValue { Label = name });
            var members = admin.Locator(".gwt-card", new() { Has = admin.GetByRole(AriaRole.Heading, new() { Name = "Leden" }) });
            await members.GetByRole(AriaRole.Button, new() { Name = "Toevoegen" }).ClickAsync();
            await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToHaveTextAsync("Lid toegevoegd.");
            created.Add((email, name));
        }
        await admin.Context.CloseAsync();

        var pages = new List<(IPage, string)>();
        foreach (var (email, name) in created)
        {
            var page = await NewPageAsync(watchConsole: watchConsole);
            await SignInAsync(email, start, page);
            await ChangePasswordAsync(page, start, "Eigen-Wachtwoord-7");
            await page.WaitForURLAsync(new Regex("/coach$"));
            await WaitForInteractiveAsync(page);
            pages.Add((page, name));
        }
        return pages;
    }

    protected static string UniqueEmail(string prefix) => $"{prefix}.{Guid.NewGuid().ToString("N")[..8]}@test.gwt.be";
}
