namespace GeneralistischWerkt.Training.Web.Features.Editing;

public enum SaveOutcome
{
    Saved,

    /// <summary>Someone saved a newer version first (another window or device): nothing was written.</summary>
    Conflict,

    /// <summary>The save is not allowed (gone, no longer yours, invalid value): nothing was written; see the reason.</summary>
    Refused,
}

/// <summary>
/// The answer of every versioned save: the new version, or the version and text that are stored now (a conflict),
/// or a Dutch reason why it was refused. A save never silently overwrites text it has not seen.
/// </summary>
public sealed record SaveResult(SaveOutcome Outcome, int Version, IReadOnlyDictionary<string, string>? Current = null, string? Reason = null)
{
    public static SaveResult Saved(int version) => new(SaveOutcome.Saved, version);

    public static SaveResult Conflict(int version, IReadOnlyDictionary<string, string> current) => new(SaveOutcome.Conflict, version, current);

    public static SaveResult Refused(string reason) => new(SaveOutcome.Refused, 0, null, reason);
}
