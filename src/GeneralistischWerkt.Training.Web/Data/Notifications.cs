namespace GeneralistischWerkt.Training.Web.Data;

/// <summary>What a notification is about; each kind points to one kind of thing (see <see cref="Notification.TargetId"/>).</summary>
public enum NotificationKind
{
    /// <summary>A comment on a reflection; the target is the reflection.</summary>
    ReflectionComment = 0,

    /// <summary>A comment on a choice in a scenario attempt; the target is the attempt.</summary>
    AttemptComment = 1,

    /// <summary>A coach shared a reflection with their werkbegeleider; the target is the reflection.</summary>
    ReflectionShared = 2,

    /// <summary>A werkbegeleider planned a session with the coach; the target is the session.</summary>
    SessionPlanned = 3,

    /// <summary>An open agreement is due within a few days; the target is the agreement.</summary>
    AgreementDueSoon = 4,

    /// <summary>An open agreement is past its date; the target is the agreement.</summary>
    AgreementOverdue = 5,
}

/// <summary>
/// A "melding" for one person. The text is written when the event happens, but it is only ever shown after access to
/// the target has been checked again (Features/Notifications), so a withdrawn share or a deleted reflection never
/// shows its title through an old notification.
/// </summary>
public class Notification
{
    public long Id { get; set; }
    public string RecipientId { get; set; } = "";
    public NotificationKind Kind { get; set; }
    public long TargetId { get; set; }

    /// <summary>Short Dutch text, e.g. "Wout reageerde op je reflectie ‘Eerste gesprek’".</summary>
    public string Text { get; set; } = "";

    /// <summary>Local path of the thing it points to.</summary>
    public string Link { get; set; } = "";

    /// <summary>
    /// Set for notices that must exist once only (an agreement due soon, an agreement overdue); unique per recipient,
    /// so creating them again on every page load adds nothing.
    /// </summary>
    public string? OnceKey { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }

    /// <summary>When it went out in an e-mail digest (only when digests are switched on).</summary>
    public DateTimeOffset? MailedAt { get; set; }
}
