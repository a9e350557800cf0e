using GeneralistischWerkt.Training.Cli;
using GeneralistischWerkt.Training.Core.Content;
using GeneralistischWerkt.Training.Core.Content.Markdown;
using Markdig.Syntax.Inlines;

namespace GeneralistischWerkt.Training.Core.Tests.Content;

/// <summary>Issue 9, "rendering never throws": nested text renders, any failure falls back to text, authors get a GWT112.</summary>
public class RenderingNeverThrowsTests
{
    private static readonly IContentLinkResolver NoLinks = new LibraryLinkResolver(ContentLibrary.Empty);

    private static string Repeat(string text, int count) => string.Concat(Enumerable.Repeat(text, count));

    /// <summary>Each of these made Markdig throw ("too deeply nested") before the nesting cap.</summary>
    public static TheoryData<string, string> DeeplyNested => new()
    {
        { "haken", Repeat("[", 500) },
        { "haken-met-tekst", Repeat("[a ", 500) },
        { "citaten", Repeat(">", 500) + " a" },
        { "citaten-met-spatie", Repeat("> ", 500) + "a" },
        { "sterren-rond-een-woord", Repeat("*", 500) + "a" + Repeat("*", 500) },
        { "opsomming-met-sterren", Repeat("* ", 500) + "a" },
        { "opsomming-met-streepjes", Repeat("- ", 500) + "a" },
        { "genummerde-lijsten", Repeat("1. ", 500) + "a" },
        { "ingesprongen-lijsten", string.Join("\n", Enumerable.Range(0, 300).Select(i => new string(' ', 2 * i) + "- a")) },
        { "afbeeldingen-in-afbeeldingen", Repeat("![", 300) + "a" + Repeat("](u)", 300) },
        { "wisselende-nadruk", Repeat("*a _b ", 150) + Repeat(" b_ a*", 150) },
        { "citaat-en-lijst", Repeat("> - ", 300) + "a" },
        { "alles-door-elkaar", Repeat("[*_>", 500) },
        { "lange-nadruk", Repeat("*", 100_000) + "a" + Repeat("*", 100_000) },
        { "heel-veel-haken", Repeat("[", 50_000) },
        // Found by the property tests: Markdig leaves "[a" open when "[b]" after it is no defined reference.
        { "onbekende-verwijzingen", Repeat("[a][b]x", 300) },
        { "haken-na-wikilinks", Repeat("[[thema:a]][[thema:b]]", 200) + Repeat("[", 40) },
        // Found by the property tests: "]" inside code spans closes nothing.
        { "haken-in-code", Repeat("[```]```", 300) },
        { "haken-in-code-over-regels", Repeat("[`\n]", 300) },
        // Found by the property tests: a lone carriage return ends a line too.
        { "lijsten-na-een-losse-cr", "\"\r" + Repeat("- ", 100) + ":" },
    };

    [Theory]
    [MemberData(nameof(DeeplyNested))]
    public void Deeply_nested_text_renders_as_markdown_without_falling_back(string name, string markdown)
    {
        var rendered = ContentRenderer.Render(markdown, NoLinks);

        Assert.True(rendered.Failure is null, $"{name}: {rendered.Failure}");
        Assert.StartsWith("<", rendered.Html);
        Assert.True(rendered.Html.Length <= 40 * markdown.Length + 100, $"{name}: {rendered.Html.Length} characters");
    }

    [Fact]
    public void Brackets_beyond_the_cap_stay_visible_as_text()
    {
        var html = ContentRenderer.ToHtml(Repeat("[", 500), NoLinks);

        Assert.Equal("<p>" + Repeat("[", 500) + "</p>", html.Trim());
    }

    [Fact]
    public void Quotes_beyond_the_cap_are_shown_as_text_inside_the_deepest_quote()
    {
        var html = ContentRenderer.ToHtml(Repeat("> ", 40) + "tekst", NoLinks);

        Assert.Equal(MarkdownNesting.MaxBlockDepth, html.Split("<blockquote>").Length - 1);
        Assert.Contains("<p>" + Repeat("&gt; ", 8) + "tekst</p>", html);
    }

    [Fact]
    public void Ordinary_text_and_the_shipped_content_pass_the_cap_unchanged()
    {
        var files = Directory.GetFiles(TestPaths.ShippedContent, "*.md", SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            Assert.True(ReferenceEquals(text, MarkdownNesting.Limit(text, out var cut)), $"{file}: {cut}");
        }
        const string prose = "- **Vet** en _schuin_ met [een link](https://example.org) en [[fiche:x|label]]\n  - 2 niveaus\n    1. drie\n> citaat > ook\n";
        Assert.Same(prose, MarkdownNesting.Limit(prose));
    }

    [Fact]
    public void The_cap_escapes_exactly_the_first_marker_too_many_and_reports_where()
    {
        var limited = MarkdownNesting.Limit("ok\n" + Repeat("[", 33) + "x", out var cut);

        Assert.Equal("ok\n" + Repeat("[", 32) + "\\[x", limited);
        Assert.Equal(new NestingCut(2, 33, '['), cut);
    }

    [Theory]
    [InlineData("1. ", "1\\. ")]
    [InlineData("- ", "\\- ")]
    [InlineData("> ", "\\> ")]
    public void A_block_marker_too_many_is_escaped_so_it_reads_as_text(string marker, string escaped)
    {
        var cost = marker == "> " ? 1 : 2;
        var allowed = MarkdownNesting.MaxBlockDepth / cost;

        var limited = MarkdownNesting.Limit(Repeat(marker, allowed + 3) + "x");

        Assert.Equal(Repeat(marker, allowed) + escaped + Repeat(marker, 2) + "x", limited);
    }

    [Fact]
    public void A_wide_table_header_over_many_short_rows_stays_in_proportion()
    {
        var markdown = Repeat("|a", 500) + "|\n" + Repeat("|-", 500) + "|\n" + Repeat("a|\n", 500);

        var html = ContentRenderer.ToHtml(markdown, NoLinks);

        // Markdig pads all 500 rows to 500 cells: 2.5 MB of HTML for 3.5 kB of text.
        Assert.True(html.Length < 20 * markdown.Length, $"{html.Length} characters of HTML for {markdown.Length} of text");
        Assert.Equal(500 + 500, System.Text.RegularExpressions.Regex.Count(html, "<t[dh][ >]"));
    }

    [Fact]
    public void A_failure_while_rendering_falls_back_to_escaped_paragraphs()
    {
        var throwing = new DelegateResolver((_, _) => throw new InvalidOperationException("kapot"));

        var rendered = ContentRenderer.Render("Eerste <b>regel</b> [[thema:x]]\r\ntweede & \"derde\" 'vier'\n\n\nNieuwe alinea", throwing);

        Assert.IsType<InvalidOperationException>(rendered.Failure);
        Assert.Equal(
            "<p>Eerste &lt;b&gt;regel&lt;/b&gt; [[thema:x]]<br />\ntweede &amp; &quot;derde&quot; &#39;vier&#39;</p>\n<p>Nieuwe alinea</p>\n",
            rendered.Html);
    }

    [Fact]
    public void Plain_text_walks_any_depth_without_recursion()
    {
        var root = new ContainerInline();
        var current = root;
        for (var i = 0; i < 200_000; i++)
        {
            var emphasis = new EmphasisInline { DelimiterChar = '*', DelimiterCount = 1 };
            current.AppendChild(emphasis);
            current = emphasis;
        }
        current.AppendChild(new LiteralInline("diep"));
        root.AppendChild(new LiteralInline(" en ondiep"));

        Assert.Equal("diep en ondiep", ContentMarkdown.PlainText(root));
    }

    [Fact]
    public void A_too_deeply_nested_content_file_is_a_normal_check_error_and_left_out()
    {
        using var temp = new TempDirectory();
        temp.Write("content/diep.md", "---\nid: diep\ntitel: T\nsoort: thema\nsamenvatting: S\nlinks: []\n---\nInleiding.\n\n" + Repeat(">", 500) + " x\n");
        temp.Write("content/goed.md", "---\nid: goed\ntitel: T\nsoort: thema\nsamenvatting: S\nlinks: []\n---\nTekst\n");

        var output = new StringWriter();
        var errors = new StringWriter();
        var exit = Program.Run(["check", "--root", temp.Path], output, errors, Path.GetTempPath());

        Assert.Equal(1, exit);
        Assert.Equal("", errors.ToString());
        var lines = output.ToString().TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        Assert.StartsWith("content/diep.md:10:33: error GWT112: de Markdown is hier te diep genest", lines[0]);
        Assert.Equal("content: 2 bestanden, 1 fout, 0 waarschuwingen", lines[1]);
        var library = ContentValidator.Check(Path.Combine(temp.Path, "content")).Library;
        Assert.Null(library.Find("diep"));
        Assert.NotNull(library.Find("goed"));
    }

    private sealed class DelegateResolver(Func<string, string, ResolvedContentLink?> resolve) : IContentLinkResolver
    {
        public ResolvedContentLink? Resolve(string kind, string id) => resolve(kind, id);
    }
}
