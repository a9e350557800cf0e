namespace GeneralistischWerkt.Training.Web.Data;

/// <summary>
/// The intervisie kind's row of a <see cref="LiveSession"/>: the method (content), when it is planned, whose case it is,
/// and the case itself (the inbreng). The case text is the case owner's: only they write it, and they decide after the
/// meeting whether it is kept or deleted (deleting empties it for everyone). <see cref="Version"/> guards the texts
/// the owner and the facilitator type (inbreng, evaluation), like a reflection's.
/// </summary>
public class PeerReview : IVersioned
{
    public long LiveSessionId { get; set; }
    public LiveSession? Session { get; set; }

    /// <summary>The id of an <c>intervisiemethode</c> in content/.</summary>
    public string MethodId { get; set; } = "";

    public DateTimeOffset ScheduledFor { get; set; }

    /// <summary>The coach whose case is discussed (the inbrenger); a joined participant.</summary>
    public string CaseOwnerId { get; set; } = "";

    public string CaseDescription { get; set; } = "";
    public string CaseQuestion { get; set; } = "";

    /// <summary>Set when the owner deleted the case text after the meeting; the texts are then empty.</summary>
    public DateTimeOffset? CaseDeletedAt { get; set; }

    /// <summary>The owner chose to keep the case text after the meeting (decided: kept or deleted).</summary>
    public bool CaseKept { get; set; }

    /// <summary>
    /// One of the owner's own finished reflections or scenario attempts, attached with explicit consent: the
    /// participants of this intervisie may read it, nobody else through it.
    /// </summary>
    public long? AttachedReflectionId { get; set; }
    public long? AttachedAttemptId { get; set; }
    public DateTimeOffset? AttachedAt { get; set; }

    /// <summary>The owner agreed that participants see the summary (never with the case description).</summary>
    public DateTimeOffset? SummarySharedAt { get; set; }

    /// <summary>The facilitator's short evaluation of the process.</summary>
    public string Evaluation { get; set; } = "";

    public int Version { get; set; }
}

/// <summary>
/// What a participant adds in a phase (a question, a hypothesis, advice …), optionally seen through a basishouding.
/// The case owner answers or marks it as helpful; the facilitator can park it (kept, shown apart, for later).
/// </summary>
public class PeerReviewContribution
{
    public long Id { get; set; }
    public long SessionId { get; set; }
    public string AuthorId { get; set; } = "";
    public int PhaseIndex { get; set; }

    /// <summary><see cref="Core.Content.ContributionKind"/> of the phase it was added in.</summary>
    public int Kind { get; set; }

    public string Text { get; set; } = "";

    /// <summary>The id of a fiche (basishouding) the author tagged it with; null for none.</summary>
    public string? CoreAttitudeId { get; set; }

    public string Answer { get; set; } = "";
    public bool Helpful { get; set; }
    public bool Parked { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
