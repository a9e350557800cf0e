using Humanizer.Localisation.Formatters;

namespace GeneralistischWerkt.Training.Core.Formatting;

/// <summary>
/// Humanizer's own Dutch resources (Humanizer.Core.nl) give every relative date and time span ("3 dagen geleden",
/// "over 2 uur", "gisteren", "5 minuten"). Two places where they are not the Flemish text we want are kept here:
/// a single unit in a relative date reads "een uur geleden" / "over een maand" (Humanizer: "1 uur geleden", which reads
/// like a counter, not like speech), and "nooit" (Humanizer's Dutch resources have no text for it and would fall back
/// to English "never").
/// </summary>
internal sealed class DutchHumanizerFormatter() : DefaultFormatter("nl")
{
    protected override string Format(string resourceKey)
    {
        if (resourceKey == "DateHumanize_Never") return "nooit";
        var text = base.Format(resourceKey);
        // Only relative dates ("1 uur geleden", "over 1 maand"); a time span keeps its digit ("1 uur").
        return resourceKey.StartsWith("DateHumanize_Single", StringComparison.Ordinal)
            ? text.Replace("1 ", "een ", StringComparison.Ordinal)
            : text;
    }
}
