using System.Text.Json;
using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using GeneralistischWerkt.Training.Core.Content;
using GeneralistischWerkt.Training.Core.Content.Markdown;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GeneralistischWerkt.Training.EndToEnd;

/// <summary>
/// Every page of tests/page-privacy.txt, for each role that may open it, on a phone (390 px) and a laptop (1366 px):
/// no sideways scrolling, axe-core (all rules, colour contrast included) without serious or critical violations, and
/// every visible button and link has a name and text at WCAG AA contrast. One browser, one sign-in per role.
/// </summary>
public class PageQualityTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Anonymous = "anoniem";
    private static readonly int[] Widths = [390, 1366];

    /// <summary>Routes of the inventory that are no page to look at, with the reason.</summary>
    private static readonly Dictionary<string, string> NotPages = new()
    {
        ["/mijn-gegevens/export"] = "een zip-download, geen pagina",
        ["/healthz"] = "een gezondheidscontrole voor de proxy: één woord tekst, geen pagina",
        ["/healthz/ready"] = "een gezondheidscontrole voor de proxy: één woord tekst, geen pagina",
        ["/beheer/diagnostiek"] = "JSON voor de belastingstest, geen pagina",
    };

    [Fact]
    public async Task Every_page_for_every_role_fits_a_phone_and_a_laptop_and_passes_axe_and_the_control_check()
    {
        var ids = await CreateDataAsync();
        var content = Repository.Content;
        var module = content.OfKind(ContentKind.Module)[0];
        var lesson = content.LessonsOf(module.Id)[0];
        var item = content.OfKind(ContentKind.Technique)[0];
        var coachAndSupervisor = new[] { CoachEmail, SupervisorEmail };

        var table = new (string Route, string Url, string[] Roles)[]
        {
            ("/", "/", [CoachEmail]),
            ("/account/aanmelden", "/account/aanmelden", [Anonymous]),
            ("/account/geen-rol", "/account/geen-rol", [Anonymous]),
            ("/account/geen-toegang", "/account/geen-toegang", [CoachEmail]),
            ("/account/wachtwoord", "/account/wachtwoord", [CoachEmail, AdminEmail]),
            ("/account/wachtwoord-herstellen", "/account/wachtwoord-herstellen", [Anonymous]),
            ("/account/wachtwoord-vergeten", "/account/wachtwoord-vergeten", [Anonymous]),
            ("/afspraken", "/afspraken", [CoachEmail]),
            ("/beheer", "/beheer", [AdminEmail]),
            ("/beheer/accounts/{Id}", $"/beheer/accounts/{ids.Ann}", [AdminEmail]),
            ("/beheer/teams", "/beheer/teams", [AdminEmail]),
            ("/beheer/teams/{Id:int}", ids.TeamUrl, [AdminEmail]),
            ("/coach", "/coach", [CoachEmail]),
            ("/fasen", "/fasen", coachAndSupervisor),
            ("/fasen/{Id}", $"/fasen/{content.OfKind(ContentKind.Phase)[0].Id}", coachAndSupervisor),
            ("/fiches", "/fiches", coachAndSupervisor),
            ("/fiches/{Id}", $"/fiches/{content.OfKind(ContentKind.CoreAttitude)[0].Id}", coachAndSupervisor),
            ("/fout", "/fout", [Anonymous]),
            ("/inhoud", "/inhoud", coachAndSupervisor),
            ("/inhoud/{Kind}/{Id}", ContentUrls.For(item), coachAndSupervisor),
            ("/meldingen", "/meldingen", coachAndSupervisor),
            ("/mijn-gegevens", "/mijn-gegevens", [CoachEmail]),
            ("/modules", "/modules", coachAndSupervisor),
            ("/modules/{ModuleId}", $"/modules/{module.Id}", coachAndSupervisor),
            ("/modules/{ModuleId}/{LessonId}", $"/modules/{module.Id}/{lesson.Id}", coachAndSupervisor),
            ("/modules/{ModuleId}/attest", $"/modules/{module.Id}/attest", [CoachEmail]),
            ("/niet-gevonden", "/niet-gevonden", [Anonymous, CoachEmail]),
            ("/intervisie", "/intervisie", coachAndSupervisor),
            ("/intervisie/{Id:long}", $"/intervisie/{ids.PeerReview}", coachAndSupervisor),
            ("/intervisie/{Id:long}/samenvatting", $"/intervisie/{ids.PeerReview}/samenvatting", coachAndSupervisor),
            ("/oefenen", "/oefenen", coachAndSupervisor),
            ("/oefenen/deelnemen", "/oefenen/deelnemen", [CoachEmail]),
            ("/oefenen/{Id:long}", $"/oefenen/{ids.Practice}", coachAndSupervisor),
            ("/reflecties", "/reflecties", [CoachEmail]),
            ("/reflecties/{Id:long}", $"/reflecties/{ids.Reflection}", coachAndSupervisor),
            ("/reflecties/{Id:long}/afdrukken", $"/reflecties/{ids.Reflection}/afdrukken", coachAndSupervisor),
            ("/scenarios", "/scenarios", coachAndSupervisor),
            ("/scenarios/groei", "/scenarios/groei", coachAndSupervisor),
            ("/scenarios/{ScenarioId}", $"/scenarios/{ids.ScenarioId}", coachAndSupervisor),
            ("/scenarios/{ScenarioId}/pogingen/{AttemptId:long}", $"/scenarios/{ids.ScenarioId}/pogingen/{ids.Attempt}", coachAndSupervisor),
            ("/werkbegeleider", "/werkbegeleider", [SupervisorEmail]),
            ("/werkbegeleider/coaches/{CoachId}", $"/werkbegeleider/coaches/{ids.Ann}", [SupervisorEmail]),
            ("/werkbegeleider/inbox", "/werkbegeleider/inbox", [SupervisorEmail]),
            ("/werkbegeleiding/sessies/{Id:long}", $"/werkbegeleiding/sessies/{ids.Session}", coachAndSupervisor),
            ("/werkbegeleiding/sessies/{Id:long}/afdrukken", $"/werkbegeleiding/sessies/{ids.Session}/afdrukken", coachAndSupervisor),
            ("/zoeken", "/zoeken?q=luisteren", coachAndSupervisor),
        };

        // Every page of the inventory has a row: a new page cannot be forgotten.
        var inventory = File.ReadAllLines(Path.Combine(Repository.Root, "tests", "page-privacy.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0]).ToList();
        Assert.Empty(inventory.Except(table.Select(t => t.Route)).Except(NotPages.Keys));

        var failures = new List<string>();
        foreach (var role in table.SelectMany(t => t.Roles).Distinct())
        {
            var page = await NewPageAsync();
            if (role != Anonymous) await SignInAsync(role, page: page);
            foreach (var width in Widths)
            {
                await page.SetViewportSizeAsync(width, 900);
                foreach (var (route, url, _) in table.Where(t => t.Roles.Contains(role)))
                    failures.AddRange(await CheckAsync(page, url, $"{route} als {role} op {width} px"));
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} problemen:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task On_a_phone_the_menu_folds_away_behind_one_button_and_closes_after_choosing_a_page()
    {
        await Page.SetViewportSizeAsync(390, 800);
        await SignInAndWaitAsync(CoachEmail, "/coach");
        var menu = Page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" });
        var button = Page.GetByRole(AriaRole.Button, new() { Name = "Menu" });
        await Expect(menu).ToBeHiddenAsync();
        await Expect(button).ToHaveAttributeAsync("aria-expanded", "false");
        await button.ClickAsync();
        await Expect(button).ToHaveAttributeAsync("aria-expanded", "true");
        await menu.GetByRole(AriaRole.Link, new() { Name = "Rollenspellen" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/scenarios$"));
        await Expect(menu).ToBeHiddenAsync();

        await Page.SetViewportSizeAsync(1366, 800);
        await Expect(menu).ToBeVisibleAsync();
        await Expect(button).ToBeHiddenAsync();
    }

    private async Task<List<string>> CheckAsync(IPage page, string url, string where)
    {
        var problems = new List<string>();
        var response = await page.GotoAsync(url);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        if (await page.Locator("main[data-interactive]").CountAsync() > 0 && await page.Locator("main[data-interactive='ja']").CountAsync() == 0
            && response?.Url.Contains("/account/") != true)
            await WaitForInteractiveAsync(page);

        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        if (widths[0] > widths[1]) problems.Add($"{where}: schuift opzij ({widths[0]} px breed in {widths[1]} px)");

        AxeResult axe = await page.RunAxe();
        problems.AddRange(axe.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{where}: axe {v.Id} ({v.Impact}): {string.Join(" | ", v.Nodes.Take(2).Select(n => n.Html))}"));

        var controls = await page.EvaluateAsync<string[]>(ControlCheck);
        problems.AddRange(controls.Select(c => $"{where}: {c}"));
        // To look at every page by eye: GWT_SCREENSHOTS=<folder> keeps a picture of each page, role and width.
        if (Environment.GetEnvironmentVariable("GWT_SCREENSHOTS") is { Length: > 0 })
            await Screenshots.TakeAsync(page, "pagina-" + Regex.Replace(where, "[^A-Za-z0-9]+", "-").Trim('-'));
        return problems;
    }

    /// <summary>
    /// In the browser: every visible button and link has an accessible name and its text (or icon) stands out from
    /// what is really behind it at WCAG AA (4.5:1, 3:1 for large text; disabled controls at least 3:1 so they stay
    /// readable). Backgrounds are found by walking up to the first painted ancestor, with opacity taken into account.
    /// </summary>
    private const string ControlCheck = """
        () => {
          const parse = c => { const m = c.match(/rgba?\(([^)]+)\)/); if (!m) return null; const p = m[1].split(/[ ,\/]+/).filter(Boolean).map(Number); return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 }; };
          const over = (top, bottom) => ({ r: top.r * top.a + bottom.r * (1 - top.a), g: top.g * top.a + bottom.g * (1 - top.a), b: top.b * top.a + bottom.b * (1 - top.a), a: 1 });
          const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }; return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
          const ratio = (a, b) => { const x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
          const background = el => {
            const layers = [];
            for (let e = el; e; e = e.parentElement) {
              const bg = parse(getComputedStyle(e).backgroundColor);
              if (bg && bg.a > 0) { layers.push(bg); if (bg.a >= 1) break; }
            }
            let c = { r: 255, g: 255, b: 255, a: 1 };
            for (let i = layers.length - 1; i >= 0; i--) c = over(layers[i], c);
            return c;
          };
          const opacity = el => { let o = 1; for (let e = el; e; e = e.parentElement) o *= Number(getComputedStyle(e).opacity); return o; };
          const name = el => (el.getAttribute('aria-label') || (el.getAttribute('aria-labelledby') || '').split(' ').map(id => document.getElementById(id)?.textContent || '').join(' ')
                              || el.textContent || el.getAttribute('title') || [...el.querySelectorAll('img[alt]')].map(i => i.alt).join(' ')).trim();
          const problems = [];
          for (const el of document.querySelectorAll('button, a[href], [role=button], input[type=submit]')) {
            const box = el.getBoundingClientRect();
            const style = getComputedStyle(el);
            if (box.width === 0 || box.height === 0 || style.visibility === 'hidden' || el.closest('[aria-hidden=true], .gwt-sr-only, .gwt-skip-link, #blazor-error-ui, #components-reconnect-modal')) continue;
            const label = (el.textContent || el.value || '').trim().slice(0, 40) || el.outerHTML.slice(0, 60);
            if (!name(el)) { problems.push(`knop of link zonder naam: ${el.outerHTML.slice(0, 80)}`); continue; }
            const text = parse(style.color);
            if (!text) continue;
            const bg = background(el);
            const shown = over({ ...text, a: text.a * opacity(el) }, bg);
            const size = parseFloat(style.fontSize), bold = Number(style.fontWeight) >= 700;
            const disabled = el.disabled || el.getAttribute('aria-disabled') === 'true' || el.classList.contains('rz-state-disabled');
            const needed = disabled ? 3 : (size >= 24 || (size >= 18.66 && bold)) ? 3 : 4.5;
            const r = ratio(shown, bg);
            if (r < needed) problems.push(`"${label}" heeft te weinig contrast (${r.toFixed(2)}:1, nodig ${needed}:1)`);
          }
          return problems;
        }
        """;

    private sealed record Data(string Ann, long Reflection, long Session, string ScenarioId, long Attempt, string TeamUrl, long PeerReview,
        long Practice);

    /// <summary>Ann finishes a scenario and shares a reflection; Wout plans a session with an agreement.</summary>
    private async Task<Data> CreateDataAsync()
    {
        var reflection = await ShareNewReflectionAsync("Paginacontrole", "Een reflectie om elke pagina met inhoud te zien.");
        var scenario = Repository.PlayableScenarios.First(s => s.Id == "eerste-gesprek");
        var path = scenario.TestPaths[0];
        await GotoInteractiveAsync($"/scenarios/{scenario.Id}");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Start het rollenspel" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/pogingen/\\d+$"));
        await WaitForInteractiveAsync(Page);
        var attempt = long.Parse(new Uri(Page.Url).Segments[^1]);
        for (var step = 0; step < path.Choices.Count; step++)
        {
            await ChoiceButton(Page, scenario, path.Choices, step).ClickAsync();
            if (step < path.Choices.Count - 1) await Expect(Page.Locator("ol.gwt-conversation li.gwt-coach-line")).ToHaveCountAsync(step + 1);
        }
        await Expect(Page.GetByTestId("uitkomst")).ToBeVisibleAsync();

        var wout = await NewPageAsync();
        await SignInAndWaitAsync(SupervisorEmail, "/werkbegeleider", page: wout);
        var (ann, session) = await PlanSessionWithAgreementAsync(wout, "Een ecogram maken met de cliënt");

        // A running "Samen beslissen": Wout leads (the facilitator's view), Ann votes (a participant's view).
        var (practicePath, code) = await PracticeSessionTests.OpenSessionAsync(wout, "Paginacontrole oefensessie", rolePlay: false);
        await PracticeSessionTests.JoinWithCodeAsync(Page, code);
        await Expect(wout.GetByTestId("aantal-deelnemers")).ToHaveTextAsync("2");
        await wout.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();
        await Expect(Page.GetByTestId("stem-0")).ToBeVisibleAsync();
        await wout.Context.CloseAsync();

        var admin = await NewPageAsync();
        await SignInAndWaitAsync(AdminEmail, "/beheer", page: admin);
        await GotoInteractiveAsync("/beheer/teams", admin);
        var teamUrl = await admin.Locator("a[href^='/beheer/teams/']").First.GetAttributeAsync("href");
        await admin.Context.CloseAsync();
        var peerReview = await CreateEndedPeerReviewAsync("Paginacontrole intervisie");
        return new Data(ann, reflection, session, scenario.Id, attempt, teamUrl!, peerReview, long.Parse(practicePath.Split('/')[^1]));
    }
}
