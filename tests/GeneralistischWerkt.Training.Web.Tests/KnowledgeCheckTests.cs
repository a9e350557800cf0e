using Microsoft.AspNetCore.Components;
using GeneralistischWerkt.Training.Core.Content;
using GeneralistischWerkt.Training.Web.Components.Pages.Modules.Checks;

namespace GeneralistischWerkt.Training.Web.Tests;

public class KnowledgeCheckTests : BunitContext
{
    private static readonly SourcePosition Here = new("test.md", 1, 1);
    private readonly List<CheckAnswered> answers = [];

    private static MultipleChoiceCheck Choice(bool several = false) => new()
    {
        Id = "mk", Question = "Wat doe je bij parafraseren?", Position = Here,
        Options =
        [
            new("Je herhaalt zonder oordeel.", true, "Zo toon je dat je meeluistert.", Here),
            new("Je geeft meteen raad.", false, "Raad geven stel je uit.", Here),
            new("Je vat in eigen woorden samen.", several, several ? "Ook dat mag." : "Dat is samenvatten.", Here),
        ],
    };

    private static OrderingCheck Ordering() => new()
    {
        Id = "volgorde-fasen", Question = "Zet in volgorde.", Position = Here, Feedback = "Het traject begint bij het onthaal.",
        Items = [new("Eerste onthaal", Here), new("Vraagverduidelijking", Here), new("Doel- en strategiebepaling", Here)],
    };

    private static MatchingCheck Matching() => new()
    {
        Id = "koppel", Question = "Koppel de vraag aan het type.", Position = Here,
        Pairs =
        [
            new("Wat maakt dat het moeilijk is?", "Herformuleerde waaromvraag", "Geen verwijt.", Here),
            new("Hoe voelde je je erbij?", "Gevoelsvraag", "Je peilt naar beleving.", Here),
        ],
    };

    private EventCallback<CheckAnswered> Record => EventCallback.Factory.Create<CheckAnswered>(this, a => answers.Add(a));

    [Fact]
    public void Multiple_choice_correct_answer_shows_juist_and_feedback_for_every_option()
    {
        var cut = Render<MultipleChoiceView>(p => p.Add(c => c.Check, Choice()).Add(c => c.OnAnswered, Record));
        Assert.True(cut.Find("button").HasAttribute("disabled"));
        cut.FindAll("input[type=radio]")[0].Change(true);
        cut.Find("button").Click();

        Assert.Equal("Juist!", cut.Find("[role=status]").TextContent.Trim());
        var feedback = cut.FindAll(".gwt-feedback li").Select(li => li.TextContent).ToList();
        Assert.Equal(3, feedback.Count);
        Assert.Contains("Zo toon je dat je meeluistert.", feedback[0]);
        Assert.Contains("(jouw keuze)", feedback[0]);
        Assert.Contains("Raad geven stel je uit.", feedback[1]);
        Assert.Contains("Dat is samenvatten.", feedback[2]);
        Assert.Equal([true], answers.Select(a => a.IsCorrect));
        Assert.Contains("Je herhaalt zonder oordeel.", answers[0].AnswerJson);
    }

    [Fact]
    public void Multiple_choice_wrong_answer_explains_the_choice_without_revealing_the_right_one_and_allows_a_retry()
    {
        var cut = Render<MultipleChoiceView>(p => p.Add(c => c.Check, Choice()).Add(c => c.OnAnswered, Record));
        cut.FindAll("input[type=radio]")[1].Change(true);
        cut.Find("button").Click();
        Assert.Equal("Nog niet juist.", cut.Find("[role=status]").TextContent.Trim());
        var feedback = cut.FindAll(".gwt-feedback li").Select(li => li.TextContent).ToList();
        Assert.Equal(["Niet juist: Je geeft meteen raad. — Raad geven stel je uit."], feedback.Select(f => f.Trim()));
        Assert.DoesNotContain("Je herhaalt zonder oordeel.", cut.Find(".gwt-feedback").TextContent);
        Assert.DoesNotContain("Juist antwoord", cut.Markup);
        Assert.Equal([false], answers.Select(a => a.IsCorrect));

        cut.FindAll("button").Single(b => b.TextContent == "Opnieuw proberen").Click();
        Assert.Empty(cut.FindAll("[role=status]"));
        Assert.All(cut.FindAll("input[type=radio]"), input => Assert.False(input.HasAttribute("checked")));
    }

    [Fact]
    public void Multiple_choice_retry_keeps_the_rightly_chosen_options_and_clears_the_wrong_ones()
    {
        var cut = Render<MultipleChoiceView>(p => p.Add(c => c.Check, Choice(several: true)).Add(c => c.OnAnswered, Record));
        cut.FindAll("input[type=checkbox]")[0].Change(true);
        cut.FindAll("input[type=checkbox]")[1].Change(true);
        cut.Find("button").Click();
        Assert.Equal("Nog niet juist.", cut.Find("[role=status]").TextContent.Trim());
        // The unchosen right option (index 2) is not named.
        Assert.DoesNotContain("Je vat in eigen woorden samen.", cut.Find(".gwt-feedback").TextContent);

        cut.FindAll("button").Single(b => b.TextContent == "Opnieuw proberen").Click();
        var boxes = cut.FindAll("input[type=checkbox]");
        Assert.True(boxes[0].HasAttribute("checked"));
        Assert.False(boxes[1].HasAttribute("checked"));
        Assert.False(boxes[2].HasAttribute("checked"));
    }

    [Fact]
    public void Multiple_choice_with_several_right_answers_needs_all_of_them()
    {
        var cut = Render<MultipleChoiceView>(p => p.Add(c => c.Check, Choice(several: true)).Add(c => c.OnAnswered, Record));
        Assert.Contains("meerdere juiste antwoorden", cut.Markup);
        cut.FindAll("input[type=checkbox]")[0].Change(true);
        cut.Find("button").Click();
        Assert.Equal("Nog niet juist.", cut.Find("[role=status]").TextContent.Trim());

        cut.FindAll("button").Single(b => b.TextContent == "Opnieuw proberen").Click();
        // The first, right option is still chosen; only the missing one is added.
        cut.FindAll("input[type=checkbox]")[2].Change(true);
        cut.Find("button").Click();
        Assert.Equal("Juist!", cut.Find("[role=status]").TextContent.Trim());
        Assert.Equal([false, true], answers.Select(a => a.IsCorrect));
    }

    private static IReadOnlyList<string> Items(IRenderedComponent<OrderingView> cut) =>
        cut.FindAll(".gwt-ordering-text").Select(e => e.TextContent).ToList();

    [Fact]
    public void Ordering_starts_shuffled_moves_with_buttons_and_grades_correct()
    {
        var cut = Render<OrderingView>(p => p.Add(c => c.Check, Ordering()).Add(c => c.OnAnswered, Record));
        var correct = new[] { "Eerste onthaal", "Vraagverduidelijking", "Doel- en strategiebepaling" };
        Assert.NotEqual(correct, Items(cut));

        // Bubble each item to its place with the keyboard-operable Hoger buttons.
        for (var target = 0; target < correct.Length; target++)
        {
            while (Items(cut).ToList().IndexOf(correct[target]) > target)
                cut.Find($"button[aria-label='Hoger: {correct[target]}']").Click();
        }
        Assert.Equal(correct, Items(cut));
        cut.FindAll("button").Single(b => b.TextContent == "Controleren").Click();

        Assert.Equal("Juist!", cut.Find("[role=status]").TextContent.Trim());
        Assert.Contains("Het traject begint bij het onthaal.", cut.Find(".gwt-feedback").TextContent);
        Assert.Equal([true], answers.Select(a => a.IsCorrect));
    }

    [Fact]
    public void Ordering_wrong_order_marks_misplaced_items_hides_the_right_order_and_a_retry_keeps_the_learners_order()
    {
        var cut = Render<OrderingView>(p => p.Add(c => c.Check, Ordering()).Add(c => c.OnAnswered, Record));
        var before = Items(cut);
        cut.FindAll("button").Single(b => b.TextContent == "Controleren").Click();
        Assert.Equal("Nog niet juist.", cut.Find("[role=status]").TextContent.Trim());
        Assert.Contains("niet op de juiste plaats", cut.Markup);
        Assert.DoesNotContain("De juiste volgorde", cut.Markup);
        Assert.DoesNotContain("Het traject begint bij het onthaal.", cut.Markup);
        Assert.Equal([false], answers.Select(a => a.IsCorrect));

        cut.FindAll("button").Single(b => b.TextContent == "Opnieuw proberen").Click();
        Assert.Equal(before, Items(cut));
    }

    [Fact]
    public void Matching_correct_pairs_are_juist_with_feedback_per_pair()
    {
        var cut = Render<MatchingView>(p => p.Add(c => c.Check, Matching()).Add(c => c.OnAnswered, Record));
        var submit = cut.FindAll("button").Single(b => b.TextContent == "Controleren");
        Assert.True(submit.HasAttribute("disabled"));
        cut.FindAll("select")[0].Change("Herformuleerde waaromvraag");
        cut.FindAll("select")[1].Change("Gevoelsvraag");
        cut.FindAll("button").Single(b => b.TextContent == "Controleren").Click();

        Assert.Equal("Juist!", cut.Find("[role=status]").TextContent.Trim());
        var feedback = cut.FindAll("p.gwt-feedback").Select(p => p.TextContent).ToList();
        Assert.Contains("Geen verwijt.", feedback[0]);
        Assert.Contains("Je peilt naar beleving.", feedback[1]);
        Assert.Equal([true], answers.Select(a => a.IsCorrect));
    }

    [Fact]
    public void Matching_wrong_pair_is_marked_without_naming_the_right_answer_and_a_retry_keeps_the_right_pairs()
    {
        var cut = Render<MatchingView>(p => p.Add(c => c.Check, Matching()).Add(c => c.OnAnswered, Record));
        cut.FindAll("select")[0].Change("Gevoelsvraag");
        cut.FindAll("select")[1].Change("Gevoelsvraag");
        cut.FindAll("button").Single(b => b.TextContent == "Controleren").Click();
        Assert.Equal("Nog niet juist.", cut.Find("[role=status]").TextContent.Trim());
        Assert.Equal("Nog niet juist.", cut.FindAll("p.gwt-feedback")[0].TextContent.Trim());
        Assert.DoesNotContain("Geen verwijt.", cut.Markup);
        Assert.StartsWith("Juist", cut.FindAll("p.gwt-feedback")[1].TextContent.Trim());
        Assert.Equal([false], answers.Select(a => a.IsCorrect));

        cut.FindAll("button").Single(b => b.TextContent == "Opnieuw proberen").Click();
        Assert.Equal("", cut.FindAll("select")[0].GetAttribute("value"));
        Assert.Equal("Gevoelsvraag", cut.FindAll("select")[1].GetAttribute("value"));
    }

    [Fact]
    public void Every_select_and_option_has_a_label_for_keyboard_and_screen_reader_users()
    {
        var cut = Render<MatchingView>(p => p.Add(c => c.Check, Matching()).Add(c => c.OnAnswered, Record));
        foreach (var select in cut.FindAll("select"))
            Assert.NotNull(cut.Find($"label[for='{select.Id}']"));
        var mc = Render<MultipleChoiceView>(p => p.Add(c => c.Check, Choice()).Add(c => c.OnAnswered, Record));
        Assert.All(mc.FindAll("input"), input => Assert.Equal("LABEL", input.ParentElement!.TagName));
    }
}
