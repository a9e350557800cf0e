using GeneralistischWerkt.Training.Core.Content;

namespace GeneralistischWerkt.Training.Core.PeerReview;

/// <summary>Someone's part in an intervisie.</summary>
public enum PeerReviewRole
{
    /// <summary>Leads the intervisie (usually the werkbegeleider who planned it).</summary>
    Facilitator,
    /// <summary>The coach whose case is discussed (de inbrenger).</summary>
    CaseOwner,
    /// <summary>A colleague who helps.</summary>
    Participant,
}

/// <summary>
/// Who may add what in which phase of an intervisie, pure so every combination is tested. The generic live-session
/// rules (joined, running, facilitator) come first; these are the method's own. Every refusal is Dutch for the page.
/// </summary>
public static class PeerReviewRules
{
    public const string Listening = "In deze fase vraagt de methode geen bijdragen; luister mee. Je kan bijdragen in een volgende fase.";
    public const string CaseOwnerListens = "Als inbrenger luister je in deze fase; je kan antwoorden op de bijdragen of aanduiden wat je helpt.";
    public const string FacilitatorLeads = "Wie de intervisie leidt, bewaakt in deze fase het proces; de deelnemers brengen hun bijdragen in.";
    public const string OnlyCaseOwner = "Alleen de inbrenger kan antwoorden of aanduiden wat helpt.";
    public const string OnlyFacilitator = "Alleen wie de intervisie leidt, kan een bijdrage parkeren.";

    /// <summary>May <paramref name="role"/> add a contribution in <paramref name="phase"/>? Null when yes.</summary>
    public static string? CheckContribute(PeerReviewRole role, PeerReviewMethodPhase phase)
    {
        if (!phase.TakesContributions) return Listening;
        return (role, phase.Speaker) switch
        {
            (_, PhaseSpeaker.Everyone) => null,
            (PeerReviewRole.Participant, PhaseSpeaker.Participants) => null,
            (PeerReviewRole.CaseOwner, PhaseSpeaker.CaseOwner) => null,
            (PeerReviewRole.Facilitator, PhaseSpeaker.Facilitator) => null,
            (PeerReviewRole.CaseOwner, _) => CaseOwnerListens,
            (PeerReviewRole.Facilitator, _) => FacilitatorLeads,
            _ => $"In deze fase spreekt {phase.Speaker.Name()}; luister mee.",
        };
    }

    /// <summary>Answering a contribution or marking it helpful: the case owner, in any phase while it runs.</summary>
    public static string? CheckRespond(PeerReviewRole role) => role == PeerReviewRole.CaseOwner ? null : OnlyCaseOwner;

    /// <summary>Parking a contribution (and taking it back): who leads.</summary>
    public static string? CheckPark(PeerReviewRole role) => role == PeerReviewRole.Facilitator ? null : OnlyFacilitator;

    /// <summary>
    /// Time left in a phase from when it started (stored), so a reload or restart shows the same; negative when the
    /// phase runs over its time box.
    /// </summary>
    public static TimeSpan Remaining(DateTimeOffset startedAt, int minutes, DateTimeOffset now) =>
        startedAt.AddMinutes(minutes) - now;

    /// <summary>"nog 4:05" or "1:10 over tijd", whole seconds.</summary>
    public static string TimerText(TimeSpan remaining)
    {
        var seconds = (long)Math.Ceiling(Math.Abs(remaining.TotalSeconds));
        var text = $"{seconds / 60}:{seconds % 60:00}";
        return remaining >= TimeSpan.Zero ? $"nog {text}" : $"{text} over tijd";
    }
}
