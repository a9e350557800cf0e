using GeneralistischWerkt.Training.Core.Scenarios;
using GeneralistischWerkt.Training.Core.Tests.Content;

namespace GeneralistischWerkt.Training.Core.Tests.Scenarios;

/// <summary>The scenarios/ folder of the repository: every scenario in it must pass the check.</summary>
public class ShippedScenariosTests
{
    private static readonly Lazy<ScenarioCheckResult> Result =
        new(() => ScenarioValidator.Check(TestPaths.RepositoryRoot, ScenarioTestData.Library));

    [Fact]
    public void Every_shipped_scenario_passes_the_check_with_zero_errors()
    {
        var errors = Result.Value.Diagnostics.Where(d => d.IsError).Select(d => d.ToString()).ToList();

        Assert.True(errors.Count == 0, $"{errors.Count} fout(en):{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
        Assert.Equal(Result.Value.FileCount, Result.Value.PlayableScenarios.Count);
    }

    [Fact]
    public void The_shipped_scenarios_have_zero_warnings()
    {
        // Includes GWT354/GWT355: the best choice varies in place and most decisions offer at least three options.
        var warnings = Result.Value.Diagnostics.Where(d => !d.IsError).Select(d => d.ToString()).ToList();

        Assert.True(warnings.Count == 0, $"{warnings.Count} waarschuwing(en):{Environment.NewLine}{string.Join(Environment.NewLine, warnings)}");
    }

    [Fact]
    public void No_first_name_is_used_in_two_scenarios()
    {
        // A learner who meets a "Kevin" in two role-plays mixes up two stories: every person has a name of their own.
        var shared = Result.Value.PlayableScenarios
            .SelectMany(s => s.People.Select(p => (FirstName: p.Name.Split(' ')[0], Scenario: s.Id)))
            .GroupBy(x => x.FirstName, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Select(x => x.Scenario).Distinct().Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(x => x.Scenario).Distinct())}")
            .ToList();

        Assert.True(shared.Count == 0, $"Voornamen in meer dan één scenario:{Environment.NewLine}{string.Join(Environment.NewLine, shared)}");
    }

    [Fact]
    public void The_example_scenario_passes_without_errors_or_warnings()
    {
        var report = Assert.Single(Result.Value.Reports, r => r.File == "scenarios/voorbeeld-kennismaking.yml");

        Assert.Equal((0, 0), (report.ErrorCount, report.WarningCount));
        Assert.True(report.IsPlayable);
        Assert.False(report.InCatalogue);
        Assert.Equal((2, 2), (report.TestPathsPassed, report.TestPathCount));
        Assert.Equal((2, 3), (report.DecisionNodeCount, report.EndingCount));
        Assert.DoesNotContain(Result.Value.Diagnostics, d => d.File == "scenarios/voorbeeld-kennismaking.yml");
    }

    [Fact]
    public void The_competency_list_passes()
    {
        Assert.DoesNotContain(Result.Value.Diagnostics, d => d.File == "content/competenties.yml");
        Assert.True(Result.Value.Load.Catalog.IsLoaded);
    }

    [Fact]
    public void Every_playable_scenario_has_a_maximum_for_each_declared_competency()
    {
        foreach (var report in Result.Value.Reports.Where(r => r.IsPlayable))
        {
            Assert.NotNull(report.MaxScores);
            Assert.All(report.Competencies, c => Assert.True(report.MaxScores!.ContainsKey(c), $"{report.File}: {c}"));
        }
    }

    [Theory]
    [InlineData("dienst-belt-over-client")]
    [InlineData("dienst-blokt-af")]
    [InlineData("samen-bellen-nieuwe-dienst")]
    [InlineData("werkgever-belt-in-nazorg")]
    public void The_phone_scenarios_can_be_played_as_a_live_role_play_with_a_card_for_everyone_who_speaks(string id)
    {
        var scenario = Assert.Single(Result.Value.PlayableScenarios, s => s.Id == id);
        Assert.True(scenario.SupportsRolePlay);
        var speakers = scenario.Nodes.Select(n => n.SpeakerId).Where(s => s != ScenarioNode.Narrator).Distinct();
        Assert.All(speakers, speaker => Assert.NotNull(scenario.RoleCard(speaker)));
        Assert.All(scenario.RoleCards, card => Assert.All(new[] { card.Who, card.WantsToKnow, card.NotWithoutConsent, card.Worries },
            text => Assert.False(string.IsNullOrWhiteSpace(text))));
        // A card speaks to the person of this scenario, by the name the conversation uses (not one from an older draft).
        Assert.All(scenario.RoleCards, card => Assert.Contains(scenario.Person(card.PersonId)!.Name.Split(' ')[0], card.Who));
        Assert.InRange(scenario.Observation.Count, 6, 12);
        Assert.All(scenario.Observation, item => Assert.NotEmpty(item.Links));
        // Prompts for the discussion exist, each for a decision node; other decisions get the general prompt.
        Assert.NotEmpty(scenario.DiscussionPrompts);
        Assert.All(scenario.DiscussionPrompts.Keys, node => Assert.NotEmpty(scenario.Node(node)!.Choices));
        var withoutOwn = scenario.Nodes.First(n => n.Choices.Count > 0 && !scenario.DiscussionPrompts.ContainsKey(n.Id));
        Assert.Equal(Scenario.GeneralDiscussionPrompt, scenario.DiscussionPrompt(withoutOwn.Id));
    }

    [Fact]
    public void The_catalogue_has_at_least_seventeen_scenarios_and_every_phase_of_the_trajectory_has_one()
    {
        var catalogue = Result.Value.PlayableScenarios.Where(s => s.InCatalogue).ToList();
        var phases = ScenarioTestData.Library.OfKind(GeneralistischWerkt.Training.Core.Content.ContentKind.Phase)
            .Select(p => p.Id).ToList();

        Assert.True(catalogue.Count >= 17, $"{catalogue.Count} scenario's in de catalogus");
        Assert.Equal(6, phases.Count);
        Assert.Empty(phases.Except(catalogue.Select(s => s.PhaseId)));
    }
}
