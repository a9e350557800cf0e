using GeneralistischWerkt.Training.Core.Content;
using GeneralistischWerkt.Training.Core.PeerReview;

namespace GeneralistischWerkt.Training.Core.Tests.PeerReview;

public class PeerReviewRulesTests
{
    private static PeerReviewMethodPhase Phase(PhaseSpeaker speaker, ContributionKind kind) =>
        new("f", "Fase", "Doel.", 10, speaker, kind, new SourcePosition("m.md", 1, 1));

    [Theory]
    // Participants speak: only participants add.
    [InlineData(PhaseSpeaker.Participants, ContributionKind.Question, PeerReviewRole.Participant, null)]
    [InlineData(PhaseSpeaker.Participants, ContributionKind.Question, PeerReviewRole.CaseOwner, PeerReviewRules.CaseOwnerListens)]
    [InlineData(PhaseSpeaker.Participants, ContributionKind.Advice, PeerReviewRole.Facilitator, PeerReviewRules.FacilitatorLeads)]
    // Everyone speaks: everyone adds.
    [InlineData(PhaseSpeaker.Everyone, ContributionKind.Learning, PeerReviewRole.Participant, null)]
    [InlineData(PhaseSpeaker.Everyone, ContributionKind.Learning, PeerReviewRole.CaseOwner, null)]
    [InlineData(PhaseSpeaker.Everyone, ContributionKind.Hypothesis, PeerReviewRole.Facilitator, null)]
    // The case owner speaks: participants listen.
    [InlineData(PhaseSpeaker.CaseOwner, ContributionKind.Idea, PeerReviewRole.CaseOwner, null)]
    [InlineData(PhaseSpeaker.CaseOwner, ContributionKind.Idea, PeerReviewRole.Participant, "In deze fase spreekt de inbrenger; luister mee.")]
    [InlineData(PhaseSpeaker.Facilitator, ContributionKind.Learning, PeerReviewRole.Facilitator, null)]
    [InlineData(PhaseSpeaker.Facilitator, ContributionKind.Learning, PeerReviewRole.CaseOwner, PeerReviewRules.CaseOwnerListens)]
    // A listening phase takes nobody's contribution.
    [InlineData(PhaseSpeaker.CaseOwner, ContributionKind.None, PeerReviewRole.CaseOwner, PeerReviewRules.Listening)]
    [InlineData(PhaseSpeaker.Everyone, ContributionKind.None, PeerReviewRole.Participant, PeerReviewRules.Listening)]
    public void Who_may_contribute_depends_on_who_speaks_and_what_the_phase_asks(PhaseSpeaker speaker, ContributionKind kind, PeerReviewRole role, string? expected) =>
        Assert.Equal(expected, PeerReviewRules.CheckContribute(role, Phase(speaker, kind)));

    [Theory]
    [InlineData(PeerReviewRole.CaseOwner, true, false)]
    [InlineData(PeerReviewRole.Participant, false, false)]
    [InlineData(PeerReviewRole.Facilitator, false, true)]
    public void Only_the_case_owner_responds_and_only_who_leads_parks(PeerReviewRole role, bool mayRespond, bool mayPark)
    {
        Assert.Equal(mayRespond, PeerReviewRules.CheckRespond(role) is null);
        Assert.Equal(mayPark, PeerReviewRules.CheckPark(role) is null);
    }

    [Fact]
    public void The_timer_counts_from_the_stored_start_and_runs_over()
    {
        var start = new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);

        Assert.Equal("nog 10:00", PeerReviewRules.TimerText(PeerReviewRules.Remaining(start, 10, start)));
        Assert.Equal("nog 4:05", PeerReviewRules.TimerText(PeerReviewRules.Remaining(start, 10, start.AddSeconds(355))));
        Assert.Equal("1:10 over tijd", PeerReviewRules.TimerText(PeerReviewRules.Remaining(start, 10, start.AddSeconds(670))));
    }
}
