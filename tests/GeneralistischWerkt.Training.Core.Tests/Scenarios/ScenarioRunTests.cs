using GeneralistischWerkt.Training.Core.Scenarios;

namespace GeneralistischWerkt.Training.Core.Tests.Scenarios;

/// <summary>The engine: one play of a scenario, immutable and fully determined by the choices made.</summary>
public class ScenarioRunTests
{
    /// <summary>begin → (1) vragen → (1) goed | (2) deels; begin → (2) slecht. Trust starts at 9 of 0..10.</summary>
    private static readonly Scenario Gesprek = ScenarioTestData.Parse("""
        id: test
        titel: Test
        beschrijving: Een klein gesprek om de motor te testen.
        thema: actief-luisteren
        fase: eerste-onthaal
        duur: 2
        doelgroep: voorbeeld
        competenties: [parafraseren, open-vragen, samenvatten]
        personen:
          - id: sara
            naam: Sara
            rol: cliënt
            beschrijving: Komt voor het eerst.
            toestand:
              - { id: vertrouwen, naam: Vertrouwen, start: 9, min: 0, max: 10 }
        start: begin
        knopen:
          - id: begin
            spreker: sara
            tekst: Ik weet niet waarom ik hier ben.
            keuzes:
              - tekst: Je weet niet waarom je hier bent.
                naar: vragen
                scores: { parafraseren: 2 }
                toestand: { sara.vertrouwen: 5 }
                feedback: Je parafraseert.
              - tekst: Omdat het moet.
                naar: slecht
                scores: { parafraseren: -1 }
                toestand: { sara.vertrouwen: -20 }
                feedback: Je sluit af.
          - id: vragen
            spreker: sara
            tekst: Ze zeiden dat jullie helpen.
            keuzes:
              - tekst: Wat heb je al geprobeerd?
                naar: goed
                scores: { open-vragen: 2, parafraseren: 1 }
                toestand: { sara.vertrouwen: -3 }
                feedback: Een open vraag.
              - tekst: Ik schrijf je in.
                naar: deels
                feedback: Te snel.
          - id: goed
            spreker: sara
            tekst: Dank je.
            einde: { uitkomst: geslaagd, nabespreking: Goed. }
          - id: deels
            spreker: sara
            tekst: Als het moet.
            einde: { uitkomst: deels, nabespreking: Half. }
          - id: slecht
            spreker: sara
            tekst: Tja.
            einde: { uitkomst: niet-geslaagd, nabespreking: Niet goed. }
        """);

    [Fact]
    public void Start_is_at_the_start_node_with_zero_scores_and_starting_states()
    {
        var run = ScenarioRun.Start(Gesprek);

        Assert.Equal("begin", run.CurrentNode.Id);
        Assert.False(run.IsFinished);
        Assert.Null(run.Outcome);
        Assert.Empty(run.Path);
        Assert.Empty(run.Steps);
        Assert.Equal(2, run.Choices.Count);
        Assert.Equal(new Dictionary<string, int> { ["parafraseren"] = 0, ["open-vragen"] = 0, ["samenvatten"] = 0 }, run.Scores);
        Assert.Equal(new Dictionary<string, int> { ["sara.vertrouwen"] = 9 }, run.States);
    }

    [Fact]
    public void Choose_moves_on_adds_scores_and_records_the_path()
    {
        var run = ScenarioRun.Start(Gesprek).Choose(0).Choose(0);

        Assert.Equal("goed", run.CurrentNode.Id);
        Assert.True(run.IsFinished);
        Assert.Equal(ScenarioOutcome.Passed, run.Outcome);
        Assert.Equal([0, 0], run.Path);
        Assert.Equal(["begin", "vragen"], run.Steps.Select(s => s.Node.Id));
        Assert.Equal("Wat heb je al geprobeerd?", run.Steps[1].Choice.Text);
        Assert.Equal(3, run.Scores["parafraseren"]);
        Assert.Equal(2, run.Scores["open-vragen"]);
        Assert.Equal(0, run.Scores["samenvatten"]);
    }

    [Fact]
    public void A_run_is_immutable()
    {
        var start = ScenarioRun.Start(Gesprek);
        var next = start.Choose(0);

        Assert.NotSame(start, next);
        Assert.Equal("begin", start.CurrentNode.Id);
        Assert.Empty(start.Path);
        Assert.Equal(0, start.Scores["parafraseren"]);
        Assert.Equal(9, start.States["sara.vertrouwen"]);
    }

    [Fact]
    public void States_are_kept_between_min_and_max()
    {
        var up = ScenarioRun.Start(Gesprek).Choose(0);
        Assert.Equal(10, up.States["sara.vertrouwen"]); // 9 + 5, capped at max 10

        Assert.Equal(7, up.Choose(0).States["sara.vertrouwen"]); // 10 − 3: clamping happens per step, not at the end

        var down = ScenarioRun.Start(Gesprek).Choose(1);
        Assert.Equal(0, down.States["sara.vertrouwen"]); // 9 − 20, floored at min 0
        Assert.Equal(-1, down.Scores["parafraseren"]); // scores are not clamped
    }

    [Fact]
    public void Serialize_and_deserialize_round_trip()
    {
        var run = ScenarioRun.Start(Gesprek).Choose(0);

        var json = run.Serialize();
        var back = ScenarioRun.Deserialize(Gesprek, json);

        Assert.Contains("\"test\"", json);
        Assert.Equal(run.Path, back.Path);
        Assert.Equal(run.CurrentNode.Id, back.CurrentNode.Id);
        Assert.Equal(run.Scores, back.Scores);
        Assert.Equal(run.States, back.States);
        Assert.Equal(json, back.Serialize());
    }

    [Fact]
    public void Resume_gives_the_same_state_as_playing_step_by_step()
    {
        var played = ScenarioRun.Start(Gesprek).Choose(0).Choose(1);
        var resumed = ScenarioRun.Resume(Gesprek, [0, 1]);

        Assert.Equal(played.Path, resumed.Path);
        Assert.Same(played.CurrentNode, resumed.CurrentNode);
        Assert.Equal(played.Scores, resumed.Scores);
        Assert.Equal(played.States, resumed.States);
        Assert.Equal(played.Outcome, resumed.Outcome);
        Assert.Equal(played.Steps.Select(s => (s.Node.Id, s.ChoiceIndex)), resumed.Steps.Select(s => (s.Node.Id, s.ChoiceIndex)));
        Assert.Equal(ScenarioOutcome.Partial, resumed.Outcome);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(2)]
    [InlineData(int.MaxValue)]
    public void An_invalid_choice_throws(int index)
    {
        var run = ScenarioRun.Start(Gesprek);

        var exception = Assert.Throws<ScenarioRunException>(() => run.Choose(index));
        Assert.Contains("bestaat niet", exception.Message);
    }

    [Fact]
    public void A_finished_run_refuses_choices()
    {
        var run = ScenarioRun.Resume(Gesprek, [1]);

        Assert.True(run.IsFinished);
        Assert.Empty(run.Choices);
        var exception = Assert.Throws<ScenarioRunException>(() => run.Choose(0));
        Assert.Equal("Het gesprek is al afgelopen.", exception.Message);
    }

    [Fact]
    public void Resume_with_an_invalid_path_throws()
    {
        Assert.Throws<ScenarioRunException>(() => ScenarioRun.Resume(Gesprek, [0, 5]));
        Assert.Throws<ScenarioRunException>(() => ScenarioRun.Resume(Gesprek, [1, 0]));
    }

    [Theory]
    [InlineData("")]
    [InlineData("geen json")]
    [InlineData("null")]
    [InlineData("[1, 2]")]
    [InlineData("{\"ScenarioId\": 5}")]
    [InlineData("{\"ScenarioId\": \"ander\", \"Path\": [0]}")]
    [InlineData("{\"ScenarioId\": \"test\", \"Path\": [0, 9]}")]
    public void Deserializing_a_broken_or_foreign_run_throws_a_run_exception(string json)
    {
        Assert.Throws<ScenarioRunException>(() => ScenarioRun.Deserialize(Gesprek, json));
    }

    [Fact]
    public void A_stored_run_without_a_path_is_a_fresh_start()
    {
        var run = ScenarioRun.Deserialize(Gesprek, "{\"ScenarioId\": \"test\"}");

        Assert.Equal("begin", run.CurrentNode.Id);
        Assert.Empty(run.Path);
    }

    [Fact]
    public void Runs_are_deterministic()
    {
        var paths = new[] { new[] { 0, 0 }, [0, 1], [1] };
        foreach (var path in paths)
        {
            var first = ScenarioRun.Resume(Gesprek, path);
            for (var i = 0; i < 20; i++)
            {
                var again = ScenarioRun.Resume(Gesprek, path);
                Assert.Equal(first.Serialize(), again.Serialize());
                Assert.Equal(first.Scores, again.Scores);
                Assert.Equal(first.States, again.States);
                Assert.Same(first.CurrentNode, again.CurrentNode);
            }
        }
    }

    [Fact]
    public void The_score_card_compares_with_the_highest_reachable_score()
    {
        var card = ScenarioRun.Resume(Gesprek, [0, 1]).ScoreCard();

        Assert.Equal(
            [new CompetencyScore("parafraseren", 2, 3), new CompetencyScore("open-vragen", 0, 2), new CompetencyScore("samenvatten", 0, 0)],
            card);
    }

    [Fact]
    public void A_scenario_without_its_start_node_cannot_start()
    {
        var broken = ScenarioTestData.Parse(File.ReadAllText(Path.Combine(ScenarioTestData.ShippedScenarios, "voorbeeld-kennismaking.yml"))
            .Replace("start: begin", "start: nergens"), "scenarios/voorbeeld-kennismaking.yml");

        Assert.Throws<ScenarioRunException>(() => ScenarioRun.Start(broken));
    }
}
