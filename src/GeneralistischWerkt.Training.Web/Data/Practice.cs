namespace GeneralistischWerkt.Training.Web.Data;

public enum PracticeMode
{
    /// <summary>"Samen beslissen": everyone votes privately at each decision, the facilitator picks for the team.</summary>
    DecideTogether = 0,

    /// <summary>"Telefoonrollenspel": a coach, the other party with a role card, and observers with a checklist.</summary>
    PhoneRolePlay = 1,
}

/// <summary>The practice kind's row of a <see cref="LiveSession"/>: which scenario, in which mode.</summary>
public class PracticeSession
{
    public long LiveSessionId { get; set; }
    public LiveSession? Session { get; set; }
    public string ScenarioId { get; set; } = "";
    public PracticeMode Mode { get; set; }
}

/// <summary>
/// A decision taken in a practice session (by the facilitator for the team, or by the coach in a role-play).
/// (SessionId, Index) is unique, so a doubled pick cannot take two steps. The path is the scenario state: replayed.
/// </summary>
public class PracticeStep
{
    public long Id { get; set; }
    public long SessionId { get; set; }
    public int Index { get; set; }
    public string NodeId { get; set; } = "";
    public int ChoiceIndex { get; set; }

    /// <summary>The option as shown, so the debrief stays readable if the scenario file changes later.</summary>
    public string ChoiceText { get; set; } = "";

    public DateTimeOffset ChosenAt { get; set; }
}

/// <summary>
/// A participant's private vote at a decision. Only the voter ever sees <see cref="UserId"/> with the choice: every
/// other view and export gets counts (PracticeService never returns another person's votes).
/// </summary>
public class PracticeVote
{
    public long Id { get; set; }
    public long SessionId { get; set; }
    public int StepIndex { get; set; }
    public string UserId { get; set; } = "";
    public int ChoiceIndex { get; set; }
    public DateTimeOffset VotedAt { get; set; }
}

/// <summary>An observer's tick (seen or not) and note for one checklist item in a role-play.</summary>
public class PracticeTick
{
    public long Id { get; set; }
    public long SessionId { get; set; }
    public string UserId { get; set; } = "";
    public string ItemId { get; set; } = "";
    public bool Seen { get; set; }
    public string Note { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>How many voted for one option at one decision: the only form in which anyone but the voter sees votes.</summary>
public sealed record VoteCount(int StepIndex, int ChoiceIndex, int Count);
