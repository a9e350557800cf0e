namespace GeneralistischWerkt.Training.Web.Data;

/// <summary>A lesson a user finished: every knowledge check of it answered correctly at least once.</summary>
public class LessonCompletion
{
    public string UserId { get; set; } = "";
    public string LessonId { get; set; } = "";
    public DateTimeOffset CompletedAt { get; set; }
}

/// <summary>One answer to one knowledge check. The first answer per check tells first-try correctness.</summary>
public class CheckAnswer
{
    public long Id { get; set; }
    public string UserId { get; set; } = "";
    public string LessonId { get; set; } = "";
    public string CheckId { get; set; } = "";
    public DateTimeOffset AnsweredAt { get; set; }
    public bool IsCorrect { get; set; }

    /// <summary>The answer as JSON (chosen options, order or matches), kept for the learner's own export.</summary>
    public string AnswerJson { get; set; } = "";
}
