namespace GeneralistischWerkt.Training.Web.Features.Editing;

/// <summary>
/// The longest text each field takes, in UTF-16 code units (what a browser's <c>maxlength</c> counts). The services
/// enforce these and the pages put the same number in <c>maxlength</c>, so every documented maximum is reachable and
/// nothing is cut silently. The live connection's receive limit (Program.cs) is sized from <see cref="Longest"/>.
/// </summary>
public static class TextLimits
{
    public const int ReflectionTitle = 300;
    public const int ReflectionSection = 20_000;
    public const int Comment = 4_000;
    public const int SessionNote = 20_000;
    public const int AgreementWhat = 1_000;
    public const int AgreementWho = 200;
    public const int AgreementProgress = 2_000;
    public const int ScenarioReflectionAnswer = 8_000;
    public const int PersonName = 200;
    public const int TeamName = 200;
    public const int Email = 256;
    public const int Password = 128;
    public const int SearchTerm = 200;
    public const int LiveSessionTitle = 200;
    public const int ObservationNote = 1_000;
    public const int CaseDescription = 4_000;
    public const int CaseQuestion = 1_000;
    public const int Contribution = 1_000;
    public const int PeerReviewEvaluation = 4_000;

    public const int Longest = ReflectionSection;

    /// <summary>
    /// One message on the live connection carries one field's whole value. JSON escapes a control character as six
    /// bytes, so the worst case is six bytes per code unit, plus room for the event's envelope.
    /// </summary>
    public const long HubReceiveLimitBytes = Longest * 6L + 64 * 1024;

    public static string Clip(string? text, int max)
    {
        text ??= "";
        if (text.Length <= max) return text;
        // Never cut a surrogate pair in half.
        var end = char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
        return text[..end];
    }
}
