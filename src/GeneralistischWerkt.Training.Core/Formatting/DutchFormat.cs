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

    /// <summary>Belgian time (Europe/Brussels), for dates and times people type.</summary>
    public static TimeZoneInfo TimeZone => Brussels;

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

    /// <summary>"3 december 2026" for a calendar date (a due date, a session date).</summary>
    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", Culture);

    /// <summary>Today's date in Belgium (the server's own clock may run in UTC).</summary>
    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(ToLocal(now));

    /// <summary>Points with a real minus sign, so a loss reads as a loss: "−2", "0", "3".</summary>
    public static string Points(int points) => points < 0 ? "\u2212" + (-points).ToString(Culture) : points.ToString(Culture);
    /// <summary>A share (0–1) as a whole percentage: "67 %".</summary>
    public static string Percent(double share) => $"{Math.Round(share * 100, MidpointRounding.AwayFromZero).ToString("0", Culture)} %";

    /// <summary>A statistic with two decimals and a decimal comma: "0,21", "−0,05".</summary>
    public static string TwoDecimals(double value) => value.ToString("0.00", Culture);

    private static DateTime ToLocal(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, Brussels).DateTime;

    /// <summary>
    /// The system's Europe/Brussels, or — on a machine without time-zone data — the same rule built in (CET, and CEST
    /// from the last Sunday of March to the last Sunday of October), never UTC: users read Belgian time.
    /// </summary>
    private static TimeZoneInfo FindBrussels()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels"); }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException) { return BuiltInBrussels; }
    }

    internal static readonly TimeZoneInfo BuiltInBrussels = TimeZoneInfo.CreateCustomTimeZone(
        "Europe/Brussels", TimeSpan.FromHours(1), "Brussel", "CET", "CEST",
        [
            TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(
                new System.DateTime(1996, 1, 1), System.DateTime.MaxValue.Date, TimeSpan.FromHours(1),
                TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new System.DateTime(1, 1, 1, 2, 0, 0), 3, 5, DayOfWeek.Sunday),
                TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new System.DateTime(1, 1, 1, 3, 0, 0), 10, 5, DayOfWeek.Sunday)),
        ]);
}
