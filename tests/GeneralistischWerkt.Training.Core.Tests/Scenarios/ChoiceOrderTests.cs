using GeneralistischWerkt.Training.Core.Scenarios;

namespace GeneralistischWerkt.Training.Core.Tests.Scenarios;

/// <summary>The order of the choices in the player (per attempt) and the kind signal of how good a choice was.</summary>
public class ChoiceOrderTests
{
    /// <summary>begin has four choices, the best one written first (as authors tend to).</summary>
    private static readonly Scenario Vier = ScenarioTestData.Parse("""
        id: vier
        titel: Vier keuzes
        beschrijving: Een knoop met vier keuzes.
        thema: actief-luisteren
        fase: eerste-onthaal
        duur: 2
        doelgroep: voorbeeld
        competenties: [parafraseren, open-vragen]
        personen:
          - { id: sara, naam: Sara, rol: cliënt, beschrijving: Komt voor het eerst. }
        start: begin
        knopen:
          - id: begin
            spreker: sara
            tekst: Ik weet niet waarom ik hier ben.
            keuzes:
              - { tekst: Je weet niet goed waarom je hier bent., naar: goed, scores: { parafraseren: 2 }, feedback: Je parafraseert. }
              - { tekst: Wat maakt het moeilijk?, naar: goed, scores: { open-vragen: 2 }, feedback: Ook sterk. }
              - { tekst: Vertel eens., naar: deels, feedback: Kan. }
              - { tekst: Omdat het moet., naar: deels, scores: { parafraseren: -1 }, feedback: Je sluit af. }
          - id: goed
            spreker: sara
            tekst: Dank je.
            einde: { uitkomst: geslaagd, nabespreking: Goed. }
          - id: deels
            spreker: sara
            tekst: Als het moet.
            einde: { uitkomst: deels, nabespreking: Half. }
        """);

    private static ScenarioNode Begin => Vier.Node("begin")!;

    [Fact]
    public void The_order_is_a_permutation_and_the_same_for_the_same_attempt_and_node()
    {
        for (long attempt = 1; attempt <= 50; attempt++)
        {
            var order = ChoiceOrder.For(attempt, Begin);
            Assert.Equal([0, 1, 2, 3], order.Order());
            Assert.Equal(order, ChoiceOrder.For(attempt, Begin));
        }
    }

    [Fact]
    public void Across_attempts_every_choice_comes_first_sometimes()
    {
        var firsts = Enumerable.Range(1, 200).Select(a => ChoiceOrder.For(a, Begin)[0]).ToHashSet();
        Assert.Equal([0, 1, 2, 3], firsts.Order());
        Assert.True(Enumerable.Range(1, 20).Select(a => string.Join(",", ChoiceOrder.For(a, Begin))).Distinct().Count() > 5);
    }

    [Fact]
    public void Choosing_by_displayed_place_stores_the_scenarios_own_index()
    {
        foreach (var attempt in new long[] { 3, 17, 4242 })
        {
            var order = ChoiceOrder.For(attempt, Begin);
            for (var place = 0; place < order.Count; place++)
            {
                var run = ScenarioRun.Start(Vier).Choose(order[place]);
                Assert.Equal(Begin.Choices[order[place]].Text, run.Steps[0].Choice.Text);
                Assert.Equal([order[place]], run.Path);
            }
        }
    }

    [Fact]
    public void Quality_is_strong_for_every_best_choice_weak_when_it_costs_points_and_otherwise_could_be_stronger()
    {
        Assert.Equal(ChoiceQuality.Strong, ChoiceQualities.Of(Vier, Begin, 0));
        Assert.Equal(ChoiceQuality.Strong, ChoiceQualities.Of(Vier, Begin, 1)); // a tie with the best is best too
        Assert.Equal(ChoiceQuality.CouldBeStronger, ChoiceQualities.Of(Vier, Begin, 2));
        Assert.Equal(ChoiceQuality.Weak, ChoiceQualities.Of(Vier, Begin, 3));
        Assert.Equal(["Sterke keuze", "Kan sterker", "Werkt tegen je"],
            new[] { ChoiceQuality.Strong, ChoiceQuality.CouldBeStronger, ChoiceQuality.Weak }.Select(q => q.ToDutch()));
    }

    [Fact]
    public void Knowledge_check_shuffles_keep_their_order_and_never_start_solved()
    {
        foreach (var key in new[] { "fasen-volgorde", "koppel", "a", "b" })
        {
            var order = Learning.CheckGrading.StableShuffle(key, 3);
            Assert.NotEqual([0, 1, 2], order);
            Assert.Equal(order, Learning.CheckGrading.StableShuffle(key, 3));
        }
    }
}
