using GeneralistischWerkt.Training.Core.Content;

namespace GeneralistischWerkt.Training.Core.Tests.Content;

public class ContentLoaderTests
{
    private const string Lesson = """
        ---
        id: les-een
        titel: "Les één"
        soort: les
        module: mod
        samenvatting: Een les.
        links: [fiche:participatie]
        checks:
          - id: kies
            soort: meerkeuze
            vraag: Welke?
            opties:
              - tekst: Deze
                juist: true
                feedback: Ja.
              - tekst: Die
                feedback: Nee.
          - id: orden
            soort: volgorde
            vraag: Orden.
            items: [Eerst, Dan, Laatst]
            feedback: Zo.
          - id: koppel
            soort: koppelen
            vraag: Koppel.
            paren:
              - links: A
                rechts: "1"
                feedback: A is 1.
              - links: B
                rechts: "2"
                feedback: B is 2.
        ---

        Inleiding met [[fiche:participatie|participatie]].

        ## Eerste deel

        Tekst één.

        ## Tweede deel

        - punt met [[thema:iets]]
        """;

    [Fact]
    public void A_lesson_is_read_with_its_checks_and_positions()
    {
        using var temp = new TempDirectory();
        temp.Write("modules/mod/les-een.md", Lesson);

        var result = ContentLoader.Load(temp.Path);

        Assert.Empty(result.Diagnostics);
        var lesson = Assert.Single(result.Library.Items);
        Assert.Equal("les-een", lesson.Id);
        Assert.Equal("Les één", lesson.Title);
        Assert.Equal(ContentKind.Lesson, lesson.Kind);
        Assert.Equal("mod", lesson.ModuleId);
        Assert.Equal("modules/mod/les-een.md", lesson.File);
        Assert.Equal(new SourcePosition("modules/mod/les-een.md", 5, 9), lesson.PositionOf("module"));
        Assert.Equal(new SourcePosition("modules/mod/les-een.md", 7, 9), Assert.Single(lesson.Links).Position);
        Assert.Equal(34, lesson.BodyLine);

        Assert.Equal(3, lesson.Checks.Count);
        var choice = Assert.IsType<MultipleChoiceCheck>(lesson.Checks[0]);
        Assert.Equal("kies", choice.Id);
        Assert.Equal(new SourcePosition("modules/mod/les-een.md", 9, 5), choice.Position);
        Assert.Equal([true, false], choice.Options.Select(o => o.IsCorrect));
        Assert.Equal(new SourcePosition("modules/mod/les-een.md", 16, 9), choice.Options[1].Position);
        var ordering = Assert.IsType<OrderingCheck>(lesson.Checks[1]);
        Assert.Equal(["Eerst", "Dan", "Laatst"], ordering.Items.Select(i => i.Text));
        Assert.Equal(new SourcePosition("modules/mod/les-een.md", 21, 13), ordering.Items[0].Position);
        Assert.Equal("Zo.", ordering.Feedback);
        var matching = Assert.IsType<MatchingCheck>(lesson.Checks[2]);
        Assert.Equal([("A", "1"), ("B", "2")], matching.Pairs.Select(p => (p.Left!, p.Right!)));

        Assert.Equal("Inleiding met [[fiche:participatie|participatie]].", lesson.Introduction);
        Assert.Equal(["Eerste deel", "Tweede deel"], lesson.Sections.Select(s => s.Heading));
        Assert.Equal("Tekst één.", lesson.Sections[0].Markdown);
        Assert.Equal(new SourcePosition("modules/mod/les-een.md", 37, 1), lesson.Sections[0].Position);
        Assert.Equal(
            [("fiche:participatie", "participatie", 35, 15), ("thema:iets", (string?)null, 43, 12)],
            lesson.BodyLinks.Select(l => (l.Target, l.Label, l.Position.Line, l.Position.Column)));
    }

    [Fact]
    public void Crlf_line_endings_and_a_byte_order_mark_keep_positions()
    {
        using var temp = new TempDirectory();
        var text = "\uFEFF---\r\nid: crlf\r\ntitel: T\r\nsoort: thema\r\nsamenvatting: S\r\nlinks: [thema:weg]\r\n---\r\n\r\nZie [[thema:nergens]].\r\n";
        temp.Write("crlf.md", text);

        var result = ContentValidator.Check(temp.Path);

        Assert.Equal(
            ["crlf.md:6:9: error GWT106", "crlf.md:9:5: error GWT106"],
            result.Diagnostics.Select(d => $"{d.File}:{d.Line}:{d.Column}: error {d.Code}"));
        Assert.DoesNotContain('\r', result.Library.Items[0].Body);
    }

    [Fact]
    public void Setext_and_nested_headings_do_not_confuse_sections()
    {
        using var temp = new TempDirectory();
        temp.Write("t.md", "---\nid: t\ntitel: T\nsoort: thema\nsamenvatting: S\nlinks: []\n---\nIntro\n\nDeel A\n------\n\nTekst A\n\n> ## Geen sectie\n\n## Deel B\n\n### Onderdeel\n\nTekst B\n");

        var item = Assert.Single(ContentLoader.Load(temp.Path).Library.Items);

        Assert.Equal(["Deel A", "Deel B"], item.Sections.Select(s => s.Heading));
        Assert.Equal("Tekst A\n\n> ## Geen sectie", item.Sections[0].Markdown);
        Assert.Equal("### Onderdeel\n\nTekst B", item.Sections[1].Markdown);
        Assert.Equal(10, item.Sections[0].Position.Line);
    }

    [Fact]
    public void The_library_orders_by_number_and_lists_lessons_in_module_order()
    {
        using var temp = new TempDirectory();
        temp.Write("m2.md", Module("m2", 2, "[les:b, les:a]"));
        temp.Write("m1.md", Module("m1", 1, "[]"));
        temp.Write("a.md", Lesson.Replace("les-een", "a").Replace("module: mod", "module: m2"));
        temp.Write("b.md", Lesson.Replace("les-een", "b").Replace("module: mod", "module: m2"));

        var library = ContentLoader.Load(temp.Path).Library;

        Assert.Equal(["m1", "m2"], library.Modules.Select(m => m.Id));
        Assert.Equal(["b", "a"], library.LessonsOf("m2").Select(l => l.Id));
        Assert.Empty(library.LessonsOf("m1"));
        Assert.Empty(library.LessonsOf("bestaat-niet"));
        Assert.Same(library.Find("m2"), library.ModuleOf(library.Find("a")!));
        Assert.Null(library.Find(ContentKind.Theme, "m2"));
        Assert.NotNull(library.Find(new ContentReference("module", "m2", default)));
        Assert.Equal(["a.md", "b.md", "m1.md", "m2.md"], library.Items.Select(i => i.File));
    }

    [Fact]
    public void Readme_files_are_skipped_and_other_extensions_are_reported_not_read()
    {
        using var temp = new TempDirectory();
        temp.Write("README.md", "geen front matter");
        temp.Write("sub/readme.md", "geen front matter");
        temp.Write("notities.txt", "geen front matter");
        temp.Write("t.md", "---\nid: t\ntitel: T\nsoort: thema\nsamenvatting: S\nlinks: []\n---\nTekst\n");

        var result = ContentLoader.Load(temp.Path);

        Assert.Equal(1, result.FileCount);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.StartsWith("notities.txt:1:1: warning GWT206: dit bestand wordt niet gelezen", diagnostic.ToString());
    }

    [Theory]
    [InlineData("participatie", true)]
    [InlineData("op-maat-en-op-tempo", true)]
    [InlineData("les-1", true)]
    [InlineData("Participatie", false)]
    [InlineData("-a", false)]
    [InlineData("a-", false)]
    [InlineData("a--b", false)]
    [InlineData("a_b", false)]
    [InlineData("", false)]
    [InlineData("cliënt", false)]
    public void Ids_are_lowercase_words_joined_by_dashes(string id, bool valid)
    {
        Assert.Equal(valid, ContentIds.IsValid(id));
    }

    [Fact]
    public void Kinds_round_trip_through_their_dutch_names()
    {
        foreach (var kind in ContentKinds.All)
        {
            Assert.True(ContentKinds.TryParse(kind.ToSlug(), out var parsed));
            Assert.Equal(kind, parsed);
        }
        Assert.False(ContentKinds.TryParse("Fiche", out _));
        Assert.Equal(["fiche", "techniek", "vraagtype", "levensdomein", "fase", "instrument", "thema", "bron", "module", "les", "intervisiemethode"], ContentKinds.Slugs);
    }

    private static string Module(string id, int number, string lessons) =>
        $"---\nid: {id}\ntitel: Module {id}\nsoort: module\nnummer: {number}\nsamenvatting: S\nlinks: []\nlessen: {lessons}\n---\nIntro\n";
}
