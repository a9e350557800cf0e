using System.Text;
using GeneralistischWerkt.Training.Core.Content;
using GeneralistischWerkt.Training.Core.Scenarios;
using GeneralistischWerkt.Training.Core.Tests.Content;

namespace GeneralistischWerkt.Training.Core.Tests.Scenarios;

public class ScenarioLoaderTests
{
    private static string ExampleText => File.ReadAllText(Path.Combine(ScenarioTestData.ShippedScenarios, "voorbeeld-kennismaking.yml"));

    [Fact]
    public void The_example_loads_with_every_field()
    {
        var scenario = ScenarioTestData.Parse(ExampleText, "scenarios/voorbeeld-kennismaking.yml");

        Assert.Equal("voorbeeld-kennismaking", scenario.Id);
        Assert.Equal("actief-luisteren", scenario.Theme);
        Assert.Equal("eerste-onthaal", scenario.PhaseId);
        Assert.Equal(3, scenario.DurationMinutes);
        Assert.Equal(ScenarioAudiences.Example, scenario.Audience);
        Assert.False(scenario.InCatalogue);
        Assert.Equal(["parafraseren", "open-vragen", "vertrouwensrelatie"], scenario.Competencies);
        var sara = Assert.Single(scenario.People);
        Assert.Equal(("sara", "Sara", "cliënt"), (sara.Id, sara.Name, sara.Role));
        var trust = Assert.Single(sara.States);
        Assert.Equal(("vertrouwen", "Vertrouwen", 4, 0, 10), (trust.Id, trust.Name, trust.Start, trust.Min, trust.Max));
        Assert.Equal("begin", scenario.StartNodeId);
        Assert.Equal(["begin", "uitleg", "dicht", "einde-deels", "einde-samen-verder"], scenario.Nodes.Select(n => n.Id));

        var begin = scenario.Node("begin")!;
        Assert.Equal("sara", begin.SpeakerId);
        Assert.StartsWith("Sara gaat op het puntje", begin.StageDirection);
        Assert.StartsWith("Weer iemand", begin.Thought);
        var first = begin.Choices[0];
        Assert.Equal("uitleg", first.NextNodeId);
        Assert.Equal(new Dictionary<string, int> { ["parafraseren"] = 2, ["open-vragen"] = 1 }, first.Scores);
        Assert.Equal(new Dictionary<string, int> { ["sara.vertrouwen"] = 1 }, first.StateChanges);
        Assert.Equal("techniek:parafraseren", Assert.Single(first.Links).Target);
        Assert.Equal("Wat maakte dat je hiervoor koos?", first.ReflectionQuestion);
        Assert.Null(begin.Choices[1].ReflectionQuestion);

        var ending = scenario.Node("einde-samen-verder")!.Ending!;
        Assert.Equal(ScenarioOutcome.Passed, ending.Outcome);
        Assert.StartsWith("Je gaf Sara ruimte", ending.Debrief);

        Assert.Equal(2, scenario.TestPaths.Count);
        Assert.Equal(("het sterkste pad", "einde-samen-verder"), (scenario.TestPaths[0].Name, scenario.TestPaths[0].EndingId));
        Assert.Equal([1, 1], scenario.TestPaths[0].Choices);
        Assert.Equal(3, scenario.TestPaths[0].Scores!["open-vragen"]);
        Assert.Null(scenario.TestPaths[1].Scores);
    }

    [Fact]
    public void Positions_point_at_the_values_in_the_file()
    {
        const string file = "scenarios/voorbeeld-kennismaking.yml";
        var scenario = ScenarioTestData.Parse(ExampleText, file);
        var begin = scenario.Node("begin")!;

        Assert.Equal(new SourcePosition(file, 1, 1), scenario.Position);
        Assert.Equal(new SourcePosition(file, 20, 8), scenario.PositionOf("start"));
        Assert.Equal(new SourcePosition(file, 8, 43), scenario.PositionOf("competenties[2]"));
        Assert.Equal(new SourcePosition(file, 21, 1), scenario.PositionOf("knopen")); // a block list: the key's line
        Assert.Equal(new SourcePosition(file, 22, 5), begin.Position);
        Assert.Equal(new SourcePosition(file, 22, 9), begin.PositionOf("id"));
        Assert.Equal(new SourcePosition(file, 28, 9), begin.Choices[0].Position);
        Assert.Equal(new SourcePosition(file, 29, 15), begin.Choices[0].PositionOf("naar"));
        Assert.Equal(new SourcePosition(file, 30, 36), begin.Choices[0].PositionOf("scores.open-vragen"));
        Assert.Equal(new SourcePosition(file, 31, 21), begin.Choices[0].PositionOf("toestand.sara.vertrouwen"));
        Assert.Equal(new SourcePosition(file, 33, 18), begin.Choices[0].Links[0].Position);
        Assert.Equal(new SourcePosition(file, 15, 13), scenario.People[0].States[0].PositionOf("id"));
        Assert.Equal(new SourcePosition(file, 63, 17), scenario.Node("dicht")!.PositionOf("einde.uitkomst"));
        Assert.Equal(new SourcePosition(file, 79, 14), scenario.TestPaths[0].PositionOf("keuzes[0]"));
        Assert.Equal(new SourcePosition(file, 80, 12), scenario.TestPaths[0].PositionOf("einde"));
    }

    [Fact]
    public void The_repository_competency_list_loads_without_problems()
    {
        var diagnostics = new List<Diagnostic>();
        var catalog = CompetencyCatalog.Load(ScenarioTestData.ShippedCompetencies, "content/competenties.yml", diagnostics);

        Assert.Empty(diagnostics);
        Assert.Empty(catalog.CheckLinks(ScenarioTestData.Library));
        Assert.True(catalog.IsLoaded);
        Assert.True(catalog.Competencies.Count >= 30);
        Assert.Equal(catalog.Competencies.Count, catalog.Competencies.Select(c => c.Id).Distinct().Count());
        var paraphrasing = catalog.Find("parafraseren")!;
        Assert.Equal(("Parafraseren", "gesprekstechniek", "techniek:parafraseren"), (paraphrasing.Name, paraphrasing.Group, paraphrasing.Link.Target));
        Assert.All(catalog.Competencies, c => Assert.NotNull(ScenarioTestData.Library.Find(c.Link)));
    }

    [Fact]
    public void Load_of_a_repository_root_reads_scenarios_and_competencies()
    {
        var result = ScenarioLoader.Load(TestPaths.RepositoryRoot);

        Assert.Contains("scenarios/voorbeeld-kennismaking.yml", result.Files);
        Assert.Contains(result.Scenarios, s => s.Id == "voorbeeld-kennismaking" && s.File == "scenarios/voorbeeld-kennismaking.yml");
        Assert.True(result.Competencies.Count >= 30);
        Assert.Equal(result.Files.Order(StringComparer.Ordinal), result.Files);
    }

    [Fact]
    public void A_missing_scenarios_folder_is_no_scenarios()
    {
        using var temp = new TempDirectory();
        var result = ScenarioLoader.Load(Path.Combine(temp.Path, "scenarios"), ScenarioTestData.ShippedCompetencies);

        Assert.Empty(result.Scenarios);
        Assert.Empty(result.Files);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Random_bytes_become_diagnostics_not_exceptions()
    {
        using var temp = new TempDirectory();
        var random = new Random(20251124);
        for (var i = 0; i < 60; i++)
        {
            var bytes = new byte[random.Next(0, 4000)];
            random.NextBytes(bytes);
            if (i % 3 == 0 && bytes.Length > 20) "id: x\nknopen:\n  - "u8.CopyTo(bytes); // sometimes start like a scenario
            temp.Write($"scenarios/willekeurig-{i}.yml", bytes);
        }
        temp.Write("content/competenties.yml", RandomBytes(random, 500));

        var result = ScenarioValidator.Validate(
            ScenarioLoader.Load(Path.Combine(temp.Path, "scenarios"), Path.Combine(temp.Path, "content", "competenties.yml")),
            ScenarioTestData.Library);

        Assert.Equal(60, result.FileCount);
        Assert.True(result.ErrorCount >= 61);
        Assert.Empty(result.PlayableScenarios);
        Assert.All(result.Diagnostics, d => Assert.Matches(@"^(scenarios/willekeurig-\d+\.yml|content/competenties\.yml)$", d.File));
    }

    [Fact]
    public void Mangled_scenarios_never_throw_and_never_hang()
    {
        var text = ExampleText;
        var random = new Random(7);
        const string alphabet = ":-[]{},'\"#&*!|>\t\n  abc123.";
        for (var i = 0; i < 400; i++)
        {
            var mangled = new StringBuilder(text);
            for (var edits = random.Next(1, 6); edits > 0; edits--)
            {
                var at = random.Next(mangled.Length);
                switch (random.Next(3))
                {
                    case 0: mangled.Remove(at, Math.Min(random.Next(1, 30), mangled.Length - at)); break;
                    case 1: mangled.Insert(at, alphabet[random.Next(alphabet.Length)]); break;
                    default: mangled[at] = alphabet[random.Next(alphabet.Length)]; break;
                }
            }

            var diagnostics = new List<Diagnostic>();
            var scenario = ScenarioLoader.Parse(mangled.ToString(), "scenarios/voorbeeld-kennismaking.yml", diagnostics);
            if (scenario is null)
            {
                Assert.Contains(diagnostics, d => d.IsError);
                continue;
            }
            var catalog = CompetencyCatalog.Load(ScenarioTestData.ShippedCompetencies, "content/competenties.yml", []);
            ScenarioValidator.Validate(scenario, ScenarioTestData.Library, catalog, diagnostics);
            if (diagnostics.All(d => !d.IsError)) ScenarioAnalysis.MaxScores(scenario);
            Assert.All(diagnostics, d => Assert.Equal("scenarios/voorbeeld-kennismaking.yml", d.File));
        }
    }

    [Fact]
    public void A_file_that_is_too_large_is_refused()
    {
        using var temp = new TempDirectory();
        temp.Write("scenarios/groot.yml", "# " + new string('x', (int)ScenarioLoader.MaxFileBytes) + "\n");

        var result = ScenarioLoader.Load(Path.Combine(temp.Path, "scenarios"), ScenarioTestData.ShippedCompetencies);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("scenarios/groot.yml:1:1: error GWT300", $"{diagnostic.File}:{diagnostic.Line}:{diagnostic.Column}: error {diagnostic.Code}");
        Assert.Empty(result.Scenarios);
    }

    [Fact]
    public void Too_many_nodes_is_refused_before_any_graph_walk()
    {
        var nodes = new StringBuilder();
        for (var i = 0; i < 1001; i++)
        {
            nodes.Append($"  - {{ id: k{i}, spreker: sara, tekst: T, keuzes: [ {{ tekst: V, naar: k{i + 1}, feedback: F }}, {{ tekst: W, naar: k{i + 1}, feedback: F }} ] }}\n");
        }
        var yaml = ExampleText[..ExampleText.IndexOf("knopen:", StringComparison.Ordinal)] + "knopen:\n" + nodes;

        var diagnostics = new List<Diagnostic>();
        var scenario = ScenarioLoader.Parse(yaml, "scenarios/voorbeeld-kennismaking.yml", diagnostics);

        Assert.Null(scenario);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(("GWT302", 21), (diagnostic.Code, diagnostic.Line));
    }

    [Fact]
    public void Lists_reused_through_yaml_aliases_cannot_make_the_check_slow()
    {
        // Every node is the same node, and its 5000 choices are one list: small text, huge tree if read naively.
        var choices = string.Join(", ", Enumerable.Repeat("{ tekst: a, naar: k, feedback: f }", 5000));
        var yaml = ExampleText[..ExampleText.IndexOf("knopen:", StringComparison.Ordinal)]
            + $"knopen:\n  - &n {{ id: k, spreker: sara, tekst: T, keuzes: [ {choices} ] }}\n"
            + string.Concat(Enumerable.Repeat("  - *n\n", 999));
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var diagnostics = new List<Diagnostic>();
        var scenario = ScenarioLoader.Parse(yaml, "scenarios/voorbeeld-kennismaking.yml", diagnostics);
        ScenarioValidator.Validate(scenario!, ScenarioTestData.Library, CompetencyCatalog.Missing, diagnostics);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"took {watch.Elapsed}");
        Assert.Contains(diagnostics, d => d.Code == "GWT302" && d.Message.Contains("meer dan 20", StringComparison.Ordinal));
        Assert.Single(scenario!.Nodes);
        Assert.Equal(20, scenario.Nodes[0].Choices.Count);
    }

    [Fact]
    public void A_long_chain_is_checked_without_recursion_problems()
    {
        // 1000 nodes in a row: every walk over the graph must cope with this depth.
        var nodes = new StringBuilder();
        for (var i = 0; i < 999; i++)
        {
            var next = i == 998 ? "eind" : $"k{i + 1}";
            // Three choices with the scoring one in turn at each place: a fair chain gives no GWT354/GWT355.
            var choices = new[] { $"{{ tekst: V, naar: {next}, scores: {{ parafraseren: 1 }}, feedback: F }}", "{ tekst: W, naar: eind, feedback: F }", "{ tekst: X, naar: eind, feedback: F }" };
            var order = Enumerable.Range(0, 3).Select(c => choices[(c + i) % 3]);
            nodes.Append($"  - {{ id: k{i}, spreker: sara, tekst: T, keuzes: [ {string.Join(", ", order)} ] }}\n");
        }
        nodes.Append("  - { id: eind, spreker: sara, tekst: T, einde: { uitkomst: geslaagd, nabespreking: N } }\n");
        var yaml = "id: keten\ntitel: T\nbeschrijving: B\nthema: actief-luisteren\nfase: eerste-onthaal\nduur: 5\ndoelgroep: voorbeeld\n"
            + "competenties: [parafraseren]\npersonen:\n  - { id: sara, naam: S, rol: R, beschrijving: B }\nstart: k0\nknopen:\n" + nodes;

        var scenario = ScenarioTestData.Parse(yaml, "scenarios/keten.yml");
        var diagnostics = new List<Diagnostic>();
        ScenarioValidator.Validate(scenario, ScenarioTestData.Library, CompetencyCatalog.Missing, diagnostics);

        Assert.Empty(diagnostics);
        Assert.Equal(999, ScenarioAnalysis.MaxScores(scenario)["parafraseren"]);
    }

    [Fact]
    public void Parse_names_the_file_in_every_diagnostic()
    {
        var diagnostics = new List<Diagnostic>();
        var scenario = ScenarioLoader.Parse("id: [niet, goed\n", "scenarios/x.yml", diagnostics);

        Assert.Null(scenario);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("GWT300", diagnostic.Code);
        Assert.StartsWith("scenarios/x.yml:1:5: error GWT300: ", diagnostic.ToString());
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
