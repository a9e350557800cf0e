using GeneralistischWerkt.Training.Web.Data;
using GeneralistischWerkt.Training.Web.Features.Live;
using GeneralistischWerkt.Training.Web.Features.Practice;
using GeneralistischWerkt.Training.Web.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace GeneralistischWerkt.Training.Web.Tests;

/// <summary>
/// The practice state machine on the real scenarios: who may do what in which phase, and that votes stay anonymous
/// in every view except the voter's own. World: Team Noord (Wout, Ann, Bram), Team Zuid (Wendy, Cas), beheerder Bea.
/// </summary>
public class PracticeServiceTests : IAsyncLifetime
{
    private TestDatabase db = default!;
    private string wout = "", ann = "", bram = "", cas = "", bea = "";
    private int noord;

    private PracticeService Practice => db.Services.GetRequiredService<PracticeService>();

    public async Task InitializeAsync()
    {
        db = await TestDatabase.CreateAsync(services => services.AddScoped<PracticeService>());
        bea = await db.CreateAsync("Bea Beheer", Roles.Admin);
        wout = await db.CreateAsync("Wout Werk", Roles.Supervisor);
        var wendy = await db.CreateAsync("Wendy Werk", Roles.Supervisor);
        ann = await db.CreateAsync("Ann Coach", Roles.Coach);
        bram = await db.CreateAsync("Bram Coach", Roles.Coach);
        cas = await db.CreateAsync("Cas Coach", Roles.Coach);
        noord = (await db.Teams.CreateTeamAsync("Team Noord", [wout], [ann, bram])).Value;
        await db.Teams.CreateTeamAsync("Team Zuid", [wendy], [cas]);
    }

    public async Task DisposeAsync() => await db.DisposeAsync();

    private string RolePlayScenario => Practice.Scenarios.First(s => s.SupportsRolePlay).Id;

    private async Task<long> OpenAsync(PracticeMode mode, params string[] joiners)
    {
        var (id, error) = await Practice.CreateAsync(wout, noord, RolePlayScenario, mode);
        Assert.Null(error);
        foreach (var person in joiners) Assert.Null(await Practice.JoinAsync(person, id!.Value));
        return id!.Value;
    }

    private async Task<PracticeView> ViewAsync(string userId, long id) => (await Practice.LoadAsync(userId, id))!;

    [Fact]
    public async Task Decide_together_walks_choose_reveal_pick_next_and_only_the_right_person_acts_in_each_phase()
    {
        var id = await OpenAsync(PracticeMode.DecideTogether, ann, bram);
        Assert.NotNull(await Practice.VoteAsync(ann, id, 0, 0)); // not started: no voting
        Assert.NotNull(await Practice.StartAsync(ann, id)); // only the facilitator starts
        Assert.Null(await Practice.StartAsync(wout, id));

        var started = await ViewAsync(ann, id);
        Assert.Equal(PracticePhases.Choosing, started.Phase); // a started session takes votes at once
        Assert.NotNull(await Practice.VoteAsync(wout, id, 0, 0)); // the facilitator does not vote
        Assert.NotNull(await Practice.PickAsync(wout, id, 0, 0)); // nothing to pick before the reveal
        Assert.NotNull(await Practice.RevealAsync(ann, id, 0)); // a participant does not reveal
        Assert.Null(await Practice.VoteAsync(ann, id, 0, 1));
        Assert.Null(await Practice.VoteAsync(ann, id, 0, 0)); // may change her mind: still one vote
        Assert.Null(await Practice.VoteAsync(bram, id, 0, 0));
        Assert.NotNull(await Practice.VoteAsync(bram, id, 0, 99));
        Assert.Equal(2, (await ViewAsync(wout, id)).VotesCast);

        Assert.Null(await Practice.RevealAsync(wout, id, 0));
        Assert.NotNull(await Practice.VoteAsync(bram, id, 0, 1)); // voting closed once shown
        var shown = (await ViewAsync(wout, id)).Distribution(0, 2);
        Assert.Equal(new[] { 2, 0 }, shown);
        Assert.NotNull(await Practice.PickAsync(ann, id, 0, 0));
        Assert.Null(await Practice.PickAsync(wout, id, 0, 0));
        Assert.NotNull(await Practice.NextAsync(ann, id, 0));
        Assert.Null(await Practice.NextAsync(wout, id, 0));
        Assert.NotNull(await Practice.NextAsync(wout, id, 0)); // a second "next" on the old step does not move twice

        var next = await ViewAsync(bram, id);
        Assert.Equal(1, next.StepIndex);
        Assert.Equal(PracticePhases.Choosing, next.Phase);
        Assert.Null(next.MyVote);
        Assert.NotNull(await Practice.CoachPickAsync(ann, id, 1, 0)); // role-play actions do not apply here
    }

    [Fact]
    public async Task A_vote_is_seen_only_by_its_voter_others_see_counts_and_outsiders_and_the_beheerder_see_nothing()
    {
        var id = await OpenAsync(PracticeMode.DecideTogether, ann, bram);
        Assert.Null(await Practice.StartAsync(wout, id));
        Assert.Null(await Practice.VoteAsync(ann, id, 0, 1));

        Assert.Equal(1, (await ViewAsync(ann, id)).MyVote);
        foreach (var other in new[] { bram, wout })
        {
            var view = await ViewAsync(other, id);
            Assert.Null(view.MyVote);
            Assert.Empty(view.MyVotes);
            Assert.Equal(1, view.VotesCast);
        }
        Assert.Null(await Practice.LoadAsync(cas, id));
        Assert.Null(await Practice.LoadAsync(bea, id));
        Assert.Null(await Practice.JoinableAsync(cas, id));
        Assert.Null(await Practice.JoinableAsync(bea, id));
        Assert.NotNull(await Practice.JoinAsync(cas, id));
        Assert.NotNull(await Practice.JoinAsync(bea, id));
        Assert.NotNull(await Practice.VoteAsync(cas, id, 0, 0));
        Assert.DoesNotContain(await Practice.ListAsync(bea), s => s.Id == id);
        Assert.DoesNotContain(await Practice.ListAsync(cas), s => s.Id == id);

        // After a decision the team took, each voter's own score is theirs alone: Bram, who never voted, gets none.
        Assert.Null(await Practice.RevealAsync(wout, id, 0));
        Assert.Null(await Practice.PickAsync(wout, id, 0, 0));
        Assert.Null(await Practice.NextAsync(wout, id, 0));
        Assert.Null(await Practice.FinishAsync(wout, id));
        Assert.NotNull((await ViewAsync(ann, id)).Debrief()!.MyScores);
        Assert.Null((await ViewAsync(bram, id)).Debrief()!.MyScores);
        Assert.Null((await ViewAsync(wout, id)).Debrief()!.MyScores);
    }

    [Fact]
    public async Task Role_play_needs_a_coach_and_another_party_and_each_role_does_only_its_own_part()
    {
        var id = await OpenAsync(PracticeMode.PhoneRolePlay, ann, bram);
        Assert.NotNull(await Practice.StartAsync(wout, id)); // no roles yet
        Assert.NotNull(await Practice.AssignRoleAsync(ann, id, bram, PracticeRoles.Coach)); // only the lead assigns
        Assert.NotNull(await Practice.AssignRoleAsync(wout, id, ann, "regisseur"));
        Assert.Null(await Practice.AssignRoleAsync(wout, id, ann, PracticeRoles.Coach));
        Assert.Null(await Practice.AssignRoleAsync(wout, id, bram, PracticeRoles.OtherParty));
        Assert.Null(await Practice.AssignRoleAsync(wout, id, wout, PracticeRoles.Observer));
        Assert.Null(await Practice.StartAsync(wout, id));

        Assert.Equal(PracticePhases.Playing, (await ViewAsync(ann, id)).Phase);
        var item = (await ViewAsync(wout, id)).Scenario!.Observation[0].Id;
        Assert.NotNull(await Practice.TickAsync(ann, id, item, true, null)); // the coach does not tick
        Assert.NotNull(await Practice.TickAsync(wout, id, "bestaat-niet", true, null));
        Assert.Null(await Practice.TickAsync(wout, id, item, true, "vroeg wie er belde"));
        Assert.NotNull(await Practice.CoachPickAsync(bram, id, 0, 0)); // only the coach picks
        Assert.NotNull(await Practice.CoachPickAsync(wout, id, 0, 0));
        Assert.NotNull(await Practice.VoteAsync(bram, id, 0, 0)); // no votes in a role-play
        Assert.Null(await Practice.CoachPickAsync(ann, id, 0, 0));
        Assert.NotNull(await Practice.CoachPickAsync(ann, id, 0, 0)); // that step is past
        Assert.Equal(1, (await ViewAsync(bram, id)).StepIndex);

        // While it runs an observer's ticks are theirs alone.
        Assert.Single((await ViewAsync(wout, id)).Ticks);
        Assert.Empty((await ViewAsync(ann, id)).Ticks);
        Assert.Empty((await ViewAsync(bram, id)).Ticks);
    }
}
