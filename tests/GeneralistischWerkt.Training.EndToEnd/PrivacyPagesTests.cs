using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using GeneralistischWerkt.Training.Core.Content;
using GeneralistischWerkt.Training.Core.Scenarios;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GeneralistischWerkt.Training.EndToEnd;

/// <summary>
/// One table for every page marked "privé" in tests/page-privacy.txt: Ann's data (a shared reflection with a comment,
/// a scenario attempt, a session with an agreement) is requested by Ann, her werkbegeleider Wout, another coach (Bram),
/// the werkbegeleider of another coach (Wendy) and the beheerder, each with their own login, using Ann's real ids.
/// The answer comes from the server (the page's first HTML, or the download), so this is what anyone can get.
/// </summary>
public class PrivacyPagesTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Wendy = "werkbegeleider2@demo.gwt.be";
    private const string Bram = "bram.coach@demo.gwt.be";

    [Fact]
    public async Task Every_private_page_shows_Anns_data_only_to_Ann_and_her_werkbegeleider()
    {
        var marker = "Privé-merkteken " + Guid.NewGuid().ToString("N")[..6];
        var ids = await CreateAnnsDataAsync(marker);

        var table = new (string Route, string Url, string Marker, string[] Allowed)[]
        {
            ("/reflecties", "/reflecties", marker, [CoachEmail]),
            ("/reflecties/{Id:long}", $"/reflecties/{ids.Reflection}", marker, [CoachEmail, SupervisorEmail]),
            ("/reflecties/{Id:long}/afdrukken", $"/reflecties/{ids.Reflection}/afdrukken", marker, [CoachEmail, SupervisorEmail]),
            ("/werkbegeleider/inbox", "/werkbegeleider/inbox", marker, [SupervisorEmail]),
            ("/werkbegeleider/coaches/{CoachId}", $"/werkbegeleider/coaches/{ids.Ann}", marker, [SupervisorEmail]),
            ("/werkbegeleiding/sessies/{Id:long}", $"/werkbegeleiding/sessies/{ids.Session}", "Afspraak " + marker, [CoachEmail, SupervisorEmail]),
            ("/werkbegeleiding/sessies/{Id:long}/afdrukken", $"/werkbegeleiding/sessies/{ids.Session}/afdrukken", "Afspraak " + marker, [CoachEmail, SupervisorEmail]),
            ("/afspraken", "/afspraken", "Afspraak " + marker, [CoachEmail]),
            ("/scenarios/{ScenarioId}/pogingen/{AttemptId:long}", $"/scenarios/{ids.ScenarioId}/pogingen/{ids.Attempt}", ids.ChoiceText, [CoachEmail, SupervisorEmail]),
            ("/mijn-gegevens/export", "/mijn-gegevens/export", marker, [CoachEmail]),
            // Ann opened a practice session and is its only participant: its join code is shown to participants only
            // (Wout, in her team, may join but has not; he sees only that it exists).
            ("/oefenen/{Id:long}", $"/oefenen/{ids.Practice}", ids.PracticeCode, [CoachEmail]),
            // Wout led an intervisie on Ann's case; Bram was invited but never joined, so he sees nothing of it.
            ("/intervisie/{Id:long}", $"/intervisie/{ids.PeerReview}", "Intervisie " + marker, [CoachEmail, SupervisorEmail]),
            ("/intervisie/{Id:long}/samenvatting", $"/intervisie/{ids.PeerReview}/samenvatting", "Intervisie " + marker, [CoachEmail, SupervisorEmail]),
        };

        // Every private page of the inventory has a row: a new page cannot be forgotten.
        var privatePages = File.ReadAllLines(Path.Combine(Repository.Root, "tests", "page-privacy.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(p => p[1] == "privé").Select(p => p[0]).ToList();
        Assert.Empty(privatePages.Except(table.Select(t => t.Route)));

        var failures = new List<string>();
        foreach (var actor in new[] { CoachEmail, SupervisorEmail, Bram, Wendy, AdminEmail })
        {
            using var http = await SignedInClientAsync(actor);
            foreach (var (route, url, expectedText, allowed) in table)
            {
                var body = await ReadAsync(http, url);
                var sees = body.Contains(expectedText);
                var mayAndShould = allowed.Contains(actor);
                if (sees != mayAndShould) failures.Add($"{route} voor {actor}: {(sees ? "ziet Anns gegevens, maar mag niet" : "ziet ze niet, maar mag wel")}");
            }
            // Guessing: ids that do not exist give the same answer as ids of others.
            foreach (var guess in new[] { "/reflecties/999999", "/werkbegeleiding/sessies/999999", "/reflecties/999999/afdrukken", "/werkbegeleiding/sessies/999999/afdrukken", $"/scenarios/{ids.ScenarioId}/pogingen/999999", "/intervisie/999999" })
            {
                var body = await ReadAsync(http, guess);
                if (!body.Contains("Geen toegang")) failures.Add($"{guess} voor {actor}: geen 'Geen toegang'");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private sealed record AnnsData(string Ann, long Reflection, long Session, string ScenarioId, long Attempt, string ChoiceText,
        long Practice = 0, string PracticeCode = "", long PeerReview = 0);

    /// <summary>Ann writes and shares a reflection, starts a scenario; Wout comments and records a session with an agreement.</summary>
    private async Task<AnnsData> CreateAnnsDataAsync(string marker)
    {
        var reflection = await ShareNewReflectionAsync(marker, "Alleen voor mij en mijn werkbegeleider.");

        var scenario = Repository.PlayableScenarios.First(s => s.Id == "eerste-gesprek");
        await GotoInteractiveAsync($"/scenarios/{scenario.Id}");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Start het rollenspel" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/pogingen/\\d+$"));
        await WaitForInteractiveAsync(Page);
        var attempt = long.Parse(new Uri(Page.Url).Segments[^1]);
        var choiceText = scenario.Node(scenario.StartNodeId)!.Choices[0].Text;
        await ChoiceButton(Page, scenario, [1], 0).ClickAsync();
        await Expect(Page.Locator("ol.gwt-conversation li.gwt-coach-line")).ToHaveCountAsync(1);

        var wout = await NewPageAsync();
        await SignInAndWaitAsync(SupervisorEmail, "/werkbegeleider", page: wout);
        await wout.GetByRole(AriaRole.Link, new() { Name = "Ann Coach" }).ClickAsync();
        await WaitForInteractiveAsync(wout);
        var ann = new Uri(wout.Url).Segments[^1];
        await wout.GetByLabel($"Reflectie: {marker}").CheckAsync();
        await wout.GetByRole(AriaRole.Button, new() { Name = "Sessie aanmaken" }).ClickAsync();
        await Expect(wout).ToHaveURLAsync(new Regex("/werkbegeleiding/sessies/\\d+$"));
        await WaitForInteractiveAsync(wout);
        var session = long.Parse(new Uri(wout.Url).Segments[^1]);
        await wout.GetByLabel("Wat", new() { Exact = true }).FillAsync("Afspraak " + marker);
        await wout.GetByRole(AriaRole.Button, new() { Name = "Afspraak toevoegen" }).ClickAsync();
        await Expect(wout.GetByTestId("afspraken").First).ToContainTextAsync("Afspraak " + marker);

        // Ann opens a practice session for her team (she is its only participant).
        await GotoInteractiveAsync("/oefenen");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Oefensessie openen" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/oefenen/\\d+$"));
        var practice = long.Parse(new Uri(Page.Url).Segments[^1]);
        var code = (await Page.GetByTestId("code").InnerTextAsync()).Trim();
        var peerReview = await CreateEndedPeerReviewAsync("Intervisie " + marker);
        return new AnnsData(ann, reflection, session, scenario.Id, attempt, choiceText, practice, code, peerReview);
    }

    private async Task<HttpClient> SignedInClientAsync(string email)
    {
        var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = true })
        {
            BaseAddress = new Uri(Fixture.App.BaseUrl),
        };
        var form = await http.GetStringAsync("/account/aanmelden");
        var token = Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var response = await http.PostAsync("/account/aanmelden", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "aanmelden", ["__RequestVerificationToken"] = token, ["Input.Email"] = email, ["Input.Password"] = DemoPassword,
        }));
        Assert.DoesNotContain("/account/aanmelden", response.RequestMessage!.RequestUri!.AbsolutePath);
        return http;
    }

    private static async Task<string> ReadAsync(HttpClient http, string url)
    {
        var response = await http.GetAsync(url);
        if (response.Content.Headers.ContentType?.MediaType == "application/zip")
        {
            using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
            var text = new StringBuilder();
            foreach (var entry in zip.Entries)
            {
                using var reader = new StreamReader(entry.Open());
                text.AppendLine(reader.ReadToEnd());
            }
            return text.ToString();
        }
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }
}
