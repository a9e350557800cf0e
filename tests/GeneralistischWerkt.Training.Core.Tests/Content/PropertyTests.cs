using System.Text;
using CsCheck;
using GeneralistischWerkt.Training.Core.Content;
using GeneralistischWerkt.Training.Core.Content.Loading;
using GeneralistischWerkt.Training.Core.Content.Markdown;
using GeneralistischWerkt.Training.Core.Learning;
using GeneralistischWerkt.Training.Core.Scenarios;
using Markdig.Syntax;

namespace GeneralistischWerkt.Training.Core.Tests.Content;

/// <summary>
/// Property-based tests (CsCheck) over every renderer and parser we own: random and deeply nested text never makes
/// one throw (author-facing parsers answer with diagnostics), the output stays in proportion to the input, and rendered
/// HTML never holds a script-capable URL, an event handler or a script element (<see cref="HtmlSafety"/>).
/// On a failure CsCheck prints the seed; pass it as <c>seed:</c> to Sample (or set CsCheck_Seed) to replay that case.
/// Iteration counts keep the whole class at a few seconds.
/// </summary>
public class PropertyTests
{
    /// <summary>HTML may be at most this many times longer than the Markdown, plus <see cref="Slack"/>.</summary>
    private const int MaxGrowth = 32;
    private const int Slack = 256;

    private static readonly IContentLinkResolver Resolver = new LibraryLinkResolver(new ContentLibrary(
    [
        Item("x", "Een <thema> & \"titel\"", ContentKind.Theme, "", ""),
        Item("actief-luisteren", "Actief luisteren", ContentKind.CoreAttitude, "", ""),
    ]));

    /// <summary>Pieces of Markdown structure, links (safe and not), HTML and awkward characters.</summary>
    private static readonly string[] Tokens =
    [
        "[", "]", "(", ")", "](", "![", "[[", "]]", "|", ">", "> ", "*", "**", "_", "__", "`", "```", "~~~", "-", "- ", "+ ",
        "1. ", "2) ", "#", "## ", "\n", "\n\n", "\r\n", "\r", " ", "    ", "\t", "\\", "<", ">", "&", "&amp;", "&#106;", "&#x09;",
        "&colon;", "\"", "'", ":", "a", "tekst", "é", "😀", "\u202E", "\u200B", "\0", "\u0001", "\uFFFD", "\uD800",
        "javascript:", "JaVaScRiPt:", "vbscript:", "data:", "file:", "java\tscript:", "%6Aavascript:", "http://x", "https://x.be/a?b=c#d",
        "mailto:a@b.be", "tel:+32", "/pad", "#frag", "(javascript:x)", "<javascript:x>", "<https://x>", "<a@b.be>",
        "[a](javascript:x)", "[a](https://x \"t\\\" onclick=\\\"y\")", "![i](data:x)", "[r]: javascript:x\n", "[a][r]", "[r]",
        "[[thema:x]]", "[[fiche:actief-luisteren|luisteren]]", "[[ontbreekt]]", "<script>alert(1)</script>", "<img src=x onerror=y>",
        "<iframe src=x>", "<style>", " onclick=\"x\"", "-|-", "|a|b|", "---", "===", "***",
    ];

    private static readonly Gen<string> Token = Gen.Frequency(
        (8, Gen.OneOf(Tokens)),
        (2, Gen.String[0, 6]),
        (1, Gen.Char.Select(c => c.ToString())));

    private static readonly Gen<string> TokenText = Token.Array[0, 80].Select(string.Concat);

    /// <summary>Markers that nest, alone and in small mixtures, repeated hundreds of times.</summary>
    private static readonly string[] Markers =
    [
        "[", "]", ">", "> ", "*", "_", "`", "-", "- ", "* ", "1. ", "<", "](", ")", "![", "[[", "**", "|", "\n", "*a _b ", "[a ",
        "> - ", "](u)", "a|", "|-", "é", "😀", " ",
    ];

    private static readonly Gen<string> Nested = Gen.Select(Gen.OneOf(Markers).Array[1, 3], Gen.Int[40, 600], TokenText, TokenText,
        (markers, count, before, after) => before + string.Concat(Enumerable.Repeat(string.Concat(markers), count)) + after);

    /// <summary>Lists or quotes one step deeper on every line, as an editor's indentation makes them.</summary>
    private static readonly Gen<string> Staircase = Gen.Select(Gen.OneOf("- ", "> ", "1. ", "* ", "+ ", "> - ", "[", "*"), Gen.Int[1, 4], Gen.Int[20, 200], TokenText,
        (marker, step, lines, tail) => string.Join("\n", Enumerable.Range(0, lines).Select(i => new string(' ', i * step) + marker + "x")) + tail);

    /// <summary>A wide pipe-table header over many short rows.</summary>
    private static readonly Gen<string> WideTable = Gen.Select(Gen.Int[1, 300], Gen.Int[1, 300], TokenText,
        (columns, rows, cell) => string.Concat(Enumerable.Repeat("|a", columns)) + "|\n" + string.Concat(Enumerable.Repeat("|-", columns)) + "|\n"
            + string.Concat(Enumerable.Repeat(cell.Replace("\n", " ") + "|\n", rows)));

    private static readonly Gen<string> AnyText = Gen.Frequency(
        (4, TokenText), (3, Nested), (1, Staircase), (1, WideTable), (1, Gen.String[0, 400]));

    [Fact]
    public void Markdown_renders_without_fallback_in_proportion_and_safe()
    {
        AnyText.Sample(markdown =>
        {
            var rendered = ContentRenderer.Render(markdown, Resolver);

            Assert.True(rendered.Failure is null, $"fell back: {rendered.Failure}");
            Assert.True(rendered.Html.Length <= MaxGrowth * markdown.Length + Slack, $"{rendered.Html.Length} characters for {markdown.Length}");
            HtmlSafety.AssertSafe(rendered.Html, markdown);
        }, iter: 300, threads: 1);
    }

    [Fact]
    public void The_fallback_is_escaped_and_in_proportion()
    {
        AnyText.Sample(text =>
        {
            var html = ContentRenderer.EscapedParagraphs(text);

            Assert.True(html.Length <= 6 * text.Length + 16, $"{html.Length} characters for {text.Length}");
            Assert.DoesNotContain("<", html.Replace("<p>", "").Replace("</p>", "").Replace("<br />", ""));
            HtmlSafety.AssertSafe(html, text);
        }, iter: 300, threads: 1);
    }

    [Fact]
    public void The_nesting_cap_only_adds_escapes_and_keeps_markdig_within_its_limits()
    {
        AnyText.Sample(markdown =>
        {
            var limited = MarkdownNesting.Limit(markdown, out var cut);

            Assert.Equal(cut is null, ReferenceEquals(limited, markdown));
            Assert.True(limited.Length <= 2 * markdown.Length);
            // Removing the inserted backslashes gives the original back: nothing but escapes was added.
            if (cut is not null) Assert.Equal(markdown.Replace("\\", ""), limited.Replace("\\", ""));
            var document = ContentMarkdown.TryParse(markdown, out var failure);
            Assert.True(document is not null, $"parse failed: {failure}");
            Assert.True(Depth(document) <= MarkdownNesting.MaxBlockDepth + MarkdownNesting.MaxInlineDepth + 4, $"depth {Depth(document)}");
        }, iter: 250, threads: 1);
    }

    [Fact]
    public void Plain_text_of_headings_never_throws_and_stays_in_proportion()
    {
        AnyText.Sample(text =>
        {
            var markdown = "## " + text + "\n# " + text;
            var document = ContentMarkdown.TryParse(markdown, out var failure);
            Assert.True(document is not null, $"parse failed: {failure}");
            foreach (var heading in document.Descendants<HeadingBlock>())
            {
                Assert.True(ContentMarkdown.PlainText(heading.Inline).Length <= markdown.Length);
            }
        }, iter: 300, threads: 1);
    }

    private static readonly string[] ShippedContentFiles = Directory.GetFiles(TestPaths.ShippedContent, "*.md", SearchOption.AllDirectories)
        .Where(f => !f.EndsWith("README.md", StringComparison.Ordinal)).Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();

    private static readonly string[] ShippedScenarioFiles = Directory.GetFiles(Path.Combine(TestPaths.RepositoryRoot, "scenarios"), "*.yml")
        .Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();

    /// <summary>A real file with a few edits: inserted tokens or nested runs, deletions, truncation.</summary>
    private static Gen<string> Mutated(string[] files) => Gen.Select(Gen.Int[0, files.Length - 1], Gen.Select(Gen.Double[0, 1], Gen.Frequency((5, Token), (2, Nested)), Gen.Int[0, 3]).Array[0, 6],
        (index, edits) =>
        {
            var text = new StringBuilder(files[index]);
            foreach (var (where, insert, kind) in edits)
            {
                var at = Math.Min((int)(where * text.Length), text.Length);
                switch (kind)
                {
                    case 0: text.Remove(at, Math.Min(1 + insert.Length, text.Length - at)); break;
                    case 1: text.Length = at; break;
                    default: text.Insert(at, insert); break;
                }
            }
            return text.ToString();
        });

    /// <summary>Front matter with random values and fields, then a random body.</summary>
    private static readonly Gen<string> SynthesizedContentFile = Gen.Select(
        Gen.OneOf(ContentKinds.Slugs.ToArray()), TokenText, TokenText, Gen.OneOf("links: []\n", "links: [" , "", "links:\n  - " , "checks:\n  - id: a\n    soort: meerkeuze\n    vraag: "),
        AnyText, AnyText,
        (kind, title, value, extra, checkText, body) =>
            $"---\nid: x\ntitel: {title.Replace("\n", " ")}\nsoort: {kind}\nsamenvatting: {value}\n{extra}{checkText}\n---\n{body}");

    [Fact]
    public void Content_files_give_diagnostics_never_exceptions_and_loaded_items_render_safely()
    {
        Gen.Frequency((2, Mutated(ShippedContentFiles)), (1, SynthesizedContentFile)).Sample(text =>
        {
            var diagnostics = new List<Diagnostic>();
            var item = ContentFileReader.Parse(text, "map/x.md", diagnostics);

            AssertWellFormed(diagnostics);
            if (item is null) return;
            foreach (var markdown in item.Sections.Select(s => s.Markdown).Prepend(item.Introduction).Prepend(item.Body))
            {
                var rendered = ContentRenderer.Render(markdown, Resolver);
                Assert.True(rendered.Failure is null, $"fell back: {rendered.Failure}");
                HtmlSafety.AssertSafe(rendered.Html, markdown);
            }
            AssertWellFormed(ContentValidator.Validate(new ContentLibrary([item])));
        }, iter: 300, threads: 1);
    }

    private static readonly string[] YamlTokens =
    [
        "a", "b: ", ":", ": ", "- ", "-", "[", "]", "{", "}", ",", "\"", "'", "|", "|-", ">-", ">", "\n", "\n  ", "\n    ", "  ", "#",
        "&a ", "*a", "!!str ", "!x ", "? ", "---", "...", "\t", "\\", "é", "😀", "%YAML 1.2", "@", "`", "x: y\n", "- a\n", "  b: c\n",
        "\"\\u00e9\"", "'it''s'", "\0", "\uFFFE", "\r\n", "~", "null", "true", "1e3", "0x1F", "<<: *a",
    ];

    private static readonly Gen<string> YamlText = Gen.Frequency(
        (4, Gen.OneOf(YamlTokens).Array[0, 60].Select(string.Concat)),
        (2, Gen.Select(Gen.OneOf("[", "{", "- ", "? ", "a:\n", "[a, ", "{a: "), Gen.Int[10, 400], (open, count) => string.Concat(Enumerable.Repeat(open, count)))),
        (1, Gen.Int[10, 200].Select(depth => string.Concat(Enumerable.Range(0, depth).Select(i => new string(' ', i * 2) + "a:\n")))),
        (1, Gen.String[0, 200]));

    [Fact]
    public void Yaml_readers_report_errors_as_diagnostics_never_other_exceptions()
    {
        YamlText.Sample(yaml =>
        {
            var reported = new List<Diagnostic>();
            BlockYamlReader.TryRead(yaml, "x.yml", 1, reported.Add, out _);
            try
            {
                YamlTree.Parse(yaml, "x.yml", firstLine: 1, reported.Add);
            }
            catch (YamlTreeException e)
            {
                Assert.True(e.Position.Line >= 1 && e.Position.Column >= 1, e.Message);
            }
            AssertWellFormed(reported);
        }, iter: 500, threads: 1);
    }

    [Fact]
    public void Scenario_and_competency_files_give_diagnostics_never_exceptions()
    {
        Gen.Frequency((3, Mutated(ShippedScenarioFiles)), (1, YamlText)).Sample(text =>
        {
            var diagnostics = new List<Diagnostic>();
            var scenario = ScenarioLoader.Parse(text, "scenarios/x.yml", diagnostics);
            var catalog = CompetencyCatalog.Parse(text, "content/competenties.yml", diagnostics);
            if (scenario is not null) ScenarioValidator.Validate(scenario, ContentLibrary.Empty, catalog, diagnostics);

            AssertWellFormed(diagnostics);
        }, iter: 200, threads: 1);
    }

    [Fact]
    public void Search_never_throws_and_snippets_come_from_the_text()
    {
        Gen.Select(AnyText.Array[1, 4], Gen.Frequency((3, TokenText), (1, Nested)), (texts, query) => (texts, query)).Sample(sample =>
        {
            var items = sample.texts.Select((text, i) => Item($"i{i}", text.Length > 80 ? text[..80] : text, ContentKind.Theme, text, text)).ToList();
            var search = new ContentSearch(new ContentLibrary(items));

            foreach (var hit in search.Search(sample.query))
            {
                Assert.Equal(hit.Item.Title, string.Concat(hit.TitleParts.Select(p => p.Text)));
                Assert.True(hit.Snippet.Sum(p => p.Text.Length) <= 2 * hit.Item.Body.Length + 16);
            }
        }, iter: 100, threads: 1);
    }

    private static void AssertWellFormed(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            Assert.True(diagnostic.Line >= 1 && diagnostic.Column >= 1, diagnostic.ToString());
            Assert.Matches(@"^[^:\n]+:\d+:\d+: (error|warning) GWT\d{3}: \S", diagnostic.ToString());
            Assert.DoesNotContain("ontwikkelaars", diagnostic.Message);
        }
    }

    /// <summary>The deepest nesting in the document, blocks and inlines together, as Markdig's renderer counts it.</summary>
    private static int Depth(MarkdownObject root)
    {
        var deepest = 0;
        var pending = new Stack<(MarkdownObject Node, int Depth)>();
        pending.Push((root, 0));
        while (pending.Count > 0)
        {
            var (node, depth) = pending.Pop();
            deepest = Math.Max(deepest, depth);
            switch (node)
            {
                case ContainerBlock container:
                    foreach (var child in container) pending.Push((child, depth + 1));
                    break;
                case LeafBlock { Inline: { } inline }:
                    pending.Push((inline, depth + 1));
                    break;
                case Markdig.Syntax.Inlines.ContainerInline container:
                    foreach (var child in container) pending.Push((child, depth + 1));
                    break;
            }
        }
        return deepest;
    }

    private static ContentItem Item(string id, string title, ContentKind kind, string summary, string body) => new()
    {
        Id = id,
        Title = title,
        Kind = kind,
        Summary = summary,
        Body = body,
        BodyLine = 1,
        File = id + ".md",
    };
}
