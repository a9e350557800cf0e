namespace GeneralistischWerkt.Training.Web.Data;

public enum ReflectionStatus
{
    Draft = 0,
    Final = 1,
}

public enum ReviewState
{
    Unread = 0,
    Read = 1,
    Discussed = 2,
}

/// <summary>
/// A coach's reflection. It belongs to its author: private until the author shares it with their werkbegeleider
/// (<see cref="SharedWithId"/> names that one person), and the author can withdraw the share or delete it.
/// </summary>
public class Reflection : IVersioned
{
    public long Id { get; set; }
    public string AuthorId { get; set; } = "";
    public string Title { get; set; } = "";

    /// <summary>Template id: "vrij", "korthagen", "starr" or "basishouding".</summary>
    public string TemplateId { get; set; } = "vrij";

    /// <summary>The text per template section, as JSON (section key → Markdown).</summary>
    public string SectionsJson { get; set; } = "{}";

    public ReflectionStatus Status { get; set; }

    /// <summary>What the reflection is about: "vrij", "poging" (a scenario attempt) or "les" (a lesson).</summary>
    public string ContextKind { get; set; } = "vrij";
    public string? ContextId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The werkbegeleider it is shared with, or null when private. Never a draft.</summary>
    public string? SharedWithId { get; set; }
    public DateTimeOffset? SharedAt { get; set; }
    public ReviewState ReviewState { get; set; }

    /// <summary>Comma-separated werkbegeleiding dimensions the werkbegeleider tagged it with.</summary>
    public string Dimensions { get; set; } = "";

    /// <summary>
    /// Raised by one on every save of the text; a save based on an older version is refused (optimistic concurrency),
    /// so a second window never silently overwrites newer text.
    /// </summary>
    public int Version { get; set; }
}

/// <summary>Every read of a reflection by someone other than its author: who and when. The author sees these.</summary>
public class ReflectionRead
{
    public long Id { get; set; }
    public long ReflectionId { get; set; }
    public string ReaderId { get; set; } = "";
    public DateTimeOffset ReadAt { get; set; }
}

/// <summary>A comment in the thread under a reflection, or on one choice (step) of a scenario attempt.</summary>
public class Comment
{
    public long Id { get; set; }
    public long? ReflectionId { get; set; }
    public long? AttemptId { get; set; }
    public int? StepIndex { get; set; }
    public string AuthorId { get; set; } = "";
    public string Text { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}

public enum SessionForm
{
    Individual = 0,
    CoachingOnTheJob = 1,
    HomeVisit = 2,
    PhoneConsultation = 3,
}

/// <summary>A werkbegeleiding session of one werkbegeleider with one coach.</summary>
public class SupervisionSession : IVersioned
{
    public long Id { get; set; }
    public string SupervisorId { get; set; } = "";
    public string CoachId { get; set; } = "";
    public DateOnly Date { get; set; }
    public SessionForm Form { get; set; }

    /// <summary>Agenda items as JSON: shared reflections, attempts and open agreements brought to this session.</summary>
    public string AgendaJson { get; set; } = "[]";

    public string NotesTask { get; set; } = "";
    public string NotesProcess { get; set; } = "";
    public string NotesPersonal { get; set; } = "";
    public string NotesMethod { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Version of the notes, checked on every save like <see cref="Reflection.Version"/>.</summary>
    public int Version { get; set; }
}

public enum AgreementStatus
{
    Open = 0,
    InProgress = 1,
    Done = 2,
    Dropped = 3,
}

/// <summary>A binding agreement made in a werkbegeleiding session. Open ones carry over to the next session.</summary>
public class Agreement : IVersioned
{
    public long Id { get; set; }

    /// <summary>The werkbegeleiding session it was made in; null when the coach made it from an intervisie.</summary>
    public long? SessionId { get; set; }

    /// <summary>The intervisie (its live session) the coach took it from, if any.</summary>
    public long? PeerReviewId { get; set; }

    public string CoachId { get; set; } = "";
    public string SupervisorId { get; set; } = "";
    public string What { get; set; } = "";
    public string Who { get; set; } = "";
    public DateOnly? DueDate { get; set; }
    public AgreementStatus Status { get; set; }
    public string ProgressNote { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Version of status and progress note, checked on every save like <see cref="Reflection.Version"/>.</summary>
    public int Version { get; set; }
}
