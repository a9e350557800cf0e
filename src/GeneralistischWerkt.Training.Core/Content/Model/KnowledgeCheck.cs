namespace GeneralistischWerkt.Training.Core.Content;

/// <summary>The kind of a knowledge check; the Dutch <c>soort</c> name is in <see cref="KnowledgeChecks"/>.</summary>
public enum KnowledgeCheckKind
{
    /// <summary><c>meerkeuze</c></summary>
    MultipleChoice,
    /// <summary><c>volgorde</c></summary>
    Ordering,
    /// <summary><c>koppelen</c></summary>
    Matching,
}

public static class KnowledgeChecks
{
    public static string ToSlug(this KnowledgeCheckKind kind) => kind switch
    {
        KnowledgeCheckKind.MultipleChoice => "meerkeuze",
        KnowledgeCheckKind.Ordering => "volgorde",
        KnowledgeCheckKind.Matching => "koppelen",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static bool TryParse(string? slug, out KnowledgeCheckKind kind)
    {
        switch (slug)
        {
            case "meerkeuze": kind = KnowledgeCheckKind.MultipleChoice; return true;
            case "volgorde": kind = KnowledgeCheckKind.Ordering; return true;
            case "koppelen": kind = KnowledgeCheckKind.Matching; return true;
            default: kind = default; return false;
        }
    }
}

/// <summary>
/// A knowledge check in a lesson's front matter. Text fields are null when the author left them out;
/// the validator reports those, so code that shows checks can rely on checks in a library without errors.
/// </summary>
public abstract class KnowledgeCheck
{
    /// <summary>Unique within the lesson.</summary>
    public required string Id { get; init; }

    /// <summary>The question (<c>vraag</c>).</summary>
    public required string? Question { get; init; }

    /// <summary>Where the check starts (its first field).</summary>
    public required SourcePosition Position { get; init; }

    /// <summary>Positions of the check's own fields, by their Dutch key (<c>id</c>, <c>vraag</c>, …): where each value starts.</summary>
    public IReadOnlyDictionary<string, SourcePosition> FieldPositions { get; init; } = new Dictionary<string, SourcePosition>();

    public abstract KnowledgeCheckKind Kind { get; }
}

/// <summary><c>meerkeuze</c>: one or more options are correct; every option has its own feedback.</summary>
public sealed class MultipleChoiceCheck : KnowledgeCheck
{
    public override KnowledgeCheckKind Kind => KnowledgeCheckKind.MultipleChoice;

    public required IReadOnlyList<ChoiceOption> Options { get; init; }

    /// <summary>True when more than one option is correct (the learner must pick them all).</summary>
    public bool HasSeveralCorrectOptions => Options.Count(o => o.IsCorrect) > 1;
}

/// <param name="Text">The option (<c>tekst</c>).</param>
/// <param name="IsCorrect"><c>juist</c>; false when left out.</param>
/// <param name="Feedback">Shown after answering.</param>
/// <param name="Position">Where the option starts.</param>
public sealed record ChoiceOption(string? Text, bool IsCorrect, string? Feedback, SourcePosition Position);

/// <summary><c>volgorde</c>: <see cref="Items"/> are in the correct order; the app shuffles them.</summary>
public sealed class OrderingCheck : KnowledgeCheck
{
    public override KnowledgeCheckKind Kind => KnowledgeCheckKind.Ordering;

    public required IReadOnlyList<OrderingItem> Items { get; init; }

    /// <summary>Explanation shown after answering, right or wrong.</summary>
    public required string? Feedback { get; init; }
}

public sealed record OrderingItem(string Text, SourcePosition Position);

/// <summary><c>koppelen</c>: each left text belongs with its right text.</summary>
public sealed class MatchingCheck : KnowledgeCheck
{
    public override KnowledgeCheckKind Kind => KnowledgeCheckKind.Matching;

    public required IReadOnlyList<MatchingPair> Pairs { get; init; }
}

/// <param name="Left"><c>links</c></param>
/// <param name="Right"><c>rechts</c></param>
/// <param name="Feedback">Shown after answering.</param>
/// <param name="Position">Where the pair starts.</param>
public sealed record MatchingPair(string? Left, string? Right, string? Feedback, SourcePosition Position);
