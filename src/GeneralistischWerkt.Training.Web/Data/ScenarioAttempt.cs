namespace GeneralistischWerkt.Training.Web.Data;

public enum FeedbackMode
{
    AfterEachChoice = 0,
    AtEnd = 1,
}

/// <summary>
/// One play of a scenario by one user. The steps are the whole state (the engine replays them), so a run survives a
/// reload, a dropped connection or a server restart; every choice is stored the moment it is made.
/// </summary>
public class ScenarioAttempt
{
    public long Id { get; set; }
    public string UserId { get; set; } = "";
    public string ScenarioId { get; set; } = "";
    public FeedbackMode FeedbackMode { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>"geslaagd", "deels" or "niet-geslaagd" once finished.</summary>
    public string? Outcome { get; set; }

    /// <summary>Final score per competency as JSON, with the maxima at that time, for history and growth charts.</summary>
    public string? ScoresJson { get; set; }

    public List<AttemptStep> Steps { get; set; } = [];
}

/// <summary>
/// A choice made in an attempt. (AttemptId, Index) is unique: a second submit of the same step (a double click, a
/// resent request after reconnecting) cannot be counted twice.
/// </summary>
public class AttemptStep
{
    public long Id { get; set; }
    public long AttemptId { get; set; }
    public ScenarioAttempt? Attempt { get; set; }
    public int Index { get; set; }
    public string NodeId { get; set; } = "";
    public int ChoiceIndex { get; set; }

    /// <summary>The choice text as shown, kept so the transcript stays readable if the scenario file changes later.</summary>
    public string ChoiceText { get; set; } = "";

    public DateTimeOffset ChosenAt { get; set; }

    /// <summary>The coach's answer to the choice's reflection question, if the scenario asks one.</summary>
    public string? ReflectionAnswer { get; set; }
}
