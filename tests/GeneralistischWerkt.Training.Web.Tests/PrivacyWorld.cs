using GeneralistischWerkt.Training.Web.Data;
using GeneralistischWerkt.Training.Web.Features.Reflections;
using GeneralistischWerkt.Training.Web.Features.Supervision;
using GeneralistischWerkt.Training.Web.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace GeneralistischWerkt.Training.Web.Tests;

/// <summary>
/// A small world for privacy tests: coach Ann with werkbegeleider Wout, coach Bram with werkbegeleider Wendy, and a
/// beheerder. Ann has a shared reflection (with a comment), a draft, a scenario attempt with a comment on a choice,
/// and a session with Wout that made an agreement.
/// </summary>
public sealed class PrivacyWorld : IAsyncDisposable
{
    public TestDatabase Db { get; private set; } = default!;
    public string Ann = "", Bram = "", Wout = "", Wendy = "", Admin = "";
    public long SharedReflection, Draft, Attempt, Session, Agreement, PeerReview;

    public ReflectionService Reflections => Db.Services.GetRequiredService<ReflectionService>();
    public SupervisionService Supervision => Db.Services.GetRequiredService<SupervisionService>();
    public PersonalDataExport Export => Db.Services.GetRequiredService<PersonalDataExport>();
    public GeneralistischWerkt.Training.Web.Features.PeerReviews.PeerReviewService PeerReviews =>
        Db.Services.GetRequiredService<GeneralistischWerkt.Training.Web.Features.PeerReviews.PeerReviewService>();
    public GeneralistischWerkt.Training.Web.Features.PeerReviews.PeerReviewAftercare PeerReviewAftercare =>
        Db.Services.GetRequiredService<GeneralistischWerkt.Training.Web.Features.PeerReviews.PeerReviewAftercare>();

    public IReadOnlyDictionary<string, string> Actors => new Dictionary<string, string>
    {
        ["de coach zelf"] = Ann, ["haar werkbegeleider"] = Wout, ["een andere coach"] = Bram,
        ["een werkbegeleider van een andere coach"] = Wendy, ["een beheerder"] = Admin,
    };

    public static async Task<PrivacyWorld> CreateAsync()
    {
        var world = new PrivacyWorld { Db = await TestDatabase.CreateAsync() };
        await world.SeedAsync();
        return world;
    }

    private async Task SeedAsync()
    {
        Admin = await Db.CreateAsync("Bea Beheer", Roles.Admin);
        Wout = await Db.CreateAsync("Wout Werk", Roles.Supervisor);
        Wendy = await Db.CreateAsync("Wendy Werk", Roles.Supervisor);
        Ann = await Db.CreateAsync("Ann Coach", Roles.Coach);
        Bram = await Db.CreateAsync("Bram Coach", Roles.Coach);
        await Db.Accounts.AssignSupervisorAsync(Ann, Wout);
        await Db.Accounts.AssignSupervisorAsync(Bram, Wendy);

        SharedReflection = await Reflections.CreateDraftAsync(Ann, "starr", title: "Mijn gedeelde reflectie",
            sections: new Dictionary<string, string> { ["situatie"] = "Een moeilijk gesprek." });
        Assert.Null(await Reflections.FinishAsync(Ann, SharedReflection));
        Assert.Null(await Reflections.ShareAsync(Ann, SharedReflection));
        Assert.Null(await Reflections.AddCommentAsync(Wout, SharedReflection, "Mooi gezien."));
        Draft = await Reflections.CreateDraftAsync(Ann, "vrij", title: "Mijn concept");

        Attempt = await Db.WithDbAsync(async db =>
        {
            var attempt = new ScenarioAttempt { UserId = Ann, ScenarioId = "eerste-gesprek", StartedAt = DateTimeOffset.UtcNow };
            attempt.Steps.Add(new AttemptStep { Index = 0, NodeId = "begin", ChoiceIndex = 0, ChoiceText = "Vertel eens.", ChosenAt = DateTimeOffset.UtcNow });
            db.ScenarioAttempts.Add(attempt);
            await db.SaveChangesAsync();
            return attempt.Id;
        });
        Assert.Null(await Reflections.AddAttemptCommentAsync(Wout, Attempt, 0, "Hier had je kunnen spiegelen."));

        var (session, error) = await Supervision.CreateSessionAsync(Wout,
            new NewSession(Ann, DateOnly.FromDateTime(DateTime.Today), SessionForm.Individual, [SharedReflection], [Attempt]));
        Assert.Null(error);
        Session = session!.Value;
        Assert.Null(await Supervision.AddAgreementAsync(Wout, Session, "Een ecogram maken met de cliënt", "Ann", DateOnly.FromDateTime(DateTime.Today.AddDays(7))));
        Agreement = (await Supervision.AgreementsAsync(Wout, Ann)).Single().Id;

        // An intervisie led by Wout on Ann's case, ended, with the summary shared by Ann.
        var team = (await Db.Teams.CreateTeamAsync("Team Noord", [Wout], [Ann])).Value;
        var (review, planError) = await PeerReviews.PlanAsync(Wout, new GeneralistischWerkt.Training.Web.Features.PeerReviews.PeerReviewPlan(
            "Intervisie", team, [], "incidentmethode", DateTimeOffset.UtcNow.AddDays(1), Ann));
        Assert.Null(planError);
        PeerReview = review!.Value;
        Assert.Null(await PeerReviews.JoinAsync(Ann, PeerReview));
        await PeerReviews.SaveCaseAsync(Ann, PeerReview, 0, new Dictionary<string, string> { ["beschrijving"] = "Casus van Ann", ["vraag"] = "Vraag van Ann" });
        Assert.Null(await PeerReviews.StartAsync(Wout, PeerReview));
        Assert.Null(await PeerReviews.GoToPhaseAsync(Wout, PeerReview, 4));
        Assert.Null(await PeerReviews.ContributeAsync(Ann, PeerReview, 4, "Hypothese van Ann", null));
        Assert.Null(await PeerReviews.FinishAsync(Wout, PeerReview));
        Assert.Null(await PeerReviewAftercare.ShareSummaryAsync(Ann, PeerReview, true));
    }

    public async ValueTask DisposeAsync() => await Db.DisposeAsync();
}
