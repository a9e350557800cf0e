using GeneralistischWerkt.Training.Web.Data;
using GeneralistischWerkt.Training.Web.Features.Access;
using GeneralistischWerkt.Training.Web.Features.Live;
using GeneralistischWerkt.Training.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GeneralistischWerkt.Training.Web.Tests;

/// <summary>
/// The live-session mechanism shared by team practice and intervisie: who may join, join codes and their rate limit,
/// optimistic concurrency, hand-over, and that every saved event (and only a saved one) is signalled.
/// World: Team Noord (Wout, Ann, Bram), Team Zuid (Wendy, Cas), beheerder Bea.
/// </summary>
public class LiveSessionTests : IAsyncLifetime
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 4, 19, 0, 0, TimeSpan.Zero));
    private TestDatabase db = default!;
    private string wout = "", ann = "", bram = "", wendy = "", cas = "", bea = "";
    private int noord, zuid;

    private LiveSessionService Live => db.Services.GetRequiredService<LiveSessionService>();
    private IChangeSignal Signal => db.Services.GetRequiredService<IChangeSignal>();

    public async Task InitializeAsync()
    {
        db = await TestDatabase.CreateAsync(services => services.AddSingleton<TimeProvider>(clock));
        bea = await db.CreateAsync("Bea Beheer", Roles.Admin);
        wout = await db.CreateAsync("Wout Werk", Roles.Supervisor);
        wendy = await db.CreateAsync("Wendy Werk", Roles.Supervisor);
        ann = await db.CreateAsync("Ann Coach", Roles.Coach);
        bram = await db.CreateAsync("Bram Coach", Roles.Coach);
        cas = await db.CreateAsync("Cas Coach", Roles.Coach);
        noord = (await db.Teams.CreateTeamAsync("Team Noord", [wout], [ann, bram])).Value;
        zuid = (await db.Teams.CreateTeamAsync("Team Zuid", [wendy], [cas])).Value;
    }

    public async Task DisposeAsync() => await db.DisposeAsync();

    private async Task<long> NewSessionAsync(string facilitator, int? team = null, IReadOnlyList<string>? invited = null)
    {
        var (id, error) = await Live.CreateAsync(facilitator, new NewLiveSession(LiveSessionKind.Practice, "Oefenen", team ?? noord, invited));
        Assert.Null(error);
        return id!.Value;
    }

    private async Task<string> CodeOfAsync(long id) => (await Live.LoadAsync(wout, id))!.Session.JoinCode;

    [Fact]
    public void Join_codes_are_random_short_and_free_of_look_alike_characters()
    {
        var codes = Enumerable.Range(0, 2000).Select(_ => JoinCodes.New()).ToList();
        Assert.All(codes, code => Assert.Equal(JoinCodes.Length, code.Length));
        Assert.All(codes, code => Assert.DoesNotContain(code, c => "0O1IL".Contains(c) || !JoinCodes.Alphabet.Contains(c)));
        Assert.Equal(codes.Count, codes.Distinct().Count());
        // Every character of the alphabet turns up: the draw is not stuck on a part of it.
        Assert.Equal(JoinCodes.Alphabet.Length, codes.SelectMany(c => c).Distinct().Count());
    }

    [Theory]
    [InlineData("abcd-efgh", "ABCDEFGH")]
    [InlineData(" ABCD EFGH ", "ABCDEFGH")]
    [InlineData("ABCDEFG", null)]
    [InlineData("ABCDEFG0", null)]
    [InlineData("", null)]
    public void Typed_codes_are_read_leniently_but_only_as_codes(string typed, string? expected) =>
        Assert.Equal(expected, JoinCodes.Normalise(typed));

    [Fact]
    public async Task Team_members_join_with_one_click_and_nobody_else_can()
    {
        var id = await NewSessionAsync(wout);
        Assert.Null(await Live.JoinAsync(ann, id));
        Assert.Null(await Live.JoinAsync(ann, id)); // twice is no error and no second row
        Assert.Equal(LiveSessionService.CannotJoin, await Live.JoinAsync(cas, id));
        Assert.Equal(LiveSessionService.CannotJoin, await Live.JoinAsync(wendy, id));
        Assert.Equal(LiveSessionService.CannotJoin, await Live.JoinAsync(bea, id));

        var view = (await Live.LoadAsync(ann, id))!;
        Assert.Equal(["Wout Werk", "Ann Coach"], view.Joined.Select(p => p.Name));
        Assert.True(view.Participants.Single(p => p.Name == "Wout Werk").IsFacilitator);
        Assert.Null(await Live.LoadAsync(bram, id)); // may join, has not: sees only the listing
        Assert.Null(await Live.LoadAsync(cas, id));
        Assert.Null(await Live.LoadAsync(bea, id));
    }

    [Fact]
    public async Task Only_team_members_see_a_session_listed_to_join_and_a_beheerder_sees_none()
    {
        var id = await NewSessionAsync(ann);
        Assert.Contains(await Live.ListAsync(bram), s => s.Id == id && !s.Joined && s.FacilitatorName == "Ann Coach");
        Assert.Contains(await Live.ListAsync(wout), s => s.Id == id);
        Assert.DoesNotContain(await Live.ListAsync(cas), s => s.Id == id);
        Assert.DoesNotContain(await Live.ListAsync(wendy), s => s.Id == id);
        Assert.Empty(await Live.ListAsync(bea, includeEnded: true));
        Assert.Empty(await db.WithDbAsync(d => AccessRules.VisibleLiveSessions(d, bea).ToListAsync()));
    }

    [Fact]
    public async Task Invited_participants_may_join_a_session_without_a_team_and_invitations_stay_within_ones_teams()
    {
        var (id, error) = await Live.CreateAsync(ann, new NewLiveSession(LiveSessionKind.PeerReview, "Intervisie", null, [bram]));
        Assert.Null(error);
        Assert.Equal(LiveSessionService.CannotJoin, await Live.JoinAsync(wout, id!.Value)); // same team, not invited
        Assert.Null(await Live.JoinAsync(bram, id.Value));

        var (_, refused) = await Live.CreateAsync(ann, new NewLiveSession(LiveSessionKind.PeerReview, "Intervisie", null, [cas]));
        Assert.Equal("Je kan alleen mensen uitnodigen met wie je in een team zit.", refused);
        var (_, otherTeam) = await Live.CreateAsync(ann, new NewLiveSession(LiveSessionKind.Practice, "Oefenen", zuid));
        Assert.Equal("Je kan alleen een sessie openen voor een team waarin je zit.", otherTeam);
    }

    [Fact]
    public async Task A_code_joins_a_team_member_but_a_coach_of_another_team_gets_the_same_answer_as_for_a_wrong_code()
    {
        var id = await NewSessionAsync(wout);
        var code = await CodeOfAsync(id);
        var (joined, error) = await Live.JoinByCodeAsync(bram, JoinCodes.Display(code).ToLowerInvariant());
        Assert.Null(error);
        Assert.Equal(id, joined);

        var (none, refused) = await Live.JoinByCodeAsync(cas, code);
        Assert.Null(none);
        Assert.Equal(LiveSessionService.WrongCode, refused);
        Assert.Equal(LiveSessionService.WrongCode, (await Live.JoinByCodeAsync(cas, "ZZZZ-ZZZZ")).Error);
        Assert.Null(await Live.LoadAsync(cas, id));
    }

    [Fact]
    public async Task Wrong_codes_are_limited_per_user_and_the_limit_passes_with_time()
    {
        var id = await NewSessionAsync(wout);
        var code = await CodeOfAsync(id);
        for (var i = 0; i < LiveSessionService.MaxFailedCodes; i++)
            Assert.Equal(LiveSessionService.WrongCode, (await Live.JoinByCodeAsync(ann, "ABCD-EFGH")).Error);

        // Now even the right code is refused for Ann, so guessing stops here; Bram is not affected.
        Assert.Equal(LiveSessionService.TooManyAttempts, (await Live.JoinByCodeAsync(ann, code)).Error);
        Assert.Equal(id, (await Live.JoinByCodeAsync(bram, code)).Id);

        clock.Advance(LiveSessionService.AttemptWindow + TimeSpan.FromSeconds(1));
        Assert.Equal(id, (await Live.JoinByCodeAsync(ann, code)).Id);
    }

    [Fact]
    public async Task A_planned_session_cannot_be_joined_until_it_is_opened_and_an_ended_one_not_at_all()
    {
        var (id, _) = await Live.CreateAsync(wout, new NewLiveSession(LiveSessionKind.PeerReview, "Later", noord, Status: LiveSessionStatus.Planned));
        Assert.Equal(LiveSessionRules.NotYetOpen, await Live.JoinAsync(ann, id!.Value));
        Assert.Equal(LiveSessionRules.NotParticipant, await Live.OpenAsync(ann, id.Value)); // not joined: cannot act at all
        Assert.Null(await Live.OpenAsync(wout, id.Value));
        Assert.Null(await Live.JoinAsync(ann, id.Value));
        Assert.Null(await Live.EndAsync(wout, id.Value));
        Assert.Equal(LiveSessionService.CannotJoin, await Live.JoinAsync(bram, id.Value));
        Assert.NotNull(await Live.LoadAsync(ann, id.Value)); // a participant still sees an ended session
    }

    [Fact]
    public async Task A_change_based_on_a_version_that_is_gone_is_refused_and_writes_nothing()
    {
        var id = await NewSessionAsync(wout);
        var seen = (await Live.LoadAsync(wout, id))!.Session.Version;
        Assert.Null(await Live.ChangeAsync(wout, id, LiveAction.Lead, Append("a"), seen));
        Assert.Equal(LiveSessionService.Changed, await Live.ChangeAsync(wout, id, LiveAction.Lead, Append("b"), seen));
        var session = (await Live.LoadAsync(wout, id))!.Session;
        Assert.Equal("a", session.Phase);
        Assert.Equal(seen + 1, session.Version);
    }

    [Fact]
    public async Task When_another_event_is_saved_between_read_and_write_the_database_refuses_and_the_event_is_applied_again_on_the_new_state()
    {
        var id = await NewSessionAsync(wout);
        var calls = 0;
        // The first time A is evaluated, event B lands before A is written: A's write must not overwrite B.
        var result = await Live.ChangeAsync(wout, id, LiveAction.Lead, async edit =>
        {
            if (++calls == 1) Assert.Null(await Live.ChangeAsync(wout, id, LiveAction.Lead, Append("b")));
            edit.Session.Phase += "a";
            return null;
        });
        Assert.Null(result);
        Assert.Equal(2, calls);
        Assert.Equal("ba", (await Live.LoadAsync(wout, id))!.Session.Phase);
    }

    [Fact]
    public async Task With_a_seen_version_the_same_race_is_refused_in_Dutch_instead()
    {
        var id = await NewSessionAsync(wout);
        var seen = (await Live.LoadAsync(wout, id))!.Session.Version;
        var result = await Live.ChangeAsync(wout, id, LiveAction.Lead, async edit =>
        {
            Assert.Null(await Live.ChangeAsync(wout, id, LiveAction.Lead, Append("b")));
            edit.Session.Phase += "a";
            return null;
        }, seen);
        Assert.Equal(LiveSessionService.Changed, result);
        Assert.Equal("b", (await Live.LoadAsync(wout, id))!.Session.Phase);
    }

    [Fact]
    public async Task Every_saved_event_is_signalled_after_the_save_and_a_refused_one_is_not()
    {
        var id = await NewSessionAsync(wout);
        var seenBySignal = new List<string>();
        using var _ = Signal.Subscribe(LiveSessionService.Topic(id), async () =>
            seenBySignal.Add(await db.WithDbAsync(d => d.LiveSessions.Where(s => s.Id == id).Select(s => s.Phase).SingleAsync())));

        Assert.Null(await Live.JoinAsync(ann, id));
        Assert.Null(await Live.ChangeAsync(wout, id, LiveAction.Lead, Append("x")));
        Assert.Equal(LiveSessionRules.OnlyFacilitator, await Live.ChangeAsync(ann, id, LiveAction.Lead, Append("y")));
        Assert.Equal("weigering", await Live.ChangeAsync(wout, id, LiveAction.Lead, _ => Task.FromResult<string?>("weigering")));
        Assert.Equal(LiveSessionRules.NotYetStarted, await Live.RecordAsync(ann, id, _ => Task.FromResult<string?>(null)));
        Assert.Null(await Live.StartAsync(wout, id));
        Assert.Null(await Live.RecordAsync(ann, id, _ => Task.FromResult<string?>(null)));

        // Join, change, start, record: four signals, each seeing the saved state (the change's "x" already stored).
        Assert.Equal(["", "x", "", ""], seenBySignal);
    }

    [Fact]
    public async Task The_facilitator_hands_over_to_a_joined_participant_who_then_leads_alone()
    {
        var id = await NewSessionAsync(wout);
        Assert.Equal("Die persoon neemt niet deel aan deze sessie.", await Live.HandOverAsync(wout, id, ann)); // not joined yet
        Assert.Null(await Live.JoinAsync(ann, id));
        Assert.Equal(LiveSessionRules.OnlyFacilitator, await Live.HandOverAsync(ann, id, ann));
        Assert.Null(await Live.HandOverAsync(wout, id, ann));

        var view = (await Live.LoadAsync(wout, id))!;
        Assert.False(view.IsFacilitator);
        Assert.Equal("Ann Coach", view.FacilitatorName);
        Assert.Equal(LiveSessionRules.OnlyFacilitator, await Live.StartAsync(wout, id));
        Assert.Null(await Live.StartAsync(ann, id));
    }

    [Fact]
    public async Task Starting_sets_the_first_step_and_its_clock_so_a_timer_survives_a_reload()
    {
        var id = await NewSessionAsync(wout);
        clock.Advance(TimeSpan.FromMinutes(3));
        Assert.Null(await Live.StartAsync(wout, id, phase: "kiezen"));
        var session = (await Live.LoadAsync(wout, id))!.Session;
        Assert.Equal(LiveSessionStatus.Running, session.Status);
        Assert.Equal((0, "kiezen"), (session.StepIndex, session.Phase));
        Assert.Equal(clock.GetUtcNow(), session.StepStartedAt);
        Assert.Equal(LiveSessionRules.AlreadyStarted, await Live.StartAsync(wout, id));
    }

    [Theory]
    // action, status, participant, facilitator, allowed
    [InlineData(LiveAction.Join, LiveSessionStatus.Planned, true, false, false)]
    [InlineData(LiveAction.Join, LiveSessionStatus.Open, true, false, true)]
    [InlineData(LiveAction.Join, LiveSessionStatus.Running, true, false, true)]
    [InlineData(LiveAction.Join, LiveSessionStatus.Ended, true, false, false)]
    [InlineData(LiveAction.Join, LiveSessionStatus.Open, false, false, false)]
    [InlineData(LiveAction.Open, LiveSessionStatus.Planned, true, true, true)]
    [InlineData(LiveAction.Open, LiveSessionStatus.Planned, true, false, false)]
    [InlineData(LiveAction.Open, LiveSessionStatus.Open, true, true, false)]
    [InlineData(LiveAction.Start, LiveSessionStatus.Open, true, true, true)]
    [InlineData(LiveAction.Start, LiveSessionStatus.Open, true, false, false)]
    [InlineData(LiveAction.Start, LiveSessionStatus.Planned, true, true, false)]
    [InlineData(LiveAction.Start, LiveSessionStatus.Running, true, true, false)]
    [InlineData(LiveAction.Lead, LiveSessionStatus.Running, true, true, true)]
    [InlineData(LiveAction.Lead, LiveSessionStatus.Open, true, true, true)]
    [InlineData(LiveAction.Lead, LiveSessionStatus.Running, true, false, false)]
    [InlineData(LiveAction.Lead, LiveSessionStatus.Ended, true, true, false)]
    [InlineData(LiveAction.Contribute, LiveSessionStatus.Running, true, false, true)]
    [InlineData(LiveAction.Contribute, LiveSessionStatus.Running, true, true, true)]
    [InlineData(LiveAction.Contribute, LiveSessionStatus.Open, true, false, false)]
    [InlineData(LiveAction.Contribute, LiveSessionStatus.Ended, true, false, false)]
    [InlineData(LiveAction.Contribute, LiveSessionStatus.Running, false, false, false)]
    [InlineData(LiveAction.HandOver, LiveSessionStatus.Running, true, true, true)]
    [InlineData(LiveAction.HandOver, LiveSessionStatus.Running, true, false, false)]
    [InlineData(LiveAction.End, LiveSessionStatus.Running, true, true, true)]
    [InlineData(LiveAction.End, LiveSessionStatus.Open, true, true, true)]
    [InlineData(LiveAction.End, LiveSessionStatus.Running, true, false, false)]
    [InlineData(LiveAction.End, LiveSessionStatus.Ended, true, true, false)]
    public void The_state_machine_says_who_may_do_what_in_which_status(LiveAction action, LiveSessionStatus status,
        bool participant, bool facilitator, bool allowed)
    {
        var refusal = LiveSessionRules.Check(action, status, participant, facilitator);
        if (allowed) Assert.Null(refusal);
        else Assert.False(string.IsNullOrWhiteSpace(refusal));
    }

    private static Func<LiveEdit, Task<string?>> Append(string text) => edit =>
    {
        edit.Session.Phase += text;
        return Task.FromResult<string?>(null);
    };
}
