using System.IO.Compression;
using GeneralistischWerkt.Training.Core.PeerReview;
using GeneralistischWerkt.Training.Web.Data;
using GeneralistischWerkt.Training.Web.Features.Editing;
using GeneralistischWerkt.Training.Web.Features.Live;
using GeneralistischWerkt.Training.Web.Features.PeerReviews;
using GeneralistischWerkt.Training.Web.Features.Reflections;
using GeneralistischWerkt.Training.Web.Features.Supervision;
using GeneralistischWerkt.Training.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GeneralistischWerkt.Training.Web.Tests;

/// <summary>
/// Intervisie on the data layer (runs on SQLite and PostgreSQL): a full incidentmethode with Wout leading, Ann's case,
/// Bram and Dirk helping; who may do what in which phase; the timer's stored start; and who sees what, also a coach
/// who joins the team later, another team and a beheerder.
/// </summary>
public class PeerReviewTests : IAsyncLifetime
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero));
    private TestDatabase db = default!;
    private string wout = "", ann = "", bram = "", dirk = "", wendy = "", cas = "", bea = "";
    private int noord;

    private PeerReviewService Reviews => db.Services.GetRequiredService<PeerReviewService>();
    private PeerReviewAftercare After => db.Services.GetRequiredService<PeerReviewAftercare>();

    public async Task InitializeAsync()
    {
        db = await TestDatabase.CreateAsync(services => services.AddSingleton<TimeProvider>(clock));
        bea = await db.CreateAsync("Bea Beheer", Roles.Admin);
        wout = await db.CreateAsync("Wout Werk", Roles.Supervisor);
        wendy = await db.CreateAsync("Wendy Werk", Roles.Supervisor);
        ann = await db.CreateAsync("Ann Coach", Roles.Coach);
        bram = await db.CreateAsync("Bram Coach", Roles.Coach);
        dirk = await db.CreateAsync("Dirk Coach", Roles.Coach);
        cas = await db.CreateAsync("Cas Coach", Roles.Coach);
        await db.Accounts.AssignSupervisorAsync(ann, wout);
        noord = (await db.Teams.CreateTeamAsync("Team Noord", [wout], [ann, bram, dirk])).Value;
        await db.Teams.CreateTeamAsync("Team Zuid", [wendy], [cas]);
    }

    public async Task DisposeAsync() => await db.DisposeAsync();

    private async Task<long> PlanAsync(string method = "incidentmethode")
    {
        var (id, error) = await Reviews.PlanAsync(wout, new PeerReviewPlan("", noord, [], method, clock.GetUtcNow().AddDays(1), ann));
        Assert.Null(error);
        return id!.Value;
    }

    private async Task<long> JoinedAsync()
    {
        var id = await PlanAsync();
        foreach (var coach in new[] { ann, bram, dirk }) Assert.Null(await Reviews.JoinAsync(coach, id));
        return id;
    }

    [Fact]
    public async Task Only_the_teams_werkbegeleider_plans_and_only_with_coaches_of_their_teams()
    {
        var noMethod = await Reviews.PlanAsync(wout, new PeerReviewPlan("", noord, [], "bestaat-niet", clock.GetUtcNow(), ann));
        Assert.Equal("Kies een intervisiemethode.", noMethod.Error);
        var notMine = await Reviews.PlanAsync(wendy, new PeerReviewPlan("", noord, [], "incidentmethode", clock.GetUtcNow(), ann));
        Assert.NotNull(notMine.Error);
        var byCoach = await Reviews.PlanAsync(ann, new PeerReviewPlan("", noord, [], "incidentmethode", clock.GetUtcNow(), bram));
        Assert.NotNull(byCoach.Error);
        var otherTeam = await Reviews.PlanAsync(wout, new PeerReviewPlan("", null, [ann, cas], "incidentmethode", clock.GetUtcNow(), ann));
        Assert.Equal("Je kan alleen coaches uitnodigen uit een team dat je begeleidt.", otherTeam.Error);
        var ownerOutside = await Reviews.PlanAsync(wout, new PeerReviewPlan("", null, [bram], "incidentmethode", clock.GetUtcNow(), ann));
        Assert.Equal("Kies als inbrenger een van de deelnemende coaches.", ownerOutside.Error);

        var chosen = await Reviews.PlanAsync(wout, new PeerReviewPlan("Kleine groep", null, [ann, bram], "oplossingsgerichte-intervisie", clock.GetUtcNow(), ann));
        Assert.Null(chosen.Error);
        Assert.Null(await Reviews.JoinableAsync(dirk, chosen.Id!.Value));
        Assert.NotNull(await Reviews.JoinableAsync(bram, chosen.Id!.Value));
    }

    [Fact]
    public async Task A_full_incidentmethode_phase_by_phase_with_the_rules_of_each_phase()
    {
        var id = await JoinedAsync();
        var saved = await Reviews.SaveCaseAsync(ann, id, 0, new Dictionary<string, string>
        {
            [PeerReviewService.DescriptionField] = "Mijn cliënt (ik noem hem Tim) wil zijn stage stoppen.",
            [PeerReviewService.QuestionField] = "Hoe blijf ik naast hem staan?",
        });
        Assert.Equal(SaveOutcome.Saved, saved.Outcome);
        Assert.Equal(SaveOutcome.Refused, (await Reviews.SaveCaseAsync(bram, id, saved.Version, new Dictionary<string, string>())).Outcome);
        Assert.Equal("Hoe blijf ik naast hem staan?", (await Reviews.LoadAsync(bram, id))!.Case.Question);

        Assert.Equal(LiveSessionRules.OnlyFacilitator, await Reviews.StartAsync(ann, id));
        Assert.Null(await Reviews.StartAsync(wout, id));
        var view = (await Reviews.LoadAsync(bram, id))!;
        Assert.Equal(("inbreng", clock.GetUtcNow()), (view.CurrentPhase!.Id, view.Session.StepStartedAt));
        Assert.Equal(PeerReviewRules.Listening, await Reviews.ContributeAsync(bram, id, 0, "Een vraag te vroeg", null));

        clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Null(await Reviews.GoToPhaseAsync(wout, id, 1));
        Assert.Null(await Reviews.GoToPhaseAsync(wout, id, 1)); // twice: the same phase, the timer is not restarted
        Assert.Equal(clock.GetUtcNow(), (await Reviews.LoadAsync(ann, id))!.Session.StepStartedAt);
        Assert.Null(await Reviews.ContributeAsync(bram, id, 1, "Wat zei hij precies?", "actief-luisteren"));
        Assert.Null(await Reviews.ContributeAsync(dirk, id, 1, "Hoe lang loopt de stage al?", null));
        Assert.Equal(PeerReviewRules.CaseOwnerListens, await Reviews.ContributeAsync(ann, id, 1, "Ik zelf", null));
        Assert.Equal(PeerReviewRules.FacilitatorLeads, await Reviews.ContributeAsync(wout, id, 1, "Ik ook", null));
        Assert.Equal("Kies een basishouding uit de lijst.", await Reviews.ContributeAsync(bram, id, 1, "Tag", "geen-houding"));
        Assert.Equal(PeerReviewService.WrongPhase, await Reviews.ContributeAsync(bram, id, 0, "Te laat", null));

        var questions = (await Reviews.LoadAsync(ann, id))!.Contributions;
        Assert.Equal(2, questions.Count);
        Assert.Null(await Reviews.RespondAsync(ann, id, questions[0].Id, "Dat hij het niet meer zag zitten.", helpful: true));
        Assert.Equal(PeerReviewRules.OnlyCaseOwner, await Reviews.RespondAsync(bram, id, questions[1].Id, "x", true));
        Assert.Equal(LiveSessionRules.OnlyFacilitator, await Reviews.ParkAsync(ann, id, questions[1].Id, true));
        Assert.Null(await Reviews.ParkAsync(wout, id, questions[1].Id, true));

        for (var phase = 2; phase < 6; phase++)
        {
            Assert.Null(await Reviews.GoToPhaseAsync(wout, id, phase));
            var current = (await Reviews.LoadAsync(dirk, id))!.CurrentPhase!;
            var expected = current.TakesContributions ? null : PeerReviewRules.Listening;
            Assert.Equal(expected, await Reviews.ContributeAsync(dirk, id, phase, $"Bijdrage in {current.Name}", "participatie"));
        }
        Assert.Null(await Reviews.ContributeAsync(ann, id, 5, "Ik neem mee: eerst luisteren.", null)); // iedereen spreekt
        Assert.Equal("Die fase bestaat niet.", await Reviews.GoToPhaseAsync(wout, id, 6));
        Assert.Null(await Reviews.FinishAsync(wout, id));

        var seen = (await Reviews.LoadAsync(bram, id))!;
        Assert.Null(seen.Case.Description); // after the meeting only the owner still sees the case
        Assert.Equal("Mijn cliënt (ik noem hem Tim) wil zijn stage stoppen.", (await Reviews.LoadAsync(ann, id))!.Case.Description);
        Assert.Equal(LiveSessionRules.Ended, await Reviews.ContributeAsync(bram, id, 5, "Na het einde", null));

        // The summary: who led and the owner at once; the others once the owner agrees; never the case description.
        Assert.Null(await After.SummaryAsync(bram, id));
        var summary = (await After.SummaryAsync(wout, id))!;
        Assert.Contains(summary.Attitudes, a => a.AttitudeId == "participatie" && a.Count == 3);
        Assert.Single(summary.Parked);
        Assert.Equal(AccessDenied(bram), await After.ShareSummaryAsync(bram, id, true));
        Assert.Null(await After.ShareSummaryAsync(ann, id, true));
        Assert.NotNull(await After.SummaryAsync(bram, id));
        Assert.Null((await After.SummaryAsync(bram, id))!.View.Case.Description);

        // Afterwards: a private draft, an agreement with her own werkbegeleider, the evaluation, and deleting the case.
        var (reflection, refusal) = await After.TakeAwayAsync(ann, id);
        Assert.Null(refusal);
        var draft = (await db.Services.GetRequiredService<ReflectionService>().OpenAsync(ann, reflection!.Value))!;
        Assert.Equal(ReflectionStatus.Draft, draft.Reflection.Status);
        Assert.Contains("Wat zei hij precies?", draft.Sections["tekst"]);
        Assert.Null(await db.Services.GetRequiredService<ReflectionService>().OpenAsync(wout, reflection.Value));
        Assert.Null(await After.AddAgreementAsync(ann, id, "Elke week tien minuten om te luisteren zonder agenda"));
        var agreement = Assert.Single(await db.Services.GetRequiredService<SupervisionService>().AgreementsAsync(wout, ann));
        Assert.Equal((id, (long?)null), (agreement.PeerReviewId!.Value, agreement.SessionId));
        Assert.NotNull(await After.AddAgreementAsync(bram, id, "Niet van mij"));
        var version = (await Reviews.LoadAsync(wout, id))!.Review.Version;
        Assert.Equal(SaveOutcome.Saved, (await After.SaveEvaluationAsync(wout, id, version, new Dictionary<string, string> { [PeerReviewService.EvaluationField] = "Vlot verlopen." })).Outcome);
        Assert.Equal(SaveOutcome.Refused, (await After.SaveEvaluationAsync(ann, id, version + 1, new Dictionary<string, string>())).Outcome);

        Assert.Null(await After.DecideCaseAsync(ann, id, keep: false));
        var stored = await db.WithDbAsync(d => d.PeerReviews.AsNoTracking().SingleAsync(r => r.LiveSessionId == id));
        Assert.Equal(("", ""), (stored.CaseDescription, stored.CaseQuestion));
        Assert.True((await Reviews.LoadAsync(ann, id))!.Case.Deleted);
    }

    private static string AccessDenied(string _) => PeerReviewAftercare.OnlyOwner;

    [Fact]
    public async Task A_coach_who_joins_the_team_later_another_team_and_a_beheerder_see_nothing()
    {
        var id = await JoinedAsync();
        Assert.Null(await Reviews.StartAsync(wout, id));
        Assert.Null(await Reviews.GoToPhaseAsync(wout, id, 1));
        Assert.Null(await Reviews.ContributeAsync(bram, id, 1, "Een vraag", null));
        var late = await db.CreateAsync("Lien Later", Roles.Coach);
        Assert.True((await db.Teams.AddAsync(noord, late, TeamRole.Member)).Succeeded);

        foreach (var outsider in new[] { late, cas, wendy, bea })
        {
            Assert.Null(await Reviews.LoadAsync(outsider, id));
            Assert.Null(await Reviews.JoinableAsync(outsider, id));
            Assert.Equal(LiveSessionService.CannotJoin, await Reviews.JoinAsync(outsider, id));
            Assert.DoesNotContain(await Reviews.ListAsync(outsider), s => s.Id == id);
            Assert.Equal(LiveSessionRules.NotParticipant, await Reviews.ContributeAsync(outsider, id, 1, "Binnendringen", null));
            Assert.Null(await After.SummaryAsync(outsider, id));
        }
    }

    [Fact]
    public async Task An_attachment_needs_explicit_consent_and_is_readable_by_the_participants_only()
    {
        var reflections = db.Services.GetRequiredService<ReflectionService>();
        var own = await reflections.CreateDraftAsync(ann, "vrij", title: "Over Tim", sections: new Dictionary<string, string> { ["tekst"] = "Wat ik merkte." });
        var id = await JoinedAsync();
        Assert.NotNull(await Reviews.AttachAsync(ann, id, "reflectie", own, consent: true)); // a draft cannot be attached
        Assert.Null(await reflections.FinishAsync(ann, own));
        Assert.Equal("Vink eerst aan dat de deelnemers dit mogen lezen.", await Reviews.AttachAsync(ann, id, "reflectie", own, consent: false));
        Assert.NotNull(await Reviews.AttachAsync(bram, id, "reflectie", own, consent: true));
        Assert.Null(await Reviews.AttachAsync(ann, id, "reflectie", own, consent: true));

        Assert.Equal("Over Tim", (await Reviews.LoadAsync(bram, id))!.Attachment!.Title);
        Assert.Null(await reflections.OpenAsync(bram, own)); // only here, not as a reflection of its own
        Assert.Null(await Reviews.LoadAsync(cas, id));
    }

    [Fact]
    public async Task The_personal_export_holds_what_the_coach_wrote_in_an_intervisie()
    {
        var id = await JoinedAsync();
        await Reviews.SaveCaseAsync(ann, id, 0, new Dictionary<string, string> { [PeerReviewService.DescriptionField] = "Casus van Ann", [PeerReviewService.QuestionField] = "Vraag van Ann" });
        Assert.Null(await Reviews.StartAsync(wout, id));
        Assert.Null(await Reviews.GoToPhaseAsync(wout, id, 1));
        Assert.Null(await Reviews.ContributeAsync(bram, id, 1, "Vraag van Bram", null));

        string Export(string user) => ZipText(db.Services.GetRequiredService<PersonalDataExport>().BuildAsync(user).GetAwaiter().GetResult());
        Assert.Contains("Vraag van Bram", Export(bram));
        Assert.DoesNotContain("Casus van Ann", Export(bram));
        Assert.Contains("Casus van Ann", Export(ann));
        Assert.DoesNotContain("Vraag van Bram", Export(dirk));
    }

    private static string ZipText(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip));
        return string.Join("\n", archive.Entries.Select(e => new StreamReader(e.Open()).ReadToEnd()));
    }
}
