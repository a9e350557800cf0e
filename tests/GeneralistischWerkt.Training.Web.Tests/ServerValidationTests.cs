using GeneralistischWerkt.Training.Web.Data;
using GeneralistischWerkt.Training.Web.Features.Reflections;
using GeneralistischWerkt.Training.Web.Features.Scenarios;
using GeneralistischWerkt.Training.Web.Features.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GeneralistischWerkt.Training.Web.Tests;

/// <summary>
/// Values that come from the browser (enum values, ids, context from the address) are checked by the services: a
/// value outside the range is refused with a Dutch message and never stored.
/// </summary>
public class ServerValidationTests : IAsyncLifetime
{
    private PrivacyWorld w = default!;

    public async Task InitializeAsync() => w = await PrivacyWorld.CreateAsync();
    public async Task DisposeAsync() => await w.DisposeAsync();

    [Theory]
    [InlineData(-1)]
    [InlineData(4)]
    [InlineData(99)]
    public async Task A_session_with_an_unknown_form_is_refused(int form)
    {
        var before = await w.Db.WithDbAsync(db => db.SupervisionSessions.CountAsync());
        var (id, error) = await w.Supervision.CreateSessionAsync(w.Wout,
            new NewSession(w.Ann, DateOnly.FromDateTime(DateTime.Today), (SessionForm)form, [], []));
        Assert.Null(id);
        Assert.Equal("Kies een geldige vorm van werkbegeleiding.", error);
        Assert.Equal(before, await w.Db.WithDbAsync(db => db.SupervisionSessions.CountAsync()));
    }

    [Fact]
    public async Task A_review_with_an_unknown_state_is_refused_and_nothing_changes()
    {
        Assert.Equal("Kies gelezen of besproken.", await w.Reflections.ReviewAsync(w.Wout, w.SharedReflection, ["methodiektrouw"], (ReviewState)42));
        var stored = await w.Db.WithDbAsync(db => db.Reflections.SingleAsync(r => r.Id == w.SharedReflection));
        Assert.Equal(ReviewState.Unread, stored.ReviewState);
        Assert.Equal("", stored.Dimensions);
    }

    [Fact]
    public async Task A_team_role_outside_the_enum_is_refused()
    {
        var team = await w.Db.Teams.CreateTeamAsync("Team Test", [w.Wout], []);
        var result = await w.Db.Teams.AddAsync(team.Value, w.Ann, (TeamRole)7);
        Assert.Equal(["Kies lid of werkbegeleider als rol in het team."], result.Errors);
        Assert.Equal(0, await w.Db.WithDbAsync(db => db.TeamMemberships.CountAsync(m => m.UserId == w.Ann && m.TeamId == team.Value)));
    }

    [Fact]
    public async Task A_scenario_cannot_start_with_an_unknown_feedback_mode()
    {
        var play = ActivatorUtilities.CreateInstance<ScenarioPlayService>(w.Db.Services);
        var error = await Assert.ThrowsAsync<ArgumentException>(() => play.StartAsync(w.Ann, "eerste-gesprek", (FeedbackMode)5));
        Assert.StartsWith("Onbekende manier van feedback", error.Message);
        Assert.Equal(1, await w.Db.WithDbAsync(db => db.ScenarioAttempts.CountAsync()));
    }

    [Theory]
    [InlineData("hack", "les-1")]
    [InlineData("les", null)]
    public async Task A_reflection_context_from_the_address_is_checked(string kind, string? id)
    {
        var longId = id ?? new string('x', 5000);
        var reflection = await w.Reflections.CreateDraftAsync(w.Ann, "vrij", kind, longId);
        var stored = await w.Db.WithDbAsync(db => db.Reflections.SingleAsync(r => r.Id == reflection));
        Assert.Equal("vrij", stored.ContextKind);
        Assert.Null(stored.ContextId);
    }

    [Fact]
    public async Task An_agreement_due_in_the_past_is_refused_with_a_clear_message_and_today_is_accepted()
    {
        var today = Core.Formatting.DutchFormat.Today(TimeProvider.System.GetUtcNow());
        var before = await w.Db.WithDbAsync(db => db.Agreements.CountAsync());
        var error = await w.Supervision.AddAgreementAsync(w.Wout, w.Session, "Een ecogram maken", "Ann", today.AddDays(-1));
        Assert.NotNull(error);
        Assert.Contains("ligt in het verleden", error);
        Assert.Equal(before, await w.Db.WithDbAsync(db => db.Agreements.CountAsync()));
        Assert.Null(await w.Supervision.AddAgreementAsync(w.Wout, w.Session, "Een ecogram maken", "Ann", today));
    }
}
