namespace GeneralistischWerkt.Training.Core.Tests.Scenarios;

/// <summary>GWT354 and GWT355: the messages say how many nodes, which place and which nodes, so the author can act.</summary>
public class ScenarioBalanceTests
{
    [Fact]
    public void The_same_place_warning_names_the_count_the_place_and_the_nodes()
    {
        var result = ScenarioTestData.CheckCorpusCase("gwt354-gwt355-balans");

        var warning = Assert.Single(result.Diagnostics, d => d.Code == "GWT354");
        Assert.Equal("scenarios/eerste-plaats.yml", warning.File);
        Assert.Contains("in 3 van de 4 beslisknopen op plaats 1 ('k2', 'k3', 'k4')", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_two_choices_warning_names_the_count_and_the_nodes()
    {
        var result = ScenarioTestData.CheckCorpusCase("gwt354-gwt355-balans");

        var warning = Assert.Single(result.Diagnostics, d => d.Code == "GWT355");
        Assert.Equal("scenarios/twee-keuzes.yml", warning.File);
        Assert.StartsWith("3 van de 4 beslisknopen hebben maar twee keuzes ('k1', 'k2', 'k4')", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Exactly_half_and_small_scenarios_give_no_warning()
    {
        var result = ScenarioTestData.CheckCorpusCase("gwt354-gwt355-balans");

        Assert.DoesNotContain(result.Diagnostics, d => d.File is "scenarios/eerlijk.yml" or "scenarios/klein.yml");
        Assert.Equal(4, result.Reports.Count);
    }
}
