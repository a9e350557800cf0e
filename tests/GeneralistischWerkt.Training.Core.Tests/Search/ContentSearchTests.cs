using GeneralistischWerkt.Training.Core.Content;
using GeneralistischWerkt.Training.Core.Learning;

namespace GeneralistischWerkt.Training.Core.Tests.Search;

public class ContentSearchTests
{
    private static ContentItem Item(string id, string title, ContentKind kind, string body) => new()
    {
        Id = id, Title = title, Kind = kind, Summary = "", Body = body, BodyLine = 1, File = id + ".md",
    };

    private static ContentSearch Over(params ContentItem[] items) => new(new ContentLibrary(items));

    [Theory]
    [InlineData("doorverwijs", "doorverwijzen")]
    [InlineData("doorverwijzing", "doorverwijzen")]
    [InlineData("doorverwijzen", "doorverwijsbrief")]
    [InlineData("vraag", "vragen")]
    [InlineData("vragen", "vraag")]
    [InlineData("gesprekken", "gesprek")]
    [InlineData("basishouding", "basishoudingen")]
    [InlineData("werkgevers", "werkgever")]
    [InlineData("cliënten", "cliënt")]
    [InlineData("resultaat", "resultaten")]
    [InlineData("Doorverwijs", "DOORVERWIJZEN")]
    public void A_word_finds_other_forms_of_it(string query, string inText)
    {
        var hits = Over(Item("a", "Over iets", ContentKind.Theme, $"Hier staat {inText} in een zin.")).Search(query);
        var hit = Assert.Single(hits);
        // The form in the text is marked: as a whole, or the part that was typed.
        Assert.Contains(hit.Snippet, p => p.IsHit && inText.Contains(p.Text) && p.Text.Length >= 4);
    }

    [Theory]
    [InlineData("doorverwijs", "verwijten")]
    [InlineData("vraag", "vrede")]
    [InlineData("client", "klant")]
    [InlineData("werkgever", "werknemer")]
    public void A_word_does_not_find_other_words(string query, string inText) =>
        Assert.Empty(Over(Item("a", "Over iets", ContentKind.Theme, $"Hier staat {inText} in een zin.")).Search(query));

    [Fact]
    public void The_total_counts_every_match_beyond_the_limit_and_a_kind_filter_narrows_the_list_but_not_the_kind_counts()
    {
        var items = Enumerable.Range(0, 60).Select(i => Item($"t{i}", $"Thema {i}", ContentKind.Theme, "Over luisteren."))
            .Concat(Enumerable.Range(0, 3).Select(i => Item($"q{i}", $"Vraagtype {i}", ContentKind.QuestionType, "Luister goed.")))
            .Append(Item("x", "Iets anders", ContentKind.Theme, "Niets hiervan."))
            .ToArray();
        var search = Over(items);

        var all = search.Find("luisteren", limit: 50);
        Assert.Equal(63, all.Total);
        Assert.Equal(50, all.Hits.Count);
        Assert.Equal([(ContentKind.Theme, 60), (ContentKind.QuestionType, 3)], all.Kinds.OrderByDescending(k => k.Count));

        var questionTypes = search.Find("luisteren", ContentKind.QuestionType);
        Assert.Equal(3, questionTypes.Total);
        Assert.All(questionTypes.Hits, h => Assert.Equal(ContentKind.QuestionType, h.Item.Kind));
        Assert.Equal(all.Kinds, questionTypes.Kinds);
    }

    [Fact]
    public void Another_form_in_the_title_is_highlighted_whole_and_the_title_stays_intact()
    {
        var hit = Assert.Single(Over(Item("a", "Doorverwijzen naar een partner", ContentKind.Theme, "Tekst.")).Search("doorverwijs"));
        Assert.Equal("Doorverwijzen naar een partner", string.Concat(hit.TitleParts.Select(p => p.Text)));
        Assert.Equal([("Doorverwijzen", true), (" naar een partner", false)], hit.TitleParts.Select(p => (p.Text, p.IsHit)));
    }

    [Fact]
    public void Every_query_word_must_match_in_some_form()
    {
        var search = Over(
            Item("a", "Een", ContentKind.Theme, "We vragen de werkgever om raad."),
            Item("b", "Twee", ContentKind.Theme, "We vragen niets."));
        Assert.Equal(["a"], search.Search("vraag werkgevers").Select(h => h.Item.Id));
    }
}
