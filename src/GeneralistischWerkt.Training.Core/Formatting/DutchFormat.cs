using System.Globalization;
using Humanizer;
using Humanizer.Configuration;

namespace GeneralistischWerkt.Training.Core.Formatting;

/// <summary>
/// The one place where dates, times and relative times become Dutch (Flemish) text. Times are shown in Belgian time.
/// </summary>
public static class DutchFormat
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("nl-BE");

    private static readonly TimeZoneInfo Brussels = FindBrussels();

    static DutchFormat()
    {
        Configurator.Formatters.Register("nl", new DutchHumanizerFormatter());
    }

    /// <summary>"23 november 2026"</summary>
    public static string Date(DateTimeOffset moment) => ToLocal(moment).ToString("d MMMM yyyy", Culture);

    /// <summary>"23 november 2026 om 14:05"</summary>
    public static string DateTime(DateTimeOffset moment) => ToLocal(moment).ToString("d MMMM yyyy 'om' HH:mm", Culture);

    /// <summary>"14:05:09", in Belgian time</summary>
    public static string Time(DateTimeOffset moment) => ToLocal(moment).ToString("HH:mm:ss", Culture);

    /// <summary>"3 dagen geleden", "gisteren", "over 2 uur", "nu"</summary>
    public static string Relative(DateTimeOffset moment, DateTimeOffset now) =>
        moment.UtcDateTime.Humanize(utcDate: true, dateToCompareAgainst: now.UtcDateTime, culture: Culture);

    /// <summary>"3 dagen geleden (20 november 2026)", or "nog nooit" when there is no moment.</summary>
    public static string RelativeWithDate(DateTimeOffset? moment, DateTimeOffset now) =>
        moment is { } m ? $"{Relative(m, now)} ({Date(m)})" : "nog nooit";

    /// <summary>A share (0–1) as a whole percentage: "67 %".</summary>
    public static string Percent(double share) => $"{Math.Round(share * 100, MidpointRounding.AwayFromZero).ToString("0", Culture)} %";

    /// <summary>A statistic with two decimals and a decimal comma: "0,21", "−0,05".</summary>
    public static string TwoDecimals(double value) => value.ToString("0.00", Culture);

    private static DateTime ToLocal(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, Brussels).DateTime;

    private static TimeZoneInfo FindBrussels()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels"); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.Utc; }
    }
}
