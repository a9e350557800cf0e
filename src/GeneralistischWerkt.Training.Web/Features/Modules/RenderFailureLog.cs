using System.Collections.Concurrent;

namespace GeneralistischWerkt.Training.Web.Features.Modules;

/// <summary>
/// Logs a Markdown render that fell back to plain text, once per kind of failure (exception type and the method that
/// threw) and at most <see cref="MaxKinds"/> kinds per process: a reflection editor re-renders on every keystroke, so
/// one bad text must not flood the log. The text itself is never logged (reflections are private), only its length.
/// </summary>
public sealed class RenderFailureLog(ILogger logger)
{
    public const int MaxKinds = 16;

    private readonly ConcurrentDictionary<string, byte> logged = new(StringComparer.Ordinal);

    public void Report(Exception failure, int textLength)
    {
        var kind = $"{failure.GetType().FullName} in {failure.TargetSite?.DeclaringType?.FullName}.{failure.TargetSite?.Name}";
        if (logged.Count >= MaxKinds || !logged.TryAdd(kind, 0)) return;
        logger.LogError(failure,
            "Markdown weergeven mislukte voor een tekst van {Length} tekens; die wordt als gewone tekst getoond. Deze soort fout wordt niet opnieuw gelogd.",
            textLength);
    }
}
