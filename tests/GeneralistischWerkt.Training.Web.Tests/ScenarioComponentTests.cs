using GeneralistischWerkt.Training.Core.Content;
using GeneralistischWerkt.Training.Core.Scenarios;
using GeneralistischWerkt.Training.Web.Components.Pages.Scenarios;
using GeneralistischWerkt.Training.Web.Data;
using GeneralistischWerkt.Training.Web.Features.Scenarios;
using Microsoft.AspNetCore.Components;

namespace GeneralistischWerkt.Training.Web.Tests;

public class ScenarioComponentTests : BunitContext
{
    private static readonly Dictionary<string, int> None = [];

    public ScenarioComponentTests()
    {
        Services.AddRealStores();
        Radzen.ServiceCollectionExtensions.AddRadzenComponents(Services);
        // Radzen's chart needs a browser to measure itself; the chart is checked in the browser tests, the same
        // figures are asserted here through the table beside it.
        ComponentFactories.AddStub<Radzen.Blazor.RadzenChart>();
    }

    /// <summary>Two decisions; the greedy first choice leads to a weak ending, the modest one to the best.</summary>
    private static Scenario Sample() => new()
    {
        Id = "test", Title = "Test", Description = "Test.", Theme = "actief-luisteren", PhaseId = "eerste-onthaal", DurationMinutes = 5,
        Competencies = ["parafraseren", "vertrouwensrelatie"], File = "scenarios/test.yml", StartNodeId = "a",
        People = [new("sara", "Sara", "cliënt", "Test.", [new PersonState("vertrouwen", "Vertrouwen", 4, 0, 10)])],
        Nodes =
        [
            new ScenarioNode
            {
                Id = "a", SpeakerId = "sara", Text = "Ik weet het niet.", StageDirection = "Sara kijkt naar de grond.", Thought = "Weer zo iemand.",
                Choices =
                [
                    new("Vertel eens.", "b", new Dictionary<string, int> { ["parafraseren"] = 1 }, new Dictionary<string, int> { ["sara.vertrouwen"] = 1 },
                        "Je nodigt uit.", [new ContentReference("techniek", "parafraseren", new SourcePosition("", 1, 1))], null),
                    new("Je moet hier zijn.", "slecht", new Dictionary<string, int> { ["vertrouwensrelatie"] = -1 }, new Dictionary<string, int> { ["sara.vertrouwen"] = -3 },
                        "Dat sluit af.", [], null),
                ],
            },
            new ScenarioNode
            {
                Id = "b", SpeakerId = "sara", Text = "Ik heb veel geprobeerd.", Thought = "Misschien luistert ze.",
                Choices =
                [
                    new("Ik regel een training.", "deels", new Dictionary<string, int> { ["vertrouwensrelatie"] = -1 }, None, "Te snel een oplossing.", [], null),
                    new("Je hebt al veel geprobeerd.", "goed", new Dictionary<string, int> { ["parafraseren"] = 2, ["vertrouwensrelatie"] = 1 }, None,
                        "Je herhaalt zonder oordeel.", [new ContentReference("fiche", "vertrouwensrelatie", new SourcePosition("", 1, 1))], null),
                ],
            },
            new ScenarioNode { Id = "goed", SpeakerId = "sara", Text = "Oké.", Ending = new(ScenarioOutcome.Passed, "Goed gedaan.") },
            new ScenarioNode { Id = "deels", SpeakerId = "sara", Text = "Als het moet.", Ending = new(ScenarioOutcome.Partial, "Te snel.") },
            new ScenarioNode { Id = "slecht", SpeakerId = "sara", Text = "Ja, ja.", Ending = new(ScenarioOutcome.Failed, "Dicht.") },
        ],
    };

    [Fact]
    public void Conversation_line_shows_who_speaks_and_styles_stage_directions_apart()
    {
        var scenario = Sample();
        var cut = Render<SpokenLine>(p => p.Add(c => c.Scenario, scenario).Add(c => c.Node, scenario.Node("a")!));
        Assert.Equal("Sara (cliënt)", cut.Find(".gwt-speaker-name").TextContent);
        Assert.Equal("S", cut.Find(".gwt-avatar").TextContent);
        Assert.Equal("true", cut.Find(".gwt-avatar").GetAttribute("aria-hidden"));
        Assert.Equal("Regie: Sara kijkt naar de grond.", cut.Find("p.gwt-stage").TextContent);
        Assert.Equal("Ik weet het niet.", cut.Find("p.gwt-speech").TextContent);
        Assert.DoesNotContain("Weer zo iemand.", cut.Markup); // thoughts only in the debrief
    }

    [Fact]
    public void Person_state_is_shown_and_moves_with_a_choice()
    {
        var run = ScenarioRun.Start(Sample());
        Assert.Contains("Vertrouwen van Sara: 4 van 10", Render<PersonStates>(p => p.Add(c => c.Run, run)).Markup);
        Assert.Contains("Vertrouwen van Sara: 5 van 10", Render<PersonStates>(p => p.Add(c => c.Run, run.Choose(0))).Markup);
        Assert.Contains("Vertrouwen van Sara: 1 van 10", Render<PersonStates>(p => p.Add(c => c.Run, run.Choose(1))).Markup);
    }

    [Fact]
    public void Choice_buttons_show_the_attempts_order_report_the_scenarios_own_index_and_are_disabled_while_busy()
    {
        var made = new List<ChoiceMade>();
        var node = Sample().Node("a")!;
        // Two attempts whose orders differ, so the test sees the shuffle at work.
        var reversed = Enumerable.Range(1, 100).First(a => ChoiceOrder.For(a, node)[0] == 1);
        var cut = Render<ChoiceButtons>(p => p
            .Add(c => c.Node, node)
            .Add(c => c.AttemptId, reversed)
            .Add(c => c.StepIndex, 3)
            .Add(c => c.OnChoose, EventCallback.Factory.Create<ChoiceMade>(this, made.Add)));
        var buttons = cut.FindAll("button.gwt-choice");
        Assert.Equal(["Je moet hier zijn.", "Vertel eens."], buttons.Select(b => b.TextContent));
        buttons[1].Click();
        Assert.Equal([new ChoiceMade(3, 0)], made); // "Vertel eens." is the scenario's first choice, wherever it is shown

        // The same attempt renders the same order again (a reload); another attempt may show another.
        var again = Render<ChoiceButtons>(p => p.Add(c => c.Node, node).Add(c => c.AttemptId, reversed));
        Assert.Equal(["Je moet hier zijn.", "Vertel eens."], again.FindAll("button.gwt-choice").Select(b => b.TextContent));
        var straight = Enumerable.Range(1, 100).First(a => ChoiceOrder.For(a, node)[0] == 0);
        var other = Render<ChoiceButtons>(p => p.Add(c => c.Node, node).Add(c => c.AttemptId, straight));
        Assert.Equal(["Vertel eens.", "Je moet hier zijn."], other.FindAll("button.gwt-choice").Select(b => b.TextContent));

        cut.Render(p => p.Add(c => c.Busy, true));
        Assert.All(cut.FindAll("button.gwt-choice"), b => Assert.True(b.HasAttribute("disabled")));
    }

    [Fact]
    public void The_signal_after_a_choice_says_in_words_and_colour_how_good_it_was()
    {
        var scenario = Sample();
        var strong = ScenarioRun.Start(scenario).Choose(0).Steps[0];
        var weak = ScenarioRun.Start(scenario).Choose(1).Steps[0];
        var good = Render<ChoiceSignal>(p => p.Add(c => c.Scenario, scenario).Add(c => c.Step, strong));
        Assert.Equal("sterk", good.Find("p").GetAttribute("data-quality"));
        Assert.Contains("gwt-quality-sterk", good.Find("p").ClassName);
        Assert.Contains("Sterke keuze", good.Find(".gwt-quality").TextContent);
        Assert.Contains("Je nodigt uit.", good.Markup);
        var bad = Render<ChoiceSignal>(p => p.Add(c => c.Scenario, scenario).Add(c => c.Step, weak));
        Assert.Contains("Werkt tegen je", bad.Find(".gwt-quality").TextContent);
        Assert.Contains("gwt-quality-zwak", bad.Find("p").ClassName);
    }

    [Fact]
    public void Debrief_shows_outcome_scores_against_max_feedback_thoughts_links_and_the_better_choice()
    {
        var scenario = Sample();
        var run = ScenarioRun.Resume(scenario, [0, 0]);
        var view = new AttemptView(new ScenarioAttempt { Id = 1, ScenarioId = "test" }, scenario, run, IsOwner: true, ReplayError: null);
        var cut = Render<ScenarioDebrief>(p => p.Add(c => c.View, view));

        Assert.Equal("Uitkomst: Deels geslaagd", cut.Find("[data-testid=uitkomst]").TextContent);
        var rows = cut.FindAll("[data-testid=scorekaart] tbody tr")
            .Select(r => string.Join("|", r.QuerySelectorAll("td").Take(3).Select(td => td.TextContent.Trim()))).ToList();
        Assert.Contains("Parafraseren|1|3", rows);            // 1 of max 3
        Assert.Contains("Vertrouwensrelatie|\u22121|1", rows); // a loss of 1, of max 1
        Assert.Contains("verloor je punten", cut.Find("[data-testid=score-samenvatting]").TextContent);

        Assert.Equal(2, cut.FindAll(".gwt-transcript > li").Count);
        Assert.Contains("Wat Sara dacht: Weer zo iemand.", cut.Markup.Replace("<strong>", "").Replace("</strong>", ""));
        Assert.Contains("Je nodigt uit.", cut.Markup);
        Assert.Contains("href=\"/inhoud/techniek/parafraseren\"", cut.Markup);

        // Only at the second decision did the coach leave the best path.
        var better = cut.FindAll("[data-testid=betere-keuze]");
        Assert.Single(better);
        Assert.Contains("Je hebt al veel geprobeerd.", better[0].TextContent);
        Assert.Contains("Je herhaalt zonder oordeel.", better[0].TextContent);
    }
    [Fact]
    public void A_spoken_line_renders_again_only_when_its_node_changes()
    {
        var scenario = Sample();
        var line = Render<SpokenLine>(p => p.Add(c => c.Scenario, scenario).Add(c => c.Node, scenario.Nodes[0]));
        line.Render(p => p.Add(c => c.Scenario, scenario).Add(c => c.Node, scenario.Nodes[0]));
        Assert.Equal(1, line.RenderCount);
        line.Render(p => p.Add(c => c.Scenario, scenario).Add(c => c.Node, scenario.Nodes[1]));
        Assert.Equal(2, line.RenderCount);
        Assert.Contains("Ik heb veel geprobeerd.", line.Markup);
    }
}
