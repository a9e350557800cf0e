using System.Text.RegularExpressions;
using Humanizer.Localisation.Formatters;

namespace GeneralistischWerkt.Training.Core.Formatting;

/// <summary>
/// Dutch texts for Humanizer's relative dates and time spans. Our package registry has Humanizer.Core without its
/// Dutch resource package, so this formatter (Humanizer's own extension point) maps the neutral resource keys to Dutch.
/// </summary>
internal sealed partial class DutchHumanizerFormatter() : DefaultFormatter("nl")
{
    private static readonly Dictionary<string, (string One, string Many)> Units = new()
    {
        ["Millisecond"] = ("milliseconde", "milliseconden"),
        ["Second"] = ("seconde", "seconden"),
        ["Minute"] = ("minuut", "minuten"),
        ["Hour"] = ("uur", "uur"),
        ["Day"] = ("dag", "dagen"),
        ["Week"] = ("week", "weken"),
        ["Month"] = ("maand", "maanden"),
        ["Year"] = ("jaar", "jaar"),
    };

    // e.g. DateHumanize_MultipleDaysAgo, DateHumanize_SingleHourFromNow, TimeSpanHumanize_MultipleWeeks_Plural
    [GeneratedRegex("^(?<kind>DateHumanize|TimeSpanHumanize)_(?<count>Single|Multiple)(?<unit>Millisecond|Second|Minute|Hour|Day|Week|Month|Year)s?(?<tense>Ago|FromNow)?(_Words)?")]
    private static partial Regex KeyPattern();

    protected override string Format(string resourceKey) => Translate(resourceKey, 1);

    protected override string Format(string resourceKey, int number, bool toWords = false) =>
        Translate(resourceKey, number);

    private static string Translate(string resourceKey, int number)
    {
        switch (resourceKey)
        {
            case "DateHumanize_Now": return "nu";
            case "DateHumanize_Never": return "nooit";
            case "TimeSpanHumanize_Zero": return "geen tijd";
            case "DateHumanize_SingleDayAgo": return "gisteren";
            case "DateHumanize_SingleDayFromNow": return "morgen";
        }
        var match = KeyPattern().Match(resourceKey);
        if (!match.Success) return resourceKey;
        var (one, many) = Units[match.Groups["unit"].Value];
        var single = match.Groups["count"].Value == "Single";
        var amount = single ? "een" : number.ToString(Culture);
        var unit = single || number == 1 ? one : many;
        var phrase = $"{amount} {unit}";
        if (match.Groups["kind"].Value == "TimeSpanHumanize")
            return single ? $"1 {one}" : phrase;
        return match.Groups["tense"].Value == "FromNow" ? $"over {phrase}" : $"{phrase} geleden";
    }

    private static readonly System.Globalization.CultureInfo Culture = DutchFormat.Culture;
}
