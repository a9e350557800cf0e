using GeneralistischWerkt.Training.Web.Features.Editing;
using GeneralistischWerkt.Training.Web.Features.Reflections;
using GeneralistischWerkt.Training.Web.Features.Supervision;
using System.IO.Compression;
using System.Text;

namespace GeneralistischWerkt.Training.Web.Tests;

/// <summary>
/// Every data query that shows a reflection, comment, session or agreement, against every kind of viewer. One table:
/// a new query gets one new row, and each row is checked for all five actors.
/// </summary>
public class PrivacyQueryTests : IAsyncLifetime
{
    private PrivacyWorld w = default!;

    public async Task InitializeAsync() => w = await PrivacyWorld.CreateAsync();
    public async Task DisposeAsync() => await w.DisposeAsync();

    private sealed record Row(string Query, Func<string, Task<bool>> Sees, string[] Allowed);

    private IEnumerable<Row> Table() =>
    [
        new("een gedeelde reflectie openen", async v => await w.Reflections.OpenAsync(v, w.SharedReflection) is not null, [w.Ann, w.Wout]),
        new("een concept openen", async v => await w.Reflections.OpenAsync(v, w.Draft) is not null, [w.Ann]),
        new("reacties bij een reflectie", async v => (await w.Reflections.CommentsAsync(v, w.SharedReflection)).Count > 0, [w.Ann, w.Wout]),
        new("eigen reflecties", async v => (await w.Reflections.MineAsync(v)).Any(r => r.Id == w.SharedReflection), [w.Ann]),
        new("inbox met gedeelde reflecties", async v => (await w.Reflections.InboxAsync(v)).Any(r => r.Id == w.SharedReflection), [w.Wout]),
        new("concepten in de inbox", async v => (await w.Reflections.InboxAsync(v)).Any(r => r.Id == w.Draft), []),
        new("wie las de reflectie", async v => { await w.Reflections.OpenAsync(w.Wout, w.SharedReflection); return (await w.Reflections.ReadsAsync(v, w.SharedReflection)).Count > 0; }, [w.Ann]),
        new("reacties op een keuze in een poging", async v => (await w.Reflections.AttemptCommentsAsync(v, w.Attempt)).Count > 0, [w.Ann, w.Wout]),
        new("een sessie openen", async v => await w.Supervision.OpenAsync(v, w.Session) is not null, [w.Ann, w.Wout]),
        new("lijst van sessies", async v => (await w.Supervision.SessionsAsync(v)).Any(s => s.Id == w.Session), [w.Ann, w.Wout]),
        new("afspraken", async v => (await w.Supervision.AgreementsAsync(v)).Any(a => a.Id == w.Agreement), [w.Ann, w.Wout]),
        new("een intervisie openen", async v => await w.PeerReviews.LoadAsync(v, w.PeerReview) is not null, [w.Ann, w.Wout]),
        new("de inbreng van een afgelopen intervisie", async v => (await w.PeerReviews.LoadAsync(v, w.PeerReview))?.Case.Description is not null, [w.Ann]),
        new("lijst van intervisies", async v => (await w.PeerReviews.ListAsync(v)).Any(s => s.Id == w.PeerReview), [w.Ann, w.Wout]),
        new("samenvatting van een intervisie", async v => await w.PeerReviewAftercare.SummaryAsync(v, w.PeerReview) is not null, [w.Ann, w.Wout]),
        new("export met de inbreng", async v => ZipText(await w.Export.BuildAsync(v)).Contains("Casus van Ann"), [w.Ann]),
        new("export van eigen gegevens", async v => ZipText(await w.Export.BuildAsync(v)).Contains("Mijn gedeelde reflectie"), [w.Ann]),
    ];

    [Fact]
    public async Task Each_query_shows_its_data_only_to_the_people_allowed_to_see_it()
    {
        var failures = new List<string>();
        foreach (var row in Table())
        {
            foreach (var (actor, id) in w.Actors)
            {
                var expected = row.Allowed.Contains(id);
                var actual = await row.Sees(id);
                if (actual != expected) failures.Add($"{row.Query}: {actor} {(actual ? "ziet het, maar mag niet" : "ziet het niet, maar mag wel")}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Changes_are_refused_to_everyone_but_the_owner_or_the_werkbegeleider_concerned()
    {
        foreach (var outsider in new[] { w.Bram, w.Wendy, w.Admin, w.Wout })
        {
            Assert.Equal(SaveOutcome.Refused, (await w.Reflections.SaveAsync(outsider, w.SharedReflection, 1,
                new Dictionary<string, string> { [ReflectionService.TitleField] = "overgenomen" })).Outcome);
            Assert.False(await w.Reflections.DeleteAsync(outsider, w.SharedReflection));
            Assert.False(await w.Reflections.WithdrawAsync(outsider, w.SharedReflection));
            Assert.NotNull(await w.Reflections.ShareAsync(outsider, w.SharedReflection));
        }
        foreach (var outsider in new[] { w.Bram, w.Wendy, w.Admin })
        {
            Assert.NotNull(await w.Reflections.AddCommentAsync(outsider, w.SharedReflection, "binnengedrongen"));
            Assert.NotNull(await w.Reflections.AddAttemptCommentAsync(outsider, w.Attempt, 0, "binnengedrongen"));
            Assert.NotNull(await w.Reflections.ReviewAsync(outsider, w.SharedReflection, ["methodiektrouw"], null));
            Assert.Equal(SaveOutcome.Refused, (await w.Supervision.UpdateAgreementAsync(outsider, w.Agreement, 0, Data.AgreementStatus.Done, "")).Outcome);
            Assert.Equal(SaveOutcome.Refused, (await w.Supervision.SaveNotesAsync(outsider, w.Session, 0, Notes("x"))).Outcome);
            Assert.NotNull(await w.Supervision.AddAgreementAsync(outsider, w.Session, "x", "x", null));
        }
        // A werkbegeleider holds sessions only with their own coaches.
        var (id, error) = await w.Supervision.CreateSessionAsync(w.Wendy, new(w.Ann, DateOnly.FromDateTime(DateTime.Today), Data.SessionForm.Individual, [], []));
        Assert.Null(id);
        Assert.Equal("Je begeleidt deze coach niet.", error);
        // The coach may not take the werkbegeleider's pen either.
        Assert.Equal(SaveOutcome.Refused, (await w.Supervision.SaveNotesAsync(w.Ann, w.Session, 0, Notes("x"))).Outcome);
        Assert.NotNull(await w.Reflections.ReviewAsync(w.Ann, w.SharedReflection, [], Data.ReviewState.Discussed));
        Assert.Equal("Mooi gezien.", (await w.Reflections.CommentsAsync(w.Ann, w.SharedReflection)).Single().Text);
    }

    private static Dictionary<string, string> Notes(string text) =>
        SupervisionService.NoteFields.ToDictionary(n => n.Key, _ => text);

    private static string ZipText(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip));
        var text = new StringBuilder();
        foreach (var entry in archive.Entries)
        {
            using var reader = new StreamReader(entry.Open());
            text.AppendLine(reader.ReadToEnd());
        }
        return text.ToString();
    }
}
