using GeneralistischWerkt.Training.Web.Features.Editing;
using GeneralistischWerkt.Training.Web.Features.Reflections;
using GeneralistischWerkt.Training.Web.Features.Supervision;
using System.IO.Compression;
using System.Text.Json;
using GeneralistischWerkt.Training.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace GeneralistischWerkt.Training.Web.Tests;

public class ReflectionRulesTests : IAsyncLifetime
{
    private PrivacyWorld w = default!;

    public async Task InitializeAsync() => w = await PrivacyWorld.CreateAsync();
    public async Task DisposeAsync() => await w.DisposeAsync();

    [Fact]
    public async Task A_draft_cannot_be_shared_and_a_reflection_is_private_until_shared()
    {
        Assert.Equal("Rond je reflectie eerst af: een concept deel je niet.", await w.Reflections.ShareAsync(w.Ann, w.Draft));
        Assert.Null(await w.Reflections.OpenAsync(w.Wout, w.Draft));

        var finished = await w.Reflections.CreateDraftAsync(w.Ann, "vrij", title: "Nog privé");
        await w.Reflections.FinishAsync(w.Ann, finished);
        Assert.Null(await w.Reflections.OpenAsync(w.Wout, finished));
        Assert.Null(await w.Reflections.ShareAsync(w.Ann, finished));
        Assert.NotNull(await w.Reflections.OpenAsync(w.Wout, finished));
    }

    [Fact]
    public async Task Withdrawing_a_share_hides_it_again()
    {
        Assert.True(await w.Reflections.WithdrawAsync(w.Ann, w.SharedReflection));
        Assert.Null(await w.Reflections.OpenAsync(w.Wout, w.SharedReflection));
        Assert.Empty(await w.Reflections.InboxAsync(w.Wout));
        Assert.Empty(await w.Reflections.CommentsAsync(w.Wout, w.SharedReflection));
    }

    [Fact]
    public async Task A_new_werkbegeleider_sees_nothing_shared_earlier_until_the_coach_shares_again()
    {
        await w.Db.Accounts.AssignSupervisorAsync(w.Ann, w.Wendy);
        Assert.Null(await w.Reflections.OpenAsync(w.Wendy, w.SharedReflection));
        Assert.Null(await w.Reflections.OpenAsync(w.Wout, w.SharedReflection)); // the former one neither
        Assert.Empty(await w.Reflections.InboxAsync(w.Wendy));

        Assert.Null(await w.Reflections.ShareAsync(w.Ann, w.SharedReflection));
        Assert.NotNull(await w.Reflections.OpenAsync(w.Wendy, w.SharedReflection));
        Assert.Null(await w.Reflections.OpenAsync(w.Wout, w.SharedReflection));
    }

    [Fact]
    public async Task Every_read_by_someone_else_is_logged_for_the_author_and_marks_it_read()
    {
        Assert.Empty(await w.Reflections.ReadsAsync(w.Ann, w.SharedReflection));
        await w.Reflections.OpenAsync(w.Ann, w.SharedReflection); // the author's own reads are not logged
        await w.Reflections.OpenAsync(w.Wout, w.SharedReflection);
        await w.Reflections.OpenAsync(w.Wout, w.SharedReflection);
        var reads = await w.Reflections.ReadsAsync(w.Ann, w.SharedReflection);
        Assert.Equal(["Wout Werk", "Wout Werk"], reads.Select(r => r.ReaderName));
        Assert.Equal(ReviewState.Read, (await w.Reflections.InboxAsync(w.Wout)).Single().ReviewState);
        await w.Reflections.OpenAsync(w.Admin, w.SharedReflection); // refused, so not logged
        Assert.Equal(2, (await w.Reflections.ReadsAsync(w.Ann, w.SharedReflection)).Count);
    }

    [Fact]
    public async Task Deleting_removes_the_reflection_its_share_comments_and_read_log_for_everyone()
    {
        await w.Reflections.OpenAsync(w.Wout, w.SharedReflection);
        Assert.True(await w.Reflections.DeleteAsync(w.Ann, w.SharedReflection));
        Assert.Null(await w.Reflections.OpenAsync(w.Ann, w.SharedReflection));
        Assert.Empty(await w.Reflections.InboxAsync(w.Wout));
        Assert.Equal(0, await w.Db.WithDbAsync(db => db.Comments.CountAsync(c => c.ReflectionId == w.SharedReflection)));
        Assert.Equal(0, await w.Db.WithDbAsync(db => db.ReflectionReads.CountAsync(r => r.ReflectionId == w.SharedReflection)));
    }

    [Fact]
    public async Task Werkbegeleider_tags_dimensions_and_marks_discussed()
    {
        Assert.Null(await w.Reflections.ReviewAsync(w.Wout, w.SharedReflection, ["methodiektrouw", "taakondersteuning", "onzin"], ReviewState.Discussed));
        var view = await w.Reflections.OpenAsync(w.Ann, w.SharedReflection);
        Assert.Equal("taakondersteuning,methodiektrouw", view!.Reflection.Dimensions);
        Assert.Equal(ReviewState.Discussed, view.Reflection.ReviewState);
    }

    [Fact]
    public async Task Hostile_input_is_stored_as_text_and_limited_in_size()
    {
        Assert.Equal(SaveOutcome.Saved, (await w.Reflections.SaveAsync(w.Ann, w.Draft, 0,
            new Dictionary<string, string> { [ReflectionService.TitleField] = "<script>alert(1)</script>", ["tekst"] = new string('x', 50_000) })).Outcome);
        var view = await w.Reflections.OpenAsync(w.Ann, w.Draft);
        Assert.Equal("<script>alert(1)</script>", view!.Reflection.Title);
        Assert.Equal(20_000, view.Sections["tekst"].Length);
        Assert.Equal("Schrijf eerst een reactie.", await w.Reflections.AddCommentAsync(w.Wout, w.SharedReflection, "   "));
    }

    [Fact]
    public async Task The_session_agenda_names_an_attempt_by_its_scenario_title()
    {
        var session = await w.Supervision.OpenAsync(w.Wout, w.Session);
        var attempt = Assert.Single(session!.Agenda, item => item.Kind == "poging");
        Assert.StartsWith("Eerste gesprek", attempt.Title);
        Assert.Equal($"/scenarios/eerste-gesprek/pogingen/{w.Attempt}", attempt.Link);
    }

    [Fact]
    public async Task Open_agreements_carry_over_to_the_next_session_until_done()
    {
        var (next, _) = await w.Supervision.CreateSessionAsync(w.Wout, new(w.Ann, DateOnly.FromDateTime(DateTime.Today.AddDays(14)), SessionForm.PhoneConsultation, [], []));
        var session = await w.Supervision.OpenAsync(w.Wout, next!.Value);
        Assert.Equal(["Een ecogram maken met de cliënt"], session!.CarriedOver.Select(a => a.What));
        Assert.Contains(session.Agenda, i => i.Kind == "afspraak" && i.Title == "Een ecogram maken met de cliënt");

        Assert.Equal(SaveOutcome.Saved, (await w.Supervision.UpdateAgreementAsync(w.Ann, w.Agreement, 0, AgreementStatus.Done, "Gedaan op huisbezoek.")).Outcome);
        var (third, _) = await w.Supervision.CreateSessionAsync(w.Wout, new(w.Ann, DateOnly.FromDateTime(DateTime.Today.AddDays(28)), SessionForm.Individual, [], []));
        var later = await w.Supervision.OpenAsync(w.Ann, third!.Value);
        Assert.Empty(later!.CarriedOver);
        Assert.DoesNotContain(later.Agenda, i => i.Kind == "afspraak");
    }

    [Fact]
    public async Task Agreements_past_their_date_and_still_open_are_overdue()
    {
        var agreement = (await w.Supervision.AgreementsAsync(w.Ann)).Single();
        var due = agreement.DueDate!.Value;
        Assert.False(Features.Supervision.SupervisionService.IsOverdue(agreement, due));
        Assert.True(Features.Supervision.SupervisionService.IsOverdue(agreement, due.AddDays(1)));
        agreement.Status = AgreementStatus.Done;
        Assert.False(Features.Supervision.SupervisionService.IsOverdue(agreement, due.AddDays(1)));
    }

    [Fact]
    public async Task Export_holds_reflections_as_markdown_and_everything_as_json_for_the_owner_only()
    {
        await w.Reflections.OpenAsync(w.Wout, w.SharedReflection);
        using var zip = new ZipArchive(new MemoryStream(await w.Export.BuildAsync(w.Ann)));
        var names = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Contains($"reflecties/{w.SharedReflection}.md", names);
        Assert.Contains($"reflecties/{w.Draft}.md", names);
        foreach (var json in new[] { "reflecties.json", "reacties.json", "afspraken.json", "sessies.json", "pogingen.json", "voortgang.json" })
        {
            Assert.Contains(json, names);
            using var stream = zip.GetEntry(json)!.Open();
            JsonDocument.Parse(stream); // valid JSON
        }
        string Read(string name) { using var r = new StreamReader(zip.GetEntry(name)!.Open()); return r.ReadToEnd(); }
        var markdown = Read($"reflecties/{w.SharedReflection}.md");
        Assert.Contains("# Mijn gedeelde reflectie", markdown);
        Assert.Contains("Een moeilijk gesprek.", markdown);
        Assert.Contains("Wout Werk", markdown); // the comment
        Assert.Contains("Hier had je kunnen spiegelen.", Read("reacties.json"));
        Assert.Contains("Een ecogram maken met de cliënt", Read("afspraken.json"));
        Assert.Contains("eerste-gesprek", Read("pogingen.json"));
        Assert.Contains("\"door\": \"Wout Werk\"", Read("reflecties.json")); // the read log

        using var other = new ZipArchive(new MemoryStream(await w.Export.BuildAsync(w.Bram)));
        Assert.DoesNotContain(other.Entries, e => e.FullName.StartsWith("reflecties/"));
    }
}
