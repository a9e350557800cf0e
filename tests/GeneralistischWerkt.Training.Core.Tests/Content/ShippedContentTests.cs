using GeneralistischWerkt.Training.Core.Content;

namespace GeneralistischWerkt.Training.Core.Tests.Content;

/// <summary>The content/ folder of the repository: it must pass the check and hold everything the app relies on.</summary>
public class ShippedContentTests
{
    private static readonly Lazy<ContentLoadResult> Result = new(() => ContentValidator.Check(TestPaths.ShippedContent, "content/"));

    private static ContentLibrary Library => Result.Value.Library;

    [Fact]
    public void Shipped_content_has_no_errors()
    {
        var errors = Result.Value.Diagnostics.Where(d => d.IsError).Select(d => d.ToString()).ToList();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    [Fact]
    public void Every_file_loads()
    {
        Assert.True(Result.Value.FileCount >= 90, $"only {Result.Value.FileCount} files");
        Assert.Equal(Result.Value.FileCount, Library.Count);
    }

    public static TheoryData<ContentKind, string[]> RequiredIds => new()
    {
        { ContentKind.CoreAttitude, [
            "participatie", "vertrouwensrelatie", "op-maat-en-op-tempo", "krachtenbenadering", "integrale-benadering",
            "rechtenbenadering", "referentiekader", "actief-luisteren",
        ] },
        { ContentKind.Technique, [
            "ruimte-geven", "parafraseren", "samenvatten", "spiegelen", "non-verbale-luisterhouding", "gesprek-uitstellen",
        ] },
        { ContentKind.QuestionType, [
            "feitelijke-open-vragen", "waaromvraag-herformuleren", "gesloten-vragen", "leidende-vragen", "opvolgingsvragen",
            "krachtgerichte-vragen", "gevoelsvragen", "belangstellende-vragen", "oplossingsgerichte-vragen",
            "uitzonderingsvraag", "wondervraag",
        ] },
        { ContentKind.LifeDomain, [
            "huisvesting", "inkomen", "tewerkstelling", "onderwijs", "rechtshulp", "gezin", "gezondheid",
            "maatschappelijke-participatie", "vrije-tijd", "zelfwaarde-en-welbevinden",
        ] },
        { ContentKind.Phase, [
            "eerste-onthaal", "vraagverduidelijking", "doel-en-strategiebepaling", "uitvoering", "afsluiting", "nazorg",
        ] },
        { ContentKind.Instrument, [
            "vacature", "schaalvragen", "draaglast-draagkrachtbalkje", "ecogram", "mindmap", "welzijnspop", "stavaza",
            "stappenplan-doorverwijzing",
        ] },
        { ContentKind.Theme, [
            "levensdomeinen", "begeleidingstraject", "samenwerkingsvormen", "rollen-van-de-coach",
            "succesfactoren-samenwerking", "doorverwijzen", "informatie-delen-telefoon", "clientoverleg",
            "formele-samenwerking", "werkbegeleiding", "werkbegeleiding-dimensies", "werkbegeleiding-kader",
            "werkbegeleiding-vormen", "inbreng-coach", "tips-armoede",
        ] },
        { ContentKind.Source, ["bronnen"] },
        { ContentKind.Module, [
            "basishoudingen", "gesprekstechnieken", "traject", "instrumenten", "samenwerken", "werkbegeleiding-module",
        ] },
    };

    [Theory]
    [MemberData(nameof(RequiredIds))]
    public void Every_required_item_exists_with_its_kind(ContentKind kind, string[] ids)
    {
        var missing = ids.Where(id => Library.Find(kind, id) is null).ToList();
        Assert.True(missing.Count == 0, $"missing {kind.ToSlug()}: {string.Join(", ", missing)}");
    }

    [Theory]
    [InlineData(ContentKind.CoreAttitude, 8)]
    [InlineData(ContentKind.Technique, 6)]
    [InlineData(ContentKind.QuestionType, 11)]
    [InlineData(ContentKind.LifeDomain, 10)]
    [InlineData(ContentKind.Phase, 6)]
    [InlineData(ContentKind.Instrument, 8)]
    public void Fixed_sets_have_exactly_their_number_of_items(ContentKind kind, int count)
    {
        Assert.Equal(count, Library.OfKind(kind).Count);
    }

    [Theory]
    [InlineData(ContentKind.CoreAttitude)]
    [InlineData(ContentKind.LifeDomain)]
    [InlineData(ContentKind.Phase)]
    public void Numbered_sets_are_numbered_one_to_n(ContentKind kind)
    {
        var items = Library.OfKind(kind);
        Assert.Equal(Enumerable.Range(1, items.Count).Cast<int?>(), items.Select(i => i.Number));
    }

    [Fact]
    public void Phases_are_in_the_order_of_the_trajectory()
    {
        Assert.Equal(
            ["eerste-onthaal", "vraagverduidelijking", "doel-en-strategiebepaling", "uitvoering", "afsluiting", "nazorg"],
            Library.OfKind(ContentKind.Phase).Select(p => p.Id));
    }

    [Fact]
    public void At_least_five_modules_each_with_lessons_and_every_lesson_with_checks()
    {
        Assert.True(Library.Modules.Count >= 5);
        foreach (var module in Library.Modules)
        {
            var lessons = Library.LessonsOf(module.Id);
            Assert.True(lessons.Count >= 1, $"module {module.Id} has no lessons");
            Assert.Equal(module.Lessons.Select(l => l.Id), lessons.Select(l => l.Id));
            Assert.All(lessons, lesson => Assert.Equal(module.Id, lesson.ModuleId));
        }
        var allLessons = Library.OfKind(ContentKind.Lesson);
        Assert.All(allLessons, lesson => Assert.True(lesson.Checks.Count >= 1, $"lesson {lesson.Id} has no checks"));
        Assert.Equal(allLessons.Count, Library.Modules.Sum(m => Library.LessonsOf(m.Id).Count));
    }

    [Fact]
    public void All_three_check_kinds_are_used_and_well_formed()
    {
        var checks = Library.OfKind(ContentKind.Lesson).SelectMany(l => l.Checks).ToList();

        var multipleChoice = checks.OfType<MultipleChoiceCheck>().ToList();
        var ordering = checks.OfType<OrderingCheck>().ToList();
        var matching = checks.OfType<MatchingCheck>().ToList();
        Assert.NotEmpty(multipleChoice);
        Assert.NotEmpty(ordering);
        Assert.NotEmpty(matching);

        Assert.All(checks, c => Assert.False(string.IsNullOrWhiteSpace(c.Question)));
        Assert.All(multipleChoice, c =>
        {
            Assert.Contains(c.Options, o => o.IsCorrect);
            Assert.All(c.Options, o => Assert.False(string.IsNullOrWhiteSpace(o.Feedback)));
        });
        Assert.All(ordering, c => Assert.True(c.Items.Count >= 2 && !string.IsNullOrWhiteSpace(c.Feedback)));
        Assert.All(matching, c => Assert.True(c.Pairs.Count >= 2 && c.Pairs.All(p => !string.IsNullOrWhiteSpace(p.Feedback))));
    }

    [Fact]
    public void Fiches_have_their_three_sections()
    {
        foreach (var fiche in Library.OfKind(ContentKind.CoreAttitude))
        {
            Assert.Equal(["Kernelementen", "Toelichting", "In de praktijk"], fiche.Sections.Select(s => s.Heading).Take(3));
        }
    }

    [Fact]
    public void The_module_formerly_called_begeleidingstraject_is_traject_and_the_theme_keeps_its_id()
    {
        Assert.NotNull(Library.Find(ContentKind.Theme, "begeleidingstraject"));
        var module = Library.Find(ContentKind.Module, "traject");
        Assert.NotNull(module);
        Assert.Equal("modules/traject/traject.md", module.File);
    }

    [Fact]
    public void Every_body_renders_without_broken_links()
    {
        var resolver = new GeneralistischWerkt.Training.Core.Content.Markdown.LibraryLinkResolver(Library);
        foreach (var item in Library.Items)
        {
            var html = GeneralistischWerkt.Training.Core.Content.Markdown.ContentRenderer.ToHtml(item.Body, resolver);
            Assert.DoesNotContain("broken-link", html);
            Assert.DoesNotContain("[[", html);
        }
    }
}
