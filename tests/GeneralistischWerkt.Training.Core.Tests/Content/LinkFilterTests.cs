using GeneralistischWerkt.Training.Core.Content;
using GeneralistischWerkt.Training.Core.Content.Markdown;

namespace GeneralistischWerkt.Training.Core.Tests.Content;

/// <summary>Issue 9: links are filtered when their HTML is written, with one allow-list of schemes.</summary>
public class LinkFilterTests
{
    private static readonly IContentLinkResolver Resolver = new LibraryLinkResolver(new ContentLibrary(
    [
        new ContentItem { Id = "x", Title = "Een thema", Kind = ContentKind.Theme, Summary = "", Body = "", BodyLine = 1, File = "x.md" },
    ]));

    private static string Render(string markdown) => ContentRenderer.ToHtml(markdown, Resolver);

    /// <summary>Each input holds only unsafe links; the HTML must have no link or image at all, and keep the text.</summary>
    [Theory]
    [InlineData("<javascript:y> [a](javascript:x)", "javascript:y", "a")]
    [InlineData("[a](javascript:x) <javascript:y>", "javascript:y", "a")]
    [InlineData("[a](JAVASCRIPT:x)", "a", "a")]
    [InlineData("[a](JaVaScRiPt:alert(1))", "a", "a")]
    [InlineData("[a](&#106;avascript:x)", "a", "a")]
    [InlineData("[a](&#x6A;avascript:x)", "a", "a")]
    [InlineData("[a](javascript&#58;x)", "a", "a")]
    [InlineData("[a](javascript&colon;x)", "a", "a")]
    [InlineData("[a](java&#x09;script:x)", "a", "a")]
    [InlineData("[a](java&#10;script:x)", "a", "a")]
    [InlineData("[a](&#x01;javascript:x)", "a", "a")]
    [InlineData("[a](<java script:x>)", "a", "a")]
    [InlineData("[a](<\tjavascript:x>)", "a", "a")]
    [InlineData("[a](%6Aavascript:x)", "a", "a")]
    [InlineData("[a](java%09script:x)", "a", "a")]
    [InlineData("[a](vbscript:msgbox(1))", "a", "a")]
    [InlineData("[a](VBScript:x)", "a", "a")]
    [InlineData("[a](data:text/html;base64,PHNjcmlwdD4=)", "a", "a")]
    [InlineData("[a](DATA:image/svg+xml,<svg>)", "a", "a")]
    [InlineData("[a](file:///etc/passwd)", "a", "a")]
    [InlineData("[a](blob:https://x/1)", "a", "a")]
    [InlineData("[a][r]\n\n[r]: javascript:x", "a", "a")]
    [InlineData("[a][]\n\n[a]: javascript:x", "a", "a")]
    [InlineData("[a]\n\n[a]: <javascript:x> \"titel\"", "a", "a")]
    [InlineData("[A][R]\n\n[r]: &#106;avascript:x", "A", "A")]
    [InlineData("<JavaScript:alert(1)>", "JavaScript:alert(1)", "alert(1)")]
    [InlineData("<vbscript:x>", "vbscript:x", "x")]
    [InlineData("<data:text/html,x>", "data:text/html,x", "x")]
    [InlineData("<file:///etc/passwd>", "file:///etc/passwd", "passwd")]
    [InlineData("![alt](javascript:x)", "alt", "alt")]
    [InlineData("![alt][r]\n\n[r]: data:image/png;base64,AAAA", "alt", "alt")]
    [InlineData("![a ![b](javascript:x)](javascript:y)", "a b", "b")]
    [InlineData("[a [b](javascript:x)](javascript:y)", "b", "a")]
    [InlineData("[**vet** en _schuin_](javascript:x)", "<strong>vet</strong>", "schuin")]
    [InlineData("[a](javascript:x \"t\\\" onmouseover=\\\"alert(1)\")", "a", "a")]
    [InlineData("[a](javascript:x\"onmouseover=y)", "a", "a")]
    public void Unsafe_links_autolinks_and_images_become_their_text(string markdown, string text, string alsoText)
    {
        var html = Render(markdown);

        Assert.DoesNotContain("<a ", html);
        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("href", html);
        Assert.DoesNotContain("src=", html);
        Assert.Contains(text, html);
        Assert.Contains(alsoText, html);
        HtmlSafety.AssertSafe(html, markdown);
    }

    [Theory]
    [InlineData("[a](https://example.org/pad?q=1#x)", "<a href=\"https://example.org/pad?q=1#x\">a</a>")]
    [InlineData("[a](HTTP://example.org)", "<a href=\"HTTP://example.org\">a</a>")]
    [InlineData("[a](/fiches/x)", "<a href=\"/fiches/x\">a</a>")]
    [InlineData("[a](#sectie)", "<a href=\"#sectie\">a</a>")]
    [InlineData("[a](?pagina=2)", "<a href=\"?pagina=2\">a</a>")]
    [InlineData("[a](pad/met:dubbelepunt)", "<a href=\"pad/met:dubbelepunt\">a</a>")]
    [InlineData("[a](mailto:info@voorbeeld.be)", "<a href=\"mailto:info@voorbeeld.be\">a</a>")]
    [InlineData("[a](tel:+3212345678)", "<a href=\"tel:+3212345678\">a</a>")]
    [InlineData("<https://example.org>", "<a href=\"https://example.org\">https://example.org</a>")]
    [InlineData("<info@voorbeeld.be>", "<a href=\"mailto:info@voorbeeld.be\">info@voorbeeld.be</a>")]
    [InlineData("![foto](/img/a.png)", "<img src=\"/img/a.png\" alt=\"foto\" />")]
    [InlineData("[a][r]\n\n[r]: https://example.org", "<a href=\"https://example.org\">a</a>")]
    [InlineData("[[thema:x]]", "<a href=\"/inhoud/thema/x\" class=\"content-link\">Een thema</a>")]
    public void Safe_links_still_render(string markdown, string expected)
    {
        var html = Render(markdown);

        Assert.Contains(expected, html);
        HtmlSafety.AssertSafe(html, markdown);
    }

    [Fact]
    public void Inside_a_safe_link_an_unsafe_image_keeps_only_its_alt_text()
    {
        var html = Render("[a ![b](javascript:x)](https://example.org)");

        Assert.Equal("<p><a href=\"https://example.org\">a b</a></p>", html.Trim());
    }

    [Theory]
    [InlineData("[a](https://x \"t\\\" onmouseover=\\\"alert(1)\")", "title=\"t&quot; onmouseover=&quot;alert(1)\"")]
    [InlineData("[a](<https://x/\"onmouseover=y>)", "href=\"https://x/%22onmouseover=y\"")]
    [InlineData("<https://x/\"onmouseover=y>", "href=\"https://x/%22onmouseover=y\"")]
    [InlineData("[a](<https://x/'onmouseover=y>)", "href=\"https://x/%27onmouseover=y\"")]
    public void Quotes_in_urls_and_titles_cannot_break_out_of_the_attribute(string markdown, string attribute)
    {
        var html = Render(markdown);

        Assert.Contains(attribute, html);
        HtmlSafety.AssertSafe(html, markdown);
    }

    [Fact]
    public void The_checker_itself_recognises_unsafe_html()
    {
        Assert.NotNull(HtmlSafety.Problem("<a href=\"&#106;ava&#x09;script:x\">a</a>"));
        Assert.NotNull(HtmlSafety.Problem("<a href=\"java%0Ascript:x\">a</a>"));
        Assert.NotNull(HtmlSafety.Problem("<img src=\"DATA:x\" />"));
        Assert.NotNull(HtmlSafety.Problem("<p onclick=\"x\">a</p>"));
        Assert.NotNull(HtmlSafety.Problem("<SCRIPT>"));
        Assert.Null(HtmlSafety.Problem("<p>javascript:x &lt;script&gt; onclick=</p><a href=\"/a:b\">a</a>"));
    }
}
