using GeneralistischWerkt.Training.Core.Content;

namespace GeneralistischWerkt.Training.Core.Tests.Content;

/// <summary>Intervisie methods are content: the check reads their phases and reports what is wrong where.</summary>
public class PeerReviewMethodTests
{
    private static string Method(string phases) => $"""
        ---
        id: methode
        titel: Een methode
        soort: intervisiemethode
        samenvatting: Kort.
        links: []
        fasen:
        {phases}
        ---

        Uitleg.
        """;

    private const string Good = """
          - id: inbreng
            naam: Inbreng
            doel: Vertellen.
            minuten: 5
            spreekt: inbrenger
            bijdrage: geen
          - id: vragen
            naam: Vragen
            doel: Doorvragen.
            minuten: 10
            spreekt: deelnemers
            bijdrage: vraag
        """;

    private static ContentLoadResult Check(string text)
    {
        using var temp = new TempDirectory();
        temp.Write("werkbegeleiding/methode.md", text);
        return ContentValidator.Check(temp.Path);
    }

    [Fact]
    public void A_method_is_read_with_its_phases_in_order()
    {
        var result = Check(Method(Good));

        Assert.Empty(result.Diagnostics);
        var method = Assert.Single(result.Library.Items);
        Assert.Equal(ContentKind.PeerReviewMethod, method.Kind);
        Assert.Equal(["inbreng", "vragen"], method.MethodPhases.Select(p => p.Id));
        var questions = method.MethodPhases[1];
        Assert.Equal(("Vragen", "Doorvragen.", 10, PhaseSpeaker.Participants, ContributionKind.Question),
            (questions.Name, questions.Purpose, questions.Minutes, questions.Speaker, questions.Contribution));
        Assert.False(method.MethodPhases[0].TakesContributions);
        Assert.Equal(new SourcePosition("werkbegeleiding/methode.md", 14, 5), questions.Position);
    }

    [Fact]
    public void An_unknown_speaker_or_contribution_is_reported_at_its_value()
    {
        var result = Check(Method(Good.Replace("spreekt: deelnemers", "spreekt: publiek").Replace("bijdrage: vraag", "bijdrage: mening")));

        var lines = result.Diagnostics.Select(d => d.ToString()).ToList();
        Assert.Contains(lines, l => l.StartsWith("werkbegeleiding/methode.md:18:14: error GWT104: onbekende waarde 'publiek' voor 'spreekt'"));
        Assert.Contains(lines, l => l.StartsWith("werkbegeleiding/methode.md:19:15: error GWT104: onbekende waarde 'mening' voor 'bijdrage'"));
    }

    [Fact]
    public void A_missing_field_and_minutes_out_of_range_are_reported()
    {
        var result = Check(Method(Good.Replace("    doel: Doorvragen.\n", "").Replace("minuten: 5", "minuten: 500")));

        Assert.Contains(result.Diagnostics, d => d.Code == "GWT103" && d.Message.Contains("'doel'") && d.Line == 14);
        Assert.Contains(result.Diagnostics, d => d.Code == "GWT104" && d.Message.Contains("'minuten' moet van 1 tot en met 120 zijn") && d.Line == 11);
    }

    [Fact]
    public void A_method_needs_two_phases_unique_ids_and_a_phase_for_contributions()
    {
        var one = Check(Method(Good.Split("  - id: vragen")[0]));
        Assert.Contains(one.Diagnostics, d => d.Code == "GWT113" && d.Message.Contains("minstens 2 fasen"));

        var twice = Check(Method(Good.Replace("id: vragen", "id: inbreng")));
        Assert.Contains(twice.Diagnostics, d => d.Code == "GWT113" && d.Message.Contains("'inbreng' komt twee keer voor") && d.Line == 14);

        var listening = Check(Method(Good.Replace("bijdrage: vraag", "bijdrage: geen")));
        Assert.Contains(listening.Diagnostics, d => d.Code == "GWT113" && d.Message.Contains("geen enkele fase vraagt een bijdrage"));
    }

    [Fact]
    public void A_method_longer_than_a_morning_gets_a_warning_only()
    {
        var result = Check(Method(Good.Replace("minuten: 10", "minuten: 120").Replace("minuten: 5", "minuten: 100")));

        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(("GWT207", DiagnosticSeverity.Warning), (warning.Code, warning.Severity));
    }

    [Theory]
    [InlineData("incidentmethode")]
    [InlineData("oplossingsgerichte-intervisie")]
    public void The_shipped_methods_load_with_phases_that_ask_for_contributions(string id)
    {
        var result = ContentValidator.Check(TestPaths.ShippedContent, "content/");
        var method = result.Library.Find(ContentKind.PeerReviewMethod, id);

        Assert.NotNull(method);
        Assert.True(method.MethodPhases.Count >= 5);
        Assert.Contains(method.MethodPhases, p => p.TakesContributions);
        Assert.DoesNotContain(result.Diagnostics, d => d.File.Contains(id));
    }
}
