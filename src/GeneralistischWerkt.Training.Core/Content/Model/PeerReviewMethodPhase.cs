namespace GeneralistischWerkt.Training.Core.Content;

/// <summary>Who has the word in a phase of an intervisie method (<c>spreekt</c>).</summary>
public enum PhaseSpeaker
{
    /// <summary><c>inbrenger</c>: the coach who brought in the case.</summary>
    CaseOwner,
    /// <summary><c>deelnemers</c>: the other coaches.</summary>
    Participants,
    /// <summary><c>begeleider</c>: who leads the intervisie.</summary>
    Facilitator,
    /// <summary><c>iedereen</c>: the whole group.</summary>
    Everyone,
}

/// <summary>What participants add in a phase (<c>bijdrage</c>); <see cref="None"/> when they listen.</summary>
public enum ContributionKind
{
    None,
    Question,
    Hypothesis,
    Advice,
    Idea,
    Appreciation,
    Learning,
}

/// <summary>The Dutch names authors write and users read, for speakers and kinds of contribution.</summary>
public static class PeerReviewTerms
{
    private static readonly (PhaseSpeaker Speaker, string Slug, string Name)[] Speakers =
    [
        (PhaseSpeaker.CaseOwner, "inbrenger", "de inbrenger"),
        (PhaseSpeaker.Participants, "deelnemers", "de deelnemers"),
        (PhaseSpeaker.Facilitator, "begeleider", "wie de intervisie leidt"),
        (PhaseSpeaker.Everyone, "iedereen", "iedereen"),
    ];

    private static readonly (ContributionKind Kind, string Slug, string Name, string Plural)[] Kinds =
    [
        (ContributionKind.None, "geen", "geen bijdrage", "geen bijdragen"),
        (ContributionKind.Question, "vraag", "verhelderende vraag", "verhelderende vragen"),
        (ContributionKind.Hypothesis, "hypothese", "hypothese", "hypothesen"),
        (ContributionKind.Advice, "advies", "advies", "adviezen"),
        (ContributionKind.Idea, "idee", "idee", "ideeën"),
        (ContributionKind.Appreciation, "waardering", "waardering", "waarderingen"),
        (ContributionKind.Learning, "leerpunt", "leerpunt", "leerpunten"),
    ];

    public static IReadOnlyList<string> SpeakerSlugs { get; } = Speakers.Select(s => s.Slug).ToArray();
    public static IReadOnlyList<string> KindSlugs { get; } = Kinds.Select(k => k.Slug).ToArray();

    public static bool TryParseSpeaker(string? slug, out PhaseSpeaker speaker)
    {
        foreach (var s in Speakers)
        {
            if (s.Slug == slug) { speaker = s.Speaker; return true; }
        }
        speaker = default;
        return false;
    }

    public static bool TryParseKind(string? slug, out ContributionKind kind)
    {
        foreach (var k in Kinds)
        {
            if (k.Slug == slug) { kind = k.Kind; return true; }
        }
        kind = default;
        return false;
    }

    public static string Name(this PhaseSpeaker speaker) => Speakers.First(s => s.Speaker == speaker).Name;
    public static string Name(this ContributionKind kind) => Kinds.First(k => k.Kind == kind).Name;
    public static string Plural(this ContributionKind kind) => Kinds.First(k => k.Kind == kind).Plural;
}

/// <summary>One phase of an intervisie method, as written in its front matter (<c>fasen</c>).</summary>
public sealed record PeerReviewMethodPhase(string Id, string Name, string Purpose, int Minutes, PhaseSpeaker Speaker,
    ContributionKind Contribution, SourcePosition Position)
{
    public bool TakesContributions => Contribution != ContributionKind.None;
}
