namespace GeneralistischWerkt.Training.Web.Data;

/// <summary>Which group feature a live session belongs to; each kind keeps its own data in its own tables.</summary>
public enum LiveSessionKind
{
    /// <summary>Team practice on a scenario ("oefensessie": Samen beslissen or Telefoonrollenspel).</summary>
    Practice = 0,

    /// <summary>Intervisie: a structured peer consultation.</summary>
    PeerReview = 1,
}

public enum LiveSessionStatus
{
    /// <summary>Created for later: visible to who may join, not yet joinable.</summary>
    Planned = 0,

    /// <summary>Joinable; the facilitator has not started yet (the "lobby").</summary>
    Open = 1,

    /// <summary>Started; still joinable (a late joiner lands on the current step).</summary>
    Running = 2,

    /// <summary>Finished; read-only for its participants.</summary>
    Ended = 3,
}

/// <summary>
/// A live group session shown on several devices at once (see Features/Live/LiveSessionService.cs for the mechanism).
/// This row holds the state every kind shares; it is the one truth: every event is saved here (or in the kind's own
/// rows) before any page hears of it, so a reload, a lost connection or a server restart resumes where it was.
/// </summary>
public class LiveSession : IVersioned
{
    public long Id { get; set; }
    public LiveSessionKind Kind { get; set; }
    public string Title { get; set; } = "";

    /// <summary>Who leads the session now; can be handed over to another participant who joined.</summary>
    public string FacilitatorId { get; set; } = "";

    /// <summary>
    /// The team whose members (coaches and werkbegeleiders) may join; null when only the invited participants
    /// (<see cref="LiveParticipant"/> rows with <see cref="LiveParticipant.JoinedAt"/> still null) may.
    /// </summary>
    public int? TeamId { get; set; }

    /// <summary>Short code to join from another device; random from an unambiguous alphabet (see JoinCodes).</summary>
    public string JoinCode { get; set; } = "";

    public LiveSessionStatus Status { get; set; }

    /// <summary>The current step (a decision of a scenario, a phase of an intervisie), 0-based.</summary>
    public int StepIndex { get; set; }

    /// <summary>A kind's sub-state within the step (for example "kiezen" or "getoond"); empty when it has none.</summary>
    public string Phase { get; set; } = "";

    /// <summary>When the current step started, stored so a timer survives reloads and restarts.</summary>
    public DateTimeOffset? StepStartedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>Raised by every state change; the database refuses a change based on an older version.</summary>
    public int Version { get; set; }

    public List<LiveParticipant> Participants { get; set; } = [];
}

/// <summary>
/// A person in a live session. A row with <see cref="JoinedAt"/> null is an invitation (a chosen participant who has
/// not joined yet); only joined participants see the session.
/// </summary>
public class LiveParticipant
{
    public long Id { get; set; }
    public long SessionId { get; set; }
    public LiveSession? Session { get; set; }
    public string UserId { get; set; } = "";
    public ApplicationUser? User { get; set; }

    /// <summary>The kind's role for this person (for example "coach", "andere-partij", "observator"); empty for none.</summary>
    public string Role { get; set; } = "";

    public DateTimeOffset? InvitedAt { get; set; }
    public DateTimeOffset? JoinedAt { get; set; }
}

/// <summary>A wrong or refused join code, kept to limit guessing per user (persisted, so it holds across instances).</summary>
public class LiveJoinFailure
{
    public long Id { get; set; }
    public string UserId { get; set; } = "";
    public DateTimeOffset At { get; set; }
}
