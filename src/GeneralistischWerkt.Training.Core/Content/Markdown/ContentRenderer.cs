using Markdig.Extensions.Tables;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Renderers.Html.Inlines;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace GeneralistischWerkt.Training.Core.Content.Markdown;

/// <summary>What <see cref="ContentRenderer.Render"/> produced; <see cref="Failure"/> says why it fell back to plain text.</summary>
public sealed record RenderedHtml(string Html, Exception? Failure)
{
    public bool IsFallback => Failure is not null;
}

/// <summary>
/// The one place where Markdown, from content files and from users alike, becomes HTML. Raw HTML is never rendered (it
/// shows as text), internal links go through an <see cref="IContentLinkResolver"/>, unknown targets become visibly
/// broken text (never a link), and every link, autolink and image is checked against one allow-list of schemes
/// (<see cref="IsSafeUrl"/>) at the moment its HTML is written, so no earlier step can let a <c>javascript:</c> URL slip
/// through. Rendering is total: nesting is capped before Markdig (<see cref="MarkdownNesting"/>) and any failure
/// still gives the text, HTML-escaped, with its paragraphs and line breaks.
/// </summary>
public static class ContentRenderer
{
    /// <summary>CSS class of a resolved internal link.</summary>
    public const string LinkClass = "content-link";

    /// <summary>CSS class of the text shown for an internal link whose target doesn't exist.</summary>
    public const string BrokenLinkClass = "broken-link";

    /// <summary>The HTML for <paramref name="markdown"/>; never throws (see <see cref="Render"/>).</summary>
    public static string ToHtml(string? markdown, IContentLinkResolver linkResolver) => Render(markdown, linkResolver).Html;

    /// <summary>
    /// Renders Markdown; if anything fails on the way (Markdig, a resolver), the result is the text as escaped paragraphs
    /// and <see cref="RenderedHtml.Failure"/> holds the exception, for the caller to log.
    /// </summary>
    public static RenderedHtml Render(string? markdown, IContentLinkResolver linkResolver)
    {
        ArgumentNullException.ThrowIfNull(linkResolver);
        if (string.IsNullOrEmpty(markdown)) return new RenderedHtml("", null);
        try
        {
            return new RenderedHtml(RenderMarkdown(markdown, linkResolver), null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new RenderedHtml(EscapedParagraphs(markdown), e);
        }
    }

    private static string RenderMarkdown(string markdown, IContentLinkResolver linkResolver)
    {
        var document = ContentMarkdown.Parse(markdown);
        AddHeadingIds(document, linkResolver);
        DropPaddingCells(document);

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        ContentMarkdown.Pipeline.Setup(renderer);
        if (!renderer.ObjectRenderers.Replace<LinkInlineRenderer>(new SafeLinkRenderer())
            || !renderer.ObjectRenderers.Replace<AutolinkInlineRenderer>(new SafeAutolinkRenderer()))
        {
            throw new InvalidOperationException("Markdig's link renderers were not found, so links could not be filtered.");
        }
        renderer.ObjectRenderers.Insert(0, new WikiLinkRenderer(linkResolver));
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    /// <summary>
    /// The fallback: the text itself, HTML-escaped, one <c>&lt;p&gt;</c> per paragraph (blank lines between) and
    /// <c>&lt;br /&gt;</c> for the line breaks inside one.
    /// </summary>
    public static string EscapedParagraphs(string text)
    {
        var html = new System.Text.StringBuilder(text.Length + text.Length / 4 + 16);
        var inParagraph = false;
        foreach (var rawLine in text.ReplaceLineEndings("\n").Split('\n'))
        {
            if (string.IsNullOrWhiteSpace(rawLine))
            {
                if (inParagraph) html.Append("</p>\n");
                inParagraph = false;
                continue;
            }
            html.Append(inParagraph ? "<br />\n" : "<p>");
            inParagraph = true;
            foreach (var c in rawLine)
            {
                switch (c)
                {
                    case '&': html.Append("&amp;"); break;
                    case '<': html.Append("&lt;"); break;
                    case '>': html.Append("&gt;"); break;
                    case '"': html.Append("&quot;"); break;
                    case '\'': html.Append("&#39;"); break;
                    default: html.Append(c); break;
                }
            }
        }
        if (inParagraph) html.Append("</p>\n");
        return html.ToString();
    }

    /// <summary>
    /// The one allow-list of link targets: relative URLs, fragments, http(s), mailto and tel. Every renderer of links
    /// and images asks this before writing an <c>href</c> or <c>src</c>.
    /// </summary>
    public static bool IsSafeUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return true;
        // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:"), so strip them first.
        var compact = new string(url.Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c)).ToArray());
        var colon = compact.IndexOf(':');
        if (colon < 0) return true;
        var slash = compact.IndexOfAny(['/', '?', '#']);
        if (slash >= 0 && slash < colon) return true; // the colon is in the path or query, not a scheme
        var scheme = compact[..colon].ToLowerInvariant();
        return scheme is "http" or "https" or "mailto" or "tel";
    }

    /// <summary>
    /// The anchor id for a heading text: lowercase, accents removed, every run of other characters a single '-'
    /// ("Risico's en valkuilen" → "risico-s-en-valkuilen"). Empty text gives "sectie".
    /// </summary>
    public static string HeadingId(string text)
    {
        // Normalize throws on a lone surrogate (text pasted from a broken source); surrogates never end up in an id anyway.
        if (text.Any(char.IsSurrogate)) text = new string(text.Where(c => !char.IsSurrogate(c)).ToArray());
        var decomposed = text.Normalize(System.Text.NormalizationForm.FormD);
        var id = new System.Text.StringBuilder(decomposed.Length);
        var dash = false;
        foreach (var c in decomposed)
        {
            if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark) continue;
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (dash && id.Length > 0) id.Append('-');
                id.Append(char.ToLowerInvariant(c));
                dash = false;
            }
            else
            {
                dash = true;
            }
        }
        return id.Length == 0 ? "sectie" : id.ToString();
    }

    private static void AddHeadingIds(MarkdownDocument document, IContentLinkResolver resolver)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            var text = ContentMarkdown.PlainText(heading.Inline, link =>
                link.Label ?? (ContentReference.TryParseTarget(link.Target, out var kind, out var id) ? resolver.Resolve(kind, id)?.Title : null) ?? link.Target);
            var baseId = HeadingId(text);
            var unique = baseId;
            for (var n = 1; !used.Add(unique); n++) unique = $"{baseId}-{n}";
            heading.GetAttributes().Id = unique;
        }
    }

    /// <summary>Markdown links and images: an unsafe URL leaves the label as text, or an image's alt text.</summary>
    private sealed class SafeLinkRenderer : LinkInlineRenderer
    {
        protected override void Write(HtmlRenderer renderer, LinkInline link)
        {
            if (IsSafeUrl(link.GetDynamicUrl?.Invoke() ?? link.Url))
            {
                base.Write(renderer, link);
                return;
            }
            var htmlForInline = renderer.EnableHtmlForInline;
            // An image's label is its alt text: plain text. A link's label keeps its emphasis.
            if (link.IsImage) renderer.EnableHtmlForInline = false;
            renderer.WriteChildren(link);
            renderer.EnableHtmlForInline = htmlForInline;
        }
    }

    /// <summary>Autolinks (<c>&lt;https://…&gt;</c>, <c>&lt;naam@voorbeeld.be&gt;</c>): an unsafe URL is written as text.</summary>
    private sealed class SafeAutolinkRenderer : AutolinkInlineRenderer
    {
        protected override void Write(HtmlRenderer renderer, AutolinkInline autolink)
        {
            if (IsSafeUrl(autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url)) base.Write(renderer, autolink);
            else renderer.WriteEscape(autolink.Url);
        }
    }

    /// <summary>
    /// Markdig pads every row of a pipe table with empty cells up to the widest row, so a wide header over many short
    /// rows turns a few kilobytes of text into megabytes of <c>&lt;td&gt;&lt;/td&gt;</c>. The padding (cells without
    /// any content) is dropped at the end of each row, which keeps the HTML in proportion to the text; browsers lay out
    /// short rows the same way.
    /// </summary>
    private static void DropPaddingCells(MarkdownDocument document)
    {
        foreach (var table in document.Descendants<Table>())
        {
            foreach (var row in table.OfType<TableRow>())
            {
                while (row.Count > 0 && row[^1] is TableCell { Count: 0 }) row.RemoveAt(row.Count - 1);
            }
        }
    }

    private sealed class WikiLinkRenderer(IContentLinkResolver resolver) : HtmlObjectRenderer<WikiLinkInline>
    {
        protected override void Write(HtmlRenderer renderer, WikiLinkInline link)
        {
            ResolvedContentLink? target = null;
            if (ContentReference.TryParseTarget(link.Target, out var kind, out var id))
            {
                target = resolver.Resolve(kind, id);
            }

            if (target is not null && IsSafeUrl(target.Url))
            {
                renderer.Write("<a href=\"").WriteEscapeUrl(target.Url).Write("\" class=\"").Write(LinkClass).Write("\">");
                renderer.WriteEscape(link.Label ?? target.Title);
                renderer.Write("</a>");
                return;
            }

            renderer.Write("<span class=\"").Write(BrokenLinkClass).Write("\" title=\"Ontbrekende link: ")
                .WriteEscape(link.Target).Write("\">");
            renderer.WriteEscape(link.Label ?? link.Target);
            renderer.Write(" (ontbrekende link)</span>");
        }
    }
}
