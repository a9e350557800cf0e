using System.Reflection;
using GeneralistischWerkt.Training.Core.Scenarios;
using GeneralistischWerkt.Training.Core.Tests.Content;

namespace GeneralistischWerkt.Training.Core.Tests.Scenarios;

/// <summary>
/// Every folder under Corpus/scenarios-broken holds scenarios with deliberate mistakes (and, for GWT320, its own
/// competenties.yml). The table lists exactly which diagnostics each folder must produce, with exact positions.
/// </summary>
public class ScenarioCorpusTests
{
    public static TheoryData<string, string[]> Cases => new()
    {
        { "gwt300-onleesbaar", [
            "scenarios/aanhalingsteken.yml:2:8: error GWT300",
            "scenarios/binair.yml:3:1: error GWT300",
            "scenarios/latin1.yml:2:11: error GWT300",
            "scenarios/leeg.yml:1:1: error GWT300",
        ] },
        { "gwt301-ontbrekend", [
            // bijna-leeg.yml: titel, beschrijving, thema, fase, duur, competenties, personen, start and knopen.
            .. Enumerable.Repeat("scenarios/bijna-leeg.yml:2:1: error GWT301", 9),
            "scenarios/ontbrekend.yml:1:1: error GWT301",
            "scenarios/ontbrekend.yml:9:5: error GWT301",
            "scenarios/ontbrekend.yml:14:5: error GWT301",
            "scenarios/ontbrekend.yml:17:9: error GWT301",
            "scenarios/ontbrekend.yml:27:7: error GWT301",
            "scenarios/ontbrekend.yml:35:5: error GWT301",
        ] },
        { "gwt302-waarde", [
            "scenarios/lijst.yml:1:1: error GWT302",
            "scenarios/waarden.yml:1:5: error GWT302",
            "scenarios/waarden.yml:4:8: error GWT302",
            "scenarios/waarden.yml:5:7: error GWT302",
            "scenarios/waarden.yml:6:7: error GWT302",
            "scenarios/waarden.yml:7:12: error GWT302",
            "scenarios/waarden.yml:17:16: error GWT302",
            "scenarios/waarden.yml:25:5: error GWT302",
            "scenarios/waarden.yml:29:33: error GWT302",
            "scenarios/waarden.yml:30:21: error GWT302",
            "scenarios/waarden.yml:32:18: error GWT302",
            "scenarios/waarden.yml:42:17: error GWT302",
            "scenarios/waarden.yml:47:5: error GWT302",
            "scenarios/waarden.yml:53:17: error GWT302",
        ] },
        { "gwt303-dubbel", [
            "scenarios/dubbel.yml:16:15: error GWT303",
            "scenarios/dubbel.yml:17:9: error GWT303",
            "scenarios/dubbel.yml:47:9: error GWT303",
            "scenarios/kopie.yml:1:5: error GWT302",
            "scenarios/kopie.yml:1:5: error GWT303",
        ] },
        { "gwt304-onbekende-knoop", [
            "scenarios/naar.yml:25:15: error GWT304",
            "scenarios/start.yml:14:8: error GWT304",
        ] },
        { "gwt305-onbereikbaar", [
            "scenarios/onbereikbaar.yml:27:9: error GWT305",
        ] },
        { "gwt306-keuzes-of-einde", [
            "scenarios/keuzes-of-einde.yml:38:5: error GWT306",
            "scenarios/keuzes-of-einde.yml:41:9: error GWT306",
        ] },
        { "gwt307-een-keuze", [
            "scenarios/een-keuze.yml:19:5: error GWT307",
        ] },
        { "gwt308-lus", [
            "scenarios/lus.yml:32:15: error GWT308",
            "scenarios/lus.yml:35:15: error GWT308",
        ] },
        { "gwt309-onbekend", [
            "scenarios/onbekend.yml:8:30: error GWT309",
            "scenarios/onbekend.yml:19:14: error GWT309",
            "scenarios/onbekend.yml:24:36: error GWT309",
            "scenarios/onbekend.yml:24:52: error GWT309",
            "scenarios/onbekend.yml:25:41: error GWT309",
            "scenarios/onbekend.yml:25:55: error GWT309",
            "scenarios/onbekend.yml:27:43: error GWT309",
            "scenarios/onbekend.yml:27:66: error GWT309",
            "scenarios/onbekend.yml:27:88: error GWT309",
        ] },
        { "gwt310-einde", [
            "scenarios/einde.yml:39:9: error GWT310",
        ] },
        { "gwt311-leeg", [
            "scenarios/leeg.yml:2:8: error GWT311",
            "scenarios/leeg.yml:18:11: error GWT311",
            "scenarios/leeg.yml:19:12: error GWT311",
            "scenarios/leeg.yml:24:19: error GWT311",
            "scenarios/leeg.yml:33:21: error GWT311",
        ] },
        { "gwt312-testpaden", [
            "scenarios/testpaden.yml:57:17: error GWT312",
            "scenarios/testpaden.yml:60:17: error GWT312",
            "scenarios/testpaden.yml:63:13: error GWT312",
            "scenarios/testpaden.yml:67:12: error GWT312",
            "scenarios/testpaden.yml:71:15: error GWT312",
            "scenarios/testpaden.yml:71:48: error GWT312",
            "scenarios/testpaden.yml:73:14: error GWT312",
        ] },
        { "gwt313-te-klein", [
            "scenarios/te-klein.yml:14:1: error GWT313",
            "scenarios/werkbegeleider.yml:15:1: error GWT313",
        ] },
        { "gwt314-geen-scenario", [
            // README.md is documentation for authors: not reported. goed.yml loads as usual.
            "scenarios/als-yaml.yaml:1:1: error GWT314",
            "scenarios/archief:1:1: error GWT314",
            "scenarios/hoofdletters.YML:1:1: error GWT314",
            "scenarios/notities.txt:1:1: error GWT314",
            "scenarios/zonder-extensie:1:1: error GWT314",
        ] },
        { "gwt315-bespreking", [
            "scenarios/bespreking.yml:43:3: error GWT315",
            "scenarios/bespreking.yml:44:3: error GWT315",
        ] },
        { "gwt316-rolkaart", [
            "scenarios/rolkaart.yml:47:14: error GWT316",
            "scenarios/rolkaart.yml:52:14: error GWT316",
        ] },
        { "gwt317-observatie", [
            "scenarios/observatie.yml:47:14: error GWT317",
            "scenarios/observatie.yml:47:39: error GWT317",
            // The same item id twice, and an item without links (every item is linked to the method).
            "scenarios/observatie.yml:48:9: error GWT303",
            "scenarios/observatie.yml:51:5: error GWT301",
        ] },
        { "gwt320-competenties", [
            "content/competenties.yml:4:5: error GWT320",
            "content/competenties.yml:5:70: error GWT320",
            "content/competenties.yml:6:74: error GWT320",
            "content/competenties.yml:7:52: error GWT320",
            "content/competenties.yml:7:62: error GWT320",
            "content/competenties.yml:8:11: error GWT320",
            "content/competenties.yml:9:11: error GWT320",
            "content/competenties.yml:9:98: error GWT320",
            "content/competenties.yml:10:5: error GWT320",
        ] },
        { "gwt354-gwt355-balans", [
            // eerste-plaats: plaats 1 is de beste in k2, k3 en k4 (3 van 4); the position is that best choice in k2.
            "scenarios/eerste-plaats.yml:24:9: warning GWT354",
            // twee-keuzes: k1, k2 and k4 have two choices (3 van 4); the position is 'keuzes' of k1.
            "scenarios/twee-keuzes.yml:16:5: warning GWT355",
            // eerlijk.yml (exactly half is no majority) and klein.yml (three decisions) give nothing.
        ] },
        { "waarschuwingen", [
            "scenarios/waarschuwingen.yml:8:30: warning GWT351",
            "scenarios/waarschuwingen.yml:20:13: warning GWT353",
            "scenarios/waarschuwingen.yml:43:5: warning GWT352",
            // A choice without feedback is always also an error: feedback is required.
            "scenarios/zonder-feedback.yml:24:9: error GWT301",
            "scenarios/zonder-feedback.yml:24:9: warning GWT350",
        ] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Folder_produces_exactly_the_expected_diagnostics(string folder, string[] expected)
    {
        var result = ScenarioTestData.CheckCorpusCase(folder);

        var actual = result.Diagnostics
            .Select(d => $"{d.File}:{d.Line}:{d.Column}: {(d.IsError ? "error" : "warning")} {d.Code}")
            .Order(StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(expected.Order(StringComparer.Ordinal).ToArray(), actual);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_diagnostic_formats_as_path_line_column_severity_code_and_a_dutch_message(string folder, string[] expected)
    {
        var result = ScenarioTestData.CheckCorpusCase(folder);

        Assert.Equal(expected.Length, result.Diagnostics.Count);
        foreach (var diagnostic in result.Diagnostics)
        {
            var text = diagnostic.ToString();
            Assert.Matches(@"^(scenarios/[^:/]+|content/competenties\.yml):\d+:\d+: (error|warning) GWT3\d\d: \S.*$", text);
            Assert.False(text.Contains('\n'), text);
        }
    }

    [Fact]
    public void Every_code_has_a_corpus_case()
    {
        var covered = Cases.Select(row => (string[])row[1]).SelectMany(lines => lines)
            .Select(line => line.Split(' ')[^1])
            .ToHashSet();
        var uncovered = AllCodes().Where(code => !covered.Contains(code)).ToList();
        Assert.True(uncovered.Count == 0, "no corpus case for " + string.Join(", ", uncovered));
    }

    [Fact]
    public void Every_code_is_documented_in_the_scenarios_readme_and_nothing_more()
    {
        var readme = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "scenarios", "README.md"));
        var undocumented = AllCodes().Where(code => !readme.Contains($"| {code} |", StringComparison.Ordinal)).ToList();
        Assert.True(undocumented.Count == 0, "not in scenarios/README.md: " + string.Join(", ", undocumented));

        var documented = System.Text.RegularExpressions.Regex.Matches(readme, @"^\| (GWT\d{3}) \|", System.Text.RegularExpressions.RegexOptions.Multiline)
            .Select(m => m.Groups[1].Value);
        Assert.Empty(documented.Except(AllCodes()));
    }

    [Fact]
    public void Warnings_are_codes_from_350_and_errors_below()
    {
        foreach (var diagnostic in Cases.Select(row => (string)row[0]).SelectMany(f => ScenarioTestData.CheckCorpusCase(f).Diagnostics))
        {
            Assert.Equal(diagnostic.IsError, string.CompareOrdinal(diagnostic.Code, "GWT350") < 0);
        }
    }

    [Fact]
    public void Unreadable_files_are_left_out_but_the_rest_loads_and_plays()
    {
        var result = ScenarioTestData.CheckCorpusCase("gwt300-onleesbaar");

        Assert.Equal(5, result.FileCount);
        var scenario = Assert.Single(result.Load.Scenarios);
        Assert.Equal("goed", scenario.Id);
        Assert.Equal("scenarios/goed.yml", scenario.File);
        Assert.Same(scenario, Assert.Single(result.PlayableScenarios));
    }

    [Fact]
    public void A_scenario_with_errors_is_loaded_but_not_playable()
    {
        var result = ScenarioTestData.CheckCorpusCase("gwt304-onbekende-knoop");

        Assert.Equal(2, result.Load.Scenarios.Count);
        Assert.Empty(result.PlayableScenarios);
        Assert.All(result.Reports, r => Assert.Null(r.MaxScores));
        Assert.All(result.Reports, r => Assert.Equal(1, r.ErrorCount));
    }

    [Fact]
    public void Test_paths_are_not_replayed_in_a_graph_with_a_cycle()
    {
        var report = Assert.Single(ScenarioTestData.CheckCorpusCase("gwt308-lus").Reports);

        Assert.Equal(1, report.TestPathCount);
        Assert.Null(report.TestPathsPassed);
    }

    [Fact]
    public void Failing_test_paths_are_counted()
    {
        var report = Assert.Single(ScenarioTestData.CheckCorpusCase("gwt312-testpaden").Reports);

        Assert.Equal((1, 7), (report.TestPathsPassed, report.TestPathCount));
    }

    [Fact]
    public void Messages_name_the_place_and_what_to_do()
    {
        var diagnostics = ScenarioTestData.CheckCorpusCase("gwt308-lus").Diagnostics;

        Assert.Equal(
            "scenarios/lus.yml:32:15: error GWT308: keuze 1 van knoop 'midden' leidt terug naar 'begin', dat al op dit pad ligt (een lus); schrijf een nieuwe knoop",
            diagnostics[0].ToString());
    }

    [Fact]
    public void Without_a_competency_list_competencies_are_not_checked_but_the_missing_file_is_an_error()
    {
        using var temp = new TempDirectory();
        var load = ScenarioLoader.Load(Path.Combine(ScenarioTestData.BrokenCorpus, "gwt309-onbekend", "scenarios"), Path.Combine(temp.Path, "nergens.yml"));
        var result = ScenarioValidator.Validate(load, ScenarioTestData.Library);

        Assert.False(load.Catalog.IsLoaded);
        Assert.Contains(result.Diagnostics, d => d.ToString().StartsWith("content/competenties.yml:1:1: error GWT320: ", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Diagnostics, d => d.Message.StartsWith("onbekende competentie", StringComparison.Ordinal));
    }

    private static IEnumerable<string> AllCodes() =>
        typeof(ScenarioDiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!);
}

/// <summary>
/// The check command releases each scenario once it is checked (<c>keepScenarios: false</c>); it must report exactly
/// what the check that keeps them reports, and what loading first and validating afterwards reports.
/// </summary>
public sealed class ReleasingCheckTests
{
    private static string Describe(ScenarioReport r) =>
        $"{r.File} id={r.Id} errors={r.ErrorCount} warnings={r.WarningCount} catalogue={r.InCatalogue} " +
        $"competencies=[{string.Join(",", r.Competencies)}] decisions={r.DecisionNodeCount} endings={r.EndingCount} " +
        $"paths={r.TestPathsPassed?.ToString() ?? "-"}/{r.TestPathCount} " +
        $"max={(r.MaxScores is null ? "-" : string.Join(",", r.MaxScores.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}:{p.Value}")))}";

    private static void AssertSameOutcome(string root)
    {
        var kept = ScenarioValidator.Check(root, ScenarioTestData.Library);
        var released = ScenarioValidator.Check(root, ScenarioTestData.Library, keepScenarios: false);
        var separate = ScenarioValidator.Validate(ScenarioLoader.Load(root), ScenarioTestData.Library);

        Assert.Empty(released.Load.Scenarios);
        Assert.Empty(released.PlayableScenarios);
        Assert.Equal(kept.Load.Files, released.Load.Files);
        Assert.Equal(kept.Diagnostics.Select(d => d.ToString()), released.Diagnostics.Select(d => d.ToString()));
        Assert.Equal(separate.Diagnostics.Select(d => d.ToString()), released.Diagnostics.Select(d => d.ToString()));
        Assert.Equal(kept.Reports.Select(Describe), released.Reports.Select(Describe));
        Assert.Equal(separate.Reports.Select(Describe), released.Reports.Select(Describe));
        Assert.Equal(kept.Reports.Count, kept.Load.Scenarios.Count);
    }

    [Fact]
    public void On_the_shipped_scenarios()
    {
        AssertSameOutcome(TestPaths.RepositoryRoot);
    }

    public static TheoryData<string> CorpusCases() =>
        new(Directory.GetDirectories(ScenarioTestData.BrokenCorpus).Select(Path.GetFileName).Order().ToArray()!);

    [Theory]
    [MemberData(nameof(CorpusCases))]
    public void On_every_corpus_case(string folder)
    {
        using var temp = new TempDirectory();
        var source = Path.Combine(ScenarioTestData.BrokenCorpus, folder);
        foreach (var file in Directory.GetFiles(Path.Combine(source, "scenarios")))
        {
            temp.Write(Path.Combine("scenarios", Path.GetFileName(file)), File.ReadAllBytes(file));
        }
        var own = Path.Combine(source, "content", "competenties.yml");
        temp.Write(Path.Combine("content", "competenties.yml"), File.ReadAllBytes(File.Exists(own) ? own : ScenarioTestData.ShippedCompetencies));

        AssertSameOutcome(temp.Path);
    }
}
