using GeneralistischWerkt.Training.Core.Content;
using GeneralistischWerkt.Training.Core.Content.Markdown;

namespace GeneralistischWerkt.Training.Core.Tests.Content;

public class ContentRendererTests
{
    private static readonly ContentLibrary Library = new(
    [
        Item("actief-luisteren", "Actief luisteren", ContentKind.CoreAttitude),
        Item("eerste-onthaal", "Eerste onthaal", ContentKind.Phase),
        Item("traject", "Het begeleidingstraject", ContentKind.Module),
        Item("les-cyclus", "Zes fasen", ContentKind.Lesson, moduleId: "traject"),
        Item("les-zwerver", "Zonder module", ContentKind.Lesson, moduleId: "bestaat-niet"),
        Item("ecogram", "Ecogram", ContentKind.Instrument),
        Item("doorverwijzen", "Doorverwijzen & <loslaten>", ContentKind.Theme),
    ]);

    private static readonly IContentLinkResolver Resolver = new LibraryLinkResolver(Library);

    private static string Render(string markdown) => ContentRenderer.ToHtml(markdown, Resolver).Trim();

    [Theory]
    [InlineData("[[fiche:actief-luisteren]]", "/fiches/actief-luisteren", "Actief luisteren")]
    [InlineData("[[fase:eerste-onthaal]]", "/fasen/eerste-onthaal", "Eerste onthaal")]
    [InlineData("[[module:traject]]", "/modules/traject", "Het begeleidingstraject")]
    [InlineData("[[les:les-cyclus]]", "/modules/traject/les-cyclus", "Zes fasen")]
    [InlineData("[[les:les-zwerver]]", "/inhoud/les/les-zwerver", "Zonder module")]
    [InlineData("[[instrument:ecogram]]", "/inhoud/instrument/ecogram", "Ecogram")]
    public void Internal_links_follow_the_url_scheme_with_the_title_as_label(string markdown, string url, string label)
    {
        Assert.Equal($"<p><a href=\"{url}\" class=\"content-link\">{label}</a></p>", Render(markdown));
    }

    [Fact]
    public void A_label_replaces_the_title()
    {
        Assert.Equal(
            "<p>Lees over <a href=\"/fiches/actief-luisteren\" class=\"content-link\">goed luisteren</a>.</p>",
            Render("Lees over [[fiche:actief-luisteren|goed luisteren]]."));
    }

    [Fact]
    public void Titles_and_labels_are_escaped()
    {
        Assert.Equal(
            "<p><a href=\"/inhoud/thema/doorverwijzen\" class=\"content-link\">Doorverwijzen &amp; &lt;loslaten&gt;</a></p>",
            Render("[[thema:doorverwijzen]]"));
        Assert.Equal(
            "<p><a href=\"/inhoud/thema/doorverwijzen\" class=\"content-link\">&lt;b&gt;vet&lt;/b&gt;</a></p>",
            Render("[[thema:doorverwijzen|<b>vet</b>]]"));
    }

    [Fact]
    public void A_label_may_wrap_onto_the_next_line()
    {
        Assert.Equal(
            "<p>Zie <a href=\"/fiches/actief-luisteren\" class=\"content-link\">actief te luisteren</a> hier.</p>",
            Render("Zie [[fiche:actief-luisteren|actief te\nluisteren]] hier."));
    }

    [Theory]
    [InlineData("[[fiche:bestaat-niet]]", "fiche:bestaat-niet", "fiche:bestaat-niet")]
    [InlineData("[[fiche:bestaat-niet|een label]]", "fiche:bestaat-niet", "een label")]
    [InlineData("[[fiche:ecogram]]", "fiche:ecogram", "fiche:ecogram")]
    [InlineData("[[hoofdstuk:ecogram]]", "hoofdstuk:ecogram", "hoofdstuk:ecogram")]
    [InlineData("[[ecogram]]", "ecogram", "ecogram")]
    public void Unknown_targets_are_shown_as_broken_text_never_as_a_link(string markdown, string target, string text)
    {
        var html = Render(markdown);
        Assert.Equal($"<p><span class=\"broken-link\" title=\"Ontbrekende link: {target}\">{text} (ontbrekende link)</span></p>", html);
        Assert.DoesNotContain("<a ", html);
    }

    [Fact]
    public void Links_in_code_stay_code()
    {
        Assert.Equal("<p><code>[[fiche:actief-luisteren]]</code></p>", Render("`[[fiche:actief-luisteren]]`"));
        Assert.Contains("[[fiche:actief-luisteren]]", Render("```\n[[fiche:actief-luisteren]]\n```"));
    }

    [Fact]
    public void Links_work_in_lists_headings_and_emphasis()
    {
        var html = Render("## Over [[fase:eerste-onthaal]]\n\n- **[[fiche:actief-luisteren|Luisteren]]**: zo.");
        Assert.Contains("<h2 id=\"over-eerste-onthaal\">Over <a href=\"/fasen/eerste-onthaal\" class=\"content-link\">Eerste onthaal</a></h2>", html);
        Assert.Contains("<li><strong><a href=\"/fiches/actief-luisteren\" class=\"content-link\">Luisteren</a></strong>: zo.</li>", html);
    }

    [Theory]
    [InlineData("Risico's en valkuilen", "risico-s-en-valkuilen")]
    [InlineData("Wat hoort erbij", "wat-hoort-erbij")]
    [InlineData("Zelfwaarde en welbevinden: één blik", "zelfwaarde-en-welbevinden-een-blik")]
    [InlineData("  ", "sectie")]
    public void Heading_ids_are_readable_slugs(string heading, string id)
    {
        Assert.Equal(id, ContentRenderer.HeadingId(heading));
    }

    [Fact]
    public void Repeated_headings_get_unique_ids()
    {
        var html = Render("## Doel\n\nA\n\n## Doel\n\nB");
        Assert.Contains("<h2 id=\"doel\">Doel</h2>", html);
        Assert.Contains("<h2 id=\"doel-1\">Doel</h2>", html);
    }

    [Fact]
    public void Ordinary_markdown_links_still_work()
    {
        Assert.Equal("<p><a href=\"https://example.org/a\">site</a></p>", Render("[site](https://example.org/a)"));
        Assert.Equal("<p><a href=\"/fiches/x\">relatief</a></p>", Render("[relatief](/fiches/x)"));
    }

    [Theory]
    [InlineData("<script>alert('x')</script>")]
    [InlineData("Tekst <script>alert('x')</script> in een zin.")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<a href=\"javascript:alert(1)\">klik</a>")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    public void Raw_html_is_rendered_as_text(string markdown)
    {
        var html = Render(markdown);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<a ", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;", html);
    }

    [Fact]
    public void A_script_tag_shows_up_literally()
    {
        Assert.Equal("<p>&lt;script&gt;alert('x')&lt;/script&gt;</p>", Render("<script>alert('x')</script>"));
    }

    [Theory]
    [InlineData("[klik](javascript:alert(1))", "klik")]
    [InlineData("[klik](JavaScript:alert(1))", "klik")]
    [InlineData("[klik](java&#x09;script:alert(1))", "klik")]
    [InlineData("[klik](vbscript:msgbox)", "klik")]
    [InlineData("[klik](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", "klik")]
    [InlineData("<javascript:alert(1)>", "javascript:alert(1)")]
    [InlineData("![plaatje](javascript:alert(1))", "plaatje")]
    public void Script_urls_are_reduced_to_their_text(string markdown, string text)
    {
        var html = Render(markdown);
        Assert.DoesNotContain("href", html);
        Assert.DoesNotContain("src", html);
        Assert.Contains(text, html);
    }

    [Fact]
    public void Empty_input_renders_nothing()
    {
        Assert.Equal("", ContentRenderer.ToHtml("", Resolver));
        Assert.Equal("", ContentRenderer.ToHtml(null, Resolver));
    }

    [Fact]
    public void A_resolver_is_asked_for_kind_and_id()
    {
        var asked = new List<string>();
        var resolver = new DelegateResolver((kind, id) =>
        {
            asked.Add($"{kind}:{id}");
            return id == "ja" ? new ResolvedContentLink("/x/ja", "Ja!") : null;
        });

        var html = ContentRenderer.ToHtml("[[thema:ja]] [[thema:nee]]", resolver);

        Assert.Equal(["thema:ja", "thema:nee"], asked);
        Assert.Contains("<a href=\"/x/ja\" class=\"content-link\">Ja!</a>", html);
        Assert.Contains("broken-link", html);
    }

    [Fact]
    public void A_resolver_that_returns_a_script_url_gives_a_broken_link()
    {
        var resolver = new DelegateResolver((_, _) => new ResolvedContentLink("javascript:alert(1)", "X"));
        Assert.DoesNotContain("href", ContentRenderer.ToHtml("[[thema:x]]", resolver));
    }

    private sealed class DelegateResolver(Func<string, string, ResolvedContentLink?> resolve) : IContentLinkResolver
    {
        public ResolvedContentLink? Resolve(string kind, string id) => resolve(kind, id);
    }

    private static ContentItem Item(string id, string title, ContentKind kind, string? moduleId = null) => new()
    {
        Id = id,
        Title = title,
        Kind = kind,
        Summary = "",
        Body = "",
        BodyLine = 1,
        File = id + ".md",
        ModuleId = moduleId,
    };
}
