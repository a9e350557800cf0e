using GeneralistischWerkt.Training.Core.Content;
using GeneralistischWerkt.Training.Core.PeerReview;
using GeneralistischWerkt.Training.Web.Data;
using GeneralistischWerkt.Training.Web.Features.Live;

namespace GeneralistischWerkt.Training.Web.Features.PeerReviews;

/// <summary>A contribution as every participant sees it (with its author's name: intervisie is not anonymous).</summary>
public sealed record ContributionView(long Id, string AuthorName, bool Mine, int PhaseIndex, ContributionKind Kind, string Text,
    string? CoreAttitudeId, string Answer, bool Helpful, bool Parked, DateTimeOffset CreatedAt);

/// <summary>The inbreng as this viewer may see it; null fields when they may not (after the meeting, or deleted).</summary>
public sealed record CaseView(string? Description, string? Question, bool Deleted, bool Kept, int Version);

/// <summary>An attachment the owner consented to share with this intervisie: its title and text as Markdown.</summary>
public sealed record AttachmentView(string Kind, long Id, string Title, IReadOnlyList<(string Heading, string Text)> Parts);

/// <summary>Everything one participant of an intervisie sees now; built by <see cref="PeerReviewService.LoadAsync"/>.</summary>
public sealed record PeerReviewView(LiveSessionView Live, PeerReview Review, ContentItem? Method, string CaseOwnerName, CaseView Case,
    AttachmentView? Attachment, IReadOnlyList<ContributionView> Contributions)
{
    public LiveSession Session => Live.Session;
    public string Me => Live.Me.UserId;
    public bool IsFacilitator => Live.IsFacilitator;
    public bool IsCaseOwner => Review.CaseOwnerId == Me;

    public PeerReviewRole Role => IsFacilitator ? PeerReviewRole.Facilitator : IsCaseOwner ? PeerReviewRole.CaseOwner : PeerReviewRole.Participant;

    public IReadOnlyList<PeerReviewMethodPhase> Phases => Method?.MethodPhases ?? [];

    /// <summary>The phase now running; null before the start, after the end, or when the method is gone.</summary>
    public PeerReviewMethodPhase? CurrentPhase =>
        Session.Status == LiveSessionStatus.Running && Session.StepIndex < Phases.Count ? Phases[Session.StepIndex] : null;

    public bool IsLastPhase => Session.StepIndex >= Phases.Count - 1;

    /// <summary>Why this viewer cannot add a contribution now, or null when they can.</summary>
    public string? ContributeRefusal => CurrentPhase is { } phase ? PeerReviewRules.CheckContribute(Role, phase) : LiveSessionRules.NotYetStarted;

    public bool SummaryShared => Review.SummarySharedAt is not null;
}

/// <summary>The summary after the meeting: per phase what was added, which basishoudingen were used, what was parked.</summary>
public sealed record PeerReviewSummary(PeerReviewView View, IReadOnlyList<(PeerReviewMethodPhase Phase, IReadOnlyList<ContributionView> Items)> ByPhase,
    IReadOnlyList<(string AttitudeId, int Count)> Attitudes, IReadOnlyList<ContributionView> Parked);
