using GeneralistischWerkt.Training.Core.Formatting;
using GeneralistischWerkt.Training.Web.Data;
using GeneralistischWerkt.Training.Web.Features.Modules;
using GeneralistischWerkt.Training.Web.Features.Notifications;
using GeneralistischWerkt.Training.Web.Features.StartPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GeneralistischWerkt.Training.Web.Tests;

/// <summary>
/// What the start pages answer to "what now?", from the PrivacyWorld (Ann supervised by Wout with an unfinished attempt,
/// a shared reflection, a session today and an agreement about an ecogram; Bram supervised by Wendy).
/// </summary>
public class StartPageDataTests : IAsyncLifetime
{
    private PrivacyWorld w = default!;

    public async Task InitializeAsync() => w = await PrivacyWorld.CreateAsync();
    public async Task DisposeAsync() => await w.DisposeAsync();

    private T Get<T>() where T : notnull => w.Db.Services.GetRequiredService<T>();

    [Fact]
    public async Task The_coach_continues_the_most_recent_unfinished_thing_lesson_or_scenario()
    {
        var start = await Get<CoachStartPage>().LoadAsync(w.Ann);
        Assert.Equal(new Place("Rollenspel", $"/scenarios/eerste-gesprek/pogingen/{w.Attempt}"),
            start.Continue is { } c ? new Place(c.KindName, c.Link) : null);

        // A wrong answer in a lesson later than the attempt's last choice: the lesson is now where she left off.
        var lesson = Get<ContentStore>().Library.Modules.SelectMany(m => Get<ContentStore>().Library.LessonsOf(m.Id))
            .First(l => l.Checks.Count > 0);
        Assert.False(await Get<ProgressService>().RecordAnswerAsync(w.Ann, lesson.Id, lesson.Checks[0].Id, false, "{}"));
        start = await Get<CoachStartPage>().LoadAsync(w.Ann);
        Assert.Equal("Les", start.Continue!.KindName);
        Assert.Equal(lesson.Title, start.Continue.Title);
    }

    [Fact]
    public async Task The_coach_sees_her_open_agreements_what_is_new_and_a_suggestion_from_the_agreement_first()
    {
        var start = await Get<CoachStartPage>().LoadAsync(w.Ann);
        Assert.Equal([w.Agreement], start.OpenAgreements.Select(a => a.Id));
        Assert.Equal(3, start.Unread.Count);
        Assert.NotNull(start.Next);
        Assert.Contains("ecogram", start.Next.Title, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Uit je afspraak ‘Een ecogram maken met de cliënt’.", start.Next.Reason);
        Assert.Equal(Get<ContentStore>().Library.Modules.Count, start.Progress.Modules.Count);

        // Once read, nothing is "new since the last visit"; a finished agreement is no longer open nor a reason.
        await Get<UserNotifications>().MarkAllReadAsync(w.Ann);
        await w.Db.WithDbAsync(db => db.Agreements.Where(a => a.Id == w.Agreement)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.Status, AgreementStatus.Done)));
        start = await Get<CoachStartPage>().LoadAsync(w.Ann);
        Assert.Empty(start.Unread);
        Assert.Empty(start.OpenAgreements);
        Assert.StartsWith("De volgende les van de module", start.Next!.Reason);
    }

    [Fact]
    public async Task The_werkbegeleider_sees_per_own_coach_progress_activity_unread_shares_overdue_agreements_and_next_session()
    {
        var today = DutchFormat.Today(TimeProvider.System.GetUtcNow());
        await w.Db.WithDbAsync(db => db.Agreements.Where(a => a.Id == w.Agreement)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.DueDate, today.AddDays(-2))));
        var sessionDate = await w.Db.WithDbAsync(db => db.SupervisionSessions.Where(s => s.Id == w.Session).Select(s => s.Date).SingleAsync());

        var wout = await Get<SupervisorStartPage>().LoadAsync(w.Wout);
        var ann = Assert.Single(wout.Coaches);
        Assert.Equal((w.Ann, "Ann Coach", 1, 1), (ann.CoachId, ann.Name, ann.UnreadShared, ann.OverdueAgreements));
        Assert.Equal(sessionDate >= today ? sessionDate : null, ann.NextSession);
        Assert.NotNull(ann.LastActivity);
        Assert.Equal(0, ann.LessonsDone);
        Assert.True(ann.LessonsTotal > 0);
        Assert.Equal(Get<ContentStore>().Library.Modules.Count, wout.Modules.Count);
        Assert.All(wout.Modules, row => Assert.Equal([0], row.PerCoach));

        // Wendy supervises Bram only: nothing of Ann's reaches her page. A beheerder supervises nobody.
        var wendy = await Get<SupervisorStartPage>().LoadAsync(w.Wendy);
        var bram = Assert.Single(wendy.Coaches);
        Assert.Equal((w.Bram, 0, 0, (DateOnly?)null, (DateTimeOffset?)null),
            (bram.CoachId, bram.UnreadShared, bram.OverdueAgreements, bram.NextSession, bram.LastActivity));
        Assert.Empty((await Get<SupervisorStartPage>().LoadAsync(w.Admin)).Coaches);
    }

    [Fact]
    public async Task A_share_read_by_the_werkbegeleider_is_no_longer_counted_as_unread()
    {
        Assert.Null(await w.Reflections.ReviewAsync(w.Wout, w.SharedReflection, null, ReviewState.Read));
        var ann = Assert.Single((await Get<SupervisorStartPage>().LoadAsync(w.Wout)).Coaches);
        Assert.Equal(0, ann.UnreadShared);
    }

    [Fact]
    public async Task The_team_view_shows_each_coachs_competencies_from_a_finished_scenario_lowest_team_score_first()
    {
        var play = Get<GeneralistischWerkt.Training.Web.Features.Scenarios.ScenarioPlayService>();
        var scenario = Get<GeneralistischWerkt.Training.Web.Features.Scenarios.ScenarioStore>().Find("eerste-gesprek")!;
        var attempt = await play.StartAsync(w.Ann, scenario.Id, FeedbackMode.AtEnd);
        var path = scenario.TestPaths[0].Choices;
        var view = await play.LoadAsync(w.Ann, attempt);
        for (var step = 0; step < path.Count; step++) Assert.NotNull(view = await play.ChooseAsync(w.Ann, view!, step, path[step] - 1));

        var wout = await Get<SupervisorStartPage>().LoadAsync(w.Wout);
        Assert.NotEmpty(wout.Competencies);
        Assert.All(wout.Competencies, row => Assert.Equal(row.PerCoach.Single(), row.Team));
        Assert.Equal(wout.Competencies.OrderBy(r => r.Team).Select(r => r.Team), wout.Competencies.Select(r => r.Team));
        // Wendy's team view holds nothing of Ann's play.
        Assert.Empty((await Get<SupervisorStartPage>().LoadAsync(w.Wendy)).Competencies);
    }

    private sealed record Place(string KindName, string Link);
}
