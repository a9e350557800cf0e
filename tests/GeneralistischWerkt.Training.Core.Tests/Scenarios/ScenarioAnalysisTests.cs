using GeneralistischWerkt.Training.Core.Scenarios;

namespace GeneralistischWerkt.Training.Core.Tests.Scenarios;

/// <summary>Highest reachable score per competency and the best choice, on graphs where greed doesn't pay.</summary>
public class ScenarioAnalysisTests
{
    /// <summary>
    /// begin: (1) +3 parafraseren straight to an ending, or (2) +1 to 'verder', where (1) gives +5 more.
    /// Greedy would take 3; the best path gives 6. Open vragen is highest (4) on a third way.
    /// </summary>
    private static Scenario Trap() => ScenarioTestData.Parse("""
        id: val
        titel: Val
        beschrijving: De gulzige keuze is niet de beste.
        thema: actief-luisteren
        fase: eerste-onthaal
        duur: 2
        doelgroep: voorbeeld
        competenties: [parafraseren, open-vragen, samenvatten]
        personen:
          - { id: sara, naam: Sara, rol: cliënt, beschrijving: Test. }
        start: begin
        knopen:
          - id: begin
            spreker: sara
            tekst: Begin.
            keuzes:
              - { tekst: Snel scoren., naar: kort, scores: { parafraseren: 3 }, feedback: Snel. }
              - { tekst: Geduld., naar: verder, scores: { parafraseren: 1 }, feedback: Geduld. }
              - { tekst: Vragen., naar: vragen, scores: { parafraseren: -2, open-vragen: 1 }, feedback: Vragen. }
          - id: verder
            spreker: sara
            tekst: Verder.
            keuzes:
              - { tekst: Goed parafraseren., naar: lang, scores: { parafraseren: 5 }, feedback: Goed. }
              - { tekst: Niets., naar: kort, feedback: Niets. }
          - id: vragen
            spreker: sara
            tekst: Vragen.
            keuzes:
              - { tekst: Nog een vraag., naar: lang, scores: { open-vragen: 3 }, feedback: Vraag. }
              - { tekst: Stoppen., naar: kort, scores: { open-vragen: -1 }, feedback: Stop. }
          - { id: kort, spreker: sara, tekst: Kort., einde: { uitkomst: deels, nabespreking: Kort. } }
          - { id: lang, spreker: sara, tekst: Lang., einde: { uitkomst: geslaagd, nabespreking: Lang. } }
        """);

    [Fact]
    public void Max_scores_follow_the_best_path_not_the_greedy_one()
    {
        var max = ScenarioAnalysis.MaxScores(Trap());

        Assert.Equal(6, max["parafraseren"]);
        Assert.Equal(4, max["open-vragen"]);
        Assert.Equal(0, max["samenvatten"]); // declared but never scored
    }

    [Fact]
    public void The_best_choice_looks_ahead()
    {
        var scenario = Trap();

        Assert.Equal(1, ScenarioAnalysis.BestChoiceIndex(scenario, scenario.Node("begin")!)); // 1 + 5 beats 3 and −2 + 1 + 3
        Assert.Equal(0, ScenarioAnalysis.BestChoiceIndex(scenario, scenario.Node("verder")!));
        Assert.Equal(0, ScenarioAnalysis.BestChoiceIndex(scenario, scenario.Node("vragen")!));
    }

    [Fact]
    public void Every_reachable_max_is_actually_reached_by_some_path()
    {
        var scenario = Trap();
        var max = ScenarioAnalysis.MaxScores(scenario);
        var reached = AllPaths(scenario).Select(path => ScenarioRun.Resume(scenario, path)).ToList();

        foreach (var (competency, value) in max)
        {
            Assert.Equal(value, reached.Max(run => run.Scores.GetValueOrDefault(competency)));
        }
    }

    [Fact]
    public void Ties_on_score_go_to_the_better_outcome_then_to_the_first_choice()
    {
        var scenario = ScenarioTestData.Parse("""
            id: gelijk
            titel: Gelijk
            beschrijving: Twee keuzes met dezelfde score.
            thema: actief-luisteren
            fase: eerste-onthaal
            duur: 2
            doelgroep: voorbeeld
            competenties: [parafraseren]
            personen:
              - { id: sara, naam: Sara, rol: cliënt, beschrijving: Test. }
            start: begin
            knopen:
              - id: begin
                spreker: sara
                tekst: Begin.
                keuzes:
                  - { tekst: A., naar: slecht, scores: { parafraseren: 1 }, feedback: A. }
                  - { tekst: B., naar: goed, scores: { parafraseren: 1 }, feedback: B. }
                  - { tekst: C., naar: goed, scores: { parafraseren: 1 }, feedback: C. }
              - { id: slecht, spreker: sara, tekst: Slecht., einde: { uitkomst: niet-geslaagd, nabespreking: S. } }
              - { id: goed, spreker: sara, tekst: Goed., einde: { uitkomst: geslaagd, nabespreking: G. } }
            """);

        Assert.Equal(1, ScenarioAnalysis.BestChoiceIndex(scenario, scenario.Node("begin")!));
    }

    [Fact]
    public void The_example_scenario_has_the_documented_maxima()
    {
        var diagnostics = new List<GeneralistischWerkt.Training.Core.Content.Diagnostic>();
        var path = Path.Combine(ScenarioTestData.ShippedScenarios, "voorbeeld-kennismaking.yml");
        var scenario = ScenarioLoader.Parse(File.ReadAllText(path), "scenarios/voorbeeld-kennismaking.yml", diagnostics)!;

        Assert.Equal(
            new Dictionary<string, int> { ["parafraseren"] = 3, ["open-vragen"] = 3, ["vertrouwensrelatie"] = 1 },
            ScenarioAnalysis.MaxScores(scenario));
        Assert.Equal(0, ScenarioAnalysis.BestChoiceIndex(scenario, scenario.Node("begin")!));
    }

    private static IEnumerable<int[]> AllPaths(Scenario scenario)
    {
        var stack = new Stack<int[]>([[]]);
        while (stack.Count > 0)
        {
            var path = stack.Pop();
            var run = ScenarioRun.Resume(scenario, path);
            if (run.IsFinished)
            {
                yield return path;
                continue;
            }
            for (var i = 0; i < run.Choices.Count; i++) stack.Push([.. path, i]);
        }
    }
}
