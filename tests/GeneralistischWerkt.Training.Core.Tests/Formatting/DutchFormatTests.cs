using GeneralistischWerkt.Training.Core.Formatting;

namespace GeneralistischWerkt.Training.Core.Tests.Formatting;

public class DutchFormatTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0, "nu")]
    [InlineData(-30, "30 seconden geleden")]
    [InlineData(-60 * 5, "5 minuten geleden")]
    [InlineData(-3600, "een uur geleden")]
    [InlineData(-3600 * 3, "3 uur geleden")]
    [InlineData(-86400, "gisteren")]
    [InlineData(-86400 * 3, "3 dagen geleden")]
    [InlineData(-86400 * 65, "2 maanden geleden")]
    [InlineData(-86400 * 800, "2 jaar geleden")]
    [InlineData(3600 * 2, "over 2 uur")]
    [InlineData(86400, "morgen")]
    [InlineData(86400 * 4, "over 4 dagen")]
    [InlineData(-60, "een minuut geleden")]
    [InlineData(-86400 * 31, "een maand geleden")]
    [InlineData(-86400 * 400, "een jaar geleden")]
    [InlineData(3600, "over een uur")]
    public void Relative_times_are_Dutch(int seconds, string expected) =>
        Assert.Equal(expected, DutchFormat.Relative(Now.AddSeconds(seconds), Now));

    [Fact]
    public void Dates_are_Dutch_in_Belgian_time()
    {
        // 23:30 UTC on 30 November is already 1 December in Brussels (UTC+1 in winter).
        var moment = new DateTimeOffset(2026, 11, 30, 23, 30, 0, TimeSpan.Zero);
        Assert.Equal("1 december 2026", DutchFormat.Date(moment));
        Assert.Equal("1 december 2026 om 00:30", DutchFormat.DateTime(moment));
    }

    [Fact]
    public void Time_spans_and_never_are_Dutch()
    {
        // Humanizer's own Dutch resources for time spans; "nooit" is ours (Humanizer's Dutch has none).
        Assert.Equal("3 weken", Humanizer.TimeSpanHumanizeExtensions.Humanize(TimeSpan.FromDays(21), culture: DutchFormat.Culture));
        Assert.Equal("1 uur", Humanizer.TimeSpanHumanizeExtensions.Humanize(TimeSpan.FromHours(1), culture: DutchFormat.Culture));
        Assert.Equal("nooit", Humanizer.DateHumanizeExtensions.Humanize((DateTime?)null, culture: DutchFormat.Culture));
    }

    [Fact]
    public void Missing_moment_reads_nog_nooit()
    {
        Assert.Equal("nog nooit", DutchFormat.RelativeWithDate(null, Now));
        Assert.Equal("3 dagen geleden (20 november 2026)", DutchFormat.RelativeWithDate(Now.AddDays(-3), Now));
    }

    [Fact]
    public void The_built_in_Brussels_rule_matches_the_system_zone_in_winter_summer_and_around_the_switches()
    {
        var system = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");
        foreach (var utc in new[] { "2026-01-15T12:00:00Z", "2026-07-01T22:30:00Z", "2026-03-29T00:59:00Z", "2026-03-29T01:00:00Z",
                     "2026-10-25T00:59:00Z", "2026-10-25T01:00:00Z", "2027-03-28T01:30:00Z" })
        {
            var moment = DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(TimeZoneInfo.ConvertTime(moment, system).Offset, TimeZoneInfo.ConvertTime(moment, DutchFormat.BuiltInBrussels).Offset);
        }
    }

    [Fact]
    public void Today_is_the_Belgian_date_and_points_use_a_real_minus_sign()
    {
        // 23:30 UTC on 3 December is already 4 December in Brussels.
        Assert.Equal(new DateOnly(2026, 12, 4), DutchFormat.Today(new DateTimeOffset(2026, 12, 3, 23, 30, 0, TimeSpan.Zero)));
        Assert.Equal("4 december 2026", DutchFormat.Date(new DateOnly(2026, 12, 4)));
        Assert.Equal("\u22122", DutchFormat.Points(-2));
        Assert.Equal("0", DutchFormat.Points(0));
        Assert.Equal("3", DutchFormat.Points(3));
    }
}
